import type { CutOffRule, ReportKind } from './periodSpec';

/**
 * Settings kept in Cấu hình beside the installer's configuration: they have defaults, so a workbook
 * set up from a configuration file works at once and an admin can tune them later.
 */
export interface Settings {
  /** The year the entry tabs hold. */
  nam: number;
  /** Submission deadline: days after the end of the quarter. */
  han_nop_ngay: number;
  /** A stock that moves more than this % from the previous quarter is a warning. */
  nguong_bien_dong: number;
  /** Data cut-off: calendar quarters, or the state rule (15th to 14th, Nghị định 09/2019). */
  chot_so_lieu: CutOffRule;
  /** Reminders to late units start this many days before the deadline. */
  nhac_truoc_ngay: number;
  /** The report templates (Google Doc ids), one per kind, made by Khởi tạo; an admin may point one at their own. */
  mau_quy: string;
  mau_sau_thang: string;
  mau_chin_thang: string;
  mau_nam: string;
  mau_giua_nhiem_ky: string;
  mau_nhiem_ky: string;
  /** The Drive folder holding one folder of reports per year, made by Khởi tạo. */
  thu_muc_bao_cao: string;
}

export const SETTING_LABELS: Record<keyof Settings, string> = {
  nam: 'Năm số liệu của các trang đơn vị',
  han_nop_ngay: 'Hạn nộp số liệu: số ngày sau khi hết quý',
  nguong_bien_dong: 'Ngưỡng cảnh báo biến động so với quý trước (%)',
  chot_so_lieu: 'Chốt số liệu: "calendar" (theo quý dương lịch) hoặc "15-14" (từ ngày 15 đến ngày 14)',
  nhac_truoc_ngay: 'Gửi nhắc nhở đơn vị chưa nộp từ bao nhiêu ngày trước hạn nộp',
  mau_quy:
    'Mẫu báo cáo quý: mã hoặc đường liên kết tài liệu Google Docs (Khởi tạo tự tạo; có thể thay bằng mẫu riêng)',
  mau_sau_thang: 'Mẫu báo cáo sơ kết 6 tháng (Google Docs)',
  mau_chin_thang: 'Mẫu báo cáo 9 tháng (Google Docs)',
  mau_nam: 'Mẫu báo cáo tổng kết năm (Google Docs)',
  mau_giua_nhiem_ky: 'Mẫu báo cáo sơ kết giữa nhiệm kỳ (Google Docs)',
  mau_nhiem_ky: 'Mẫu báo cáo tổng kết nhiệm kỳ (Google Docs)',
  thu_muc_bao_cao: 'Mã thư mục Google Drive lưu báo cáo (Khởi tạo tự tạo; mỗi năm một thư mục con)',
};

const NO_TEMPLATES = {
  mau_quy: '',
  mau_sau_thang: '',
  mau_chin_thang: '',
  mau_nam: '',
  mau_giua_nhiem_ky: '',
  mau_nhiem_ky: '',
};

/** The setting holding the template of a report kind. */
export function templateSetting(kind: ReportKind): `mau_${ReportKind}` {
  return `mau_${kind}`;
}

const CUT_OFF_RULES: readonly CutOffRule[] = ['calendar', '15-14'];

export function defaultSettings(currentYear: number): Settings {
  return {
    nam: currentYear,
    han_nop_ngay: 10,
    nguong_bien_dong: 30,
    chot_so_lieu: 'calendar',
    nhac_truoc_ngay: 5,
    ...NO_TEMPLATES,
    thu_muc_bao_cao: '',
  };
}

function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return String(value ?? '').trim() !== '' && Number.isInteger(n) ? n : null;
}

/** A Drive id typed or pasted into a cell; a pasted link keeps only its id. */
function driveId(value: unknown): string {
  const text = String(value ?? '').trim();
  const fromLink =
    /\/d\/([\w-]{10,})/.exec(text) ??
    /\/folders\/([\w-]{10,})/.exec(text) ??
    /[?&]id=([\w-]{10,})/.exec(text);
  return fromLink ? fromLink[1]! : text;
}

/** Settings from the tab; a missing one takes its default, a malformed one is an error naming it. */
export function parseSettings(raw: Record<string, unknown>, currentYear: number): Settings {
  const defaults = defaultSettings(currentYear);
  const problems: string[] = [];
  const pick = (
    key: 'nam' | 'han_nop_ngay' | 'nguong_bien_dong' | 'nhac_truoc_ngay',
    min: number,
    max: number,
  ): number => {
    if (raw[key] === undefined || raw[key] === null || String(raw[key]).trim() === '') return defaults[key];
    const n = wholeNumber(raw[key]);
    if (n === null || n < min || n > max) {
      problems.push(`"${key}" (${SETTING_LABELS[key]}) phải là số nguyên từ ${min} đến ${max}`);
      return defaults[key];
    }
    return n;
  };
  const cutOffText = String(raw.chot_so_lieu ?? '').trim();
  if (cutOffText !== '' && !CUT_OFF_RULES.includes(cutOffText as CutOffRule)) {
    problems.push(`"chot_so_lieu" (${SETTING_LABELS.chot_so_lieu}) phải là "calendar" hoặc "15-14"`);
  }
  const settings: Settings = {
    nam: pick('nam', 2000, 2100),
    han_nop_ngay: pick('han_nop_ngay', 0, 90),
    nguong_bien_dong: pick('nguong_bien_dong', 1, 100),
    nhac_truoc_ngay: pick('nhac_truoc_ngay', 0, 60),
    mau_quy: driveId(raw.mau_quy),
    mau_sau_thang: driveId(raw.mau_sau_thang),
    mau_chin_thang: driveId(raw.mau_chin_thang),
    mau_nam: driveId(raw.mau_nam),
    mau_giua_nhiem_ky: driveId(raw.mau_giua_nhiem_ky),
    mau_nhiem_ky: driveId(raw.mau_nhiem_ky),
    thu_muc_bao_cao: driveId(raw.thu_muc_bao_cao),
    chot_so_lieu: CUT_OFF_RULES.includes(cutOffText as CutOffRule)
      ? (cutOffText as CutOffRule)
      : defaults.chot_so_lieu,
  };
  if (problems.length > 0) throw new Error(`Cấu hình không hợp lệ: ${problems.join('; ')}`);
  return settings;
}
