/**
 * U.csv: one row per workbook to provision. Every row is checked, the workbook configuration it
 * makes included (with the same parseConfig the bundle uses), and any bad row refuses the whole
 * file with every problem listed as "Dòng N: …" (the header is line 1), so nothing is created from a
 * file that is half right.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Level, UnitConfig, WorkbookConfig } from '../../src/domain/config';
import { ConfigError, isEmail, parseConfig } from '../../src/domain/config';
import { parseCsv } from '../../src/domain/csv';
import { splitList } from '../../src/domain/text';
import { UserError } from './errors';
import type { ProvisionConfig } from './provisionConfig';

export interface UnitRow {
  /** Line of U.csv (the header is 1). */
  line: number;
  ma: string;
  ten: string;
  cap: Level;
  /** Who enters the unit's figures (shared as editors). */
  officers: string[];
  /** The unit's own admins (the first owns the workbook in the product's sense). */
  admins: string[];
  dia_danh: string;
  /** The units of the workbook's tabs, from the file named in column don_vi; null when none. */
  subordinates: UnitConfig[] | null;
}

/** A row and the configuration its workbook starts with. */
export interface PlannedWorkbook {
  row: UnitRow;
  config: WorkbookConfig;
}

type Column = 'ma' | 'ten' | 'cap' | 'email_can_bo' | 'email_quan_tri' | 'dia_danh' | 'don_vi';

const REQUIRED: readonly Column[] = ['ma', 'ten', 'cap', 'email_can_bo', 'email_quan_tri'];
const HEADERS: Record<string, Column> = {
  ma: 'ma',
  mã: 'ma',
  'mã đơn vị': 'ma',
  ten: 'ten',
  tên: 'ten',
  'tên đơn vị': 'ten',
  cap: 'cap',
  cấp: 'cap',
  email_can_bo: 'email_can_bo',
  'email cán bộ': 'email_can_bo',
  email_quan_tri: 'email_quan_tri',
  'email quản trị': 'email_quan_tri',
  dia_danh: 'dia_danh',
  'địa danh': 'dia_danh',
  don_vi: 'don_vi',
  'đơn vị trực thuộc': 'don_vi',
};
const LEVELS: readonly Level[] = ['huyen', 'xa', 'tinh'];
const UNIT_CODE = /^[A-Za-z0-9_]{1,20}$/;
/** Reserved: the roll-up's total rows use it. */
const TOTAL_CODE = 'TONG';

/** "Hội LHPN phường Đại Kim" -> "Đại Kim": the place name of the date line, when U.csv gives none. */
export function placeName(name: string): string {
  const short = name
    .replace(/^Hội\s+(LHPN|Liên hiệp Phụ nữ)\s+/i, '')
    .replace(/^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/i, '')
    .trim();
  return short || name.trim();
}

function cell(column: Column, value: string): string {
  return `cột "${column}" = "${value}"`;
}

function emailCell(
  value: string,
  column: Column,
  line: number,
  errors: string[],
  required: boolean,
): string[] {
  const list = splitList(value).map((e) => e.toLowerCase());
  const bad = list.filter((e) => !isEmail(e));
  if (bad.length > 0)
    errors.push(`Dòng ${line}: ${cell(column, value)}: không phải địa chỉ email: ${bad.join(', ')}`);
  else if (required && list.length === 0)
    errors.push(`Dòng ${line}: ${cell(column, value)}: cần ít nhất một email`);
  return [...new Set(list.filter(isEmail))];
}

function readSubordinates(
  file: string,
  line: number,
  baseDir: string,
  errors: string[],
  readFile: (file: string) => string,
): UnitConfig[] | null {
  const full = path.resolve(baseDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFile(full));
  } catch (error) {
    errors.push(
      `Dòng ${line}: ${cell('don_vi', file)}: không đọc được tệp JSON (${(error as Error).message})`,
    );
    return null;
  }
  const list = Array.isArray(raw) ? raw : (raw as { don_vi?: unknown } | null)?.don_vi;
  if (!Array.isArray(list)) {
    errors.push(
      `Dòng ${line}: ${cell('don_vi', file)}: tệp phải là danh sách đơn vị [{ "ma", "ten", "email" }] hoặc { "don_vi": [...] }`,
    );
    return null;
  }
  // Checked with the rest of the workbook's configuration by parseConfig.
  return list as UnitConfig[];
}

export interface UnitsCsvOptions {
  /** Where relative paths in column don_vi start (U.csv's folder). */
  baseDir: string;
  readFile?: (file: string) => string;
}

