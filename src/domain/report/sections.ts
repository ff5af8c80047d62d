/**
 * The results of each field of work in sentences (docs/domain.md §8): what was done in the period
 * (flows), where things stand at its end (stocks and rates), each with its verdict when a target
 * applies, the comparison with the same period a year earlier or with the start of the term, and
 * the coverage when a total is over fewer units than the others. An indicator without data is
 * left out. The units' own words for the topic follow.
 */
import type { IndicatorAggregate } from '../aggregate';
import { shortDate } from '../dates';
import { parseQuarter } from '../periods';
import { roman } from '../format';
import type { TopicKey } from '../topics';
import { topic, topicOf } from '../topics';
import type { ReportView } from './input';
import { narrativeLines } from './narratives';
import type { ColumnKey, FigureWriter, WordingFigures } from './phrases';
import {
  clause,
  flowOpeners,
  isFlow,
  pick,
  placeholderOf,
  sentence,
  startsWithVerb,
  stockOpeners,
  subjectOf,
  unitList,
  wordingOf,
} from './phrases';

/** Clauses that continue the one before them with a comma rather than starting a new item. */
const CONTINUES = /^(thu hút|trị giá|trong đó|giảm |tăng thực|giảm thực|sinh hoạt tại|với )/;
const PER_SENTENCE = 3;

/** The indicators a topic says something about, in catalogue order. */
function topicResults(view: ReportView, key: TopicKey): IndicatorAggregate[] {
  const shown = (r: IndicatorAggregate) => {
    if (r.total === null || r.indicator.type === 'L') return false;
    const value = view.value(r.indicator.code, isFlow(r) ? 'period' : view.endColumn);
    // "0 cơ sở hoàn thành nhiệm vụ" says nothing; a class with a wording for zero says it.
    const silentZero = value === 0 && r.indicator.type === 'K' && !wordingOf(r.indicator.code)?.zero;
    return value !== null && !silentZero;
  };
  const results = view.input.period.indicators.filter((r) => topicOf(r.indicator.code) === key && shown(r));
  const codes = new Set(results.map((r) => r.indicator.code));
  // A part of a rate is said through the rate ("335/1.412 = 23,7% hội viên nòng cốt").
  return results.filter((r) => {
    const partOf = wordingOf(r.indicator.code)?.partOf;
    return !(partOf && codes.has(partOf));
  });
}

/** The figures an indicator's wording is filled with, recorded. */
export function figuresOf(
  writer: FigureWriter,
  r: IndicatorAggregate,
  column: ColumnKey,
  value: number,
): WordingFigures {
  const code = r.indicator.code;
  const total = r.total!;
  const wanted =
    placeholderOf(code) ??
    (r.source === 'ratio' ? 'p' : r.source === 'countIf' || r.source === 'countByClass' ? 's' : 'n');
  switch (wanted) {
    case 'p':
      return { p: writer.rate(code, column, value) };
    case 'r':
      return total.numerator !== undefined && total.denominator !== undefined && total.denominator > 0
        ? { r: writer.rateWithParts(r, column, total.numerator, total.denominator) }
        : { r: writer.rate(code, column, value) };
    case 's':
      return { s: writer.share(code, column, value, total.coverage.expected) };
    default:
      return { n: writer.figure(r, column, value) };
  }
}

/** How many units a statement about this kind of figure covers, said once in the source sentence. */
function usualCoverage(view: ReportView, flow: boolean): number {
  return view.reportingUnits(flow ? 'period' : view.endColumn).length;
}

/**
 * A rate over a term, said as its move: "tỷ lệ hộ nghèo giảm từ 3,9% năm 2021 xuống còn 1,28%",
 * from the baseline of its target when Mục tiêu gives one, else from the term's first year.
 */
function termMove(
  writer: FigureWriter,
  view: ReportView,
  r: IndicatorAggregate,
  column: ColumnKey,
  value: number,
): string | null {
  const code = r.indicator.code;
  const baseline = view.input.targetDetails[code]?.target.baseline ?? null;
  if (baseline !== null) return writer.rateMove(code, 'baseline', column, baseline, value, 'đầu nhiệm kỳ');
  const first = view.input.years[0];
  if (!first || view.input.years.length < 2) return null;
  const before = view.value(code, `year:${first.year}`);
  return before === null
    ? null
    : writer.rateMove(code, `year:${first.year}`, column, before, value, `năm ${first.year}`);
}

