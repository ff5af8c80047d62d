import type { Indicator, IndicatorType } from '../domain/catalogue';
import { catalogueProblems } from '../domain/catalogue';
import { asCellText } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { ensureSheet, isTicked, readRecords, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = [
  'Mã',
  'Nhóm',
  'Tên chỉ tiêu',
  'ĐVT',
  'Loại (S/F/R/C/K/L)',
  'Tổng hợp theo đơn vị',
  'Tổng hợp theo thời gian',
  'Cấp nhập',
  'Tử số',
  'Mẫu số',
  'Theo dõi',
];

function toRow(i: Indicator): unknown[] {
  return [
    i.code,
    asCellText(i.group),
    asCellText(i.name),
    asCellText(i.unit),
    i.type,
    i.acrossUnits,
    i.acrossTime,
    asCellText(i.level),
    i.numerator,
    i.denominator,
    i.active,
  ];
}

function fromRow(row: unknown[]): Indicator {
  const text = (k: number) => String(row[k] ?? '').trim();
  return {
    code: text(0),
    group: text(1),
    name: text(2),
    unit: text(3),
    type: text(4) as IndicatorType,
    acrossUnits: text(5),
    acrossTime: text(6),
    level: text(7),
    numerator: text(8),
    denominator: text(9),
    active: isTicked(row[10]),
  };
}

/** The catalogue as the tab holds it (admins switch indicators on and off there), or [] if none. */
export function readCatalogueTab(spreadsheet: Spreadsheet, shared?: SharedTabs): Indicator[] {
  const records = shared
    ? (shared.records(TAB.catalogue) ?? [])
    : readRecords(spreadsheet.getSheetByName(TAB.catalogue));
  const catalogue = records.map(fromRow);
  const problems = catalogueProblems(catalogue);
  if (problems.length > 0)
    throw new Error(`Trang "${TAB.catalogue}" có dòng không hợp lệ: ${problems.join('; ')}`);
  return catalogue;
}

/**
 * The tab's catalogue completed with the default one: an admin's choices and own indicators stay,
 * indicators added to the default catalogue since appear (with their default on/off).
 */
export function mergeCatalogue(current: Indicator[], defaults: Indicator[]): Indicator[] {
  const known = new Set(current.map((i) => i.code));
  return [...current, ...defaults.filter((i) => !known.has(i.code))];
}

export function writeCatalogueTab(
  spreadsheet: Spreadsheet,
  catalogue: Indicator[],
  shared?: SharedTabs,
): void {
  const sheet = shared?.sheet(TAB.catalogue) ?? ensureSheet(spreadsheet, TAB.catalogue);
  replaceContent(sheet, [HEADER, ...catalogue.map(toRow)], shared?.known(TAB.catalogue));
  giveLook(
    sheet,
    TAB.catalogue,
    {
      header: HEADER.length,
      frozenColumns: 1,
      checkboxes: { row: 2, column: HEADER.length, rows: catalogue.length },
    },
    shared,
  );
}
