/**
 * The configuration of one workbook: who owns it, its level, its units and its people. It arrives
 * from the installer (a JSON file for the command line, the Cấu hình tab on Google) and is checked
 * here before anything is written.
 */
import { roman } from './format';
import { CONTROL_CHARACTER, splitList } from './text';

export type Level = 'huyen' | 'xa' | 'tinh';

export interface UnitConfig {
  /** Stable code of the unit, e.g. "DX" or "CH01". */
  ma: string;
  ten: string;
  /** Officers of the unit who enter its figures. */
  email: string[];
  /** Codes of the units it was formed from (merger, rename), with the day that took effect. */
  predecessors?: string[];
  /** "2025-07-01". */
  mergedOn?: string;
  /** Names of predecessors the workbook does not know yet (given as {ma, ten} in the JSON). */
  predecessorNames?: Record<string, string>;
}

export interface WorkbookConfig {
  /** e.g. "Hội LHPN quận Hoàng Mai". */
  ten_don_vi: string;
  cap: Level;
  /** Place name used in the date line, e.g. "Hoàng Mai". */
  dia_danh: string;
  /** e.g. "2021-2026". */
  nhiem_ky: string;
  don_vi: UnitConfig[];
  /** Who receives the quarterly summary. */
  email_nhan: string[];
  /** Admins; the first is the owner of the workbook. */
  quan_tri: string[];
  /** The report's header and signature (Nghị định 30/2020); all optional in the JSON. */
  report: ReportConfig;
}

/** How "Tạo báo cáo" heads, signs, addresses and shares a report. */
export interface ReportConfig {
  /** Tên cơ quan chủ quản as written in running text ("Hội LHPN thành phố Hà Nội"); the header capitalises it; '' leaves it out. */
  co_quan_cap_tren: string;
  /** Tên cơ quan ban hành, bold under it in capitals; defaults to the unit's name. */
  co_quan_ban_hanh: string;
  /** The symbol after "Số: …/", e.g. "BC-HPN". */
  ky_hieu: string;
  /** "TM. BAN THƯỜNG VỤ" above the signer's title. */
  tham_quyen_ky: string;
  chuc_vu_ky: string;
  /** The signer's name; '' leaves the line for a handwritten name. */
  nguoi_ky: string;
  /** Nơi nhận lines; [] lets the report propose the usual ones. */
  noi_nhan: string[];
  /** People the report is shared with, as viewers and as editors. */
  chia_se_xem: string[];
  chia_se_sua: string[];
  /** "khong": only the people listed; "xem": also anyone with the link, read-only. */
  chia_se_lien_ket: 'khong' | 'xem';
  /** The resolution the targets come from, in full; '' makes it from the place and the ordinal. */
  nghi_quyet: string;
  /** The congress that opened the term, in Roman numerals ("IV"); '' when not given. */
  dai_hoi_lan_thu: string;
  /** The year's theme (chủ đề năm), quoted in the report's "công tác chỉ đạo". */
  chu_de_nam: string;
  /** What no figure can say, written by the Ban Thường vụ: one paragraph per line. */
  dac_diem_tinh_hinh: string;
  cong_tac_chi_dao: string;
  nguyen_nhan: string;
  bai_hoc_kinh_nghiem: string;
  phuong_huong: string;
}

/** The Ban Thường vụ's own paragraphs, kept in Cấu hình and placed in the report's sections. */
export const REPORT_TEXTS = [
  'dac_diem_tinh_hinh',
  'cong_tac_chi_dao',
  'nguyen_nhan',
  'bai_hoc_kinh_nghiem',
  'phuong_huong',
] as const;