/** The comparison after a count: with the same period a year earlier, or over the term. */
function comparison(
  writer: FigureWriter,
  view: ReportView,
  r: IndicatorAggregate,
  column: ColumnKey,
  value: number,
): string {
  const code = r.indicator.code;
  if (view.isTerm) {
    if (isFlow(r)) return '';
    const baseline = view.input.targetDetails[code]?.target.baseline ?? null;
    if (baseline !== null)
      return `, ${writer.change(r, 'baseline', column, baseline, value, 'đầu nhiệm kỳ')}`;
    const first = view.input.years[0];
    if (!first || view.input.years.length < 2) return '';
    const before = view.value(code, `year:${first.year}`);
    return before === null
      ? ''
      : `, ${writer.change(r, `year:${first.year}`, column, before, value, `năm ${first.year}`)}`;
  }
  const before = view.value(code, 'previous');
  return before === null
    ? ''
    : `, ${writer.change(r, 'previous', column, before, value, view.words.previous)}`;
}

/**
 * One indicator's clause, with its year so far, comparison, coverage and verdict. `index` is its
 * place in the sentence: the first says "lũy kế từ đầu năm" in full, the next ones "lũy kế".
 */
function resultClause(writer: FigureWriter, view: ReportView, r: IndicatorAggregate, index: number): string {
  const code = r.indicator.code;
  const flow = isFlow(r);
  const column: ColumnKey = flow ? 'period' : view.endColumn;
  // The figure, its parts and its coverage all come from the column it is read in.
  const shown = view.result(code, column)!;
  const value = view.value(code, column)!;
  const move = view.isTerm && shown.source === 'ratio' ? termMove(writer, view, shown, column, value) : null;
  let text = move
    ? `${subjectOf(shown)} ${move}`
    : clause(shown, value, { ...figuresOf(writer, shown, column, value), a: view.area });
  const coverage = shown.total!.coverage;
  if (coverage.reported < usualCoverage(view, flow)) {
    text += ` (số liệu của ${writer.coverage(coverage.reported, coverage.expected, view.unitWord)})`;
  }
  if (flow && view.hasYtd) {
    const ytd = view.value(code, 'ytd');
    const ytdResult = view.result(code, 'ytd');
    if (ytd !== null && ytdResult) {
      text += `, ${index === 0 ? 'lũy kế từ đầu năm' : 'lũy kế'} ${writer.amount(ytdResult, 'ytd', ytd)}`;
    }
  }
  if (!move) text += comparison(writer, view, shown, column, value);
  const detail = view.input.targetDetails[code];
  if (detail) {
    const judgedOn: ColumnKey = view.isReview || !view.hasYtd ? 'period' : 'ytd';
    const judged = view.result(code, judgedOn) ?? r;
    text += writer.targetSuffix(judged, detail, judgedOn, view.unitWord);
  }
  return text;
}

/** Clauses grouped into items: a continuing clause joins the one before it with a comma. */
function items(clauses: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of clauses) {
    if (out.length > 0 && CONTINUES.test(c)) out[out.length - 1] += `, ${c}`;
    else out.push(c);
  }
  return out;
}

/** Sentences of at most PER_SENTENCE items, the first with an opener chosen by the seed. */
function sentences(list: readonly string[], openers: readonly string[], seed: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i += PER_SENTENCE) {
    const chunk = list.slice(i, i + PER_SENTENCE);
    const opener =
      i === 0
        ? pick(openers, seed)
        : pick(['Bên cạnh đó, ', 'Ngoài ra, ', 'Đồng thời, '], seed + i / PER_SENTENCE);
    out.push(sentence(opener, chunk));
  }
  return out;
}

