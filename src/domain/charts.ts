/**
 * The two charts of Tổng hợp and of the reports, as data: membership and its rate quarter by quarter
 * over the year (or the term), and the % achieved of each target. The block of cells they are drawn
 * from, with its number formats, and where each chart's range lies in it. No Google global here.
 */
import type { Coverage } from './aggregate';
import { parseQuarter, quarterName } from './periods';
import type { PeriodSpec } from './periodSpec';
import { periodSpec } from './periodSpec';

export type ChartPurpose = 'members' | 'targets';

/** What one quarter shows in the membership chart. */
export interface QuarterFigures {
  /** "2026-Q2". */
  quarter: string;
  /** Tổng số hội viên over the units that reported it, or null. */
  members: number | null;
  /** Tỷ lệ tập hợp hội viên as a decimal (0.926), or null. */
  rate: number | null;
  /** The units behind `members`. */
  coverage: Coverage | null;
}

/** One bar of the targets chart. */
export interface TargetBar {
  name: string;
  /** % of the target achieved, as the roll-up rounds it (108.6). */
  percent: number;
}

export interface ChartSpec {
  purpose: ChartPurpose;
  type: 'COMBO' | 'BAR';
  title: string;
  /** Rows of the block the chart reads, from its header row (0-based within the block). */
  firstRow: number;
  numRows: number;
  numColumns: number;
  /** Pixels. */
  width: number;
  height: number;
  /** Each value written on its column, bar or point (left out when there are too many to read). */
  dataLabels: boolean;
  /** The top of the first value axis, when the chart sets it. */
  valueMax?: number;
}

export interface ChartBlock {
  /** Rows of the block, each BLOCK_WIDTH cells; the first is the marker title. */
  rows: Array<Array<string | number>>;
  formats: string[][];
  /** Rows (0-based within the block) that are headings. */
  headings: number[];
  charts: ChartSpec[];
}

/** Column A of the block's first row starts with this, so a later run finds the block again. */
export const BLOCK_MARKER = 'SỐ LIỆU BIỂU ĐỒ';
export const BLOCK_WIDTH = 3;

/** The quarters a membership chart covers: the term or range itself, else its year up to its end. */
export function chartFrame(spec: PeriodSpec): PeriodSpec {
  if (spec.kind === 'term' || spec.kind === 'range') return spec;
  const year = spec.last.year;
  if (spec.last.quarter === 4) return periodSpec(String(year));
  if (spec.last.quarter === 1) return periodSpec(`${year}-Q1`);
  return periodSpec(`${year}-Q1..${year}-Q${spec.last.quarter}`);
}

/** "năm 2026", "quý I/2026", "từ quý I đến quý III/2026", "nhiệm kỳ 2021 - 2026". */
export function frameName(frame: PeriodSpec): string {
  if (frame.kind === 'range' && frame.first.year === frame.last.year) {
    const roman = (q: string) => quarterName(parseQuarter(q)!).replace(/^Quý /, '').split('/')[0];
    return `từ quý ${roman(frame.quarters[0]!)} đến quý ${roman(frame.quarters[frame.quarters.length - 1]!)}/${frame.last.year}`;
  }
  return frame.nameInText;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (a round top for an axis). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-9 * power)!;
  return step * power;
}

/** "Quý II/2026", and "(13/14 đơn vị)" when a figure covers only some units. */
function quarterLabel(q: QuarterFigures): string {
  const name = quarterName(parseQuarter(q.quarter)!);
  const partial = q.members !== null && q.coverage && q.coverage.reported < q.coverage.expected;
  return partial ? `${name} (${q.coverage!.reported}/${q.coverage!.expected} đơn vị)` : name;
}

const MEMBERS_TITLE = 'Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý';
const TARGETS_TITLES = ['Tỷ lệ thực hiện các chỉ tiêu', 'Tiến độ thực hiện các chỉ tiêu'];
const WIDTH = 620;
const MEMBERS_HEIGHT = 400;
/** A year's quarters fit their values on the chart; a term's twenty do not. */
const MAX_LABELLED_QUARTERS = 8;

