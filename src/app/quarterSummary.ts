/**
 * The quarterly summary (docs/architecture.md §6): the first run after a quarter's deadline creates
 * the quarter's report and emails it to the district list (`email_nhan`): the PDF attached, an HTML
 * body with the key figures, completeness, late units and links, and a plain-text alternative.
 *
 * Exactly once per quarter and recipient. The whole job runs under the script lock, so overlapping
 * runs (two admins' triggers, a manual rerun) are serialised, and the second finds the first's
 * record. The record (a script property per quarter) keeps the report made for the quarter (made
 * once, reused by retries) and each recipient's status, written `sending` before MailApp is called
 * and `sent` after (see `RecipientStatus`): a crash in between is reported, never resent blindly.
 * A failed send is retried by the next run; when the day's quota cannot cover every recipient still
 * to send, nothing is sent and Nhật ký says so; the next run tries again.
 */
import { shortName } from '../domain/catalogue';
import { shortDate } from '../domain/dates';
import type {
  Completeness,
  KeyFigure,
  RecipientStatus,
  SummaryRecord,
  SummaryReport,
} from '../domain/emails';
import {
  emptyRecord,
  isSettled,
  latestDueQuarter,
  planSummary,
  quotaMessage,
  reminderWindow,
  splitAddresses,
  summaryEmail,
} from '../domain/emails';
import type { Quarter } from '../domain/periods';
import { parseQuarter, previousQuarter, quarterKey, quarterName } from '../domain/periods';
import { periodSpec } from '../domain/periodSpec';
import { readArchive } from '../workspace/archiveTab';
import { withScriptLockThenTell } from '../workspace/lock';
import type { LogEntry } from '../workspace/logTab';
import { appendLog } from '../workspace/logTab';
import { personMessage } from '../domain/serviceErrors';
import { fileAttachment, readRecord, remainingMailQuota, sendEmail, writeRecord } from '../workspace/mail';
import { readSubmissions } from '../workspace/progressTab';
import { readScheduleRecord } from '../workspace/triggers';
import { deadlineOf, submissionOf } from './progress';
import { isTriggerEvent } from './reminders';
import { computeRollUp } from './rollUp';
import { figureWithUnit } from '../domain/report/content';
import { checkRequest } from '../domain/requests';
import type { Workbook } from './workbook';
import { loadWorkbook, requireAdmin } from './workbook';

export interface SummaryRequest {
  /** A quarter whose deadline has passed (default: the latest one). */
  ky?: string;
  /**
   * Resend to every current recipient who has no `sent` mark, even for a closed quarter (after an
   * interrupted run was checked by hand, or an address was corrected).
   */
  gui_lai?: boolean;
}

export interface SummaryResult {
  ky: string;
  /** khong_thuoc_lich: the schedule does not send this quarter (see scheduleCovers). */
  trang_thai:
    'da_gui' | 'da_gui_truoc_do' | 'het_han_muc' | 'con_loi' | 'loi_tao_bao_cao' | 'khong_thuoc_lich';
  bao_cao: SummaryReport | null;
  /** Addresses sent to in this run. */
  da_gui: string[];
  /** Problems, as written in Nhật ký. */
  loi: string[];
}

/** Makes the quarter's report without taking the lock (the caller holds it) and without the admin check. */
export type ReportMaker = (workbook: Workbook, request: { ky: string; loai: string }) => SummaryReport;

/** The figures of the email's table, when the workbook follows them. */
export const KEY_FIGURES = [
  'TC_HV',
  'TC_HV_MOI',
  'TC_HV_TL',
  'TC_HV_NC_TL',
  'TC_HV_HP_TL',
  'KT_HN_GIUP',
  'UT_DUNO',
  'AS_BHYT_MOI',
];

const TITLE = 'Gửi báo cáo quý';
const recordKey = (ky: string) => `bao_cao_quy:${ky}`;

function messageOf(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}

