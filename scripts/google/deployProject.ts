/**
 * `npm run deploy`: the built code into the Apps Script project bound to one Sheet. The first time
 * (`--sheet`) the project is created on the Sheet with the Apps Script API's projects.create and its
 * `parentId` (https://developers.google.com/apps-script/api/reference/rest/v1/projects/create), and
 * its id kept in the untracked project file (`.clasp.json`, the file clasp itself reads, so
 * `npx clasp open` and the like keep working); every run pushes dist/ with projects.updateContent.
 */
import fs from 'node:fs';
import type { GoogleApis } from './apis';
import type { Bundle } from './bundleFiles';
import { UserError } from './errors';
import type { Requests } from './requests';
import { describeError, httpStatus, isAmbiguous, isRateLimit, RetryError } from './retry';

export interface ProjectFile {
  scriptId: string;
  rootDir: string;
  /** The Sheet the project is bound to, when this tool created it. */
  parentId?: string;
}

const SHEET_URL = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;
const SHEET_ID = /^[A-Za-z0-9_-]{10,}$/;

/** The Sheet's id from its address (…/spreadsheets/d/<id>/edit…) or the id itself. */
export function sheetIdOf(text: string): string {
  const value = text.trim();
  const id = SHEET_URL.exec(value)?.[1] ?? (SHEET_ID.test(value) ? value : null);
  if (!id)
    throw new UserError(
      `"${value}" không phải đường liên kết hay mã của một Google Trang tính (dạng https://docs.google.com/spreadsheets/d/<mã>/edit).`,
    );
  return id;
}

