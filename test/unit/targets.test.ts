import type { Indicator } from '../../src/domain/catalogue';
import { defaultCatalogue } from '../../src/domain/catalogue';
import type { Evaluation, Target } from '../../src/domain/targets';
import {
  achievementPercent,
  achievementPhrase,
  evaluateTarget,
  parseTargetType,
  parseTypedNumber,
  rateCodes,
  summarizeTargets,
  TARGET_HEADER,
  TARGET_TYPE_LABELS,
  TARGET_TYPES,
  targetsFromRows,
} from '../../src/domain/targets';

const catalogue = defaultCatalogue();
const byCode = (code: string): Indicator => {
  const indicator = catalogue.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return indicator;
};
const knownCodes = new Set(catalogue.map((i) => i.code));
const knownUnits = new Set(['CH01', 'CH02']);
const rates = rateCodes(catalogue);

function target(overrides: Partial<Target>): Target {
  return {
    term: '2025-2030',
    year: null,
    unit: null,
    code: 'KT_HN_THOAT',
    type: 'ANNUAL',
    value: 175,
    valueHi: null,
    baseline: null,
    isRate: false,
    text: '',
    sourceDoc: 'NQ ĐH PN xã lần thứ I',
    note: '',
    row: 2,
    ...overrides,
  };
}

const HO_THOAT_NGHEO = byCode('KT_HN_THOAT');
const HO_5K3S = byCode('GD_5K3S_MOI');
const CONG_TRINH = byCode('GD_CTPV');
const THU_HUT = byCode('TC_HV_TL');
const NO_QUA_HAN = byCode('UT_NQH_TL');
const HOI_PHI = byCode('TC_HV_HP_TL');
const HV_MOI = byCode('TC_HV_MOI');

describe('the phrase bank (§9)', () => {
  it('says "Đạt p% chỉ tiêu" below 100, "Đạt 100% chỉ tiêu" at 100, "Vượt chỉ tiêu, đạt p%" above', () => {
    expect(achievementPhrase(97.1)).toBe('Đạt 97,1% chỉ tiêu');
    expect(achievementPhrase(100)).toBe('Đạt 100% chỉ tiêu');
    expect(achievementPhrase(102.5)).toBe('Vượt chỉ tiêu, đạt 102,5%');
  });

  it('names the resolution after "chỉ tiêu"', () => {
    expect(`(${achievementPhrase(97.1, 'NQĐH')})`).toBe('(Đạt 97,1% chỉ tiêu NQĐH)');
    expect(achievementPhrase(100, 'NQĐH')).toBe('Đạt 100% chỉ tiêu NQĐH');
    expect(achievementPhrase(108.6, 'NQĐH')).toBe('Vượt chỉ tiêu NQĐH, đạt 108,6%');
  });

  it('renders "(Đạt 97,1% chỉ tiêu NQĐH)" from 34 against 35', () => {
    const evaluation = evaluateTarget(target({ value: 35 }), { value: 34 }, HO_THOAT_NGHEO, {
      resolutionName: 'NQĐH',
    });
    expect(evaluation.percent).toBe(97.1);
    expect(`(${evaluation.phrase})`).toBe('(Đạt 97,1% chỉ tiêu NQĐH)');
  });
});

