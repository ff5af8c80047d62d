/**
 * The installable edit trigger: it runs with the authority of the admin who installed it, so it
 * can record submissions and keep the audit log in tabs officers cannot edit.
 */
import { quarterKey, quarterName } from '../domain/periods';
import { errorText } from '../domain/serviceErrors';
import { UNIT_TAB } from '../domain/unitTab';
import { appendArchive } from '../workspace/archiveTab';
import { withScriptLock } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { readSubmissions } from '../workspace/progressTab';
import { AUDITED_TABS } from '../workspace/tabs';
import { isQuarterLocked } from '../workspace/unitTabs';
import type { UnitRecord } from '../workspace/unitsTab';
import { toast } from '../workspace/ui';
import { submissionOf } from './progress';
import { reopen, submit } from './submission';
import { loadWorkbook } from './workbook';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/**
 * The editor's email, or '' when Google does not reveal it: the installable trigger runs as the admin
 * who installed it, and Google hides from it anyone outside that admin's Workspace domain and every
 * gmail.com account (Session reference; tanaikech.github.io, 2022-01-04). The records then say
 * "Không rõ" (domain/identity.ts).
 */
function editor(e: EditEvent): string {
  const email = e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '';
  return email.trim().toLowerCase();
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
  // The quarters (1..4) the edited columns cover, if any.
  const firstColumn = range.getColumn();
  const firstQuarter = Math.max(1, firstColumn - UNIT_TAB.firstQuarterColumn + 1);
  const lastQuarter = Math.min(4, firstColumn + range.getNumColumns() - UNIT_TAB.firstQuarterColumn);
  if (firstQuarter > lastQuarter) return;
  const onControl =
    range.getRow() === UNIT_TAB.submitRow && range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (!onControl && range.getLastRow() < UNIT_TAB.firstDataRow) return;
  // Officers type figures all day: an edit of unsubmitted quarters needs nothing, so it costs one
  // read of their submit boxes rather than loading the workbook.
  const boxes = sheet
    .getRange(
      UNIT_TAB.submitRow,
      UNIT_TAB.firstQuarterColumn + firstQuarter - 1,
      1,
      lastQuarter - firstQuarter + 1,
    )
    .getValues()[0]!;
  if (!onControl && !boxes.includes(true)) return;
  // The unit, once known: a failure after the records changed must not put the box back.
  let unitCode: string | null = null;
  try {
    withScriptLock('Nộp số liệu', () => {
      const workbook = loadWorkbook();
      const unit = workbook.units.find((u) => u.tabName === name);
      if (!unit) return;
      unitCode = unit.ma;
      const submissions = readSubmissions(workbook.spreadsheet);
      if (onControl) {
        // Another admin's copy of this trigger may have handled the same edit already: then the
        // box already says what the records say, and there is nothing left to do.
        const period = quarterKey({ year: workbook.settings.nam, quarter: firstQuarter });
        const ticked = e.value === 'TRUE';
        if (ticked !== !!submissionOf(submissions, unit.ma, firstQuarter)) {
          onSubmitControl(workbook, unit, firstQuarter, period, ticked, user, range);
        }
        return;
      }
      const submitted = [];
      for (let q = firstQuarter; q <= lastQuarter; q++)
        if (submissionOf(submissions, unit.ma, q)) submitted.push(q);
      if (submitted.length > 0) logCorrections(workbook, unit.ma, name, submitted, e, user);
    });
  } catch (error) {
    if (!onControl) throw error;
    refusedControl(range, unitCode, firstQuarter, e.value === 'TRUE', error);
  }
}

/**
 * A tick or untick that failed (refused, or Google failed): the box goes back to what the records
 * say and the status cell says why, in the words the lock's boundary gave (never Google's English).
 */
function refusedControl(
  range: GoogleAppsScript.Spreadsheet.Range,
  unitCode: string | null,
  quarter: number,
  ticked: boolean,
  error: unknown,
): void {
  let recorded = !ticked;
  try {
    recorded =
      unitCode !== null && !!submissionOf(readSubmissions(range.getSheet().getParent()), unitCode, quarter);
  } catch {
    // Records Google will not read now: the box goes back to what it was before the click.
  }
  range.setValue(recorded);
  if (recorded === ticked) return;
  const status = range.offset(UNIT_TAB.statusRow - UNIT_TAB.submitRow, 0);
  status.setValue(`${ticked ? 'Chưa nộp được' : 'Chưa mở lại được'}: ${errorText(error)}`);
  toast(errorText(error), 'Không thực hiện được');
}

