/**
 * "Nhập số liệu từ CSV…": long-format data (don_vi, ky, ma_chi_tieu, gia_tri), all or nothing. Every
 * bad row is named (the first 50, and how many more) and nothing changes; a good file is written
 * one tab at a time, one write each. A file comes as text (pasted), as bytes (the dialog's file
 * picker, the command line) or from Drive; bytes are decoded in the encoding they are in.
 */
import type { DataPoint } from '../domain/dataPoints';
import { importRefusal, parseImport } from '../domain/importData';
import { parseQuarter, quarterOf } from '../domain/periods';
import { checkRequest } from '../domain/requests';
import { asCellText } from '../domain/text';
import { shortDateTime } from '../domain/dates';
import { personLabel } from '../domain/identity';
import { charsetName } from '../domain/textEncoding';
import { UNIT_TAB } from '../domain/unitTab';
import { appendArchive } from '../workspace/archiveTab';
import type { JobCursor } from '../domain/longJob';
import { dropText, keepText, keptText, readDriveFile } from '../workspace/drive';
import { bytesOfBase64, decodeFile } from '../workspace/fileText';
import { beginIntent, endIntent, unfinishedIntent } from '../workspace/journal';
import { translatingFailures, withScriptLockThenTell } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { readSubmissions } from '../workspace/progressTab';
import { readAll } from '../workspace/tabs';
import { archiveHistory, historyWindow, importUnits, splitByYear } from './importHistory';
import type { LongJob, Step, StepContext } from './longJob';
import { forgetCursor, inUnits, resumeCursor, runSteps, runWhole } from './longJob';
import { isTriggerEvent } from './reminders';
import { loadWorkbook, unitsOf } from './workbook';
import type { Workbook } from './workbook';

export interface ImportRequest {
  /** The CSV text itself (pasted). */
  csv?: string;
  /** Or a Drive file (ID or link) holding it. */
  tep?: string;
  /** Or the file's bytes in base64, with its name for messages. */
  base64?: string;
  ten_tep?: string;
  /** The decimal mark, when the person knows it; otherwise the file settles it or values are refused. */
  thap_phan?: '.' | ',';
}

export interface ImportSummary {
  so_gia_tri: number;
  don_vi: string[];
  ky: string[];
}

/** The file's text and how it was read ("tệp UTF-8"), from exactly one of the three sources. */
export function requestedText(request: ImportRequest | undefined): { text: string; encoding: string } {
  const given = (['csv', 'tep', 'base64'] as const).filter((key) => (request?.[key] ?? '') !== '');
  if (given.length === 0) throw new Error('Chưa có nội dung CSV hoặc tệp CSV để nhập.');
  if (given.length > 1) {
    throw new Error(
      `Chỉ nhập một nguồn mỗi lần, yêu cầu lại có cả ${given.map((k) => `"${k}"`).join(' và ')}; chưa có gì thay đổi.`,
    );
  }
  if (request!.csv) return { text: request!.csv, encoding: 'nội dung dán vào' };
  const file = request!.tep
    ? readDriveFile(request!.tep)
    : { name: request!.ten_tep ?? '', bytes: bytesOfBase64(request!.base64!) };
  const decoded = decodeFile(file.name, file.bytes);
  return { text: decoded.text, encoding: `tệp ${charsetName(decoded.charset)}` };
}

/** The import as a long job: a large file's tabs may take more than one execution (longJob.ts). */
const IMPORT_LONG_JOB: LongJob = { key: 'nhap_csv', title: 'Nhập số liệu từ CSV', handler: 'importCsv' };

/** What a paused import keeps in its cursor: where its text is, and how it was read. */
interface ImportProgress {
  file: string;
  encoding: string;
  thap_phan: ImportRequest['thap_phan'] | null;
}

