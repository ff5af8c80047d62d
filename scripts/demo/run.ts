/**
 * The demo's year, from Khởi tạo to the annual report, in the emulator: what `npm run demo` plays
 * before writing its files, and what the integration tests play for other districts (a gmail.com
 * district, a mixed-domain one).
 */
import fs from 'node:fs';
import type { Emulator } from '../emulator';
import { main as local } from '../local';
import { openWorkspace } from '../local/workspace';
import { DemoClock } from './clock';
import { TARGETS } from './data';
import type { Unit } from './people';
import { typeTargets } from './people';
import { CHAIR_REPORTS, chairReport, playQuarter, QUARTERS, YEAR } from './year';

export const START = `${YEAR}-01-05T08:00:00+07:00`;

export interface DemoConfig {
  ten_don_vi: string;
  don_vi: Unit[];
  quan_tri: string[];
}

export interface Checks {
  so_loi: number;
  so_canh_bao: number;
}

export interface RollUp {
  ten_ky: string;
  don_vi_co_so_lieu: string;
  chi_tieu_dat: string;
}

export interface DemoYear {
  emu: Emulator;
  config: DemoConfig;
  clock: DemoClock;
  checks: Checks;
  rolled: RollUp;
}

export function readDemoConfig(file: string): DemoConfig {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoConfig;
}

/**
 * Khởi tạo through the command line (its owner is the first admin), the Sheet shared with the
 * officers, the targets, the schedule.
 */
export async function setUpDemo(configFile: string, workspace: string): Promise<Emulator> {
  const config = readDemoConfig(configFile);
  await local(['init', '--dir', workspace, '--config', configFile, '--now', START]);
  const emu = await openWorkspace(workspace);
  const sheetId = emu.sheets.activeSpreadsheetId();
  for (const unit of config.don_vi) for (const email of unit.email) emu.drive.share(sheetId, email, 'EDIT');
  emu.sheets.userOpen({ as: emu.owner });
  typeTargets(emu, TARGETS);
  emu.run('installSchedules', [], { user: emu.owner });
  return emu;
}

/** The whole year: every quarter entered and submitted, the chair's reports, the year's checks and roll-up. */
export async function playDemoYear(configFile: string, workspace: string): Promise<DemoYear> {
  const config = readDemoConfig(configFile);
  const emu = await setUpDemo(configFile, workspace);
  const clock = new DemoClock(emu);
  for (const quarter of QUARTERS) {
    playQuarter(emu, clock, config.don_vi, quarter);
    const ky = CHAIR_REPORTS[quarter];
    if (ky) chairReport(emu, clock, quarter, ky);
  }
  const checks = emu.run('checkData', [], { user: emu.owner }) as Checks;
  const rolled = emu.run('rollUp', [{ ky: String(YEAR) }], { user: emu.owner }) as RollUp;
  clock.assertNoFailures();
  return { emu, config, clock, checks, rolled };
}