/**
 * Ticking the control submits; unticking reopens (admins only). A refusal throws (see refusedControl).
 *
 * Neither needs the editor's name. Google applies the tab's protections before an edit lands (a
 * protected cell refuses the edit and no trigger runs), so who could make the edit is known: before
 * submission only the unit's officers and the admins may tick its box (protectUnitTab); a submitted
 * quarter's column is locked for the admins only (lockQuarter). So a tick from an editor Google does
 * not name is still a submission of that unit, recorded as "Không rõ", and an untick past the lock is
 * an admin's.
 */
function onSubmitControl(
  workbook: ReturnType<typeof loadWorkbook>,
  unit: UnitRecord,
  quarter: number,
  period: string,
  ticked: boolean,
  user: string,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  if (ticked) {
    const result = submit(workbook, unit.ma, period, user);
    const warnings = result.canh_bao.length > 0 ? ` Cảnh báo: ${result.canh_bao.join('; ')}` : '';
    toast(`Đã nộp số liệu.${warnings}`, 'Nộp số liệu');
  } else {
    const pastTheLock =
      user === '' && isQuarterLocked(range.getSheet(), unit, quarter, workbook.settings.nam);
    reopen({ ...workbook, isAdmin: workbook.isAdmin || pastTheLock }, unit.ma, period);
    toast('Đã mở lại để sửa.', 'Mở lại số liệu');
  }
}

/** An admin changed submitted values: log it, and keep Lưu trữ current with the corrected values. */
function logCorrections(
  workbook: ReturnType<typeof loadWorkbook>,
  unitCode: string,
  tabName: string,
  quarters: number[],
  e: EditEvent,
  user: string,
): void {
  const range = e.range;
  const codes = range.getSheet().getRange(range.getRow(), 1, range.getNumRows(), 1).getValues();
  const values = range.getValues();
  const year = workbook.settings.nam;
  const points = quarters.flatMap((quarter) => {
    const column = UNIT_TAB.firstQuarterColumn + quarter - 1 - range.getColumn();
    return codes
      .map((row, i) => ({ code: String(row[0] ?? '').trim(), value: values[i]![column] }))
      .filter((p) => /^[A-Z][A-Z0-9_]*$/.test(p.code) && p.value !== '' && p.value !== undefined)
      .map((p) => ({
        unit: unitCode,
        period: quarterKey({ year, quarter }),
        code: p.code,
        value: p.value as number | string,
      }));
  });
  const single = range.getNumRows() * range.getNumColumns() === 1;
  appendLog(workbook.spreadsheet, [
    {
      at: workbook.now,
      user,
      action: `Sửa số liệu đã nộp ${quarters.map((quarter) => quarterName({ year, quarter })).join(', ')}`,
      place: tabName,
      cell: range.getA1Notation(),
      oldValue: single ? e.oldValue : undefined,
      newValue: single ? e.value : '(nhiều ô)',
    },
  ]);
  appendArchive(workbook.spreadsheet, points, workbook.now, user, 'Sửa sau khi nộp');
}

/**
 * The simple edit trigger runs at once, as the person editing, with limited rights: enough to say
 * that a ticked "Nộp" box is being processed while the installable trigger does the work.
 */
export function acknowledgeEdit(e: EditEvent): void {
  try {
    const range = e.range;
    const column = range.getColumn() - UNIT_TAB.firstQuarterColumn + 1;
    const onControl =
      range.getRow() === UNIT_TAB.submitRow && column >= 1 && column <= 4 && range.getNumRows() === 1;
    if (onControl && e.value === 'TRUE') toast('Đang kiểm tra và nộp số liệu…', 'Nộp số liệu');
  } catch {
    // A courtesy only: the installable trigger does the work and reports its outcome.
  }
}
