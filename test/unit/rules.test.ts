import { defaultCatalogue } from '../../src/domain/catalogue';
import type { Rule } from '../../src/domain/rules';
import {
  defaultRules,
  evaluateMany,
  evaluateRules,
  RULE_HEADER,
  ruleInputs,
  ruleProblems,
  rulesFromRows,
  rulesToRows,
  violations,
} from '../../src/domain/rules';

const catalogue = defaultCatalogue();
const knownCodes = new Set(catalogue.map((i) => i.code));
const defaults = defaultRules(catalogue, 'huyen', { stockChangeWarningPercent: 30 });
const byId = (id: string): Rule => {
  const rule = defaults.find((r) => r.id === id);
  if (!rule) throw new Error(`no default rule ${id}`);
  return rule;
};

function rule(overrides: Partial<Rule>): Rule {
  return {
    id: 'R01',
    left: 'TC_HV_MOI',
    operator: '<=',
    right: 'TC_HV',
    importance: 'error',
    message: 'Số mới ({trai}) lớn hơn tổng ({phai})',
    active: true,
    ...overrides,
  };
}

const at = (values: Record<string, number | string>, previous?: Record<string, number | string>) => ({
  unit: 'DK',
  period: '2026-Q2',
  values,
  previous,
});

describe('defaultRules', () => {
  it('includes the four kinds for a district workbook', () => {
    expect(byId('TC_HV_MOI<=TC_HV')).toMatchObject({
      left: 'TC_HV_MOI',
      right: 'TC_HV',
      importance: 'error',
    });
    expect(byId('TC_HV_NC<=TC_HV')).toMatchObject({ operator: '<=', importance: 'error' });
    expect(byId('TC_HV>=0')).toMatchObject({ left: 'TC_HV', operator: '>=', right: '0' });
    expect(byId('TC_HV:BIEN_DONG')).toMatchObject({
      left: 'ABS(TC_HV - PREV(TC_HV))',
      right: '0.3 * PREV(TC_HV)',
      importance: 'warning',
      message: expect.stringContaining('Tổng số hội viên thay đổi hơn 30% so với quý trước'),
    });
  });

  it('covers only active entered indicators, with unique ids and valid expressions', () => {
    const ids = defaults.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // TC_HV_MOI is a flow: no stock rules; TC_HV_TL is a ratio, computed, never entered.
    expect(ids).not.toContain('TC_HV_MOI>=0');
    expect(ids.some((id) => id.startsWith('TC_HV_TL'))).toBe(false);
    // TC_CB is not switched on by default, so TC_CB_TH_TL gives no rule.
    expect(ids).not.toContain('TC_CB_TH<=TC_CB');
    expect(defaults.flatMap((r) => ruleProblems(r, knownCodes))).toEqual([]);
  });

  it('follows the threshold setting', () => {
    const rules = defaultRules(catalogue, 'huyen', { stockChangeWarningPercent: 15 });
    expect(rules.find((r) => r.id === 'TC_HV:BIEN_DONG')?.right).toBe('0.15 * PREV(TC_HV)');
  });
});

