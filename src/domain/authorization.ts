/**
 * Authorization as people meet it. Since 2025 Google's consent screen lets a person untick scopes
 * ("granular OAuth consent", https://developers.google.com/apps-script/concepts/scopes), and a new
 * version whose manifest adds a scope makes Google ask everyone again (Google Workspace Updates,
 * "Granular OAuth consent in Google Apps Script IDE executions", January 2025). This module says
 * which scopes each menu entry needs, how to name them to an officer, and, from what each person
 * last granted, who will be asked again. Pure: src/workspace/authorization.ts asks Google.
 */
import manifest from '../../appsscript.json';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  documents: `${AUTH}documents`,
  drive: `${AUTH}drive`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  containerUi: `${AUTH}script.container.ui`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

/** What the shipped manifest requests: the build bundles appsscript.json with the code it ships with. */
export const MANIFEST_SCOPES: readonly string[] = [...manifest.oauthScopes].sort();

/** How the consent screen puts each scope, in the words of the guide's list ("Quyền truy cập …"). */
export const SCOPE_LABELS: Readonly<Record<string, string>> = {
  [SCOPE.spreadsheets]: 'Xem và sửa bảng tính Google Trang tính',
  [SCOPE.documents]: 'Xem và sửa tài liệu Google Tài liệu',
  [SCOPE.drive]: 'Xem, sửa, tạo và chia sẻ tệp trên Google Drive',
  [SCOPE.sendMail]: 'Gửi email thay bạn',
  [SCOPE.scriptApp]: 'Chạy khi bạn vắng mặt',
  [SCOPE.containerUi]: 'Hiển thị và chạy nội dung bên trong Google Trang tính',
  [SCOPE.userinfoEmail]: 'Xem địa chỉ email của bạn',
};

export function scopeLabel(scope: string): string {
  return SCOPE_LABELS[scope] ?? scope;
}

/** Every menu entry reads the workbook, shows its result and records who did it. */
const BASE = [SCOPE.spreadsheets, SCOPE.containerUi, SCOPE.userinfoEmail];
/** Report documents: created from a template, kept in a folder per year, shared. */
const REPORTS = [SCOPE.documents, SCOPE.drive];

/**
 * The scopes each menu entry (the function the menu item calls) needs, for everything it and its
 * dialog's buttons do. Schedules run with the authority of the person who installed them, so
 * installing them needs what every scheduled job needs. Enough for all that:
 * test/integration/authorization.test.ts runs each entry with exactly these granted and finds no
 * call refused.
 */
export const ENTRY_SCOPES = {
  // Templates and their folder, the edit trigger; the first-run dialog may read a CSV on Drive.
  setUpWorkbook: [...BASE, ...REPORTS, SCOPE.scriptApp],
  submitQuarter: BASE,
  reopenQuarter: BASE,
  checkData: BASE,
  rollUp: BASE,
  openReportDialog: [...BASE, ...REPORTS],
  showTagList: BASE,
  remindLateUnits: [...BASE, SCOPE.sendMail],
  installSchedules: [...BASE, ...REPORTS, SCOPE.sendMail, SCOPE.scriptApp],
  // Triggers, the report folder and templates (through Drive), today's mail quota; without Docs it
  // still runs, and says Docs is missing.
  checkInstallation: [...BASE, SCOPE.drive, SCOPE.sendMail, SCOPE.scriptApp],
  // A CSV named on Drive.
  openImportDialog: [...BASE, SCOPE.drive],
  // The new year's Khởi tạo runs inside it.
  startNewYear: [...BASE, ...REPORTS, SCOPE.scriptApp],
  showGuide: BASE,
} satisfies Record<string, readonly string[]>;

/** The scopes of `needed` not among `granted`, in the manifest's order. */
export function missingScopes(needed: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted);
  return MANIFEST_SCOPES.filter((s) => needed.includes(s) && !have.has(s));
}

/**
 * What a person reads before Google's consent screen opens again: which permissions are missing
 * for `caption`, and what to click.
 */
export function missingScopesMessage(caption: string, missing: readonly string[]): string {
  return [
    `Để dùng "${caption}", bạn cần cho phép mã của bảng tính:`,
    ...missing.map((s) => `• ${scopeLabel(s)}`),
    'Sau khi bấm OK, Google mở cửa sổ xin quyền: chọn đúng tài khoản của bạn, đánh dấu chọn tất cả các ' +
      'quyền (hoặc "Chọn tất cả") rồi bấm "Tiếp tục". Nếu Google báo "Google chưa xác minh ứng dụng ' +
      'này", bấm "Nâng cao" rồi "Đi tới … (không an toàn)". Sau đó chọn lại mục menu.',
  ].join('\n');
}

/** What a person had granted of the manifest when they last used a menu entry, and under which version. */
export interface AuthorizationRecord {
  email: string;
  version: string;
  granted: string[];
}

/**
 * People who used the menu and have not granted the scopes the last update added (`added`): the
 * menu asks each of them once more.
 */
export function peopleToReauthorize(
  records: readonly AuthorizationRecord[],
  added: readonly string[],
): Array<{ email: string; version: string; missing: string[] }> {
  return records
    .map((r) => ({ email: r.email, version: r.version, missing: missingScopes(added, r.granted) }))
    .filter((r) => r.missing.length > 0)
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Scopes this version requests that the version last set up did not (none when that is unknown). */
export function addedScopes(previous: readonly string[] | null): string[] {
  return previous ? MANIFEST_SCOPES.filter((s) => !previous.includes(s)) : [];
}

/**
 * What Khởi tạo says after an update whose manifest adds scopes: Google asks everyone again
 * ("the script is updated in such a way that it requires permission for additional scopes",
 * Google Workspace Updates, January 2025), and the schedules stop until their installer approves.
 */
export function addedScopesNotice(added: readonly string[]): string {
  return [
    'Phiên bản mới của mã cần thêm quyền:',
    ...added.map((s) => `• ${scopeLabel(s)}`),
    'Mọi người phải cấp quyền lại: lần tới chọn một mục menu Hội LHPN, mỗi người được hỏi; đánh dấu chọn ' +
      'tất cả rồi bấm "Tiếp tục". Người cài lịch tự động hãy chọn lại Hội LHPN › Cài đặt lịch tự động. ' +
      'Hội LHPN › Kiểm tra cài đặt liệt kê những ai chưa cấp lại.',
  ].join('\n');
}
