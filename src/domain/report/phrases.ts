/**
 * The phrase bank (docs/domain.md §9): every figure a report writes in a sentence is formatted
 * here, and recorded as a fact (which indicator, which column of the Phụ lục, which value), so a
 * test can check that each number of the prose is a figure of the Phụ lục and that each
 * percentage is recomputed from its parts. The indicators' own wording is data in wordings.ts;
 * this module is the only one that reads it.
 *
 * Sentence shapes vary deterministically (by a seed the caller passes: the topic and the
 * sentence's place), never at random, so the same data always give the same report.
 */
import type { IndicatorAggregate } from '../aggregate';
import { timeRule, unitOfMeasure } from '../aggregate';
import { enteredUnit, shortName, valueKind } from '../catalogue';
import { formatMoney, formatNumber, formatPercent } from '../format';
import { achievementPhrase } from '../targets';
import type { TargetDetail } from '../targetResults';
import { lowerFirst } from '../text';
import type { IndicatorWording } from './wordings';
import { WORDINGS } from './wordings';

/** A column of the Phụ lục: the period, the year so far, the same period a year earlier, a year of a term… */
export type ColumnKey = 'period' | 'ytd' | 'previous' | 'baseline' | 'next' | `year:${number}`;

/** One figure of the prose, as it must appear in the Phụ lục. Values are in the indicator's ĐVT. */
export type Fact =
  | { kind: 'value'; code: string; column: ColumnKey; value: number; text: string }
  | { kind: 'rate'; code: string; column: ColumnKey; value: number; text: string; parts?: RateParts }
  | { kind: 'share'; code: string; column: ColumnKey; value: number; of: number; text: string }
  | { kind: 'target'; code: string; column: ColumnKey; percent: number; text: string }
  | { kind: 'targetValue'; code: string; value: number; text: string }
  | { kind: 'gap'; code: string; column: ColumnKey; points: number; text: string }
  | { kind: 'unitsMet'; code: string; met: number; of: number; text: string }
  | { kind: 'change'; code: string; from: ColumnKey; to: ColumnKey; delta: number; text: string }
  | { kind: 'remaining'; code: string; column: ColumnKey; amount: number; text: string }
  | { kind: 'coverage'; reported: number; expected: number; text: string }
  | { kind: 'summary'; met: number; total: number; text: string }
  | { kind: 'unmet'; count: number; text: string }
  | { kind: 'quote'; text: string };

export interface RateParts {
  numerator: string;
  denominator: string;
  numeratorValue: number;
  denominatorValue: number;
}

export type { TargetDetail } from '../targetResults';
export { lowerFirst } from '../text';
export const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Đồng per unit of a money indicator's ĐVT ("triệu đồng" -> 1.000.000). */
function dongPer(unit: string): number {
  if (/^tỷ/.test(unit)) return 1e9;
  if (/^triệu/.test(unit)) return 1e6;
  if (/^nghìn|^ngàn/.test(unit)) return 1e3;
  return 1;
}

const NO_DATA = '[chưa có số liệu]';
const DASH = '–';

/** A figure as people read it: a ratio as "92,6%", money scaled in running text, counts with ".". */
export function formatFigure(
  result: IndicatorAggregate,
  value: number | string | null | undefined,
  inText: boolean,
): string {
  if (value === null || value === undefined) return inText ? NO_DATA : DASH;
  if (typeof value === 'string') return value;
  if (result.source === 'ratio') return formatPercent(value);
  const kind = valueKind(result.indicator);
  if (kind === 'percent') return `${formatNumber(value, 1)}%`;
  if (kind === 'money') {
    // Running text picks the scale from the amount ("36,8 tỷ đồng"); a table keeps the ĐVT.
    return inText ? formatMoney(value * dongPer(unitOfMeasure(result))) : formatNumber(value, 1);
  }
  return formatNumber(value, 1);
}