/** The keys of ReportConfig, as they appear in the JSON and in Cấu hình. */
export const REPORT_KEYS: ReadonlyArray<keyof ReportConfig> = [
  'co_quan_cap_tren',
  'co_quan_ban_hanh',
  'ky_hieu',
  'tham_quyen_ky',
  'chuc_vu_ky',
  'nguoi_ky',
  'noi_nhan',
  'chia_se_xem',
  'chia_se_sua',
  'chia_se_lien_ket',
  'nghi_quyet',
  'dai_hoi_lan_thu',
  'chu_de_nam',
  ...REPORT_TEXTS,
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const KEYS: ReadonlyArray<Exclude<keyof WorkbookConfig, 'report'>> = [
  'ten_don_vi',
  'cap',
  'dia_danh',
  'nhiem_ky',
  'don_vi',
  'email_nhan',
  'quan_tri',
];
const LEVELS: readonly Level[] = ['huyen', 'xa', 'tinh'];
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const SYMBOL = /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u;
const UNIT_CODE = /^[A-Za-z0-9_]{1,20}$/;

/** A unit code: 1–20 letters without diacritics, digits or "_" (it names the unit's tab). */
export function isUnitCode(value: unknown): value is string {
  return typeof value === 'string' && UNIT_CODE.test(value);
}

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && EMAIL.test(value);
}

function nonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function emailList(value: unknown, where: string, problems: string[], allowEmpty: boolean): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || (!allowEmpty && list.length === 0)) {
    problems.push(`"${where}" phải là danh sách địa chỉ email${allowEmpty ? '' : ' (ít nhất một địa chỉ)'}`);
    return [];
  }
  const bad = list.filter((e) => !isEmail(e));
  if (bad.length > 0)
    problems.push(`"${where}" có địa chỉ email không hợp lệ: ${bad.map(String).join(', ')}`);
  return list.filter(isEmail).map((e) => e.trim().toLowerCase());
}

/** A term such as "2021-2026": two years, the second after the first, at most 5 years apart. */
export function isTerm(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})\s*-\s*(\d{4})$/.exec(value.trim());
  if (!match) return false;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return to > from && to - from <= 5;
}

function parseUnits(value: unknown, problems: string[]): UnitConfig[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('"don_vi" phải là danh sách đơn vị, mỗi đơn vị có "ma", "ten", "email"');
    return [];
  }
  const units: UnitConfig[] = [];
  const seen = new Set<string>();
  value.forEach((raw: unknown, index) => {
    const where = `don_vi[${index + 1}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${where} phải là một đối tượng { "ma", "ten", "email" }`);
      return;
    }
    const unit = raw as Record<string, unknown>;
    const unknown = Object.keys(unit).filter((k) => !UNIT_KEYS.includes(k));
    if (unknown.length > 0) problems.push(`${where} có khóa không được hỗ trợ: ${unknown.join(', ')}`);
    if (!isUnitCode(unit.ma)) {
      problems.push(`${where}: "ma" phải gồm 1–20 chữ cái không dấu, chữ số hoặc "_"`);
    } else if (seen.has(unit.ma.toUpperCase())) {
      problems.push(`${where}: mã đơn vị "${unit.ma}" bị trùng`);
    } else {
      seen.add(unit.ma.toUpperCase());
    }
    if (!nonEmptyText(unit.ten)) problems.push(`${where}: thiếu "ten" (tên đơn vị)`);
    else if (CONTROL_CHARACTER.test(unit.ten)) {
      problems.push(
        `${where}: "ten" có ký tự điều khiển (xuống dòng, tab…), thường do dán từ nơi khác; hãy gõ lại tên`,
      );
    }
    const emails = emailList(unit.email, `${where}.email`, problems, false);
    units.push({
      ma: String(unit.ma),
      ten: String(unit.ten ?? '')
        .trim()
        .normalize('NFC'),
      email: emails,
      ...parseLineage(unit, where, problems),
    });
  });
  checkLineages(units, problems);
  return units;
}

const UNIT_KEYS = ['ma', 'ten', 'email', 'hop_nhat_tu', 'ngay_hop_nhat'];

