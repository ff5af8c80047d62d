/**
 * Benchmark of the jobs on Google's clock: for 14, 50 and 150 units, each job run once through the
 * built bundle in the emulator, its service calls counted by the call log and its run time modelled by
 * the calibrated cost model (scripts/emulator/core/callLog.ts, whose clock the execution runs on),
 * against Apps Script's 6-minute limit. Written to out/bench/jobs.json as
 * [{ job, units, calls, min_calls, modelled_s }] and printed as a table.
 *
 * min_calls is the job's calls on a workbook of one unit (the same scenario, measured first) plus the
 * calls Google gives no batch for, per further unit: one MailApp.sendEmail per late unit for
 * remindLateUnits, nothing for any other job (Values.batchGet/batchUpdate and
 * Spreadsheets.batchUpdate take every tab in one request, Spreadsheet.addEditors takes a list). So
 * calls ÷ min_calls says how much of a job's cost still grows with the units.
 *
 * Left out: Google's variance and throttling, the script's start-up, formula recalculation, the
 * people (an alert's answer time: no job here shows one), and the Sheets API's per-minute quota
 * (300 requests a minute per project: one job here sends at most a few). Each job runs once, in this
 * order, on one workbook: setup, setup again, CSV import of the first quarter for every unit, one
 * unit's "Nộp" tick (its installable edit trigger), the roll-up, the checks, reminders (every other
 * unit is late), the quarter's report and its email after the deadline, the schedules; startNewYear
 * runs on a second workbook set up the same way, whose data are all archived (nothing typed).
 *
 * Run: npm run bench:jobs [-- --sizes 14,50,150] [--dist DIR] [--out FILE]
 */
import fs from 'node:fs';
import path from 'node:path';
import { Emulator } from '../emulator';
import { build, DIST, ROOT } from '../build';
import { seededRandom } from '../lib/seededRandom';

const OWNER = 'chutich@hoilhpn.vn';
const VIETNAMESE = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' };
const LIMIT_S = 360;
/** The bench lets a job run past 6 minutes to measure it (the table shows the headroom below zero). */
const BENCH_LIMIT_MS = 3_600_000;
const JOBS = [
  'setUpWorkbook (first run)',
  'setUpWorkbook (re-run)',
  'importCsv',
  'submission tick',
  'rollUp',
  'checkData',
  'remindLateUnits',
  'createReport',
  'sendQuarterSummary',
  'installSchedules',
  'startNewYear',
] as const;
type Job = (typeof JOBS)[number];

export interface JobFigure {
  job: Job;
  units: number;
  calls: number;
  min_calls: number;
  modelled_s: number;
}

const at = (iso: string) => new Date(`${iso}+07:00`);

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function officer(i: number): string {
  return `dv${i}@hoilhpn.vn`;
}

function config(units: number): Record<string, unknown> {
  return {
    ten_don_vi: 'Hội LHPN quận Hoàng Mai',
    cap: 'huyen',
    dia_danh: 'Hoàng Mai',
    nhiem_ky: '2021-2026',
    don_vi: Array.from({ length: units }, (_, k) => ({
      ma: `P${k + 1}`,
      ten: `Hội LHPN phường ${k + 1}`,
      email: [officer(k + 1)],
    })),
    email_nhan: ['vanphong@hoilhpn.vn'],
    quan_tri: [OWNER, 'phochutich@hoilhpn.vn'],
  };
}

/** A consistent first quarter per unit (members within the women counted), seeded. */
function firstQuarterCsv(units: number): string {
  const next = seededRandom(20260406);
  const lines = ['don_vi,ky,ma_chi_tieu,gia_tri'];
  for (let k = 1; k <= units; k++) {
    const women = 1200 + Math.floor(next() * 800);
    const members = Math.floor(women * (0.85 + next() * 0.1));
    const values: Record<string, number> = {
      TC_PN18: women,
      TC_HV: members,
      TC_HV_MOI: 20 + Math.floor(next() * 30),
      TC_HV_GIAM: Math.floor(next() * 8),
      TC_HV_NC: Math.floor(members * 0.2),
      TC_HV_SHTX: Math.floor(members * 0.8),
      TC_HV_HP: members,
    };
    for (const [code, value] of Object.entries(values)) lines.push(`P${k},2026-Q1,${code},${value}`);
  }
  return lines.join('\n');
}

class Workbook {
  readonly emu: Emulator;

  constructor(dist: string, now: string) {
    this.emu = new Emulator({
      now: at(now),
      owner: OWNER,
      distDir: dist,
      accountLocales: { [OWNER]: VIETNAMESE },
    }).loadBundle(dist);
    this.emu.sheets.createBound('Báo cáo Hội LHPN quận Hoàng Mai');
    this.emu.limits.setExecutionLimit(OWNER, BENCH_LIMIT_MS);
  }

