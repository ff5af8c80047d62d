/**
 * "Khởi tạo / cập nhật bảng tính": creates or repairs every tab from Cấu hình, Đơn vị and Chỉ tiêu
 * without destroying anything typed. Safe to run again: typed values are carried over by indicator
 * code, a new unit gets its tab, an inactive unit keeps its tab and history untouched.
 */
import { isAdmin } from '../domain/access';
import { addedScopes, addedScopesNotice, scopeLabel } from '../domain/authorization';
import { defaultCatalogue, entryIndicators } from '../domain/catalogue';
import type { WorkbookConfig } from '../domain/config';
import { parseConfig } from '../domain/config';
import { levelWords } from '../domain/levels';
import { parseSettings } from '../domain/settings';
import { buildUnitTab, parseUnitTab } from '../domain/unitTab';
import { versionText } from '../domain/version';
import type { FirstRunOpened } from '../ui/firstRunDialog';
import { openFirstRunDialog } from '../ui/firstRunDialog';
import { ensureArchiveTab } from '../workspace/archiveTab';
import { readSetUpScopes, setUpScopesNote } from '../workspace/authorization';
import { keepOwnFiles, otherWorkbook } from '../workspace/copiedWorkbook';
import { scriptProperties } from '../workspace/properties';
import { mergeCatalogue, readCatalogueTab, writeCatalogueTab } from '../workspace/catalogueTab';
import { writeChecks } from '../workspace/checksTab';
import type { ConfigTabContent } from '../workspace/configTab';
import { readConfigTab, writeConfigTab } from '../workspace/configTab';
import { writeGuide } from '../workspace/guideTab';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { appendLog, ensureLogTab } from '../workspace/logTab';
import { isGuardedFor, removeProtectionRequests, sheetProtectionRequest } from '../workspace/protection';
import { readSubmissions } from '../workspace/progressTab';
import { ensureVietnameseSettings } from '../workspace/spreadsheetSettings';
import { currentUserEmail } from '../workspace/session';
import { ensureSummaryTab } from '../workspace/summaryTab';
import { lookRequests, SharedTabs } from '../workspace/tabLook';
import { ensureTargetsTab } from '../workspace/targetsTab';
import { tellUser } from '../workspace/ui';
import { activeSpreadsheet, DEFAULT_TAB_NAMES, removeBlankDefaultTab, TAB } from '../workspace/tabs';
import { ensureEditTrigger } from '../workspace/triggers';
import type { WorkbookStructure } from '../workspace/sheetsBatch';
import { applyGroups, readStructure, spreadsheetId } from '../workspace/sheetsBatch';
import { unitTabRequests } from '../workspace/unitTabs';
import type { UnitRecord } from '../workspace/unitsTab';
import { legalizeTabNames, mergeUnits, readUnitsTab, writeUnitsTab } from '../workspace/unitsTab';
import { ensureRules } from './checks';
import type { LongJob, StepContext } from './longJob';
import { resumeCursor, runSteps } from './longJob';
import { isTriggerEvent } from './reminders';
import { needsFirstRun } from './firstRun';
import { configurationChanges } from './lineage';
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
  /** Said when this version's manifest asks for scopes the previous one did not. */
  quyen_moi?: string;
  /** Said when setup stopped to go on in a later execution (a long setup: longJob.ts). */
  tam_dung?: string;
}

/** Setup as a long job: its cursor, and what its continuation trigger runs. */
const SETUP_JOB: LongJob = { key: 'khoi_tao', title: 'Khởi tạo', handler: 'setUpWorkbook' };

const SETTINGS_ACTION = 'Đổi cài đặt bảng tính (định dạng, múi giờ)';
const UPDATE_ACTION = 'Cập nhật phiên bản mã';
const SCOPES_ACTION = 'Phiên bản mới cần thêm quyền: mọi người phải cấp quyền lại';
const COPY_ACTION = 'Khởi tạo trong bản sao: bỏ lịch tự động, thư mục và mẫu báo cáo của bảng tính gốc';
/** In the order they are created. */
const ADMIN_TABS = [TAB.guide, TAB.config, TAB.catalogue, TAB.units, TAB.targets, TAB.rules];
const SCRIPT_TABS = [TAB.summary, TAB.progress, TAB.checks, TAB.archive, TAB.log, TAB.tags];
/** The shared tabs setup reads whole when it begins; of Lưu trữ and Nhật ký, which only grow, the header. */
const SHARED_READ = [...ADMIN_TABS, TAB.summary, TAB.progress, TAB.checks, TAB.tags];
const SHARED_TOPS = [TAB.archive, TAB.log];
/** The order a new workbook's tabs are made in; unit tabs then go before Tổng hợp. */
const SHARED_ORDER = [
  TAB.guide,
  TAB.config,
  TAB.catalogue,
  TAB.units,
  TAB.targets,
  TAB.rules,
  ...SCRIPT_TABS,
];
/** The rows that hold every record tab's header (Tổng hợp's is the lowest). */
const HEADER_ROWS_READ = 10;
/** Columns kept beyond a record tab's header, for an admin's own notes. */
const ROOM_COLUMNS = 2;

