import { checkDecoded, detectEncoding } from '../../src/domain/textEncoding';
import { encodeWindows1258 } from '../support/windows1258';

const TEXT = 'Đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\r\nHội LHPN phường Đại Kim,2026-Q1,TC_HV,1412\r\n';
const signed = (bytes: Buffer) => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

describe('detectEncoding', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(detectEncoding(Buffer.from(TEXT))).toEqual({ ok: true, charset: 'UTF-8', skip: 0 });
    expect(detectEncoding(Buffer.from(`\uFEFF${TEXT}`))).toEqual({ ok: true, charset: 'UTF-8', skip: 3 });
  });

  it('reads UTF-16 little- and big-endian, with a byte-order mark or without', () => {
    const le = Buffer.from(`\uFEFF${TEXT}`, 'utf16le');
    expect(detectEncoding(le)).toEqual({ ok: true, charset: 'UTF-16LE', skip: 2 });
    expect(detectEncoding(le.subarray(2))).toEqual({ ok: true, charset: 'UTF-16LE', skip: 0 });
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(be)).toEqual({ ok: true, charset: 'UTF-16BE', skip: 2 });
    expect(detectEncoding(be.subarray(2))).toEqual({ ok: true, charset: 'UTF-16BE', skip: 0 });
  });

  it('takes bytes that are not UTF-8 for Windows-1258, the ANSI code page of Vietnamese Windows', () => {
    expect(detectEncoding(encodeWindows1258(TEXT))).toEqual({ ok: true, charset: 'windows-1258', skip: 0 });
  });

  it('accepts the signed bytes Apps Script gives', () => {
    expect(detectEncoding(signed(Buffer.from(`\uFEFF${TEXT}`)))).toMatchObject({ charset: 'UTF-8', skip: 3 });
    expect(detectEncoding(signed(encodeWindows1258(TEXT)))).toMatchObject({ charset: 'windows-1258' });
  });

  it.each([
    ['an .xlsx workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'Excel (.xlsx hoặc .xls)'],
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'Excel (.xlsx hoặc .xls)'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'tệp PDF'],
    ['a binary file', Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x44]), 'byte 0'],
    [
      'UTF-8 with a BOM and broken bytes',
      Buffer.concat([Buffer.from(`\uFEFF${TEXT}`), Buffer.from([0xc3])]),
      'bị hỏng',
    ],
    [
      'mostly good UTF-8 with a few broken bytes',
      Buffer.concat([Buffer.from(TEXT), Buffer.from([0xff]), Buffer.from(TEXT)]),
      'bị hỏng',
    ],
  ])('refuses %s, saying how to save as CSV UTF-8', (_name, bytes, what) => {
    const result = detectEncoding(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(what);
    expect(result.error).toContain('Lưu dưới dạng CSV UTF-8');
  });
});

describe('checkDecoded', () => {
  it('composes the combining tone marks of Windows-1258 (NFC)', () => {
    const decoded = new TextDecoder('windows-1258').decode(encodeWindows1258('Đại Kim'));
    expect(decoded).not.toBe('Đại Kim');
    expect(checkDecoded(decoded, 'windows-1258')).toEqual({ ok: true, text: 'Đại Kim' });
  });

  it('refuses a character Google could not decode, naming the line', () => {
    const result = checkDecoded('don_vi,ky\nDK,2026-Q1\nH\ufffdi', 'UTF-8');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('dòng 3') });
  });

  it('refuses a Windows-1258 reading that holds no Vietnamese: the old TCVN3 or VNI encodings', () => {
    // "Đại Kim" in TCVN3 (ABC): § ¹ i, read as Windows-1258.
    const tcvn3 = new TextDecoder('windows-1258').decode(
      Uint8Array.of(0xa7, 0xb9, 0x69, 0x20, 0x4b, 0x69, 0x6d),
    );
    const result = checkDecoded(`don_vi\n${tcvn3}`, 'windows-1258');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('TCVN3') });
    if (!result.ok) expect(result.error).toContain('dòng 2');
    // The same characters are fine in a UTF-8 file: there the decoding is certain.
    expect(checkDecoded('§1 ¹', 'UTF-8').ok).toBe(true);
  });
});
