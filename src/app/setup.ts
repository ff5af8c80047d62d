/**
 * "Khởi tạo / cập nhật bảng tính": creates or repairs every tab from Cấu hình, Đơn vị and Chỉ tiêu
 * without destroying anything typed. Safe to run again: typed values are carried over by indicator
 * code, a new unit gets its tab, an inactive unit keeps its tab and history untouched.
 */
import { isAdmin } from '../domain/access';
import { defaultCatalogue, entryIndicators } from '../domain/catalogue';
import { parseConfig } from '../domain/config';
import { levelWords } from '../domain/levels';
import { parseSettings } from '../domain/settings';
import { buildUnitTab } from '../domain/unitTab';
import { versionText } from '../domain/version';
import type { FirstRunOpened } from '../ui/firstRunDialog';
import { openFirstRunDialog } from '../ui/firstRunDialog';
import { ensureArchiveTab } from '../workspace/archiveTab';
import { mergeCatalogue, readCatalogueTab, writeCatalogueTab } from '../workspace/catalogueTab';
import { writeChecks } from '../workspace/checksTab';
import { readConfigTab, writeConfigTab } from '../workspace/configTab';
import { writeGuide } from '../workspace/guideTab';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { appendLog, ensureLogTab } from '../workspace/logTab';
import { isGuardedFor, protectSheet } from '../workspace/protection';
import { readSubmissions } from '../workspace/progressTab';
import { ensureVietnameseSettings } from '../workspace/spreadsheetSettings';
import { currentUserEmail } from '../workspace/session';
import { ensureSummaryTab } from '../workspace/summaryTab';
import { ensureTargetsTab } from '../workspace/targetsTab';
import { activeSpreadsheet, ensureSheet, removeBlankDefaultTab, TAB } from '../workspace/tabs';
import { ensureEditTrigger } from '../workspace/triggers';
import { protectUnitTab, readUnitTab, ValidationRules, writeUnitTab } from '../workspace/unitTabs';
import { legalizeTabNames, mergeUnits, readUnitsTab, writeUnitsTab } from '../workspace/unitsTab';
import { ensureRules } from './checks';
import { needsFirstRun } from './firstRun';
import { quarterStatuses, refreshProgress } from './progress';
import { ensureReportTemplates } from './report';
import type { Workbook } from './workbook';
import { configFromTabs } from './workbook';

export interface SetupResult {
  ten_don_vi: string;
  so_don_vi: number;
  trang_tinh: string[];
  /** Said when set-up changed the spreadsheet's locale or time zone. */
  cai_dat?: string;
}

const SETTINGS_ACTION = 'Đổi cài đặt bảng tính (định dạng, múi giờ)';
const UPDATE_ACTION = 'Cập nhật phiên bản mã';
/** In the order they are created. */
const ADMIN_TABS = [TAB.guide, TAB.config, TAB.catalogue, TAB.units, TAB.targets, TAB.rules];
const SCRIPT_TABS = [TAB.summary, TAB.progress, TAB.checks, TAB.archive, TAB.log, TAB.tags];

/**
 * The configuration comes from the argument (command line, provisioning) or from the tabs. Only an
 * admin may run it: an admin of the configuration already in the workbook or, on the very first
 * run, of the configuration being installed.
 */
export function setUpWorkbook(initialConfig?: unknown): SetupResult | FirstRunOpened {
  return translatingFailures('Khởi tạo', () => setUp(initialConfig));
}

