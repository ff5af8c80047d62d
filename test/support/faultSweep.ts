/**
 * The fault sweep: a job is run once to record its service calls, then again from the same state
 * with a fault at each call position (each distinct call site's first, second and last pass, or an
 * even spread of them within a budget) for each fault kind, then rerun; after the fault and after
 * the rerun the invariants a person relies on are checked. Every run starts from a snapshot of the
 * state before the job.
 */
import { Emulator } from '../../scripts/emulator';
import type { FaultKind, RecordedCall } from '../../scripts/emulator/core/faults';
import { ANY_CALL, faultMessage } from '../../scripts/emulator/core/faults';
import { DIST } from './product';

/** An error Google returns, a quota error, the 6-minute stop, a hard end that runs no cleanup. */
export const SWEEP_KINDS: readonly FaultKind[] = ['unavailable', 'quota', 'timeLimit', 'hardEnd'];

/** Fault runs per job in CI; `FAULT_SWEEP=full` tries every call site with every kind. */
const BUDGET = process.env.FAULT_SWEEP === 'full' ? Infinity : Number(process.env.FAULT_SWEEP_RUNS ?? 40);

export interface SweepJob {
  name: string;
  /** The workspace just before the job. */
  before(): Emulator;
  /** Starts the job as a person or a trigger does; what it throws is the execution's error. */
  run(emu: Emulator): unknown;
  /** What a person (or the next trigger) does after a failure; default: run again. */
  rerun?(emu: Emulator): unknown;
  /** The job's finished work, compared between a clean run and a rerun after a fault. */
  outcome(emu: Emulator): unknown;
  /** Invariants of this job after a fault (`phase` 'fault') and after the rerun ('rerun'). */
  check?(emu: Emulator, phase: 'fault' | 'rerun', clean: Emulator, kind: FaultKind): string[];
  /** Officers (email → their unit's tab), for the protection invariants. */
  officers: Record<string, string>;
  /** The `nam` the workbook may hold after the job (and before it). */
  years: number[];
}

export interface SweepFailure {
  kind: FaultKind;
  k: number;
  call: string;
  site: string;
  problems: string[];
}

export interface SweepResult {
  job: string;
  calls: number;
  sites: number;
  /** Call positions tried (each site's first, second and last pass), before the budget. */
  positions: number;
  tried: number;
  failures: SweepFailure[];
}

export function restore(snapshot: string): Emulator {
  return new Emulator({ state: snapshot, distDir: DIST }).loadBundle(DIST);
}

/** The fault positions to try: every (site, kind), or within the budget an even spread of both. */
export function positions(calls: RecordedCall[], budget = BUDGET): Array<{ k: number; kind: FaultKind }> {
  // A site inside a loop (one write per tab) is tried at its first, second and last pass: a job
  // that is whole after the first write of a batch may be half-done after the second.
  const passes = new Map<string, number[]>();
  calls.forEach((call, i) => {
    const key = `${call.name} @ ${call.site}`;
    passes.set(key, [...(passes.get(key) ?? []), i + 1]);
  });
  const ks = [...new Set([...passes.values()].flatMap((at) => [at[0]!, ...at.slice(1, 2), at.at(-1)!]))].sort(
    (a, b) => a - b,
  );
  const all = ks.flatMap((k) => SWEEP_KINDS.map((kind) => ({ k, kind })));
  if (all.length <= budget) return all;
  return Array.from({ length: budget }, (_, i) => ({
    k: ks[Math.floor((i * ks.length) / budget)]!,
    kind: SWEEP_KINDS[i % SWEEP_KINDS.length]!,
  }));
}

const SETTINGS_TABS = [
  'Cấu hình',
  'Đơn vị',
  'Chỉ tiêu',
  'Mục tiêu',
  'Quy tắc kiểm tra',
  'Nhật ký',
  'Lưu trữ',
  'Tiến độ',
];

function values(emu: Emulator, tab: string): unknown[][] {
  return emu.sheets.sheetNames().includes(tab) ? emu.sheets.values(tab) : [];
}

/** The quarters the records (Tiến độ) hold as submitted, for the unit of a tab. */
export function submittedQuarters(emu: Emulator, tab: string): number[] {
  const code = tab.split(' - ')[0];
  const progress = values(emu, 'Tiến độ').find((row) => row[0] === code) ?? [];
  return [1, 2, 3, 4].filter(
    (q) => Object.prototype.toString.call(progress[2 + (q - 1) * 3]) === '[object Date]',
  );
}

function general(emu: Emulator, job: SweepJob): string[] {
  const problems: string[] = [];
  for (const [officer, tab] of Object.entries(job.officers)) {
    for (const settings of SETTINGS_TABS) {
      if (
        emu.sheets.sheetNames().includes(settings) &&
        emu.sheets.mayEdit({ as: officer, sheet: settings, a1: 'B2' })
      )
        problems.push(`${officer} may edit ${settings}`);
    }
    if (!emu.sheets.sheetNames().includes(tab)) continue;
    const row = values(emu, tab).findIndex((r) => r[0] === 'TC_HV') + 1;
    for (const q of submittedQuarters(emu, tab)) {
      if (row > 0 && emu.sheets.mayEdit({ as: officer, sheet: tab, a1: `${'DEFG'[q - 1]}${row}` }))
        problems.push(`${officer} may edit submitted Quý ${q} of ${tab}`);
    }
  }
  const nam = values(emu, 'Cấu hình').find((r) => r[0] === 'nam')?.[1];
  if (nam !== undefined && !job.years.includes(Number(nam))) problems.push(`nam is ${String(nam)}`);
  const sent = emu.mail.outbox().map((m) => `${m.to.join(',')} | ${m.subject}`);
  const twice = sent.filter((s, i) => sent.indexOf(s) !== i);
  if (twice.length > 0) problems.push(`sent twice: ${twice.join('; ')}`);
  return problems;
}

