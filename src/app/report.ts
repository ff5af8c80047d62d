/**
 * "Tạo báo cáo": a copy of the kind's template filled with the period's figures, saved in the year's
 * folder with its PDF, shared with the people configured, logged. A template with a broken tag is
 * refused before anything is made; a failure midway leaves nothing behind and nothing shared.
 */
import type { PeriodSpec, ReportKind } from '../domain/periodSpec';
import { reportContent } from '../domain/report/content';
import type { ReportContent } from '../domain/report/content';
import { isReportKind, offeredPeriods, REPORT_KINDS, reportKindName } from '../domain/report/kinds';
import { checkRequest } from '../domain/requests';
import { errorText, isOwnMessage } from '../domain/serviceErrors';
import { tagReference, templateProblems } from '../domain/report/tags';
import { defaultTemplate } from '../domain/report/template';
import type { Settings } from '../domain/settings';
import { templateSetting } from '../domain/settings';
import { writeSetting, writeSettings } from '../workspace/configTab';
import { withScriptLockThenTell } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { CHART_TAG, insertChartImages } from '../workspace/charts';
import { fillDocument, scanTemplate } from '../workspace/reportDocument';
import {
  copyTemplate,
  createRootFolder,
  discard,
  draftName,
  fileById,
  fileNames,
  savePdf,
  shareReport,
  subfolder,
  trashDrafts,
  usableFolder,
} from '../workspace/reportFiles';
import { createTemplateDocument, templateUsable } from '../workspace/reportTemplate';
import type { SharedTabs } from '../workspace/tabLook';
import { writeTagsTab } from '../workspace/tagsTab';
import { shortName } from '../domain/catalogue';
import { parseQuarter, quarterName } from '../domain/periods';
import type { RuleResult } from '../domain/rules';
import { readArchive } from '../workspace/archiveTab';
import type { CheckContext } from './checks';
import { chartImages, refreshCharts } from './charts';
import { checkUnitQuarter, lastYearsFinalQuarter, rulesOf } from './checks';
import { reportPeriodAsked } from './periodAsked';
import { completeness, reportInput, targetsPeriod } from './reportData';
import { readUnitTabs } from './unitData';
import type { Workbook } from './workbook';
import { loadWorkbook, requireAdmin } from './workbook';
import type { LongJob, Step, StepContext, StepsRun } from './longJob';
import { forgetCursor, inUnits, resumeCursor, runSteps, runWhole, WHOLE } from './longJob';
import { isTriggerEvent } from './reminders';

export interface ReportRequest {
  ky?: string;
  loai?: string;
  /** A period still running is reported only when this is true, as provisional figures. */
  tam_tinh?: boolean;
}

export interface ReportResult {
  docId: string;
  docUrl: string;
  pdfId: string;
  pdfUrl: string;
  ten: string;
}

const TEMPLATES_FOLDER = 'Mẫu báo cáo';

function requestedKind(request: ReportRequest | undefined): ReportKind | undefined {
  const kind = request?.loai;
  if (kind === undefined || kind === '') return undefined;
  if (!isReportKind(kind)) {
    throw new Error(
      `Loại báo cáo "${String(kind)}" không hợp lệ. Chọn một trong: ${REPORT_KINDS.map((k) => `${k.kind} (${k.name})`).join(', ')}.`,
    );
  }
  return kind;
}

/** The period asked for (default: the latest closed one of the kind) and the kind (default: the period's). */
function requestedReport(
  workbook: Workbook,
  request: ReportRequest | undefined,
): { spec: PeriodSpec; kind: ReportKind } {
  const kindAsked = requestedKind(request);
  const spec = reportPeriodAsked(workbook, kindAsked ?? 'quy', request);
  return { spec, kind: kindAsked ?? spec.reportKind };
}

/** Settings made here (folder and template ids): recorded in Cấu hình at once, or together by setup. */
type RecordId = (key: 'thu_muc_bao_cao' | ReturnType<typeof templateSetting>, id: string) => void;

function recordNow(workbook: Workbook): RecordId {
  return (key, id) => writeSetting(workbook.spreadsheet, key, id);
}

/** The report folder, made (and recorded in Cấu hình) when missing. */
function reportFolder(workbook: Workbook, record = recordNow(workbook)): GoogleAppsScript.Drive.Folder {
  const existing = usableFolder(workbook.settings.thu_muc_bao_cao);
  if (existing) return existing;
  const folder = createRootFolder(`Báo cáo - ${workbook.config.ten_don_vi}`);
  record('thu_muc_bao_cao', folder.getId());
  workbook.settings.thu_muc_bao_cao = folder.getId();
  return folder;
}

