import { defaultCatalogue } from '../../src/domain/catalogue';
import { historyStart, previousTerm } from '../../src/domain/history';
import type { ImportContext, ImportResult } from '../../src/domain/importData';
import { parseImport } from '../../src/domain/importData';

function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    units: [{ ma: 'CH01', ten: 'Chi hội thôn 1' }],
    catalogue: defaultCatalogue(),
    level: 'xa',
    year: 2023,
    currentQuarter: { year: 2023, quarter: 4 },
    submitted: new Set(),
    isAdmin: true,
    history: { from: historyStart('2021-2026'), terms: '2016-2021 và 2021-2026' },
    ...overrides,
  };
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('the history window', () => {
  it('is the current term and the previous one', () => {
    expect(previousTerm('2021-2026')).toBe('2016-2021');
    expect(previousTerm('2025-2030')).toBe('2020-2025');
    expect(historyStart('2021-2026')).toEqual({ year: 2016, quarter: 3 });
  });

  it('lets an admin import quarters of earlier years of both terms, and the current year', () => {
    const text = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'CH01,2016-Q3,TC_HV,100',
      'CH01,2021-Q3,TC_HV,120',
      'CH01,2023-Q3,TC_HV,130',
      '',
    ].join('\n');
    const result = parseImport(text, context());
    expect(result.ok && result.points.map((p) => p.period)).toEqual(['2016-Q3', '2021-Q3', '2023-Q3']);
  });

  it('refuses a quarter before the previous term, a later year, and history from an officer', () => {
    const text = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'CH01,2016-Q2,TC_HV,100',
      'CH01,2024-Q1,TC_HV,100',
      'CH01,2022-Q1,TC_HV,100',
      'CH01,2023-Q1,TC_HV,100',
    ].join('\n');
    expect(
      errorsOf(parseImport(text, context({ isAdmin: false, currentQuarter: { year: 2024, quarter: 1 } }))),
    ).toEqual([
      'Dòng 2: cột "ky" = "2016-Q2": kỳ trước nhiệm kỳ trước; chỉ nhập được lịch sử từ 2016-Q3 (nhiệm kỳ 2016-2021 và 2021-2026).',
      'Dòng 3: cột "ky" = "2024-Q1": kỳ thuộc năm 2024, các trang đơn vị đang giữ năm 2023; hãy chạy "Sang năm mới…" trước.',
      'Dòng 4: cột "ky" = "2022-Q1": số liệu các năm trước (nhập lịch sử vào Lưu trữ) chỉ quản trị viên được nhập.',
    ]);
  });
});
