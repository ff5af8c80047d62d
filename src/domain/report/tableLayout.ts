/**
 * Column widths for a report's tables, from what the cells hold: every column at least as wide as
 * its longest word (so that "STT", "102,4%" or "Đang thực hiện" never break inside a word), the
 * figures on one line when the page allows, the rest to the label column. Text is measured with
 * the advance widths of Times New Roman (taken from Tinos, its metric-compatible twin, which the
 * local PDF export uses; a unit test checks them against the font).
 */

/** Advance widths in 1/1000 em of the characters 32..126, regular then bold. */
const ASCII = {
  regular: [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
    389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
    500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
  ],
  bold: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
    500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
    500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
  ],
};

/** Letters and signs outside ASCII that a report uses: [regular, bold]. */
const EXTRA: Record<string, [number, number]> = {
  đ: [500, 556],
  Đ: [722, 722],
  ư: [542, 600],
  ơ: [529, 554],
  Ư: [776, 796],
  Ơ: [722, 778],
  '–': [500, 500],
  '—': [1000, 1000],
  '…': [1000, 1000],
  '≥': [549, 549],
  '≤': [549, 549],
};

/** The width of one character, in 1/1000 em: a Vietnamese letter as its base letter. */
function charWidth(char: string, bold: boolean): number {
  const extra = EXTRA[char];
  if (extra) return extra[bold ? 1 : 0];
  const code = char.codePointAt(0)!;
  if (code >= 32 && code < 127) return ASCII[bold ? 'bold' : 'regular'][code - 32]!;
  // A letter with a tone mark is as wide as its base letter (the marks sit above or below it).
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const horn = char.normalize('NFD').includes('\u031b');
  if (base !== char && base.length === 1)
    return charWidth(horn ? `${base}\u031b`.normalize('NFC') : base, bold);
  return 600;
}

/** The width of a text in points at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const char of text.normalize('NFC')) total += charWidth(char, bold);
  return (total * size) / 1000;
}

export type Align = 'left' | 'center' | 'right';

export interface TableLayout {
  /** Points per column; they add up to the width given. */
  widths: number[];
  fontSize: number;
}

/**
 * Room a cell needs beyond its text: Docs' padding (5 pt each side), the borders, and a margin
 * for the renderer's rounding (LibreOffice breaks "STT" in a cell exactly as wide as the word).
 */
const PADDING = 13;
const SLACK = 1.03;
const SIZES = [12, 11, 10, 9];
/** The share of the width the label column keeps before figures are given a single line. */
const LABEL_SHARE = 0.3;

/** The width of a table cell that holds `text` on one line. */
export function cellWidth(text: string, size: number, bold = false): number {
  return textWidth(text, size, bold) * SLACK + PADDING;
}

function widest(texts: readonly string[], size: number, bold: boolean, byWord: boolean): number {
  let max = 0;
  for (const text of texts) {
    // Only ordinary spaces break a line: "≥ 89%" is written with a no-break space.
    const parts = byWord ? text.split(/ +/) : [text];
    for (const part of parts) max = Math.max(max, cellWidth(part, size, bold));
  }
  return max;
}

/**
 * Widths for `cells` (row 0 is the header; `boldRows` are set in bold) over `width` points:
 * the largest font size at which every word fits, the label column (`label`) taking what the
 * others do not need. When nothing fits at the smallest size the columns share the width by
 * their needs (a word may then break: the table has more columns than the page can hold).
 */
export function layoutTable(
  cells: readonly string[][],
  boldRows: ReadonlySet<number>,
  label: number,
  width: number,
): TableLayout {
  const columns = cells[0]?.length ?? 0;
  // A header may wrap between its words; the figures below it should not wrap at all.
  const textsOf = (c: number, bold: boolean, header: boolean) =>
    cells.filter((_, r) => boldRows.has(r) === bold && (header || r > 0)).map((row) => row[c] ?? '');
  const need = (size: number, byWord: boolean) =>
    Array.from({ length: columns }, (_, c) =>
      Math.max(
        widest(textsOf(c, false, byWord), size, false, byWord),
        widest(textsOf(c, true, byWord), size, true, byWord),
        byWord ? 0 : widest([cells[0]?.[c] ?? ''], size, true, true),
      ),
    );
  for (const size of SIZES) {
    const min = need(size, true);
    const others = min.reduce((sum, w, c) => (c === label ? sum : sum + w), 0);
    const labelRoom = width - others;
    if (labelRoom < Math.max(min[label] ?? 0, width * LABEL_SHARE) && size !== SIZES[SIZES.length - 1])
      continue;
    if (labelRoom < (min[label] ?? 0)) break;
    const full = need(size, false);
    const widths = [...min];
    // Figures and short texts on one line, cheapest first, while the label keeps its share.
    let spare = labelRoom - Math.max(min[label] ?? 0, width * LABEL_SHARE);
    const order = widths
      .map((w, c) => ({ c, extra: full[c]! - w }))
      .filter((x) => x.c !== label && x.extra > 0)
      .sort((a, b) => a.extra - b.extra);
    for (const { c, extra } of order) {
      if (extra > spare) break;
      widths[c] = full[c]!;
      spare -= extra;
    }
    widths[label] = width - widths.reduce((sum, w, c) => (c === label ? sum : sum + w), 0);
    return { widths, fontSize: size };
  }
  const size = SIZES[SIZES.length - 1]!;
  const min = need(size, true);
  const total = min.reduce((a, b) => a + b, 0);
  return { widths: min.map((w) => (w * width) / total), fontSize: size };
}
