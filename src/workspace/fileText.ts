/**
 * The text of an uploaded data file. Which encoding it is comes from src/domain/textEncoding.ts;
 * the decoding is Google's: `Blob.getDataAsString(charset)` takes Java charset names
 * (https://developers.google.com/apps-script/reference/base/blob#getDataAsString(String)).
 * UTF-8, UTF-16LE and UTF-16BE are charsets every Java runtime has; windows-1258 is in Java's
 * extended set, which Apps Script scripts are reported to use for Shift_JIS and windows-1252
 * (unverified for windows-1258 on a real account). No JavaScript decoder runs in Apps Script:
 * V8 there has no TextDecoder, and iconv-lite needs Node's Buffer.
 */
import type { Charset } from '../domain/textEncoding';
import { checkDecoded, detectEncoding } from '../domain/textEncoding';

export interface DecodedFile {
  text: string;
  charset: Charset;
}

/** The file's text, NFC; or an Error naming what the file is and how to save it as UTF-8. */
export function decodeFile(name: string, bytes: number[]): DecodedFile {
  const detected = detectEncoding(bytes);
  const label = name ? `"${name}"` : 'đã chọn';
  if (!detected.ok) throw new Error(`Không nhập được tệp ${label}: ${detected.error}`);
  const body = detected.skip > 0 ? bytes.slice(detected.skip) : bytes;
  const decoded = checkDecoded(Utilities.newBlob(body).getDataAsString(detected.charset), detected.charset);
  if (!decoded.ok) throw new Error(`Không nhập được tệp ${label}: ${decoded.error}`);
  return { text: decoded.text, charset: detected.charset };
}

/** Bytes sent as base64 (the dialog's file picker, the command line). */
export function bytesOfBase64(encoded: string): number[] {
  try {
    return Utilities.base64Decode(encoded);
  } catch {
    throw new Error('Không đọc được nội dung tệp gửi lên (base64 không hợp lệ); hãy chọn lại tệp.');
  }
}
