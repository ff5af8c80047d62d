import type { EmulatorContext } from './context';
import { Emulated } from './context';

/** Utilities.newBlob / File.getAs / HtmlOutput.getBlob: bytes with a content type and a name. */
export class BlobImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _bytes: Buffer,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super(ctx, 'Blob');
  }

  getBytes(): number[] {
    return Array.from(this._bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && /^utf-?16/i.test(charset) ? 'utf16le' : 'utf8');
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string): this {
    this._contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = name;
    return this;
  }
  setDataFromString(text: string): this {
    this._bytes = Buffer.from(text, 'utf8');
    return this;
  }
  setBytes(bytes: number[]): this {
    this._bytes = Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b)));
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): BlobImpl {
    return new BlobImpl(this._ctx, Buffer.from(this._bytes), this._contentType, this._name);
  }
  getBlob(): this {
    return this;
  }
}

/** Accepts what Utilities.newBlob accepts: a string or a byte array (signed, as Apps Script gives). */
export function toBuffer(data: string | number[] | Buffer | Uint8Array): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data);
  return Buffer.from(data.map((b) => (b < 0 ? b + 256 : b)));
}

/**
 * The Blob of a BlobSource (a Blob, File, Document, HtmlOutput: an emulated object with getBlob()),
 * or null when `value` is not one. Used where Google accepts "a BlobSource" (DriveApp.createFile,
 * HtmlService.createHtmlOutput).
 */
export function blobOf(value: unknown): BlobImpl | null {
  if (!(value instanceof Emulated) || !('getBlob' in value)) return null;
  return (value as unknown as { getBlob(): BlobImpl }).getBlob();
}
