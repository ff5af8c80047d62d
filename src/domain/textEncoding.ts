/**
 * Which character encoding a data file uses, from its bytes, so it is read as written or refused
 * with a sentence saying what it is and how to save it as UTF-8. Vietnamese offices send:
 * - "CSV UTF-8" from Excel: UTF-8 with a byte-order mark; Google Sheets' download: UTF-8 without;
 * - "Unicode Text" from Excel: UTF-16 little-endian with a byte-order mark (tab-separated);
 * - plain "CSV" from Excel on Vietnamese Windows: the ANSI code page, Windows-1258, whose tone marks
 *   are combining characters (so the decoded text is normalised to NFC);
 * - now and then a workbook (.xlsx, .xls) or a PDF under a .csv name, or text in the old TCVN3/VNI font encodings.
 * The decoding itself is Google's (`Blob.getDataAsString(charset)`, src/workspace/fileText.ts);
 * this module only decides, so it runs the same on Google, in the dialog's server call and locally.
 */

export type Charset = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1258';

export type Detected =
  | { ok: true; charset: Charset; /** Bytes of the byte-order mark, dropped before decoding. */ skip: number }
  | { ok: false; error: string };

/** How to get a UTF-8 file, for every refusal. */
export const SAVE_AS_UTF8 =
  'Hãy mở tệp bằng Excel, chọn Tệp › Lưu thành (File › Save As), ở "Kiểu tệp" chọn "CSV UTF-8 ' +
  '(Comma delimited) (*.csv)" (Lưu dưới dạng CSV UTF-8), rồi nhập tệp mới này; hoặc trên Google ' +
  'Trang tính chọn Tệp › Tải xuống › Giá trị được phân tách bằng dấu phẩy (.csv).';

const refuse = (what: string): { ok: false; error: string } => ({
  ok: false,
  error: `${what} ${SAVE_AS_UTF8}`,
});

/** Apps Script gives bytes as signed numbers (-128..127); Node and the browser give 0..255. */
const byteAt = (bytes: ArrayLike<number>, i: number): number => bytes[i]! & 0xff;

interface Utf8Scan {
  valid: boolean;
  /** Well-formed sequences of two bytes or more. */
  multiByte: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** UTF-8 well-formedness (Unicode §3.9, table 3-7): no overlongs, no surrogates, nothing above U+10FFFF. */
function scanUtf8(bytes: ArrayLike<number>, from: number): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let i = from;
  while (i < bytes.length) {
    const b = byteAt(bytes, i);
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const next = byteAt(bytes, i + k);
      ok = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf;
    }
    if (ok) {
      multiByte += 1;
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid: invalid === 0, multiByte, invalid };
}

function startsWith(bytes: ArrayLike<number>, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => byteAt(bytes, i) === b);
}

/** UTF-16 without a byte-order mark: ASCII text leaves one byte of every pair zero. */
function utf16Order(bytes: ArrayLike<number>): 'UTF-16LE' | 'UTF-16BE' | null {
  const pairs = Math.min(Math.floor(bytes.length / 2), 4096);
  if (pairs === 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (byteAt(bytes, 2 * i) === 0) evenZero += 1;
    if (byteAt(bytes, 2 * i + 1) === 0) oddZero += 1;
  }
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'UTF-16LE';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'UTF-16BE';
  return null;
}

function hasZero(bytes: ArrayLike<number>): boolean {
  for (let i = 0; i < bytes.length; i++) if (byteAt(bytes, i) === 0) return true;
  return false;
}

/** The encoding of a data file's bytes, or a refusal naming what the file is. */
export function detectEncoding(bytes: ArrayLike<number>): Detected {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return refuse('Đây là tệp bảng tính Excel (.xlsx hoặc .xls), không phải tệp CSV.');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return refuse('Đây là tệp PDF, không phải tệp CSV.');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return scanUtf8(bytes, 3).valid
      ? { ok: true, charset: 'UTF-8', skip: 3 }
      : refuse('Tệp ghi là UTF-8 nhưng có đoạn bị hỏng (byte không hợp lệ), không đọc được.');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, charset: 'UTF-16LE', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, charset: 'UTF-16BE', skip: 2 };
  const order = utf16Order(bytes);
  if (order) return { ok: true, charset: order, skip: 0 };
  if (hasZero(bytes)) return refuse('Tệp có ký tự rỗng (byte 0): đây không phải tệp văn bản CSV.');
  const scan = scanUtf8(bytes, 0);
  if (scan.valid) return { ok: true, charset: 'UTF-8', skip: 0 };
  // A few broken bytes among many good UTF-8 letters is a damaged UTF-8 file, not Windows-1258,
  // whose letters rarely form valid UTF-8 pairs.
  if (scan.multiByte >= 3 * scan.invalid) {
    return refuse('Tệp là UTF-8 nhưng có đoạn bị hỏng (byte không hợp lệ), không đọc được.');
  }
  return { ok: true, charset: 'windows-1258', skip: 0 };
}

/** What the person calls each encoding, in messages and Nhật ký. */
export function charsetName(charset: Charset): string {
  switch (charset) {
    case 'UTF-8':
      return 'UTF-8';
    case 'UTF-16LE':
    case 'UTF-16BE':
      return 'UTF-16 (Unicode Text của Excel)';
    case 'windows-1258':
      return 'Windows-1258 (CSV của Excel tiếng Việt)';
  }
}

const VIETNAMESE_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
/** Non-ASCII characters a Vietnamese data file may hold: letters, typographic punctuation, ₫. */
const EXPECTED = new Set([
  ...VIETNAMESE_LETTERS,
  ...VIETNAMESE_LETTERS.toLocaleUpperCase('vi'),
  ...'“”‘’–—…•·°×±₫€\u00a0\u202f',
]);

/**
 * The decoded text, or why it cannot be trusted: a character Google could not decode (U+FFFD), or,
 * for a file taken to be Windows-1258 (the only guess), a character no Vietnamese file holds: the
 * bytes were then another encoding (TCVN3, VNI, a Western code page) and the text is garbage.
 */
export function checkDecoded(
  text: string,
  charset: Charset,
): { ok: true; text: string } | { ok: false; error: string } {
  const normalized = text.normalize('NFC');
  const lines = normalized.split(/\r\n|\r|\n/);
  const at = (test: (c: string) => boolean): { line: number; char: string } | null => {
    for (let i = 0; i < lines.length; i++) {
      for (const c of lines[i]!) if (test(c)) return { line: i + 1, char: c };
    }
    return null;
  };
  const broken = at((c) => c === '\ufffd');
  if (broken) {
    return refuse(
      `Tệp (đọc theo bảng mã ${charsetName(charset)}) có ký tự không đọc được ở dòng ${broken.line}.`,
    );
  }
  if (charset === 'windows-1258') {
    const odd = at((c) => c > '\u007f' && !EXPECTED.has(c));
    if (odd) {
      return refuse(
        `Tệp không phải UTF-8 và không đọc được theo bảng mã Windows-1258: dòng ${odd.line} có ký tự ` +
          `"${odd.char}" (U+${odd.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); ` +
          'có thể tệp dùng bảng mã cũ TCVN3 (ABC) hoặc VNI.',
      );
    }
  }
  return { ok: true, text: normalized };
}