/** The kind's template, made from the default (and recorded in Cấu hình) when missing. */
function templateOf(
  workbook: Workbook,
  kind: ReportKind,
  record = recordNow(workbook),
  folder = () => subfolder(reportFolder(workbook, record), TEMPLATES_FOLDER),
): string {
  const key = templateSetting(kind);
  const id = workbook.settings[key];
  if (templateUsable(id)) return id;
  const made = createTemplateDocument(defaultTemplate(kind), folder());
  record(key, made);
  workbook.settings[key] = made;
  return made;
}

/**
 * Khởi tạo's part: the report folder, one template per kind, and the tag reference. Existing
 * templates (edited by people, perhaps) are left as they are. The folders are looked up once and
 * the ids made are recorded in Cấu hình together (one read).
 */
export function ensureReportTemplates(
  workbook: Workbook,
  shared?: SharedTabs,
  step?: StepContext,
): number | void {
  const made: Partial<Settings> = {};
  const record: RecordId = (key, id) => {
    made[key] = id;
  };
  let templates: GoogleAppsScript.Drive.Folder | null = null;
  const folder = () => (templates ??= subfolder(reportFolder(workbook, record), TEMPLATES_FOLDER));
  let stopped: number | void;
  try {
    // One template at a time, so that a long setup may stop between two (longJob.ts).
    stopped = inUnits(step ?? WHOLE, REPORT_KINDS.length, (i) =>
      templateOf(workbook, REPORT_KINDS[i]!.kind, record, folder),
    );
  } finally {
    // What was made before a failure (or a pause) is recorded, so the next run does not make it again.
    writeSettings(workbook.spreadsheet, made);
  }
  if (stopped !== undefined) return stopped;
  writeTagsTab(workbook.spreadsheet, tagReference(workbook.catalogue.filter((i) => i.active)), shared);
}

function knownTags(content: ReportContent): Set<string> {
  return new Set([
    ...Object.keys(content.text),
    ...Object.keys(content.blocks),
    ...Object.keys(content.tables),
    CHART_TAG,
  ]);
}

