import type { Level } from '../../src/domain/config';
import type { DataPoint, DataValue } from '../../src/domain/dataPoints';
import type { Aggregation } from '../../src/domain/aggregate';
import { aggregate, timeRule, unitValue } from '../../src/domain/aggregate';
import type { Indicator } from '../../src/domain/catalogue';
import { defaultCatalogue, RATING_CLASSES, RATING_CODE } from '../../src/domain/catalogue';

const [XS, T, HT, KHT] = RATING_CLASSES;
const H1 = ['2026-Q1', '2026-Q2'];

/** The default catalogue with only these codes switched on (the rest stay available as inputs). */
function only(...codes: string[]): Indicator[] {
  return defaultCatalogue().map((i) => ({ ...i, active: codes.includes(i.code) }));
}

/** Points of one unit in one quarter. */
function at(unit: string, period: string, values: Record<string, DataValue>): DataPoint[] {
  return Object.entries(values).map(([code, value]) => ({ unit, period, code, value }));
}

function run(
  catalogue: Indicator[],
  units: string[],
  points: DataPoint[][],
  level: Level = 'huyen',
  quarters = H1,
): Aggregation {
  return aggregate({ catalogue, level, units, quarters, points: points.flat() });
}

function result(aggregation: Aggregation, code: string) {
  const found = aggregation.byCode[code];
  if (!found) throw new Error(`${code} is not in the aggregation`);
  return found;
}

describe('flows (F) over a half-year', () => {
  // A: 5 + 7 = 12; B reported only Q1: 3; C reported nothing: missing. Total 12 + 3 = 15 from 2 of 3.
  const aggregation = run(
    only('TC_HV_MOI'),
    ['A', 'B', 'C'],
    [
      at('A', '2026-Q1', { TC_HV_MOI: 5 }),
      at('A', '2026-Q2', { TC_HV_MOI: 7 }),
      at('B', '2026-Q1', { TC_HV_MOI: 3 }),
      at('A', '2025-Q4', { TC_HV_MOI: 100 }), // outside the period
      at('Z', '2026-Q1', { TC_HV_MOI: 100 }), // not an expected unit
    ],
  );

  it('adds the quarters that have a value, and leaves a unit without any missing (not 0)', () => {
    expect(result(aggregation, 'TC_HV_MOI').values).toEqual([12, 3, null]);
  });

  it('sums the units that reported and says how many they are', () => {
    expect(result(aggregation, 'TC_HV_MOI').total).toEqual({
      value: 15,
      coverage: { reported: 2, expected: 3 },
    });
  });

  it('gives a null total, not 0, when no unit reported', () => {
    const empty = run(only('TC_HV_MOI'), ['A', 'B'], []);
    expect(result(empty, 'TC_HV_MOI').total).toEqual({ value: null, coverage: { reported: 0, expected: 2 } });
  });

  it('counts a reported 0 as a value', () => {
    const zero = run(only('TC_HV_MOI'), ['A', 'B'], [at('A', '2026-Q2', { TC_HV_MOI: 0 })]);
    expect(result(zero, 'TC_HV_MOI').values).toEqual([0, null]);
    expect(result(zero, 'TC_HV_MOI').total).toEqual({ value: 0, coverage: { reported: 1, expected: 2 } });
  });
});

describe('stocks (S) over a half-year', () => {
  // A: Q2 = 110 (not 100 + 110); B skipped Q2: keeps Q1's 80; C: missing. Total 110 + 80 = 190, 2/3.
  const aggregation = run(
    only('TC_HV'),
    ['A', 'B', 'C'],
    [
      at('A', '2026-Q1', { TC_HV: 100 }),
      at('A', '2026-Q2', { TC_HV: 110 }),
      at('B', '2026-Q1', { TC_HV: 80 }),
    ],
  );

  it('take the last quarter that has a value', () => {
    expect(result(aggregation, 'TC_HV').values).toEqual([110, 80, null]);
  });

  it('sum over the units that have a value; a unit with none is not covered', () => {
    expect(result(aggregation, 'TC_HV').total).toEqual({
      value: 190,
      coverage: { reported: 2, expected: 3 },
    });
  });
});