  /** Runs `act` and returns its calls and the modelled run time of the longest execution it started. */
  measure(act: () => unknown): { calls: number; ms: number } {
    const emu = this.emu;
    emu.ctx.log.clear();
    const before = emu.limits.executions().length;
    act();
    const runs = emu.limits.executions().slice(before);
    const stopped = runs.find((r) => r.stopped);
    if (stopped) throw new Error(`${stopped.functionName}: ${stopped.stopped}`);
    return { calls: emu.ctx.log.total(), ms: Math.max(0, ...runs.map((r) => r.ms)) };
  }

  run(name: string, args: unknown[] = []): { calls: number; ms: number } {
    return this.measure(() => this.emu.run(name, args));
  }

  setUp(units: number): void {
    this.emu.run('setUpWorkbook', [config(units)]);
    const id = this.emu.sheets.activeSpreadsheetId();
    for (let k = 1; k <= units; k++) this.emu.drive.share(id, officer(k), 'EDIT');
    this.emu.drive.share(id, 'phochutich@hoilhpn.vn', 'EDIT');
  }
}

/** Every job once for `units` units: calls and modelled milliseconds. */
function runJobs(dist: string, units: number): Record<Job, { calls: number; ms: number }> {
  const out = {} as Record<Job, { calls: number; ms: number }>;
  const book = new Workbook(dist, '2026-04-06T08:00:00');
  const emu = book.emu;
  out['setUpWorkbook (first run)'] = book.measure(() => book.setUp(units));
  out['setUpWorkbook (re-run)'] = book.run('setUpWorkbook');
  out.importCsv = book.run('importCsv', [{ csv: firstQuarterCsv(units) }]);
  // The first unit's officer ticks "Nộp số liệu" of Quý I (row 5, column D of the unit's tab).
  out['submission tick'] = book.measure(() => {
    const edit = emu.sheets.userEdit({ as: officer(1), sheet: 'P1 - phường 1', a1: 'D5', value: true });
    if (!edit.accepted) throw new Error(`The tick was refused: ${edit.message}`);
  });
  out.rollUp = book.run('rollUp', [{ ky: '2026-Q1' }]);
  out.checkData = book.run('checkData');
  emu.tick(at('2026-04-07T09:00:00'));
  out.remindLateUnits = book.run('remindLateUnits');
  emu.tick(at('2026-04-11T09:00:00'));
  out.createReport = book.run('createReport', [{ ky: '2026-Q1' }]);
  out.sendQuarterSummary = book.run('sendQuarterSummary', [{ ky: '2026-Q1' }]);
  out.installSchedules = book.run('installSchedules');

  const year = new Workbook(dist, '2026-12-28T09:00:00');
  year.setUp(units);
  out.startNewYear = year.run('startNewYear');
  return out;
}

/** The calls Google cannot batch, per unit beyond the first (see the header). */
function perUnitFloor(job: Job): number {
  return job === 'remindLateUnits' ? 1 : 0;
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

export async function benchJobs(argv: string[]): Promise<JobFigure[]> {
  const sizes = (option(argv, 'sizes') ?? '14,50,150').split(',').map(Number);
  const given = option(argv, 'dist');
  const dist = given ? path.resolve(given) : DIST;
  if (!given) await build();
  const out = path.resolve(option(argv, 'out') ?? path.join(ROOT, 'out', 'bench', 'jobs.json'));

  const baseline = runJobs(dist, 1);
  const figures: JobFigure[] = [];
  for (const units of sizes) {
    const measured = runJobs(dist, units);
    for (const job of JOBS) {
      figures.push({
        job,
        units,
        calls: measured[job].calls,
        min_calls: baseline[job].calls + perUnitFloor(job) * (units - 1),
        modelled_s: Math.round(measured[job].ms / 100) / 10,
      });
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);

  const header = `${pad('job', 27)} ${pad('units', 5, true)} ${pad('calls', 6, true)} ${pad('min', 5, true)} ${pad('×min', 5, true)} ${pad('modelled s', 10, true)} ${pad('headroom s', 10, true)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const f of figures) {
    console.log(
      `${pad(f.job, 27)} ${pad(f.units, 5, true)} ${pad(f.calls, 6, true)} ${pad(f.min_calls, 5, true)} ${pad((f.calls / f.min_calls).toFixed(2), 5, true)} ${pad(f.modelled_s.toFixed(1), 10, true)} ${pad((LIMIT_S - f.modelled_s).toFixed(1), 10, true)}`,
    );
  }
  console.log(`\nWritten to ${path.relative(process.cwd(), out) || out}. Limit: ${LIMIT_S} s an execution.`);
  return figures;
}

if (require.main === module) {
  benchJobs(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