/**
 * The configuration comes from the argument (command line, provisioning) or from the tabs. Only an
 * admin may run it: an admin of the configuration already in the workbook or, on the very first
 * run, of the configuration being installed.
 */
export function setUpWorkbook(initialConfig?: unknown): SetupResult | FirstRunOpened {
  const started = Date.now();
  // Its continuation trigger passes the event object: the configuration is then the tabs'.
  const given = isTriggerEvent(initialConfig) ? undefined : initialConfig;
  const result = translatingFailures('Khởi tạo', () => setUp(given, started, SETUP_JOB));
  // Told once the lock is released: an alert suspends the script.
  if ('ten_don_vi' in result) {
    const told = [result.quyen_moi, result.tam_dung].filter(Boolean).join('\n\n');
    if (told) tellUser('Khởi tạo / cập nhật bảng tính', told);
  }
  return result;
}

/** What a job that runs setup under its own lock already read: Cấu hình, Đơn vị, the person. */
export interface SetupReads {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tab: ConfigTabContent;
  units: UnitRecord[];
  user: string;
}

/**
 * Setup as the end of another job that holds the lock and read the tabs (the new year): run in its
 * lock, nothing read twice, within that execution's budget, with that job's entry point as the
 * continuation, which goes on with setup. That job tells the person.
 */
export function setUpWithin(reads: SetupReads, started: number, handler: string): SetupResult {
  return setUp(undefined, started, { ...SETUP_JOB, handler }, reads) as SetupResult;
}