/** The rows of U.csv, or a UserError listing every bad row. */
export function parseUnitsCsv(text: string, options: UnitsCsvOptions): UnitRow[] {
  const readFile = options.readFile ?? ((file: string) => fs.readFileSync(file, 'utf8'));
  const rows = parseCsv(text.normalize('NFC'));
  const errors: string[] = [];
  const header = rows[0] ?? [];
  const columns = header.map((h) => HEADERS[h.trim().toLowerCase()]);
  header.forEach((h, i) => {
    if (!columns[i])
      errors.push(
        `Dòng 1: cột "${h}" không được hỗ trợ (dùng: ${[...new Set(Object.values(HEADERS))].join(', ')})`,
      );
  });
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) errors.push(`Dòng 1: thiếu cột ${missing.map((c) => `"${c}"`).join(', ')}`);
  if (errors.length > 0) throw new UserError(errors.join('\n'));

  const units: UnitRow[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((fields, index) => {
    const line = index + 2;
    if (fields.every((f) => f.trim() === '')) return;
    if (fields.length !== header.length) {
      errors.push(`Dòng ${line}: có ${fields.length} cột, dòng tiêu đề có ${header.length} cột`);
      return;
    }
    const get = (column: Column): string => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : fields[i]!.trim();
    };
    const ma = get('ma');
    if (!UNIT_CODE.test(ma))
      errors.push(`Dòng ${line}: ${cell('ma', ma)}: mã gồm 1–20 chữ cái không dấu, chữ số hoặc "_"`);
    else if (ma.toUpperCase() === TOTAL_CODE)
      errors.push(`Dòng ${line}: ${cell('ma', ma)}: "${TOTAL_CODE}" dành cho dòng tổng của bảng tổng hợp`);
    else if (seen.has(ma.toUpperCase()))
      errors.push(`Dòng ${line}: ${cell('ma', ma)}: trùng mã với dòng ${seen.get(ma.toUpperCase())}`);
    else seen.set(ma.toUpperCase(), line);
    const ten = get('ten');
    if (ten === '') errors.push(`Dòng ${line}: ${cell('ten', ten)}: thiếu tên đơn vị`);
    const cap = get('cap').toLowerCase() as Level;
    if (!LEVELS.includes(cap))
      errors.push(`Dòng ${line}: ${cell('cap', get('cap'))}: phải là ${LEVELS.join(', ')}`);
    const file = get('don_vi');
    const subordinates = file ? readSubordinates(file, line, options.baseDir, errors, readFile) : null;
    units.push({
      line,
      ma,
      ten,
      cap,
      officers: emailCell(get('email_can_bo'), 'email_can_bo', line, errors, !file),
      admins: emailCell(get('email_quan_tri'), 'email_quan_tri', line, errors, true),
      dia_danh: get('dia_danh') || placeName(ten),
      subordinates,
    });
  });
  if (units.length === 0 && errors.length === 0)
    errors.push('Tệp không có dòng đơn vị nào (ngoài dòng tiêu đề)');
  if (errors.length > 0) throw new UserError(errors.join('\n'));
  return units;
}

/**
 * The configuration a unit's workbook starts with. Its tabs are the units of the don_vi file or,
 * without one, a single tab for the unit itself, entered by its officers: the workbook works from
 * day one, and its admin can list the branches in Đơn vị later and run Khởi tạo again.
 */
export function workbookConfig(row: UnitRow, config: ProvisionConfig): WorkbookConfig {
  return parseConfig({
    ten_don_vi: row.ten,
    cap: row.cap,
    dia_danh: row.dia_danh,
    nhiem_ky: config.nhiem_ky,
    don_vi: row.subordinates ?? [{ ma: row.ma, ten: row.ten, email: row.officers }],
    email_nhan: config.email_nhan,
    quan_tri: [...new Set([...row.admins, ...config.quan_tri])],
  });
}

/** U.csv checked through to each workbook's configuration; every problem of every row, or the plan. */
export function planWorkbooks(
  text: string,
  config: ProvisionConfig,
  options: UnitsCsvOptions,
): PlannedWorkbook[] {
  const rows = parseUnitsCsv(text, options);
  const errors: string[] = [];
  const planned: PlannedWorkbook[] = [];
  for (const row of rows) {
    try {
      planned.push({ row, config: workbookConfig(row, config) });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) errors.push(`Dòng ${row.line}: ${problem}`);
    }
  }
  if (errors.length > 0) throw new UserError(errors.join('\n'));
  return planned;
}

/** Everyone a workbook is shared with, as editors: admins, the province's admins, every officer. */
export function shareList(planned: PlannedWorkbook): string[] {
  const { row, config } = planned;
  return [...new Set([...config.quan_tri, ...row.officers, ...config.don_vi.flatMap((u) => u.email)])];
}
