import { activeSpreadsheet, ensureSheet, TAB, writeBlock } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const GUIDE = [
  ['HƯỚNG DẪN SỬ DỤNG BẢNG TÍNH BÁO CÁO HỘI LHPN'],
  [''],
  ['Cán bộ đơn vị'],
  [
    '1. Mở trang mang tên đơn vị mình (ví dụ "DK - phường Đại Kim"). Chỉ các ô màu vàng của đơn vị mình là sửa được.',
  ],
  [
    '2. Nhập số liệu vào cột của quý. Di chuột vào tên chỉ tiêu để xem cách tính; số sai kiểu sẽ bị từ chối kèm hướng dẫn.',
  ],
  ['3. Ghi kết quả nổi bật, tồn tại, đề xuất ở cuối trang.'],
  ['4. Nhập xong, chọn Hội LHPN › Kiểm tra số liệu; rồi đánh dấu ô "Nộp số liệu" (dòng 5) của quý để nộp.'],
  ['   Nếu còn lỗi, ô sẽ tự bỏ đánh dấu và dòng "Trạng thái" ghi rõ lỗi cần sửa.'],
  ['5. Quý đã nộp được khóa. Nộp nhầm: đề nghị quản trị viên mở lại (bỏ đánh dấu ô "Nộp số liệu").'],
  [''],
  ['Quản trị viên, Chủ tịch'],
  [
    '• Sửa "Cấu hình", "Đơn vị", "Chỉ tiêu" (cột "Theo dõi"), "Quy tắc kiểm tra", rồi chọn Khởi tạo / cập nhật bảng tính.',
  ],
  ['  Chạy lại bao nhiêu lần cũng được: số liệu đã nhập được giữ nguyên.'],
  ['• "Tiến độ" cho biết đơn vị nào đã nộp, đúng hạn hay trễ hạn; "Kiểm tra" ghi các lỗi và cảnh báo.'],
  ['• "Lưu trữ" giữ toàn bộ số liệu đã nộp; "Nhật ký" ghi mọi lần nộp, mở lại và sửa cấu hình.'],
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