export function importCsv(request?: ImportRequest): ImportSummary | { tam_dung: string } | null {
  checkRequest('importCsv', request);
  const started = Date.now();
  const continuing = isTriggerEvent(request);
  // A paused import is read back from its kept file, inside the lock (its cursor says where it is).
  const given = continuing ? null : translatingFailures('Nhập số liệu từ CSV', () => requestedText(request));
  return withScriptLockThenTell<ReturnType<typeof importCsv>>('Nhập số liệu từ CSV', () => {
    const workbook = loadWorkbook();
    const cursor = workbook.isAdmin
      ? resumeCursor(IMPORT_LONG_JOB, (data) => dropText((data as ImportProgress).file))
      : null;
    const kept = cursor?.data as ImportProgress | undefined;
    if (!kept && !given) return { result: null };
    const { text, encoding } = kept ? { text: keptText(kept.file), encoding: kept.encoding } : given!;
    const decimalMark = kept ? kept.thap_phan : (request?.thap_phan ?? null);
    const submissions = readSubmissions(workbook.spreadsheet);
    const year = workbook.settings.nam;
    const result = parseImport(text, {
      ...importUnits(workbook),
      catalogue: workbook.catalogue,
      level: workbook.config.cap,
      year,
      currentQuarter: quarterOf(workbook.now.getFullYear(), workbook.now.getMonth() + 1),
      submitted: new Set(submissions.map((s) => `${s.unit}|${year}-Q${s.quarter}`)),
      isAdmin: workbook.isAdmin,
      decimalMark,
      history: historyWindow(workbook),
    });
    if (!result.ok) {
      // A kept file read differently now (the workbook changed meanwhile) is not continued.
      if (kept) dropImport(cursor, kept);
      throw new Error(importRefusal(result));
    }
    refuseOtherUnits(workbook, result.points);
    const unfinished = unfinishedIntent<string[]>(IMPORT_JOB);
    if (unfinished) {
      appendLog(workbook.spreadsheet, [
        {
          at: workbook.now,
          user: workbook.user,
          action: 'Nhập số liệu từ CSV: lần nhập trước dừng giữa chừng',
          place: unfinished.what.join(', '),
          newValue: `Lần nhập của ${personLabel(unfinished.user)} lúc ${shortDateTime(new Date(unfinished.at))} có thể mới ghi một phần các trang ${unfinished.what.join(', ')}; hãy nhập lại tệp đó nếu lần này không phải là nó.`,
        },
      ]);
    }
    const { history, current } = splitByYear(workbook, result.points);
    const byUnit = pointsByUnit(current);
    let archived: string[] = [];
    const steps: Step[] = [
      {
        name: 'các trang đơn vị',
        run: (ctx) => writePoints(workbook, byUnit, ctx),
      },
      {
        name: 'sửa sau khi nộp',
        run: () =>
          appendArchive(
            workbook.spreadsheet,
            current.filter((p) =>
              submissions.some((s) => s.unit === p.unit && `${year}-Q${s.quarter}` === p.period),
            ),
            workbook.now,
            workbook.user,
            'Nhập CSV sau khi nộp',
          ),
      },
      {
        name: 'lịch sử',
        run: () => {
          archived = archiveHistory(workbook, history, `${encoding}, ${result.readAs}`);
        },
      },
    ];
    const written = byUnit.map(([unit]) => unit);
    // An officer's import (their own unit) runs whole. The text is kept in Drive only when the
    // import pauses: most imports end in one execution.
    const run = workbook.isAdmin
      ? runSteps(IMPORT_LONG_JOB, steps, {
          cursor,
          started,
          spreadsheet: workbook.spreadsheet,
          user: workbook.user,
          data: (): ImportProgress =>
            kept ?? {
              file: keepText(`Đang nhập - ${request?.ten_tep || 'số liệu'} (tệp tạm, tự xóa)`, text),
              encoding,
              thap_phan: decimalMark,
            },
        })
      : runWhole(steps);
    // A file given while an import was paused waits: the paused one is finished first.
    const waiting =
      kept && given
        ? `Lần nhập trước chưa xong nên được làm tiếp trước; tệp vừa chọn chưa được nhập, hãy nhập lại khi xong.`
        : '';
    if (run.paused) {
      const message = [run.message, waiting].filter(Boolean).join('\n\n');
      return { result: { tam_dung: message }, message };
    }
    if (kept) dropText(kept.file);
    if (workbook.isAdmin && current.length > 0) {
      appendLog(workbook.spreadsheet, [
        {
          at: workbook.now,
          user: workbook.user,
          action: 'Nhập số liệu từ CSV',
          newValue: `${current.length} giá trị của ${written.join(', ')} (${encoding}, ${result.readAs})`,
        },
      ]);
    }
    const summary: ImportSummary = {
      so_gia_tri: result.points.length,
      don_vi: [...new Set([...written, ...archived])],
      ky: [...new Set(result.points.map((p) => p.period))].sort(),
    };
    return { result: summary, ...(waiting ? { message: waiting } : {}) };
  });
}

/** A paused import that cannot go on: its cursor, trigger and kept file go. */
function dropImport(cursor: JobCursor | null, kept: ImportProgress): void {
  forgetCursor(IMPORT_LONG_JOB, cursor);
  dropText(kept.file);
}

function pointsByUnit(points: DataPoint[]): Array<[string, DataPoint[]]> {
  const byUnit = new Map<string, DataPoint[]>();
  for (const p of points) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  return [...byUnit];
}