describe('evaluateRules', () => {
  it('reports a violation with the Vietnamese message and Vietnamese numbers', () => {
    const [result] = violations(
      evaluateRules([byId('TC_HV_MOI<=TC_HV')], at({ TC_HV_MOI: 1500, TC_HV: 1412 })),
    );
    expect(result).toEqual({
      ruleId: 'TC_HV_MOI<=TC_HV',
      importance: 'error',
      unit: 'DK',
      period: '2026-Q2',
      left: 1500,
      right: 1412,
      passed: false,
      message: 'Số hội viên kết nạp mới (1.500) không được lớn hơn Tổng số hội viên (1.412)',
    });
  });

  it('passes a rule that holds', () => {
    const results = evaluateRules([byId('TC_HV_NC<=TC_HV')], at({ TC_HV_NC: 335, TC_HV: 1412 }));
    expect(results).toMatchObject([{ passed: true }]);
    expect(violations(results)).toEqual([]);
  });

  it('flags a negative stock', () => {
    const [result] = evaluateRules([byId('TC_QUYHOI>=0')], at({ TC_QUYHOI: -2.5 }));
    expect(result).toMatchObject({ passed: false, message: 'Quỹ hội không được là số âm (đang là -2,5)' });
  });

  it('warns of a 35% drop in members but not of a 10% one', () => {
    const change = byId('TC_HV:BIEN_DONG');
    const drop35 = evaluateRules([change], at({ TC_HV: 650 }, { TC_HV: 1000 }));
    expect(drop35).toMatchObject([{ passed: false, importance: 'warning', left: 350, right: 300 }]);
    expect(drop35[0]!.message).toBe(
      'Tổng số hội viên thay đổi hơn 30% so với quý trước (chênh lệch 350, mức cho phép 300)',
    );
    expect(evaluateRules([change], at({ TC_HV: 900 }, { TC_HV: 1000 }))).toMatchObject([{ passed: true }]);
  });

  it('does not warn of a change of exactly the threshold, whatever the floating point says', () => {
    const rules = defaultRules(catalogue, 'huyen', { stockChangeWarningPercent: 35 });
    const change = rules.filter((r) => r.id === 'TC_HV:BIEN_DONG');
    // 0.35 * 180 is 62.99999999999999 in binary floating point; 243 is exactly 35% above 180.
    expect(evaluateRules(change, at({ TC_HV: 243 }, { TC_HV: 180 }))).toMatchObject([{ passed: true }]);
    expect(evaluateRules(change, at({ TC_HV: 244 }, { TC_HV: 180 }))).toMatchObject([{ passed: false }]);
  });

  it('skips, rather than fails, when a value is missing or is not a number', () => {
    const newMembers = byId('TC_HV_MOI<=TC_HV');
    expect(evaluateRules([newMembers], at({ TC_HV_MOI: 37 }))).toEqual([]);
    expect(evaluateRules([newMembers], at({ TC_HV_MOI: 37, TC_HV: 'Hoàn thành tốt nhiệm vụ' }))).toEqual([]);
    // No previous quarter: PREV() has nothing to compare with.
    expect(evaluateRules([byId('TC_HV:BIEN_DONG')], at({ TC_HV: 10 }))).toEqual([]);
  });

  it('skips a rule that divides by zero', () => {
    const ratio = rule({ left: 'TC_HV / TC_PN18', operator: '<=', right: '1' });
    expect(evaluateRules([ratio], at({ TC_HV: 5, TC_PN18: 0 }))).toEqual([]);
    expect(evaluateRules([ratio], at({ TC_HV: 5, TC_PN18: 4 }))).toMatchObject([
      { passed: false, left: 1.25 },
    ]);
  });

  it('evaluates arithmetic with precedence, parentheses, unary minus and ABS', () => {
    const r = rule({ left: '-(2 + 3) * 4 - ABS(-TC_HV) / 2', operator: '==', right: '-20.5 - 2.5' });
    expect(evaluateRules([r], at({ TC_HV: 6 }))).toMatchObject([{ left: -23, right: -23, passed: true }]);
  });

  it('ignores inactive rules', () => {
    expect(evaluateRules([rule({ active: false })], at({ TC_HV_MOI: 9, TC_HV: 1 }))).toEqual([]);
  });

  it('refuses to evaluate a rule that does not parse', () => {
    expect(() => evaluateRules([rule({ id: 'R07', right: 'TC_HV +' })], at({}))).toThrow(
      /^Quy tắc R07: vế phải/,
    );
  });
});

describe('expression problems', () => {
  const problems = (overrides: Partial<Rule>) => ruleProblems(rule({ id: 'R03', ...overrides }), knownCodes);

  it('names an unknown indicator code', () => {
    expect(problems({ left: 'TC_XYZ' })).toEqual(['Quy tắc R03: không có chỉ tiêu "TC_XYZ" trong danh mục']);
    expect(problems({ right: 'PREV(TC_ABC)' })).toEqual([
      'Quy tắc R03: không có chỉ tiêu "TC_ABC" trong danh mục',
    ]);
  });

  it.each([
    ['TC_HV +', 'biểu thức kết thúc khi còn thiếu số hoặc mã chỉ tiêu'],
    ['(TC_HV', 'thiếu dấu ")"'],
    ['TC_HV TC_PN18', 'thừa "TC_PN18" ở vị trí 7'],
    ['TC_HV % 2', 'ký tự "%" không hợp lệ ở vị trí 7'],
    ['0,3 * TC_HV', 'số "0,3" ở vị trí 1 có dấu phẩy'],
    ['SUM(TC_HV)', 'không có hàm "SUM"'],
    ['PREV(TC_HV + 1)', 'PREV chỉ nhận một mã chỉ tiêu'],
    ['', 'biểu thức trống'],
  ])('explains what is wrong with %j', (right, problem) => {
    const [message] = problems({ right });
    expect(message).toContain(`Quy tắc R03: vế phải "${right}": ${problem}`);
  });

  it('accepts lower-case codes', () => {
    expect(problems({ left: 'abs(tc_hv - prev(tc_hv))' })).toEqual([]);
  });
});

