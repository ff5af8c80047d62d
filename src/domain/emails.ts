/**
 * The emails the product sends on its own (docs/architecture.md §6): reminders to units that have not
 * submitted, and the quarterly summary to the district list. Pure: the dates of the reminder window, the
 * subjects, the plain-text and HTML bodies (everything that came from a person is escaped), and the
 * bookkeeping that makes the summary go out exactly once per quarter and recipient.
 */
import { isEmail } from './config';
import { localDate, shortDate } from './dates';
import type { Quarter } from './periods';
import { deadlineExclusive, previousQuarter, quarterName, quarterOf } from './periods';

const DAY_MS = 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** "2026-07-05": the local calendar day, the key of "at most once a day". */
export function dayKey(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Whole calendar days from `from` to `to` (local dates; robust to a DST hour). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

export interface DeadlineSettings {
  /** Deadline: days after the end of the quarter. */
  han_nop_ngay: number;
  /** Reminders start this many days before the deadline. */
  nhac_truoc_ngay: number;
}

export interface ReminderWindow {
  quarter: Quarter;
  /** First day reminders go out (00:00 local). */
  from: Date;
  /** The last day a submission is on time (00:00 local): "hạn nộp". */
  lastDay: Date;
  /** The first moment that is late (deadlineExclusive). */
  deadline: Date;
}

/**
 * Reminders for a quarter run from K days before its last on-time day up to that day, both included:
 * with the default 10 days and K = 5, Quý I/2026 is due by 10/04/2026 and reminders run 05/04–10/04.
 */
export function reminderWindow(quarter: Quarter, settings: DeadlineSettings): ReminderWindow {
  const [y, m, d] = deadlineExclusive(quarter, settings.han_nop_ngay);
  const deadline = localDate([y, m, d]);
  const lastDay = localDate([y, m, d - 1]);
  const from = localDate([y, m, d - 1 - settings.nhac_truoc_ngay]);
  return { quarter, from, lastDay, deadline };
}

/**
 * The quarters whose reminder window contains `now` (at most the current quarter and the one
 * before: a deadline is at most 90 days after its quarter, a window at most 60 days long).
 */
export function openReminderWindows(now: Date, settings: DeadlineSettings): ReminderWindow[] {
  const current = quarterOf(now.getFullYear(), now.getMonth() + 1);
  return [previousQuarter(current), current]
    .map((q) => reminderWindow(q, settings))
    .filter((w) => w.from.getTime() <= now.getTime() && now.getTime() < w.deadline.getTime());
}

/** The latest quarter whose deadline has passed at `now`: the one the quarterly summary is about. */
export function latestDueQuarter(now: Date, daysAfterEnd: number): Quarter {
  let quarter = quarterOf(now.getFullYear(), now.getMonth() + 1);
  while (localDate(deadlineExclusive(quarter, daysAfterEnd)).getTime() > now.getTime()) {
    quarter = previousQuarter(quarter);
  }
  return quarter;
}

// ---------------------------------------------------------------------------------------------
// Addresses and text
// ---------------------------------------------------------------------------------------------

/** Addresses that can be sent to, and the ones that cannot (reported in Nhật ký), deduplicated. */
export function splitAddresses(list: readonly string[]): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of list) {
    const address = String(raw ?? '')
      .trim()
      .toLowerCase();
    if (address === '') continue;
    const bucket = isEmail(address) ? valid : invalid;
    if (!bucket.includes(address)) bucket.push(address);
  }
  return { valid, invalid };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text put into HTML: every character with a meaning in HTML is escaped (docs/architecture.md §7). */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** A link only if it is an http(s) address; anything else is shown as text, never as a link. */
