/**
 * The Phụ lục after the signature (docs/domain.md §8): the table of figures with the columns each
 * kind of report needs, grouped by topic, a total over fewer units marked and explained under the
 * table, and the table of units. Widths are set from the cells so that nothing breaks mid-word.
 */
import type { IndicatorAggregate } from '../aggregate';
import { unitOfMeasure } from '../aggregate';
import { shortName } from '../catalogue';
import { formatNumber, roman } from '../format';
import { parseQuarter } from '../periods';
import { TOPICS, topicOf } from '../topics';
import type { ReportView } from './input';
import type { ColumnKey } from './phrases';
import { formatFigure, isFlow, unitList } from './phrases';
import type { Align } from './tableLayout';
import { layoutTable } from './tableLayout';
import { PAGE } from './template';

export interface ReportTable {
  cells: string[][];
  /** Points per column, adding up to the text width. */
  widths: number[];
  fontSize: number;
  /** Rows in bold besides the header (group rows, the total). */
  boldRows: number[];
  /** Per column, for the rows below the header (which is centred). */
  align: Align[];
}

type Key = ColumnKey | 'stt' | 'name' | 'unit' | 'change' | 'target' | 'percent' | 'verdict';
interface Column {
  key: Key;
  header: string;
  align: Align;
}

const TEXT_WIDTH = PAGE.widthPt - PAGE.marginLeftPt - PAGE.marginRightPt;
const MARKS = ['*', '**', '***'];

function columnsOf(view: ReportView): Column[] {
  const { input } = view;
  const year = input.spec.last.year;
  const figure = (key: Key, header: string): Column => ({ key, header, align: 'right' });
  const head: Column[] = [
    { key: 'stt', header: 'STT', align: 'center' },
    { key: 'name', header: 'Chỉ tiêu', align: 'left' },
    { key: 'unit', header: 'ĐVT', align: 'center' },
  ];
  const target = [
    figure('target', view.isReview ? 'Chỉ tiêu' : 'Chỉ tiêu năm'),
    figure('percent', '% thực hiện'),
  ];
  const verdict: Column = { key: 'verdict', header: 'Đánh giá', align: 'center' };
  switch (input.kind) {
    case 'quy':
      return [
        ...head,
        figure('period', 'Trong quý'),
        ...(view.hasYtd ? [figure('ytd', 'Lũy kế năm')] : []),
        figure('previous', 'Cùng kỳ năm trước'),
        ...target,
      ];
    case 'sau_thang':
    case 'chin_thang':
      return [
        ...head,
        figure('period', `Thực hiện ${view.words.span}`),
        ...(view.hasYtd ? [figure('ytd', 'Lũy kế năm')] : []),
        figure('previous', 'Cùng kỳ năm trước'),
        figure('change', 'Tăng/giảm'),
        ...target,
      ];
    case 'nam':
      return [
        ...head,
        figure('period', `Năm ${year}`),
        figure('previous', `Năm ${year - 1}`),
        figure('change', 'Tăng/giảm'),
        ...target,
        verdict,
        figure('next', `Chỉ tiêu năm ${year + 1}`),
      ];
    default:
      return [
        ...head,
        ...input.years.map((y) => figure(`year:${y.year}`, String(y.year))),
        figure('period', 'Cả kỳ'),
        figure('baseline', 'Đầu nhiệm kỳ'),
        ...target,
        verdict,
      ];
  }
}

/** The units without a figure in a total. */
function missingUnits(result: IndicatorAggregate): number[] {
  return result.values.flatMap((v, u) => (v === null ? [u] : []));
}

class Marks {
  private readonly sets: string[] = [];
  readonly notes: string[] = [];

  constructor(private readonly view: ReportView) {}

  /** The mark of a total over fewer units than expected ('' when it covers them all). */
  of(result: IndicatorAggregate): string {
    const missing = missingUnits(result);
    const coverage = result.total?.coverage;
    if (!coverage || coverage.reported >= coverage.expected || missing.length === 0) return '';
    const key = missing.join(',');
    let index = this.sets.indexOf(key);
    if (index < 0) {
      index = Math.min(this.sets.length, MARKS.length - 1);
      if (this.sets.length < MARKS.length) {
        this.sets.push(key);
        const names = missing.map((u) => this.nameAt(u));
        this.notes.push(
          `(${MARKS[index]}) Tổng của ${coverage.reported}/${coverage.expected} ${this.view.unitWord} có số liệu; chưa có số liệu: ${unitList(names)}.`,
        );
      }
    }
    return MARKS[index]!;
  }

  private nameAt(u: number): string {
    const code = this.view.input.period.units[u];
    return this.view.input.units.find((x) => x.ma === code)?.ten ?? code ?? '';
  }
}