/** A calendar day written "2025-07-01". */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `hop_nhat_tu` (codes, or {ma, ten} for a unit the workbook has never had) and `ngay_hop_nhat`. */
function parseLineage(
  unit: Record<string, unknown>,
  where: string,
  problems: string[],
): Pick<UnitConfig, 'predecessors' | 'mergedOn' | 'predecessorNames'> {
  if (unit.hop_nhat_tu === undefined && unit.ngay_hop_nhat === undefined) return {};
  const raw = typeof unit.hop_nhat_tu === 'string' ? splitList(unit.hop_nhat_tu) : unit.hop_nhat_tu;
  const list = Array.isArray(raw) ? raw : [];
  if (list.length === 0) {
    problems.push(`${where}: "hop_nhat_tu" phải là danh sách mã các đơn vị tiền thân, ví dụ ["XA1", "XA2"]`);
  }
  const predecessors: string[] = [];
  const names: Record<string, string> = {};
  for (const item of list as unknown[]) {
    const code = item && typeof item === 'object' ? (item as Record<string, unknown>).ma : item;
    const name = item && typeof item === 'object' ? (item as Record<string, unknown>).ten : undefined;
    if (!isUnitCode(code)) {
      problems.push(
        `${where}: "hop_nhat_tu" có mã "${String(code)}" không hợp lệ (1–20 chữ cái không dấu, chữ số hoặc "_")`,
      );
      continue;
    }
    predecessors.push(code);
    if (nonEmptyText(name)) names[code] = name.trim().normalize('NFC');
  }
  if (!isIsoDay(unit.ngay_hop_nhat)) {
    problems.push(`${where}: "ngay_hop_nhat" phải là ngày hợp nhất có hiệu lực, dạng "2025-07-01"`);
  }
  return {
    predecessors,
    mergedOn: String(unit.ngay_hop_nhat ?? ''),
    ...(Object.keys(names).length > 0 ? { predecessorNames: names } : {}),
  };
}

/**
 * A predecessor is merged into one unit and no longer reports itself. A split (one old unit listed
 * by two new ones) is refused: the old unit's figures cannot be divided between them.
 */
export function checkLineages(units: readonly UnitConfig[], problems: string[]): void {
  const successor = new Map<string, string>();
  const reporting = new Set(units.map((u) => u.ma.toUpperCase()));
  for (const unit of units) {
    for (const code of unit.predecessors ?? []) {
      const key = code.toUpperCase();
      if (key === unit.ma.toUpperCase()) problems.push(`đơn vị ${unit.ma} không thể hợp nhất từ chính nó`);
      else if (reporting.has(key)) {
        problems.push(`đơn vị ${code} vẫn đang báo cáo nên không thể là đơn vị tiền thân của ${unit.ma}`);
      } else if (successor.has(key) && successor.get(key) !== unit.ma) {
        problems.push(
          `đơn vị ${code} được ghi hợp nhất vào cả ${successor.get(key)} và ${unit.ma}; khi chia tách, số liệu trước ngày chia tách không chia được cho các đơn vị mới, nên mỗi đơn vị tiền thân chỉ thuộc một đơn vị`,
        );
      }
      successor.set(key, unit.ma);
    }
  }
}

function optionalText(input: Record<string, unknown>, key: string, problems: string[]): string | null {
  const value = input[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    problems.push(`"${key}" phải là một chuỗi văn bản`);
    return null;
  }
  return value.trim().normalize('NFC') || null;
}

/** Nơi nhận: a list, or one text with one entry per line or per ";". */
function lines(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? value.split(/\s*[;\n]\s*/) : value;
  if (!Array.isArray(list) || list.some((l) => typeof l !== 'string')) {
    problems.push(`"${key}" phải là danh sách dòng văn bản`);
    return [];
  }
  return list.map((l: string) => l.trim().normalize('NFC')).filter((l) => l !== '');
}

