/**
 * What a report says, computed before any document is touched: the value of every tag, the lines
 * of the block tags and the cells of the two tables. Every figure comes from the aggregation and the
 * phrase bank; nothing is typed by hand.
 */
import type { Aggregation, IndicatorAggregate, PeriodValue } from '../aggregate';
import { unitOfMeasure } from '../aggregate';
import { groupTitle, shortName, valueKind } from '../catalogue';
import type { WorkbookConfig } from '../config';
import {
  formatDateLine,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPercentValue,
  roman,
} from '../format';
import type { PeriodSpec, ReportKind } from '../periodSpec';
import { completenessText } from '../progress';
import type { TargetCells, TargetSummary } from '../targets';
import { reportKindName, reportWording } from './kinds';
import { INDICATOR_FIELDS } from './tags';

export interface ReportUnit {
  ma: string;
  ten: string;
  /** "Đã nộp 05/10/2026", "Chưa nộp", "Nộp 2/3 quý". */
  status: string;
  submitted: boolean;
}

/** One unit's text for a narrative row (kết quả nổi bật…), quarters in order. */
export interface NarrativeEntry {
  unit: string;
  code: string;
  text: string;
}

export interface ReportInput {
  config: WorkbookConfig;
  kind: ReportKind;
  spec: PeriodSpec;
  /** When the report is made: the date line. */
  now: Date;
  /** The period itself, and from the start of its final year to its end. */
  period: Aggregation;
  yearToDate: Aggregation;
  targets: Record<string, TargetCells>;
  targetSummary: TargetSummary;
  units: ReportUnit[];
  narratives: NarrativeEntry[];
}

export interface ReportTable {
  cells: string[][];
  /** Relative column widths (they add up to 100). */
  widths: number[];
}

export interface ReportContent {
  /** The Drive file name. */
  fileName: string;
  subject: string;
  /** Tag (without braces) -> text. */
  text: Record<string, string>;
  blocks: Record<string, string[]>;
  tables: Record<string, ReportTable>;
}

const NO_DATA = '[chưa có số liệu]';
const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** Đồng per unit of a money indicator's ĐVT ("triệu đồng" -> 1.000.000). */
function dongPer(unit: string): number {
  if (/^tỷ/.test(unit)) return 1e9;
  if (/^triệu/.test(unit)) return 1e6;
  if (/^nghìn|^ngàn/.test(unit)) return 1e3;
  return 1;
}
const DASH = '–';

