import { encodeWindows1258 } from '../support/windows1258';
import { message, newEmulator } from './support';

/** Blob.getDataAsString(charset) decodes as Java's String(bytes, charset) does. */
function decode(bytes: Buffer, charset?: string): string {
  const Utilities = newEmulator().globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  return Utilities.newBlob(Array.from(bytes, (b) => (b > 127 ? b - 256 : b))).getDataAsString(
    charset as string,
  );
}

const TEXT = 'Hội LHPN phường Đại Kim';

describe('Blob.getDataAsString(charset)', () => {
  test('UTF-8 is the default, and a byte-order mark stays as U+FEFF', () => {
    expect(decode(Buffer.from(TEXT))).toBe(TEXT);
    expect(decode(Buffer.from(`\uFEFF${TEXT}`), 'UTF-8')).toBe(`\uFEFF${TEXT}`);
    expect(decode(Buffer.from([0x41, 0xc3]), 'UTF-8')).toBe('A\ufffd');
  });

  test('UTF-16LE and UTF-16BE keep a byte-order mark; UTF-16 reads it, and is big-endian without one', () => {
    const le = Buffer.from(`\uFEFF${TEXT}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decode(le, 'UTF-16LE')).toBe(`\uFEFF${TEXT}`);
    expect(decode(be, 'UTF-16BE')).toBe(`\uFEFF${TEXT}`);
    expect(decode(le, 'UTF-16')).toBe(TEXT);
    expect(decode(be, 'UTF-16')).toBe(TEXT);
    expect(decode(be.subarray(2), 'UTF-16')).toBe(TEXT);
  });

  test('windows-1258 gives the combining tone marks as they are (the caller composes them)', () => {
    const text = decode(encodeWindows1258(TEXT), 'windows-1258');
    expect(text).not.toBe(TEXT);
    expect(text.normalize('NFC')).toBe(TEXT);
  });

  test('a charset not emulated says so', () => {
    expect(message(() => decode(Buffer.from('x'), 'Shift_JIS'))).toBe(
      'Not emulated: Blob.getDataAsString(Shift_JIS)',
    );
  });
});