function setUp(initialConfig?: unknown): SetupResult | FirstRunOpened {
  // A Sheet never set up asks for its settings in a dialog, outside the lock; the dialog calls back.
  if (initialConfig === undefined && needsFirstRun()) return openFirstRunDialog();
  return withScriptLock('Khởi tạo', () => {
    const spreadsheet = activeSpreadsheet();
    const now = new Date();
    const tab = readConfigTab(spreadsheet);
    const tabUnits = readUnitsTab(spreadsheet);
    const config =
      initialConfig !== undefined ? parseConfig(initialConfig) : configFromTabs(tab!.config, tabUnits);
    const user = currentUserEmail();
    // Over a set-up workbook the admins written in Cấu hình decide, once it is closed to everyone
    // else; a Cấu hình a cut-off first run left open may have been edited by anyone.
    const guarded = tab && isGuardedFor(spreadsheet.getSheetByName(TAB.config)!, config.quan_tri);
    // Only the admins matter here: Đơn vị may still be empty after a first setup cut off midway.
    const allowedBy =
      guarded && initialConfig !== undefined
        ? { quan_tri: (tab.config.quan_tri as string[] | undefined) ?? [] }
        : config;
    if (!isAdmin(allowedBy, user)) {
      throw new Error(
        `Chỉ quản trị viên mới được khởi tạo bảng tính (${user || 'người dùng không xác định'}).`,
      );
    }
    // Before anything is written: typed figures and dates are read by the spreadsheet's locale.
    const settings = ensureVietnameseSettings(spreadsheet);
    const units = legalizeTabNames(
      spreadsheet,
      initialConfig !== undefined ? mergeUnits(tabUnits, config.don_vi) : tabUnits,
    );
    const workbook: Workbook = {
      spreadsheet,
      config,
      settings: parseSettings(tab?.settings ?? {}, now.getFullYear()),
      units,
      catalogue: mergeCatalogue(readCatalogueTab(spreadsheet), defaultCatalogue()),
      user,
      isAdmin: true,
      now,
    };

    // Tabs are created in the order of docs/architecture.md §5: settings, unit tabs, then the records;
    // each is closed to all but admins before anything is written or opened to officers.
    for (const name of [...ADMIN_TABS, ...SCRIPT_TABS])
      protectSheet(ensureSheet(spreadsheet, name), `trang ${name}`, config.quan_tri);
    writeGuide(spreadsheet);
    writeConfigTab(spreadsheet, config, workbook.settings);
    writeCatalogueTab(spreadsheet, workbook.catalogue);
    writeUnitsTab(spreadsheet, units, levelWords(config.cap).unit);
    ensureTargetsTab(spreadsheet);
    ensureRules(workbook);
    const submissions = readSubmissions(spreadsheet);
    setUpUnitTabs(workbook, submissions);
    freezeInactiveUnitTabs(workbook);
    ensureSummaryTab(spreadsheet);
    refreshProgress(workbook, submissions);
    if (spreadsheet.getSheetByName(TAB.checks)!.getLastRow() === 0) writeChecks(spreadsheet, []);
    ensureArchiveTab(spreadsheet);
    ensureLogTab(spreadsheet);
    ensureReportTemplates(workbook);
    removeBlankDefaultTab(spreadsheet);
    ensureEditTrigger(spreadsheet);
    appendLog(spreadsheet, [
      ...(settings
        ? [{ at: now, user, action: SETTINGS_ACTION, oldValue: settings.before, newValue: settings.after }]
        : []),
      // A push replaces the code only; this Khởi tạo is what brings the workbook up to it.
      ...(tab && tab.version !== versionText()
        ? [
            {
              at: now,
              user,
              action: UPDATE_ACTION,
              oldValue: tab.version || 'không rõ',
              newValue: versionText(),
            },
          ]
        : []),
      { at: now, user, action: 'Khởi tạo / cập nhật bảng tính' },
    ]);
    return {
      ten_don_vi: config.ten_don_vi,
      so_don_vi: units.filter((u) => u.active).length,
      trang_tinh: spreadsheet.getSheets().map((s) => s.getName()),
      ...(settings ? { cai_dat: settings.message } : {}),
    };
  });
}

/** A unit that stopped reporting keeps its tab and history, read-only for all but admins. */
function freezeInactiveUnitTabs(workbook: Workbook): void {
  for (const unit of workbook.units.filter((u) => !u.active)) {
    const sheet = workbook.spreadsheet.getSheetByName(unit.tabName);
    if (sheet) protectSheet(sheet, `trang đơn vị ${unit.ma} (ngừng hoạt động)`, workbook.config.quan_tri);
  }
}

function setUpUnitTabs(workbook: Workbook, submissions: ReturnType<typeof readSubmissions>): void {
  const indicators = entryIndicators(workbook.catalogue, workbook.config.cap);
  const rules = new ValidationRules();
  for (const unit of workbook.units.filter((u) => u.active)) {
    const existing = readUnitTab(workbook.spreadsheet.getSheetByName(unit.tabName));
    const layout = buildUnitTab({
      unitName: unit.ten,
      unitWord: levelWords(workbook.config.cap).unit,
      unitCode: unit.ma,
      officers: unit.email,
      year: workbook.settings.nam,
      indicators,
      catalogue: workbook.catalogue,
      existing,
      statuses: quarterStatuses(workbook, unit, submissions),
    });
    const sheet = writeUnitTab(workbook.spreadsheet, unit, layout, rules);
    const submitted = submissions.filter((s) => s.unit === unit.ma).map((s) => s.quarter);
    protectUnitTab(
      sheet,
      unit,
      workbook.config.quan_tri,
      layout.grid.length,
      submitted,
      workbook.settings.nam,
    );
  }
}
