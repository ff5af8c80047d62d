/**
 * The demo's year, 2026, as the district lives it: after each quarter the officers type their figures
 * and tick "Nộp số liệu" over a few days (those still missing on the 5th get the daily reminders);
 * one unit is late in some quarters, so the quarterly email on the 11th goes out without it; the chair
 * makes the 6-month report in July and the annual report in January 2027.
 */
import type { Emulator } from '../emulator';
import type { DemoClock } from './clock';
import { vietnamTime } from './clock';
import { wardFigures, wardNarratives } from './data';
import type { Unit } from './people';
import { submitQuarter, typeQuarter } from './people';

export const YEAR = 2026;
export const QUARTERS = [1, 2, 3, 4] as const;
/** Who submits after the deadline, by quarter. */
export const LATE_UNITS: Readonly<Record<number, string>> = { 1: 'YS', 2: 'MD', 4: 'YS' };
/** The report the chair makes by hand once a quarter's late unit has submitted. */
export const CHAIR_REPORTS: Readonly<Record<number, string>> = { 2: `${YEAR}-H1`, 4: String(YEAR) };

export interface ReportResult {
  docId: string;
  ten: string;
}

/** The month after a quarter, when its figures are entered: Quý IV/2026 is entered in January 2027. */
function monthAfter(quarter: number): { year: number; month: number } {
  return quarter === 4 ? { year: YEAR + 1, month: 1 } : { year: YEAR, month: quarter * 3 + 1 };
}

function enterQuarter(emu: Emulator, unit: Unit, quarter: number): void {
  typeQuarter(emu, unit, quarter, { ...wardFigures(unit.ma, quarter), ...wardNarratives(unit.ma, quarter) });
  submitQuarter(emu, unit, quarter);
}

/**
 * One quarter: four units a day type and submit from the 2nd; reminders go at 8 h from the 5th to the
 * deadline, the 10th, to whoever has not submitted; the quarterly email goes at 7 h on the 11th; the
 * late unit submits on the 14th.
 */
export function playQuarter(emu: Emulator, clock: DemoClock, units: Unit[], quarter: number): void {
  const { year, month } = monthAfter(quarter);
  const late = units.find((u) => u.ma === LATE_UNITS[quarter]);
  units
    .filter((u) => u !== late)
    .forEach((unit, i) => {
      clock.to(vietnamTime(year, month, 2 + Math.floor(i / 4), 9, 10 + i));
      enterQuarter(emu, unit, quarter);
    });
  clock.to(vietnamTime(year, month, 14, 15, 30));
  if (late) enterQuarter(emu, late, quarter);
}

/** The chair makes a report by hand (Tạo báo cáo) on the 20th of the month after the quarter. */
export function chairReport(emu: Emulator, clock: DemoClock, quarter: number, ky: string): ReportResult {
  const { year, month } = monthAfter(quarter);
  clock.to(vietnamTime(year, month, 20, 9));
  return emu.run('createReport', [{ ky }], { user: emu.owner }) as ReportResult;
}