describe('the rules tab', () => {
  it('round-trips the default rules, with or without the header row', () => {
    const rows = rulesToRows(defaults);
    expect(rulesFromRows([RULE_HEADER, ...rows], knownCodes)).toEqual({ rules: defaults, problems: [] });
    expect(rulesFromRows(rows, knownCodes)).toEqual({ rules: defaults, problems: [] });
  });

  it('keeps "==" and a leading minus as text, not formulas', () => {
    const r = rule({ left: '-TC_HV', operator: '==', active: false, importance: 'warning' });
    const [row] = rulesToRows([r]);
    expect(row).toEqual(['R01', "'-TC_HV", "'==", 'TC_HV', 'Cảnh báo', r.message, false]);
    expect(rulesFromRows([row!], knownCodes).rules).toEqual([r]);
  });

  it('reads rows as a sheet gives them, ignoring blank rows', () => {
    const rows = [
      RULE_HEADER,
      ['', '', '', '', '', '', ''],
      ['R01', 'TC_HV_NC', '≤', 'TC_HV', 'LỖI', '', ''],
      ['R02', 'TC_HV', '>=', 0, 'cảnh báo', 'Âm: {trai}', 'FALSE'],
    ];
    const { rules, problems } = rulesFromRows(rows, knownCodes);
    expect(problems).toEqual([]);
    expect(rules).toMatchObject([
      { id: 'R01', operator: '<=', importance: 'error', active: true },
      { id: 'R02', right: '0', importance: 'warning', message: 'Âm: {trai}', active: false },
    ]);
  });

  it('names a bad row by its spreadsheet row number and keeps the good ones', () => {
    const rows = [
      RULE_HEADER,
      ['R01', 'TC_HV_MOI', '<=', 'TC_HV', 'Lỗi', 'x', true],
      ['', '', '', '', '', '', ''],
      ['R02', 'TC_XYZ', '<=', 'TC_HV', 'Lỗi', 'x', true],
      ['R03', 'TC_HV', '=>', 'TC_PN18', 'Nghiêm trọng', 'x', true],
      ['R01', 'TC_HV', '<=', 'TC_PN18', 'Lỗi', 'x', true],
      ['', 'TC_HV', '<=', 'TC_PN18', 'Lỗi', 'x', 'có lẽ'],
    ];
    const { rules, problems } = rulesFromRows(rows, knownCodes);
    expect(rules.map((r) => r.id)).toEqual(['R01']);
    expect(problems).toEqual([
      'Dòng 4 (quy tắc R02): không có chỉ tiêu "TC_XYZ" trong danh mục',
      'Dòng 5 (quy tắc R03): phép so sánh "=>" không hợp lệ (dùng một trong: <= < >= > == !=)',
      'Dòng 5 (quy tắc R03): mức độ "Nghiêm trọng" không hợp lệ (ghi "Lỗi" hoặc "Cảnh báo")',
      'Dòng 6 (quy tắc R01): mã quy tắc bị trùng với dòng 2',
      'Dòng 7: thiếu mã quy tắc',
      'Dòng 7: cột áp dụng "có lẽ" phải là TRUE hoặc FALSE',
    ]);
  });
});

describe('many unit-quarters', () => {
  it('pairs each quarter with the same unit’s previous quarter, across a year end', () => {
    const points = [
      { unit: 'DK', period: '2025-Q4', code: 'TC_HV', value: 1000 },
      { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 600 },
      { unit: 'HM', period: '2026-Q1', code: 'TC_HV', value: 600 },
    ];
    const inputs = ruleInputs(points);
    expect(inputs.map((i) => [i.unit, i.period, i.previous?.TC_HV])).toEqual([
      ['DK', '2025-Q4', undefined],
      ['DK', '2026-Q1', 1000],
      ['HM', '2026-Q1', undefined],
    ]);
    const failed = violations(evaluateMany([byId('TC_HV:BIEN_DONG'), byId('TC_HV>=0')], inputs));
    expect(failed.map((r) => [r.unit, r.period, r.ruleId])).toEqual([['DK', '2026-Q1', 'TC_HV:BIEN_DONG']]);
  });
});
