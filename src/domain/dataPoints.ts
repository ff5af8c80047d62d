/**
 * Entered data in long form (DHIS2's "data values"): one value per unit, quarter and indicator.
 * Numbers are numbers (money in the indicator's unit); a rating is its class label.
 */
export type DataValue = number | string;

export interface DataPoint {
  /** Unit code, e.g. "DK". */
  unit: string;
  /** Quarter key, e.g. "2026-Q2". */
  period: string;
  /** Indicator code. */
  code: string;
  value: DataValue;
}

/** Values of one unit in one quarter, by indicator code (missing codes have no value). */
export type UnitQuarterValues = Record<string, DataValue>;

/** Two stored values are the same figure (a number read back may differ in its last bits). */
export function sameValue(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : String(a) === String(b);
}
