/**
 * Everything a job needs to know about the workbook, read once at its start: the configuration,
 * the settings, the units, the catalogue, and who is running it.
 */
import { isAdmin } from '../domain/access';
import type { Indicator } from '../domain/catalogue';
import type { WorkbookConfig } from '../domain/config';
import { parseConfig } from '../domain/config';
import type { Settings } from '../domain/settings';
import { parseSettings } from '../domain/settings';
import { readCatalogueTab } from '../workspace/catalogueTab';
import type { ConfigTabContent } from '../workspace/configTab';
import { readConfigTab } from '../workspace/configTab';
import { currentUserEmail } from '../workspace/session';
import { activeSpreadsheet } from '../workspace/tabs';
import type { UnitRecord } from '../workspace/unitsTab';
import { readUnitsTab } from '../workspace/unitsTab';

export interface Workbook {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  config: WorkbookConfig;
  settings: Settings;
  /** All units, active or not, in the order of Đơn vị. */
  units: UnitRecord[];
  catalogue: Indicator[];
  user: string;
  isAdmin: boolean;
  now: Date;
}

/** The configuration from the tabs, with the active units (parseConfig checks them). */
export function configFromTabs(raw: Record<string, unknown>, units: UnitRecord[]): WorkbookConfig {
  return parseConfig({
    ...raw,
    don_vi: units.filter((u) => u.active).map((u) => ({ ma: u.ma, ten: u.ten, email: u.email })),
  });
}

export function loadWorkbook(): Workbook {
  return readWorkbook().workbook;
}

/** The workbook, with Cấu hình as it reads (for a job that runs setup after it: the new year). */
export function readWorkbook(): { workbook: Workbook; tab: ConfigTabContent } {
  const spreadsheet = activeSpreadsheet();
  const tab = readConfigTab(spreadsheet);
  if (!tab) {
    throw new Error('Bảng tính chưa được khởi tạo: hãy chọn Hội LHPN › Khởi tạo / cập nhật bảng tính.');
  }
  const now = new Date();
  const units = readUnitsTab(spreadsheet);
  const config = configFromTabs(tab.config, units);
  const user = currentUserEmail();
  const workbook: Workbook = {
    spreadsheet,
    config,
    settings: parseSettings(tab.settings, now.getFullYear()),
    units,
    catalogue: readCatalogueTab(spreadsheet),
    user,
    isAdmin: isAdmin(config, user),
    now,
  };
  return { workbook, tab };
}

/** Refuses someone who is not an admin, naming the action. */
export function requireAdmin(workbook: Pick<Workbook, 'isAdmin' | 'user'>, action: string): void {
  if (!workbook.isAdmin) {
    throw new Error(
      `Chỉ quản trị viên mới được ${action} (${workbook.user || 'người dùng không xác định'}).`,
    );
  }
}

/** The unit by code or tab name. */
export function findUnit(workbook: Pick<Workbook, 'units'>, codeOrTab: string): UnitRecord | undefined {
  const key = codeOrTab.trim().toUpperCase();
  return workbook.units.find((u) => u.ma.toUpperCase() === key || u.tabName.toUpperCase() === key);
}

/** The units an officer enters data for. */
export function unitsOf(workbook: Pick<Workbook, 'units'>, email: string): UnitRecord[] {
  return workbook.units.filter((u) => u.active && u.email.includes(email.toLowerCase()));
}