/** A total in running text with its unit: "30.307 người", "91,1%", "41,4 tỷ đồng". */
export function figureWithUnit(result: IndicatorAggregate, value: number): string {
  const text = formatFigure(result, value, true);
  const kind = valueKind(result.indicator);
  return result.source === 'ratio' || kind === 'percent' || kind === 'money'
    ? text
    : `${text} ${unitOfMeasure(result)}`.trim();
}

/** Whether an indicator adds up over time (a flow) rather than being read at the period's end. */
export function isFlow(result: IndicatorAggregate): boolean {
  if (result.source === 'derived') return true;
  return result.source === 'entered' && result.indicator.type !== 'L' && timeRule(result.indicator) === 'SUM';
}

export function wordingOf(code: string): IndicatorWording | undefined {
  return WORDINGS[code];
}

/** The noun a bare count of the indicator takes. */
function nounOf(result: IndicatorAggregate): string {
  return wordingOf(result.indicator.code)?.noun ?? enteredUnit(result.indicator);
}

/** "đạt 57,8%" uses at most 3 decimals, as achievementPercent rounds. */
const percentText = (p: number): string => `${formatNumber(p, 3)}%`;

/**
 * Formats the figures of one report and remembers each: the prose is built only from what this
 * returns, so every number it holds is a recorded fact.
 */
export class FigureWriter {
  readonly facts: Fact[] = [];

  private record<F extends Fact>(fact: F): string {
    this.facts.push(fact);
    return fact.text;
  }

  /** {n}: a count bare ("1.412"), money scaled ("46,7 tỷ đồng"), a typed percentage ("92,6%"). */
  figure(result: IndicatorAggregate, column: ColumnKey, value: number): string {
    return this.record({
      kind: 'value',
      code: result.indicator.code,
      column,
      value,
      text: formatFigure(result, value, true),
    });
  }

  /** A figure with its noun where the wording does not name it: "318 hội viên", "46,7 tỷ đồng". */
  amount(result: IndicatorAggregate, column: ColumnKey, value: number): string {
    const text = this.figure(result, column, value);
    return valueKind(result.indicator) === 'count' && result.source !== 'ratio'
      ? `${text} ${nounOf(result)}`.trim()
      : text;
  }

  /** {p}: "92,6%". */
  rate(code: string, column: ColumnKey, value: number): string {
    return this.record({ kind: 'rate', code, column, value, text: formatPercent(value) });
  }

  /** {r}: "335/1.412 = 23,7%". */
  rateWithParts(
    result: IndicatorAggregate,
    column: ColumnKey,
    numerator: number,
    denominator: number,
  ): string {
    const value = numerator / denominator;
    const text = `${formatNumber(numerator, 1)}/${formatNumber(denominator, 1)} = ${formatPercent(value)}`;
    return this.record({
      kind: 'rate',
      code: result.indicator.code,
      column,
      value,
      text,
      parts: {
        numerator: result.indicator.numerator,
        denominator: result.indicator.denominator,
        numeratorValue: numerator,
        denominatorValue: denominator,
      },
    });
  }

  /** {s}: units meeting a condition over the units expected, "14/14". */
  share(code: string, column: ColumnKey, value: number, of: number): string {
    const text = `${formatNumber(value, 0)}/${formatNumber(of, 0)}`;
    return this.record({ kind: 'share', code, column, value, of, text });
  }

  /** "13/14 cơ sở Hội". */
  coverage(reported: number, expected: number, unitWord: string): string {
    const text = `${reported}/${expected}`;
    this.record({ kind: 'coverage', reported, expected, text });
    return `${text} ${unitWord}`;
  }

  /** "Qua đánh giá có 5/6 chỉ tiêu …": the count of targets met. */
  summary(met: number, total: number): string {
    return this.record({ kind: 'summary', met, total, text: `${met}/${total}` });
  }

  /** "còn 2 chỉ tiêu … chưa đạt": the count of targets not met. */
  unmet(count: number): string {
    return this.record({ kind: 'unmet', count, text: String(count) });
  }

  /** A unit's own words, quoted: their numbers are theirs, not the Phụ lục's. */
  quote(text: string): string {
    return this.record({ kind: 'quote', text });
  }