function setUp(
  initialConfig: unknown,
  started: number,
  job: LongJob,
  reads?: SetupReads,
): SetupResult | FirstRunOpened {
  // A Sheet never set up asks for its settings in a dialog, outside the lock; the dialog calls back.
  if (initialConfig === undefined && !reads && needsFirstRun()) return openFirstRunDialog();
  // A job that read the tabs holds the lock already (the new year): setup runs in it.
  const underLock = (job: () => SetupResult) => (reads ? job() : withScriptLock('Khởi tạo', job));
  return underLock((): SetupResult => {
    const spreadsheet = reads ? reads.spreadsheet : activeSpreadsheet();
    const now = new Date();
    const tab = reads ? reads.tab : readConfigTab(spreadsheet);
    const tabUnits = reads ? reads.units : readUnitsTab(spreadsheet);
    const config =
      initialConfig !== undefined ? parseConfig(initialConfig) : configFromTabs(tab!.config, tabUnits);
    const user = reads ? reads.user : currentUserEmail();
    // Over a set-up workbook the admins written in Cấu hình decide, once it is closed to everyone
    // else; a Cấu hình a cut-off first run left open may have been edited by anyone. A run from the
    // tabs takes its admins from Cấu hình anyway: only a configuration given asks.
    const guarded =
      initialConfig !== undefined &&
      tab !== null &&
      isGuardedFor(spreadsheet.getSheetByName(TAB.config)!, config.quan_tri, spreadsheet);
    // Only the admins matter here: Đơn vị may still be empty after a first setup cut off midway.
    const allowedBy = guarded ? { quan_tri: (tab.config.quan_tri as string[] | undefined) ?? [] } : config;
    if (!isAdmin(allowedBy, user)) {
      throw new Error(
        `Chỉ quản trị viên mới được khởi tạo bảng tính (${user || 'người dùng không xác định'}).`,
      );
    }
    // A setup that stopped to go on later (longJob.ts) goes on from where it is.
    const cursor = resumeCursor(job);
    // A copy of a template (or of a workbook) keeps nothing of the original owner's (copiedWorkbook.ts).
    const other = otherWorkbook(spreadsheetId(spreadsheet), tab === null);
    const copied = other.copied;
    const recordedScopes = other.forgetAll ? null : readSetUpScopes();
    const added = addedScopes(recordedScopes);
    scriptProperties().setProperties(
      { ...other.note, ...setUpScopesNote(recordedScopes, added) },
      other.forgetAll,
    );
    // Before anything is written: typed figures and dates are read by the spreadsheet's locale.
    const settings = ensureVietnameseSettings(spreadsheet);
    const units = legalizeTabNames(
      spreadsheet,
      initialConfig !== undefined ? mergeUnits(tabUnits, config.don_vi) : tabUnits,
    );
    // The shared and unit tabs as they are, in one read (the API refuses a person who cannot edit,
    // hence after the check): their content, grids and handles serve every step below.
    const shared = SharedTabs.open(
      spreadsheet,
      [...SHARED_READ, ...units.filter((u) => u.active).map((u) => u.tabName)],
      SHARED_TOPS,
      SHARED_ORDER,
      // Every settings and records tab is closed to all but admins in the call that makes it, before
      // anything is written or opened to officers already editing the Sheet.
      config.quan_tri,
    );
    const workbook: Workbook = {
      spreadsheet,
      config,
      settings: keepOwnFiles(parseSettings(tab?.settings ?? {}, now.getFullYear()), copied),
      units,
      catalogue: mergeCatalogue(readCatalogueTab(spreadsheet, shared), defaultCatalogue()),
      user,
      isAdmin: true,
      now,
    };

    const submissions = readSubmissions(spreadsheet, shared);
    let tabNames: string[] = [];
    const entries = [
      ...(copied ? [{ at: now, user, action: COPY_ACTION }] : []),
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
      // The configuration's history: a change of level, a merger.
      ...configurationChanges(
        guarded ? previousConfiguration(tab.config, tabUnits) : null,
        { config, units },
        now,
        user,
      ),
      ...(added.length > 0
        ? [{ at: now, user, action: SCOPES_ACTION, newValue: added.map(scopeLabel).join('; ') }]
        : []),
    ];
    // Tabs come in the order of docs/architecture.md §5 (SHARED_ORDER; unit tabs before Tổng hợp).
    // Their looks are applied with their protections, in one call. Each step is whole or redone:
    // a later execution reads the tabs afresh and starts at the step the cursor names.
    const run = runSteps(
      job,
      [
        {
          // Cấu hình and Đơn vị come first and in one step: a continuation reads its configuration there.
          name: 'các trang cài đặt',
          run: () => {
            writeGuide(spreadsheet, shared);
            writeConfigTab(spreadsheet, config, workbook.settings, shared);
            writeCatalogueTab(spreadsheet, workbook.catalogue, shared);
            writeUnitsTab(spreadsheet, units, levelWords(config.cap).unit, shared);
            ensureTargetsTab(spreadsheet, shared);
            ensureRules(workbook, shared);
            // What these tabs were given, in one call: a continuation reads them back.
            shared.writeDeferred(spreadsheet);
          },
        },
        { name: 'các trang đơn vị', run: () => setUpUnitTabs(workbook, submissions, shared.workbook) },
        {
          name: 'các trang tổng hợp',
          run: () => {
            ensureSummaryTab(spreadsheet, shared);
            refreshProgress(workbook, submissions, shared);
            if (!shared.holdsAnything(TAB.checks)) writeChecks(spreadsheet, [], shared);
            ensureArchiveTab(spreadsheet, shared);
            ensureLogTab(spreadsheet, shared);
            // Before Cấu hình is read back for the templates.
            shared.writeDeferred(spreadsheet);
          },
        },
        {
          name: 'mẫu báo cáo',
          run: (ctx: StepContext) => {
            const next = ensureReportTemplates(workbook, shared, ctx);
            // The tag list's content: each step writes what it deferred, as a pause may follow it.
            shared.writeDeferred(spreadsheet);
            return next;
          },
        },
        {
          name: 'bảo vệ các trang',
          run: () => {
            if (DEFAULT_TAB_NAMES.some((name) => shared.has(name))) removeBlankDefaultTab(spreadsheet);
            tabNames = protectRecordTabs(workbook, shared);
            ensureEditTrigger(spreadsheet);
          },
        },
      ],
      { started, spreadsheet, user, cursor, log: entries, progressed: !!reads },
    );
    if (!run.paused)
      appendLog(spreadsheet, [...entries, { at: now, user, action: 'Khởi tạo / cập nhật bảng tính' }]);
    return {
      ...(run.paused ? { tam_dung: run.message } : {}),
      ten_don_vi: config.ten_don_vi,
      so_don_vi: units.filter((u) => u.active).length,
      trang_tinh: tabNames,
      ...(settings ? { cai_dat: settings.message } : {}),
      ...(added.length > 0 ? { quyen_moi: addedScopesNotice(added) } : {}),
    };
  });
}

