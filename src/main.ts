/**
 * Apps Script entry points. Every export becomes a global function of the deployed script (the
 * build appends one wrapper per export), so names here are stable: menus, triggers, the command line
 * and acceptance checks call them by name. Each line leads straight to the use case; the only
 * function written here wires the quarterly summary to the report maker.
 */
import { createReportDocument } from './app/report';
import * as quarterSummary from './app/quarterSummary';
import type { SummaryResult } from './app/quarterSummary';

/** The simple triggers: the menu, and an edit acknowledged as the person editing (no records). */
export { addMenu as onOpen } from './ui/menu';
export { acknowledgeEdit as onEdit } from './app/editHandler';
/** Installable edit trigger (installed by setup): submissions and the audit log, as the admin. */
export { handleEdit as onEditInstalled } from './app/editHandler';

/** "Khởi tạo / cập nhật bảng tính", and the command line's `init`. */
export { setUpWorkbook } from './app/setup';
/** The first-run dialog's calls (a Sheet never set up): its defaults and the units' preview. */
export { firstRunDefaults, previewUnits } from './app/firstRun';
export { submitQuarter, reopenQuarter } from './app/submitCommand';
export { checkData } from './app/checks';
/** "Tổng hợp ngay" and the daily trigger: `{ky}` picks the period (default: the year so far). */
export { rollUp } from './app/rollUp';
export { exportRollUp } from './app/exportRollUp';
export { exportData } from './app/exportData';
export { importCsv } from './app/importData';
/** Targets (Mục tiêu) from a CSV file, all or nothing, admins only. */
export { importTargets } from './app/importTargets';
/** "Tạo báo cáo…": the dialog, its data, and the report itself (`{ky, loai?}`). */
export { showReportDialog as openReportDialog, showImportDialog as openImportDialog } from './ui/menu';
export { reportOptions, createReport } from './app/report';
export { openTagList as showTagList } from './ui/menu';
export { openGuide as showGuide } from './workspace/guideTab';
export { installSchedules, removeSchedules } from './app/schedules';
/** "Kiểm tra cài đặt": owner, triggers, locale, templates, mail quota, officers' access, limits. */
export { checkInstallation } from './app/installCheck';
/** "Gửi nhắc nhở" and the daily trigger (8 h): reminders to units that have not submitted (`{ky?}`). */
export { remindLateUnits } from './app/reminders';
/** "Sang năm mới…": archive check, then the unit tabs are cleared for the next year. */
export { startNewYear } from './app/rollover';

/**
 * The daily trigger (7 h) and a manual rerun (`{ky?, gui_lai?}`): after a quarter's deadline, its
 * report emailed to email_nhan, exactly once per quarter and recipient.
 */
export function sendQuarterSummary(request?: unknown): SummaryResult {
  return quarterSummary.sendQuarterSummary(request, createReportDocument);
}
