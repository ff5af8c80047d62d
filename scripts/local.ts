/**
 * The local command line: the product's offline mode. It loads the built bundle into the Workspace
 * emulator and keeps the emulated workbook in a workspace folder. See README, "Local command line".
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, isEmail, parseConfig } from '../src/domain/config';
import { MENU_ITEMS } from '../src/domain/menu';
import { writeArtifacts } from './local/artifacts';
import { exportXlsx } from './emulator/export/xlsx';
import type { Emulator } from './emulator';
import { DEFAULT_TIME_ZONE } from './emulator';
import { projectScopes } from './emulator/core/scopes';
import {
  createEmulator,
  isoInZone,
  openWorkspace,
  parseDateTime,
  saveWorkspace,
  statePath,
  UserError,
} from './local/workspace';

// Apps Script runs JavaScript in the script's time zone; so does the emulated product.
process.env.TZ = DEFAULT_TIME_ZONE;

const USAGE = `Cách dùng: npm run local -- <lệnh> [tùy chọn]
  init   --dir W --config C.json [--now ISO_DATETIME]   tạo workspace mới và khởi tạo bảng tính (kèm các mẫu báo cáo)
  init   --dir W --blank [--owner EMAIL] [--now ...]    tạo workspace với một bảng tính trống như Google tạo (en_US);
                                                        "run setUpWorkbook" mở hộp thoại thiết lập lần đầu,
                                                        "run setUpWorkbook '<JSON>'" trả lời hộp thoại đó
  run    --dir W [--as EMAIL] FUNCTION [JSON_ARG]        gọi một hàm của script, in kết quả JSON
  tick   --dir W --until ISO_DATETIME                   chạy đồng hồ tới thời điểm, kích hoạt các trigger
  consent --dir W [--as EMAIL]                          người đó cấp mọi quyền mã yêu cầu (như đánh dấu "Chọn tất cả"
                                                        khi Google hỏi, ví dụ sau khi bản dựng mới cần thêm quyền)
  import --dir W --file F.csv [--as EMAIL] [--thap-phan ,|.]
                                                        nhập số liệu dạng don_vi,ky,ma_chi_tieu,gia_tri (tất cả hoặc không);
                                                        --thap-phan: dấu thập phân của tệp khi tệp không tự cho biết;
                                                        kỳ của năm trước (trong nhiệm kỳ này và nhiệm kỳ trước) vào Lưu trữ
  import --dir W --targets F.csv [--as EMAIL] [--thap-phan ,|.]
                                                        nhập chỉ tiêu vào trang Mục tiêu (nhiem_ky,nam,don_vi,ma_chi_tieu,loai,
                                                        gia_tri,gia_tri_tren,co_so,van_ban,ghi_chu), tất cả hoặc không
  export --dir W --xlsx FILE                            xuất bảng tính ra tệp .xlsx
  export --dir W --ky 2026-Q2 --csv FILE                xuất số liệu đã nhập của một quý ra CSV
  export --dir W --ky KỲ --csv FILE [--tong-hop]        xuất số liệu tổng hợp (kỳ dài hơn một quý, hoặc --tong-hop)
Sau mỗi lệnh run/tick, tài liệu (báo cáo, mẫu) được ghi ra W/tai-lieu/*.docx (và .pdf nếu có LibreOffice),
thư đã gửi ra W/thu-da-gui/*.eml.`;

type Options = Record<string, string | boolean | undefined>;

/** The owner of a blank workspace when --owner is not given: a consumer account, the harder case. */
const DEFAULT_OWNER = 'chutich@gmail.com';

const OPTIONS = {
  dir: { type: 'string' },
  config: { type: 'string' },
  blank: { type: 'boolean' },
  owner: { type: 'string' },
  now: { type: 'string' },
  as: { type: 'string' },
  until: { type: 'string' },
  xlsx: { type: 'string' },
  file: { type: 'string' },
  targets: { type: 'string' },
  ky: { type: 'string' },
  csv: { type: 'string' },
  'tong-hop': { type: 'boolean' },
  'thap-phan': { type: 'string' },
} as const;

function requireOption(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '')
    throw new UserError(`Thiếu tùy chọn --${name} (xem: npm run local -- help).`);
  return value;
}