  /**
   * The verdict after a result (§9): "(Đạt 40% chỉ tiêu NQĐH)", "(Vượt chỉ tiêu năm, đạt 108,6%)",
   * progress towards a year's target "(đạt 57,8% chỉ tiêu năm)", for a rate the gap in points, with
   * "x/N cơ sở đạt" for a target per unit. `column` is the figure the target was judged on.
   */
  targetSuffix(
    result: IndicatorAggregate,
    detail: TargetDetail,
    column: ColumnKey,
    unitWord: string,
  ): string {
    const { evaluation, target } = detail;
    const code = result.indicator.code;
    const word = `chỉ tiêu ${detail.source}`;
    const rate = result.source === 'ratio' || valueKind(result.indicator) === 'percent';
    if (evaluation.met === null) return '';
    if (target.type === 'QUALITATIVE') return ` (${evaluation.met ? 'Đạt' : 'Chưa đạt'} ${word})`;
    if (target.type === 'MAX_RATE' && evaluation.expected !== undefined) {
      const limit = this.targetValue(result, evaluation.expected);
      return evaluation.met
        ? ` (đảm bảo ${word}: không quá ${limit})`
        : ` (chưa đảm bảo ${word}: không quá ${limit})`;
    }
    if (rate && evaluation.expected !== undefined && evaluation.actual !== undefined) {
      const goal = this.targetValue(result, evaluation.expected);
      const points = evaluation.pointsAbove ?? 0;
      if (points === 0) return ` (bằng ${word} ${goal})`;
      const gap = this.record({
        kind: 'gap',
        code,
        column,
        points,
        text: formatNumber(Math.abs(points), 3),
      });
      return ` (${points > 0 ? 'vượt' : 'thấp hơn'} ${gap} điểm % so với ${word} ${goal})`;
    }
    if (evaluation.percent === null) return ` (${evaluation.met ? 'Đạt' : 'Chưa đạt'} ${word})`;
    const percent = this.record({
      kind: 'target',
      code,
      column,
      percent: evaluation.percent,
      text: percentText(evaluation.percent),
    });
    let phrase = detail.progressOnly
      ? `đạt ${percent} ${word}`
      : achievementPhrase(evaluation.percent, detail.source).replace(
          percentText(evaluation.percent),
          percent,
        );
    if (!detail.progressOnly && evaluation.unitsMet !== undefined && evaluation.unitsExpected !== undefined) {
      const met = this.record({
        kind: 'unitsMet',
        code,
        met: evaluation.unitsMet,
        of: evaluation.unitsExpected,
        text: `${evaluation.unitsMet}/${evaluation.unitsExpected}`,
      });
      phrase += `; ${met} ${unitWord} đạt`;
    }
    return ` (${phrase})`;
  }

  /** A target's value as the Phụ lục shows it: "89%", "550". */
  targetValue(result: IndicatorAggregate, value: number): string {
    const rate = result.source === 'ratio' || valueKind(result.indicator) === 'percent';
    const text = rate
      ? `${formatNumber(value * (result.source === 'ratio' ? 100 : 1), 3)}%`
      : formatFigure(result, value, true);
    return this.record({ kind: 'targetValue', code: result.indicator.code, value, text });
  }

  /**
   * A change between two columns: "tăng 12 hội viên so với cùng kỳ năm trước", "giảm 0,4 điểm %
   * so với năm 2025", "bằng cùng kỳ năm trước".
   */
  change(
    result: IndicatorAggregate,
    from: ColumnKey,
    to: ColumnKey,
    before: number,
    after: number,
    against: string,
  ): string {
    const ratio = result.source === 'ratio';
    const delta = after - before;
    const shown = ratio ? Math.round(delta * 1000) / 10 : delta;
    if (shown === 0 || Math.abs(delta) < 1e-12) return `bằng ${against}`;
    const size = ratio
      ? `${formatNumber(Math.abs(shown), 1)} điểm %`
      : this.magnitude(result, Math.abs(delta));
    const text = this.record({ kind: 'change', code: result.indicator.code, from, to, delta, text: size });
    return `${delta > 0 ? 'tăng' : 'giảm'} ${text} so với ${against}`;
  }

