/**
 * Apps Script entry points. Every export becomes a global function of the deployed script (the
 * build appends one wrapper per export), so names here are stable: menus, triggers, the command line
 * and acceptance checks call them by name. Each line leads straight to the use case (a menu entry
 * through the check of its scopes); the only function written here wires the quarterly summary to
 * the report maker.
 */
import { menuEntry } from './app/authorization';
import * as checks from './app/checks';
import * as installCheck from './app/installCheck';
import * as reminders from './app/reminders';
import { createReportDocument } from './app/report';
import * as quarterSummary from './app/quarterSummary';
import type { SummaryResult } from './app/quarterSummary';
import * as rollover from './app/rollover';
import * as rollUpJob from './app/rollUp';
import * as schedules from './app/schedules';
import * as setup from './app/setup';
import * as submitCommand from './app/submitCommand';
import * as menu from './ui/menu';
import * as guide from './workspace/guideTab';

/** The simple triggers: the menu, and an edit acknowledged as the person editing (no records). */
export { addMenu as onOpen } from './ui/menu';
export { acknowledgeEdit as onEdit } from './app/editHandler';
/** Installable edit trigger (installed by setup): submissions and the audit log, as the admin. */
export { handleEdit as onEditInstalled } from './app/editHandler';

/**
 * Menu entries start with the check of the scopes they need (app/authorization.ts): a person who
 * unticked one on Google's consent screen is told what to approve.
 */
/** "Khởi tạo / cập nhật bảng tính", and the command line's `init`. */
export const setUpWorkbook = menuEntry('setUpWorkbook', setup.setUpWorkbook);
/** The first-run dialog's calls (a Sheet never set up): its defaults and the units' preview. */
export { firstRunDefaults, previewUnits } from './app/firstRun';
export const submitQuarter = menuEntry('submitQuarter', submitCommand.submitQuarter);
export const reopenQuarter = menuEntry('reopenQuarter', submitCommand.reopenQuarter);
export const checkData = menuEntry('checkData', checks.checkData);
/** "Tổng hợp ngay" and the daily trigger: `{ky}` picks the period (default: the year so far). */
export const rollUp = menuEntry('rollUp', rollUpJob.rollUp);
export { exportRollUp } from './app/exportRollUp';
export { exportData } from './app/exportData';
export { importCsv } from './app/importData';
/** Targets (Mục tiêu) from a CSV file, all or nothing, admins only. */
export { importTargets } from './app/importTargets';
/** "Tạo báo cáo…": the dialog, its data, and the report itself (`{ky, loai?}`). */
export const openReportDialog = menuEntry('openReportDialog', menu.showReportDialog);
export const openImportDialog = menuEntry('openImportDialog', menu.showImportDialog);
export { reportOptions, createReport } from './app/report';
export const showTagList = menuEntry('showTagList', menu.openTagList);
export const showGuide = menuEntry('showGuide', guide.openGuide);
export const installSchedules = menuEntry('installSchedules', schedules.installSchedules);
export { removeSchedules } from './app/schedules';
/** "Kiểm tra cài đặt": owner, triggers, locale, templates, mail quota, officers' access, limits. */
export const checkInstallation = menuEntry('checkInstallation', installCheck.checkInstallation);
/** "Gửi nhắc nhở" and the daily trigger (8 h): reminders to units that have not submitted (`{ky?}`). */
export const remindLateUnits = menuEntry('remindLateUnits', reminders.remindLateUnits);
/** "Sang năm mới…": archive check, then the unit tabs are cleared for the next year. */
export const startNewYear = menuEntry('startNewYear', rollover.startNewYear);

/**
 * The daily trigger (7 h) and a manual rerun (`{ky?, gui_lai?}`): after a quarter's deadline, its
 * report emailed to email_nhan, exactly once per quarter and recipient.
 */
export function sendQuarterSummary(request?: unknown): SummaryResult {
  return quarterSummary.sendQuarterSummary(request, createReportDocument);
}