function requested(workbook: Workbook, request: unknown): { quarter: Quarter | null; resend: boolean } {
  if (isTriggerEvent(request) || !request || typeof request !== 'object')
    return { quarter: null, resend: false };
  const { ky, gui_lai } = request as SummaryRequest;
  const resend = gui_lai === true;
  const text = typeof ky === 'string' ? ky.trim() : '';
  if (text === '') return { quarter: null, resend };
  const quarter = parseQuarter(text);
  if (!quarter) throw new Error(`Kỳ "${text}" không hợp lệ; hãy ghi theo dạng ${workbook.settings.nam}-Q1.`);
  if (deadlineOf(workbook, quarter).getTime() > workbook.now.getTime()) {
    const lastDay = reminderWindow(quarter, workbook.settings).lastDay;
    throw new Error(
      `${quarterName(quarter)} chưa hết hạn nộp số liệu (hạn nộp hết ngày ${shortDate(lastDay)}); báo cáo quý được gửi sau hạn nộp.`,
    );
  }
  return { quarter, resend };
}

/** The key figures of the quarter, for the district as a whole. */
function keyFigures(workbook: Workbook, ky: string): KeyFigure[] {
  const aggregation = computeRollUp(workbook, periodSpec(ky));
  const figures: KeyFigure[] = [];
  for (const code of KEY_FIGURES) {
    const result = aggregation.byCode[code];
    const total = result?.total;
    if (!result || !total || total.value === null) continue;
    figures.push({
      name: shortName(result.indicator),
      value: figureWithUnit(result, total.value),
      coverage: `${total.coverage.reported}/${total.coverage.expected} đơn vị`,
    });
  }
  return figures;
}

/** Who submitted the quarter, late or not at all (from Tiến độ, which holds the current year only). */
function completeness(workbook: Workbook, quarter: Quarter): Completeness | null {
  if (quarter.year !== workbook.settings.nam) return null;
  const submissions = readSubmissions(workbook.spreadsheet);
  const deadline = deadlineOf(workbook, quarter);
  const active = workbook.units.filter((u) => u.active);
  const late: Completeness['late'] = [];
  const missing: string[] = [];
  let submitted = 0;
  for (const unit of active) {
    const submission = submissionOf(submissions, unit.ma, quarter.quarter);
    if (!submission) {
      missing.push(unit.ten);
      continue;
    }
    submitted += 1;
    if (submission.at.getTime() >= deadline.getTime()) late.push({ name: unit.ten, at: submission.at });
  }
  return { submitted, expected: active.length, late, missing };
}

/** A quarter whose deadline passed at most this many days before the schedule was installed is still mailed. */
const GRACE_DAYS = 7;

/**
 * Whether the schedule should act on a quarter nobody asked for: its deadline passed after the
 * schedule was installed, or at most GRACE_DAYS before (installing in July does not mail the first
 * quarter's report; installing two days after a deadline does mail that quarter's), and the
 * workbook holds its data (the current year, or a past year's quarter found in Lưu trữ: a new
 * workbook set up in January does not mail last year's empty fourth quarter).
 */
function scheduleCovers(workbook: Workbook, quarter: Quarter): boolean {
  const since = readScheduleRecord()?.since;
  const graceMs = GRACE_DAYS * 24 * 3600_000;
  if (since && deadlineOf(workbook, quarter).getTime() + graceMs <= new Date(since).getTime()) return false;
  if (quarter.year === workbook.settings.nam) return true;
  return readArchive(workbook.spreadsheet, new Set([quarterKey(quarter)])).length > 0;
}

/**
 * The quarters this run deals with: the one asked for, or the latest whose deadline has passed,
 * preceded by the one before it if that one is still open (its retries were not finished).
 */
function quartersToHandle(workbook: Workbook, asked: Quarter | null, automatic: boolean): Quarter[] {
  if (asked) return [asked];
  const latest = latestDueQuarter(workbook.now, workbook.settings.han_nop_ngay);
  const before = previousQuarter(latest);
  const open = readRecord<SummaryRecord>(recordKey(quarterKey(before)));
  const quarters = open && !open.done ? [before] : [];
  const started = readRecord<SummaryRecord>(recordKey(quarterKey(latest))) !== null;
  if (!automatic || started || scheduleCovers(workbook, latest)) quarters.push(latest);
  return quarters;
}

interface RunContext {
  workbook: Workbook;
  makeReport: ReportMaker;
  resend: boolean;
  automatic: boolean;
  log: LogEntry[];
}

