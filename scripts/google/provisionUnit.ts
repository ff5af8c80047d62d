/**
 * Provisioning one unit's workbook, step by step, each step recorded in the state file as soon as
 * it is done, so a rerun continues where the last run stopped and never repeats a finished step:
 *   1. create the spreadsheet (Sheets API), with the tabs Cấu hình and Đơn vị;
 *   2. write Cấu hình and Đơn vị (one values.batchUpdate);
 *   3. create the bound Apps Script project (Apps Script API, parentId = the spreadsheet);
 *   4. upload the built code (projects.updateContent);
 *   5. share it with each admin and officer (Drive permissions), last, so nobody is invited to a
 *      workbook that is not ready.
 * Requests per unit: 4 + one per person shared with, whatever the number of indicators or units.
 */
import type { GoogleApis } from './apis';
import type { Bundle } from './bundleFiles';
import type { ProvisionConfig } from './provisionConfig';
import { workbookTitle } from './provisionConfig';
import type { Requests } from './requests';
import { describeError, isAmbiguous, RetryError } from './retry';
import type { StateFile, UnitState } from './state';
import type { PlannedWorkbook } from './unitsCsv';
import { shareList } from './unitsCsv';
import { INITIAL_TABS, initialWrites } from './workbookLayout';

export type Step = 'spreadsheet' | 'config' | 'script' | 'code' | 'share';

export const STEP_NAMES: Record<Step, string> = {
  spreadsheet: 'tạo bảng tính',
  config: 'ghi Cấu hình',
  script: 'tạo dự án Apps Script',
  code: 'tải mã lên',
  share: 'chia sẻ',
};

export interface ProvisionContext {
  apis: GoogleApis;
  requests: Requests;
  state: StateFile;
  bundle: Bundle;
  config: ProvisionConfig;
  /** Upload the current build to units that run an older one. */
  updateCode: boolean;
  now: () => Date;
}

export interface UnitOutcome {
  code: string;
  /** skipped: already complete; created: done from scratch; resumed: finished a unit started before. */
  status: 'skipped' | 'created' | 'resumed' | 'failed';
  failedStep?: Step;
  error?: string;
  /** Failed on a rate limit that outlasted every retry (a daily quota, most likely). */
  rateLimited?: boolean;
  spreadsheetCreated: boolean;
  /** A spreadsheet from an earlier attempt whose answer was lost, found by its title. */
  spreadsheetFound: boolean;
  scriptCreated: boolean;
  codeUploaded: boolean;
  shared: number;
  warnings: string[];
}

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
const ORPHAN_PROJECT =
  'một lần tạo dự án Apps Script trước đó không nhận được trả lời, nên có thể đã để lại một dự án rỗng gắn với bảng tính này (không có mã, không chạy gì); nếu thấy hai dự án, xóa dự án rỗng';

function isComplete(unit: UnitState, people: string[], context: ProvisionContext): boolean {
  return (
    !!unit.spreadsheetId &&
    !!unit.configWritten &&
    !!unit.scriptId &&
    !!unit.codeHash &&
    (!context.updateCode || unit.codeHash === context.bundle.hash) &&
    people.every((p) => unit.sharedWith.includes(p))
  );
}

function hasProgress(unit: UnitState): boolean {
  return !!(unit.createRequestedAt || unit.spreadsheetId);
}