/**
 * The block and its charts. A chart with nothing to show (no quarter with members, no target with
 * a %) is left out. `targetsTitle` names the period the targets were judged on.
 */
export function chartBlock(
  frame: PeriodSpec,
  quarters: readonly QuarterFigures[],
  targets: readonly TargetBar[],
  targetsTitle: string,
): ChartBlock {
  const rows: ChartBlock['rows'] = [
    [`${BLOCK_MARKER} – ${frameName(frame).toLocaleUpperCase('vi')}`, '', ''],
  ];
  const formats: string[][] = [['@', '@', '@']];
  const headings = [0];
  const charts: ChartSpec[] = [];
  if (quarters.some((q) => q.members !== null)) {
    headings.push(rows.length);
    charts.push({
      purpose: 'members',
      type: 'COMBO',
      title: `${MEMBERS_TITLE}, ${frameName(frame)}`,
      firstRow: rows.length,
      numRows: quarters.length + 1,
      numColumns: 3,
      width: WIDTH,
      height: MEMBERS_HEIGHT,
      dataLabels: quarters.length <= MAX_LABELLED_QUARTERS,
      // Headroom above the columns, so the rate's line (near the top of its 0–100% axis) clears them.
      valueMax: niceCeiling(1.5 * Math.max(...quarters.map((q) => q.members ?? 0))),
    });
    rows.push(['Quý', 'Tổng số hội viên', 'Tỷ lệ tập hợp hội viên']);
    formats.push(['@', '@', '@']);
    for (const q of quarters) {
      rows.push([quarterLabel(q), q.members ?? '', q.rate ?? '']);
      formats.push(['@', '#,##0', '0.0%']);
    }
  }
  if (targets.length > 0) {
    if (rows.length > 1) {
      rows.push(['', '', '']);
      formats.push(['@', '@', '@']);
    }
    headings.push(rows.length);
    charts.push({
      purpose: 'targets',
      type: 'BAR',
      title: targetsTitle,
      firstRow: rows.length,
      numRows: targets.length + 1,
      numColumns: 2,
      width: WIDTH,
      height: Math.max(300, 120 + 48 * targets.length),
      dataLabels: true,
    });
    rows.push(['Chỉ tiêu', 'Tỷ lệ đạt so với chỉ tiêu', '']);
    formats.push(['@', '@', '@']);
    for (const t of targets) {
      // As a fraction for the % format, without float noise (108.6 → 1.086, not 1.0859999…).
      rows.push([t.name, Math.round(t.percent * 1000) / 100000, '']);
      formats.push(['@', '0.0%', '@']);
    }
  }
  return { rows, formats, headings, charts };
}

/** "Tỷ lệ thực hiện các chỉ tiêu năm 2026", or, for part of a year, its progress so far. */
export function targetsChartTitle(judgedOn: PeriodSpec): string {
  if (judgedOn.kind === 'year' || judgedOn.kind === 'term' || judgedOn.kind === 'range')
    return `${TARGETS_TITLES[0]} ${judgedOn.nameInText}`;
  return `${TARGETS_TITLES[1]} năm ${judgedOn.last.year}, ${judgedOn.nameInText}`;
}

/** Which chart a title belongs to, so a later run updates it instead of adding another. */
export function chartPurpose(title: unknown): ChartPurpose | null {
  const text = String(title ?? '');
  if (text.startsWith(MEMBERS_TITLE)) return 'members';
  if (TARGETS_TITLES.some((t) => text.startsWith(t))) return 'targets';
  return null;
}

/** "Biểu đồ 1: …", numbered in the order the charts appear. */
export function chartCaptions(charts: readonly Pick<ChartSpec, 'title'>[]): string[] {
  return charts.map((c, i) => `Biểu đồ ${i + 1}: ${c.title}`);
}
