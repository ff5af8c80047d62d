import type { BlobImpl } from '../core/blob';
import { blobOf } from '../core/blob';
import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import { parameterMismatch } from '../core/errors';
import type { AccessClass, FileRecord, PermissionLevel, ShareNotification } from '../core/files';
import {
  MIME,
  canEdit,
  contentHandler,
  convertFile,
  effectiveUser,
  fileUrl,
  findFile,
  grantRole,
  hasAccess,
  isConsumer,
  registerFile,
  roleOf,
  rootFolderId,
} from '../core/files';

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
// unverified: confirm on a real account (the text when a viewer changes a file).
const ACCESS_DENIED = 'Access denied: DriveApp.';
const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'] as const;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

class UserImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _email: string,
  ) {
    super(ctx, 'User');
  }
  getEmail(): string {
    return this._email;
  }
  getDomain(): string {
    return this._email.slice(this._email.indexOf('@') + 1);
  }
}

/** FileIterator / FolderIterator over a list fixed when the iterator is made. */
class IteratorImpl<T> extends Emulated {
  _next = 0;

  constructor(
    ctx: EmulatorContext,
    className: string,
    public _items: T[],
  ) {
    super(ctx, className);
  }
  hasNext(): boolean {
    return this._next < this._items.length;
  }
  next(): T {
    if (this._next >= this._items.length)
      throw this._ctx.fail('Cannot retrieve the next object: iterator has reached the end.');
    return this._items[this._next++]!;
  }
}

function fileIterator(ctx: EmulatorContext, records: FileRecord[]): IteratorImpl<FileImpl> {
  return new IteratorImpl(
    ctx,
    'FileIterator',
    records.map((r) => new FileImpl(ctx, r.id)),
  );
}

function folderIterator(ctx: EmulatorContext, records: FileRecord[]): IteratorImpl<FolderImpl> {
  return new IteratorImpl(
    ctx,
    'FolderIterator',
    records.map((r) => new FolderImpl(ctx, r.id)),
  );
}

/**
 * Files the current user can see, in creation order. Trashed files are included, as DriveApp's
 * getFiles / getFilesByName do (commonly reported; unverified: confirm on a real account).
 */
function visible(ctx: EmulatorContext, keep: (file: FileRecord) => boolean): FileRecord[] {
  const user = effectiveUser(ctx);
  return Object.values(ctx.state.files.files).filter(
    (f) => !f.id.startsWith('root') && keep(f) && hasAccess(ctx, f, user),
  );
}

/** What DriveApp.createFile and Folder.createFile accept: a BlobSource, or (name, content[, mimeType]). */
function createFileIn(ctx: EmulatorContext, parentId: string, method: string, args: unknown[]): FileImpl {
  const [first, content, mimeType] = args;
  const blob = args.length === 1 ? blobOf(first) : null;
  let name: string;
  let type: string;
  let bytes: Buffer;
  if (blob) {
    name = blob._name ?? 'Untitled';
    type = blob._contentType ?? 'application/octet-stream';
    bytes = blob._bytes;
  } else if (typeof first === 'string' && typeof content === 'string' && args.length <= 3) {
    name = first;
    type = mimeType === undefined ? 'text/plain' : String(mimeType);
    bytes = Buffer.from(content, 'utf8');
  } else {
    throw parameterMismatch(ctx, method, args);
  }
  // unverified: confirm on a real account (createFile with a Google Workspace MIME type).
  if (type.startsWith('application/vnd.google-apps.')) throw ctx.fail('Invalid argument: file.contentType');
  const record = registerFile(ctx, {
    name,
    mimeType: type,
    owner: effectiveUser(ctx),
    parents: [parentId],
    contentBase64: bytes.toString('base64'),
  });
  return new FileImpl(ctx, record.id);
}

