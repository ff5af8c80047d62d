import { appendRows, ensureSheet, styleHeader, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The target model of docs/domain.md §6.1; the roll-ups read it. */
const HEADER = [
  'Nhiệm kỳ',
  'Năm',
  'Đơn vị (mã; trống = toàn đơn vị)',
  'Mã chỉ tiêu',
  'Loại chỉ tiêu',
  'Giá trị',
  'Giá trị trên',
  'Cơ sở đầu nhiệm kỳ',
  'Văn bản',
  'Ghi chú',
];

/** Creates Mục tiêu with its header; what admins typed in it is never touched. */
export function ensureTargetsTab(spreadsheet: Spreadsheet): void {
  const sheet = ensureSheet(spreadsheet, TAB.targets);
  if (sheet.getLastRow() === 0) {
    appendRows(sheet, [HEADER]);
    styleHeader(sheet, HEADER.length);
  }
}
