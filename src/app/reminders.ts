/**
 * "Gửi nhắc nhở" and the daily reminder trigger: from `nhac_truoc_ngay` days before a quarter's
 * deadline up to the deadline itself, the officers of every active unit that has not submitted the
 * quarter get one email a day naming the unit, the quarter, the deadline and a link to their tab.
 *
 * At most once a day per unit: the units are marked as reminded today (script property, under the
 * script lock) before anything is sent, and a unit whose every message failed is unmarked after, so
 * a run killed half-way never sends a unit two reminders the same day (it may send none; the next
 * day's run reminds it). The day's mail quota is checked first: when it is too small nothing is sent.
 */
import { localDate, shortDate } from '../domain/dates';
import type { ReminderWindow } from '../domain/emails';
import {
  dayKey,
  openReminderWindows,
  quotaMessage,
  reminderEmail,
  reminderWindow,
  splitAddresses,
} from '../domain/emails';
import type { Quarter } from '../domain/periods';
import {
  compareQuarters,
  parseQuarter,
  quarterKey,
  quarterName,
  quarterOf,
  quarterStart,
} from '../domain/periods';
import { clearContinuation, scheduleContinuation } from '../workspace/continuation';
import { withScriptLockThenTell } from '../workspace/lock';
import type { LogEntry } from '../workspace/logTab';
import { appendLog } from '../workspace/logTab';
import { serviceFailureMessage } from '../domain/serviceErrors';
import { readRecord, remainingMailQuota, sendEmail, writeRecord } from '../workspace/mail';
import { readSubmissions } from '../workspace/progressTab';
import type { UnitRecord } from '../workspace/unitsTab';
import { submissionOf } from './progress';
import { checkRequest } from '../domain/requests';
import type { Workbook } from './workbook';
import { loadWorkbook, requireAdmin } from './workbook';

export interface ReminderRequest {
  /** A quarter to remind about now, inside its window or not (admins, by hand). */
  ky?: string;
}

export interface ReminderResult {
  trang_thai: 'da_gui' | 'khong_can_nhac' | 'ngoai_thoi_gian' | 'het_han_muc';
  /** The quarters looked at. */
  ky: string[];
  /** Units reminded in this run. */
  da_nhac: Array<{ don_vi: string; ky: string; email: string[] }>;
  /** Problems, as written in Nhật ký. */
  loi: string[];
  /** Units left for the run a minute later (this one stopped to free the lock). */
  tiep_tuc?: number;
}

/** Units reminded on one day, per quarter (only today's list matters: "at most once a day"). */
interface ReminderRecord {
  day: string;
  /** Marked before sending. */
  units: string[];
  /** Of those, the ones whose sending finished (sent or failed); unset in records written before. */
  sent?: string[];
}

const recordKey = (ky: string) => `nhac_nop:${ky}`;
const TITLE = 'Gửi nhắc nhở';

/** A time-driven trigger passes its event object (with `triggerUid`); a person passes nothing or a request. */
export function isTriggerEvent(request: unknown): boolean {
  return !!request && typeof request === 'object' && 'triggerUid' in request;
}

function requestedQuarter(workbook: Workbook, request: unknown): Quarter | null {
  if (isTriggerEvent(request) || !request || typeof request !== 'object' || !('ky' in request)) return null;
  const text = String((request as ReminderRequest).ky ?? '').trim();
  if (text === '') return null;
  const quarter = parseQuarter(text);
  if (!quarter) throw new Error(`Kỳ "${text}" không hợp lệ; hãy ghi theo dạng ${workbook.settings.nam}-Q1.`);
  if (quarter.year !== workbook.settings.nam) {
    throw new Error(
      `Các trang đơn vị đang chứa số liệu năm ${workbook.settings.nam}, không phải năm ${quarter.year}.`,
    );
  }
  const current = quarterOf(workbook.now.getFullYear(), workbook.now.getMonth() + 1);
  if (compareQuarters(quarter, current) > 0) throw new Error(`${quarterName(quarter)} chưa bắt đầu.`);
  return quarter;
}

/** A link to a unit's tab: the Sheet's address with the tab's gid. */
function tabUrl(workbook: Workbook, sheetUrl: string, unit: UnitRecord): string {
  const sheet = workbook.spreadsheet.getSheetByName(unit.tabName);
  return sheet ? `${sheetUrl}#gid=${sheet.getSheetId()}` : sheetUrl;
}

/** When the next reminders start, for a person who asked outside every window. */
function nextWindowText(workbook: Workbook): string {
  const current = quarterOf(workbook.now.getFullYear(), workbook.now.getMonth() + 1);
  const next = reminderWindow(current, workbook.settings);
  return `Nhắc nộp ${quarterName(current)} sẽ bắt đầu từ ngày ${shortDate(next.from)} (hạn nộp ${shortDate(next.lastDay)}).`;
}

