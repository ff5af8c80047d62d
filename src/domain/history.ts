/**
 * History: what a workbook accepts from before the year its unit tabs hold, and which year they
 * hold. A union that adopts the tool mid-term brings the quarters of its current term (and of the
 * previous one, for the comparisons of an end-of-term report) into Lưu trữ, where every report
 * already reads earlier years; the current year's quarters go into the unit tabs as typed ones do.
 * The same path takes last year's Quý IV in January, when the tabs already hold the new year but
 * that quarter is still due (10 days after it ends): its figures go to Lưu trữ, and January's
 * reports of it read them there.
 */
import { periodSpec } from './periodSpec';
import type { Quarter } from './periods';
import { parseQuarter } from './periods';

/** Lưu trữ's source for quarters imported as history (Nhật ký names the import too). */
export const HISTORY_SOURCE = 'Nhập lịch sử';

/** The term before `term` ("2021-2026" → "2016-2021"): same length, ending where it starts. */
export function previousTerm(term: string): string {
  const [from, to] = term.split('-').map(Number) as [number, number];
  return `${from - (to - from)}-${from}`;
}

/** The first quarter history may hold: the start of the previous term (Q3 of its first year by default). */
export function historyStart(term: string): Quarter {
  return parseQuarter(periodSpec(previousTerm(term)).quarters[0]!)!;
}
