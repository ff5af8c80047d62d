/**
 * npm run province -- --workbooks S.json --ky PERIOD [--config C.json] [--out FILE.csv | --sheet ID]:
 * the roll-up across the provisioned workbooks (one request each), as the long CSV of the
 * workbook's own export or into a tab of a Sheet, with the coverage. See docs/provisioning.md.
 */
import { parsePeriodSpec } from '../src/domain/periodSpec';
import { SCOPES } from './google/auth';
import {
  COMMON_OPTIONS,
  connect,
  parseOptions,
  readJson,
  requireOption,
  runCli,
  wholeOption,
} from './google/cli';
import { UserError } from './google/errors';
import { parseProvisionConfig } from './google/provisionConfig';
import { commonLevel, formatCoverage, provinceRollUp } from './google/provinceRollUp';
import { writeProvinceSheet } from './google/provinceSheet';
import { readState, writeAtomically } from './google/state';

const USAGE = `Cách dùng: npm run province -- --workbooks S.json --ky KỲ [--config C.json] [--out FILE.csv | --sheet ID] [tùy chọn]
  --workbooks S.json      tệp trạng thái của npm run provision (danh sách bảng tính)
  --ky KỲ                 2026-Q2, 2026-H1, 2026-9M, 2026, 2025-2030, 2026-Q1..2027-Q2
  --out FILE.csv          ghi CSV dạng don_vi,ky,ma_chi_tieu,gia_tri (mặc định: in ra màn hình)
  --sheet ID              ghi vào trang "Tổng hợp KỲ" của bảng tính ID
  --key, --subject, --concurrency, --sheets-per-minute, --root-url: như npm run provision`;

const HELP = 'npm run province -- --help';

const OPTIONS = {
  ...COMMON_OPTIONS,
  config: { type: 'string' },
  workbooks: { type: 'string' },
  ky: { type: 'string' },
  out: { type: 'string' },
  sheet: { type: 'string' },
} as const;

export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv, OPTIONS, HELP);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const config =
    typeof options.config === 'string'
      ? parseProvisionConfig(readJson(options.config, 'tệp cấu hình'))
      : null;
  const period = parsePeriodSpec(requireOption(options, 'ky', HELP));
  if (!period.ok) throw new UserError(period.error);
  const state = readState(requireOption(options, 'workbooks', HELP));
  commonLevel(state.units);
  const out = typeof options.out === 'string' ? options.out : undefined;
  const sheet = typeof options.sheet === 'string' ? options.sheet : undefined;
  if (out && sheet) throw new UserError('Chọn một trong --out và --sheet.');
  const concurrency = wholeOption(options, 'concurrency', 4, 1, 50);
  const { apis, requests } = await connect(options, [
    sheet ? SCOPES.spreadsheets : SCOPES.spreadsheetsReadonly,
  ]);

  const result = await provinceRollUp(apis, requests, state, period.spec, { concurrency });
  const coverage = (config?.ten_don_vi ? `${config.ten_don_vi} – ` : '') + formatCoverage(result);
  const lines = result.csv.split('\n').length - 2;
  if (out) {
    writeAtomically(out, result.csv);
    console.log(`${coverage}\nĐã ghi ${lines} dòng số liệu vào "${out}".`);
  } else if (sheet) {
    const tab = await writeProvinceSheet(apis, requests, sheet, result);
    console.log(`${coverage}\nĐã ghi ${lines} dòng số liệu vào trang "${tab}" của bảng tính ${sheet}.`);
  } else {
    process.stdout.write(result.csv);
    console.error(coverage);
  }
  return 0;
}

if (require.main === module) runCli(main);
