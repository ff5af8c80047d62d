/**
 * "Kiểm tra cài đặt" (admins): what an installer must get right after every install and update,
 * written to its own tab with what to fix, and summed up to the person once the lock is released.
 */
import { MANIFEST_SCOPES, missingScopes, peopleToReauthorize, scopeLabel } from '../domain/authorization';
import type { InstallFacts } from '../domain/installCheck';
import { installFindings } from '../domain/installCheck';
import { REPORT_KINDS } from '../domain/report/kinds';
import { templateSetting } from '../domain/settings';
import { grantedScopes, readAddedScopes, readAuthorizationRecords } from '../workspace/authorization';
import { withScriptLockThenTell } from '../workspace/lock';
import { remainingMailQuota } from '../workspace/mail';
import { isSheetProtected, protectSheet } from '../workspace/protection';
import { usableFolder } from '../workspace/reportFiles';
import { templateUsable } from '../workspace/reportTemplate';
import { ensureSheet, replaceContent, styleHeader, TAB } from '../workspace/tabs';
import { hasEditTrigger, readScheduleRecord } from '../workspace/triggers';
import { loadWorkbook, requireAdmin } from './workbook';
import type { Workbook } from './workbook';

export const INSTALL_CHECK_TAB = 'Kiểm tra cài đặt';
const HEADER = ['Mục', 'Kết quả', 'Chi tiết', 'Cần làm'];

function gatherFacts(workbook: Workbook): InstallFacts {
  const spreadsheet = workbook.spreadsheet;
  const sheets = spreadsheet.getSheets();
  const schedule = readScheduleRecord();
  const protectedTabs = Object.values(TAB).filter((name) => spreadsheet.getSheetByName(name));
  const granted = grantedScopes();
  // The person running the check counts with what they have granted now (their record follows the run).
  const records = readAuthorizationRecords().map((r) => (r.email === workbook.user ? { ...r, granted } : r));
  return {
    owner: spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '',
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    editTrigger: hasEditTrigger(),
    schedule: schedule ? { by: schedule.by, jobs: schedule.jobs.length, others: schedule.others } : null,
    reportFolder: usableFolder(workbook.settings.thu_muc_bao_cao) !== null,
    missingTemplates: REPORT_KINDS.filter(
      (k) => !templateUsable(workbook.settings[templateSetting(k.kind)]),
    ).map((k) => k.name),
    mailQuota: remainingMailQuota(),
    editors: spreadsheet.getEditors().map((u) => u.getEmail().toLowerCase()),
    units: workbook.units.filter((u) => u.active).map((u) => ({ ma: u.ma, email: u.email })),
    unprotectedTabs: protectedTabs.filter((name) => !isSheetProtected(spreadsheet.getSheetByName(name)!)),
    cells: sheets.reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0),
    tabs: sheets.length,
    ungrantedScopes: missingScopes(MANIFEST_SCOPES, granted).map(scopeLabel),
    reauthorize: peopleToReauthorize(records, readAddedScopes()).map((p) => ({
      ...p,
      missing: p.missing.map(scopeLabel),
    })),
  };
}

export interface InstallCheckResult {
  dat: number;
  can_sua: string[];
}

export function checkInstallation(): InstallCheckResult {
  return withScriptLockThenTell('Kiểm tra cài đặt', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'kiểm tra cài đặt');
    const findings = installFindings(gatherFacts(workbook), workbook.config);
    const sheet = ensureSheet(workbook.spreadsheet, INSTALL_CHECK_TAB, TAB.log);
    replaceContent(sheet, [
      HEADER,
      ...findings.map((f) => [f.muc, f.dat ? 'Đạt' : 'Cần sửa', f.chi_tiet, f.cach_sua]),
    ]);
    styleHeader(sheet, HEADER.length);
    protectSheet(sheet, `trang ${INSTALL_CHECK_TAB}`, workbook.config.quan_tri);
    const toFix = findings.filter((f) => !f.dat);
    const message =
      toFix.length === 0
        ? `Cả ${findings.length} mục đều đạt.`
        : `${findings.length - toFix.length}/${findings.length} mục đạt. Cần sửa: ${toFix.map((f) => f.muc).join('; ')}. Xem trang "${INSTALL_CHECK_TAB}".`;
    return { result: { dat: findings.length - toFix.length, can_sua: toFix.map((f) => f.muc) }, message };
  });
}