function createFolderIn(ctx: EmulatorContext, parentId: string, name: string): FolderImpl {
  const record = registerFile(ctx, {
    name: String(name),
    mimeType: MIME.folder,
    owner: effectiveUser(ctx),
    parents: [parentId],
    idPrefix: 'folder',
  });
  return new FolderImpl(ctx, record.id);
}

/** What File and Folder share: name, dates, parents, trash, sharing. */
abstract class DriveItem extends Emulated {
  constructor(
    ctx: EmulatorContext,
    className: string,
    public _id: string,
  ) {
    super(ctx, className);
  }

  _file(): FileRecord {
    const file = findFile(this._ctx, this._id);
    if (!file) throw this._ctx.fail(NOT_FOUND);
    return file;
  }

  /** The file, after checking that the current user may change it. */
  _editable(): FileRecord {
    const file = this._file();
    if (!canEdit(this._ctx, file, effectiveUser(this._ctx))) throw this._ctx.fail(ACCESS_DENIED);
    return file;
  }

  _email(user: unknown, method: string): string {
    const email = user instanceof UserImpl ? user._email : user;
    if (typeof email !== 'string')
      throw parameterMismatch(this._ctx, `DriveApp.${this._className}.${method}`, [user]);
    // unverified: confirm on a real account.
    if (!EMAIL.test(email)) throw this._ctx.fail('Invalid argument: permission.value');
    return email.toLowerCase();
  }

  /** addEditor, addViewer, addCommenter: core/files.ts grantRole, after the checks. */
  _grant(user: unknown, role: 'EDIT' | 'COMMENT' | 'VIEW', method: string): this {
    const email = this._email(user, method);
    grantRole(this._ctx, this._editable(), email, role);
    return this;
  }

  _grantAll(users: unknown, role: 'EDIT' | 'COMMENT' | 'VIEW', method: string): this {
    if (!Array.isArray(users))
      throw parameterMismatch(this._ctx, `DriveApp.${this._className}.${method}`, [users]);
    for (const user of users) this._grant(user, role, method);
    return this;
  }

  /** removeEditor, removeViewer, removeCommenter: takes `user` off the given lists. */
  _revoke(user: unknown, method: string, lists: ('editors' | 'commenters' | 'viewers')[]): this {
    const email = this._email(user, method);
    const file = this._editable();
    for (const list of lists) file[list] = file[list].filter((e) => e !== email);
    return this;
  }

  _users(emails: string[]): UserImpl[] {
    return emails.map((e) => new UserImpl(this._ctx, e));
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._file().name;
  }
  setName(name: string): this {
    const file = this._editable();
    file.name = String(name);
    file.updatedAt = this._ctx.clock.now();
    return this;
  }
  getUrl(): string {
    return fileUrl(this._file());
  }
  getOwner(): UserImpl {
    return new UserImpl(this._ctx, this._file().owner);
  }
  getDateCreated(): Date {
    return this._ctx.toRealmDate(this._file().createdAt);
  }
  getLastUpdated(): Date {
    return this._ctx.toRealmDate(this._file().updatedAt);
  }
  getDescription(): string | null {
    return this._file().description || null;
  }
  setDescription(description: string): this {
    this._editable().description = String(description);
    return this;
  }
  getParents(): IteratorImpl<FolderImpl> {
    const user = effectiveUser(this._ctx);
    const parents = this._file()
      .parents.map((id) => findFile(this._ctx, id))
      .filter((f): f is FileRecord => !!f && hasAccess(this._ctx, f, user));
    return folderIterator(this._ctx, parents);
  }
  moveTo(destination: FolderImpl): this {
    if (!(destination instanceof FolderImpl))
      throw parameterMismatch(this._ctx, `DriveApp.${this._className}.moveTo`, [destination]);
    const target = destination._editable();
    this._editable().parents = [target.id];
    return this;
  }
  /** "Only the owner of the item can move it to the trash" (unverified error text). */
  setTrashed(trashed: boolean): this {
    const file = this._file();
    if (file.owner !== effectiveUser(this._ctx)) throw this._ctx.fail(ACCESS_DENIED);
    file.trashed = Boolean(trashed);
    file.updatedAt = this._ctx.clock.now();
    return this;
  }
  isTrashed(): boolean {
    return this._file().trashed;
  }

