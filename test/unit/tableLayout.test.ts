import path from 'node:path';
import { layoutTable, textWidth } from '../../src/domain/report/tableLayout';

// fontkit ships no types; this is the part of its API used here.
interface Font {
  unitsPerEm: number;
  glyphForCodePoint(code: number): { advanceWidth: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { openSync(file: string): Font };

const TINOS = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const fonts = {
  regular: fontkit.openSync(path.join(TINOS, '400Regular/Tinos_400Regular.ttf')),
  bold: fontkit.openSync(path.join(TINOS, '700Bold/Tinos_700Bold.ttf')),
};

/** The width of a text in points from the font itself. */
function measured(text: string, size: number, bold: boolean): number {
  const font = bold ? fonts.bold : fonts.regular;
  let units = 0;
  for (const char of text.normalize('NFC'))
    units += font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth;
  return (units / font.unitsPerEm) * size;
}

describe('text width', () => {
  it.each([
    ['STT', true],
    ['102,4%', false],
    ['Đang thực hiện', false],
    ['Tổng số hội viên', true],
    ['Hội LHPN phường Hoàng Văn Thụ', false],
    ['Số thẻ BHYT hộ gia đình vận động phát triển mới', false],
    ['Ưu điểm; những tồn tại', true],
  ])('measures "%s" (bold: %s) as Times New Roman does, within 1%%', (text, bold) => {
    const expected = measured(text, 12, bold);
    expect(Math.abs(textWidth(text, 12, bold) - expected)).toBeLessThanOrEqual(expected * 0.01);
  });
});

describe('column widths', () => {
  const header = [
    'STT',
    'Chỉ tiêu',
    'ĐVT',
    'Trong quý',
    'Lũy kế năm',
    'Chỉ tiêu năm',
    '% thực hiện',
    'Đánh giá',
  ];
  const rows = [
    header,
    ['I', 'Xây dựng tổ chức Hội', '', '', '', '', '', ''],
    ['1', 'Tổng số hội viên', 'người', '30.275*', '32.618', '', '', ''],
    ['2', 'Số hội viên kết nạp mới', 'người', '135*', '304', '550', '102,4%', 'Đang thực hiện'],
    [
      '3',
      'Số công trình / phần việc đăng ký và thực hiện',
      'công trình',
      '9*',
      '18',
      '28 (2/cơ sở)',
      '64,3%',
      '',
    ],
  ];
  const width = 467.7;

  it('never breaks a word or a figure, fills the text width and gives the rest to the label column', () => {
    const { widths, fontSize } = layoutTable(rows, new Set([1]), 1, width);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 6);
    rows.forEach((row, r) =>
      row.forEach((text, c) => {
        const bold = r <= 1;
        for (const word of text.split(/ +/)) {
          expect({ word, fits: textWidth(word, fontSize, bold) + 10 <= widths[c]! }).toEqual({
            word,
            fits: true,
          });
        }
      }),
    );
    // The figures stand on one line; the label column is the widest.
    for (const c of [3, 4, 6]) {
      for (const row of rows.slice(1))
        expect(textWidth(row[c]!, fontSize) + 10).toBeLessThanOrEqual(widths[c]!);
    }
    expect(Math.max(...widths)).toBe(widths[1]);
  });

  it('takes a smaller font when the columns are many, and still breaks no word', () => {
    const wide = rows.map((row) => [...row.slice(0, 3), ...row.slice(3), ...row.slice(3, 7)]);
    const narrow = layoutTable(rows, new Set([1]), 1, width);
    const many = layoutTable(wide, new Set([1]), 1, width);
    expect(many.fontSize).toBeLessThan(narrow.fontSize);
    wide.forEach((row, r) =>
      row.forEach((text, c) => {
        for (const word of text.split(/ +/)) {
          expect(textWidth(word, many.fontSize, r <= 1) + 10).toBeLessThanOrEqual(many.widths[c]!);
        }
      }),
    );
  });

  it('shares the width by need when the table cannot fit at the smallest size', () => {
    const crowded = [
      Array.from({ length: 30 }, (_, i) => `Cột${i}`),
      Array.from({ length: 30 }, () => '1.234.567'),
    ];
    const { widths, fontSize } = layoutTable(crowded, new Set(), 1, width);
    expect(fontSize).toBe(9);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 6);
  });
});