/** An officer imports only their own unit's figures. */
function refuseOtherUnits(workbook: Workbook, points: DataPoint[]): void {
  if (workbook.isAdmin) return;
  const own = new Set(unitsOf(workbook, workbook.user).map((u) => u.ma));
  const others = [...new Set(points.map((p) => p.unit).filter((u) => !own.has(u)))];
  if (others.length > 0) {
    throw new Error(
      `Không nhập được: bạn chỉ được nhập số liệu của đơn vị mình (${[...own].join(', ') || 'không có'}); tệp có số liệu của ${others.join(', ')}. Chưa có số liệu nào được ghi.`,
    );
  }
}

/**
 * Every target row is found before anything is written, so a tab that lacks an indicator row
 * (switched on after the last setup) stops the import with nothing changed. The tabs are read one
 * by one from `step.at` while the execution has time (longJob.ts), then those read are written;
 * returns the next tab's index when time ran out first (an import paused between two batches has
 * written the first).
 */
function writePoints(
  workbook: Workbook,
  byUnit: Array<[string, DataPoint[]]>,
  step: StepContext,
): number | void {
  const plans: Array<ReturnType<typeof planOf>> = [];
  const next = inUnits(step, byUnit.length, (i) => plans.push(planOf(workbook, byUnit[i]!)));
  writePlans(workbook, plans);
  return next;
}

/** A tab's quarter block with the points written in, and as it was. */
function planOf(workbook: Workbook, [code, unitPoints]: [string, DataPoint[]]) {
  const unit = workbook.units.find((u) => u.ma === code)!;
  const sheet = workbook.spreadsheet.getSheetByName(unit.tabName);
  if (!sheet)
    throw new Error(`Không nhập được: đơn vị ${unit.ma} chưa có trang "${unit.tabName}"; hãy chạy Khởi tạo.`);
  const grid = readAll(sheet);
  const rowOf = new Map(grid.map((row, i) => [String(row[0] ?? '').trim(), i]));
  const missing = unitPoints.filter(
    (p) => !rowOf.has(p.code) || rowOf.get(p.code)! < UNIT_TAB.firstDataRow - 1,
  );
  if (missing.length > 0) {
    throw new Error(
      `Không nhập được: trang "${unit.tabName}" chưa có dòng cho ${[...new Set(missing.map((p) => p.code))].join(', ')}; hãy chạy Khởi tạo rồi nhập lại.`,
    );
  }
  const block = grid
    .slice(UNIT_TAB.firstDataRow - 1)
    .map((row) => row.slice(UNIT_TAB.firstQuarterColumn - 1, UNIT_TAB.firstQuarterColumn + 3));
  const before = block.map((row) => [...row]);
  for (const p of unitPoints) {
    const quarter = parseQuarter(p.period)!.quarter;
    block[rowOf.get(p.code)! - (UNIT_TAB.firstDataRow - 1)]![quarter - 1] =
      typeof p.value === 'string' ? asCellText(p.value) : p.value;
  }
  return { sheet, block, before, unit: unit.ma, tab: unit.tabName };
}

function writePlans(workbook: Workbook, plans: Array<ReturnType<typeof planOf>>): void {
  if (plans.length === 0) return;
  // Google writes one tab at a time: a failure midway puts back what was written, and a run stopped
  // midway (where no code runs) is named by the intent it leaves for the next import.
  beginIntent(
    IMPORT_JOB,
    workbook.user,
    plans.map((p) => p.tab),
  );
  const done: typeof plans = [];
  try {
    for (const plan of plans) {
      blockRange(plan.sheet, plan.block.length).setValues(plan.block);
      done.push(plan);
    }
  } catch (error) {
    const left = done.filter((plan) => !restored(plan.sheet, plan.before));
    if (left.length === 0) endIntent(IMPORT_JOB);
    else {
      appendLog(workbook.spreadsheet, [
        {
          at: workbook.now,
          user: workbook.user,
          action: 'Nhập số liệu từ CSV bị lỗi; chưa khôi phục được',
          place: left.map((plan) => plan.tab).join(', '),
          newValue: 'Các trang này đã nhận số liệu của tệp: hãy nhập lại tệp, hoặc sửa tay.',
        },
      ]);
    }
    throw error;
  }
  endIntent(IMPORT_JOB);
}

const IMPORT_JOB = 'nhap_csv';

function blockRange(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: number,
): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(UNIT_TAB.firstDataRow, UNIT_TAB.firstQuarterColumn, rows, 4);
}

/** Puts a tab's quarter block back as it was; false when Google fails that too. */
function restored(sheet: GoogleAppsScript.Spreadsheet.Sheet, before: unknown[][]): boolean {
  try {
    blockRange(sheet, before.length).setValues(before);
    return true;
  } catch {
    return false;
  }
}
