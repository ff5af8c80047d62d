import type { EmulatorContext } from './context';

/**
 * The Drive file registry shared by every service that creates files: the bound spreadsheet,
 * documents, PDFs and folders are all Drive files with an owner and permissions. DriveApp is the
 * view of this registry; SpreadsheetApp and DocumentApp register their files here.
 */
export type AccessClass = 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'PRIVATE';
export type PermissionLevel = 'VIEW' | 'EDIT' | 'COMMENT' | 'OWNER' | 'ORGANIZER' | 'FILE_ORGANIZER' | 'NONE';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
} as const;

export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  editors: string[];
  viewers: string[];
  commenters: string[];
  /** Folder ids; a file created without a folder lives in the owner's root ("root"). */
  parents: string[];
  trashed: boolean;
  createdAt: number;
  updatedAt: number;
  description: string;
  sharing: { access: AccessClass; permission: PermissionLevel };
  /** Bytes of a non-Google file (PDF, CSV), base64. */
  contentBase64?: string;
}

export interface FilesState {
  files: Record<string, FileRecord>;
}

export function createFilesState(): FilesState {
  return { files: {} };
}

export function registerFile(
  ctx: EmulatorContext,
  fields: { name: string; mimeType: string; owner: string; parents?: string[]; contentBase64?: string; idPrefix?: string },
): FileRecord {
  const now = ctx.clock.now();
  const record: FileRecord = {
    id: ctx.newId(fields.idPrefix ?? 'file'),
    name: fields.name,
    mimeType: fields.mimeType,
    owner: fields.owner,
    editors: [],
    viewers: [],
    commenters: [],
    parents: fields.parents ?? ['root'],
    trashed: false,
    createdAt: now,
    updatedAt: now,
    description: '',
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    contentBase64: fields.contentBase64,
  };
  ctx.state.files.files[record.id] = record;
  return record;
}

/** The file, or null when it does not exist (callers raise the error their service documents). */
export function findFile(ctx: EmulatorContext, id: string): FileRecord | null {
  return ctx.state.files.files[id] ?? null;
}

/** Whether `email` may open the file: owner, editor, commenter, viewer, or a public link class. */
export function canAccess(file: FileRecord, email: string): boolean {
  if (file.owner === email || file.editors.includes(email) || file.viewers.includes(email)) return true;
  if (file.commenters.includes(email)) return true;
  return file.sharing.access === 'ANYONE' || file.sharing.access === 'ANYONE_WITH_LINK';
}
