import { aggregate } from '../../src/domain/aggregate';
import type { Aggregation } from '../../src/domain/aggregate';
import { defaultCatalogue } from '../../src/domain/catalogue';
import type { DataPoint } from '../../src/domain/dataPoints';
import { narrativeLines } from '../../src/domain/report/narratives';
import type { TargetDetail } from '../../src/domain/report/phrases';
import {
  areaWord,
  clause,
  FigureWriter,
  pick,
  resolutionName,
  sentence,
  subjectOf,
  unitList,
} from '../../src/domain/report/phrases';
import type { Evaluation, Target } from '../../src/domain/targets';
import { evaluateTarget } from '../../src/domain/targets';

const CODES = [
  'TC_PN18',
  'TC_HV',
  'TC_HV_TL',
  'TC_HV_MOI',
  'TC_HV_NC',
  'TC_HV_NC_TL',
  'KT_HN_THOAT',
  'UT_DUNO',
  'AS_BHYT_MOI',
  'GD_CTPV',
  'TD_CH_XL_KHT',
];
const catalogue = defaultCatalogue().map((i) => ({ ...i, active: CODES.includes(i.code) }));

/** One ward's figures for one quarter, aggregated for a district of `units`. */
function district(values: Record<string, number>, units = ['DK']): Aggregation {
  const points: DataPoint[] = Object.entries(values).map(([code, value]) => ({
    unit: 'DK',
    period: '2026-Q2',
    code,
    value,
  }));
  return aggregate({ catalogue, level: 'huyen', units, quarters: ['2026-Q2'], points });
}

const target = (over: Partial<Target>): Target => ({
  term: '2021-2026',
  year: null,
  unit: null,
  code: 'AS_BHYT_MOI',
  type: 'TERM_CUMULATIVE',
  value: 325,
  valueHi: null,
  baseline: null,
  isRate: false,
  text: '',
  sourceDoc: '',
  note: '',
  row: 2,
  ...over,
});

function detail(t: Target, evaluation: Evaluation, over: Partial<TargetDetail> = {}): TargetDetail {
  return { target: t, evaluation, progressOnly: false, source: 'NQĐH', shown: '', ...over };
}

