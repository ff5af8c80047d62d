import { BlobImpl } from './blob';
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
  /** Folder ids; a file created without a folder lives in its owner's root (see rootFolderId). */
  parents: string[];
  trashed: boolean;
  createdAt: number;
  updatedAt: number;
  description: string;
  sharing: { access: AccessClass; permission: PermissionLevel };
  /** Bytes of a non-Google file (PDF, CSV), base64. */
  contentBase64?: string;
}

/** The "shared with you" email Google sends when a person is given a role on a file. */
export interface ShareNotification {
  to: string;
  from: string;
  fileId: string;
  fileName: string;
  role: 'EDIT' | 'VIEW' | 'COMMENT';
  at: number;
}

export interface FilesState {
  files: Record<string, FileRecord>;
  notifications: ShareNotification[];
  /** Conversions made by File.getAs / Document.getAs (the "Files converted" daily quota). */
  conversions: number;
}

export function createFilesState(): FilesState {
  return { files: {}, notifications: [], conversions: 0 };
}

/**
 * The id of a person's "My Drive" folder; the first owner's is "root", which DriveApp also accepts
 * (it stays theirs when the emulator runs a copy's script, whose owner is the copier).
 */
export function rootFolderId(ctx: EmulatorContext, email: string): string {
  const root = ctx.state.files.files.root;
  const id = (root ? root.owner === email : email === ctx.state.owner) ? 'root' : `root:${email}`;
  if (!ctx.state.files.files[id]) {
    const now = ctx.clock.now();
    ctx.state.files.files[id] = {
      id,
      name: 'My Drive',
      mimeType: MIME.folder,
      owner: email,
      editors: [],
      viewers: [],
      commenters: [],
      parents: [],
      trashed: false,
      createdAt: now,
      updatedAt: now,
      description: '',
      sharing: { access: 'PRIVATE', permission: 'NONE' },
    };
  }
  return id;
}