/** Text typed by people (a narrative, a name) must not read as a tag in the filled document. */
function inert(text: string): string {
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

/** A figure as people read it: a ratio as "92,6%", money scaled in running text, counts with ".". */
export function formatFigure(
  result: IndicatorAggregate,
  value: PeriodValue | undefined,
  inText: boolean,
): string {
  if (value === null || value === undefined) return inText ? NO_DATA : DASH;
  if (typeof value === 'string') return value;
  if (result.source === 'ratio') return formatPercent(value);
  const kind = valueKind(result.indicator);
  if (kind === 'percent') return formatPercentValue(value);
  if (kind === 'money') {
    // Running text picks the scale from the amount ("36,8 tỷ đồng"); a table keeps the ĐVT.
    return inText ? formatMoney(value * dongPer(unitOfMeasure(result))) : formatNumber(value, 1);
  }
  return formatNumber(value, 1);
}

function percentText(cells: TargetCells | undefined): string {
  return cells && cells.percent !== '' ? formatPercentValue(cells.percent) : '';
}

/** A total in running text with its unit: "30.307 người", "91,1%", "41,4 tỷ đồng". */
export function figureWithUnit(result: IndicatorAggregate, value: number): string {
  const text = formatFigure(result, value, true);
  const kind = valueKind(result.indicator);
  return result.source === 'ratio' || kind === 'percent' || kind === 'money'
    ? text
    : `${text} ${unitOfMeasure(result)}`.trim();
}

/** Indicators a report shows: those with a district total (ratings are listed by class elsewhere). */
function reportable(aggregation: Aggregation): IndicatorAggregate[] {
  return aggregation.indicators.filter((r) => r.total !== null && r.indicator.type !== 'L');
}

function indicatorTable(input: ReportInput): ReportTable {
  const header = [
    'STT',
    'Chỉ tiêu',
    'ĐVT',
    `Kỳ này (${input.spec.name})`,
    'Lũy kế từ đầu năm',
    'Chỉ tiêu',
    'Tỷ lệ đạt',
    'Đánh giá',
  ];
  const rows: string[][] = [header];
  let group = '';
  let section = 0;
  let index = 0;
  for (const result of reportable(input.period)) {
    if (result.indicator.group !== group) {
      group = result.indicator.group;
      section += 1;
      index = 0;
      rows.push([roman(section), groupTitle(group), '', '', '', '', '', '']);
    }
    index += 1;
    const code = result.indicator.code;
    const ytd = input.yearToDate.byCode[code];
    const target = input.targets[code];
    rows.push([
      String(index),
      shortName(result.indicator),
      unitOfMeasure(result),
      formatFigure(result, result.total?.value, false),
      ytd ? formatFigure(ytd, ytd.total?.value, false) : DASH,
      target?.target ?? '',
      percentText(target),
      target?.verdict ?? '',
    ]);
  }
  return { cells: rows, widths: [6, 30, 9, 12, 12, 11, 9, 11] };
}

/** The indicators of the per-unit table: those with a target first, then the membership figures. */
const UNIT_TABLE_DEFAULTS = ['TC_HV', 'TC_HV_MOI', 'TC_HV_TL', 'KT_HN_GIUP'];
const UNIT_TABLE_COLUMNS = 4;

function unitTableIndicators(input: ReportInput): IndicatorAggregate[] {
  const byCode = input.period.byCode;
  const withTargets = Object.keys(input.targets).filter((c) => byCode[c] && byCode[c].indicator.type !== 'L');
  const codes = [...new Set([...withTargets, ...UNIT_TABLE_DEFAULTS.filter((c) => byCode[c])])];
  return codes.slice(0, UNIT_TABLE_COLUMNS).map((c) => byCode[c]!);
}

function unitTable(input: ReportInput): ReportTable {
  const columns = unitTableIndicators(input);
  const header = [
    'STT',
    'Đơn vị',
    'Tình trạng nộp',
    ...columns.map((r) => `${shortName(r.indicator)} (${unitOfMeasure(r)})`),
  ];
  const position = new Map(input.period.units.map((u, i) => [u, i]));
  const rows = input.units.map((unit, i) => [
    String(i + 1),
    unit.ten,
    unit.status,
    ...columns.map((r) => formatFigure(r, r.values[position.get(unit.ma) ?? -1], false)),
  ]);
  const totals = [
    '',
    'Toàn đơn vị',
    completenessText(input.units.filter((u) => u.submitted).length, input.units.length),
    ...columns.map((r) => formatFigure(r, r.total?.value, false)),
  ];
  const figureWidth = columns.length > 0 ? Math.floor(54 / columns.length) : 0;
  return {
    cells: [header, ...rows, totals],
    widths: [6, 26, 14, ...columns.map(() => figureWidth)],
  };
}

/** "Hội LHPN phường Đại Kim: …; Hội LHPN phường Định Công: …." in the order of the units. */
function compileNarrative(input: ReportInput, code: string): string {
  const names = new Map(input.units.map((u) => [u.ma, u.ten]));
  const parts = input.units
    .map((unit) =>
      input.narratives
        .filter((n) => n.unit === unit.ma && n.code === code)
        .map((n) => n.text.trim().replace(/[.;\s]+$/, ''))
        .filter((t) => t !== '')
        .join('; '),
    )
    .map((text, i) => (text ? `${names.get(input.units[i]!.ma)}: ${text}` : ''))
    .filter((t) => t !== '');
  return parts.length > 0 ? `${parts.join('; ')}.` : 'Chưa có đơn vị nào nêu nội dung này.';
}

function defaultRecipients(config: WorkbookConfig): string[] {
  const superior = config.report.co_quan_cap_tren;
  return [
    ...(superior ? [`Ban Thường vụ ${superior} (để b/c)`] : []),
    `Các đồng chí Ủy viên Ban Chấp hành ${config.ten_don_vi}`,
    'Lưu: VT',
  ];
}

/** Nơi nhận as written: "- …;" on each line, "- Lưu: VT." last. */
function recipientLines(config: WorkbookConfig): string[] {
  const lines = config.report.noi_nhan.length > 0 ? config.report.noi_nhan : defaultRecipients(config);
  return lines.map((line, i) => {
    const bare = line.replace(/^[-–•]\s*/, '').replace(/[;.]\s*$/, '');
    return `- ${bare}${i === lines.length - 1 ? '.' : ';'}`;
  });
}

function indicatorTags(input: ReportInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const result of input.period.indicators) {
    const code = result.indicator.code;
    const ytd = input.yearToDate.byCode[code];
    const target = input.targets[code];
    const values: Record<string, string> = {
      '': formatFigure(result, result.total?.value, true),
      luy_ke: ytd ? formatFigure(ytd, ytd.total?.value, true) : NO_DATA,
      chi_tieu: target?.target || '[chưa có chỉ tiêu]',
      ty_le: percentText(target) || '[chưa có chỉ tiêu]',
      danh_gia: target?.verdict || '[chưa có chỉ tiêu]',
    };
    for (const { field } of INDICATOR_FIELDS) out[field ? `${code}.${field}` : code] = values[field]!;
  }
  return out;
}

