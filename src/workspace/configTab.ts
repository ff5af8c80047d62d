import type { WorkbookConfig } from '../domain/config';
import { asCellText } from '../domain/text';
import { ensureSheet, readAll, TAB, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows of Cấu hình: key (stable, read by code), value, and what it means for the person editing it. */
const CONFIG_ROWS: ReadonlyArray<{ key: keyof Omit<WorkbookConfig, 'don_vi'>; label: string }> = [
  { key: 'ten_don_vi', label: 'Tên đơn vị sở hữu bảng tính, ví dụ "Hội LHPN quận Hoàng Mai"' },
  { key: 'cap', label: 'Cấp: huyen, xa hoặc tinh' },
  { key: 'dia_danh', label: 'Địa danh ghi ở dòng ngày tháng của báo cáo' },
  { key: 'nhiem_ky', label: 'Nhiệm kỳ, ví dụ 2021-2026' },
  { key: 'email_nhan', label: 'Email nhận báo cáo quý, cách nhau bởi dấu phẩy' },
  { key: 'quan_tri', label: 'Email quản trị (người đầu tiên là chủ sở hữu), cách nhau bởi dấu phẩy' },
];

const UNIT_HEADER = ['Mã', 'Tên đơn vị', 'Email cán bộ (cách nhau bởi dấu phẩy)', 'Hoạt động'];

/** Writes the configuration into Cấu hình and Đơn vị: one write per tab. */
export function writeConfig(spreadsheet: Spreadsheet, config: WorkbookConfig): void {
  const configSheet = ensureSheet(spreadsheet, TAB.config);
  writeBlock(configSheet, [
    ['Khóa', 'Giá trị', 'Ý nghĩa'],
    ...CONFIG_ROWS.map(({ key, label }) => {
      const value = config[key];
      return [key, asCellText(Array.isArray(value) ? value.join(', ') : value), label];
    }),
  ]);
  configSheet.setFrozenRows(1);

  const unitSheet = ensureSheet(spreadsheet, TAB.units);
  writeBlock(unitSheet, [
    UNIT_HEADER,
    ...config.don_vi.map((u) => [asCellText(u.ma), asCellText(u.ten), u.email.join(', '), true]),
  ]);
  unitSheet.setFrozenRows(1);
}

function splitList(value: unknown): string[] {
  return String(value ?? '')
    .split(/[,;\s]+/)
    .filter((s) => s !== '');
}

/**
 * The configuration as typed in Cấu hình and Đơn vị, in the shape `parseConfig` checks, or null when
 * the workbook has no Cấu hình yet.
 */
export function readRawConfig(spreadsheet: Spreadsheet): Record<string, unknown> | null {
  const configSheet = spreadsheet.getSheetByName(TAB.config);
  if (!configSheet) return null;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of readAll(configSheet).slice(1)) {
    const name = String(key ?? '').trim();
    if (name === '') continue;
    raw[name] = name === 'email_nhan' || name === 'quan_tri' ? splitList(value) : String(value ?? '');
  }
  const unitSheet = spreadsheet.getSheetByName(TAB.units);
  raw.don_vi = unitSheet
    ? readAll(unitSheet)
        .slice(1)
        .filter((row) => String(row[0] ?? '') !== '')
        .map((row) => ({ ma: String(row[0]), ten: String(row[1] ?? ''), email: splitList(row[2]) }))
    : [];
  return raw;
}