  /** "từ 3,9% năm 2021 xuống còn 1,28%", "từ 86% đầu nhiệm kỳ lên 91,1%". */
  rateMove(
    code: string,
    from: ColumnKey,
    to: ColumnKey,
    before: number,
    after: number,
    since: string,
  ): string {
    const a = this.rate(code, from, before);
    const b = this.rate(code, to, after);
    if (formatPercent(before) === formatPercent(after)) return `giữ ở mức ${b} (${since}: ${a})`;
    return after > before ? `tăng từ ${a} ${since} lên ${b}` : `giảm từ ${a} ${since} xuống còn ${b}`;
  }

  /** What is left to reach a target, with the indicator's "more" wording when it has one. */
  remaining(result: IndicatorAggregate, column: ColumnKey, amount: number): string {
    const wording = wordingOf(result.indicator.code);
    const text = this.record({
      kind: 'remaining',
      code: result.indicator.code,
      column,
      amount,
      text: formatFigure(result, amount, true),
    });
    if (wording?.more) return wording.more.replace('{n}', text);
    const noun = valueKind(result.indicator) === 'count' ? ` ${nounOf(result)}` : '';
    return `hoàn thành chỉ tiêu ${lowerFirst(shortName(result.indicator))} (còn ${text}${noun})`;
  }

  /** An amount not tied to a column (a change's size): formatted like the indicator, recorded by the caller. */
  private magnitude(result: IndicatorAggregate, value: number): string {
    const text = formatFigure(result, value, true);
    return valueKind(result.indicator) === 'count' ? `${text} ${nounOf(result)}` : text;
  }
}

/** Figures a wording is filled with; only the placeholders it holds are used. */
export interface WordingFigures {
  n?: string;
  p?: string;
  r?: string;
  s?: string;
  /** {a}: the whole area, "toàn quận". */
  a?: string;
}

/**
 * An indicator's clause: its wording filled, or, for an indicator the bank does not word, its
 * name and figure ("số hộ …: 25.497 hộ"). `value` picks the negative and zero forms.
 */
export function clause(result: IndicatorAggregate, value: number, figures: WordingFigures): string {
  const wording = wordingOf(result.indicator.code);
  const fill = (template: string) =>
    template.replace(/\{([nprsa])\}/g, (_m, key: keyof WordingFigures) => figures[key] ?? '');
  if (!wording) {
    const shown = figures.r ?? figures.p ?? figures.s ?? figures.n ?? '';
    const noun = figures.n && valueKind(result.indicator) === 'count' ? ` ${nounOf(result)}` : '';
    return `${lowerFirst(shortName(result.indicator))}: ${shown}${noun}`;
  }
  if (value === 0 && wording.zero) return wording.zero;
  if (value < 0 && wording.negative) return fill(wording.negative);
  return fill(wording.done);
}

/**
 * What an indicator is about, in running text, from its wording without the figure: "kết nạp mới
 * hội viên", "tỷ lệ tập hợp hội viên", "tỷ lệ hội viên nòng cốt"; its short name when unworded.
 */
export function subjectOf(result: IndicatorAggregate): string {
  const done = wordingOf(result.indicator.code)?.done;
  if (!done) return lowerFirst(shortName(result.indicator));
  const rate = /^\{[pr]\}/.test(done);
  const bare = done
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\s+(đạt|là)\s+\{[nprs]\}$/, '')
    .replace(/\{[nprsa]\}\s*/g, '')
    .replace(/\s+(đạt|là)$/, '')
    .trim();
  return rate ? `tỷ lệ ${bare}` : bare;
}

/** Which placeholder an indicator's wording expects. */
export function placeholderOf(code: string): 'n' | 'p' | 'r' | 's' | null {
  const match = /\{([nprs])\}/.exec(wordingOf(code)?.done ?? '');
  return match ? (match[1] as 'n' | 'p' | 'r' | 's') : null;
}