describe('the phrase bank', () => {
  const agg = district({
    TC_PN18: 1525,
    TC_HV: 1412,
    TC_HV_MOI: 37,
    TC_HV_NC: 335,
    KT_HN_THOAT: 190,
    UT_DUNO: 36800,
    AS_BHYT_MOI: 130,
    GD_CTPV: 33,
    TD_CH_XL_KHT: 0,
  });
  const r = (code: string) => agg.byCode[code]!;

  it('writes a rate with its parts and records both parts: "335/1.412 = 23,7%"', () => {
    const writer = new FigureWriter();
    expect(writer.rateWithParts(r('TC_HV_NC_TL'), 'period', 335, 1412)).toBe('335/1.412 = 23,7%');
    expect(writer.facts).toEqual([
      expect.objectContaining({
        kind: 'rate',
        code: 'TC_HV_NC_TL',
        parts: { numerator: 'TC_HV_NC', denominator: 'TC_HV', numeratorValue: 335, denominatorValue: 1412 },
      }),
    ]);
  });

  it('words each result as the Union does, its figure formatted: counts bare, money in tỷ đồng', () => {
    const writer = new FigureWriter();
    expect(clause(r('TC_HV_MOI'), 37, { n: writer.figure(r('TC_HV_MOI'), 'period', 37) })).toBe(
      'kết nạp mới 37 hội viên',
    );
    expect(clause(r('UT_DUNO'), 36800, { n: writer.figure(r('UT_DUNO'), 'period', 36800) })).toBe(
      'tổng dư nợ ủy thác qua Hội tại Ngân hàng Chính sách xã hội đạt 36,8 tỷ đồng',
    );
    expect(clause(r('TD_CH_XL_KHT'), 0, { n: '0' })).toBe('không có chi hội không hoàn thành nhiệm vụ');
    expect(clause(r('TC_HV'), 1412, { n: '1.412', a: 'toàn xã' })).toBe('tổng số hội viên là 1.412 hội viên');
  });

  it('names an indicator from its wording: "kết nạp mới hội viên", "tỷ lệ hội viên nòng cốt"', () => {
    expect(subjectOf(r('TC_HV_MOI'))).toBe('kết nạp mới hội viên');
    expect(subjectOf(r('TC_HV_TL'))).toBe('tỷ lệ tập hợp hội viên');
    expect(subjectOf(r('TC_HV_NC_TL'))).toBe('tỷ lệ hội viên nòng cốt');
    expect(subjectOf(r('AS_BHYT_MOI'))).toBe('vận động phát triển mới thẻ BHYT hộ gia đình');
  });

  it.each<[string, number, number, string]>([
    ['a count below target', 130, 325, ' (Đạt 40% chỉ tiêu NQĐH)'],
    ['a count above target', 190, 175, ' (Vượt chỉ tiêu NQĐH, đạt 108,6%)'],
    ['a count on target', 175, 175, ' (Đạt 100% chỉ tiêu NQĐH)'],
  ])('gives %s its verdict suffix, the percentage recomputed from its parts', (_, actual, goal, suffix) => {
    const writer = new FigureWriter();
    const t = target({ code: 'KT_HN_THOAT', value: goal });
    const evaluation = evaluateTarget(t, { value: actual }, r('KT_HN_THOAT').indicator);
    expect(writer.targetSuffix(r('KT_HN_THOAT'), detail(t, evaluation), 'period', 'cơ sở Hội')).toBe(suffix);
    const fact = writer.facts.find((f) => f.kind === 'target')!;
    expect(fact).toMatchObject({ code: 'KT_HN_THOAT', column: 'period' });
    expect(fact.kind === 'target' && fact.percent).toBeCloseTo(Math.round((actual * 1000) / goal) / 10, 6);
  });

  it('says a year target read early as progress, a rate target as its gap in points, a target per unit with its units', () => {
    const writer = new FigureWriter();
    const yearly = target({ code: 'TC_HV_MOI', type: 'ANNUAL', year: 2026, value: 550 });
    const progress = evaluateTarget(yearly, { value: 318 }, r('TC_HV_MOI').indicator);
    expect(
      writer.targetSuffix(
        r('TC_HV_MOI'),
        detail(yearly, progress, { progressOnly: true, source: 'năm' }),
        'ytd',
        'cơ sở Hội',
      ),
    ).toBe(' (đạt 57,8% chỉ tiêu năm)');

    const rate = target({ code: 'TC_HV_TL', type: 'END_STATE_RATE', value: 0.89, isRate: true });
    const reached = evaluateTarget(rate, { value: 0.911 }, r('TC_HV_TL').indicator);
    expect(writer.targetSuffix(r('TC_HV_TL'), detail(rate, reached), 'period', 'cơ sở Hội')).toBe(
      ' (vượt 2,1 điểm % so với chỉ tiêu NQĐH 89%)',
    );

    const perUnit = target({ code: 'GD_CTPV', type: 'PER_UNIT_ANNUAL', value: 2 });
    const units = evaluateTarget(
      perUnit,
      { value: 33, perUnit: [2, 3, 1, 2, 2, 2, 3, 2, 3, 3, 2, 4, 3, 1], unitsExpected: 14 },
      r('GD_CTPV').indicator,
    );
    expect(
      writer.targetSuffix(r('GD_CTPV'), detail(perUnit, units, { source: 'năm' }), 'period', 'cơ sở Hội'),
    ).toBe(' (Vượt chỉ tiêu năm, đạt 117,9%; 12/14 cơ sở Hội đạt)');
  });

  it('compares with the same period a year earlier and says a rate moving over the term', () => {
    const writer = new FigureWriter();
    expect(writer.change(r('TC_HV'), 'previous', 'period', 1400, 1412, 'cùng kỳ năm trước')).toBe(
      'tăng 12 hội viên so với cùng kỳ năm trước',
    );
    expect(writer.change(r('TC_HV_MOI'), 'previous', 'period', 42, 37, 'năm 2025')).toBe(
      'giảm 5 hội viên so với năm 2025',
    );
    expect(writer.change(r('TC_HV'), 'previous', 'period', 1412, 1412, 'cùng kỳ năm trước')).toBe(
      'bằng cùng kỳ năm trước',
    );
    expect(writer.change(r('TC_HV_TL'), 'previous', 'period', 0.902, 0.911, 'năm 2025')).toBe(
      'tăng 0,9 điểm % so với năm 2025',
    );
    expect(writer.rateMove('KT_HN_TL', 'year:2021', 'period', 0.039, 0.0128, 'năm 2021')).toBe(
      'giảm từ 3,9% năm 2021 xuống còn 1,3%',
    );
    expect(
      writer.facts.filter((f) => f.kind === 'change').map((f) => f.kind === 'change' && f.delta),
    ).toEqual([12, -5, expect.closeTo(0.009, 9)]);
  });

  it('says what remains and how many units a figure covers', () => {
    const writer = new FigureWriter();
    expect(writer.remaining(r('TC_HV_MOI'), 'ytd', 9)).toBe('kết nạp thêm 9 hội viên');
    expect(writer.remaining(r('AS_BHYT_MOI'), 'ytd', 195)).toBe('vận động thêm 195 thẻ BHYT hộ gia đình');
    expect(writer.coverage(13, 14, 'đơn vị')).toBe('13/14 đơn vị');
    expect(writer.coverage(4, 4, 'chi hội')).toBe('4/4 chi hội');
  });

  it('names the resolution from the place and the ordinal unless Cấu hình gives it whole', () => {
    expect(resolutionName('Hội LHPN quận Hoàng Mai', 'IV', '')).toBe(
      'Nghị quyết Đại hội Phụ nữ quận Hoàng Mai lần thứ IV',
    );
    expect(resolutionName('Hội LHPN xã Đức Xương', '', '')).toBe('Nghị quyết Đại hội Phụ nữ xã Đức Xương');
    expect(
      resolutionName('Hội LHPN xã Đức Xương', 'XXVI', 'Nghị quyết Đại hội đại biểu Phụ nữ xã lần thứ XXVI'),
    ).toBe('Nghị quyết Đại hội đại biểu Phụ nữ xã lần thứ XXVI');
  });

  it('builds sentences and small phrases the same way every time', () => {
    expect(sentence('Trong quý, ', ['kết nạp mới 37 hội viên', 'giúp 5 hộ thoát nghèo;'])).toBe(
      'Trong quý, kết nạp mới 37 hội viên; giúp 5 hộ thoát nghèo.',
    );
    expect([0, 1, 2, 3].map((seed) => pick(['a', 'b', 'c'], seed))).toEqual(['a', 'b', 'c', 'a']);
    expect(areaWord('Hội LHPN quận Hoàng Mai')).toBe('toàn quận');
    expect(areaWord('Hội LHPN xã Đức Xương')).toBe('toàn xã');
    expect(unitList(['Hội LHPN phường Đại Kim', 'Hội LHPN phường Định Công'])).toBe(
      'Hội LHPN phường Đại Kim, phường Định Công',
    );
  });
});

