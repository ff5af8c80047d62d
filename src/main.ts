/**
 * Apps Script entry points. Every export becomes a global function of the deployed script (the
 * build appends one wrapper per export), so names here are stable: menus, triggers, the command line
 * and acceptance checks call them by name. Keep each one thin.
 */
import type { CheckSummary } from './app/checks';
import { checkData as runChecks } from './app/checks';
import { acknowledgeEdit, handleEdit } from './app/editHandler';
import { exportData as runExport } from './app/exportData';
import type { ImportRequest, ImportSummary } from './app/importData';
import { importCsv as runImport } from './app/importData';
import { exportRollUp as rollUpCsv } from './app/exportRollUp';
import type { RollUpRequest, RollUpSummary } from './app/rollUp';
import { rollUp as runRollUp } from './app/rollUp';
import type { RolloverResult } from './app/rollover';
import { startNewYear as rollOver } from './app/rollover';
import type { SummaryResult } from './app/quarterSummary';
import { sendQuarterSummary as sendSummary } from './app/quarterSummary';
import type { ReminderResult } from './app/reminders';
import { remindLateUnits as remind } from './app/reminders';
import { installSchedules as installJobs, removeSchedules as removeJobs } from './app/schedules';
import type { CheckedNotSubmitted, QuarterRequest } from './app/submitCommand';
import {
  reopenQuarter as reopenQuarterCommand,
  submitQuarter as submitQuarterCommand,
} from './app/submitCommand';
import type { SubmitResult } from './app/submission';
import { setUpWorkbook as setUp } from './app/setup';
import type { SetupResult } from './app/setup';
import type { ReportOptions, ReportRequest, ReportResult } from './app/report';
import {
  createReport as makeReport,
  createReportDocument,
  reportOptions as reportChoices,
} from './app/report';
import { addMenu, openTagList, showImportDialog, showReportDialog } from './ui/menu';
import { openGuide } from './workspace/guideTab';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu();
}

/**
 * Simple edit trigger: it runs as the person editing, who cannot write the records tabs, so it only
 * acknowledges; submission and the audit log live in the installable trigger `onEditInstalled`.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  acknowledgeEdit(e);
}

export function setUpWorkbook(initialConfig?: unknown): SetupResult {
  return setUp(initialConfig);
}

export function submitQuarter(request?: QuarterRequest): SubmitResult | CheckedNotSubmitted {
  return submitQuarterCommand(request);
}

export function reopenQuarter(request?: QuarterRequest): ReturnType<typeof reopenQuarterCommand> {
  return reopenQuarterCommand(request);
}

export function checkData(): CheckSummary {
  return runChecks();
}

/** "Tổng hợp ngay" and the daily trigger: `{ky}` picks the period (default: the year so far). */
export function rollUp(request?: RollUpRequest): RollUpSummary {
  return runRollUp(request);
}

/** A roll-up as CSV (`npm run local -- export --ky 2026-H1 --csv …`). */
export function exportRollUp(request: { ky: string }): string {
  return rollUpCsv(request);
}

/** "Tạo báo cáo…": the dialog to pick the kind and period; it calls reportOptions and createReport. */
export function openReportDialog(): void {
  showReportDialog();
}

/** The dialog's data: kinds, periods, completeness and rule-check results for a period. */
export function reportOptions(request?: ReportRequest): ReportOptions {
  return reportChoices(request);
}

/** A report from the kind's template, saved in Drive with its PDF and shared (`{ky, loai?}`). */
export function createReport(request?: ReportRequest): ReportResult {
  return makeReport(request);
}

/** "Danh sách thẻ báo cáo": the tags a template may use. */
export function showTagList(): void {
  openTagList();
}

export function installSchedules(): ReturnType<typeof installJobs> {
  return installJobs();
}

export function removeSchedules(): ReturnType<typeof removeJobs> {
  return removeJobs();
}

/**
 * The daily trigger (7 h) and a manual rerun (`{ky?, gui_lai?}`): after a quarter's deadline, its
 * report emailed to email_nhan, exactly once per quarter and recipient.
 */
export function sendQuarterSummary(request?: unknown): SummaryResult {
  return sendSummary(request, createReportDocument);
}

/** "Gửi nhắc nhở" and the daily trigger (8 h): reminders to units that have not submitted (`{ky?}`). */
export function remindLateUnits(request?: unknown): ReminderResult {
  return remind(request);
}

export function importCsv(request?: ImportRequest): ImportSummary {
  return runImport(request);
}

/** "Sang năm mới…": archive check, then the unit tabs are cleared for the next year. */
export function startNewYear(): RolloverResult {
  return rollOver();
}

export function openImportDialog(): void {
  showImportDialog();
}

/** The entered data of a quarter as CSV (`npm run local -- export --ky … --csv …`). */
export function exportData(request: { ky: string }): string {
  return runExport(request);
}

/** Installable edit trigger (installed by setup): submissions and the audit log. */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

export function showGuide(): void {
  openGuide();
}
