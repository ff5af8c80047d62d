/**
 * Tổng hợp: indicators × units, the district total and its coverage, the target, % achieved and the
 * verdict. Written whole by each roll-up: one write of values, one of number formats, one of
 * conditional formats, whatever the number of indicators.
 */
import type { Aggregation, IndicatorAggregate } from '../domain/aggregate';
import { unitOfMeasure } from '../domain/aggregate';
import { groupTitle, RATING_CLASSES, shortName, valueKind } from '../domain/catalogue';
import type { TargetCells } from '../domain/targets';
import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { appendRows, ensureGrid, ensureSheet, replaceContent, TAB } from './tabs';
import type { UnitRecord } from './unitsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Tổng hợp is written whole by each roll-up; until the first one it says how to get one. */
export function ensureSummaryTab(spreadsheet: Spreadsheet, shared?: SharedTabs): void {
  const first = [['Chưa có số liệu tổng hợp: chọn Hội LHPN › Tổng hợp ngay.']];
  if ((shared?.startEmpty(TAB.summary, first) ?? null) !== null) return;
  const sheet = ensureSheet(spreadsheet, TAB.summary);
  if (sheet.getLastRow() === 0) appendRows(sheet, first);
}

export interface SummaryContent {
  title: string;
  subtitle: string;
  /** "Qua đánh giá có 6/8 chỉ tiêu đạt và vượt …", or ''. */
  targetLine: string;
  units: UnitRecord[];
  aggregation: Aggregation;
  /** By indicator code; indicators without a target have none. */
  targets?: Record<string, TargetCells>;
}

const HEADER_ROW = 4;
const FIRST_UNIT_COLUMN = 4;
const NOT_MET = 'Chưa đạt';

function ratingTotal(result: IndicatorAggregate): string {
  const classes = result.total?.classes ?? {};
  return RATING_CLASSES.filter((c) => classes[c])
    .map((c) => `${c}: ${classes[c]}`)
    .join('; ');
}

function numberFormat(result: IndicatorAggregate): string {
  if (result.source === 'ratio') return '0.0%';
  if (result.indicator.type === 'L') return '@';
  return valueKind(result.indicator) === 'money' ? '#,##0.##' : '#,##0';
}

/** Below the header, a group's title row holds its title alone (an indicator row starts with its code). */
function isGroupRow(row: readonly unknown[]): boolean {
  return row.length === 1;
}

/**
 * Widths in pixels, so that names, figures and verdicts read without spilling into each other:
 * code, name, unit of measure, one column per unit, then the total and the target columns.
 */
function setColumnWidths(sheet: GoogleAppsScript.Spreadsheet.Sheet, unitCount: number): void {
  const after = FIRST_UNIT_COLUMN + unitCount;
  sheet.setColumnWidth(1, 110).setColumnWidth(2, 320).setColumnWidth(3, 80);
  if (unitCount > 0) sheet.setColumnWidths(FIRST_UNIT_COLUMN, unitCount, 75);
  sheet
    .setColumnWidth(after, 95)
    .setColumnWidth(after + 1, 90)
    .setColumnWidth(after + 2, 110);
  sheet.setColumnWidth(after + 3, 75).setColumnWidth(after + 4, 110);
}

export function writeSummary(spreadsheet: Spreadsheet, content: SummaryContent): void {
  const sheet = ensureSheet(spreadsheet, TAB.summary);
  const { units, aggregation } = content;
  const header = [
    'Mã',
    'Tên chỉ tiêu',
    'ĐVT',
    ...units.map((u) => asCellText(u.ma)),
    'Toàn đơn vị',
    'Số đơn vị có số liệu',
    'Chỉ tiêu',
    'Tỷ lệ đạt',
    'Đánh giá',
  ];
  const rows: unknown[][] = [
    [asCellText(content.title)],
    [asCellText(content.subtitle)],
    [asCellText(content.targetLine)],
    header,
  ];
  const formats: string[][] = [[], [], [], []];
  let group = '';
  for (const result of aggregation.indicators) {
    const indicator = result.indicator;
    if (indicator.group !== group) {
      group = indicator.group;
      rows.push([groupTitle(group)]);
      formats.push([]);
    }
    const target = content.targets?.[indicator.code];
    const total = indicator.type === 'L' ? ratingTotal(result) : (result.total?.value ?? '');
    // "2/3" is written into cells already formatted as text (below), so it stays text: an apostrophe
    // would be kept as part of the text in a plain-text cell, and show from the second roll-up on.
    const coverage = result.total
      ? `${result.total.coverage.reported}/${result.total.coverage.expected}`
      : '';
    rows.push([
      indicator.code,
      asCellText(shortName(indicator)),
      asCellText(unitOfMeasure(result)),
      ...result.values.map((v) => (typeof v === 'string' ? asCellText(v) : (v ?? ''))),
      total,
      coverage,
      target ? asCellText(target.target) : '',
      target?.percent ?? '',
      target ? target.verdict : '',
    ]);
    const format = numberFormat(result);
    formats.push([
      ...Array<string>(FIRST_UNIT_COLUMN - 1).fill('@'),
      ...Array<string>(units.length + 1).fill(format),
      '@',
      format,
      '0.0"%"',
      '@',
    ]);
  }
  const width = header.length;
  const padded = formats.map((f) => (f.length === width ? f : Array<string>(width).fill('@')));
  ensureGrid(sheet, rows.length, width);
  sheet.getRange(1, 1, rows.length, width).setNumberFormats(padded);
  replaceContent(sheet, rows);
  // The title, the header and the group rows in bold, in one call.
  sheet
    .getRange(1, 1, rows.length, width)
    .setFontWeights(
      rows.map((row, r) =>
        Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(
          r === 0 || r === HEADER_ROW - 1 || (r >= HEADER_ROW && isGroupRow(row)) ? 'bold' : 'normal',
        ),
      ),
    );
  sheet.getRange(HEADER_ROW, 1, 1, width).setBackground('#d9d9d9');
  sheet.setFrozenRows(HEADER_ROW);
  sheet.setFrozenColumns(3);
  setColumnWidths(sheet, units.length);
  // "13/14" and the verdicts read apart from the figures beside them.
  const coverageColumn = FIRST_UNIT_COLUMN + units.length + 1;
  sheet
    .getRange(HEADER_ROW + 1, coverageColumn, Math.max(1, rows.length - HEADER_ROW), 1)
    .setHorizontalAlignment('center');
  const verdicts = sheet.getRange(HEADER_ROW + 1, width, Math.max(1, rows.length - HEADER_ROW), 1);
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(NOT_MET)
      .setBackground('#f4c7c3')
      .setFontColor('#a50e0e')
      .setRanges([verdicts])
      .build(),
  ]);
}