function parseReportConfig(
  input: Record<string, unknown>,
  unitName: string,
  problems: string[],
): ReportConfig {
  const text = (key: keyof ReportConfig) => optionalText(input, key, problems);
  const symbol = (text('ky_hieu') ?? 'BC-HPN').toLocaleUpperCase('vi');
  if (!SYMBOL.test(symbol))
    problems.push('"ky_hieu" phải có dạng như "BC-HPN" (chữ in hoa, nối bằng dấu "-")');
  const link = text('chia_se_lien_ket') ?? 'khong';
  if (link !== 'khong' && link !== 'xem') problems.push('"chia_se_lien_ket" phải là "khong" hoặc "xem"');
  const optionalEmails = (key: 'chia_se_xem' | 'chia_se_sua') =>
    emailList(
      typeof input[key] === 'string' ? splitList(input[key]) : (input[key] ?? []),
      key,
      problems,
      true,
    );
  return {
    co_quan_cap_tren: text('co_quan_cap_tren') ?? '',
    co_quan_ban_hanh: text('co_quan_ban_hanh') ?? unitName,
    ky_hieu: symbol,
    tham_quyen_ky: (text('tham_quyen_ky') ?? 'TM. BAN THƯỜNG VỤ').toLocaleUpperCase('vi'),
    chuc_vu_ky: (text('chuc_vu_ky') ?? 'CHỦ TỊCH').toLocaleUpperCase('vi'),
    nguoi_ky: text('nguoi_ky') ?? '',
    noi_nhan: lines(input.noi_nhan, 'noi_nhan', problems),
    chia_se_xem: optionalEmails('chia_se_xem'),
    chia_se_sua: optionalEmails('chia_se_sua'),
    chia_se_lien_ket: link === 'xem' ? 'xem' : 'khong',
    nghi_quyet: text('nghi_quyet') ?? '',
    dai_hoi_lan_thu: congressOrdinal(text('dai_hoi_lan_thu'), problems),
    chu_de_nam: text('chu_de_nam') ?? '',
    ...(Object.fromEntries(REPORT_TEXTS.map((key) => [key, paragraphs(input[key], key, problems)])) as Record<
      (typeof REPORT_TEXTS)[number],
      string
    >),
  };
}

/** "IV", "4" or "lần thứ IV": the congress ordinal in Roman numerals, as the Union writes it. */
function congressOrdinal(value: string | null, problems: string[]): string {
  if (value === null) return '';
  const bare = value
    .replace(/^lần thứ\s*/i, '')
    .trim()
    .toUpperCase();
  if (/^\d{1,2}$/.test(bare) && Number(bare) > 0) return roman(Number(bare));
  if (/^[IVXL]+$/.test(bare)) return bare;
  problems.push('"dai_hoi_lan_thu" phải là số thứ tự của Đại hội, ví dụ IV hoặc 4');
  return '';
}

/** A text of several paragraphs, one per line; blank lines are dropped. */
function paragraphs(value: unknown, key: string, problems: string[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    problems.push(`"${key}" phải là một chuỗi văn bản`);
    return '';
  }
  return value
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Checks a raw configuration and returns it normalised, or throws a ConfigError listing every problem. */
export function parseConfig(raw: unknown): WorkbookConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(['cấu hình phải là một đối tượng JSON']);
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const known: readonly string[] = [...KEYS, ...REPORT_KEYS];
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length > 0) problems.push(`khóa không được hỗ trợ: ${unknown.join(', ')}`);
  const missing = KEYS.filter((k) => !(k in input));
  if (missing.length > 0) problems.push(`thiếu khóa: ${missing.join(', ')}`);

  if ('ten_don_vi' in input && !nonEmptyText(input.ten_don_vi))
    problems.push('"ten_don_vi" không được để trống');
  if ('cap' in input && !LEVELS.includes(input.cap as Level)) {
    problems.push(`"cap" phải là một trong: ${LEVELS.join(', ')}`);
  }
  if ('dia_danh' in input && !nonEmptyText(input.dia_danh)) problems.push('"dia_danh" không được để trống');
  if ('nhiem_ky' in input && !isTerm(input.nhiem_ky)) {
    problems.push('"nhiem_ky" phải có dạng "2021-2026" (năm bắt đầu - năm kết thúc)');
  }
  const units = 'don_vi' in input ? parseUnits(input.don_vi, problems) : [];
  const recipients = 'email_nhan' in input ? emailList(input.email_nhan, 'email_nhan', problems, true) : [];
  const admins = 'quan_tri' in input ? emailList(input.quan_tri, 'quan_tri', problems, false) : [];
  const unitName = nonEmptyText(input.ten_don_vi) ? input.ten_don_vi.trim().normalize('NFC') : '';
  const report = parseReportConfig(input, unitName, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ten_don_vi: String(input.ten_don_vi).trim().normalize('NFC'),
    cap: input.cap as Level,
    dia_danh: String(input.dia_danh).trim().normalize('NFC'),
    nhiem_ky: String(input.nhiem_ky).replace(/\s/g, ''),
    don_vi: units,
    email_nhan: recipients,
    quan_tri: admins,
    report,
  };
}
