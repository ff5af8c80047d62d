/**
 * npm run provision -- --config C.json --units U.csv [--state S.json]: one workbook per row of
 * U.csv (spreadsheet, bound Apps Script project with the built code, Cấu hình, sharing), resumable
 * from the state file. See docs/provisioning.md.
 */
import path from 'node:path';
import { buildIfStale, DIST } from './build';
import { PROVISION_SCOPES } from './google/auth';
import { readBundle } from './google/bundleFiles';
import {
  COMMON_OPTIONS,
  connect,
  parseOptions,
  readJson,
  readText,
  requireOption,
  runCli,
  wholeOption,
} from './google/cli';
import { parseProvisionConfig, workbookTitle } from './google/provisionConfig';
import { formatSummary, isSuccess, provisionAll } from './google/provisionRun';
import type { UnitOutcome } from './google/provisionUnit';
import { STEP_NAMES } from './google/provisionUnit';
import { StateFile } from './google/state';
import { planWorkbooks, shareList } from './google/unitsCsv';

const USAGE = `Cách dùng: npm run provision -- --config C.json --units U.csv [--state S.json] [tùy chọn]
  --state S.json          tệp trạng thái (mặc định: cạnh U.csv, <tên U>.state.json)
  --key KEY.json          khóa tài khoản dịch vụ (mặc định: Application Default Credentials)
  --subject EMAIL         người dùng Workspace mà tài khoản dịch vụ hành động thay (ủy quyền toàn miền)
  --concurrency N         số đơn vị làm cùng lúc (mặc định 4)
  --sheets-per-minute N   hạn mức Sheets API mỗi phút, cho đọc và cho ghi (mặc định 60)
  --drive-per-minute N    số yêu cầu Drive API mỗi phút (mặc định 300)
  --script-per-minute N   số yêu cầu Apps Script API mỗi phút (mặc định 60)
  --notify                gửi email thông báo khi chia sẻ (mặc định: không gửi)
  --update-code           tải bản dựng hiện tại lên các bảng tính đang chạy bản cũ
  --dist DIR              tải bản dựng trong DIR (mặc định: dist/, dựng lại nếu mã nguồn đã đổi)
  --dry-run               chỉ kiểm tra C.json và U.csv, không gửi yêu cầu nào
  --root-url URL          (kiểm thử) gửi mọi yêu cầu tới máy chủ này thay cho Google`;

const HELP = 'npm run provision -- --help';

const OPTIONS = {
  ...COMMON_OPTIONS,
  config: { type: 'string' },
  units: { type: 'string' },
  state: { type: 'string' },
  notify: { type: 'boolean' },
  'update-code': { type: 'boolean' },
  dist: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** units.csv -> units.state.json, beside it. */
export function defaultStatePath(unitsFile: string): string {
  const parsed = path.parse(unitsFile);
  return path.join(parsed.dir, `${parsed.name}.state.json`);
}

function progressLine(outcome: UnitOutcome): string {
  switch (outcome.status) {
    case 'skipped':
      return `${outcome.code}: đã xong từ trước`;
    case 'created':
      return `${outcome.code}: xong`;
    case 'resumed':
      return `${outcome.code}: làm tiếp từ lần chạy trước, xong`;
    case 'failed':
      return `${outcome.code}: LỖI ở bước ${STEP_NAMES[outcome.failedStep!]}: ${outcome.error}`;
  }
}

export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv, OPTIONS, HELP);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const config = parseProvisionConfig(readJson(requireOption(options, 'config', HELP), 'tệp cấu hình'));
  if (options.notify) config.gui_email_thong_bao = true;
  const unitsFile = requireOption(options, 'units', HELP);
  const planned = planWorkbooks(readText(unitsFile, 'tệp đơn vị'), config, {
    baseDir: path.dirname(path.resolve(unitsFile)),
  });
  const stateFile = typeof options.state === 'string' ? options.state : defaultStatePath(unitsFile);
  const concurrency = wholeOption(options, 'concurrency', 4, 1, 50);

  if (options['dry-run']) {
    for (const p of planned)
      console.log(
        `${p.row.ma}: "${workbookTitle(config, p.row)}", cấp ${p.row.cap}, ${p.config.don_vi.length} trang đơn vị, chia sẻ ${shareList(p).length} người`,
      );
    const requests = planned.reduce((n, p) => n + 4 + shareList(p).length, 0);
    console.log(
      `Hợp lệ: ${planned.length} bảng tính, ${requests} yêu cầu nếu tạo mới tất cả. Trạng thái sẽ lưu ở "${stateFile}".`,
    );
    return 0;
  }

  const distDir = typeof options.dist === 'string' ? options.dist : DIST;
  if (typeof options.dist !== 'string') await buildIfStale();
  const bundle = readBundle(distDir);
  const { apis, requests } = await connect(options, PROVISION_SCOPES);
  const state = StateFile.open(stateFile);
  try {
    const summary = await provisionAll(
      {
        apis,
        requests,
        state,
        bundle,
        config,
        updateCode: options['update-code'] === true,
        now: () => new Date(),
      },
      planned,
      { concurrency, onUnit: (outcome) => console.log(progressLine(outcome)) },
    );
    console.log(formatSummary(summary, stateFile));
    const inCsv = new Set(planned.map((p) => p.row.ma.toUpperCase()));
    const older = state.state.units.filter((u) => u.codeHash && u.codeHash !== bundle.hash).length;
    if (older > 0) console.log(`${older} bảng tính đang chạy bản dựng cũ; thêm --update-code để cập nhật.`);
    const extra = state.state.units.filter((u) => !inCsv.has(u.code.toUpperCase())).map((u) => u.code);
    if (extra.length > 0)
      console.log(
        `Tệp trạng thái còn ${extra.length} bảng tính không có trong U.csv (giữ nguyên): ${extra.join(', ')}`,
      );
    return isSuccess(summary) ? 0 : 1;
  } finally {
    state.close();
  }
}

if (require.main === module) runCli(main);
