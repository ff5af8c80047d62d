/**
 * C.json: what every provisioned workbook shares (the term, who receives the summaries, the
 * province's admins, the settings) and how provisioning behaves (workbook title, notification
 * e-mails). What differs per workbook comes from U.csv.
 */
import { isEmail, isTerm } from '../../src/domain/config';
import { parseSettings, SETTING_LABELS } from '../../src/domain/settings';
import { UserError } from './errors';

export interface ProvisionConfig {
  /** The union that provisions and rolls up, e.g. "Hội LHPN tỉnh Phú Thọ" (titles only). */
  ten_don_vi: string;
  nhiem_ky: string;
  /** Who receives each workbook's quarterly summary. */
  email_nhan: string[];
  /** Admins added to every workbook, after the unit's own admins. */
  quan_tri: string[];
  /** Workbook title; {ma} and {ten} are replaced; {ma} keeps titles unique. */
  tieu_de: string;
  /** Whether Drive e-mails the people a workbook is shared with. */
  gui_email_thong_bao: boolean;
  /** The message of that e-mail. */
  loi_nhan: string;
  /** Settings written to Cấu hình (the rest keep their defaults). */
  cai_dat: Record<string, string | number>;
}

const KEYS = [
  'ten_don_vi',
  'nhiem_ky',
  'email_nhan',
  'quan_tri',
  'tieu_de',
  'gui_email_thong_bao',
  'loi_nhan',
  'cai_dat',
];
export const DEFAULT_TITLE = 'Báo cáo {ten} ({ma})';

function emails(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    problems.push(`"${key}" phải là danh sách địa chỉ email`);
    return [];
  }
  const bad = list.filter((e) => !isEmail(e));
  if (bad.length > 0) problems.push(`"${key}" có địa chỉ email không hợp lệ: ${bad.map(String).join(', ')}`);
  return [...new Set(list.filter(isEmail).map((e) => e.trim().toLowerCase()))];
}

function text(value: unknown, key: string, problems: string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') {
    problems.push(`"${key}" phải là chuỗi ký tự`);
    return fallback;
  }
  return value.trim().normalize('NFC');
}

/** Checks C.json; every problem is named, nothing is half-accepted. */
export function parseProvisionConfig(raw: unknown, currentYear = new Date().getFullYear()): ProvisionConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserError('Tệp cấu hình phải là một đối tượng JSON.');
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(input).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) problems.push(`khóa không được hỗ trợ: ${unknown.join(', ')}`);
  if (!isTerm(input.nhiem_ky))
    problems.push('"nhiem_ky" phải có dạng "2025-2030" (năm bắt đầu - năm kết thúc)');

  const title = text(input.tieu_de, 'tieu_de', problems, DEFAULT_TITLE) || DEFAULT_TITLE;
  // A lost answer to "create spreadsheet" is recovered by looking the title up: it must be unique.
  if (!title.includes('{ma}')) problems.push('"tieu_de" phải chứa {ma} để tên mỗi bảng tính là duy nhất');

  const notify = input.gui_email_thong_bao ?? false;
  if (typeof notify !== 'boolean') problems.push('"gui_email_thong_bao" phải là true hoặc false');

  const settings: Record<string, string | number> = {};
  if (input.cai_dat !== undefined) {
    if (!input.cai_dat || typeof input.cai_dat !== 'object' || Array.isArray(input.cai_dat)) {
      problems.push('"cai_dat" phải là một đối tượng, ví dụ { "han_nop_ngay": 10 }');
    } else {
      const given = input.cai_dat as Record<string, unknown>;
      const unknownSettings = Object.keys(given).filter((k) => !(k in SETTING_LABELS));
      if (unknownSettings.length > 0)
        problems.push(
          `"cai_dat" có khóa không được hỗ trợ: ${unknownSettings.join(', ')} (được dùng: ${Object.keys(SETTING_LABELS).join(', ')})`,
        );
      try {
        parseSettings(given, currentYear);
        for (const [key, value] of Object.entries(given)) {
          if (key in SETTING_LABELS && (typeof value === 'number' || typeof value === 'string'))
            settings[key] = value;
        }
      } catch (error) {
        problems.push(`"cai_dat": ${(error as Error).message.replace(/^Cấu hình không hợp lệ: /, '')}`);
      }
    }
  }
  const config: ProvisionConfig = {
    ten_don_vi: text(input.ten_don_vi, 'ten_don_vi', problems, ''),
    nhiem_ky: typeof input.nhiem_ky === 'string' ? input.nhiem_ky.replace(/\s/g, '') : '',
    email_nhan: emails(input.email_nhan, 'email_nhan', problems),
    quan_tri: emails(input.quan_tri, 'quan_tri', problems),
    tieu_de: title,
    gui_email_thong_bao: notify === true,
    loi_nhan: text(input.loi_nhan, 'loi_nhan', problems, ''),
    cai_dat: settings,
  };
  if (problems.length > 0) throw new UserError(`Tệp cấu hình không hợp lệ: ${problems.join('; ')}`);
  return config;
}

/** The workbook title of a unit. */
export function workbookTitle(
  config: Pick<ProvisionConfig, 'tieu_de'>,
  unit: { ma: string; ten: string },
): string {
  return config.tieu_de.replace(/\{ma\}/g, unit.ma).replace(/\{ten\}/g, unit.ten);
}