function link(url: string, text: string): string {
  return /^https?:\/\/[^\s"'<>]+$/.test(url)
    ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

/** "[Hội LHPN quận Hoàng Mai] …": the owner in brackets, so a mailbox rule can sort them. */
function subject(owner: string, text: string): string {
  return `[${owner}] ${text}`.normalize('NFC');
}

export interface Email {
  subject: string;
  /** The plain-text alternative. */
  body: string;
  htmlBody: string;
}

const HTML_STYLE = 'font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #222';
const TABLE_STYLE = 'border-collapse: collapse; margin: 8px 0';
const CELL_STYLE = 'border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top';
const NUMBER_STYLE = 'border: 1px solid #bbb; padding: 4px 8px; text-align: right; vertical-align: top';

function html(paragraphs: string[]): string {
  return `<div style="${HTML_STYLE}">${paragraphs.join('\n')}</div>`.normalize('NFC');
}

function para(inner: string): string {
  return `<p>${inner}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Reminder
// ---------------------------------------------------------------------------------------------

export interface ReminderInput {
  /** The workbook's owner, e.g. "Hội LHPN quận Hoàng Mai". */
  owner: string;
  unitName: string;
  window: ReminderWindow;
  now: Date;
  /** The unit's tab in the Sheet. */
  tabUrl: string;
  tabName: string;
  /** Whom to ask (the first admin). */
  contact: string;
}

/** "còn 5 ngày", "hôm nay là ngày cuối". */
function timeLeft(now: Date, lastDay: Date): string {
  const days = daysBetween(now, lastDay);
  return days <= 0 ? 'hôm nay là ngày cuối' : `còn ${days} ngày`;
}

export function reminderEmail(input: ReminderInput): Email {
  const { window } = input;
  const name = quarterName(window.quarter);
  const due = shortDate(window.lastDay);
  const left = timeLeft(input.now, window.lastDay);
  const roman = name.replace(/\/\d+$/, '');
  const lines = {
    greeting: `Kính gửi ${input.unitName},`,
    state: `Đến ngày ${shortDate(input.now)}, ${input.unitName} chưa nộp số liệu ${name}. Hạn nộp là hết ngày ${due} (${left}).`,
    action: `Đề nghị đồng chí cán bộ phụ trách nhập đủ số liệu trên trang "${input.tabName}" của bảng tính, chọn Hội LHPN › Kiểm tra số liệu, rồi đánh dấu ô "Nộp số liệu" của ${roman}.`,
    contact: `Nếu đơn vị đã nộp hoặc có vướng mắc, xin trả lời thư này hoặc liên hệ ${input.contact}.`,
    closing: 'Trân trọng,',
    note: 'Thư được gửi tự động từ bảng tính báo cáo, mỗi ngày một lần cho đến khi đơn vị nộp hoặc hết hạn.',
  };
  const body = [
    lines.greeting,
    '',
    lines.state,
    '',
    lines.action,
    `Trang của đơn vị: ${input.tabUrl}`,
    '',
    lines.contact,
    '',
    lines.closing,
    input.owner,
    '',
    `(${lines.note})`,
  ].join('\n');
  const htmlBody = html([
    para(escapeHtml(lines.greeting)),
    para(
      `Đến ngày ${escapeHtml(shortDate(input.now))}, <b>${escapeHtml(input.unitName)}</b> chưa nộp số liệu <b>${escapeHtml(name)}</b>. ` +
        `Hạn nộp là hết ngày <b>${escapeHtml(due)}</b> (${escapeHtml(left)}).`,
    ),
    para(escapeHtml(lines.action)),
    para(link(input.tabUrl, `Mở trang "${input.tabName}"`)),
    para(escapeHtml(lines.contact)),
    para(`${escapeHtml(lines.closing)}<br>${escapeHtml(input.owner)}`),
    `<p style="color: #777; font-size: 12px">${escapeHtml(lines.note)}</p>`,
  ]);
  return {
    subject: subject(input.owner, `Nhắc nộp số liệu ${name} (hạn ${due})`),
    body: body.normalize('NFC'),
    htmlBody,
  };
}

// ---------------------------------------------------------------------------------------------
// Quarterly summary
// ---------------------------------------------------------------------------------------------

export interface KeyFigure {
  name: string;
  /** Formatted with its unit: "2.392 người", "91,1%". */
  value: string;
  /** "13/14 đơn vị". */
  coverage: string;
}

export interface Completeness {
  submitted: number;
  expected: number;
  /** Units that submitted after the deadline, with when. */
  late: Array<{ name: string; at: Date }>;
  /** Units that have not submitted. */
  missing: string[];
}

export interface SummaryInput {
  owner: string;
  quarter: Quarter;
  /** Last on-time day. */
  lastDay: Date;
  figures: KeyFigure[];
  /** null when the quarter's submissions are no longer in Tiến độ (a past year). */
  completeness: Completeness | null;
  reportName: string;
  docUrl: string;
  pdfUrl: string;
  sheetUrl: string;
  /** The attached file's name. */
  attachmentName: string;
}

export function summarySubject(owner: string, quarter: Quarter): string {
  return subject(owner, `Báo cáo ${quarterName(quarter)}`);
}

function completenessLines(c: Completeness | null): string[] {
  if (!c) return ['Tiến độ nộp của quý này không còn trong bảng tính (đã sang năm mới).'];
  const lines = [`${c.submitted}/${c.expected} đơn vị đã nộp số liệu.`];
  if (c.missing.length > 0) lines.push(`Chưa nộp (${c.missing.length}): ${c.missing.join('; ')}.`);
  if (c.late.length > 0) {
    lines.push(
      `Nộp trễ hạn (${c.late.length}): ${c.late.map((l) => `${l.name} (${shortDate(l.at)})`).join('; ')}.`,
    );
  }
  if (c.missing.length === 0 && c.late.length === 0) lines.push('Tất cả các đơn vị đều nộp đúng hạn.');
  return lines;
}

export function summaryEmail(input: SummaryInput): Email {
  const name = quarterName(input.quarter);
  const due = shortDate(input.lastDay);
  const intro = `${input.owner} gửi báo cáo ${name} (tệp PDF đính kèm: ${input.attachmentName}). Số liệu tổng hợp từ các đơn vị sau hạn nộp ngày ${due}.`;
  const progress = completenessLines(input.completeness);
  const closing = 'Trân trọng,';
  const note = 'Thư được gửi tự động một lần sau hạn nộp số liệu của mỗi quý.';
  const figureLines =
    input.figures.length > 0
      ? input.figures.map((f) => `- ${f.name}: ${f.value} (${f.coverage})`)
      : ['- Chưa có số liệu.'];
  const body = [
    'Kính gửi các đồng chí,',
    '',
    intro,
    '',
    'SỐ LIỆU CHÍNH',
    ...figureLines,
    '',
    'TIẾN ĐỘ NỘP SỐ LIỆU',
    ...progress,
    '',
    'ĐƯỜNG LIÊN KẾT',
    `- Báo cáo (Google Docs): ${input.docUrl}`,
    `- Báo cáo (PDF): ${input.pdfUrl}`,
    `- Bảng tính số liệu: ${input.sheetUrl}`,
    '',
    closing,
    input.owner,
    '',
    `(${note})`,
  ].join('\n');

  const th = (text: string, style = CELL_STYLE) =>
    `<th style="${style}; background: #eee">${escapeHtml(text)}</th>`;
  const td = (text: string, style = CELL_STYLE) => `<td style="${style}">${escapeHtml(text)}</td>`;
  const table =
    input.figures.length > 0
      ? `<table style="${TABLE_STYLE}"><thead><tr>${th('Chỉ tiêu')}${th('Kết quả', NUMBER_STYLE)}${th('Số đơn vị có số liệu', NUMBER_STYLE)}</tr></thead><tbody>` +
        input.figures
          .map((f) => `<tr>${td(f.name)}${td(f.value, NUMBER_STYLE)}${td(f.coverage, NUMBER_STYLE)}</tr>`)
          .join('') +
        '</tbody></table>'
      : para('Chưa có số liệu.');
  const htmlBody = html([
    para('Kính gửi các đồng chí,'),
    para(escapeHtml(intro)),
    `<h3 style="font-size: 15px">Số liệu chính</h3>`,
    table,
    `<h3 style="font-size: 15px">Tiến độ nộp số liệu</h3>`,
    `<ul>${progress.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<h3 style="font-size: 15px">Đường liên kết</h3>`,
    `<ul><li>${link(input.docUrl, `${input.reportName} (Google Docs)`)}</li><li>${link(input.pdfUrl, `${input.reportName} (PDF)`)}</li><li>${link(input.sheetUrl, 'Bảng tính số liệu')}</li></ul>`,
    para(`${escapeHtml(closing)}<br>${escapeHtml(input.owner)}`),
    `<p style="color: #777; font-size: 12px">${escapeHtml(note)}</p>`,
  ]);
  return { subject: summarySubject(input.owner, input.quarter), body: body.normalize('NFC'), htmlBody };
}

/** The Nhật ký text when the day's mail quota is too small for a job. */
export function quotaMessage(needed: number, remaining: number): string {
  return `Hết hạn mức gửi email trong ngày: cần ${needed}, còn ${Math.max(0, remaining)}; sẽ gửi lại lần chạy sau`;
}

// ---------------------------------------------------------------------------------------------
// Exactly once: the quarterly summary's record (kept in script properties, under the script lock)
// ---------------------------------------------------------------------------------------------

/**
 * Per recipient: `sending` is written before MailApp is called and `sent` after it returns, so a
 * run that finds `sending` knows a previous run stopped in between (killed by the time limit) and
 * cannot tell whether the message left. It does not resend on its own (at most once per
 * recipient): it marks the address `unknown`, says so in Nhật ký, and an admin resends by hand
 * (`sendQuarterSummary({ ky, gui_lai: true })`) after checking the Sent folder. `failed` (MailApp
 * threw: nothing left) is retried by the next run; `invalid` (MailApp refused the address) is not.
 */
export type RecipientStatus = 'sending' | 'sent' | 'failed' | 'invalid' | 'unknown';

export interface SummaryReport {
  docId: string;
  docUrl: string;
  pdfId: string;
  pdfUrl: string;
  ten: string;
}

export interface SummaryRecord {
  ky: string;
  /** The report made for this summary (made once, reused by every retry). */
  report: SummaryReport | null;
  recipients: Record<string, { status: RecipientStatus; at: string; error?: string }>;
  /** When every recipient was dealt with (ISO); then the quarter is closed. */
  done: string | null;
}

export function emptyRecord(ky: string): SummaryRecord {
  return { ky, report: null, recipients: {}, done: null };
}

export interface SummaryPlan {
  /** Addresses to send to in this run. */
  pending: string[];
  /** Addresses a previous run left in `sending`: now marked unknown and reported once. */
  interrupted: string[];
}

/**
 * Whom this run sends to: the valid recipients that have not had the summary, except those whose
 * fate is unknown (or refused), unless an admin asked to resend (`resend`), which sends to every
 * current recipient that has no `sent` mark.
 */
export function planSummary(
  record: SummaryRecord,
  recipients: readonly string[],
  resend: boolean,
): SummaryPlan {
  const pending: string[] = [];
  const interrupted: string[] = [];
  for (const address of recipients) {
    const status = record.recipients[address]?.status;
    if (status === 'sent') continue;
    if (status === 'sending') interrupted.push(address);
    if (resend || status === undefined || status === 'failed') pending.push(address);
  }
  return { pending, interrupted };
}

/** Closed when no current recipient is still to be tried (sent, refused or unknown). */
export function isSettled(record: SummaryRecord, recipients: readonly string[]): boolean {
  return recipients.every((address) => {
    const status = record.recipients[address]?.status;
    return status === 'sent' || status === 'invalid' || status === 'unknown';
  });
}

/** MailApp's refusal of an address ("Invalid email: …"): permanent, not retried. */
export function isInvalidAddressError(message: string): boolean {
  return /^Invalid email/i.test(message);
}

/** The day's recipient quota ran out under us: stop this run, the rest go next time. */
export function isQuotaError(message: string): boolean {
  return /too many times for one day: email/i.test(message);
}