function handleQuarter(ctx: RunContext, quarter: Quarter): SummaryResult {
  const { workbook, log } = ctx;
  const ky = quarterKey(quarter);
  const name = quarterName(quarter);
  const now = workbook.now;
  const suffix = ctx.automatic ? ' (tự động)' : '';
  const entry = (action: string, newValue: string, place?: string): void => {
    log.push({ at: now, user: workbook.user, action: `${action}${suffix}`, place, newValue });
  };
  const key = recordKey(ky);
  const record = readRecord<SummaryRecord>(key) ?? emptyRecord(ky);
  const result: SummaryResult = { ky, trang_thai: 'da_gui', bao_cao: record.report, da_gui: [], loi: [] };
  const wasDone = Boolean(record.done);
  if (wasDone && !ctx.resend) {
    result.trang_thai = 'da_gui_truoc_do';
    return result;
  }
  const mark = (address: string, status: RecipientStatus, error?: string): void => {
    record.recipients[address] = { status, at: now.toISOString(), ...(error ? { error } : {}) };
    writeRecord(key, record);
  };

  const { valid, invalid } = splitAddresses(workbook.config.email_nhan);
  for (const address of invalid) {
    const problem = `${address}: địa chỉ email không hợp lệ; không gửi báo cáo ${name} tới địa chỉ này`;
    entry('Địa chỉ email không hợp lệ', problem, 'Cấu hình › email_nhan');
    result.loi.push(problem);
  }
  const plan = planSummary(record, valid, ctx.resend);
  for (const address of plan.interrupted) {
    const problem = ctx.resend
      ? `${address}: lần chạy trước dừng giữa chừng khi đang gửi; gửi lại theo yêu cầu`
      : `${address}: lần chạy trước dừng giữa chừng khi đang gửi nên không rõ thư đã đi chưa; không tự gửi lại. Hãy kiểm tra hộp thư đã gửi; muốn gửi lại, chạy sendQuarterSummary với {"ky": "${ky}", "gui_lai": true}`;
    entry(`Gửi báo cáo ${name}: không rõ kết quả`, problem);
    result.loi.push(problem);
    if (!ctx.resend) mark(address, 'unknown', 'lần chạy trước dừng giữa chừng');
  }

  if (plan.pending.length > 0) {
    const remaining = remainingMailQuota();
    if (remaining < plan.pending.length) {
      const message = quotaMessage(plan.pending.length, remaining);
      entry(`Gửi báo cáo ${name}: chưa gửi`, message);
      result.loi.push(message);
      result.trang_thai = 'het_han_muc';
      return result;
    }
  }

  if (!record.report) {
    try {
      record.report = ctx.makeReport(workbook, { ky, loai: 'quy' });
    } catch (error) {
      const message = `Không tạo được báo cáo ${name}: ${messageOf(error)}; sẽ thử lại lần chạy sau`;
      entry(`Gửi báo cáo ${name}: lỗi`, message);
      result.loi.push(`${personMessage(`Tạo báo cáo ${name}`, error, true)} Lần chạy sau sẽ thử lại.`);
      result.trang_thai = 'loi_tao_bao_cao';
      return result;
    }
    // Kept at once: a retry reuses this report instead of making another one.
    writeRecord(key, record);
    result.bao_cao = record.report;
    entry(`Tạo báo cáo "${record.report.ten}" để gửi`, record.report.docUrl);
  }
  const report = record.report;

  if (plan.pending.length > 0) {
    let attachment: GoogleAppsScript.Base.Blob;
    try {
      attachment = fileAttachment(report.pdfId);
    } catch (error) {
      // The PDF was deleted or moved out of reach since the report was made: make a new one next time.
      record.report = null;
      writeRecord(key, record);
      const message = `Không mở được tệp PDF của báo cáo "${report.ten}": ${messageOf(error)}; lần chạy sau sẽ tạo lại báo cáo`;
      entry(`Gửi báo cáo ${name}: lỗi`, message);
      result.loi.push(
        `${personMessage(`Mở tệp PDF của báo cáo "${report.ten}"`, error, true)} Lần chạy sau sẽ tạo lại báo cáo.`,
      );
      result.trang_thai = 'loi_tao_bao_cao';
      return result;
    }
    const attachmentName = attachment.getName() || `${report.ten}.pdf`;
    const email = summaryEmail({
      owner: workbook.config.ten_don_vi,
      quarter,
      lastDay: reminderWindow(quarter, workbook.settings).lastDay,
      figures: keyFigures(workbook, ky),
      completeness: completeness(workbook, quarter),
      reportName: report.ten,
      docUrl: report.docUrl,
      pdfUrl: report.pdfUrl,
      sheetUrl: workbook.spreadsheet.getUrl(),
      attachmentName,
    });
    let quotaHit = false;
    const notTried: string[] = [];
    for (const to of plan.pending) {
      if (quotaHit) {
        notTried.push(to);
        continue;
      }
      mark(to, 'sending');
      const outcome = sendEmail({
        ...email,
        to,
        senderName: workbook.config.ten_don_vi,
        attachments: [attachment],
      });
      if (outcome.ok) {
        mark(to, 'sent');
        result.da_gui.push(to);
        continue;
      }
      if (outcome.reason === 'invalid') {
        mark(to, 'invalid', outcome.message);
        const problem = `${to}: ${outcome.message}; không gửi lại tới địa chỉ này`;
        entry('Địa chỉ email không hợp lệ', problem, 'Cấu hình › email_nhan');
        result.loi.push(problem);
        continue;
      }
      if (outcome.reason === 'quota') quotaHit = true;
      mark(to, 'failed', outcome.message);
      const problem = `${to}: ${outcome.message}; sẽ gửi lại lần chạy sau`;
      entry(`Lỗi gửi báo cáo ${name}`, problem);
      result.loi.push(problem);
    }
    if (notTried.length > 0) {
      const problem = `Hết hạn mức gửi email trong ngày khi đang gửi; chưa gửi tới ${notTried.join(', ')}; sẽ gửi lại lần chạy sau`;
      entry(`Gửi báo cáo ${name}: chưa gửi hết`, problem);
      result.loi.push(problem);
    }
    if (result.da_gui.length > 0) {
      entry(
        `Gửi báo cáo ${name}`,
        `Đã gửi tới ${result.da_gui.join(', ')} (tệp đính kèm: ${attachmentName})`,
        report.ten,
      );
    }
  } else if (valid.length === 0) {
    entry(
      `Gửi báo cáo ${name}`,
      'Đã tạo báo cáo; không có địa chỉ nhận (Cấu hình › email_nhan trống)',
      report.ten,
    );
  }

  if (isSettled(record, valid)) {
    if (wasDone && result.da_gui.length === 0) result.trang_thai = 'da_gui_truoc_do';
    if (!record.done) {
      record.done = now.toISOString();
      writeRecord(key, record);
    }
  } else {
    result.trang_thai = 'con_loi';
  }
  return result;
}