/**
 * The configuration the tabs held before this run, for its history; null when they hold none that
 * reads whole (a first setup cut off before it wrote Cấu hình and Đơn vị).
 */
function previousConfiguration(
  settings: Parameters<typeof configFromTabs>[0],
  units: UnitRecord[],
): { config: WorkbookConfig; units: UnitRecord[] } | null {
  try {
    return { config: configFromTabs(settings, units), units };
  } catch {
    return null;
  }
}

/**
 * The admin and record tabs, for admins only, and the tab of a unit that stopped reporting, which keeps
 * its history read-only for all but admins: one call, each tab's protection replaced in it. Returns
 * the names of the tabs, in order.
 */
function protectRecordTabs(workbook: Workbook, shared: SharedTabs): string[] {
  const names = [...ADMIN_TABS, ...SCRIPT_TABS];
  // Their headers (within the first rows) give their width: the columns Google adds beyond it (26 in
  // all) would only be cells each appended row of Lưu trữ and Nhật ký carries. Tổng hợp keeps its
  // grid: its charts sit beside each other to the right of what it holds.
  const { tabs, values } = readStructure(workbook.spreadsheet, names, `1:${HEADER_ROWS_READ}`);
  const admins = workbook.config.quan_tri;
  const wanted = [
    ...names.map((name) => ({ name, description: `trang ${name}` })),
    ...workbook.units
      .filter((u) => !u.active)
      .map((u) => ({ name: u.tabName, description: `trang đơn vị ${u.ma} (ngừng hoạt động)` })),
  ];
  applyGroups(
    workbook.spreadsheet,
    wanted
      .filter(({ name }) => tabs.has(name))
      .map(({ name, description }) => {
        const tab = tabs.get(name)!;
        const width = Math.max(1, ...(values.get(name) ?? []).map((r) => r.length)) + ROOM_COLUMNS;
        return [
          ...lookRequests(tab.sheetId, shared.looks.get(name) ?? {}),
          ...removeProtectionRequests(tab, false),
          sheetProtectionRequest(tab.sheetId, description, admins),
          ...(values.has(name) && name !== TAB.summary && tab.columns > width
            ? [
                {
                  deleteDimension: {
                    range: { sheetId: tab.sheetId, dimension: 'COLUMNS', startIndex: width },
                  },
                },
              ]
            : []),
        ];
      }),
  );
  return [...tabs.values()].sort((a, b) => a.index - b.index).map((t) => t.title);
}

/**
 * Unit tabs in a constant number of calls whatever the number of units: from the one read of the
 * tabs, their protections and values (SharedTabs), the requests of every tab, packed into as few
 * batchUpdate calls as the payload limit allows, each tab's requests in one call.
 */
function setUpUnitTabs(
  workbook: Workbook,
  submissions: ReturnType<typeof readSubmissions>,
  structure: WorkbookStructure,
): void {
  const indicators = entryIndicators(workbook.catalogue, workbook.config.cap);
  const active = workbook.units.filter((u) => u.active);
  // New tabs go before Tổng hợp (unit tabs ahead of the record tabs), else at the end, in order.
  const summary = structure.tabs.get(TAB.summary);
  let nextSheetId = structure.nextSheetId;
  let added = 0;
  const groups = active.map((unit) => {
    const tab = structure.tabs.get(unit.tabName);
    const values = structure.values.get(unit.tabName) ?? [];
    const layout = buildUnitTab({
      unitName: unit.ten,
      unitWord: levelWords(workbook.config.cap).unit,
      unitCode: unit.ma,
      officers: unit.email,
      year: workbook.settings.nam,
      indicators,
      catalogue: workbook.catalogue,
      existing: parseUnitTab(values),
      statuses: quarterStatuses(workbook, unit, submissions),
    });
    return unitTabRequests({
      tab: tab ?? { sheetId: nextSheetId++, index: summary ? summary.index + added++ : null },
      unit,
      layout,
      existing: values,
      admins: workbook.config.quan_tri,
      submitted: submissions.filter((s) => s.unit === unit.ma).map((s) => s.quarter),
      year: workbook.settings.nam,
    });
  });
  applyGroups(workbook.spreadsheet, groups);
}
