/**
 * Exporting entered data in the import's own format, so a file exported from one workbook can be
 * edited and imported again (or into another workbook) without reformatting.
 */
import { toCsvLine } from './csv';
import type { DataPoint, DataValue } from './dataPoints';
import { DATA_COLUMNS } from './importData';

export interface ExportOrder {
  /** Unit codes in workbook order. */
  units: string[];
  /** Indicator codes in catalogue order. */
  codes: string[];
}

/**
 * A number as the import reads it: "." decimal, no thousands separator, no trailing zeros and no
 * exponent (String() switches to "1e21" / "1e-7" at the extremes, which the import would refuse).
 * One exception to "no trailing zeros": 1.125 would read as 1125 to a Vietnamese reader (and is
 * refused as ambiguous by the import when nothing else in the file shows the convention), so it is
 * written 1.1250.
 */
export function formatNumber(value: number): string {
  const text = plainDigits(value);
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(text) ? `${text}0` : text;
}

function plainDigits(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Không xuất được giá trị "${value}": không phải số hữu hạn.`);
  const text = String(value === 0 ? 0 : value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, first, rest = '', exponentText] = match;
  const digits = first! + rest;
  const point = 1 + Number(exponentText);
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

function formatValue(value: DataValue): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Position in a list; what the list does not name goes after it, in code order. */
function rank(list: readonly string[]): (key: string) => number {
  const index = new Map(list.map((key, i) => [key, i]));
  return (key) => index.get(key) ?? list.length;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The data as CSV: the canonical header, then one line per point by unit, quarter and catalogue order. */
export function formatExport(points: DataPoint[], order: ExportOrder): string {
  const unitRank = rank(order.units);
  const codeRank = rank(order.codes);
  const sorted = [...points].sort(
    (a, b) =>
      unitRank(a.unit) - unitRank(b.unit) ||
      byText(a.unit, b.unit) ||
      byText(a.period, b.period) ||
      codeRank(a.code) - codeRank(b.code) ||
      byText(a.code, b.code),
  );
  const lines = [DATA_COLUMNS, ...sorted.map((p) => [p.unit, p.period, p.code, formatValue(p.value)])];
  return lines.map((fields) => `${toCsvLine(fields)}\n`).join('');
}
