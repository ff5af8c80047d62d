import {
  cutOff,
  DEFAULT_TERM_QUARTERS,
  lastCompletedQuarter,
  parsePeriodSpec,
  periodSpec,
  quartersBetween,
  renamePeriod,
  type CutOff,
  type PeriodSpec,
} from '../../src/domain/periodSpec';
import { localDate, shortDate } from '../../src/domain/dates';

const isNfc = (s: string) => s === s.normalize('NFC');
const days = (c: CutOff) => [c.from, c.to, c.toExclusive].map((t) => shortDate(localDate(t)));
const quartersOfYear = (y: number) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`);

describe('periodSpec: the forms', () => {
  it('reads a quarter', () => {
    const spec = periodSpec('2026-Q3');
    expect(spec).toEqual<PeriodSpec>({
      key: '2026-Q3',
      kind: 'quarter',
      quarters: ['2026-Q3'],
      first: { year: 2026, quarter: 3 },
      last: { year: 2026, quarter: 3 },
      name: 'Quý III/2026',
      nameInText: 'quý III/2026',
      reportKind: 'quy',
    });
    expect(periodSpec('2026-Q1').name).toBe('Quý I/2026');
    expect(periodSpec('2026-Q4').nameInText).toBe('quý IV/2026');
  });

  it('reads the first and second halves of a year', () => {
    const h1 = periodSpec('2026-H1');
    expect([h1.key, h1.kind, h1.reportKind]).toEqual(['2026-H1', 'half', 'sau_thang']);
    expect(h1.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(h1.name).toBe('6 tháng đầu năm 2026');
    expect(h1.nameInText).toBe('6 tháng đầu năm 2026');

    const h2 = periodSpec('2026-H2');
    expect([h2.key, h2.kind, h2.reportKind]).toEqual(['2026-H2', 'half', 'sau_thang']);
    expect(h2.quarters).toEqual(['2026-Q3', '2026-Q4']);
    expect(h2.name).toBe('6 tháng cuối năm 2026');
    expect(h2.nameInText).toBe('6 tháng cuối năm 2026');
  });

  it('reads nine months', () => {
    const spec = periodSpec('2026-9M');
    expect([spec.key, spec.kind, spec.reportKind]).toEqual(['2026-9M', 'nine_months', 'chin_thang']);
    expect(spec.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(spec.name).toBe('9 tháng đầu năm 2026');
    expect(spec.nameInText).toBe('9 tháng đầu năm 2026');
  });

  it('reads a year', () => {
    const spec = periodSpec('2026');
    expect([spec.key, spec.kind, spec.reportKind]).toEqual(['2026', 'year', 'nam']);
    expect(spec.quarters).toEqual(quartersOfYear(2026));
    expect(spec.name).toBe('Năm 2026');
    expect(spec.nameInText).toBe('năm 2026');
  });

  it('reads a term as Q3 of its first year through Q2 of its last, by default', () => {
    const spec = periodSpec('2021-2026');
    expect([spec.key, spec.kind, spec.reportKind]).toEqual(['2021-2026', 'term', 'nhiem_ky']);
    expect(spec.quarters).toEqual([
      '2021-Q3',
      '2021-Q4',
      ...quartersOfYear(2022),
      ...quartersOfYear(2023),
      ...quartersOfYear(2024),
      ...quartersOfYear(2025),
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(spec.quarters).toHaveLength(20);
    expect(spec.name).toBe('Nhiệm kỳ 2021 - 2026');
    expect(spec.nameInText).toBe('nhiệm kỳ 2021 - 2026');
    expect(DEFAULT_TERM_QUARTERS).toEqual({ firstQuarter: 3, lastQuarter: 2 });
  });

  it('takes the quarters of a term from a setting', () => {
    // The new local term began with congresses in September-October 2025.
    const local = periodSpec('2025-2030', { term: { firstQuarter: 4, lastQuarter: 3 } });
    expect(local.quarters[0]).toBe('2025-Q4');
    expect(local.quarters[local.quarters.length - 1]).toBe('2030-Q3');
    expect(local.quarters).toHaveLength(20);
    const whole = periodSpec('2021-2026', { term: { firstQuarter: 1, lastQuarter: 4 } });
    expect(whole.quarters).toHaveLength(24);
    expect(whole.key).toBe('2021-2026');
  });

  it('refuses a term setting that is not a quarter', () => {
    expect(() => periodSpec('2021-2026', { term: { firstQuarter: 0, lastQuarter: 2 } })).toThrow(
      'quý đầu/cuối nhiệm kỳ',
    );
    expect(() => periodSpec('2021-2026', { term: { firstQuarter: 3, lastQuarter: 2.5 } })).toThrow(
      'quý đầu/cuối nhiệm kỳ',
    );
  });

  it('writes the term and range dash as set', () => {
    expect(periodSpec('2021-2026', { rangeSeparator: '-' }).nameInText).toBe('nhiệm kỳ 2021-2026');
    expect(periodSpec('2021-Q3..2023-Q4', { rangeSeparator: '-' }).nameInText).toBe(
      'giai đoạn quý III/2021-quý IV/2023',
    );
  });

  it('reads a range of quarters, inclusive, as a mid-term period', () => {
    const spec = periodSpec('2021-Q3..2023-Q4');
    expect([spec.key, spec.kind, spec.reportKind]).toEqual(['2021-Q3..2023-Q4', 'range', 'giua_nhiem_ky']);
    expect(spec.quarters).toEqual(['2021-Q3', '2021-Q4', ...quartersOfYear(2022), ...quartersOfYear(2023)]);
    expect(spec.nameInText).toBe('giai đoạn quý III/2021 - quý IV/2023');
    expect(spec.name).toBe('Giai đoạn quý III/2021 - quý IV/2023');
  });

  it('keeps a range that happens to cover a year as a range', () => {
    const spec = periodSpec('2026-Q1..2026-Q4');
    expect(spec.kind).toBe('range');
    expect(spec.quarters).toEqual(quartersOfYear(2026));
  });

  it('crosses the new year in a two-quarter range', () => {
    expect(periodSpec('2025-Q4..2026-Q1').quarters).toEqual(['2025-Q4', '2026-Q1']);
  });

  it('lets the caller name a period, e.g. the first half of a term', () => {
    const half = renamePeriod(periodSpec('2021-Q3..2023-Q4'), 'nửa đầu nhiệm kỳ (2021 - 2023)');
    expect(half.nameInText).toBe('nửa đầu nhiệm kỳ (2021 - 2023)');
    expect(half.name).toBe('Nửa đầu nhiệm kỳ (2021 - 2023)');
    expect(half.key).toBe('2021-Q3..2023-Q4');
    expect(half.quarters).toHaveLength(10);
    expect(renamePeriod(half, 'giữa nhiệm kỳ', 'GIỮA NHIỆM KỲ').name).toBe('GIỮA NHIỆM KỲ');
    expect(isNfc(renamePeriod(half, 'giữa nhiệm kỳ'.normalize('NFD')).nameInText)).toBe(true);
  });
});

describe('periodSpec: lenient reading, canonical key', () => {
  it.each([
    [' 2026-Q3 ', '2026-Q3'],
    ['2026-q3', '2026-Q3'],
    ['2026 - Q3', '2026-Q3'],
    ['2026-h1', '2026-H1'],
    ['2026-9m', '2026-9M'],
    ['2026 ', '2026'],
    ['2021 - 2026', '2021-2026'],
    ['2021–2026', '2021-2026'],
    ['2021 — 2026', '2021-2026'],
    ['2021-q3 .. 2023-q4', '2021-Q3..2023-Q4'],
    ['2021-Q3 ..2023-Q4', '2021-Q3..2023-Q4'],
  ])('reads "%s" as %s', (text, key) => {
    expect(periodSpec(text).key).toBe(key);
  });

  it('reads its own keys back unchanged', () => {
    for (const key of ['2026-Q3', '2026-H1', '2026-H2', '2026-9M', '2026', '2021-2026', '2021-Q3..2023-Q4']) {
      expect(periodSpec(periodSpec(key).key).key).toBe(key);
    }
  });
});

describe('periodSpec: bad input', () => {
  const FORMS = 'Các dạng được chấp nhận: 2026-Q3';

  it.each([
    ['2026-Q5', 'không đúng dạng nào'],
    ['2026-Q0', 'không đúng dạng nào'],
    ['2026Q1', 'không đúng dạng nào'],
    ['26-Q1', 'không đúng dạng nào'],
    ['Quý I/2026', 'không đúng dạng nào'],
    ['2026-H3', 'không đúng dạng nào'],
    ['2026-6M', 'không đúng dạng nào'],
    ['năm 2026', 'không đúng dạng nào'],
    ['2021-26', 'không đúng dạng nào'],
    ['2021-Q3..2023', 'hai đầu của giai đoạn phải là quý, ví dụ 2021-Q3..2023-Q4'],
    ['2021..2023', 'hai đầu của giai đoạn phải là quý, ví dụ 2021-Q3..2023-Q4'],
    ['2023-Q4..2021-Q3', 'quý đầu (quý IV/2023) phải trước quý cuối (quý III/2021)'],
    ['2026-Q3..2026-Q3', 'giai đoạn chỉ có một quý, hãy ghi 2026-Q3'],
    ['2026-2021', 'năm kết thúc nhiệm kỳ (2021) phải sau năm bắt đầu (2026)'],
    ['2026-2026', 'năm kết thúc nhiệm kỳ (2026) phải sau năm bắt đầu (2026)'],
    ['2021-2050', 'nhiệm kỳ dài quá 10 năm'],
    ['1900', 'năm 1900 nằm ngoài khoảng 1930 - 2100'],
    ['2026-Q1..2201-Q1', 'năm 2201 nằm ngoài khoảng 1930 - 2100'],
  ])('refuses "%s": %s', (text, why) => {
    const result = parsePeriodSpec(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`Kỳ báo cáo "${text}" không hợp lệ: ${why}.`);
    expect(result.error).toContain(FORMS);
    expect(result.error).toContain('2021-Q3..2023-Q4 (giai đoạn');
    expect(isNfc(result.error)).toBe(true);
  });

  it('asks for a period when the text is empty', () => {
    for (const text of ['', '   ']) {
      const result = parsePeriodSpec(text);
      expect(result).toEqual({ ok: false, error: expect.stringContaining('Chưa nhập kỳ báo cáo.') });
    }
  });

  it('throws the same message from periodSpec', () => {
    expect(() => periodSpec('2026-Q5')).toThrow('Kỳ báo cáo "2026-Q5" không hợp lệ');
  });

  it('names the text as typed, not as tidied', () => {
    const result = parsePeriodSpec('2023-q4 .. 2021-q3');
    expect(!result.ok && result.error).toContain('Kỳ báo cáo "2023-q4 .. 2021-q3"');
  });
});

describe('periodSpec: every name is NFC', () => {
  it('holds for each kind', () => {
    for (const key of ['2026-Q3', '2026-H1', '2026-H2', '2026-9M', '2026', '2021-2026', '2021-Q3..2023-Q4']) {
      const spec = periodSpec(key);
      expect(isNfc(spec.name)).toBe(true);
      expect(isNfc(spec.nameInText)).toBe(true);
    }
  });

  it('reads decomposed input', () => {
    expect(periodSpec('2021\u20132026'.normalize('NFD')).key).toBe('2021-2026');
  });
});

describe('quartersBetween', () => {
  it('lists quarters inclusive, and none when the ends are reversed', () => {
    expect(quartersBetween({ year: 2026, quarter: 2 }, { year: 2026, quarter: 2 })).toEqual([
      { year: 2026, quarter: 2 },
    ]);
    expect(quartersBetween({ year: 2026, quarter: 3 }, { year: 2026, quarter: 2 })).toEqual([]);
  });
});

describe('cutOff', () => {
  it('uses calendar quarters under the calendar rule', () => {
    expect(days(cutOff(periodSpec('2026-Q1'), 'calendar'))).toEqual([
      '01/01/2026',
      '31/03/2026',
      '01/04/2026',
    ]);
    expect(days(cutOff(periodSpec('2026-Q2'), 'calendar'))).toEqual([
      '01/04/2026',
      '30/06/2026',
      '01/07/2026',
    ]);
    expect(days(cutOff(periodSpec('2026-Q3'), 'calendar'))).toEqual([
      '01/07/2026',
      '30/09/2026',
      '01/10/2026',
    ]);
    expect(days(cutOff(periodSpec('2026-Q4'), 'calendar'))).toEqual([
      '01/10/2026',
      '31/12/2026',
      '01/01/2027',
    ]);
    expect(days(cutOff(periodSpec('2026-H1'), 'calendar'))).toEqual([
      '01/01/2026',
      '30/06/2026',
      '01/07/2026',
    ]);
    expect(days(cutOff(periodSpec('2026-9M'), 'calendar'))).toEqual([
      '01/01/2026',
      '30/09/2026',
      '01/10/2026',
    ]);
    expect(days(cutOff(periodSpec('2026'), 'calendar'))).toEqual(['01/01/2026', '31/12/2026', '01/01/2027']);
    expect(days(cutOff(periodSpec('2021-2026'), 'calendar'))).toEqual([
      '01/07/2021',
      '30/06/2026',
      '01/07/2026',
    ]);
    expect(days(cutOff(periodSpec('2021-Q3..2023-Q4'), 'calendar'))).toEqual([
      '01/07/2021',
      '31/12/2023',
      '01/01/2024',
    ]);
  });

  it('gives normalised tuples, with the real last day of the month', () => {
    expect(cutOff(periodSpec('2026-Q1'), 'calendar')).toEqual({
      from: [2026, 0, 1],
      to: [2026, 2, 31],
      toExclusive: [2026, 3, 1],
    });
    expect(cutOff(periodSpec('2026-Q4'), 'calendar').toExclusive).toEqual([2027, 0, 1]);
  });

  it('runs from the 15th to the 14th under Nghị định 09/2019', () => {
    expect(days(cutOff(periodSpec('2026-Q1'), '15-14'))).toEqual(['15/12/2025', '14/03/2026', '15/03/2026']);
    expect(days(cutOff(periodSpec('2026-Q2'), '15-14'))).toEqual(['15/03/2026', '14/06/2026', '15/06/2026']);
    expect(days(cutOff(periodSpec('2026-Q3'), '15-14'))).toEqual(['15/06/2026', '14/09/2026', '15/09/2026']);
    expect(days(cutOff(periodSpec('2026-Q4'), '15-14'))).toEqual(['15/09/2026', '14/12/2026', '15/12/2026']);
    expect(days(cutOff(periodSpec('2026-H1'), '15-14'))).toEqual(['15/12/2025', '14/06/2026', '15/06/2026']);
    expect(days(cutOff(periodSpec('2026-H2'), '15-14'))).toEqual(['15/06/2026', '14/12/2026', '15/12/2026']);
    expect(days(cutOff(periodSpec('2026-9M'), '15-14'))).toEqual(['15/12/2025', '14/09/2026', '15/09/2026']);
    expect(days(cutOff(periodSpec('2026'), '15-14'))).toEqual(['15/12/2025', '14/12/2026', '15/12/2026']);
    expect(days(cutOff(periodSpec('2021-2026'), '15-14'))).toEqual([
      '15/06/2021',
      '14/06/2026',
      '15/06/2026',
    ]);
    expect(cutOff(periodSpec('2026-Q1'), '15-14')).toEqual({
      from: [2025, 11, 15],
      to: [2026, 2, 14],
      toExclusive: [2026, 2, 15],
    });
  });

  it('makes consecutive quarters meet without a gap or overlap under both rules', () => {
    for (const rule of ['calendar', '15-14'] as const) {
      for (const [a, b] of [
        ['2025-Q4', '2026-Q1'],
        ['2026-Q1', '2026-Q2'],
        ['2026-Q3', '2026-Q4'],
      ] as const) {
        expect(cutOff(periodSpec(a), rule).toExclusive).toEqual(cutOff(periodSpec(b), rule).from);
      }
    }
  });

  it('refuses an unknown rule', () => {
    expect(() => cutOff(periodSpec('2026'), 'monthly' as never)).toThrow('Quy tắc chốt số liệu "monthly"');
  });
});

describe('lastCompletedQuarter', () => {
  it('runs in Hà Nội time', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-420);
  });

  it('closes a quarter at midnight after its last day (calendar rule)', () => {
    expect(lastCompletedQuarter(new Date(2026, 2, 31, 23, 59, 59, 999))).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompletedQuarter(new Date(2026, 3, 1, 0, 0))).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 3, 1, 0, 0), 'calendar')).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 11, 31, 23, 59))).toEqual({ year: 2026, quarter: 3 });
    expect(lastCompletedQuarter(new Date(2027, 0, 1, 0, 0))).toEqual({ year: 2026, quarter: 4 });
    expect(lastCompletedQuarter(new Date(2026, 0, 1, 0, 0))).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompletedQuarter(new Date(2026, 6, 15, 12, 0))).toEqual({ year: 2026, quarter: 2 });
  });

  it('uses local time: 31/03 23:30 in Hà Nội is 16:30 UTC, still Q1', () => {
    const now = new Date(Date.UTC(2026, 2, 31, 16, 30));
    expect(lastCompletedQuarter(now)).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompletedQuarter(new Date(Date.UTC(2026, 2, 31, 17, 0)))).toEqual({ year: 2026, quarter: 1 });
  });

  it('closes a quarter on the 15th of its last month under the 15-14 rule', () => {
    expect(lastCompletedQuarter(new Date(2026, 2, 14, 23, 59), '15-14')).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompletedQuarter(new Date(2026, 2, 15, 0, 0), '15-14')).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 2, 31, 23, 59), '15-14')).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 3, 1, 0, 0), '15-14')).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 5, 14, 23, 59), '15-14')).toEqual({ year: 2026, quarter: 1 });
    expect(lastCompletedQuarter(new Date(2026, 11, 20), '15-14')).toEqual({ year: 2026, quarter: 4 });
    expect(lastCompletedQuarter(new Date(2027, 0, 5), '15-14')).toEqual({ year: 2026, quarter: 4 });
  });

  it('refuses an invalid date', () => {
    expect(() => lastCompletedQuarter(new Date(NaN))).toThrow('Thời điểm không hợp lệ');
  });
});