/** The project file, or null when there is none or it names no project (clasp's empty template). */
export function readProjectFile(file: string): ProjectFile | null {
  if (!fs.existsSync(file)) return null;
  let value: Partial<ProjectFile>;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ProjectFile>;
  } catch (error) {
    throw new UserError(`Tệp "${file}" không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  const parent = Array.isArray(value.parentId) ? (value.parentId as string[])[0] : value.parentId;
  return typeof value.scriptId === 'string' && value.scriptId !== ''
    ? { scriptId: value.scriptId, rootDir: value.rootDir ?? 'dist', ...(parent ? { parentId: parent } : {}) }
    : null;
}

function writeProjectFile(file: string, project: ProjectFile): void {
  fs.writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
}

/** The error Google answered last (a retried call's last attempt). */
const lastError = (error: unknown): unknown => (error instanceof RetryError ? error.last : error);

/** An Apps Script API refusal in words a helper can act on; null when it is none of these. */
function scriptApiProblem(error: unknown): string | null {
  const last = lastError(error);
  const status = httpStatus(last);
  const text = describeError(last);
  if (status === 401)
    return 'Phiên đăng nhập Google đã hết hạn hoặc bị thu hồi: chạy lại npx clasp login rồi chạy lại lệnh này.';
  if (status === 403 && /has not enabled the Apps Script API/i.test(text))
    return (
      'Tài khoản đăng nhập chưa bật Google Apps Script API. Mở https://script.google.com/home/usersettings ' +
      '(đăng nhập đúng tài khoản), bật "Google Apps Script API", đợi vài phút rồi chạy lại lệnh này.'
    );
  if (status === 403 && /Apps Script API has not been used in project/i.test(text))
    return `Dự án Google Cloud của thông tin đăng nhập chưa bật Apps Script API: ${text}`;
  return null;
}

function createProblem(error: unknown, sheetId: string): UserError {
  const problem = scriptApiProblem(error);
  if (problem) return new UserError(problem);
  const status = httpStatus(lastError(error));
  if (status === 404)
    return new UserError(
      `Không tìm thấy bảng tính ${sheetId}: kiểm tra đường liên kết, và rằng bảng tính đã được chia sẻ cho tài khoản đăng nhập (npx clasp login).`,
    );
  if (status === 403 && !isRateLimit(lastError(error)))
    return new UserError(
      `Tài khoản đăng nhập không có quyền sửa bảng tính ${sheetId}: chủ bảng tính cần chia sẻ cho tài khoản này quyền Người chỉnh sửa.`,
    );
  return new UserError(`Không tạo được dự án mã trên bảng tính ${sheetId}: ${describeError(error)}`);
}

function pushProblem(error: unknown, project: ProjectFile, file: string): UserError {
  const problem = scriptApiProblem(error);
  if (problem) return new UserError(problem);
  const status = httpStatus(lastError(error));
  if (status === 404 || (status === 403 && !isRateLimit(lastError(error))))
    return new UserError(
      `Không mở được dự án mã ${project.scriptId} ghi trong "${file}" (đã bị xóa, hoặc tài khoản đăng nhập không có quyền sửa). ` +
        'Để tạo dự án mới trên bảng tính: xóa tệp đó rồi chạy npm run deploy -- --sheet <đường liên kết bảng tính>.',
    );
  return new UserError(`Không tải được mã lên dự án ${project.scriptId}: ${describeError(error)}`);
}

export interface DeployRequest {
  apis: GoogleApis;
  requests: Requests;
  bundle: Bundle;
  /** The untracked project file (`.clasp.json`). */
  projectFile: string;
  /** `--sheet`: bind a new project to this Sheet (URL or id). */
  sheet?: string;
  /** `--script-id`: an existing project (e.g. made with Extensions › Apps Script). */
  scriptId?: string;
}

export interface DeployResult {
  scriptId: string;
  created: boolean;
  /** The Sheet the project is bound to, when known. */
  sheetId?: string;
  warnings: string[];
}

export async function deploy(request: DeployRequest): Promise<DeployResult> {
  const { apis, requests, bundle, projectFile } = request;
  const existing = readProjectFile(projectFile);
  const warnings: string[] = [];
  let project: ProjectFile;
  let created = false;
  if (request.sheet !== undefined) {
    const sheetId = sheetIdOf(request.sheet);
    if (existing && existing.parentId !== sheetId)
      throw new UserError(
        `"${projectFile}" đã ghi dự án mã ${existing.scriptId}${existing.parentId ? ` của bảng tính ${existing.parentId}` : ''}. ` +
          'Để gắn mã vào một bảng tính khác, dùng --project <tệp khác> (mỗi bảng tính một tệp), hoặc xóa tệp đó.',
      );
    if (existing) project = existing;
    else {
      let maybeCreated = false;
      const answer = await requests
        .call('script', (attempt, previous) => {
          // Nothing lists the projects bound to a file: a lost answer cannot be checked.
          if (attempt > 0 && isAmbiguous(previous)) maybeCreated = true;
          return apis.script.projects.create({
            requestBody: { title: 'Báo cáo Hội LHPN', parentId: sheetId },
          });
        })
        .catch((error: unknown) => {
          throw createProblem(error, sheetId);
        });
      if (maybeCreated)
        warnings.push(
          'Một lần tạo dự án mã không nhận được trả lời, nên bảng tính có thể có thêm một dự án rỗng (không chạy gì); thấy hai dự án trong Tiện ích mở rộng › Apps Script thì xóa dự án rỗng.',
        );
      project = { scriptId: answer.data.scriptId!, rootDir: 'dist', parentId: sheetId };
      // Kept before the push: a failed push is retried into this project, not a second one.
      writeProjectFile(projectFile, project);
      created = true;
    }
  } else if (request.scriptId !== undefined) {
    const scriptId = request.scriptId.trim();
    if (existing && existing.scriptId !== scriptId)
      throw new UserError(
        `"${projectFile}" đã ghi dự án mã ${existing.scriptId}; dùng --project <tệp khác>, hoặc xóa tệp đó.`,
      );
    project = existing ?? { scriptId, rootDir: 'dist' };
    if (!existing) writeProjectFile(projectFile, project);
  } else {
    if (!existing)
      throw new UserError(
        `Chưa có dự án mã nào trong "${projectFile}". Lần đầu, chạy: npm run deploy -- --sheet <đường liên kết của Google Trang tính>.`,
      );
    project = existing;
  }
  await requests
    .call('script', () =>
      apis.script.projects.updateContent({
        scriptId: project.scriptId,
        requestBody: { files: bundle.files },
      }),
    )
    .catch((error: unknown) => {
      throw pushProblem(error, project, projectFile);
    });
  return { scriptId: project.scriptId, created, sheetId: project.parentId, warnings };
}