function describe(results: SummaryResult[]): string {
  return results
    .map((r) => {
      const name = quarterName(parseQuarter(r.ky)!);
      switch (r.trang_thai) {
        case 'da_gui_truoc_do':
          return `Báo cáo ${name} đã được gửi trước đó; không gửi lại.`;
        case 'da_gui':
          return `Đã gửi báo cáo ${name} tới ${r.da_gui.length} địa chỉ.`;
        default:
          return `Báo cáo ${name}: ${r.da_gui.length > 0 ? `đã gửi tới ${r.da_gui.length} địa chỉ; ` : ''}${r.loi.join('; ')}.`;
      }
    })
    .join('\n');
}

export function sendQuarterSummary(request: unknown, makeReport: ReportMaker): SummaryResult {
  checkRequest('sendQuarterSummary', request);
  const automatic = isTriggerEvent(request);
  return withScriptLockThenTell(TITLE, () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'gửi báo cáo quý');
    const { quarter, resend } = requested(workbook, request);
    const ctx: RunContext = { workbook, makeReport, resend, automatic, log: [] };
    const quarters = quartersToHandle(workbook, quarter, automatic);
    const results = quarters.map((q) => handleQuarter(ctx, q));
    appendLog(workbook.spreadsheet, ctx.log);
    const result: SummaryResult = results[results.length - 1] ?? {
      ky: quarterKey(latestDueQuarter(workbook.now, workbook.settings.han_nop_ngay)),
      trang_thai: 'khong_thuoc_lich',
      bao_cao: null,
      da_gui: [],
      loi: [],
    };
    return { result, message: describe(results) };
  });
}
