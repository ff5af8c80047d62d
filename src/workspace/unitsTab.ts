import type { UnitConfig } from '../domain/config';
import { asCellText, splitList } from '../domain/text';
import { ensureSheet, isTicked, readRecords, replaceContent, styleHeader, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A unit as the workbook keeps it: its configuration plus whether it reports and where. */
export interface UnitRecord extends UnitConfig {
  active: boolean;
  tabName: string;
}

/** "Hội LHPN phường Đại Kim" (DK) -> "DK - phường Đại Kim": short enough for a tab, and unique by code. */
export function defaultTabName(unit: UnitConfig): string {
  const short = unit.ten.replace(/^Hội\s+(LHPN|Liên hiệp Phụ nữ)\s+/i, '').trim();
  return `${unit.ma} - ${short}`.slice(0, 90);
}

export function readUnitsTab(spreadsheet: Spreadsheet): UnitRecord[] {
  return readRecords(spreadsheet.getSheetByName(TAB.units)).map((row) => {
    const emails = splitList(row[2]).map((e) => e.toLowerCase());
    const unit = { ma: String(row[0]).trim(), ten: String(row[1] ?? '').trim(), email: emails };
    const active = row[3] === '' || row[3] === undefined ? true : isTicked(row[3]);
    const tabName = String(row[4] ?? '').trim() || defaultTabName(unit);
    return { ...unit, active, tabName };
  });
}

/**
 * Merges the configured units into what the tab already holds: a known unit keeps its tab name and
 * active flag; a unit no longer configured stays, inactive, so its tab and history are not lost.
 */
export function mergeUnits(existing: UnitRecord[], configured: UnitConfig[]): UnitRecord[] {
  const byCode = new Map(existing.map((u) => [u.ma.toUpperCase(), u]));
  const merged: UnitRecord[] = configured.map((unit) => {
    const known = byCode.get(unit.ma.toUpperCase());
    return { ...unit, active: known?.active ?? true, tabName: known?.tabName ?? defaultTabName(unit) };
  });
  const configuredCodes = new Set(configured.map((u) => u.ma.toUpperCase()));
  for (const unit of existing) {
    if (!configuredCodes.has(unit.ma.toUpperCase())) merged.push({ ...unit, active: false });
  }
  return merged;
}

/** @param unitWord what the level calls its units ("cơ sở", "chi hội"), for the column titles */
export function writeUnitsTab(spreadsheet: Spreadsheet, units: UnitRecord[], unitWord: string): void {
  const sheet = ensureSheet(spreadsheet, TAB.units);
  const header = [
    `Mã ${unitWord}`,
    `Tên ${unitWord}`,
    'Email cán bộ (cách nhau bởi dấu phẩy)',
    'Hoạt động',
    'Tên trang tính',
  ];
  replaceContent(sheet, [
    header,
    ...units.map((u) => [
      asCellText(u.ma),
      asCellText(u.ten),
      u.email.join(', '),
      u.active,
      asCellText(u.tabName),
    ]),
  ]);
  styleHeader(sheet, header.length);
  if (units.length > 0) {
    sheet
      .getRange(2, 4, units.length, 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  }
}
