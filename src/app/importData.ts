/**
 * "Nhập số liệu từ CSV…": long-format data (don_vi, ky, ma_chi_tieu, gia_tri), all or nothing. Every
 * bad row is named (the first 50, and how many more) and nothing changes; a good file is written
 * in one call, every tab at once. A file comes as text (pasted), as bytes (the dialog's file
 * picker, the command line) or from Drive; bytes are decoded in the encoding they are in.
 */
import type { DataPoint } from '../domain/dataPoints';
import { importRefusal, parseImport } from '../domain/importData';
import { parseQuarter, quarterOf } from '../domain/periods';
import { checkRequest } from '../domain/requests';
import { shortDateTime } from '../domain/dates';
import { personLabel } from '../domain/identity';
import { charsetName } from '../domain/textEncoding';
import { UNIT_TAB } from '../domain/unitTab';
import { appendArchive } from '../workspace/archiveTab';
import type { JobCursor } from '../domain/longJob';
import { dropText, keepText, keptText, readDriveFile } from '../workspace/drive';
import { bytesOfBase64, decodeFile } from '../workspace/fileText';
import { endIntent, unfinishedIntent } from '../workspace/journal';
import { translatingFailures, withScriptLockThenTell } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { readSubmissions } from '../workspace/progressTab';
import type { CellWrite } from '../workspace/sheetsApi';
import { writeCells } from '../workspace/sheetsApi';
import { archiveHistory, historyWindow, importUnits, splitByYear } from './importHistory';
import type { LongJob, Step } from './longJob';
import { forgetCursor, resumeCursor, runSteps, runWhole } from './longJob';
import { isTriggerEvent } from './reminders';
import { readUnitGrids } from './unitData';
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
    // An import cut off midway by an earlier version, which wrote one tab at a time, left its intent.
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
    // Read and checked before any step writes: a refusal changes nothing.
    const cells = unitCells(workbook, current);
    let archived: string[] = [];
    // History first: it is the largest step, and a pause after it leaves the two short ones.
    const steps: Step[] = [
      {
        name: 'lịch sử',
        run: () => {
          archived = archiveHistory(workbook, history, `${encoding}, ${result.readAs}`);
        },
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
        name: 'các trang đơn vị',
        run: () => {
          writeCells(workbook.spreadsheet, cells);
          // Left by an earlier version, which wrote one tab at a time: this import stands in its place.
          if (unfinished) endIntent(IMPORT_JOB);
        },
      },
    ];
    const written = [...new Set(current.map((p) => p.unit))];
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

function pointsByUnit(points: DataPoint[]): Map<string, DataPoint[]> {
  const byUnit = new Map<string, DataPoint[]>();
  for (const p of points) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  return byUnit;
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

const IMPORT_JOB = 'nhap_csv';

/**
 * The unit tabs' cells the points go to, every tab read in one call. Every target row is found before
 * anything is written, so a tab that lacks an indicator row (switched on after the last setup) stops
 * the import with nothing changed. They are written in one more call, which Google applies all or
 * nothing: an import is never half written.
 */
function unitCells(workbook: Workbook, points: DataPoint[]): CellWrite[] {
  const byUnit = pointsByUnit(points);
  const units = [...byUnit.keys()].map((code) => workbook.units.find((u) => u.ma === code)!);
  const grids = readUnitGrids(workbook, units);
  return units.flatMap((unit, i) => {
    const rowOf = new Map(grids[i]!.map((row, r) => [String(row[0] ?? '').trim(), r + 1]));
    const unitPoints = byUnit.get(unit.ma)!;
    const missing = unitPoints.filter(
      (p) => !rowOf.has(p.code) || rowOf.get(p.code)! < UNIT_TAB.firstDataRow,
    );
    if (missing.length > 0) {
      throw new Error(
        `Không nhập được: trang "${unit.tabName}" chưa có dòng cho ${[...new Set(missing.map((p) => p.code))].join(', ')}; hãy chạy Khởi tạo rồi nhập lại.`,
      );
    }
    return unitPoints.map((p) => ({
      tab: unit.tabName,
      row: rowOf.get(p.code)!,
      column: UNIT_TAB.firstQuarterColumn + parseQuarter(p.period)!.quarter - 1,
      value: p.value,
    }));
  });
}