/**
 * How long one run sends for while it holds the script lock: an officer's "Nộp" tick waits 30 s for
 * the lock (workspace/lock.ts), so a run never keeps it longer than that; what is left goes on a
 * minute later in another run (one email is about a second on the cost model: 20 units a run).
 */
const SENDING_SLICE_MS = 20_000;
const CONTINUE_AFTER_MS = 60_000;
const HANDLER = 'remindLateUnits';

interface Planned {
  window: ReminderWindow;
  unit: UnitRecord;
  addresses: string[];
}

export function remindLateUnits(request?: unknown): ReminderResult {
  checkRequest('remindLateUnits', request);
  const automatic = isTriggerEvent(request);
  return withScriptLockThenTell(TITLE, () => {
    const started = Date.now();
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'gửi nhắc nhở');
    // This run does what an earlier one left (its records say what is done): its trigger goes.
    clearContinuation(HANDLER);
    const { settings, now } = workbook;
    const asked = requestedQuarter(workbook, request);
    const windows = asked
      ? [reminderWindow(asked, settings)]
      : openReminderWindows(now, settings).filter((w) => w.quarter.year === settings.nam);
    const result: ReminderResult = {
      trang_thai: 'ngoai_thoi_gian',
      ky: windows.map((w) => quarterKey(w.quarter)),
      da_nhac: [],
      loi: [],
    };
    if (windows.length === 0) {
      return { result, message: `Hôm nay chưa phải thời gian nhắc nộp số liệu. ${nextWindowText(workbook)}` };
    }

    const today = dayKey(now);
    const submissions = readSubmissions(workbook.spreadsheet);
    const active = workbook.units.filter((u) => u.active);
    const log: LogEntry[] = [];
    const suffix = automatic ? ' (tự động)' : '';
    const records = new Map<string, ReminderRecord>();
    const planned: Planned[] = [];
    for (const window of windows) {
      const ky = quarterKey(window.quarter);
      const stored = readRecord<ReminderRecord>(recordKey(ky));
      const record: ReminderRecord =
        stored && stored.day === today ? stored : { day: today, units: [], sent: [] };
      records.set(ky, record);
      // Marked but never finished: a run cut off while sending. Not sent again today, but said.
      const cutOff = record.sent ? record.units.filter((code) => !record.sent!.includes(code)) : [];
      for (const code of cutOff) {
        const unit = workbook.units.find((u) => u.ma === code);
        const problem = `lần chạy trước dừng giữa chừng khi đang gửi nên không rõ thư nhắc đã đi chưa; hôm nay không tự gửi lại`;
        log.push({
          at: now,
          user: workbook.user,
          action: `Nhắc nộp ${quarterName(window.quarter)}: không rõ kết quả${suffix}`,
          place: unit?.tabName ?? code,
          newValue: problem,
        });
        result.loi.push(`${code}: ${problem}`);
        record.sent!.push(code);
      }
      if (cutOff.length > 0) writeRecord(recordKey(ky), record);
      // A quarter that has not started yet (a window opening before its quarter) has nothing to remind.
      if (now.getTime() < localDate(quarterStart(window.quarter)).getTime()) continue;
      for (const unit of active) {
        if (submissionOf(submissions, unit.ma, window.quarter.quarter)) continue;
        if (record.units.includes(unit.ma)) continue;
        const { valid, invalid } = splitAddresses(unit.email);
        if (invalid.length > 0 || valid.length === 0) {
          const problem =
            invalid.length > 0
              ? `Không gửi được nhắc nộp tới ${invalid.join(', ')}: địa chỉ email không hợp lệ`
              : 'Đơn vị chưa có email cán bộ (trang Đơn vị); không gửi được nhắc nộp';
          log.push({
            at: now,
            user: workbook.user,
            action: `${invalid.length > 0 ? 'Địa chỉ email không hợp lệ' : 'Thiếu email cán bộ'}${suffix}`,
            place: unit.tabName,
            newValue: problem,
          });
          result.loi.push(`${unit.ma}: ${problem}`);
        }
        if (valid.length > 0) planned.push({ window, unit, addresses: valid });
      }
    }

    const needed = planned.reduce((sum, p) => sum + p.addresses.length, 0);
    if (needed === 0) {
      result.trang_thai = 'khong_can_nhac';
      appendLog(workbook.spreadsheet, log);
      return {
        result,
        message: 'Không có đơn vị nào cần nhắc hôm nay: các đơn vị đã nộp hoặc đã được nhắc.',
      };
    }
    const remaining = remainingMailQuota();
    if (remaining < needed) {
      const message = quotaMessage(needed, remaining);
      log.push({
        at: now,
        user: workbook.user,
        action: `Gửi nhắc nộp số liệu ${windows.map((w) => quarterName(w.quarter)).join(', ')}: chưa gửi${suffix}`,
        newValue: message,
      });
      result.trang_thai = 'het_han_muc';
      result.loi.push(message);
      appendLog(workbook.spreadsheet, log);
      return { result, message: `${message}.` };
    }

    // Every message is written before any is marked, so that between the mark and the sending
    // there is nothing but the sending itself.
    const sheetUrl = workbook.spreadsheet.getUrl();
    const contact = workbook.config.quan_tri[0] ?? workbook.user;
    const emails = planned.map((p) =>
      reminderEmail({
        owner: workbook.config.ten_don_vi,
        unitName: p.unit.ten,
        window: p.window,
        now,
        tabUrl: tabUrl(workbook, sheetUrl, p.unit),
        tabName: p.unit.tabName,
        contact,
      }),
    );
    // Marked before sending: a run killed half-way never sends a second reminder the same day.
    for (const p of planned) records.get(quarterKey(p.window.quarter))!.units.push(p.unit.ma);
    for (const [ky, record] of records) writeRecord(recordKey(ky), record);

    let quotaHit = false;
    let outOfTime = false;
    const unsent: Planned[] = [];
    for (const [i, p] of planned.entries()) {
      outOfTime ||= Date.now() - started > SENDING_SLICE_MS;
      if (quotaHit || outOfTime) {
        unsent.push(p);
        continue;
      }
      const email = emails[i]!;
      const delivered: string[] = [];
      for (const to of p.addresses) {
        if (quotaHit) break;
        const outcome = sendEmail({ ...email, to, senderName: workbook.config.ten_don_vi });
        if (outcome.ok) {
          delivered.push(to);
          continue;
        }
        if (outcome.reason === 'quota') quotaHit = true;
        const action = outcome.reason === 'invalid' ? 'Địa chỉ email không hợp lệ' : 'Lỗi gửi nhắc nộp';
        log.push({
          at: now,
          user: workbook.user,
          action: `${action}${suffix}`,
          place: p.unit.tabName,
          newValue: `${to}: ${outcome.message}`,
        });
        // Google's text stays in Nhật ký (above); the person reads what it means.
        result.loi.push(
          outcome.reason === 'invalid'
            ? `${p.unit.ma}: ${to}: địa chỉ email không hợp lệ`
            : `${p.unit.ma}: ${serviceFailureMessage(`Gửi nhắc nộp tới ${to}`, outcome.message, true)}`,
        );
      }
      const ky = quarterKey(p.window.quarter);
      const record = records.get(ky)!;
      record.sent = [...(record.sent ?? []), p.unit.ma];
      writeRecord(recordKey(ky), record);
      if (delivered.length === 0) {
        unsent.push(p);
        continue;
      }
      result.da_nhac.push({ don_vi: p.unit.ma, ky, email: delivered });
      log.push({
        at: now,
        user: workbook.user,
        action: `Gửi nhắc nộp số liệu ${quarterName(p.window.quarter)}${suffix}`,
        place: p.unit.tabName,
        newValue: `Đã gửi tới ${delivered.join(', ')} (hạn nộp ${shortDate(p.window.lastDay)})`,
      });
    }
    if (unsent.length > 0) {
      for (const p of unsent) {
        const record = records.get(quarterKey(p.window.quarter))!;
        record.units = record.units.filter((code) => code !== p.unit.ma);
      }
      for (const [ky, record] of records) writeRecord(recordKey(ky), record);
    }
    const later = outOfTime && !quotaHit ? unsent.length : 0;
    if (later > 0) {
      scheduleContinuation(HANDLER, CONTINUE_AFTER_MS);
      const message = `còn ${later} đơn vị, gửi tiếp sau 1 phút (tự động)`;
      log.push({
        at: now,
        user: workbook.user,
        action: `Gửi nhắc nộp số liệu: tạm dừng${suffix}`,
        newValue: message,
      });
      result.tiep_tuc = later;
    }
    if (quotaHit) {
      const message = `${quotaMessage(
        unsent.reduce((s, p) => s + p.addresses.length, 0),
        0,
      )} (${unsent.length} đơn vị chưa được nhắc)`;
      log.push({
        at: now,
        user: workbook.user,
        action: `Gửi nhắc nộp số liệu: dừng${suffix}`,
        newValue: message,
      });
      result.loi.push(message);
    }
    result.trang_thai = result.da_nhac.length > 0 ? 'da_gui' : quotaHit ? 'het_han_muc' : 'khong_can_nhac';
    appendLog(workbook.spreadsheet, log);
    const sent = result.da_nhac.map((r) => `• ${r.don_vi} (${r.email.join(', ')})`).join('\n');
    const problems =
      result.loi.length > 0 ? `\n\nChưa gửi được:\n${result.loi.map((l) => `• ${l}`).join('\n')}` : '';
    const rest =
      later > 0 ? `\n\nCòn ${later} đơn vị chưa nhắc: thư sẽ được gửi tiếp sau 1 phút, tự động.` : '';
    return {
      result,
      message: `Đã gửi nhắc nộp tới ${result.da_nhac.length} đơn vị.\n${sent}${rest}${problems}`,
    };
  });
}
