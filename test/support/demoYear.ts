/**
 * The demo's district and year (scripts/demo: the same configuration, figures, narratives and
 * targets), played without the schedule so that a test can make every kind of report from it:
 * officers type and submit each quarter; in Quý II one ward (Mai Động) is late, and the quarter's
 * report is made before it submits.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../scripts/emulator';
import { TARGETS, wardFigures, wardNarratives } from '../../scripts/demo/data';
import type { Unit } from '../../scripts/demo/people';
import { submitQuarter, typeQuarter, typeTargets } from '../../scripts/demo/people';
import { loadProduct, ROOT } from './product';

export const DEMO_CONFIG = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'examples', 'hoang-mai.json'), 'utf8'),
) as Record<string, unknown> & { don_vi: Unit[] };

const OWNER = 'chutich@hoilhpn.vn';
const LATE = 'MD';

export interface DemoReport {
  kind: string;
  ky: string;
  docId: string;
}

function enter(emu: Emulator, unit: Unit, quarter: number): void {
  typeQuarter(emu, unit, quarter, { ...wardFigures(unit.ma, quarter), ...wardNarratives(unit.ma, quarter) });
  submitQuarter(emu, unit, quarter);
}

/** The month after a quarter, when its report is made. */
const after = (quarter: number, day: number): Date =>
  quarter === 4
    ? new Date(`2027-01-${String(day).padStart(2, '0')}T09:00:00+07:00`)
    : new Date(
        `2026-${String(quarter * 3 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00+07:00`,
      );

/** The demo's year with a report of every kind, in the order a chair would make them. */
export function demoYear(): { emu: Emulator; reports: DemoReport[] } {
  const emu = loadProduct({ now: '2026-01-05T08:00:00+07:00', owner: OWNER });
  emu.run('setUpWorkbook', [DEMO_CONFIG]);
  const id = emu.sheets.activeSpreadsheetId();
  for (const unit of DEMO_CONFIG.don_vi) for (const email of unit.email) emu.drive.share(id, email, 'EDIT');
  typeTargets(emu, TARGETS);
  const reports: DemoReport[] = [];
  const make = (kind: string, ky: string) => {
    const { docId } = emu.run('createReport', [{ ky, loai: kind }], { user: OWNER }) as { docId: string };
    reports.push({ kind, ky, docId });
  };
  for (const quarter of [1, 2, 3, 4]) {
    emu.tick(after(quarter, 3));
    for (const unit of DEMO_CONFIG.don_vi)
      if (!(quarter === 2 && unit.ma === LATE)) enter(emu, unit, quarter);
    emu.tick(after(quarter, 11));
    make('quy', `2026-Q${quarter}`);
    if (quarter === 2) {
      enter(
        emu,
        DEMO_CONFIG.don_vi.find((u) => u.ma === LATE)!,
        2,
      );
      make('sau_thang', '2026-H1');
    }
    if (quarter === 3) make('chin_thang', '2026-9M');
  }
  make('nam', '2026');
  make('giua_nhiem_ky', '2021-Q3..2023-Q4');
  make('nhiem_ky', '2021-2026');
  return { emu, reports };
}
