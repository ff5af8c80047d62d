/**
 * Submitting a unit's quarter: check it, record who and when in Tiến độ, copy it into Lưu trữ and
 * lock it for the officer. An admin can reopen it; both are logged in Nhật ký.
 */
import { shortDateTime } from '../domain/dates';
import { personLabel } from '../domain/identity';
import type { Quarter } from '../domain/periods';
import { compareQuarters, parseQuarter, quarterName, quarterOf } from '../domain/periods';
import { UNIT_TAB } from '../domain/unitTab';
import { appendArchive } from '../workspace/archiveTab';
import { appendLog } from '../workspace/logTab';
import type { Submission } from '../workspace/progressTab';
import { readSubmissions } from '../workspace/progressTab';
import { isQuarterLocked, lockQuarter, unlockQuarter } from '../workspace/unitTabs';
import type { UnitRecord } from '../workspace/unitsTab';
import { checkUnitQuarter } from './checks';
import { quarterStatuses, refreshProgress, submissionOf } from './progress';
import { quarterPoints, readUnit } from './unitData';
import type { Workbook } from './workbook';
import { findUnit, requireAdmin } from './workbook';

/** What the status cell says while a submission is being written. */
const SUBMITTING = 'Đang nộp… (nếu dòng này còn sau vài phút, hãy báo quản trị viên nộp lại)';

export interface SubmitResult {
  don_vi: string;
  ky: string;
  trang_thai: 'da_nop';
  canh_bao: string[];
}

/** The unit and quarter a request names, checked against the workbook's year and the clock. */
export function resolveRequest(
  workbook: Workbook,
  unitCode: string,
  period: string,
): { unit: UnitRecord; quarter: Quarter } {
  const unit = findUnit(workbook, unitCode);
  if (!unit || !unit.active) throw new Error(`Không có đơn vị đang hoạt động với mã "${unitCode}".`);
  const quarter = parseQuarter(period);
  if (!quarter)
    throw new Error(`Kỳ "${period}" không hợp lệ; hãy ghi theo dạng ${workbook.settings.nam}-Q1.`);
  if (quarter.year !== workbook.settings.nam) {
    throw new Error(
      `Các trang đơn vị đang chứa số liệu năm ${workbook.settings.nam}, không phải năm ${quarter.year}.`,
    );
  }
  const current = quarterOf(workbook.now.getFullYear(), workbook.now.getMonth() + 1);
  if (compareQuarters(quarter, current) > 0) throw new Error(`${quarterName(quarter)} chưa bắt đầu.`);
  return { unit, quarter };
}

function statusCell(workbook: Workbook, unit: UnitRecord, quarter: number) {
  const sheet = workbook.spreadsheet.getSheetByName(unit.tabName)!;
  return {
    sheet,
    status: sheet.getRange(UNIT_TAB.statusRow, UNIT_TAB.firstQuarterColumn, 1, 4),
    control: sheet.getRange(UNIT_TAB.submitRow, UNIT_TAB.firstQuarterColumn + quarter - 1),
  };
}

