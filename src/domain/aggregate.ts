/**
 * Aggregation over time and units (DHIS2's analytics, simplified; docs/domain.md §5.1, §5.2).
 *
 * Over time, per unit, the quarters of the period combine into the unit's period value: flows add
 * up, stocks and ratings take the last quarter that has a value, ratios are recomputed from the
 * unit's period numerator and denominator. Over units, the period values combine into the total of
 * the workbook's owner (the district, the commune…), which says how many units it covers.
 *
 * Missing is never zero: a unit without a value is null and is not counted in the coverage.
 */
import type { Level } from './config';
import type { DataPoint, DataValue } from './dataPoints';
import type { Indicator } from './catalogue';
import { enteredUnit, RATING_CLASSES, RATING_CODE, isEnteredBy } from './catalogue';

export interface AggregateInput {
  catalogue: readonly Indicator[];
  level: Level;
  /** Unit codes expected to report, in order. */
  units: readonly string[];
  /** The period's quarter keys, in order, e.g. ['2026-Q1', '2026-Q2']. */
  quarters: readonly string[];
  /** Entered values, at most one per unit + quarter + code (corrections resolved by the caller). */
  points: readonly DataPoint[];
}

/** A unit's value over the period: a number, a rating label, or null when missing. */
export type PeriodValue = number | string | null;

/** "13/14 đơn vị": units that contributed to a total / units expected to report. */
export interface Coverage {
  reported: number;
  expected: number;
}

/** How a figure is obtained. */
export type Source = 'entered' | 'derived' | 'ratio' | 'countIf' | 'countByClass';

export interface IndicatorTotal {
  /** The total over units; null when no unit contributed (or a ratio's denominator sums to 0). */
  value: number | null;
  coverage: Coverage;
  /** Ratios: Σ numerator and Σ denominator over the covered units ("335/1.412 (23,7%)"). */
  numerator?: number;
  denominator?: number;
  /** The rating (L): number of units per class label of RATING_CLASSES. */
  classes?: Record<string, number>;
}