describe("the sample reports' arithmetic (§11) is not reproduced", () => {
  it('190/175 is 108,6%, not 109%', () => {
    const evaluation = evaluateTarget(target({ value: 175 }), { value: 190 }, HO_THOAT_NGHEO);
    expect(evaluation).toMatchObject({ met: true, percent: 108.6, verdict: 'Vượt' });
    expect(evaluation.phrase).toBe('Vượt chỉ tiêu, đạt 108,6%');
  });

  it('70/42 is 166,7%, not 167%', () => {
    const evaluation = evaluateTarget(target({ code: 'GD_5K3S_MOI', value: 42 }), { value: 70 }, HO_5K3S);
    expect(evaluation.percent).toBe(166.7);
    expect(evaluation.phrase).toBe('Vượt chỉ tiêu, đạt 166,7%');
  });

  it('42/35 is 120%', () => {
    const evaluation = evaluateTarget(target({ code: 'GD_CTPV', value: 35 }), { value: 42 }, CONG_TRINH);
    expect(evaluation.percent).toBe(120);
    expect(evaluation.phrase).toBe('Vượt chỉ tiêu, đạt 120%');
  });

  it('26/26 is "Đạt 100%", never also "vượt"', () => {
    const evaluation = evaluateTarget(target({ value: 26 }), { value: 26 }, HO_THOAT_NGHEO);
    expect(evaluation).toMatchObject({
      met: true,
      percent: 100,
      verdict: 'Đạt',
      phrase: 'Đạt 100% chỉ tiêu',
    });
  });

  it('an over-achievement of 2,5% reads "Vượt chỉ tiêu, đạt 102,5%", not "Vượt 102,5% chỉ tiêu"', () => {
    const evaluation = evaluateTarget(target({ value: 40 }), { value: 41 }, HO_THOAT_NGHEO);
    expect(evaluation.phrase).toBe('Vượt chỉ tiêu, đạt 102,5%');
    expect(evaluation.phrase).not.toMatch(/Vượt 102,5%/);
  });

  it('a result just short of the target never reads "100%"', () => {
    expect(achievementPercent(9999, 10000)).toBe(99.99);
    expect(achievementPercent(10001, 10000)).toBe(100.01);
    expect(achievementPercent(999999, 1000000)).toBe(99.999);
    const evaluation = evaluateTarget(target({ value: 10000 }), { value: 9999 }, HO_THOAT_NGHEO);
    expect(evaluation).toMatchObject({ met: false, verdict: 'Chưa đạt', phrase: 'Đạt 99,99% chỉ tiêu' });
  });
});