function figureCell(view: ReportView, marks: Marks, code: string, column: ColumnKey): string {
  const result = view.result(code, column);
  const value = result?.total?.value;
  if (!result || typeof value !== 'number') return '';
  return `${formatFigure(result, value, false)}${marks.of(result)}`;
}

/** "+12", "-0,4": the change from the previous column, in points for a rate. */
function changeCell(view: ReportView, code: string, column: ColumnKey): string {
  const now = view.value(code, column);
  const before = view.value(code, 'previous');
  if (now === null || before === null) return '';
  const ratio = view.result(code)?.source === 'ratio';
  const delta = ratio ? (now - before) * 100 : now - before;
  const text = formatNumber(delta, 1);
  return delta > 0 && text !== '0' ? `+${text}` : text;
}

/** "≥ 89%", "(2/cơ sở)" on one line in a narrow column: no-break spaces inside them. */
function keepTogether(text: string): string {
  return text
    .replace(/([≥≤]) /g, '$1\u00a0')
    .replace(/ – /g, '\u00a0– ')
    .replace(/\([^)]*\)/g, (group) => group.replace(/ /g, '\u00a0'));
}

/** What a target row shows for the next year: "550", "≥ 89%". */
function nextCell(view: ReportView, result: IndicatorAggregate): string {
  const target = view.input.nextTargets.find((t) => t.code === result.indicator.code);
  if (!target || target.value === null) return '';
  return result.source === 'ratio'
    ? keepTogether(`≥ ${formatNumber(target.value * 100, 3)}%`)
    : formatFigure(result, target.value, false);
}

function cellOf(
  view: ReportView,
  marks: Marks,
  column: Column,
  result: IndicatorAggregate,
  index: number,
): string {
  const code = result.indicator.code;
  const cells = view.input.targets[code];
  const end = isFlow(result) ? 'period' : view.endColumn;
  switch (column.key) {
    case 'stt':
      return String(index);
    case 'name':
      return shortName(result.indicator);
    case 'unit':
      return unitOfMeasure(result);
    case 'change':
      return changeCell(view, code, end === 'ytd' ? 'ytd' : 'period');
    case 'target':
      return keepTogether(cells?.target ?? '');
    case 'percent':
      return cells && cells.percent !== '' ? `${formatNumber(cells.percent, 3)}%` : '';
    case 'verdict':
      return cells?.verdict ?? '';
    case 'next':
      return nextCell(view, result);
    case 'baseline': {
      const baseline = view.input.targetDetails[code]?.target.baseline;
      return baseline === null || baseline === undefined ? '' : formatFigure(result, baseline, false);
    }
    default:
      return figureCell(view, marks, code, column.key);
  }
}

/** Keeps the columns that hold something (the label columns always). */
function prune(columns: Column[], rows: string[][], keep: number): { columns: Column[]; rows: string[][] } {
  const used = columns.map(
    (_, c) => c < keep || rows.slice(1).some((row) => row[c] !== '' && row[c] !== undefined),
  );
  return {
    columns: columns.filter((_, c) => used[c]),
    rows: rows.map((row) => row.filter((_, c) => used[c])),
  };
}

function layout(cells: string[][], boldRows: number[], align: Align[], label: number): ReportTable {
  const { widths, fontSize } = layoutTable(cells, new Set([0, ...boldRows]), label, TEXT_WIDTH);
  return { cells, widths, fontSize, boldRows, align };
}

/** The notes under the table: marked totals, the rule for the year so far, the years of a term. */
function notes(view: ReportView, marks: Marks, columns: Column[], dropped: number): string[] {
  const { input } = view;
  const out = [...marks.notes];
  const names = new Map(input.units.map((u) => [u.ma, u.ten]));
  const last = input.spec.quarters[input.spec.quarters.length - 1]!;
  if (columns.some((c) => c.key === 'ytd')) {
    const earlier = Object.entries(input.latest).filter(([u, q]) => names.has(u) && q !== null && q < last);
    for (const [unit, q] of earlier) {
      const quarter = parseQuarter(q!)!;
      out.push(
        `Cột "Lũy kế năm": số liệu của ${names.get(unit)} tính đến hết quý ${roman(quarter.quarter)}/${quarter.year} (quý gần nhất đơn vị đã báo cáo).`,
      );
    }
  }
  if (!view.isTerm && input.previous === null) {
    out.push(
      `Lưu trữ chưa có số liệu ${input.kind === 'nam' ? `năm ${input.spec.last.year - 1}` : 'cùng kỳ năm trước'} nên biểu chưa so sánh được.`,
    );
  }
  if (view.isTerm) {
    const first = input.spec.first;
    const lastQ = input.spec.last;
    const years = new Set(input.years.map((y) => y.year));
    const parts: string[] = [];
    if (first.quarter > 1 && years.has(first.year))
      parts.push(`năm ${first.year} tính từ quý ${roman(first.quarter)}`);
    if (lastQ.quarter < 4 && years.has(lastQ.year))
      parts.push(`năm ${lastQ.year} tính đến hết quý ${roman(lastQ.quarter)}`);
    if (parts.length > 0) out.push(`Số liệu ${parts.join('; ')}.`);
    const absent: number[] = [];
    for (let y = first.year; y <= lastQ.year; y += 1) if (!years.has(y)) absent.push(y);
    if (absent.length > 0) {
      out.push(`Lưu trữ chưa có số liệu năm ${absent.join(', ')}; số liệu cả kỳ chỉ gồm các năm đã có.`);
    }
  }
  if (dropped > 0) out.push('Các chỉ tiêu chưa có số liệu trong kỳ không đưa vào biểu.');
  return out;
}

