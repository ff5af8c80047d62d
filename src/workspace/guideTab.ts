import { activeSpreadsheet, ensureSheet, TAB, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const GUIDE = [
  ['HƯỚNG DẪN SỬ DỤNG BẢNG TÍNH BÁO CÁO HỘI LHPN'],
  [''],
  [
    '1. Quản trị viên điền trang "Cấu hình" và "Đơn vị", rồi chọn menu Hội LHPN › Khởi tạo / cập nhật bảng tính.',
  ],
  ['2. Cán bộ mỗi đơn vị nhập số liệu quý vào trang của đơn vị mình (chỉ sửa được các ô của đơn vị mình).'],
  ['3. Nhập xong, chọn Hội LHPN › Nộp số liệu quý… để kiểm tra và nộp.'],
  ['4. Chủ tịch chọn Hội LHPN › Tạo báo cáo… để có báo cáo theo đúng thể thức, lưu trên Drive.'],
  ['Không sửa các trang "Tổng hợp", "Tiến độ", "Kiểm tra", "Lưu trữ", "Nhật ký": hệ thống tự ghi.'],
];

export function writeGuide(spreadsheet: Spreadsheet): void {
  const sheet = ensureSheet(spreadsheet, TAB.guide);
  writeBlock(sheet, GUIDE);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.setColumnWidth(1, 900);
}

/** "Hướng dẫn" in the menu: brings the guide tab to the front (recreating it if it was deleted). */
export function openGuide(): void {
  const spreadsheet = activeSpreadsheet();
  const sheet = spreadsheet.getSheetByName(TAB.guide);
  if (sheet) sheet.activate();
  else writeGuide(spreadsheet);
}