  addEditor(emailAddress: unknown): this {
    return this._grant(emailAddress, 'EDIT', 'addEditor');
  }
  addEditors(emailAddresses: unknown): this {
    return this._grantAll(emailAddresses, 'EDIT', 'addEditors');
  }
  addViewer(emailAddress: unknown): this {
    return this._grant(emailAddress, 'VIEW', 'addViewer');
  }
  addViewers(emailAddresses: unknown): this {
    return this._grantAll(emailAddresses, 'VIEW', 'addViewers');
  }
  removeEditor(emailAddress: unknown): this {
    return this._revoke(emailAddress, 'removeEditor', ['editors']);
  }
  /** "This method has no effect if the user is an editor" (documented); it removes commenters too. */
  removeViewer(emailAddress: unknown): this {
    return this._revoke(emailAddress, 'removeViewer', ['viewers', 'commenters']);
  }
  /** Live Apps Script lists the owner among the editors; empty without edit access (§3.5). */
  getEditors(): UserImpl[] {
    const file = this._file();
    if (!canEdit(this._ctx, file, effectiveUser(this._ctx))) return [];
    return this._users([file.owner, ...file.editors]);
  }
  /** Live Apps Script lists viewers plus commenters, editors and the owner (§3.5). */
  getViewers(): UserImpl[] {
    const file = this._file();
    if (!canEdit(this._ctx, file, effectiveUser(this._ctx))) return [];
    return this._users([file.owner, ...file.editors, ...file.commenters, ...file.viewers]);
  }
  getAccess(user: unknown): string {
    const email = this._email(user, 'getAccess');
    return roleOf(this._ctx, this._file(), email);
  }
  setSharing(accessType: unknown, permissionType: unknown): this {
    const method = `DriveApp.${this._className}.setSharing`;
    if (
      !ACCESS.includes(accessType as AccessClass) ||
      !PERMISSION.includes(permissionType as PermissionLevel)
    ) {
      throw parameterMismatch(this._ctx, method, [accessType, permissionType]);
    }
    const file = this._editable();
    // Documented to throw; the texts are unverified: confirm on a real account.
    if (permissionType === 'OWNER' || permissionType === 'ORGANIZER' || permissionType === 'FILE_ORGANIZER') {
      throw this._ctx.fail('Invalid argument: permissionType');
    }
    if ((accessType === 'DOMAIN' || accessType === 'DOMAIN_WITH_LINK') && isConsumer(file.owner)) {
      throw this._ctx.fail('Invalid argument: accessType');
    }
    file.sharing = { access: accessType as AccessClass, permission: permissionType as PermissionLevel };
    return this;
  }
  getSharingAccess(): string {
    return this._file().sharing.access;
  }
  getSharingPermission(): string {
    return this._file().sharing.permission;
  }
}

class FileImpl extends DriveItem {
  constructor(ctx: EmulatorContext, id: string) {
    super(ctx, 'File', id);
  }

  getMimeType(): string {
    return this._file().mimeType;
  }
  /** Google files take no quota: their size is 0. */
  getSize(): number {
    return Buffer.byteLength(this._file().contentBase64 ?? '', 'base64');
  }
  addCommenter(emailAddress: unknown): this {
    return this._grant(emailAddress, 'COMMENT', 'addCommenter');
  }
  addCommenters(emailAddresses: unknown): this {
    return this._grantAll(emailAddresses, 'COMMENT', 'addCommenters');
  }
  removeCommenter(emailAddress: unknown): this {
    return this._revoke(emailAddress, 'removeCommenter', ['commenters']);
  }

