/**
 * What the people of the demo do in the Sheet, through the emulator's drivers as a person would:
 * officers type their unit's figures cell by cell and tick "Nộp số liệu"; the chair types targets.
 * Every refusal stops the demo, since the sample data is meant to be accepted.
 */
import type { Emulator } from '../emulator';
import type { QuarterFigures } from './data';

export interface Unit {
  ma: string;
  ten: string;
  email: string[];
}

/** The status row and the "Nộp số liệu" row of a unit tab; Quý I–IV are columns D–G. */
const STATUS_ROW = 4;
const SUBMIT_ROW = 5;
const quarterColumn = (quarter: number): string => 'DEFG'[quarter - 1]!;

export const officerOf = (unit: Unit): string => unit.email[0]!;

/** The unit's tab, as named in Đơn vị (column E). */
export function tabOf(emu: Emulator, unit: Unit): string {
  const row = emu.sheets.values('Đơn vị').find((r) => r[0] === unit.ma);
  if (!row) throw new Error(`Đơn vị ${unit.ma} không có trong trang "Đơn vị"`);
  return String(row[4]);
}

/** An officer types a quarter's values into the rows named by code (column A). */
export function typeQuarter(emu: Emulator, unit: Unit, quarter: number, values: QuarterFigures): void {
  const tab = tabOf(emu, unit);
  const codes = emu.sheets.values(tab).map((r) => r[0]);
  for (const [code, value] of Object.entries(values)) {
    const row = codes.indexOf(code) + 1;
    if (row === 0) throw new Error(`${tab}: không có dòng ${code}`);
    const edit = emu.sheets.userEdit({
      as: officerOf(unit),
      sheet: tab,
      a1: `${quarterColumn(quarter)}${row}`,
      value,
    });
    if (!edit.accepted) throw new Error(`${unit.ma} ${code}: ${edit.message}`);
  }
}

/** An officer ticks "Nộp số liệu" for the quarter; the edit trigger records it or unticks it. */
export function submitQuarter(emu: Emulator, unit: Unit, quarter: number): void {
  const tab = tabOf(emu, unit);
  const cell = `${quarterColumn(quarter)}${SUBMIT_ROW}`;
  const edit = emu.sheets.userEdit({ as: officerOf(unit), sheet: tab, a1: cell, value: true });
  const values = emu.sheets.values(tab);
  const column = 'ABCDEFG'.indexOf(quarterColumn(quarter));
  if (!edit.accepted || values[SUBMIT_ROW - 1]![column] !== true) {
    const status = String(values[STATUS_ROW - 1]![column]);
    throw new Error(`${unit.ma} không nộp được quý ${quarter}: ${edit.message ?? status}`);
  }
}

/** The chair types the targets into Mục tiêu, one row each from row 2. */
export function typeTargets(emu: Emulator, rows: ReadonlyArray<ReadonlyArray<unknown>>): void {
  rows.forEach((cells, i) =>
    cells.forEach((value, j) => {
      if (value === '') return;
      const edit = emu.sheets.userEdit({
        as: emu.owner,
        sheet: 'Mục tiêu',
        a1: `${'ABCDEFGHIJ'[j]}${i + 2}`,
        value,
      });
      if (!edit.accepted) throw new Error(`Mục tiêu dòng ${i + 2}: ${edit.message}`);
    }),
  );
}