describe("the units' words", () => {
  const units = [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', status: '', submitted: true },
    { ma: 'DC', ten: 'Hội LHPN phường Định Công', status: '', submitted: true },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', status: '', submitted: true },
  ];

  it('names the unit, joins its quarters, merges a text several units wrote, in the units’ order', () => {
    const writer = new FigureWriter();
    const lines = narrativeLines(
      [
        { unit: 'TL', code: 'NT_DE_XUAT', text: 'Đề nghị hỗ trợ kinh phí cho chi hội mới.' },
        { unit: 'DK', code: 'NT_DE_XUAT', text: 'Đề nghị mở lớp tập huấn chuyển đổi số' },
        { unit: 'DK', code: 'NT_DE_XUAT', text: 'Đề nghị tăng vốn vay giải quyết việc làm;' },
        { unit: 'DC', code: 'NT_DE_XUAT', text: 'đề nghị hỗ trợ kinh phí cho chi hội mới' },
        { unit: 'DK', code: 'NT_DE_XUAT', text: 'Đề nghị mở lớp tập huấn chuyển đổi số.' },
        { unit: 'DK', code: 'NT_TON_TAI', text: 'Sinh hoạt chưa đều' },
      ],
      'NT_DE_XUAT',
      units,
      writer,
    );
    expect(lines).toEqual([
      '- Hội LHPN phường Đại Kim: Đề nghị mở lớp tập huấn chuyển đổi số; đề nghị tăng vốn vay giải quyết việc làm.',
      '- Hội LHPN phường Định Công, phường Thịnh Liệt: Đề nghị hỗ trợ kinh phí cho chi hội mới.',
    ]);
    expect(writer.facts.every((f) => f.kind === 'quote')).toBe(true);
  });
});