/** The phrase bank's summary; before the year is over, annual targets are only in progress. */
function targetsSentence(input: ReportInput): string {
  const inProgress = Object.values(input.targets).filter((t) => t.verdict === 'Đang thực hiện').length;
  if (input.targetSummary.total > 0 || inProgress === 0) return input.targetSummary.text;
  return `Có ${inProgress} chỉ tiêu năm ${input.spec.last.year} đang được thực hiện; kết quả đạt hay chưa đạt được đánh giá khi hết năm.`;
}

export function reportContent(input: ReportInput): ReportContent {
  const { config, spec, kind } = input;
  const wording = reportWording({
    spec,
    kind,
    unitName: config.ten_don_vi,
    superior: config.report.co_quan_cap_tren,
    term: config.nhiem_ky,
  });
  const late = input.units.filter((u) => !u.submitted).map((u) => u.ten);
  const summary = input.targetSummary;
  const text: Record<string, string> = {
    CO_QUAN_CAP_TREN: upper(config.report.co_quan_cap_tren),
    CO_QUAN_BAN_HANH: upper(config.report.co_quan_ban_hanh),
    SO_KY_HIEU: `Số:        /${config.report.ky_hieu}`,
    DIA_DANH_NGAY: `${config.dia_danh}, ${formatDateLine(input.now)}`,
    TEN_DON_VI: config.ten_don_vi,
    LOAI_BAO_CAO: reportKindName(kind),
    TRICH_YEU: wording.subject,
    MO_DAU: wording.opening,
    KET_LUAN: wording.closing,
    TEN_KY: spec.name,
    TEN_KY_HOA: wording.periodHeading,
    KY_TIEP_THEO: wording.nextPeriod,
    KY_TIEP_THEO_HOA: wording.nextPeriodHeading,
    NAM: String(spec.last.year),
    NHIEM_KY: config.nhiem_ky.replace('-', ' - '),
    THAM_QUYEN_KY: config.report.tham_quyen_ky,
    CHUC_VU_KY: config.report.chuc_vu_ky,
    NGUOI_KY: config.report.nguoi_ky,
    DA_NOP: completenessText(input.units.length - late.length, input.units.length),
    DS_CHUA_NOP: late.length > 0 ? late.join(', ') : 'không có',
    SO_CHI_TIEU_DAT: `${summary.met}/${summary.total}`,
    TOM_TAT_CHI_TIEU: targetsSentence(input),
    CHI_TIEU_CHUA_DAT: summary.unmet.length > 0 ? summary.unmet.join(', ') : 'không có',
    NOI_BAT: compileNarrative(input, 'NT_NOI_BAT'),
    TON_TAI: compileNarrative(input, 'NT_TON_TAI'),
    DE_XUAT: compileNarrative(input, 'NT_DE_XUAT'),
    ...indicatorTags(input),
  };
  const tables = { BANG_CHI_TIEU: indicatorTable(input), BANG_DON_VI: unitTable(input) };
  return {
    fileName: wording.fileName,
    subject: wording.subject,
    text: Object.fromEntries(Object.entries(text).map(([k, v]) => [k, inert(v)])),
    blocks: { NOI_NHAN: recipientLines(config).map(inert) },
    tables: Object.fromEntries(
      Object.entries(tables).map(([k, t]) => [k, { ...t, cells: t.cells.map((row) => row.map(inert)) }]),
    ),
  };
}
