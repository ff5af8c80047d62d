/** Quarters: the period in which data are entered (docs/domain.md §7). Longer periods build on these. */
export interface Quarter {
  year: number;
  /** 1..4 */
  quarter: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function parseQuarter(text: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** "Quý III/2026". */
export function quarterName(q: Quarter): string {
  return `Quý ${ROMAN[q.quarter - 1]}/${q.year}`;
}

/** The quarter containing a date, given as year and month (1..12) in local time. */
export function quarterOf(year: number, month: number): Quarter {
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** First day of the quarter, [year, monthIndex 0..11, day]. */
export function quarterStart(q: Quarter): [number, number, number] {
  return [q.year, (q.quarter - 1) * 3, 1];
}

/** The day after the quarter's last day, [year, monthIndex, day] (may roll into the next year). */
export function quarterEndExclusive(q: Quarter): [number, number, number] {
  return q.quarter === 4 ? [q.year + 1, 0, 1] : [q.year, q.quarter * 3, 1];
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** The submission deadline: the first moment that is late, [year, monthIndex, day] at 00:00. */
export function deadlineExclusive(q: Quarter, daysAfterEnd: number): [number, number, number] {
  const [y, m, d] = quarterEndExclusive(q);
  return [y, m, d + daysAfterEnd];
}