/** Whether a clause begins with a verb, so that it can follow "các cấp Hội đã". */
export function startsWithVerb(text: string): boolean {
  return !/^(\d|tổng|tỷ lệ|trong đó|nguồn|quỹ|vốn|số|kinh phí|trị giá|nợ|trên địa bàn|toàn |có |không có|hội viên|cán bộ)/i.test(
    text,
  );
}

/** A sentence from its opener and clauses: capital first letter, "; " between clauses, a full stop. */
export function sentence(opener: string, clauses: readonly string[]): string {
  const body = `${opener}${clauses.join('; ')}`.trim().replace(/[;,.\s]+$/, '');
  return `${upperFirst(body)}.`;
}

/** A deterministic choice: the same seed always gives the same option, neighbours differ. */
export function pick<T>(options: readonly T[], seed: number): T {
  return options[((seed % options.length) + options.length) % options.length]!;
}

export interface PeriodWords {
  /** "quý", "6 tháng đầu năm", "năm", "nhiệm kỳ", "nửa đầu nhiệm kỳ". */
  span: string;
  /** The period in running text: "quý II/2026". */
  name: string;
  /** The end of the period: "hết tháng 6/2026". */
  end: string;
  /** What the previous column is called in a sentence: "cùng kỳ năm trước", "năm 2025". */
  previous: string;
}

/** Openers for the sentence of what was done in the period (flows). */
export function flowOpeners(words: PeriodWords, subject: string, verbFirst: boolean): string[] {
  const span = `Trong ${words.span}, `;
  const named = `${upperFirst(words.name)}, `;
  return verbFirst
    ? [`${span}${subject} đã `, `${named}${subject} `, span, `${span}${subject} `]
    : [span, named];
}

/** Openers for the sentence of where things stand at the period's end (stocks, rates). */
export function stockOpeners(words: PeriodWords): string[] {
  return ['Đến nay, ', `Tính đến ${words.end}, `, 'Đến thời điểm báo cáo, '];
}

/** "toàn quận", "toàn xã" from the unit's name; "toàn đơn vị" when it says no place. */
export function areaWord(unitName: string): string {
  // No \b: it does not see the end of "xã" (its last letter is not ASCII).
  const match = /(?:^|\s)(thành phố|thị xã|thị trấn|quận|huyện|phường|xã|tỉnh|đặc khu)(?=\s|$)/u.exec(
    unitName,
  );
  return `toàn ${match ? match[1] : 'đơn vị'}`;
}

/** Who acts in a sentence: "các cấp Hội" for a district or province, "Hội và các chi hội" for a commune. */
export function subjectWord(level: 'huyen' | 'xa' | 'tinh'): string {
  return level === 'xa' ? 'Hội và các chi hội' : 'các cấp Hội';
}

/** "Hội LHPN phường Đại Kim, phường Định Công": names sharing the first one's prefix are shortened. */
export function unitList(names: readonly string[]): string {
  const prefix = /^(Hội LHPN |Hội Liên hiệp Phụ nữ )/.exec(names[0] ?? '')?.[1] ?? '';
  return names
    .map((name, i) => (i > 0 && prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name))
    .join(', ');
}

/**
 * The Nghị quyết the targets come from, as the Union names it: "Nghị quyết Đại hội Phụ nữ quận
 * Hoàng Mai lần thứ IV". `configured` (Cấu hình › nghi_quyet) wins; otherwise it is made from the
 * unit's place and the congress ordinal.
 */
export function resolutionName(unitName: string, ordinal: string, configured: string): string {
  if (configured.trim() !== '') return configured.trim();
  const place = unitName.replace(/^(Hội LHPN|Hội Liên hiệp Phụ nữ)\s+/i, '');
  return `Nghị quyết Đại hội Phụ nữ ${place}${ordinal ? ` lần thứ ${ordinal}` : ''}`;
}
