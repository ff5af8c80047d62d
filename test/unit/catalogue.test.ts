import defaultCatalogueCsv from '../../src/domain/data/indicators.csv';
import type { Indicator } from '../../src/domain/catalogue';
import {
  catalogueProblems,
  defaultCatalogue,
  entryIndicators,
  entryNote,
  isEnteredBy,
  parseCatalogue,
  RATING_CLASSES,
  RATING_CODE,
  valueKind,
} from '../../src/domain/catalogue';

const catalogue = defaultCatalogue();
const byCode = (code: string): Indicator => {
  const indicator = catalogue.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return indicator;
};
const codes = (list: ReadonlyArray<Pick<Indicator, 'code'>>) => list.map((i) => i.code);
const allOn = catalogue.map((i) => ({ ...i, active: true }));

const HEADER = 'code,group,name_vi,unit,type,across_units,across_time,level,numerator,denominator,example';

describe('the default catalogue', () => {
  it('holds the 114 rows of indicators.csv, without the NQ_TL_i pattern row, plus the rating row', () => {
    const rows = parseCatalogue(defaultCatalogueCsv);
    expect(rows).toHaveLength(114);
    expect(codes(rows)).toContain('NQ_TL_i');
    expect(catalogue).toHaveLength(114);
    expect(codes(catalogue)).not.toContain('NQ_TL_i');
    expect(byCode(RATING_CODE)).toMatchObject({ type: 'L', level: 'CH→X', unit: 'xếp loại' });
  });

  it('has unique codes', () => {
    expect(new Set(codes(catalogue)).size).toBe(catalogue.length);
  });

  it('switches on the default subset, and every code in it exists', () => {
    const active = codes(catalogue.filter((i) => i.active));
    expect(active).toHaveLength(51);
    expect(active).toEqual(
      expect.arrayContaining([
        'TC_HV',
        'TC_HV_TL',
        'UT_DUNO',
        'XD_PB',
        RATING_CODE,
        'TD_CS_TOT_TL',
        'TC_COSO_TH50',
      ]),
    );
    expect(byCode('TC_HV_DD').active).toBe(false);
    expect(byCode('CDS_HV').active).toBe(false);
  });

  it('gives every ratio a numerator and a denominator that are codes of the catalogue', () => {
    const known = new Set(codes(catalogue));
    for (const ratio of catalogue.filter((i) => i.type === 'R')) {
      expect([ratio.code, known.has(ratio.numerator), known.has(ratio.denominator)]).toEqual([
        ratio.code,
        true,
        true,
      ]);
    }
  });

  it('stores names in NFC even when the CSV is decomposed', () => {
    const csv = `${HEADER}\nTC_HV,TC - Tổ chức,Tổng số hội viên,người,S,SUM,LAST,CH→X,,,\n`.normalize('NFD');
    const [row] = parseCatalogue(csv);
    expect(row!.name).toBe('Tổng số hội viên'.normalize('NFC'));
    expect(row!.level).toBe('CH→X');
  });

  it('refuses an unknown type, naming the code', () => {
    const csv = `${HEADER}\nTC_X,TC,Tên,người,Q,SUM,LAST,X,,,\n`;
    expect(() => parseCatalogue(csv)).toThrow('Chỉ tiêu TC_X: loại "Q" không hợp lệ');
  });
});

describe('isEnteredBy', () => {
  it('has commune workbook tabs (chi hội) enter only what branches report (CH→X)', () => {
    const entered = catalogue.filter((i) => isEnteredBy(i, 'xa'));
    expect(entered.length).toBeGreaterThan(0);
    expect(entered.every((i) => i.level === 'CH→X')).toBe(true);
    expect(isEnteredBy(byCode('TC_HV'), 'xa')).toBe(true);
    expect(isEnteredBy(byCode(RATING_CODE), 'xa')).toBe(true);
    expect(isEnteredBy(byCode('TC_CHIHOI'), 'xa')).toBe(false);
    expect(isEnteredBy(byCode('UT_DUNO'), 'xa')).toBe(false);
  });

  it.each(['huyen', 'tinh'] as const)('has %s tabs (communes) enter commune and branch figures', (level) => {
    for (const code of ['TC_HV', 'TC_CHIHOI', 'UT_DUNO', 'XD_GS', 'TC_KTGS', RATING_CODE]) {
      expect([code, isEnteredBy(byCode(code), level)]).toEqual([code, true]);
    }
    for (const code of ['TC_COSO', 'TC_HV_TANG']) {
      expect([code, isEnteredBy(byCode(code), level)]).toEqual([code, false]);
    }
  });

  it.each(['xa', 'huyen', 'tinh'] as const)('never has %s tabs enter ratios or COUNT_IF counts', (level) => {
    const computed = catalogue.filter(
      (i) => i.type === 'R' || (i.type === 'C' && i.acrossUnits === 'COUNT_IF'),
    );
    expect(computed.length).toBeGreaterThan(0);
    expect(computed.filter((i) => isEnteredBy(i, level))).toEqual([]);
  });

  it('has communes enter the counts of their branches by class, but not of communes by class', () => {
    const branchClasses = ['TD_CH_XL_XS', 'TD_CH_XL_T', 'TD_CH_XL_HT', 'TD_CH_XL_KHT'].map(byCode);
    expect(branchClasses.every((i) => isEnteredBy(i, 'huyen') && isEnteredBy(i, 'tinh'))).toBe(true);
    expect(branchClasses.some((i) => isEnteredBy(i, 'xa'))).toBe(false);
    expect(isEnteredBy(byCode('TD_CS_XL_XS'), 'huyen')).toBe(false);
  });
});