/** The paragraph of a topic's figures, or '' when the topic has none. */
function figuresParagraph(writer: FigureWriter, view: ReportView, key: TopicKey, seed: number): string {
  const results = topicResults(view, key);
  const worded = results.filter((r) => wordingOf(r.indicator.code));
  const unworded = results.filter((r) => !wordingOf(r.indicator.code));
  const flows = items(worded.filter(isFlow).map((r, i) => resultClause(writer, view, r, i)));
  const stocks = items(worded.filter((r) => !isFlow(r)).map((r, i) => resultClause(writer, view, r, i)));
  const others = unworded.map((r, i) => resultClause(writer, view, r, i));
  const out: string[] = [];
  if (flows.length > 0) {
    out.push(...sentences(flows, flowOpeners(view.words, view.subject, startsWithVerb(flows[0]!)), seed));
  }
  if (key === 'XL') {
    // The branches' classes, then the communes': two sentences, as a report lists them.
    const branches = worded.filter((r) => !isFlow(r) && r.indicator.code.startsWith('TD_CH_'));
    const rest = worded.filter((r) => !isFlow(r) && !branches.includes(r));
    for (const [group, opener] of [
      [branches, 'Kết quả xếp loại chi hội: '],
      [rest, branches.length > 0 ? 'Đối với cơ sở Hội: ' : 'Kết quả xếp loại: '],
    ] as const) {
      const list = group.map((r, i) => resultClause(writer, view, r, i));
      if (list.length > 0) out.push(sentence(opener, list));
    }
  } else if (stocks.length > 0) {
    out.push(...sentences(stocks, stockOpeners(view.words), seed + 1));
  }
  if (others.length > 0)
    out.push(sentence(pick(['Một số kết quả khác: ', 'Các kết quả khác: '], seed), others));
  return out.join(' ');
}

/**
 * A topic's paragraphs: its figures in sentences, then each unit's words for it. [] when there is
 * neither, so that the section shows only what is known.
 */
export function topicParagraphs(
  writer: FigureWriter,
  view: ReportView,
  key: TopicKey,
  seed: number,
): string[] {
  const figures = figuresParagraph(writer, view, key, seed);
  const narrative = topic(key).narrative;
  const words = narrative ? narrativeLines(view.input.narratives, narrative, view.input.units, writer) : [];
  return [...(figures ? [figures] : []), ...words];
}

function quarterInText(key: string): string {
  const q = parseQuarter(key)!;
  return `quý ${roman(q.quarter)}/${q.year}`;
}

/**
 * Where the figures come from, said once: the units with figures for the period and the date,
 * the units without, and (in a quarter after the first) the rule for stocks: each unit's latest
 * figure, with the quarter it is from.
 */
export function sourceSentence(writer: FigureWriter, view: ReportView): string {
  const { input } = view;
  const names = new Map(input.units.map((u) => [u.ma, u.ten]));
  const reporting = new Set(view.reportingUnits('period'));
  if (reporting.size === 0) {
    return `Bảng tính chưa có số liệu ${view.words.name} (trang Lưu trữ chưa có số liệu các quý này); báo cáo nêu những nội dung đã có, các phần còn lại Ban Thường vụ bổ sung.`;
  }
  const missing = input.units.filter((u) => !reporting.has(u.ma)).map((u) => u.ten);
  const figures = writer.coverage(reporting.size, input.units.length, view.unitWord);
  let text = `Số liệu trong báo cáo được tổng hợp từ số liệu ${view.words.name} của ${figures} nhập đến ngày ${shortDate(input.now)}`;
  if (missing.length > 0) text += ` (chưa có số liệu: ${unitList(missing)})`;
  if (view.isTerm) {
    const years = new Set(input.years.map((y) => y.year));
    const absent: number[] = [];
    for (let y = input.spec.first.year; y <= input.spec.last.year; y += 1) if (!years.has(y)) absent.push(y);
    if (absent.length > 0) {
      text += `; Lưu trữ chưa có số liệu năm ${absent.join(', ')}, nên số liệu cả kỳ chỉ gồm ${[...years].map((y) => `năm ${y}`).join(', ')}`;
    }
  }
  const last = input.spec.quarters[input.spec.quarters.length - 1]!;
  const earlier = view.hasYtd
    ? Object.entries(input.latest).filter(([unit, q]) => names.has(unit) && q !== null && q < last)
    : [];
  if (earlier.length > 0) {
    const which = earlier.map(([unit, q]) => `${names.get(unit)}: ${quarterInText(q!)}`).join('; ');
    text += `; số liệu thời điểm (tổng số hội viên, chi hội, dư nợ…) của đơn vị chưa có số liệu ${view.words.name} được lấy theo quý gần nhất đã báo cáo (${which})`;
  }
  return `${text}.`;
}
