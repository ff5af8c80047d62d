import type { UnitConfig } from '../domain/config';
import { isIsoDay } from '../domain/config';
import { uniqueTabNames, unitTabName } from '../domain/sheetNames';
import { asCellText, splitList } from '../domain/text';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { ensureSheet, isTicked, readRecords, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A unit as the workbook keeps it: its configuration plus whether it reports and where. */
export interface UnitRecord extends UnitConfig {
  active: boolean;
  tabName: string;
}

export function readUnitsTab(spreadsheet: Spreadsheet): UnitRecord[] {
  return readRecords(spreadsheet.getSheetByName(TAB.units)).map((row) => {
    const emails = splitList(row[2]).map((e) => e.toLowerCase());
    const unit = { ma: String(row[0]).trim(), ten: String(row[1] ?? '').trim(), email: emails };
    const active = row[3] === '' || row[3] === undefined ? true : isTicked(row[3]);
    const tabName = String(row[4] ?? '').trim() || unitTabName(unit);
    const predecessors = splitList(row[5]);
    const mergedOn = dayOf(row[6]);
    return {
      ...unit,
      active,
      tabName,
      ...(predecessors.length > 0 && mergedOn ? { predecessors, mergedOn } : {}),
    };
  });
}

/** A day as Sheets holds it (a date, or text typed "2025-07-01" or "01/07/2025"), as "2025-07-01". */
function dayOf(value: unknown): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (value && typeof value === 'object' && typeof (value as Date).getFullYear === 'function') {
    const d = value as Date;
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  const text = String(value ?? '').trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const day = vn ? `${vn[3]}-${pad(Number(vn[2]))}-${pad(Number(vn[1]))}` : text;
  return isIsoDay(day) ? day : null;
}

/** The day as a Sheets date (local midnight), so the Vietnamese locale shows it as 01/07/2025. */
function dayCell(day: string | undefined): Date | string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/**
 * Merges the configured units into what the tab already holds: a known unit keeps its tab name and
 * active flag; a unit no longer configured stays, inactive, so its tab and history are not lost.
 */
export function mergeUnits(existing: UnitRecord[], configured: UnitConfig[]): UnitRecord[] {
  const byCode = new Map(existing.map((u) => [u.ma.toUpperCase(), u]));
  const merged: UnitRecord[] = configured.map(({ predecessorNames: _names, ...unit }) => {
    const known = byCode.get(unit.ma.toUpperCase());
    // A lineage recorded in Đơn vị stays when the configuration does not restate it.
    const predecessors = unit.predecessors ?? known?.predecessors;
    const mergedOn = unit.mergedOn ?? known?.mergedOn;
    return {
      ...unit,
      ...(predecessors && mergedOn ? { predecessors, mergedOn } : {}),
      active: known?.active ?? true,
      tabName: known?.tabName ?? unitTabName(unit),
    };
  });
  const configuredCodes = new Set(configured.map((u) => u.ma.toUpperCase()));
  for (const unit of existing) {
    if (!configuredCodes.has(unit.ma.toUpperCase())) merged.push({ ...unit, active: false });
  }
  // A predecessor the workbook never had is recorded (inactive, no tab) so its history can be imported.
  for (const unit of configured) {
    for (const code of unit.predecessors ?? []) {
      if (merged.some((u) => u.ma.toUpperCase() === code.toUpperCase())) continue;
      const ten = unit.predecessorNames?.[code];
      if (!ten) {
        throw new Error(
          `Đơn vị tiền thân ${code} của ${unit.ma} chưa có trong trang Đơn vị; hãy ghi cả tên, ví dụ "hop_nhat_tu": [{"ma": "${code}", "ten": "Hội LHPN xã …"}].`,
        );
      }
      merged.push({ ma: code, ten, email: [], active: false, tabName: unitTabName({ ma: code, ten }) });
    }
  }
  return merged;
}

/** Names Excel keeps for itself, besides the workbook's fixed tabs. */
const EXCEL_RESERVED = ['History'];

/**
 * Setup's part: every unit's tab name legal in Google and Excel and unique (a name from an earlier
 * version, or one typed in Đơn vị › Tên trang tính). A tab under an old name is renamed, so its
 * figures stay with the unit; a name another unit or a fixed tab keeps is never taken from it.
 */
export function legalizeTabNames(spreadsheet: Spreadsheet, units: UnitRecord[]): UnitRecord[] {
  const reserved = [...Object.values(TAB), ...EXCEL_RESERVED];
  const names = uniqueTabNames(
    units.map((u) => u.tabName),
    reserved,
  );
  const key = (name: string) => name.toLocaleLowerCase('vi');
  const kept = new Set([
    ...reserved.map(key),
    ...units.filter((u, i) => names[i] === u.tabName).map((u) => key(u.tabName)),
  ]);
  return units.map((unit, i) => {
    const name = names[i]!;
    if (name === unit.tabName) return unit;
    const sheet = kept.has(key(unit.tabName)) ? null : spreadsheet.getSheetByName(unit.tabName);
    if (sheet && !spreadsheet.getSheetByName(name)) sheet.setName(name);
    return { ...unit, tabName: name };
  });
}

/** @param unitWord what the level calls its units ("cơ sở", "chi hội"), for the column titles */
export function writeUnitsTab(
  spreadsheet: Spreadsheet,
  units: UnitRecord[],
  unitWord: string,
  shared?: SharedTabs,
): void {
  const sheet = shared?.sheet(TAB.units) ?? ensureSheet(spreadsheet, TAB.units);
  const header = [
    `Mã ${unitWord}`,
    `Tên ${unitWord}`,
    'Email cán bộ (cách nhau bởi dấu phẩy)',
    'Hoạt động',
    'Tên trang tính',
    `Hợp nhất từ (mã các ${unitWord} tiền thân)`,
    'Ngày hợp nhất',
  ];
  replaceContent(
    sheet,
    [
      header,
      ...units.map((u) => [
        asCellText(u.ma),
        asCellText(u.ten),
        u.email.join(', '),
        u.active,
        asCellText(u.tabName),
        (u.predecessors ?? []).join(', '),
        dayCell(u.mergedOn),
      ]),
    ],
    shared?.known(TAB.units),
  );
  giveLook(
    sheet,
    TAB.units,
    {
      header: header.length,
      ...(units.length > 0 ? { checkboxes: { row: 2, column: 4, rows: units.length } } : {}),
    },
    shared,
  );
}