  /** makeCopy(), makeCopy(destination), makeCopy(name), makeCopy(name, destination). */
  makeCopy(...args: unknown[]): FileImpl {
    const [first, second] = args;
    const name = typeof first === 'string' ? first : undefined;
    const destination =
      first instanceof FolderImpl ? first : second instanceof FolderImpl ? second : undefined;
    const valid =
      args.length === 0 ||
      (args.length === 1 && (name !== undefined || destination !== undefined)) ||
      (args.length === 2 && name !== undefined && second instanceof FolderImpl);
    if (!valid) throw parameterMismatch(this._ctx, 'DriveApp.File.makeCopy', args);

    const source = this._file();
    const user = effectiveUser(this._ctx);
    const handler = contentHandler(this._ctx, source.mimeType);
    if (!handler && source.mimeType.startsWith('application/vnd.google-apps.')) {
      throw this._ctx.fail(`Not emulated: File.makeCopy of ${source.mimeType}`);
    }
    // Without a destination the copy goes where the original is (where the user may add files).
    const parents = destination
      ? [destination._editable().id]
      : source.parents.filter((id) => {
          const parent = findFile(this._ctx, id);
          return parent && canEdit(this._ctx, parent, user);
        });
    const copy = registerFile(this._ctx, {
      name: name ?? `Copy of ${source.name}`,
      mimeType: source.mimeType,
      owner: user,
      parents: parents.length ? parents : [rootFolderId(this._ctx, user)],
      contentBase64: source.contentBase64,
      idPrefix: source.mimeType === MIME.document ? 'doc' : 'file',
    });
    copy.description = source.description;
    handler?.copy(source.id, copy.id);
    return new FileImpl(this._ctx, copy.id);
  }

  /** A Google file's blob is its PDF conversion. */
  getBlob(): BlobImpl {
    const file = this._file();
    return convertFile(this._ctx, file, contentHandler(this._ctx, file.mimeType) ? MIME.pdf : file.mimeType);
  }
  getAs(contentType: string): BlobImpl {
    return convertFile(this._ctx, this._file(), contentType);
  }
}

class FolderImpl extends DriveItem {
  constructor(ctx: EmulatorContext, id: string) {
    super(ctx, 'Folder', id);
  }

  _children(folders: boolean, name?: string): FileRecord[] {
    const id = this._file().id;
    return visible(
      this._ctx,
      (f) =>
        f.parents.includes(id) &&
        (f.mimeType === MIME.folder) === folders &&
        (name === undefined || f.name === name),
    );
  }

  createFolder(name: string): FolderImpl {
    return createFolderIn(this._ctx, this._editable().id, name);
  }
  createFile(...args: unknown[]): FileImpl {
    return createFileIn(this._ctx, this._editable().id, 'DriveApp.Folder.createFile', args);
  }
  getFiles(): IteratorImpl<FileImpl> {
    return fileIterator(this._ctx, this._children(false));
  }
  getFolders(): IteratorImpl<FolderImpl> {
    return folderIterator(this._ctx, this._children(true));
  }
  getFilesByName(name: string): IteratorImpl<FileImpl> {
    return fileIterator(this._ctx, this._children(false, String(name)));
  }
  getFoldersByName(name: string): IteratorImpl<FolderImpl> {
    return folderIterator(this._ctx, this._children(true, String(name)));
  }
}

