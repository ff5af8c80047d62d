import {
  compareQuarters,
  deadlineExclusive,
  parseQuarter,
  previousQuarter,
  quarterEndExclusive,
  quarterKey,
  quarterName,
  quarterOf,
  quarterStart,
} from '../../src/domain/periods';
import { localDate, shortDate } from '../../src/domain/dates';

describe('quarters', () => {
  it('reads "2026-Q3" and writes it back', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter(' 2026-Q1 ')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterKey({ year: 2026, quarter: 3 })).toBe('2026-Q3');
  });

  it.each(['2026-Q5', '2026-Q0', '2026Q1', '26-Q1', 'Quý I/2026', '2026-q1', ''])('refuses "%s"', (text) => {
    expect(parseQuarter(text)).toBeNull();
  });

  it('names a quarter in Vietnamese with a Roman numeral', () => {
    expect(quarterName({ year: 2026, quarter: 1 })).toBe('Quý I/2026');
    expect(quarterName({ year: 2026, quarter: 4 })).toBe('Quý IV/2026');
  });

  it('finds the quarter of a month', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((m) => quarterOf(2026, m).quarter)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('starts a quarter on the first of its first month and ends it before the next one', () => {
    expect(shortDate(localDate(quarterStart({ year: 2026, quarter: 2 })))).toBe('01/04/2026');
    expect(shortDate(localDate(quarterEndExclusive({ year: 2026, quarter: 2 })))).toBe('01/07/2026');
    expect(shortDate(localDate(quarterEndExclusive({ year: 2026, quarter: 4 })))).toBe('01/01/2027');
  });

  it('orders quarters across years and steps back over the new year', () => {
    expect(compareQuarters({ year: 2025, quarter: 4 }, { year: 2026, quarter: 1 })).toBeLessThan(0);
    expect(compareQuarters({ year: 2026, quarter: 3 }, { year: 2026, quarter: 2 })).toBeGreaterThan(0);
    expect(compareQuarters({ year: 2026, quarter: 2 }, { year: 2026, quarter: 2 })).toBe(0);
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
  });

  it('makes the deadline the first day that is late, counting days after the quarter', () => {
    // 10 days after 31/03: the 10th of April is the last day on time.
    expect(shortDate(localDate(deadlineExclusive({ year: 2026, quarter: 1 }, 10)))).toBe('11/04/2026');
    expect(shortDate(localDate(deadlineExclusive({ year: 2026, quarter: 1 }, 0)))).toBe('01/04/2026');
    expect(shortDate(localDate(deadlineExclusive({ year: 2026, quarter: 1 }, 45)))).toBe('16/05/2026');
    expect(shortDate(localDate(deadlineExclusive({ year: 2026, quarter: 4 }, 10)))).toBe('11/01/2027');
  });
});