function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp cấu hình "${file}".`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`Tệp "${file}" không phải JSON hợp lệ: ${(error as Error).message}`);
  }
}

function timeZoneOf(emulator: Emulator): string {
  return emulator.ctx.state.scriptTimeZone;
}

async function init(options: Options): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  if (fs.existsSync(statePath(dir))) {
    throw new UserError(`Thư mục "${dir}" đã là một workspace; chọn thư mục khác hoặc xóa nó trước.`);
  }
  if (options.blank === true) return initBlank(dir, options);
  // Checked here so a bad file fails before a workspace exists; the bundle gets the file as written.
  const raw = readJsonFile(requireOption(options, 'config'));
  const config = parseConfig(raw);
  const now = typeof options.now === 'string' ? parseDateTime(options.now, '--now') : Date.now();
  const owner = config.quan_tri[0]!;
  const emulator = await createEmulator(now, owner);
  emulator.sheets.createBound(`Báo cáo ${config.ten_don_vi}`);
  const result = emulator.run('setUpWorkbook', [raw], { user: owner });
  saveWorkspace(dir, emulator);
  await writeArtifacts(dir, emulator);
  return {
    workspace: dir,
    now: isoInZone(emulator.now().getTime(), timeZoneOf(emulator)),
    ...(result as object),
  };
}

/**
 * A workspace holding the Sheet a chair starts from: empty, bound to the script, in the locale and
 * time zone Google gives a new spreadsheet of an account without its own (the emulator's default).
 */
async function initBlank(dir: string, options: Options): Promise<unknown> {
  if (options.config !== undefined) throw new UserError('Dùng --blank hoặc --config, không dùng cả hai.');
  const owner = typeof options.owner === 'string' ? options.owner.trim().toLowerCase() : DEFAULT_OWNER;
  if (!isEmail(owner)) throw new UserError(`--owner phải là một địa chỉ email (nhận được "${owner}").`);
  const now = typeof options.now === 'string' ? parseDateTime(options.now, '--now') : Date.now();
  const emulator = await createEmulator(now, owner);
  emulator.sheets.createBound('Untitled spreadsheet');
  saveWorkspace(dir, emulator);
  return {
    workspace: dir,
    now: isoInZone(emulator.now().getTime(), timeZoneOf(emulator)),
    chu_so_huu: owner,
    trang_tinh: emulator.sheets.sheetNames(),
    tiep_theo: `npm run local -- run --dir ${dir} setUpWorkbook`,
  };
}

async function run(options: Options, positionals: string[]): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  const [functionName, jsonArg, ...extra] = positionals;
  if (!functionName) throw new UserError('Thiếu tên hàm cần chạy (xem: npm run local -- help).');
  if (extra.length > 0)
    throw new UserError(`Thừa tham số: ${extra.join(' ')} (đối số phải là một chuỗi JSON).`);
  let args: unknown[] = [];
  if (jsonArg !== undefined) {
    try {
      args = [JSON.parse(jsonArg)];
    } catch {
      throw new UserError(`Đối số của ${functionName} phải là JSON hợp lệ, ví dụ '{"ky":"2026-Q2"}'.`);
    }
  }
  const emulator = await openWorkspace(dir);
  if (!emulator.ctx.runtime.hasFunction(functionName)) {
    throw new UserError(`Script không có hàm "${functionName}".`);
  }
  const user = typeof options.as === 'string' ? options.as : emulator.owner;
  // A menu item without an argument runs as the click would, so it may open its dialog.
  const clicked = args.length === 0 && MENU_ITEMS.some((item) => item?.functionName === functionName);
  const result = emulator.run(functionName, args, { user, ...(clicked ? { kind: 'menu' as const } : {}) });
  saveWorkspace(dir, emulator);
  await writeArtifacts(dir, emulator);
  return result === undefined ? null : result;
}

async function tick(options: Options): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  const until = parseDateTime(requireOption(options, 'until'), '--until');
  const emulator = await openWorkspace(dir);
  if (until < emulator.now().getTime()) {
    const zone = timeZoneOf(emulator);
    throw new UserError(
      `Đồng hồ đang ở ${isoInZone(emulator.now().getTime(), zone)}; không thể lùi về ${isoInZone(until, zone)}.`,
    );
  }
  const fired = emulator.tick(until);
  saveWorkspace(dir, emulator);
  await writeArtifacts(dir, emulator);
  const zone = timeZoneOf(emulator);
  return {
    now: isoInZone(emulator.now().getTime(), zone),
    fired: fired.map((f) => ({
      at: isoInZone(f.at, zone),
      handler: f.handler,
      ok: f.ok,
      ...(f.error ? { error: f.error } : {}),
    })),
  };
}

/** The person approves everything on Google's consent screen (after an update that adds a scope). */
async function consent(options: Options): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  const emulator = await openWorkspace(dir);
  const user = typeof options.as === 'string' ? options.as : emulator.owner;
  emulator.consent.grant(user, projectScopes(emulator.ctx));
  saveWorkspace(dir, emulator);
  return { nguoi_dung: user, quyen: emulator.consent.granted(user) };
}

async function exportCommand(options: Options): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  const emulator = await openWorkspace(dir);
  if (typeof options.xlsx === 'string') {
    await exportXlsx(emulator.ctx, emulator.sheets.activeSpreadsheetId(), options.xlsx);
    return { xlsx: options.xlsx };
  }
  if (typeof options.csv === 'string') {
    const ky = requireOption(options, 'ky');
    // A single quarter exports what was entered (the import's format) unless the roll-up is asked
    // for; a longer period is always a roll-up.
    const single = /^\d{4}-Q[1-4]$/i.test(ky.trim());
    const fn = single && options['tong-hop'] !== true ? 'exportData' : 'exportRollUp';
    const csv = emulator.run(fn, [{ ky }]) as string;
    fs.writeFileSync(options.csv, csv);
    return {
      csv: options.csv,
      ky,
      tong_hop: fn === 'exportRollUp',
      so_dong: csv.trim().split('\n').length - 1,
    };
  }
  throw new UserError('Lệnh export cần --xlsx FILE, hoặc --ky KỲ --csv FILE (xem: npm run local -- help).');
}

/**
 * Imports a CSV file as the given person (default: the owner), all or nothing. The bytes go to the
 * script as they are (base64), as the dialog's file picker sends them: the script finds the encoding.
 */
async function importCommand(options: Options): Promise<unknown> {
  const dir = requireOption(options, 'dir');
  if (typeof options.file === 'string' && typeof options.targets === 'string')
    throw new UserError('Dùng --file (số liệu) hoặc --targets (chỉ tiêu), mỗi lần một tệp.');
  const targets = typeof options.targets === 'string';
  const file = requireOption(options, targets ? 'targets' : 'file');
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp "${file}".`);
  const request: Record<string, string> = {
    base64: fs.readFileSync(file).toString('base64'),
    ten_tep: path.basename(file),
  };
  if (typeof options['thap-phan'] === 'string') request.thap_phan = options['thap-phan'];
  const emulator = await openWorkspace(dir);
  const user = typeof options.as === 'string' ? options.as : emulator.owner;
  const result = emulator.run(targets ? 'importTargets' : 'importCsv', [request], { user });
  saveWorkspace(dir, emulator);
  return result;
}

export async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UserError(`Tùy chọn không hợp lệ: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  switch (command) {
    case 'init':
      return init(values);
    case 'run':
      return run(values, positionals);
    case 'tick':
      return tick(values);
    case 'consent':
      return consent(values);
    case 'export':
      return exportCommand(values);
    case 'import':
      return importCommand(values);
    case 'help':
      return USAGE;
    default:
      throw new UserError(
        command
          ? `Lệnh không hợp lệ: "${command}" (xem: npm run local -- help).`
          : 'Thiếu lệnh (xem: npm run local -- help).',
      );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (result) => {
      console.log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    },
    (error: unknown) => {
      // Product errors come from the bundle's realm, so they are recognised by shape, not class. A
      // message is one line, except a deliberate list (every bad row of an import), one per line.
      const text =
        error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
      const known = error instanceof ConfigError || error instanceof UserError;
      console.error(known ? text : `Lỗi: ${text}`);
      process.exit(1);
    },
  );
}