describe('evaluateTarget by type', () => {
  it('ANNUAL: one year against the target', () => {
    // 28 hộ thoát nghèo against 32: 28/32 = 87,5%.
    const evaluation = evaluateTarget(target({ value: 32 }), { value: 28 }, HO_THOAT_NGHEO);
    expect(evaluation).toMatchObject({ met: false, percent: 87.5, verdict: 'Chưa đạt', expected: 32 });
    expect(evaluation.phrase).toBe('Đạt 87,5% chỉ tiêu');
  });

  it('ANNUAL over several years: Σactual against target × years, and the years met', () => {
    // 10 a year over 3 years = 30; 27 is 90%.
    expect(evaluateTarget(target({ value: 10 }), { value: 27, years: 3 }, HO_THOAT_NGHEO)).toMatchObject({
      met: false,
      percent: 90,
      expected: 30,
    });
    // 12 + 8 + 10 = 30 = 10 × 3; the second year fell short.
    const evaluation = evaluateTarget(
      target({ value: 10 }),
      { value: null, perYear: [12, 8, 10] },
      HO_THOAT_NGHEO,
    );
    expect(evaluation).toMatchObject({ met: true, percent: 100, verdict: 'Đạt', actual: 30, yearsMet: 2 });
    expect(evaluation.phrase).toBe('Đạt 100% chỉ tiêu; 2/3 năm đạt chỉ tiêu');
  });

  it('TERM_CUMULATIVE: Σ of the flow since the term started against the target', () => {
    // 287 HTX of 350: 82%.
    const evaluation = evaluateTarget(
      target({ code: 'KT_HTX_MOI', type: 'TERM_CUMULATIVE', value: 350 }),
      { value: 287 },
      byCode('KT_HTX_MOI'),
    );
    expect(evaluation).toMatchObject({
      met: false,
      percent: 82,
      verdict: 'Chưa đạt',
      phrase: 'Đạt 82% chỉ tiêu',
    });
  });

  it('END_STATE_RATE: the latest ratio in percentage points', () => {
    const rateTarget = target({ code: 'TC_HV_TL', type: 'END_STATE_RATE', value: 0.89, isRate: true });
    const above = evaluateTarget(rateTarget, { value: 0.926 }, THU_HUT);
    expect(above).toMatchObject({ met: true, verdict: 'Vượt', pointsAbove: 3.6, percent: 104 });
    expect(above.phrase).toBe('đạt 92,6%, vượt 3,6 điểm % so với chỉ tiêu 89%');
    expect(evaluateTarget(rateTarget, { value: 0.926 }, THU_HUT, { pointsUnit: '%' }).phrase).toBe(
      'đạt 92,6%, vượt 3,6% so với chỉ tiêu 89%',
    );
    expect(evaluateTarget(rateTarget, { value: 0.926 }, THU_HUT, { resolutionName: 'NQĐH' }).phrase).toBe(
      'đạt 92,6%, vượt 3,6 điểm % so với chỉ tiêu NQĐH (89%)',
    );

    // Yên Định's 85,3% against 89%: 3,7 points short.
    const below = evaluateTarget(rateTarget, { value: 0.853 }, THU_HUT);
    expect(below).toMatchObject({ met: false, verdict: 'Chưa đạt', pointsAbove: -3.7 });
    expect(below.phrase).toBe('đạt 85,3%, thấp hơn 3,7 điểm % so với chỉ tiêu 89%');

    // 801/900 is exactly 89%.
    expect(evaluateTarget(rateTarget, { value: 801 / 900 }, THU_HUT)).toMatchObject({
      met: true,
      verdict: 'Đạt',
      pointsAbove: 0,
      phrase: 'đạt 89%, bằng chỉ tiêu 89%',
    });

    // 0,8899 rounds to 89% but is short: shown with the decimals that tell it apart.
    expect(evaluateTarget(rateTarget, { value: 0.8899 }, THU_HUT).phrase).toBe(
      'đạt 88,99%, thấp hơn 0,01 điểm % so với chỉ tiêu 89%',
    );
  });

  it('PER_UNIT_ANNUAL: the total against k × units × years, and the units that reached k a year', () => {
    // 5 hộ per cơ sở per year, 4 cơ sở, 2 years: 40 expected; 12 + 10 + 9 + 11 = 42 (105%);
    // 12, 10 and 11 reach 5 × 2 = 10, 9 does not.
    const perUnit = target({ code: 'GD_5K3S_MOI', type: 'PER_UNIT_ANNUAL', value: 5 });
    const evaluation = evaluateTarget(perUnit, { value: 42, perUnit: [12, 10, 9, 11], years: 2 }, HO_5K3S);
    expect(evaluation).toMatchObject({
      met: true,
      percent: 105,
      expected: 40,
      unitsMet: 3,
      unitsExpected: 4,
      verdict: 'Vượt',
      phrase: 'Vượt chỉ tiêu, đạt 105%; 3/4 cơ sở đạt',
    });

    // A unit without data counts in N and not as met; the total is summed from the units.
    const withGap = evaluateTarget(
      perUnit,
      { value: null, perUnit: [6, null, 4], unitsExpected: 3 },
      HO_5K3S,
      {
        unitWord: 'chi hội',
      },
    );
    expect(withGap).toMatchObject({ met: false, actual: 10, expected: 15, percent: 66.7, unitsMet: 1 });
    expect(withGap.phrase).toBe('Đạt 66,7% chỉ tiêu; 1/3 chi hội đạt');
  });

  it('MAX_RATE: met when the actual is at most the target, "đảm bảo chỉ tiêu"', () => {
    const max = target({ code: 'UT_NQH_TL', type: 'MAX_RATE', value: 0.02, isRate: true });
    const under = evaluateTarget(max, { value: 0.0043 }, NO_QUA_HAN);
    expect(under).toMatchObject({ met: true, verdict: 'Đạt', percent: null, pointsAbove: -1.6 });
    expect(under.phrase).toBe('ở mức 0,4%, đảm bảo chỉ tiêu (không quá 2%)');
    expect(evaluateTarget(max, { value: 0.02 }, NO_QUA_HAN)).toMatchObject({ met: true, verdict: 'Đạt' });
    const over = evaluateTarget(max, { value: 0.025 }, NO_QUA_HAN, { resolutionName: 'NQĐH' });
    expect(over).toMatchObject({ met: false, verdict: 'Chưa đạt', pointsAbove: 0.5 });
    expect(over.phrase).toBe('ở mức 2,5%, chưa đảm bảo chỉ tiêu NQĐH (không quá 2%)');
  });

  it('RANGE: met from the lower bound, "Vượt" above the upper one', () => {
    const rateRange = target({ code: 'TC_HV_HP_TL', type: 'RANGE', value: 0.95, valueHi: 1, isRate: true });
    expect(evaluateTarget(rateRange, { value: 0.97 }, HOI_PHI)).toMatchObject({
      met: true,
      verdict: 'Đạt',
      pointsAbove: 2,
      phrase: 'đạt 97%, trong khoảng chỉ tiêu (95–100%)',
    });
    expect(evaluateTarget(rateRange, { value: 0.9 }, HOI_PHI)).toMatchObject({
      met: false,
      verdict: 'Chưa đạt',
      pointsAbove: -5,
      phrase: 'đạt 90%, chưa đạt chỉ tiêu (95–100%)',
    });

    const countRange = target({ code: 'TC_HV_MOI', type: 'RANGE', value: 30, valueHi: 40 });
    expect(evaluateTarget(countRange, { value: 45 }, HV_MOI)).toMatchObject({
      met: true,
      verdict: 'Vượt',
      phrase: 'đạt 45 người, vượt chỉ tiêu (30–40 người)',
    });
    expect(evaluateTarget(countRange, { value: 30 }, HV_MOI)).toMatchObject({ met: true, verdict: 'Đạt' });
    // 25 of the lower bound 30: 83,3%.
    expect(evaluateTarget(countRange, { value: 25 }, HV_MOI)).toMatchObject({
      met: false,
      verdict: 'Chưa đạt',
      percent: 83.3,
    });
  });

  it('a rate range read without the rate list (95 for 95%) is rescaled by its indicator', () => {
    const typed = target({ code: 'TC_HV_HP_TL', type: 'RANGE', value: 95, valueHi: 100, isRate: false });
    expect(evaluateTarget(typed, { value: 0.97 }, HOI_PHI)).toMatchObject({
      met: true,
      expected: 0.95,
      phrase: 'đạt 97%, trong khoảng chỉ tiêu (95–100%)',
    });
  });

  it('QUALITATIVE: met or not, without a percentage', () => {
    const qualitative = target({
      code: 'TC_CB_TH_TL',
      type: 'QUALITATIVE',
      value: null,
      text: 'Chủ tịch đạt chuẩn',
    });
    const indicator = byCode('TC_CB_TH_TL');
    expect(evaluateTarget(qualitative, { value: true }, indicator, { resolutionName: 'NQĐH' })).toMatchObject(
      {
        met: true,
        percent: null,
        verdict: 'Đạt',
        phrase: 'Đạt chỉ tiêu NQĐH',
      },
    );
    expect(evaluateTarget(qualitative, { value: false }, indicator)).toMatchObject({
      met: false,
      verdict: 'Chưa đạt',
      phrase: 'Chưa đạt chỉ tiêu',
    });
  });

  it('gives "Chưa có số liệu" with met and percent null when the actual is missing, for every type', () => {
    const cases: Array<[Target, Indicator]> = [
      [target({}), HO_THOAT_NGHEO],
      [target({ type: 'TERM_CUMULATIVE' }), HO_THOAT_NGHEO],
      [target({ code: 'TC_HV_TL', type: 'END_STATE_RATE', value: 0.89, isRate: true }), THU_HUT],
      [target({ code: 'GD_5K3S_MOI', type: 'PER_UNIT_ANNUAL', value: 5 }), HO_5K3S],
      [target({ code: 'UT_NQH_TL', type: 'MAX_RATE', value: 0.02, isRate: true }), NO_QUA_HAN],
      [target({ code: 'TC_HV_MOI', type: 'RANGE', value: 30, valueHi: 40 }), HV_MOI],
      [target({ type: 'QUALITATIVE', value: null }), HO_THOAT_NGHEO],
    ];
    for (const [t, indicator] of cases) {
      expect(evaluateTarget(t, { value: null, unitsExpected: 4 }, indicator)).toEqual({
        met: null,
        percent: null,
        verdict: 'Chưa có số liệu',
        phrase: 'Chưa có số liệu',
      });
    }
    expect(evaluateTarget(target({}), { value: NaN }, HO_THOAT_NGHEO).met).toBeNull();
  });
});