describe('ratios (R)', () => {
  // TC_HV_TL = TC_HV / TC_PN18. A: 90/100 = 0.9 (PN18 from Q1, HV from Q2); B: 1/10 = 0.1;
  // C has no TC_PN18: missing, left out. Total (90 + 1) / (100 + 10) = 91/110; the average would be 0.5.
  const aggregation = run(
    only('TC_HV_TL'),
    ['A', 'B', 'C'],
    [
      at('A', '2026-Q1', { TC_HV: 80, TC_PN18: 100 }),
      at('A', '2026-Q2', { TC_HV: 90 }),
      at('B', '2026-Q2', { TC_HV: 1, TC_PN18: 10 }),
      at('C', '2026-Q2', { TC_HV: 50 }),
    ],
  );

  it("are each unit's period numerator over its period denominator, as decimals", () => {
    expect(result(aggregation, 'TC_HV_TL').values).toEqual([0.9, 0.1, null]);
    expect(result(aggregation, 'TC_HV_TL').parts).toEqual([
      { numerator: 90, denominator: 100 },
      { numerator: 1, denominator: 10 },
      { numerator: 50, denominator: null },
    ]);
  });

  it('total Σ numerator / Σ denominator over the units that have both, never the average', () => {
    const total = result(aggregation, 'TC_HV_TL').total!;
    expect(total.value).toBeCloseTo(91 / 110, 12);
    expect(total.value).not.toBeCloseTo(0.5, 2);
    expect(total).toMatchObject({ numerator: 91, denominator: 110, coverage: { reported: 2, expected: 3 } });
  });

  it('are recomputed over time from flows, not averaged over quarters', () => {
    // AS_BLGD_TL = AS_BLGD_TC / AS_BLGD (flows). Q1 1/1, Q2 1/9: period 2/10 = 0.2 (average: 0.56).
    const flows = run(
      only('AS_BLGD_TL'),
      ['A'],
      [at('A', '2026-Q1', { AS_BLGD_TC: 1, AS_BLGD: 1 }), at('A', '2026-Q2', { AS_BLGD_TC: 1, AS_BLGD: 9 })],
    );
    expect(result(flows, 'AS_BLGD_TL').values).toEqual([0.2]);
    expect(result(flows, 'AS_BLGD_TL').total).toMatchObject({ value: 0.2, numerator: 2, denominator: 10 });
  });

  it('are missing for a unit whose denominator is 0, and null in total when Σ denominator is 0', () => {
    const zero = run(only('UT_NQH_TL'), ['A'], [at('A', '2026-Q2', { UT_NQH: 0, UT_DUNO: 0 })]);
    expect(result(zero, 'UT_NQH_TL').values).toEqual([null]);
    expect(result(zero, 'UT_NQH_TL').total).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      coverage: { reported: 1, expected: 1 },
    });
  });
});

describe('the derived TC_HV_TANG = TC_HV_MOI − TC_HV_GIAM', () => {
  // A: (5 + 7) − (2 + 1) = 9; B has no TC_HV_GIAM: missing; C: 0 − 3 = −3. Total 9 − 3 = 6, 2/3.
  const aggregation = run(
    only('TC_HV_TANG'),
    ['A', 'B', 'C'],
    [
      at('A', '2026-Q1', { TC_HV_MOI: 5, TC_HV_GIAM: 2 }),
      at('A', '2026-Q2', { TC_HV_MOI: 7, TC_HV_GIAM: 1 }),
      at('B', '2026-Q1', { TC_HV_MOI: 4 }),
      at('C', '2026-Q2', { TC_HV_MOI: 0, TC_HV_GIAM: 3 }),
    ],
  );

  it("is computed from each unit's aggregated flows", () => {
    expect(result(aggregation, 'TC_HV_TANG')).toMatchObject({ source: 'derived', values: [9, null, -3] });
  });

  it('sums over the units that have both flows', () => {
    expect(result(aggregation, 'TC_HV_TANG').total).toEqual({
      value: 6,
      coverage: { reported: 2, expected: 3 },
    });
  });

  it('is not listed when it is switched off, though its inputs are', () => {
    const off = run(only('TC_HV_MOI', 'TC_HV_GIAM'), ['A'], []);
    expect(off.byCode.TC_HV_TANG).toBeUndefined();
  });
});

