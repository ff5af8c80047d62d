/**
 * npm run deploy [-- --sheet <URL or ID>]: builds, then pushes dist/ into the Apps Script project
 * bound to the Sheet, creating that project the first time. See README, "Deploying to a real Google
 * account", and scripts/google/deployProject.ts.
 */
import path from 'node:path';
import { build, DIST, ROOT } from './build';
import { googleApis } from './google/apis';
import type { ApiAuth } from './google/apis';
import { ACCESS_TOKEN_ENV, authFor, claspLogin, claspLoginFile, SCOPES } from './google/auth';
import { readBundle } from './google/bundleFiles';
import { parseOptions, runCli } from './google/cli';
import { deploy } from './google/deployProject';
import { UserError } from './google/errors';
import { Requests } from './google/requests';
import { describeError } from './google/retry';

const USAGE = `Cách dùng: npm run deploy [-- tùy chọn]
  (không tùy chọn)        dựng và tải mã lên dự án đã ghi trong .clasp.json
  --sheet URL|MÃ          lần đầu: tạo dự án mã gắn với Google Trang tính này, ghi vào .clasp.json, tải mã lên
  --script-id MÃ          dùng dự án mã đã có (Tiện ích mở rộng › Apps Script › Cài đặt dự án › Mã tập lệnh)
  --project TỆP           tệp ghi dự án (mặc định .clasp.json; ví dụ .clasp.prod.json cho bảng tính thật)
  --auth TỆP              tệp đăng nhập của clasp (mặc định ~/.clasprc.json, do npx clasp login tạo)
  --dist DIR              tải bản dựng trong DIR, không dựng lại
  --root-url URL          (kiểm thử) gửi mọi yêu cầu tới máy chủ này thay cho Google`;

const HELP = 'npm run deploy -- --help';

const OPTIONS = {
  sheet: { type: 'string' },
  'script-id': { type: 'string' },
  project: { type: 'string' },
  auth: { type: 'string' },
  dist: { type: 'string' },
  'root-url': { type: 'string' },
  help: { type: 'boolean' },
} as const;

const NOT_LOGGED_IN =
  'Chưa đăng nhập Google trên máy này. Chạy npx clasp login (mở trình duyệt, chọn tài khoản sở hữu hoặc được sửa bảng tính, cho phép), rồi chạy lại lệnh này.';

/** An access token in the environment (tests, a token one already has), else clasp's login. */
function credentials(authFile: string, env: NodeJS.ProcessEnv): ApiAuth {
  if (env[ACCESS_TOKEN_ENV]?.trim()) return authFor({ scopes: [SCOPES.scriptProjects], env });
  const login = claspLogin(authFile);
  if (!login) throw new UserError(NOT_LOGGED_IN);
  return login;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const options = parseOptions(argv, OPTIONS, HELP);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (typeof options.sheet === 'string' && typeof options['script-id'] === 'string')
    throw new UserError('Chỉ dùng một trong hai: --sheet hoặc --script-id.');
  const auth = credentials(typeof options.auth === 'string' ? options.auth : claspLoginFile(env), env);
  try {
    if (typeof auth === 'object' && 'getAccessToken' in auth) await auth.getAccessToken();
  } catch (error) {
    throw new UserError(`${NOT_LOGGED_IN} (${describeError(error)})`);
  }
  const distDir = typeof options.dist === 'string' ? options.dist : DIST;
  if (typeof options.dist !== 'string') await build();
  const projectFile = path.resolve(
    typeof options.project === 'string' ? options.project : path.join(ROOT, '.clasp.json'),
  );
  const rootUrl = typeof options['root-url'] === 'string' ? options['root-url'] : undefined;
  const result = await deploy({
    apis: googleApis(auth, { rootUrl }),
    requests: new Requests(),
    bundle: readBundle(distDir),
    projectFile,
    sheet: typeof options.sheet === 'string' ? options.sheet : undefined,
    scriptId: typeof options['script-id'] === 'string' ? options['script-id'] : undefined,
  });
  for (const warning of result.warnings) console.log(`Lưu ý: ${warning}`);
  if (result.created)
    console.log(
      `Đã tạo dự án mã ${result.scriptId} gắn với bảng tính ${result.sheetId}; ghi vào "${projectFile}".`,
    );
  console.log(`Đã tải mã lên dự án ${result.scriptId}.`);
  const sheet = result.sheetId ? ` https://docs.google.com/spreadsheets/d/${result.sheetId}/edit` : '';
  console.log(
    `Mở lại bảng tính${sheet}, đợi menu Hội LHPN hiện ra, rồi chọn Hội LHPN › Khởi tạo / cập nhật bảng tính.`,
  );
  return 0;
}

if (require.main === module) runCli(main);
