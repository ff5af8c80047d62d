import type { EmulatorContext } from './context';
import { Emulated } from './context';

/** The Java charset names emulated, with their WHATWG labels. */
const CHARSETS: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'WINDOWS-1258': 'windows-1258',
  CP1258: 'windows-1258',
};

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
  /**
   * Java charset names (reference: "Gets the data of this blob as a string with the specified
   * encoding"). Decoded as Java's String(bytes, charset) does: a byte-order mark stays as U+FEFF
   * except under "UTF-16", which reads it to choose the byte order (big-endian without one), and a
   * malformed byte becomes U+FFFD. Node's TextDecoder implements the same tables (WHATWG Encoding).
   */
  getDataAsString(charset?: string): string {
    const name = (charset ?? 'UTF-8').toUpperCase().replace(/_/g, '-');
    if (name === 'UTF-16') {
      const little = this._bytes[0] === 0xff && this._bytes[1] === 0xfe;
      const big = this._bytes[0] === 0xfe && this._bytes[1] === 0xff;
      return new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(
        this._bytes.subarray(little || big ? 2 : 0),
      );
    }
    const label = CHARSETS[name];
    if (!label) throw new Error(`Not emulated: Blob.getDataAsString(${charset})`);
    return new TextDecoder(label, { ignoreBOM: true }).decode(this._bytes);
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
