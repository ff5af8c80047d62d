/**
 * Mergers and renames (docs/domain.md §3.3): a unit formed from predecessors on a date (the 2025
 * reform merged communes many to one; a renamed unit has one predecessor). Before that date the
 * unit's figures are its predecessors': a roll-up or a report over an earlier period counts them
 * under the unit that exists now, while Lưu trữ keeps every row under the code it was submitted with
 * (nothing archived is rewritten) and the predecessors' tabs stay, read-only.
 *
 * How predecessors combine: as the workbook's total combines units (SUM indicators add up, the
 * ratios follow from their parts), and only when every predecessor has the figure for that quarter,
 * because a sum over some of them would be a wrong figure, not a missing one. A single predecessor
 * (a rename) passes every value through, ratings and narratives included; the narratives of several
 * are joined. A figure the unit itself has for a quarter wins over its predecessors'.
 */
import type { Indicator } from './catalogue';
import type { DataPoint } from './dataPoints';
import { parseQuarter, quarterStart } from './periods';

export interface Lineage {
  unit: string;
  predecessors: string[];
  /** The day the merger took effect, "2025-07-01". */
  from: string;
}

/** The units' lineages, for units that record predecessors and a date. */
export function lineagesOf(
  units: ReadonlyArray<{ ma: string; predecessors?: readonly string[]; mergedOn?: string | null }>,
): Lineage[] {
  return units
    .filter((u) => (u.predecessors?.length ?? 0) > 0 && u.mergedOn)
    .map((u) => ({ unit: u.ma, predecessors: [...u.predecessors!], from: u.mergedOn! }));
}

/** Whether a quarter began before the merger, so its figures are the predecessors'. */
export function beforeMerger(period: string, from: string): boolean {
  const quarter = parseQuarter(period);
  if (!quarter) return false;
  const [y, m, d] = quarterStart(quarter);
  const start = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return start < from;
}

/** "2025-07-01" → "01/07/2025". */
export function mergerDateText(from: string): string {
  const [y, m, d] = from.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * How a report names a merged unit over a period before its merger: "Hội LHPN xã X (hợp nhất từ xã A,
 * xã B và xã C)", the predecessors without the prefix the unit's own name already says.
 */
export function mergedName(name: string, predecessors: readonly string[]): string {
  const prefix = /^(Hội LHPN |Hội Liên hiệp Phụ nữ )/.exec(name)?.[1] ?? '';
  const names = predecessors.map((n) => (prefix && n.startsWith(prefix) ? n.slice(prefix.length) : n));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}` : names[0];
  return `${name} (hợp nhất từ ${list})`;
}

/**
 * The points with each merged unit's quarters before its merger filled from its predecessors, and
 * the predecessors' points of those quarters taken out (they are now counted under the unit).
 */
export function withPredecessors(
  points: readonly DataPoint[],
  lineages: readonly Lineage[],
  catalogue: readonly Indicator[],
): DataPoint[] {
  if (lineages.length === 0) return [...points];
  const indicators = new Map(catalogue.map((i) => [i.code, i]));
  const key = (unit: string, period: string, code: string) => `${unit}|${period}|${code}`;
  const byKey = new Map(points.map((p) => [key(p.unit, p.period, p.code), p]));
  const absorbed = new Set<DataPoint>();
  const added: DataPoint[] = [];
  for (const lineage of lineages) {
    const earlier = points.filter(
      (p) => lineage.predecessors.includes(p.unit) && beforeMerger(p.period, lineage.from),
    );
    earlier.forEach((p) => absorbed.add(p));
    const cells = new Set(earlier.map((p) => `${p.period}|${p.code}`));
    for (const cell of cells) {
      const [period, code] = cell.split('|') as [string, string];
      if (byKey.has(key(lineage.unit, period, code))) continue;
      const values = lineage.predecessors.map((u) => byKey.get(key(u, period, code))?.value);
      const value = combine(values, indicators.get(code));
      if (value !== null) added.push({ unit: lineage.unit, period, code, value });
    }
  }
  return [...points.filter((p) => !absorbed.has(p)), ...added];
}

function combine(values: ReadonlyArray<DataPoint['value'] | undefined>, indicator: Indicator | undefined) {
  if (values.length === 1) return values[0] ?? null;
  // A narrative row (not an indicator) keeps what each predecessor wrote, as one text.
  if (!indicator) {
    const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return texts.length > 0
      ? [...new Set(texts.map((t) => t.trim().replace(/[.;,\s]+$/, '')))].join('; ')
      : null;
  }
  if (indicator.acrossUnits !== 'SUM') return null;
  if (!values.every((v): v is number => typeof v === 'number')) return null;
  return values.reduce((a, b) => a + b, 0);
}