/** A Drive query string literal. */
function queryText(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export async function provisionUnit(
  context: ProvisionContext,
  planned: PlannedWorkbook,
): Promise<UnitOutcome> {
  const { apis, requests, state, bundle, config } = context;
  const { row } = planned;
  const people = shareList(planned);
  const outcome: UnitOutcome = {
    code: row.ma,
    status: 'created',
    spreadsheetCreated: false,
    spreadsheetFound: false,
    scriptCreated: false,
    codeUploaded: false,
    shared: 0,
    warnings: [],
  };
  const title = workbookTitle(config, row);
  let unit = state.unit(row.ma);
  if (!unit) {
    unit = state.add({ code: row.ma, name: row.ten, level: row.cap, title, sharedWith: [] });
  } else if (!hasProgress(unit)) {
    // Nothing exists on Google yet: the row's current values win.
    Object.assign(unit, { name: row.ten, level: row.cap, title });
  }
  if (isComplete(unit, people, context)) return { ...outcome, status: 'skipped' };
  if (hasProgress(unit)) outcome.status = 'resumed';
  const record = unit;
  const stamp = () => context.now().toISOString();
  const save = () => state.save();

  /** The spreadsheet an earlier attempt created, if its answer was lost: found by its unique title. */
  const findSpreadsheet = async (): Promise<{ id: string; url: string } | null> => {
    const found = await requests.call('drive', () =>
      apis.drive.files.list({
        q: `name = ${queryText(record.title)} and mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
        fields: 'files(id,webViewLink,createdTime)',
        orderBy: 'createdTime',
        pageSize: 10,
      }),
    );
    const files = found.data.files ?? [];
    if (files.length === 0 || !files[0]!.id) return null;
    if (files.length > 1)
      outcome.warnings.push(
        `có ${files.length} bảng tính tên "${record.title}"; dùng bảng tạo trước nhất (${files[0]!.id}), hãy xóa các bảng còn lại`,
      );
    outcome.spreadsheetFound = true;
    return { id: files[0]!.id, url: files[0]!.webViewLink ?? '' };
  };

  let step: Step = 'spreadsheet';
  let scriptMaybeCreated = false;
  try {
    if (!record.spreadsheetId) {
      let sheet = record.createRequestedAt ? await findSpreadsheet() : null;
      if (!sheet) {
        record.createRequestedAt = stamp();
        save();
        sheet = await requests.call('sheetsWrite', async (attempt, previous) => {
          // The previous attempt may have created it before its answer was lost: look first.
          if (attempt > 0 && isAmbiguous(previous)) {
            const earlier = await findSpreadsheet();
            if (earlier) return earlier;
          }
          const created = await apis.sheets.spreadsheets.create({
            fields: 'spreadsheetId,spreadsheetUrl',
            requestBody: {
              properties: { title: record.title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
              sheets: INITIAL_TABS.map((name, index) => ({ properties: { title: name, index } })),
            },
          });
          outcome.spreadsheetCreated = true;
          return { id: created.data.spreadsheetId!, url: created.data.spreadsheetUrl ?? '' };
        });
      }
      record.spreadsheetId = sheet.id;
      record.spreadsheetUrl = sheet.url || `https://docs.google.com/spreadsheets/d/${sheet.id}/edit`;
      save();
    }
    const spreadsheetId = record.spreadsheetId;

    step = 'config';
    if (!record.configWritten) {
      await requests.call('sheetsWrite', () =>
        apis.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId,
          requestBody: { valueInputOption: 'RAW', data: initialWrites(planned.config, config.cai_dat) },
        }),
      );
      record.configWritten = true;
      save();
    }

    step = 'script';
    if (!record.scriptId) {
      if (record.scriptRequestedAt) outcome.warnings.push(ORPHAN_PROJECT);
      record.scriptRequestedAt = stamp();
      save();
      const project = await requests.call('script', (attempt, previous) => {
        // Nothing lists the projects bound to a file: an attempt that may have worked cannot be checked.
        if (attempt > 0 && isAmbiguous(previous)) scriptMaybeCreated = true;
        return apis.script.projects.create({ requestBody: { title: record.title, parentId: spreadsheetId } });
      });
      if (scriptMaybeCreated) outcome.warnings.push(ORPHAN_PROJECT);
      record.scriptId = project.data.scriptId!;
      outcome.scriptCreated = true;
      save();
    }
    const scriptId = record.scriptId;

    step = 'code';
    if (!record.codeHash || (context.updateCode && record.codeHash !== bundle.hash)) {
      await requests.call('script', () =>
        apis.script.projects.updateContent({ scriptId, requestBody: { files: bundle.files } }),
      );
      record.codeHash = bundle.hash;
      outcome.codeUploaded = true;
      save();
    }

    step = 'share';
    for (const email of people.filter((p) => !record.sharedWith.includes(p))) {
      const notify = config.gui_email_thong_bao;
      await requests.call('drive', () =>
        apis.drive.permissions.create({
          fileId: spreadsheetId,
          sendNotificationEmail: notify,
          ...(notify && config.loi_nhan ? { emailMessage: config.loi_nhan } : {}),
          fields: 'id',
          requestBody: { type: 'user', role: 'writer', emailAddress: email },
        }),
      );
      record.sharedWith.push(email);
      outcome.shared++;
      save();
    }

    record.completedAt = stamp();
    delete record.lastError;
    save();
    return outcome;
  } catch (error) {
    const message = describeError(error);
    record.lastError = `${STEP_NAMES[step]}: ${message}`;
    // Refused outright (no attempt could have worked): the next run has nothing to warn about.
    if (
      step === 'script' &&
      !scriptMaybeCreated &&
      !isAmbiguous(error instanceof RetryError ? error.last : error)
    )
      delete record.scriptRequestedAt;
    save();
    return {
      ...outcome,
      status: 'failed',
      failedStep: step,
      error: message,
      rateLimited: error instanceof RetryError && error.rateLimited,
    };
  }
}
