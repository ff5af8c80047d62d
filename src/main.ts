/**
 * Apps Script entry points. Every export becomes a global function of the deployed script (the
 * build appends one wrapper per export), so names here are stable: menus, triggers, the command line
 * and acceptance checks call them by name. Keep each one thin.
 */
import { notYetAvailable } from './app/notYet';
import { setUpWorkbook as setUp } from './app/setup';
import type { SetupResult } from './app/setup';
import { addMenu } from './ui/menu';
import { openGuide } from './workspace/guideTab';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu();
}

/** Simple edit trigger. Edits need no handling yet; the submitted-quarter guard will hook in here. */
export function onEdit(_e?: GoogleAppsScript.Events.SheetsOnEdit): void {}

export function setUpWorkbook(initialConfig?: unknown): SetupResult {
  return setUp(initialConfig);
}

export function submitQuarter(): never {
  return notYetAvailable('Nộp số liệu quý');
}

export function checkData(): never {
  return notYetAvailable('Kiểm tra số liệu');
}

export function rollUp(): never {
  return notYetAvailable('Tổng hợp');
}

export function openReportDialog(): never {
  return notYetAvailable('Tạo báo cáo');
}

export function createReport(): never {
  return notYetAvailable('Tạo báo cáo');
}

export function installSchedules(): never {
  return notYetAvailable('Cài đặt lịch tự động');
}

export function removeSchedules(): never {
  return notYetAvailable('Gỡ lịch tự động');
}

export function sendQuarterSummary(): never {
  return notYetAvailable('Gửi báo cáo quý');
}

export function remindLateUnits(): never {
  return notYetAvailable('Gửi nhắc nhở');
}

export function importCsv(): never {
  return notYetAvailable('Nhập số liệu từ CSV');
}

export function showGuide(): void {
  openGuide();
}
