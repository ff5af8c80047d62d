import type { CutOffRule } from './periodSpec';

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
}

export const SETTING_LABELS: Record<keyof Settings, string> = {
  nam: 'Năm số liệu của các trang đơn vị',
  han_nop_ngay: 'Hạn nộp số liệu: số ngày sau khi hết quý',
  nguong_bien_dong: 'Ngưỡng cảnh báo biến động so với quý trước (%)',
  chot_so_lieu: 'Chốt số liệu: "calendar" (theo quý dương lịch) hoặc "15-14" (từ ngày 15 đến ngày 14)',
};

const CUT_OFF_RULES: readonly CutOffRule[] = ['calendar', '15-14'];

export function defaultSettings(currentYear: number): Settings {
  return { nam: currentYear, han_nop_ngay: 10, nguong_bien_dong: 30, chot_so_lieu: 'calendar' };
}

function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return String(value ?? '').trim() !== '' && Number.isInteger(n) ? n : null;
}

/** Settings from the tab; a missing one takes its default, a malformed one is an error naming it. */
export function parseSettings(raw: Record<string, unknown>, currentYear: number): Settings {
  const defaults = defaultSettings(currentYear);
  const problems: string[] = [];
  const pick = (key: 'nam' | 'han_nop_ngay' | 'nguong_bien_dong', min: number, max: number): number => {
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
    chot_so_lieu: CUT_OFF_RULES.includes(cutOffText as CutOffRule)
      ? (cutOffText as CutOffRule)
      : defaults.chot_so_lieu,
  };
  if (problems.length > 0) throw new Error(`Cấu hình không hợp lệ: ${problems.join('; ')}`);
  return settings;
}
