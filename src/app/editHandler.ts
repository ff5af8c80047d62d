/**
 * The installable edit trigger: it runs with the authority of the admin who installed it, so it
 * can record submissions and keep the audit log in tabs officers cannot edit.
 */
import { quarterKey, quarterName } from '../domain/periods';
import { UNIT_TAB } from '../domain/unitTab';
import { appendArchive } from '../workspace/archiveTab';
import { withScriptLock } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { readSubmissions } from '../workspace/progressTab';
import { AUDITED_TABS } from '../workspace/tabs';
import { toast } from '../workspace/ui';
import { submissionOf } from './progress';
import { reopen, submit } from './submission';
import { loadWorkbook } from './workbook';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

function editor(e: EditEvent): string {
  const email = e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '';
  return email.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}

export function handleEdit(e: EditEvent): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const user = editor(e);
  if (AUDITED_TABS.includes(name)) {
    withScriptLock('Ghi nhật ký', () => {
      appendLog(sheet.getParent(), [
        {
          at: new Date(),
          user,
          action: `Sửa trang ${name}`,
          place: name,
          cell: range.getA1Notation(),
          oldValue: e.oldValue,
          newValue: range.getNumRows() * range.getNumColumns() === 1 ? e.value : '(nhiều ô)',
        },
      ]);
    });
    return;
  }
  const column = range.getColumn();
  const quarter = column - UNIT_TAB.firstQuarterColumn + 1;
  if (quarter < 1 || quarter > 4 || range.getNumColumns() !== 1) return;
  const onControl = range.getRow() === UNIT_TAB.submitRow;
  // Officers type figures all day: an edit of an unsubmitted quarter needs nothing, so it costs one
  // read of its submit box rather than loading the workbook.
  if (!onControl && sheet.getRange(UNIT_TAB.submitRow, column).getValue() !== true) return;
  withScriptLock('Nộp số liệu', () => {
    const workbook = loadWorkbook();
    const unit = workbook.units.find((u) => u.tabName === name);
    if (!unit) return;
    const period = quarterKey({ year: workbook.settings.nam, quarter });
    if (range.getRow() === UNIT_TAB.submitRow && range.getNumRows() === 1) {
      // Another admin's copy of this trigger may have handled the same edit already: then the
      // box already says what the records say, and there is nothing left to do.
      const ticked = e.value === 'TRUE';
      const submitted = !!submissionOf(readSubmissions(workbook.spreadsheet), unit.ma, quarter);
      if (ticked !== submitted) onSubmitControl(workbook, unit.ma, period, ticked, user, range);
      return;
    }
    if (
      range.getRow() >= UNIT_TAB.firstDataRow &&
      submissionOf(readSubmissions(workbook.spreadsheet), unit.ma, quarter)
    ) {
      logCorrection(workbook, unit.ma, name, period, e, user);
    }
  });
}

/** Ticking the control submits; unticking reopens (admins only). A refusal puts the box back. */
function onSubmitControl(
  workbook: ReturnType<typeof loadWorkbook>,
  unitCode: string,
  period: string,
  ticked: boolean,
  user: string,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  try {
    if (ticked) {
      const result = submit(workbook, unitCode, period, user);
      const warnings = result.canh_bao.length > 0 ? ` Cảnh báo: ${result.canh_bao.join('; ')}` : '';
      toast(`Đã nộp số liệu.${warnings}`, 'Nộp số liệu');
    } else {
      reopen(workbook, unitCode, period);
      toast('Đã mở lại để sửa.', 'Mở lại số liệu');
    }
  } catch (error) {
    range.setValue(!ticked);
    const status = range.offset(UNIT_TAB.statusRow - UNIT_TAB.submitRow, 0);
    status.setValue(`Chưa nộp được: ${messageOf(error)}`);
    toast(messageOf(error), 'Không thực hiện được');
  }
}

/** An admin changed a submitted value: log it, and keep Lưu trữ current with the corrected value. */
function logCorrection(
  workbook: ReturnType<typeof loadWorkbook>,
  unitCode: string,
  tabName: string,
  period: string,
  e: EditEvent,
  user: string,
): void {
  const sheet = e.range.getSheet();
  const rows = sheet.getRange(e.range.getRow(), 1, e.range.getNumRows(), 1).getValues();
  const newValues = e.range.getValues();
  const points = rows
    .map((row, i) => ({ code: String(row[0] ?? '').trim(), value: newValues[i]![0] }))
    .filter((p) => p.code !== '' && p.value !== '')
    .map((p) => ({ unit: unitCode, period, code: p.code, value: p.value as number | string }));
  const quarter = Number(period.slice(-1));
  appendLog(workbook.spreadsheet, [
    {
      at: workbook.now,
      user,
      action: `Sửa số liệu đã nộp ${quarterName({ year: workbook.settings.nam, quarter })}`,
      place: tabName,
      cell: e.range.getA1Notation(),
      oldValue: e.oldValue,
      newValue: e.range.getNumRows() === 1 ? e.value : '(nhiều ô)',
    },
  ]);
  appendArchive(workbook.spreadsheet, points, workbook.now, user, 'Sửa sau khi nộp');
}

/**
 * The simple edit trigger runs at once, as the person editing, with limited rights: enough to say
 * that a ticked "Nộp" box is being processed while the installable trigger does the work.
 */
export function acknowledgeEdit(e: EditEvent): void {
  const range = e.range;
  const column = range.getColumn() - UNIT_TAB.firstQuarterColumn + 1;
  const onControl =
    range.getRow() === UNIT_TAB.submitRow && column >= 1 && column <= 4 && range.getNumRows() === 1;
  if (onControl && e.value === 'TRUE') toast('Đang kiểm tra và nộp số liệu…', 'Nộp số liệu');
}