describe('COUNT_IF', () => {
  it('counts the communes where TC_HV / TC_PN18 > 50% (TC_COSO_TH50)', () => {
    // A 90/100 yes; B 1/10 no; C 60/100 (Q1, kept) yes; D 50/100 = 50% no; E has no TC_PN18: not covered.
    const aggregation = run(
      only('TC_COSO_TH50'),
      ['A', 'B', 'C', 'D', 'E'],
      [
        at('A', '2026-Q2', { TC_HV: 90, TC_PN18: 100 }),
        at('B', '2026-Q2', { TC_HV: 1, TC_PN18: 10 }),
        at('C', '2026-Q1', { TC_HV: 60, TC_PN18: 100 }),
        at('D', '2026-Q2', { TC_HV: 50, TC_PN18: 100 }),
        at('E', '2026-Q2', { TC_HV: 50 }),
      ],
    );
    expect(result(aggregation, 'TC_COSO_TH50').values).toEqual([1, 0, 1, 0, null]);
    expect(result(aggregation, 'TC_COSO_TH50').total).toEqual({
      value: 2,
      coverage: { reported: 4, expected: 5 },
    });
  });

  it('evaluates the condition on period values instead of adding quarterly counts (XD_GS_COSO)', () => {
    // XD_GS ≥ 1 and XD_PB ≥ 2 over the half-year.
    // A: GS 1 + 0, PB 1 + 1 = 2 → yes, though neither quarter alone qualifies.
    // B: qualifies in both quarters → counted once. C: GS 0, PB 5 → no.
    const aggregation = run(
      only('XD_GS_COSO'),
      ['A', 'B', 'C'],
      [
        at('A', '2026-Q1', { XD_GS: 1, XD_PB: 1 }),
        at('A', '2026-Q2', { XD_GS: 0, XD_PB: 1 }),
        at('B', '2026-Q1', { XD_GS: 1, XD_PB: 2 }),
        at('B', '2026-Q2', { XD_GS: 1, XD_PB: 2 }),
        at('C', '2026-Q2', { XD_GS: 0, XD_PB: 5 }),
      ],
    );
    expect(result(aggregation, 'XD_GS_COSO').values).toEqual([1, 1, 0]);
    expect(result(aggregation, 'XD_GS_COSO').total).toEqual({
      value: 2,
      coverage: { reported: 3, expected: 3 },
    });
  });

  it('counts the communes with at least one club (TT_CLB_COSO)', () => {
    const aggregation = run(
      only('TT_CLB_COSO'),
      ['A', 'B', 'C'],
      [at('A', '2026-Q1', { TT_CLB: 1 }), at('B', '2026-Q2', { TT_CLB: 0 })],
    );
    expect(result(aggregation, 'TT_CLB_COSO').total).toEqual({
      value: 1,
      coverage: { reported: 2, expected: 3 },
    });
  });

  it('is not computed in a commune workbook, whose units are branches', () => {
    expect(run(only('TC_COSO_TH50'), ['CH1'], [], 'xa').byCode.TC_COSO_TH50).toBeUndefined();
  });
});