/** Where the person reads what happened: alerts, toasts, the status row of each unit tab. */
interface Seen {
  alerts: number;
  toasts: number;
}

function seenSoFar(emu: Emulator): Seen {
  return { alerts: emu.sheets.alerts().length, toasts: emu.sheets.toasts().length };
}

/** What the person was told since `before`: the execution's error, alerts, toasts, status cells. */
function told(emu: Emulator, error: unknown, before: Seen, job: SweepJob): string[] {
  const messages = [
    ...emu.sheets
      .alerts()
      .slice(before.alerts)
      .map((a) => `${a.title}: ${a.prompt}`),
    ...emu.sheets
      .toasts()
      .slice(before.toasts)
      .map((t) => `${t.title}: ${t.message}`),
    ...Object.values(job.officers).flatMap((tab) => (values(emu, tab)[3] ?? []).map(String)),
  ];
  if (error) messages.push(error instanceof Error ? error.message : String(error));
  return messages;
}

/** JavaScript's own words, which no person should read. */
const INTERNALS = /is not a function|Cannot read propert|is not defined|undefined|\[object Object\]/;

function attempt(fn: () => unknown): unknown {
  try {
    fn();
    return null;
  } catch (error) {
    return error ?? 'error';
  }
}

export function sweep(job: SweepJob): SweepResult {
  const snapshot = job.before().snapshot();
  const clean = restore(snapshot);
  clean.ctx.faults.record();
  job.run(clean);
  const calls = clean.ctx.faults.recorded();
  const expected = JSON.stringify(job.outcome(clean));
  const tries = positions(calls);
  const failures: SweepFailure[] = [];
  for (const { k, kind } of tries) {
    const emu = restore(snapshot);
    const seen = seenSoFar(emu);
    const logRows = values(emu, 'Nhật ký').length;
    const triggerErrors = emu.sheets.triggerErrors().length;
    emu.ctx.faults.inject(ANY_CALL, { nth: k, kind });
    const error = attempt(() => job.run(emu));
    emu.ctx.faults.clear();
    const call = calls[k - 1]!;
    const google = faultMessage(kind, call.name);
    const problems = [...general(emu, job), ...(job.check?.(emu, 'fault', clean, kind) ?? [])];
    const failed = error !== null || emu.sheets.triggerErrors().length > triggerErrors;
    if (kind === 'unavailable' || kind === 'quota') {
      // The product caught Google's error: the person reads Vietnamese, Nhật ký keeps Google's text.
      for (const message of told(emu, error, seen, job)) {
        if (message.includes(google)) problems.push(`told Google's text: ${message}`);
        if (INTERNALS.test(message)) problems.push(`told JavaScript's words: ${message}`);
      }
      const logged = values(emu, 'Nhật ký')
        .slice(logRows)
        .some((row) => row.some((c) => String(c).includes(google)));
      if (failed && !logged && logRows > 0) problems.push('Nhật ký does not keep the error');
    }
    const rerunError = attempt(() => (job.rerun ?? job.run)(emu));
    if (rerunError)
      problems.push(`rerun failed: ${rerunError instanceof Error ? rerunError.message : String(rerunError)}`);
    problems.push(...general(emu, job).map((p) => `after rerun: ${p}`));
    problems.push(...(job.check?.(emu, 'rerun', clean, kind) ?? []).map((p) => `after rerun: ${p}`));
    const outcome = JSON.stringify(job.outcome(emu));
    if (outcome !== expected) problems.push(`after rerun the outcome differs: ${diff(outcome, expected)}`);
    if (problems.length > 0)
      failures.push({ kind, k, call: call.name, site: call.site.split(' < ')[0] ?? '', problems });
  }
  return {
    job: job.name,
    calls: calls.length,
    sites: new Set(calls.map((c) => `${c.name} @ ${c.site}`)).size,
    positions: new Set(positions(calls, Infinity).map((t) => t.k)).size,
    tried: tries.length,
    failures,
  };
}

/** Where two JSON texts first differ, with a little context. */
function diff(got: string, expected: string): string {
  let i = 0;
  while (i < got.length && got[i] === expected[i]) i++;
  const from = Math.max(0, i - 60);
  return `…${got.slice(from, i + 60)}… ≠ …${expected.slice(from, i + 60)}…`;
}

/** A sweep result as a short text, for a failing test's message. */
export function describeFailures(result: SweepResult): string {
  return result.failures
    .slice(0, 8)
    .map((f) => `${f.kind} at call ${f.k} (${f.call}, ${f.site}):\n  ${f.problems.slice(0, 4).join('\n  ')}`)
    .join('\n');
}