describe('summarizeTargets', () => {
  const RESOLUTION = 'Nghị quyết Đại hội Phụ nữ xã lần thứ XXVI';
  const evaluation = (met: boolean | null): Evaluation => ({
    met,
    percent: null,
    verdict: met === null ? 'Chưa có số liệu' : met ? 'Đạt' : 'Chưa đạt',
    phrase: '',
  });

  it('writes the summary sentence with the targets not met', () => {
    const list = [true, true, false, true, true, false, true, true].map((met, i) => ({
      indicatorName: `chỉ tiêu ${i + 1}`,
      evaluation: evaluation(met),
    }));
    list[2]!.indicatorName = 'kết nạp đảng viên';
    list[5]!.indicatorName = 'hội viên nòng cốt';
    const summary = summarizeTargets(list, RESOLUTION);
    expect(summary).toMatchObject({ met: 6, total: 8, short: '6/8 chỉ tiêu đạt và vượt' });
    expect(summary.text).toBe(
      'Qua đánh giá có 6/8 chỉ tiêu đạt và vượt so với chỉ tiêu Nghị quyết Đại hội Phụ nữ xã lần thứ XXVI; ' +
        'còn 2 chỉ tiêu (kết nạp đảng viên, hội viên nòng cốt) chưa đạt.',
    );
  });

  it('counts targets without data in the total, not as met, and says so', () => {
    const summary = summarizeTargets(
      [
        { indicatorName: 'A', evaluation: evaluation(true) },
        { indicatorName: 'B', evaluation: evaluation(false) },
        { indicatorName: 'C', evaluation: evaluation(null) },
      ],
      RESOLUTION,
    );
    expect(summary).toMatchObject({ met: 1, total: 3, unmet: ['B'], noData: ['C'] });
    expect(summary.text).toBe(
      `Qua đánh giá có 1/3 chỉ tiêu đạt và vượt so với chỉ tiêu ${RESOLUTION}; ` +
        'còn 1 chỉ tiêu (B) chưa đạt và 1 chỉ tiêu (C) chưa có số liệu để đánh giá.',
    );
  });

  it('ends after the count when every target is met, and handles none', () => {
    const all = summarizeTargets([{ indicatorName: 'A', evaluation: evaluation(true) }], RESOLUTION);
    expect(all.text).toBe(`Qua đánh giá có 1/1 chỉ tiêu đạt và vượt so với chỉ tiêu ${RESOLUTION}.`);
    expect(summarizeTargets([], RESOLUTION)).toMatchObject({
      met: 0,
      total: 0,
      text: 'Chưa có chỉ tiêu nào để đánh giá.',
    });
  });
});