describe('COUNT_BY_CLASS from the ratings', () => {
  it('counts branches per class in a commune workbook (last rating in the period)', () => {
    // CH1 XS; CH2 T then XS → XS; CH3 HT in Q1 only → HT; CH4 none; CH5 KHT. XS 2, T 0, HT 1, KHT 1; 4/5.
    const aggregation = run(
      only(RATING_CODE, 'TD_CH_XL_XS', 'TD_CH_XL_T', 'TD_CH_XL_HT', 'TD_CH_XL_KHT', 'TD_CS_XL_XS'),
      ['CH1', 'CH2', 'CH3', 'CH4', 'CH5'],
      [
        at('CH1', '2026-Q2', { [RATING_CODE]: XS! }),
        at('CH2', '2026-Q1', { [RATING_CODE]: T! }),
        at('CH2', '2026-Q2', { [RATING_CODE]: XS! }),
        at('CH3', '2026-Q1', { [RATING_CODE]: HT! }),
        at('CH5', '2026-Q2', { [RATING_CODE]: KHT! }),
      ],
      'xa',
    );
    expect(result(aggregation, RATING_CODE).values).toEqual([XS, XS, HT, null, KHT]);
    const count = (code: string) => result(aggregation, code).total;
    const covered = { reported: 4, expected: 5 };
    expect(count('TD_CH_XL_XS')).toEqual({ value: 2, coverage: covered });
    expect(count('TD_CH_XL_T')).toEqual({ value: 0, coverage: covered });
    expect(count('TD_CH_XL_HT')).toEqual({ value: 1, coverage: covered });
    expect(count('TD_CH_XL_KHT')).toEqual({ value: 1, coverage: covered });
    expect(result(aggregation, 'TD_CH_XL_XS').values).toEqual([1, 1, 0, null, 0]);
    expect(count(RATING_CODE)).toEqual({
      value: null,
      coverage: covered,
      classes: { [XS!]: 2, [T!]: 0, [HT!]: 1, [KHT!]: 1 },
    });
    // Communes are not counted in a commune workbook.
    expect(aggregation.byCode.TD_CS_XL_XS).toBeUndefined();
  });

  it('counts communes in a district workbook, with TD_CS_TOT = XS + T over the communes rated', () => {
    // A XS, B T, C HT, D not rated. TD_CS_TOT 2 of 3 rated: TD_CS_TOT_TL = 2/3.
    // TD_CH_XL_XS is entered by each commune (its branches rated XS): 3 + 4 = 7.
    const aggregation = run(
      only(
        'TD_CS_XL_XS',
        'TD_CS_XL_T',
        'TD_CS_XL_HT',
        'TD_CS_XL_KHT',
        'TD_CS_TOT',
        'TD_CS_TOT_TL',
        'TD_CH_XL_XS',
      ),
      ['A', 'B', 'C', 'D'],
      [
        at('A', '2026-Q2', { [RATING_CODE]: XS!, TD_CH_XL_XS: 3 }),
        at('B', '2026-Q2', { [RATING_CODE]: T!, TD_CH_XL_XS: 4 }),
        at('C', '2026-Q2', { [RATING_CODE]: HT! }),
      ],
    );
    const covered = { reported: 3, expected: 4 };
    expect(result(aggregation, 'TD_CS_XL_XS').total).toEqual({ value: 1, coverage: covered });
    expect(result(aggregation, 'TD_CS_XL_T').total).toEqual({ value: 1, coverage: covered });
    expect(result(aggregation, 'TD_CS_XL_HT').total).toEqual({ value: 1, coverage: covered });
    expect(result(aggregation, 'TD_CS_XL_KHT').total).toEqual({ value: 0, coverage: covered });
    expect(result(aggregation, 'TD_CS_TOT').total).toEqual({ value: 2, coverage: covered });
    const rate = result(aggregation, 'TD_CS_TOT_TL').total!;
    expect(rate).toMatchObject({ numerator: 2, denominator: 3, coverage: covered });
    expect(rate.value).toBeCloseTo(2 / 3, 12);
    expect(result(aggregation, 'TD_CH_XL_XS')).toMatchObject({
      source: 'entered',
      total: { value: 7, coverage: { reported: 2, expected: 4 } },
    });
  });
});