export function registerFile(
  ctx: EmulatorContext,
  fields: {
    name: string;
    mimeType: string;
    owner: string;
    parents?: string[];
    contentBase64?: string;
    idPrefix?: string;
  },
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
    parents: fields.parents ?? [rootFolderId(ctx, fields.owner)],
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

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * A consumer account (gmail.com) has no domain to share with, and its users never see each other's
 * identity (Session); any other domain is Workspace.
 */
export function isConsumer(email: string): boolean {
  const domain = domainOf(email);
  return domain === 'gmail.com' || domain === 'googlemail.com';
}

/**
 * Two accounts of one Google Workspace domain (the same domain, not gmail.com): Google reveals such
 * people to each other's scripts (Session reference, getActiveUser).
 */
export function sameWorkspaceDomain(a: string, b: string): boolean {
  return !isConsumer(a) && !isConsumer(b) && domainOf(a) === domainOf(b);
}

/** Whether the general-access class of the file (anyone, domain) covers `email`. */
function sharingCovers(file: FileRecord, email: string): boolean {
  const { access } = file.sharing;
  if (access === 'ANYONE' || access === 'ANYONE_WITH_LINK') return true;
  return (access === 'DOMAIN' || access === 'DOMAIN_WITH_LINK') && domainOf(email) === domainOf(file.owner);
}

/** Whether `email` may open the file directly: owner, editor, commenter, viewer, or general access. */
export function canAccess(file: FileRecord, email: string): boolean {
  return directRole(file, email) !== 'NONE';
}

export type Role = 'OWNER' | 'EDIT' | 'COMMENT' | 'VIEW' | 'NONE';
const RANK: Record<Role, number> = { NONE: 0, VIEW: 1, COMMENT: 2, EDIT: 3, OWNER: 4 };

/** The role the file gives `email` by name (owner, editors, commenters, viewers), not by sharing. */
function namedRole(file: FileRecord, email: string): Role {
  if (file.owner === email) return 'OWNER';
  if (file.editors.includes(email)) return 'EDIT';
  if (file.commenters.includes(email)) return 'COMMENT';
  if (file.viewers.includes(email)) return 'VIEW';
  return 'NONE';
}

function directRole(file: FileRecord, email: string): Role {
  const named = namedRole(file, email);
  if (named !== 'NONE' || !sharingCovers(file, email)) return named;
  const p = file.sharing.permission;
  return p === 'EDIT' || p === 'COMMENT' || p === 'VIEW' ? p : 'NONE';
}

/** The role of `email` on the file, including what a parent folder's sharing grants (Drive inherits). */
export function roleOf(ctx: EmulatorContext, file: FileRecord, email: string, depth = 0): Role {
  let best = directRole(file, email);
  if (best === 'OWNER' || depth > 20) return best;
  for (const parentId of file.parents) {
    const parent = findFile(ctx, parentId);
    if (!parent) continue;
    // Owning a folder gives edit rights, not ownership, on files others put in it.
    const inherited = roleOf(ctx, parent, email, depth + 1);
    const role: Role = inherited === 'OWNER' ? 'EDIT' : inherited;
    if (RANK[role] > RANK[best]) best = role;
  }
  return best;
}

export function hasAccess(ctx: EmulatorContext, file: FileRecord, email: string): boolean {
  return roleOf(ctx, file, email) !== 'NONE';
}

export function canEdit(ctx: EmulatorContext, file: FileRecord, email: string): boolean {
  const role = roleOf(ctx, file, email);
  return role === 'OWNER' || role === 'EDIT';
}

/**
 * Gives `email` a role on the file unless they already have one at least as high by name ("If the
 * user was already on the list of editors, this method has no effect"), and records Google's
 * "shared with you" email. Used by DriveApp (File/Folder.addEditor, addViewer, addCommenter) and
 * SpreadsheetApp (Spreadsheet.addEditor); callers check the arguments and the right to share.
 */
export function grantRole(
  ctx: EmulatorContext,
  file: FileRecord,
  emailAddress: string,
  role: ShareNotification['role'],
): void {
  // Addresses are stored lowercase, as DriveApp's are (unverified for Spreadsheet.addEditor).
  const email = emailAddress.toLowerCase();
  if (RANK[namedRole(file, email)] >= RANK[role]) return;
  file.viewers = file.viewers.filter((e) => e !== email);
  file.commenters = file.commenters.filter((e) => e !== email);
  ({ EDIT: file.editors, COMMENT: file.commenters, VIEW: file.viewers })[role].push(email);
  ctx.state.files.notifications.push({
    to: email,
    from: effectiveUser(ctx),
    fileId: file.id,
    fileName: file.name,
    role,
    at: ctx.clock.now(),
  });
}

/**
 * Whose authority the running code has (file access, user stores, locks, mail quotas): the
 * execution's effective user, or the owner outside one.
 */
export function effectiveUser(ctx: EmulatorContext): string {
  return ctx.runtime.current()?.effectiveUser ?? ctx.state.owner;
}

export function fileUrl(file: FileRecord): string {
  switch (file.mimeType) {
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${file.id}`;
    case MIME.document:
      return `https://docs.google.com/document/d/${file.id}/edit?usp=drivesdk`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
  }
}

/**
 * What a service knows about the content of its Google files (DocumentApp for documents,
 * SpreadsheetApp for spreadsheets): how to copy it for File.makeCopy and how to convert it for
 * File.getAs (null: that conversion is not supported).
 */
export interface ContentHandler {
  copy(fromId: string, toId: string): void;
  convert(fileId: string, contentType: string): Buffer | null;
}

const handlers = new WeakMap<EmulatorContext, Map<string, ContentHandler>>();

export function registerContentHandler(
  ctx: EmulatorContext,
  mimeType: string,
  handler: ContentHandler,
): void {
  const map = handlers.get(ctx) ?? new Map<string, ContentHandler>();
  map.set(mimeType, handler);
  handlers.set(ctx, map);
}

export function contentHandler(ctx: EmulatorContext, mimeType: string): ContentHandler | null {
  return handlers.get(ctx)?.get(mimeType) ?? null;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/markdown': 'md',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};

/**
 * File.getAs names: "assumes that the part of the filename that follows the last period (if any)
 * is an existing extension that should be replaced" (documented): 'Report.03.2026' -> 'Report.03.pdf'.
 */
export function renameForType(name: string, contentType: string): string {
  const ext = EXTENSIONS[contentType];
  if (!ext) return name;
  const dot = name.lastIndexOf('.');
  return `${dot >= 0 ? name.slice(0, dot) : name}.${ext}`;
}

/** File.getAs / Document.getAs: the file's content converted to `contentType`, as a Blob. */
export function convertFile(ctx: EmulatorContext, file: FileRecord, contentType: string): BlobImpl {
  const type = String(contentType);
  const handler = contentHandler(ctx, file.mimeType);
  let bytes: Buffer | null = null;
  if (handler) bytes = handler.convert(file.id, type);
  else if (type === file.mimeType) bytes = Buffer.from(file.contentBase64 ?? '', 'base64');
  if (!bytes) throw ctx.fail(`Converting from ${file.mimeType} to ${type} is not supported.`);
  if (type === file.mimeType) return new BlobImpl(ctx, bytes, type, file.name);
  ctx.state.files.conversions += 1;
  return new BlobImpl(ctx, bytes, type, renameForType(file.name, type));
}