describe('parseTypedNumber', () => {
  it('reads Vietnamese and plain forms', () => {
    const read = (v: unknown) => parseTypedNumber(v)?.value;
    expect(read(33500)).toBe(33500);
    expect(read('33.500')).toBe(33500);
    expect(read('1.234.567')).toBe(1234567);
    expect(read('1.234,5')).toBe(1234.5);
    expect(read('92,6')).toBe(92.6);
    expect(read('92.6')).toBe(92.6);
    expect(read(' 0,43 ')).toBe(0.43);
    expect(read('2%')).toBe(2);
    expect(parseTypedNumber('92,6%')).toEqual({ value: 92.6, percentSign: true });
    expect(read('')).toBeUndefined();
    expect(read('abc')).toBeNaN();
    expect(read('1.2.3')).toBeNaN();
    expect(read('12a')).toBeNaN();
  });
});

describe('targetsFromRows', () => {
  it('accepts every type by code and by label', () => {
    for (const type of TARGET_TYPES) {
      expect(parseTargetType(type)).toBe(type);
      expect(parseTargetType(type.toLowerCase())).toBe(type);
      expect(parseTargetType(` ${TARGET_TYPE_LABELS[type].toUpperCase()} `)).toBe(type);
    }
    expect(parseTargetType('Hàng năm')).toBe('ANNUAL');
    expect(parseTargetType('Hằng quý')).toBeNull();
    expect(new Set(Object.values(TARGET_TYPE_LABELS)).size).toBe(TARGET_TYPES.length);
  });

  const header = [...TARGET_HEADER];
  const row = (...cells: unknown[]) => cells;

  it('reads good rows, stores rates as ratios and names bad rows "Dòng N"', () => {
    const rows = [
      header,
      row('2025-2030', '', '', 'KT_HN_THOAT', 'Hằng năm', '33.500', '', '', 'NQ ĐH lần thứ I', ''),
      row('2025 – 2030', 2026, 'ch01', 'tc_hv_tl', 'END_STATE_RATE', '92,6', '', 85.3, 'Chỉ tiêu giao', 'x'),
      row('', '', '', '', '', '', '', '', '', ''),
      row('2025-2030', '', '', 'TC_HV_HP_TL', 'Khoảng', 95, '100', '', '', ''),
      row('2025-2030', '', '', 'UT_NQH_TL', 'Tối đa', '2%', '', '', '', ''),
      row('2025-2030', '', 'CH09', 'KHONG_CO', 'Hằng quý', '', '', '', '', ''),
      row('2025-2030', 2031, '', 'TC_HV_MOI', 'Cộng dồn nhiệm kỳ', 'nhiều', '40', '', '', ''),
      row('2025-2030', '', '', 'TC_HV_TL', 'Hằng năm', 90, '', '', '', ''),
      row('2025-2030', '', '', 'TC_HV_MOI', 'Khoảng', '40', '30', '', '', ''),
      row('2025-2030', '', '', 'TC_HV_MOI', 'Khoảng', '30%', '40', '', '', ''),
      row('2025-2030', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '150', '', '', '', ''),
      row('2025-2030', '', '', 'KT_HN_THOAT', 'Hằng năm', '30', '', '', 'NQ ĐH lần thứ I', ''),
      row('2025-2030', '', '', 'KT_HN_THOAT', 'Hằng năm', '30', '', '', 'Chỉ tiêu giao 2026', ''),
      row('2021-2026', '', '', 'TC_CB_TH_TL', 'Định tính', 'Chủ tịch đạt chuẩn', '', '', '', ''),
    ];
    const { targets, problems } = targetsFromRows(rows, knownCodes, knownUnits, rates);
    expect(problems).toEqual([
      'Dòng 7: không có đơn vị mã "CH09" (để trống nếu là chỉ tiêu toàn đơn vị)',
      'Dòng 7: không có chỉ tiêu mã "KHONG_CO" trong danh mục',
      'Dòng 7: loại chỉ tiêu "Hằng quý" không hợp lệ (dùng một trong: Hằng năm, Cộng dồn nhiệm kỳ, ' +
        'Tỷ lệ cuối nhiệm kỳ, Mỗi đơn vị mỗi năm, Tối đa, Khoảng, Định tính)',
      'Dòng 8: năm 2031 không thuộc nhiệm kỳ 2025-2030',
      'Dòng 8: cột "Giá trị": "nhiều" không phải là số',
      'Dòng 8: cột "Giá trị trên" chỉ dùng cho loại "Khoảng"',
      'Dòng 9: chỉ tiêu TC_HV_TL là tỷ lệ (%), không cộng dồn được; dùng loại "Tỷ lệ cuối nhiệm kỳ", ' +
        '"Tối đa" hoặc "Khoảng"',
      'Dòng 10: giá trị trên nhỏ hơn giá trị dưới',
      'Dòng 11: cột "Giá trị": chỉ tiêu TC_HV_MOI không phải tỷ lệ, bỏ dấu %',
      'Dòng 12: cột "Giá trị": tỷ lệ 150 lớn hơn 100 (ghi tỷ lệ theo phần trăm, ví dụ 92,6)',
      'Dòng 13: trùng với dòng 2 (cùng nhiệm kỳ, năm, đơn vị, chỉ tiêu và văn bản)',
    ]);
    expect(targets.map((t) => t.row)).toEqual([2, 3, 5, 6, 14, 15]);
    expect(targets[0]).toEqual({
      term: '2025-2030',
      year: null,
      unit: null,
      code: 'KT_HN_THOAT',
      type: 'ANNUAL',
      value: 33500,
      valueHi: null,
      baseline: null,
      isRate: false,
      text: '',
      sourceDoc: 'NQ ĐH lần thứ I',
      note: '',
      row: 2,
    });
    expect(targets[1]).toMatchObject({
      term: '2025-2030',
      year: 2026,
      unit: 'CH01',
      code: 'TC_HV_TL',
      type: 'END_STATE_RATE',
      isRate: true,
      sourceDoc: 'Chỉ tiêu giao',
      note: 'x',
    });
    expect(targets[1]!.value).toBeCloseTo(0.926, 12);
    expect(targets[1]!.baseline).toBeCloseTo(0.853, 12);
    expect(targets[2]).toMatchObject({ type: 'RANGE', value: 0.95, valueHi: 1, isRate: true });
    expect(targets[3]).toMatchObject({ type: 'MAX_RATE', value: 0.02, isRate: true });
    expect(targets[4]).toMatchObject({ sourceDoc: 'Chỉ tiêu giao 2026', value: 30 });
    expect(targets[5]).toMatchObject({
      term: '2021-2026',
      type: 'QUALITATIVE',
      value: null,
      text: 'Chủ tịch đạt chuẩn',
    });
  });

  it('numbers rows from 2 without the header, and reports missing cells', () => {
    const { targets, problems } = targetsFromRows(
      [
        row('', '', '', '', '', '', '', '', '', ''),
        row('2025', '', '', 'KT_HN_THOAT', '', '', '', '', '', ''),
        row('2025-2030', '', '', 'TC_HV_MOI', 'Khoảng', '30', '', '', '', ''),
        row('2025-2030', '', '', 'KT_HN_THOAT', 'ANNUAL', '0', '', '', '', ''),
      ],
      knownCodes,
      knownUnits,
      rates,
    );
    expect(targets).toEqual([]);
    expect(problems).toEqual([
      'Dòng 3: nhiệm kỳ "2025" phải ghi dạng 2025-2030',
      'Dòng 3: thiếu loại chỉ tiêu (Hằng năm, Cộng dồn nhiệm kỳ, Tỷ lệ cuối nhiệm kỳ, Mỗi đơn vị mỗi năm, ' +
        'Tối đa, Khoảng, Định tính)',
      'Dòng 4: loại "Khoảng" cần cả giá trị dưới và giá trị trên',
      'Dòng 5: giá trị chỉ tiêu phải lớn hơn 0',
    ]);
  });

  it('without the rate list, takes END_STATE_RATE and MAX_RATE as rates and the rest as counts', () => {
    const { targets, problems } = targetsFromRows(
      [
        row('2025-2030', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '89', '', '', '', ''),
        row('2025-2030', '', '', 'TC_HV_HP_TL', 'Khoảng', '95', '100', '', '', ''),
      ],
      knownCodes,
      knownUnits,
    );
    expect(problems).toEqual([]);
    expect(targets.map((t) => [t.value, t.isRate])).toEqual([
      [0.89, true],
      [95, false],
    ]);
  });

  it('round-trips a parsed rate target through evaluation', () => {
    const { targets } = targetsFromRows(
      [row('2025-2030', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '89', '', '', '', '')],
      knownCodes,
      knownUnits,
      rates,
    );
    // 1.412 hội viên of 1.525 phụ nữ: 92,59…% → 92,6%, 3,6 points above 89%.
    expect(evaluateTarget(targets[0]!, { value: 1412 / 1525 }, THU_HUT).phrase).toBe(
      'đạt 92,6%, vượt 3,6 điểm % so với chỉ tiêu 89%',
    );
  });
});
