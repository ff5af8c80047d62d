/**
 * The units' own words in a report: each narrative row's text placed under its topic or block,
 * naming the unit, with repeats merged (the same unit over several quarters, the same text from
 * several units).
 */
import type { NarrativeEntry, ReportUnit } from './input';
import type { FigureWriter } from './phrases';
import { lowerFirst, unitList, upperFirst } from './phrases';

/** Text as typed, without the trailing punctuation the report adds itself. */
function bare(text: string): string {
  return text.trim().replace(/[.;,\s]+$/, '');
}

/** A text after "; " starts in lower case, unless its first word is an abbreviation ("CLB", "BHYT"). */
function joined(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? lowerFirst(text) : text;
}

/** A key that treats "Ra mắt CLB." and "ra mắt CLB" as one text. */
const keyOf = (text: string): string => bare(text).replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * One item per unit ("Hội LHPN phường Đại Kim: …; …"), or per group of units that wrote the same
 * text ("Hội LHPN phường Đại Kim, phường Định Công: …"), in the order of the units.
 */
function narrativeItems(
  entries: readonly NarrativeEntry[],
  code: string,
  units: readonly ReportUnit[],
  writer: FigureWriter,
): string[] {
  const order = new Map(units.map((u, i) => [u.ma, i]));
  const names = new Map(units.map((u) => [u.ma, u.ten]));
  const byText = new Map<string, { text: string; units: string[] }>();
  for (const entry of entries) {
    if (entry.code !== code || bare(entry.text) === '' || !order.has(entry.unit)) continue;
    const key = keyOf(entry.text);
    const found = byText.get(key) ?? { text: bare(entry.text), units: [] };
    if (!found.units.includes(entry.unit)) found.units.push(entry.unit);
    byText.set(key, found);
  }
  // Texts several units share stand on their own; a unit's other texts are joined on one line.
  const lines: Array<{ first: number; units: string[]; texts: string[] }> = [];
  for (const { text, units: by } of byText.values()) {
    by.sort((a, b) => order.get(a)! - order.get(b)!);
    const own = by.length === 1 ? lines.find((l) => l.units.length === 1 && l.units[0] === by[0]) : undefined;
    if (own) own.texts.push(text);
    else lines.push({ first: order.get(by[0]!)!, units: by, texts: [text] });
  }
  return lines
    .sort((a, b) => a.first - b.first)
    .map((line) =>
      writer.quote(
        `${unitList(line.units.map((u) => names.get(u)!))}: ${line.texts.map((t, i) => (i === 0 ? upperFirst(t) : joined(t))).join('; ')}`,
      ),
    );
}

/** The items as lines of a block: "- …." each. */
export function narrativeLines(
  entries: readonly NarrativeEntry[],
  code: string,
  units: readonly ReportUnit[],
  writer: FigureWriter,
): string[] {
  return narrativeItems(entries, code, units, writer).map((item) => `- ${item}.`);
}

/** The items as one paragraph, for the text tags NOI_BAT, TON_TAI, DE_XUAT of edited templates. */
export function narrativeParagraph(
  entries: readonly NarrativeEntry[],
  code: string,
  units: readonly ReportUnit[],
  writer: FigureWriter,
): string {
  const items = narrativeItems(entries, code, units, writer);
  return items.length > 0 ? `${items.join('; ')}.` : 'Chưa có đơn vị nào nêu nội dung này.';
}