/** "BC Quý III-2026 - …", then "… (lần 2)" when the period was made before: old versions stay. */
function versionedName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} (lần ${n})`)) n += 1;
  return `${base} (lần ${n})`;
}

/**
 * Where a report being made is, kept in the cursor of a paused createReport (longJob.ts): the request,
 * and once the draft exists its name, the tags its template uses and the files made.
 */
interface ReportProgress {
  request: ReportRequest;
  name?: string;
  used?: string[];
  doc?: string;
  pdf?: string;
  /** Set just before sharing: a failure from then on undoes the sharing too. */
  sharing?: boolean;
}

/**
 * The steps of a report: the draft (copied from the template and filled, under the draft name), its
 * charts, its PDF, then the final name and the sharing, last, so that nothing half-made is ever
 * shared. The figures are read once in each execution that needs them (the draft, the charts). A
 * step Google stops midway is redone: the draft's with a fresh copy (the half-filled one trashed).
 */
function reportSteps(workbook: Workbook, progress: ReportProgress, files: ReportFiles): Step[] {
  const { spec, kind } = requestedReport(workbook, progress.request);
  let input: ReturnType<typeof reportInput> | null = null;
  let content: ReportContent | null = null;
  const inputOf = () => (input ??= reportInput(workbook, spec, kind));
  const contentOf = () => (content ??= reportContent(inputOf()));
  let folder: GoogleAppsScript.Drive.Folder | null = null;
  const folderOf = () => (folder ??= subfolder(reportFolder(workbook), `Năm ${spec.last.year}`));
  return [
    {
      name: 'bản nháp',
      run: () => {
        const templateId = templateOf(workbook, kind);
        const scan = scanTemplate(templateId);
        const problems = templateProblems(scan.occurrences, scan.unclosed, knownTags(contentOf()));
        if (problems.length > 0) {
          throw new Error(
            `Mẫu ${reportKindName(kind).toLocaleLowerCase('vi')} có lỗi, chưa tạo báo cáo:\n• ${problems.join('\n• ')}`,
          );
        }
        const used = new Set(scan.occurrences.map((o) => o.text.slice(2, -2)));
        const name = versionedName(contentOf().fileName, fileNames(folderOf()));
        // A draft left by a run stopped midway (this step is redone whole) goes first.
        trashDrafts(folderOf(), name);
        progress.name = name;
        const document = files.add(copyTemplate(templateId, draftName(name), folderOf()));
        progress.doc = document.getId();
        fillDocument(document.getId(), contentOf(), used);
        progress.used = [...used];
      },
    },
    {
      name: 'biểu đồ',
      run: () => {
        if (!progress.used!.includes(CHART_TAG)) return;
        // The charts of Tổng hợp, redrawn for this report's period, as pictures.
        const charts = chartImages(refreshCharts(workbook, spec, inputOf().targets, targetsPeriod(spec)));
        insertChartImages(progress.doc!, charts);
      },
    },
    {
      name: 'bản PDF',
      run: () => {
        // Under the draft name too: a PDF whose id was never recorded (Google stopped the run just
        // after making it) is then never taken for the report, and the redone step trashes it first.
        trashDrafts(folderOf(), `${progress.name!}.pdf`);
        const pdf = savePdf(files.of(progress.doc!), folderOf(), draftName(progress.name!));
        progress.pdf = files.add(pdf).getId();
      },
    },
    {
      name: 'chia sẻ',
      run: () => {
        files.of(progress.doc!).setName(progress.name!);
        files.of(progress.pdf!).setName(`${progress.name!}.pdf`);
        progress.sharing = true;
        shareReport(files.made(progress), workbook.config.report);
      },
    },
  ];
}

/** The report's files, each opened once an execution (the one that made it already holds it). */
class ReportFiles {
  /** Made in this execution, kept before anything else is asked of them (a failure cleans them up). */
  private readonly created: GoogleAppsScript.Drive.File[] = [];
  private readonly open = new Map<string, GoogleAppsScript.Drive.File>();

  add(file: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.File {
    this.created.push(file);
    this.open.set(file.getId(), file);
    return file;
  }

  of(id: string): GoogleAppsScript.Drive.File {
    const file = this.open.get(id) ?? fileById(id);
    this.open.set(id, file);
    return file;
  }

  made(progress: ReportProgress): GoogleAppsScript.Drive.File[] {
    return [progress.doc, progress.pdf].filter((id): id is string => !!id).map((id) => this.of(id));
  }

  /** What to clean up: the files made in this execution, and those of earlier ones by their ids. */
  toDiscard(progress: ReportProgress): { files: GoogleAppsScript.Drive.File[]; unopened: number } {
    const files = [...this.created];
    let unopened = 0;
    for (const id of [progress.doc, progress.pdf]) {
      if (!id || this.created.some((f) => this.open.get(id) === f)) continue;
      try {
        files.push(this.of(id));
      } catch {
        unopened += 1;
      }
    }
    return { files, unopened };
  }
}

function reportResult(progress: ReportProgress, files: ReportFiles): ReportResult {
  const [document, pdf] = files.made(progress);
  return {
    docId: document!.getId(),
    docUrl: document!.getUrl(),
    pdfId: pdf!.getId(),
    pdfUrl: pdf!.getUrl(),
    ten: progress.name!,
  };
}

/**
 * A failure midway trashes what the report made (unshared, or its sharing undone when the failure
 * came while sharing) and logs what could not be undone.
 */
function discardReport(workbook: Workbook, progress: ReportProgress, open = new ReportFiles()): void {
  if (!progress.name) return;
  const shared = !!progress.sharing;
  const { files, unopened } = open.toDiscard(progress);
  const left = discard(files, workbook.config.report, shared, progress.name);
  if (left.length > 0 || unopened > 0) {
    appendLog(workbook.spreadsheet, [
      {
        at: new Date(),
        user: workbook.user,
        action: `Tạo báo cáo "${progress.name}" bị lỗi; chưa dọn được`,
        newValue: `${left.join('; ') || 'không mở được tệp đã tạo'}. Hãy làm bằng tay trong thư mục báo cáo trên Drive.`,
      },
    ]);
  }
}

/** Runs the report's steps (all of them, or as a long job); a failure leaves nothing behind. */
function makeReport(
  workbook: Workbook,
  progress: ReportProgress,
  run: (steps: Step[]) => StepsRun,
): { result: ReportResult } | { paused: string } {
  const files = new ReportFiles();
  const steps = reportSteps(workbook, progress, files);
  let outcome: StepsRun;
  try {
    outcome = run(steps);
  } catch (error) {
    discardReport(workbook, progress, files);
    throw error;
  }
  return outcome.paused ? { paused: outcome.message } : { result: reportResult(progress, files) };
}

/** The work of createReport, for a caller that already holds the lock and checked the person. */
export function createReportDocument(workbook: Workbook, request: ReportRequest): ReportResult {
  const made = makeReport(workbook, { request }, runWhole);
  return (made as { result: ReportResult }).result;
}

/** createReport as a long job: a report over many years may take more than one execution. */
const REPORT_JOB: LongJob = { key: 'tao_bao_cao', title: 'Tạo báo cáo', handler: 'createReport' };

/**
 * "Tạo báo cáo": admins only; the kind follows from the period unless given. A report that paused
 * (longJob.ts) is finished first: its trigger's run and the admin's next click go on with it.
 */
export function createReport(
  request?: ReportRequest,
): ReportResult | { tam_dung: string } | { khong_con_viec: true } {
  checkRequest('createReport', request);
  const started = Date.now();
  return withScriptLockThenTell<ReturnType<typeof createReport>>('Tạo báo cáo', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'tạo báo cáo');
    const cursor = resumeCursor(REPORT_JOB, (data) => discardReport(workbook, data as ReportProgress));
    // A continuation trigger whose report was finished meanwhile (by a click) has nothing to do.
    if (isTriggerEvent(request) && !cursor) return { result: { khong_con_viec: true } };
    const progress = (cursor?.data as ReportProgress | undefined) ?? { request: request ?? {} };
    let made: ReturnType<typeof makeReport>;
    try {
      made = makeReport(workbook, progress, (steps) =>
        runSteps(REPORT_JOB, steps, {
          cursor,
          started,
          spreadsheet: workbook.spreadsheet,
          user: workbook.user,
          data: () => progress,
        }),
      );
    } catch (error) {
      // A failed report is not continued: its cursor and trigger go with what it made.
      forgetCursor(REPORT_JOB, cursor);
      // Google's failures are logged, with its text, where the lock's boundary translates them.
      if (isOwnMessage(error)) {
        appendLog(workbook.spreadsheet, [
          { at: new Date(), user: workbook.user, action: `Lỗi khi tạo báo cáo: ${errorText(error)}` },
        ]);
      }
      throw error;
    }
    if ('paused' in made) return { result: { tam_dung: made.paused }, message: made.paused };
    const { result } = made;
    appendLog(workbook.spreadsheet, [
      { at: new Date(), user: workbook.user, action: `Tạo báo cáo "${result.ten}"`, place: result.docUrl },
    ]);
    return { result, message: `Đã tạo "${result.ten}" và bản PDF.\n${result.docUrl}` };
  });
}

export interface ReportOptions {
  ky: string;
  ten_ky: string;
  loai: ReportKind;
  cac_loai: Array<{ ma: ReportKind; ten: string }>;
  cac_ky: Array<{ ky: string; ten: string }>;
  da_nop: string;
  chua_nop: string[];
  loi: Array<{ don_vi: string; chi_tieu: string; thong_bao: string; muc_do: string }>;
}

/** A rule result as the dialog lists it; the indicator is named when the rule belongs to one. */
function checkLine(workbook: Workbook, result: RuleResult): ReportOptions['loi'][number] {
  const code = result.ruleId.split(':')[0]!;
  const indicator = workbook.catalogue.find((i) => i.code === code);
  return {
    don_vi: workbook.units.find((u) => u.ma === result.unit)?.ten ?? result.unit,
    chi_tieu: indicator ? shortName(indicator) : '',
    thong_bao: `${quarterName(parseQuarter(result.period)!)}: ${result.message}`,
    muc_do: result.importance === 'error' ? 'Lỗi' : 'Cảnh báo',
  };
}

/**
 * What the dialog shows before the chair generates: the kinds, the periods of the chosen kind
 * (default: the latest completed), who has submitted, and what the checks find in this year's data.
 */
export function reportOptions(request?: ReportRequest): ReportOptions {
  checkRequest('reportOptions', request);
  const workbook = loadWorkbook();
  requireAdmin(workbook, 'tạo báo cáo');
  const { spec, kind } = requestedReport(workbook, request);
  const offered = offeredPeriods(kind, workbook.now, workbook.config.nhiem_ky);
  if (!offered.some((p) => p.key === spec.key)) offered.unshift(spec);

  const thisYear = spec.quarters.filter((q) => q.startsWith(`${workbook.settings.nam}-`));
  const otherYears = new Set(spec.quarters.filter((q) => !thisYear.includes(q)));
  const tabs = thisYear.length > 0 ? readUnitTabs(workbook) : new Map();
  const context: CheckContext = { rules: rulesOf(workbook), lastYear: lastYearsFinalQuarter(workbook) };
  const problems = [...tabs].flatMap(([unit, tab]) =>
    thisYear.flatMap((key) => checkUnitQuarter(workbook, unit, tab, parseQuarter(key)!.quarter, context)),
  );
  const archived = otherYears.size > 0 ? readArchive(workbook.spreadsheet, otherYears) : [];
  const status = completeness(workbook, spec, archived);
  return {
    ky: spec.key,
    ten_ky: spec.name,
    loai: kind,
    cac_loai: REPORT_KINDS.map((k) => ({ ma: k.kind, ten: k.name })),
    cac_ky: offered.map((p) => ({ ky: p.key, ten: p.name })),
    da_nop: status.text,
    chua_nop: status.units.filter((u) => !u.submitted).map((u) => u.ten),
    loi: problems.map((r) => checkLine(workbook, r)),
  };
}
