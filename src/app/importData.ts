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
import { readDriveFile } from '../workspace/drive';
import { bytesOfBase64, decodeFile } from '../workspace/fileText';
import { endIntent, unfinishedIntent } from '../workspace/journal';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { readSubmissions } from '../workspace/progressTab';
import type { CellWrite } from '../workspace/sheetsApi';
import { writeCells } from '../workspace/sheetsApi';
import { archiveHistory, historyWindow, importUnits, splitByYear } from './importHistory';
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

export function importCsv(request?: ImportRequest): ImportSummary {
  checkRequest('importCsv', request);
  const { text, encoding } = translatingFailures('Nhập số liệu từ CSV', () => requestedText(request));
  return withScriptLock('Nhập số liệu từ CSV', () => {
    const workbook = loadWorkbook();
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
      decimalMark: request?.thap_phan ?? null,
      history: historyWindow(workbook),
    });
    if (!result.ok) throw new Error(importRefusal(result));
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
    const written = writePoints(workbook, current);
    // Left by an earlier version, which wrote one tab at a time: this import stands in its place.
    if (unfinished) endIntent(IMPORT_JOB);
    const corrections = current.filter((p) =>
      submissions.some((s) => s.unit === p.unit && `${year}-Q${s.quarter}` === p.period),
    );
    appendArchive(workbook.spreadsheet, corrections, workbook.now, workbook.user, 'Nhập CSV sau khi nộp');
    const archived = archiveHistory(workbook, history, `${encoding}, ${result.readAs}`);
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
    return summary;
  });
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
 * Every target row is found before anything is written, so a tab that lacks an indicator row
 * (switched on after the last setup) stops the import with nothing changed. Every tab is read in one
 * call and every value written in one more, which Google applies all or nothing: an import is never
 * half written.
 */
function writePoints(workbook: Workbook, points: DataPoint[]): string[] {
  const byUnit = new Map<string, DataPoint[]>();
  for (const p of points) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  const units = [...byUnit.keys()].map((code) => workbook.units.find((u) => u.ma === code)!);
  const grids = readUnitGrids(workbook, units);
  const cells: CellWrite[] = units.flatMap((unit, i) => {
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
  writeCells(workbook.spreadsheet, cells);
  return units.map((u) => u.ma);
}