export interface RatioParts {
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorAggregate {
  indicator: Indicator;
  source: Source;
  /**
   * Period value per unit, in the order of `units`. Ratios are decimals (0.926). For a count of
   * units (COUNT_IF, COUNT_BY_CLASS computed from ratings) a unit's value is 1 when it meets the
   * condition or has the class, 0 when it does not, null when it cannot be told.
   */
  values: PeriodValue[];
  /** Ratios: each unit's period numerator and denominator, in the order of `units`. */
  parts?: RatioParts[];
  /** The total over units; null when across_units is NONE (unit-specific figures). */
  total: IndicatorTotal | null;
}

export interface Aggregation {
  units: readonly string[];
  quarters: readonly string[];
  /** Every active indicator that can be computed at the level, in catalogue order. */
  indicators: IndicatorAggregate[];
  byCode: Record<string, IndicatorAggregate>;
}

/**
 * Conditions of the COUNT_IF indicators, evaluated on each unit's period values (RECOMPUTE: the
 * condition is tested again over the whole period, quarterly counts are never added). A unit is
 * covered when every input has a value and the test can be decided (not a division by 0).
 */
export interface CountIfRule {
  inputs: readonly string[];
  description: string;
  test: (values: readonly number[]) => boolean | null;
}

export const COUNT_IF_RULES: Readonly<Record<string, CountIfRule>> = {
  TC_COSO_TH50: {
    inputs: ['TC_HV', 'TC_PN18'],
    description: 'TC_HV / TC_PN18 > 50%',
    test: ([members, women]) => (women! > 0 ? members! / women! > 0.5 : null),
  },
  TT_CLB_COSO: {
    inputs: ['TT_CLB'],
    description: 'TT_CLB ≥ 1',
    test: ([clubs]) => clubs! >= 1,
  },
  XD_GS_COSO: {
    inputs: ['XD_GS', 'XD_PB'],
    description: 'XD_GS ≥ 1 và XD_PB ≥ 2',
    test: ([supervisions, critiques]) => supervisions! >= 1 && critiques! >= 2,
  },
};

/** Derived indicators (level `derived`): minuend − subtrahend of the units' period values. */
export const DERIVED: Readonly<Record<string, { plus: string; minus: string }>> = {
  TC_HV_TANG: { plus: 'TC_HV_MOI', minus: 'TC_HV_GIAM' },
};

/**
 * Counts per rating class (K). `branches` codes count the branches of a commune workbook ('xa');
 * `communes` codes count the communes of a district or province workbook. Elsewhere a K code is
 * either entered (TD_CH_XL_* by a commune in a district workbook, then summed) or not computable.
 * Classes are indexes into RATING_CLASSES.
 */
export const CLASS_COUNTS: Readonly<Record<string, { counts: 'branches' | 'communes'; classes: number[] }>> =
  {
    TD_CH_XL_XS: { counts: 'branches', classes: [0] },
    TD_CH_XL_T: { counts: 'branches', classes: [1] },
    TD_CH_XL_HT: { counts: 'branches', classes: [2] },
    TD_CH_XL_KHT: { counts: 'branches', classes: [3] },
    TD_CS_XL_XS: { counts: 'communes', classes: [0] },
    TD_CS_XL_T: { counts: 'communes', classes: [1] },
    TD_CS_XL_HT: { counts: 'communes', classes: [2] },
    TD_CS_XL_KHT: { counts: 'communes', classes: [3] },
    TD_CS_TOT: { counts: 'communes', classes: [0, 1] },
  };

/**
 * The denominator of TD_CS_TOT_TL when TC_COSO (entered at H/T) is not entered by the units of the
 * workbook, which is the case at every level today: the number of units that have a rating stands
 * for the number of communes, so the rate is "communes rated Tốt or better / communes rated".
 */
const RATED_UNITS = '#RATED_UNITS';

/** How an entered indicator combines its quarters. */
export function timeRule(indicator: Indicator): 'SUM' | 'LAST' {
  if (indicator.type === 'F') return 'SUM';
  if (indicator.type === 'C') {
    // TC_KTGS ("units inspected", C/SUM/RECOMPUTE) is entered per quarter as a count of the
    // quarter: nothing to recompute it from, so it adds up like a flow unless the catalogue says LAST.
    return indicator.acrossTime.startsWith('LAST') ? 'LAST' : 'SUM';
  }
  return 'LAST'; // S, S/F (the stock is the entered field), K when entered, L
}

type Plan =
  | { source: 'entered'; rule: 'SUM' | 'LAST'; text: boolean }
  | { source: 'derived'; plus: string; minus: string }
  | { source: 'ratio'; numerator: string; denominator: string }
  | { source: 'countIf'; rule: CountIfRule }
  | { source: 'countByClass'; classes: number[] }
  | { source: 'rated' };

const RATING_INDEX = new Map<string, number>(RATING_CLASSES.map((label, i) => [label, i]));

export function aggregate(input: AggregateInput): Aggregation {
  const { catalogue, level, units, quarters } = input;
  const unitCount = units.length;
  const quarterCount = quarters.length;
  const byCatalogueCode = new Map(catalogue.map((i) => [i.code, i]));

  // 1. What can be computed at this level, and from what (memoised; inputs need not be active).
  const plans = new Map<string, Plan | null>();
  const planOf = (code: string): Plan | null => {
    if (plans.has(code)) return plans.get(code)!;
    plans.set(code, null); // guards against cycles
    const plan = makePlan(code);
    plans.set(code, plan);
    return plan;
  };
  const makePlan = (code: string): Plan | null => {
    if (code === RATED_UNITS) return planOf(RATING_CODE) ? { source: 'rated' } : null;
    const indicator = byCatalogueCode.get(code);
    if (!indicator) return null;
    const classCount = CLASS_COUNTS[code];
    if (classCount && (classCount.counts === 'branches') === (level === 'xa')) {
      return indicator.type === 'K' && planOf(RATING_CODE)
        ? { source: 'countByClass', classes: classCount.classes }
        : null;
    }
    if (isEnteredBy(indicator, level)) {
      return { source: 'entered', rule: timeRule(indicator), text: indicator.type === 'L' };
    }
    const derived = DERIVED[code];
    if (derived)
      return planOf(derived.plus) && planOf(derived.minus) ? { source: 'derived', ...derived } : null;
    if (indicator.type === 'R') {
      let denominator = indicator.denominator;
      if (code === 'TD_CS_TOT_TL' && !planOf(denominator)) denominator = RATED_UNITS;
      return planOf(indicator.numerator) && planOf(denominator)
        ? { source: 'ratio', numerator: indicator.numerator, denominator }
        : null;
    }
    const rule = COUNT_IF_RULES[code];
    if (rule && indicator.acrossUnits === 'COUNT_IF' && level !== 'xa') {
      return rule.inputs.every((c) => planOf(c)) ? { source: 'countIf', rule } : null;
    }
    return null;
  };
  const wanted = catalogue.filter((i) => i.active && planOf(i.code));

  // 2. Index the points once: per entered code, a flat array [unit × quarter] of values.
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const quarterIndex = new Map(quarters.map((q, i) => [q, i]));
  const grids = new Map<string, Array<DataValue | undefined>>();
  for (const [code, plan] of plans) {
    if (plan?.source === 'entered') grids.set(code, new Array(unitCount * quarterCount));
  }
  for (const point of input.points) {
    const grid = grids.get(point.code);
    if (!grid) continue;
    const u = unitIndex.get(point.unit);
    const q = quarterIndex.get(point.period);
    if (u === undefined || q === undefined) continue;
    grid[u * quarterCount + q] = point.value;
  }

  // 3. Period values per unit (memoised per code).
  const periodValues = new Map<string, PeriodValue[]>();
  const valuesOf = (code: string): PeriodValue[] => {
    let values = periodValues.get(code);
    if (!values) {
      values = computeValues(code);
      periodValues.set(code, values);
    }
    return values;
  };
  const numbersOf = (code: string): Array<number | null> =>
    valuesOf(code).map((v) => (typeof v === 'number' ? v : null));
  const computeValues = (code: string): PeriodValue[] => {
    const plan = plans.get(code)!;
    switch (plan.source) {
      case 'entered':
        return acrossTime(grids.get(code)!, unitCount, quarterCount, plan.rule, plan.text);
      case 'derived': {
        const plus = numbersOf(plan.plus);
        const minus = numbersOf(plan.minus);
        return plus.map((p, u) => (p !== null && minus[u] !== null ? p - minus[u]! : null));
      }
      case 'ratio': {
        const numerator = numbersOf(plan.numerator);
        const denominator = numbersOf(plan.denominator);
        return numerator.map((n, u) => ratio(n, denominator[u] ?? null));
      }
      case 'countIf': {
        const inputs = plan.rule.inputs.map(numbersOf);
        return units.map((_, u) => {
          const args = inputs.map((column) => column[u] ?? null);
          if (args.some((a) => a === null)) return null;
          const met = plan.rule.test(args as number[]);
          return met === null ? null : met ? 1 : 0;
        });
      }
      case 'countByClass': {
        return ratingClasses().map((c) => (c === null ? null : plan.classes.includes(c) ? 1 : 0));
      }
      case 'rated':
        return ratingClasses().map((c) => (c === null ? null : 1));
    }
  };
  /** Each unit's rating class (index into RATING_CLASSES) at the end of the period, or null. */
  const ratingClasses = (): Array<number | null> =>
    valuesOf(RATING_CODE).map((v) => (typeof v === 'string' ? (RATING_INDEX.get(v) ?? null) : null));

  // 4. Totals over units.
  const indicators = wanted.map((indicator): IndicatorAggregate => {
    const plan = plans.get(indicator.code)!;
    const values = valuesOf(indicator.code);
    const result: IndicatorAggregate = { indicator, source: plan.source as Source, values, total: null };
    if (plan.source === 'ratio') {
      const numerator = numbersOf(plan.numerator);
      const denominator = numbersOf(plan.denominator);
      result.parts = numerator.map((n, u) => ({ numerator: n, denominator: denominator[u] ?? null }));
      if (indicator.acrossUnits !== 'NONE') result.total = ratioOfSums(numerator, denominator);
      return result;
    }
    if (indicator.type === 'L') {
      result.total = ratingTotal(values);
      return result;
    }
    const numeric = values.map((v) => (typeof v === 'number' ? v : null));
    if (indicator.acrossUnits === 'MAX') result.total = reduce(numeric, Math.max);
    else if (indicator.acrossUnits !== 'NONE' && indicator.acrossUnits !== '') {
      // SUM, and the counts: a unit's count is 1 or 0, so COUNT_IF and COUNT_BY_CLASS add them up.
      result.total = reduce(numeric, (a, b) => a + b);
    }
    return result;
  });

  const byCode: Record<string, IndicatorAggregate> = {};
  for (const result of indicators) byCode[result.indicator.code] = result;
  return { units, quarters, indicators, byCode };
}

/** A unit's period value of an indicator, or undefined when the indicator or unit is not in the result. */
/** The ĐVT a roll-up or a report shows: "%" for a computed ratio, else the unit entered. */
export function unitOfMeasure(result: IndicatorAggregate): string {
  return result.source === 'ratio' ? '%' : enteredUnit(result.indicator);
}

export function unitValue(aggregation: Aggregation, code: string, unit: string): PeriodValue | undefined {
  const result = aggregation.byCode[code];
  const u = aggregation.units.indexOf(unit);
  return result && u >= 0 ? result.values[u] : undefined;
}

function acrossTime(
  grid: ReadonlyArray<DataValue | undefined>,
  unitCount: number,
  quarterCount: number,
  rule: 'SUM' | 'LAST',
  text: boolean,
): PeriodValue[] {
  const values = new Array<PeriodValue>(unitCount);
  for (let u = 0; u < unitCount; u++) {
    const base = u * quarterCount;
    let value: PeriodValue = null;
    if (rule === 'LAST') {
      for (let q = quarterCount - 1; q >= 0; q--) {
        const v = usable(grid[base + q], text);
        if (v !== null) {
          value = v;
          break;
        }
      }
    } else {
      for (let q = 0; q < quarterCount; q++) {
        const v = usable(grid[base + q], text);
        if (typeof v === 'number') value = ((value as number | null) ?? 0) + v;
      }
    }
    values[u] = value;
  }
  return values;
}

/** Numbers for numeric indicators, trimmed NFC labels for ratings; anything else is missing. */
function usable(value: DataValue | undefined, text: boolean): number | string | null {
  if (text) {
    if (typeof value !== 'string') return null;
    const label = value.trim().normalize('NFC');
    return label === '' ? null : label;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}

function reduce(
  values: ReadonlyArray<number | null>,
  combine: (a: number, b: number) => number,
): IndicatorTotal {
  let total: number | null = null;
  let reported = 0;
  for (const v of values) {
    if (v === null) continue;
    total = total === null ? v : combine(total, v);
    reported++;
  }
  return { value: total, coverage: { reported, expected: values.length } };
}

/**
 * Σ numerator / Σ denominator over the units that have both (a unit with only one of them is left
 * out of both sums and of the coverage). A unit with both and a denominator of 0 is included: it
 * adds nothing to the denominator but its numerator counts. The value is null when Σ denominator is 0.
 */
function ratioOfSums(
  numerators: ReadonlyArray<number | null>,
  denominators: ReadonlyArray<number | null>,
): IndicatorTotal {
  let numerator = 0;
  let denominator = 0;
  let reported = 0;
  numerators.forEach((n, u) => {
    const d = denominators[u] ?? null;
    if (n === null || d === null) return;
    numerator += n;
    denominator += d;
    reported++;
  });
  const coverage = { reported, expected: numerators.length };
  if (reported === 0) return { value: null, coverage };
  return { value: ratio(numerator, denominator), coverage, numerator, denominator };
}

function ratingTotal(values: readonly PeriodValue[]): IndicatorTotal {
  const classes: Record<string, number> = {};
  for (const label of RATING_CLASSES) classes[label] = 0;
  let reported = 0;
  for (const v of values) {
    if (typeof v === 'string' && RATING_INDEX.has(v)) {
      classes[v] = (classes[v] ?? 0) + 1;
      reported++;
    }
  }
  return { value: null, coverage: { reported, expected: values.length }, classes };
}