describe('coverage', () => {
  it('says 13/14 when one unit of 14 has not reported', () => {
    const units = Array.from({ length: 14 }, (_, i) => `U${i + 1}`);
    // U1..U13 report 1..13 new members; U14 nothing. 1 + 2 + … + 13 = 91.
    const points = units.slice(0, 13).map((unit, i) => at(unit, '2026-Q1', { TC_HV_MOI: i + 1 }));
    const total = result(run(only('TC_HV_MOI'), units, points), 'TC_HV_MOI').total!;
    expect(total).toEqual({ value: 91, coverage: { reported: 13, expected: 14 } });
    expect(`${total.coverage.reported}/${total.coverage.expected} đơn vị`).toBe('13/14 đơn vị');
  });
});

describe('across_units NONE and MAX', () => {
  const withRule = (rule: string) =>
    only('TC_QUYHOI').map((i) => (i.code === 'TC_QUYHOI' ? { ...i, acrossUnits: rule } : i));
  const points = [at('A', '2026-Q2', { TC_QUYHOI: 12.5 }), at('B', '2026-Q2', { TC_QUYHOI: 30 })];

  it('NONE keeps the units’ values and has no total', () => {
    const none = result(run(withRule('NONE'), ['A', 'B', 'C'], points), 'TC_QUYHOI');
    expect(none.values).toEqual([12.5, 30, null]);
    expect(none.total).toBeNull();
  });

  it('MAX takes the largest value of the units that have one', () => {
    const max = result(run(withRule('MAX'), ['A', 'B', 'C'], points), 'TC_QUYHOI');
    expect(max.total).toEqual({ value: 30, coverage: { reported: 2, expected: 3 } });
  });
});

describe('what is listed', () => {
  it('lists the active indicators that can be computed, in catalogue order', () => {
    const aggregation = run(only('TC_HV_TL', 'TC_HV', 'TC_HV_TANG', 'NQ_CT_DAT', 'TC_COSO'), ['A'], []);
    // NQ_CT_DAT needs the targets, TC_COSO is entered above the communes: neither can be computed here.
    expect(aggregation.indicators.map((r) => r.indicator.code)).toEqual(['TC_HV', 'TC_HV_TL', 'TC_HV_TANG']);
    expect(aggregation.indicators.map((r) => r.source)).toEqual(['entered', 'ratio', 'derived']);
  });

  it('lists every active indicator of the default catalogue in a district workbook', () => {
    const catalogue = defaultCatalogue();
    const aggregation = run(catalogue, ['A'], []);
    expect(aggregation.indicators).toHaveLength(catalogue.filter((i) => i.active).length);
  });

  it('treats a value that is not a number as missing for a numeric indicator', () => {
    const aggregation = run(
      only('TC_HV'),
      ['A', 'B'],
      [
        at('A', '2026-Q1', { TC_HV: 10 }),
        at('A', '2026-Q2', { TC_HV: 'mười' }),
        at('B', '2026-Q1', { TC_HV: NaN }),
      ],
    );
    expect(result(aggregation, 'TC_HV').values).toEqual([10, null]);
  });

  it('finds a unit’s value by code and unit', () => {
    const aggregation = run(only('TC_HV'), ['A', 'B'], [at('B', '2026-Q1', { TC_HV: 7 })]);
    expect(unitValue(aggregation, 'TC_HV', 'B')).toBe(7);
    expect(unitValue(aggregation, 'TC_HV', 'A')).toBeNull();
    expect(unitValue(aggregation, 'TC_HV', 'X')).toBeUndefined();
  });
});

describe('timeRule', () => {
  const rule = (code: string) => timeRule(defaultCatalogue().find((i) => i.code === code)!);

  it('adds flows, keeps the last stock, and adds the counts of units entered per quarter (TC_KTGS)', () => {
    expect(['TC_HV_MOI', 'TC_HV', 'KT_VON_NB', RATING_CODE, 'TC_KTGS'].map(rule)).toEqual([
      'SUM',
      'LAST',
      'LAST',
      'LAST',
      'SUM',
    ]);
  });
});