describe('entryIndicators', () => {
  it('lists the active entered indicators in catalogue order', () => {
    const entered = entryIndicators(catalogue, 'xa');
    expect(codes(entered).slice(0, 3)).toEqual(['TC_PN18', 'TC_HV', 'TC_HV_MOI']);
    expect(codes(entered)).not.toContain('TC_HV_TL');
    expect(codes(entered)).not.toContain('TC_HV_DD');
    expect(codes(entered).at(-1)).toBe(RATING_CODE);
  });

  it('adds an indicator once it is switched on and drops it once switched off', () => {
    expect(codes(entryIndicators(catalogue, 'huyen'))).not.toContain('KT_NGHE');
    expect(codes(entryIndicators(allOn, 'huyen'))).toContain('KT_NGHE');
    const withoutMembers = catalogue.map((i) => (i.code === 'TC_HV' ? { ...i, active: false } : i));
    expect(codes(entryIndicators(withoutMembers, 'huyen'))).not.toContain('TC_HV');
  });
});

describe('valueKind', () => {
  it('tells counts, money, percentages and ratings apart', () => {
    expect(valueKind(byCode('TC_HV'))).toBe('count');
    expect(valueKind(byCode('TC_QUYHOI'))).toBe('money');
    expect(valueKind(byCode('TC_HV_TL'))).toBe('percent');
    expect(valueKind(byCode(RATING_CODE))).toBe('rating');
    expect(valueKind({ ...byCode('TC_QUYHOI'), unit: 'đồng' })).toBe('money');
  });

  it('goes by the first of parallel sub-fields', () => {
    expect(byCode('AS_MAIAM').unit).toBe('căn; triệu đồng');
    expect(valueKind(byCode('AS_MAIAM'))).toBe('count');
    expect(valueKind(byCode('UT_GN_MOI'))).toBe('money');
  });
});

describe('entryNote', () => {
  it('tells a stock from a flow, in Vietnamese, under the name', () => {
    const stock = entryNote(byCode('TC_HV')).split('\n');
    expect(stock[0]).toBe('Tổng số hội viên');
    expect(stock[1]).toBe('Số liệu tại thời điểm cuối quý (không cộng dồn các quý).');
    expect(entryNote(byCode('TC_HV_MOI'))).toContain('Số phát sinh trong quý (không tính các quý trước).');
  });

  it('says how to type the value', () => {
    expect(entryNote(byCode('TC_HV'))).toContain('Nhập số nguyên không âm (đơn vị: người).');
    expect(entryNote(byCode('TC_QUYHOI'))).toContain('Nhập số tiền bằng triệu đồng, không âm.');
    expect(entryNote(byCode('TC_HV_TL'))).toContain('Nhập tỷ lệ phần trăm từ 0 đến 100.');
  });

  it('lists the four rating classes for the rating row', () => {
    const note = entryNote(byCode(RATING_CODE));
    for (const rating of RATING_CLASSES) expect(note).toContain(rating);
    expect(note).not.toContain('Nhập số');
  });
});

describe('catalogueProblems', () => {
  it('accepts the default catalogue', () => {
    expect(catalogueProblems(defaultCatalogue())).toEqual([]);
  });

  it('names the row of an unknown type, a repeated code and a ratio whose parts are missing', () => {
    const [first, second] = defaultCatalogue();
    const ratio = defaultCatalogue().find((i) => i.code === 'TC_HV_TL')!;
    const problems = catalogueProblems([
      { ...first!, type: 'X' as never },
      { ...second!, code: first!.code },
      { ...ratio, denominator: 'TC_KHONG_CO' },
    ]);
    expect(problems).toEqual([
      `Dòng 2 (${first!.code}): loại "X" không hợp lệ, phải là một trong S, F, R, C, K, S/F, L`,
      `Dòng 3: mã "${first!.code}" trùng với dòng 2`,
      'Dòng 4 (TC_HV_TL): tử số / mẫu số không có trong danh mục: TC_HV, TC_KHONG_CO',
    ]);
  });
});