/** Biểu 1: every indicator with a figure or a target, grouped by topic. */
export function indicatorAppendix(view: ReportView): { table: ReportTable; notes: string[] } {
  const marks = new Marks(view);
  const all = columnsOf(view);
  const rows: string[][] = [all.map((c) => c.header)];
  const groups: number[] = [];
  let dropped = 0;
  let section = 0;
  for (const topic of TOPICS) {
    const results = view.input.period.indicators.filter(
      (r) => topicOf(r.indicator.code) === topic.key && r.total !== null && r.indicator.type !== 'L',
    );
    const body: string[][] = [];
    for (const result of results) {
      const row = all.map((c) => cellOf(view, marks, c, result, body.length + 1));
      const figures = all.filter((c) => !['stt', 'name', 'unit'].includes(c.key));
      if (figures.every((c) => row[all.indexOf(c)] === '')) {
        dropped += 1;
        continue;
      }
      body.push(row);
    }
    if (body.length === 0) continue;
    section += 1;
    groups.push(rows.length);
    rows.push([roman(section), topic.short, ...all.slice(2).map(() => '')]);
    rows.push(...body);
  }
  const kept = prune(all, rows, 3);
  return {
    table: layout(
      kept.rows,
      groups,
      kept.columns.map((c) => c.align),
      1,
    ),
    notes: notes(view, marks, kept.columns, dropped),
  };
}

/** The indicators of the per-unit table: targets per unit first, then other targets, then members. */
const UNIT_TABLE_DEFAULTS = ['TC_HV', 'TC_HV_MOI', 'TC_HV_TL', 'KT_HN_GIUP'];
const UNIT_TABLE_COLUMNS = 4;

function unitTableIndicators(view: ReportView): IndicatorAggregate[] {
  const byCode = view.input.period.byCode;
  const details = view.input.targetDetails;
  const usable = (c: string) =>
    byCode[c] !== undefined && byCode[c].indicator.type !== 'L' && typeof byCode[c].total?.value === 'number';
  const perUnit = Object.keys(details).filter((c) => details[c]!.target.type === 'PER_UNIT_ANNUAL');
  const codes = [...new Set([...perUnit, ...Object.keys(details), ...UNIT_TABLE_DEFAULTS])].filter(usable);
  return codes.slice(0, UNIT_TABLE_COLUMNS).map((c) => byCode[c]!);
}

/** Biểu 2: each unit's submission and main figures, then the whole. */
export function unitAppendix(view: ReportView): ReportTable {
  const { input } = view;
  const columns = unitTableIndicators(view);
  // Each unit's year so far in a quarter after the first: the figure its year's targets are judged on.
  const header = [
    'STT',
    'Đơn vị',
    'Nộp số liệu',
    ...columns.map(
      (r) =>
        `${shortName(r.indicator)}${isFlow(r) && view.hasYtd ? ', lũy kế năm' : ''} (${unitOfMeasure(r)})`,
    ),
  ];
  const columnOf = (r: IndicatorAggregate): ColumnKey =>
    isFlow(r) && !view.hasYtd ? 'period' : view.endColumn;
  const rows = input.units.map((unit, i) => [
    String(i + 1),
    unit.ten,
    unit.status,
    ...columns.map((r) => {
      const aggregation = view.aggregationOf(columnOf(r))!;
      const u = aggregation.units.indexOf(unit.ma);
      return formatFigure(r, aggregation.byCode[r.indicator.code]?.values[u] ?? null, false);
    }),
  ]);
  const totals = [
    '',
    'Toàn đơn vị',
    `${input.units.filter((u) => u.submitted).length}/${input.units.length} đã nộp`,
    ...columns.map((r) => {
      const result = view.result(r.indicator.code, columnOf(r));
      const value = result?.total?.value;
      // The rows above show which units have no figure; the total needs no mark.
      return result && typeof value === 'number' ? formatFigure(result, value, false) : '–';
    }),
  ];
  const cells = [header, ...rows, totals];
  return layout(
    cells,
    [cells.length - 1],
    ['center', 'left', 'left', ...columns.map((): Align => 'right')],
    1,
  );
}