export function submit(
  workbook: Workbook,
  unitCode: string,
  period: string,
  submitter: string,
): SubmitResult {
  const { unit, quarter } = resolveRequest(workbook, unitCode, period);
  const name = quarterName(quarter);
  const submissions = readSubmissions(workbook.spreadsheet);
  if (submissionOf(submissions, unit.ma, quarter.quarter)) {
    throw new Error(`${unit.ten} đã nộp số liệu ${name}; muốn sửa, hãy đề nghị quản trị viên mở lại.`);
  }
  const tab = readUnit(workbook, unit);
  const results = checkUnitQuarter(workbook, unit, tab, quarter.quarter);
  const errors = results.filter((r) => r.importance === 'error');
  if (errors.length > 0) {
    throw new Error(
      `Chưa nộp được số liệu ${name} của ${unit.ten}: ${errors.map((e) => e.message).join('; ')}. Hãy sửa rồi nộp lại.`,
    );
  }
  const at = workbook.now;
  const recorded: Submission[] = [
    ...submissions,
    { unit: unit.ma, quarter: quarter.quarter, at, by: submitter },
  ];
  const cells = statusCell(workbook, unit, quarter.quarter);
  // The quarter is closed to the officer before it is recorded as submitted, so a run cut off in
  // between leaves it locked and unrecorded (a rerun by an admin finishes it), never recorded and
  // open; the status cell says a submission is under way until the records are written.
  cells.sheet
    .getRange(UNIT_TAB.statusRow, UNIT_TAB.firstQuarterColumn + quarter.quarter - 1)
    .setValue(SUBMITTING);
  const year = workbook.settings.nam;
  // A lock left by a run cut off midway may not restrict anyone yet: it is made anew.
  unlockQuarter(cells.sheet, unit, quarter.quarter, year);
  lockQuarter(cells.sheet, unit, workbook.config.quan_tri, cells.sheet.getLastRow(), quarter.quarter, year);
  try {
    appendArchive(
      workbook.spreadsheet,
      quarterPoints(workbook, unit, tab, quarter.quarter),
      at,
      submitter,
      'Nộp số liệu',
    );
    refreshProgress(workbook, recorded);
  } catch (error) {
    // Not recorded: the officer gets the quarter back (best effort: a failing unlock leaves it
    // locked, which an admin's rerun resolves).
    try {
      if (!submissionOf(readSubmissions(workbook.spreadsheet), unit.ma, quarter.quarter)) {
        unlockQuarter(cells.sheet, unit, quarter.quarter, year);
        cells.status.setValues([quarterStatuses(workbook, unit, submissions)]);
      }
    } catch {
      // The error the person sees is the first one.
    }
    throw error;
  }
  cells.control.setValue(true);
  cells.status.setValues([quarterStatuses(workbook, unit, recorded)]);
  const warnings = results.filter((r) => r.importance === 'warning').map((r) => r.message);
  appendLog(workbook.spreadsheet, [
    {
      at,
      user: submitter,
      action: `Nộp số liệu ${name}`,
      place: unit.tabName,
      newValue: warnings.length > 0 ? `Cảnh báo: ${warnings.join('; ')}` : `Đã nộp ${shortDateTime(at)}`,
    },
  ]);
  return { don_vi: unit.ma, ky: period, trang_thai: 'da_nop', canh_bao: warnings };
}

export function reopen(
  workbook: Workbook,
  unitCode: string,
  period: string,
): { don_vi: string; ky: string; trang_thai: 'mo_lai' } {
  requireAdmin(workbook, 'mở lại số liệu đã nộp');
  const { unit, quarter } = resolveRequest(workbook, unitCode, period);
  const submissions = readSubmissions(workbook.spreadsheet);
  const previous = submissionOf(submissions, unit.ma, quarter.quarter);
  const cells = statusCell(workbook, unit, quarter.quarter);
  const year = workbook.settings.nam;
  // A reopening cut off after the records changed left the lock on: this run finishes it.
  const unfinished = !previous && isQuarterLocked(cells.sheet, unit, quarter.quarter, year);
  if (!previous && !unfinished) {
    throw new Error(
      `${unit.ten} chưa nộp số liệu ${quarterName(quarter)} (hoặc đã được mở lại): cán bộ đơn vị đang sửa được, không cần mở lại.`,
    );
  }
  // Logged first: a run cut off later is finished by the next one (above), and Nhật ký already
  // says it was asked for.
  appendLog(workbook.spreadsheet, [
    {
      at: workbook.now,
      user: workbook.user,
      action: `Mở lại số liệu ${quarterName(quarter)}`,
      place: unit.tabName,
      oldValue: previous
        ? `Đã nộp ${shortDateTime(previous.at)} bởi ${personLabel(previous.by)}`
        : 'Hoàn tất lần mở lại trước bị dừng giữa chừng',
    },
  ]);
  const remaining = submissions.filter((s) => s !== previous);
  if (previous) refreshProgress(workbook, remaining);
  cells.control.setValue(false);
  cells.status.setValues([quarterStatuses(workbook, unit, remaining)]);
  unlockQuarter(cells.sheet, unit, quarter.quarter, year);
  return { don_vi: unit.ma, ky: period, trang_thai: 'mo_lai' };
}
