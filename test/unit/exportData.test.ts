import { defaultCatalogue } from '../../src/domain/catalogue';
import type { DataPoint } from '../../src/domain/dataPoints';
import { formatExport, formatNumber } from '../../src/domain/exportData';
import { decimalEvidence } from '../../src/domain/numberText';
import type { ImportContext } from '../../src/domain/importData';
import { parseImport } from '../../src/domain/importData';

const catalogue = defaultCatalogue();
const order = { units: ['TL', 'DK', 'HL'], codes: catalogue.map((i) => i.code) };

const context: ImportContext = {
  units: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim' },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt' },
    { ma: 'HL', ten: 'Hội LHPN phường Hoàng Liệt' },
  ],
  catalogue,
  level: 'huyen',
  year: 2026,
  currentQuarter: { year: 2026, quarter: 2 },
  submitted: new Set(),
  isAdmin: false,
};

/** Canonical: workbook unit order (TL before DK), then quarter, then catalogue order (rating last). */
const CANONICAL = [
  'don_vi,ky,ma_chi_tieu,gia_tri',
  'TL,2026-Q1,TC_PN18,2500',
  'TL,2026-Q1,UT_DUNO,0.5',
  'DK,2026-Q1,TC_PN18,3100',
  'DK,2026-Q1,TC_HV,1412',
  'DK,2026-Q1,TC_QUYHOI,36.8',
  'DK,2026-Q1,TD_XEP_LOAI,Hoàn thành tốt nhiệm vụ',
  'DK,2026-Q2,TC_HV,1420',
  'HL,2026-Q2,KT_VL,0',
  '',
].join('\n');

describe('formatExport', () => {
  it('round-trips: exporting what the import read gives the canonical text back exactly', () => {
    const result = parseImport(CANONICAL, context);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(formatExport(result.points, order)).toBe(CANONICAL);
  });

  it('sorts by unit order, quarter and catalogue order whatever the input order', () => {
    const lines = CANONICAL.trimEnd().split('\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join('\r\n');
    const result = parseImport(shuffled, context);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(formatExport(result.points, order)).toBe(CANONICAL);
  });

  it('puts units and codes outside the order last, by code', () => {
    const points: DataPoint[] = [
      { unit: 'ZZ', period: '2026-Q1', code: 'TC_HV', value: 1 },
      { unit: 'DK', period: '2026-Q1', code: 'X_B', value: 2 },
      { unit: 'AA', period: '2026-Q1', code: 'TC_HV', value: 3 },
      { unit: 'DK', period: '2026-Q1', code: 'X_A', value: 4 },
      { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 5 },
    ];
    expect(formatExport(points, order)).toBe(
      [
        'don_vi,ky,ma_chi_tieu,gia_tri',
        'DK,2026-Q1,TC_HV,5',
        'DK,2026-Q1,X_A,4',
        'DK,2026-Q1,X_B,2',
        'AA,2026-Q1,TC_HV,3',
        'ZZ,2026-Q1,TC_HV,1',
        '',
      ].join('\n'),
    );
  });

  it('quotes fields that need it', () => {
    const points: DataPoint[] = [{ unit: 'DK', period: '2026-Q1', code: 'NT', value: 'a, "b"' }];
    expect(formatExport(points, order)).toBe('don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q1,NT,"a, ""b"""\n');
  });

  it('writes only the header when there is nothing to export', () => {
    expect(formatExport([], order)).toBe('don_vi,ky,ma_chi_tieu,gia_tri\n');
  });
});

describe('formatNumber', () => {
  it.each([
    [1412, '1412'],
    [36.8, '36.8'],
    [0.5, '0.5'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.25e-8, '-0.0000000225'],
    [123456789.125, '123456789.125'],
  ])('writes %p as %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => formatNumber(NaN)).toThrow('không phải số hữu hạn');
  });

  it.each([
    [1.125, '1.1250'],
    [36.8, '36.8'],
    [999.999, '999.9990'],
    [0.125, '0.125'],
    [1000.125, '1000.125'],
  ])('writes %p so that no reader takes it for thousands: %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
    expect(decimalEvidence(text)).toBe('.');
  });
});