class DriveAppImpl extends Emulated {
  readonly Access;
  readonly Permission;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'DriveApp');
    this.Access = makeEnum(ctx, 'DriveApp.Access', ACCESS);
    this.Permission = makeEnum(ctx, 'DriveApp.Permission', PERMISSION);
  }

  _root(): string {
    return rootFolderId(this._ctx, effectiveUser(this._ctx));
  }

  _lookup(id: unknown, folder: boolean): FileRecord {
    // "root" is an alias of the current user's My Drive.
    const file = findFile(this._ctx, id === 'root' ? this._root() : String(id));
    if (
      !file ||
      (folder && file.mimeType !== MIME.folder) ||
      !hasAccess(this._ctx, file, effectiveUser(this._ctx))
    ) {
      throw this._ctx.fail(NOT_FOUND);
    }
    return file;
  }

  getFileById(id: string): FileImpl {
    return new FileImpl(this._ctx, this._lookup(id, false).id);
  }
  getFolderById(id: string): FolderImpl {
    return new FolderImpl(this._ctx, this._lookup(id, true).id);
  }
  getRootFolder(): FolderImpl {
    return new FolderImpl(this._ctx, this._root());
  }
  createFolder(name: string): FolderImpl {
    return createFolderIn(this._ctx, this._root(), name);
  }
  createFile(...args: unknown[]): FileImpl {
    return createFileIn(this._ctx, this._root(), 'DriveApp.createFile', args);
  }
  getFilesByName(name: string): IteratorImpl<FileImpl> {
    return fileIterator(
      this._ctx,
      visible(this._ctx, (f) => f.mimeType !== MIME.folder && f.name === String(name)),
    );
  }
  getFoldersByName(name: string): IteratorImpl<FolderImpl> {
    return folderIterator(
      this._ctx,
      visible(this._ctx, (f) => f.mimeType === MIME.folder && f.name === String(name)),
    );
  }
}

export function installDrive(ctx: EmulatorContext) {
  const DriveApp = new DriveAppImpl(ctx);
  const driver = {
    /** A copy of a file's record, or null. */
    file(id: string): FileRecord | null {
      const file = findFile(ctx, id);
      return file ? structuredClone(file) : null;
    },
    /** Every file and folder (not the My Drive roots), in creation order. */
    files(): FileRecord[] {
      return Object.values(ctx.state.files.files)
        .filter((f) => !f.id.startsWith('root'))
        .map((f) => structuredClone(f));
    },
    byName(name: string): FileRecord[] {
      return driver.files().filter((f) => f.name === name);
    },
    /** The bytes of a non-Google file (a saved PDF, a CSV). */
    content(id: string): Buffer {
      return Buffer.from(findFile(ctx, id)?.contentBase64 ?? '', 'base64');
    },
    /** The "shared with you" emails Google sent for addEditor / addViewer / addCommenter. */
    notifications(): ShareNotification[] {
      return structuredClone(ctx.state.files.notifications);
    },
    /** Conversions counted against the "Files converted" daily quota. */
    conversions(): number {
      return ctx.state.files.conversions;
    },
    /** A person creates a folder in the Drive UI. */
    createFolder(name: string, options: { owner?: string; parent?: string } = {}): string {
      const owner = options.owner ?? ctx.state.owner;
      return registerFile(ctx, {
        name,
        mimeType: MIME.folder,
        owner,
        parents: [options.parent ?? rootFolderId(ctx, owner)],
        idPrefix: 'folder',
      }).id;
    },
    /** A person uploads a file. */
    createFile(
      name: string,
      content: string | Buffer,
      options: { mimeType?: string; owner?: string; parent?: string } = {},
    ): string {
      const owner = options.owner ?? ctx.state.owner;
      return registerFile(ctx, {
        name,
        mimeType: options.mimeType ?? 'application/octet-stream',
        owner,
        parents: [options.parent ?? rootFolderId(ctx, owner)],
        contentBase64: Buffer.from(content).toString('base64'),
      }).id;
    },
    /** The owner shares a file in the Drive UI (no script involved, no notification recorded). */
    share(id: string, email: string, role: 'EDIT' | 'COMMENT' | 'VIEW'): void {
      const file = findFile(ctx, id);
      if (!file) throw new Error(`No file ${id}`);
      ({ EDIT: file.editors, COMMENT: file.commenters, VIEW: file.viewers })[role].push(email.toLowerCase());
    },
  };
  return { globals: { DriveApp }, driver };
}
