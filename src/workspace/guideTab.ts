import { versionText } from '../domain/version';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { activeSpreadsheet, ensureSheet, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The full guide, in the source (docs/huong-dan-su-dung.md); this tab is its summary. */
export const GUIDE_FILE = 'docs/huong-dan-su-dung.md';

/**
 * The guide tab: a summary for each audience of docs/huong-dan-su-dung.md, the most asked questions
 * with their answers, and the full guide's sections (a test keeps these in step with the file).
 * Lines starting with '#' are headings (bold, without the mark).
 */
export const GUIDE_LINES: readonly string[] = [
  '# HƯỚNG DẪN SỬ DỤNG BẢNG TÍNH BÁO CÁO HỘI LHPN',
  'Mọi chức năng nằm trong menu "Hội LHPN" trên thanh menu (xuất hiện vài giây sau khi mở bảng tính).',
  '',
  '# 1. Cán bộ đơn vị: nhập, kiểm tra và nộp số liệu',
  '1. Đăng nhập bằng đúng email ghi ở trang "Đơn vị", mở trang mang tên đơn vị mình (ví dụ "DK - phường Đại Kim"). Chỉ các ô nhập liệu của đơn vị mình là sửa được.',
  '2. Nhập số liệu vào cột của quý. Di chuột vào tên chỉ tiêu để xem cách tính; số sai kiểu sẽ bị từ chối kèm hướng dẫn. Chưa có số liệu thì để trống, không ghi 0.',
  '3. Cuối trang, ghi hoạt động của quý vào dòng của từng mặt công tác, và kết quả nổi bật, tồn tại, đề xuất: báo cáo đặt mỗi nội dung dưới mục của nó, ghi tên đơn vị.',
  '4. Chọn Hội LHPN › Kiểm tra số liệu; sửa hết "Lỗi" (Cảnh báo chỉ để lưu ý).',
  '5. Đánh dấu ô "Nộp số liệu" (dòng 5) của quý để nộp. Nếu còn lỗi, ô tự bỏ đánh dấu và dòng "Trạng thái" ghi rõ lỗi cần sửa.',
  '6. Quý đã nộp được khóa. Hạn nộp mặc định là 10 ngày sau khi hết quý; từ 5 ngày trước hạn, đơn vị chưa nộp nhận mỗi ngày một thư nhắc.',
  '',
  '# 2. Chủ tịch, cán bộ chuyên trách: tổng hợp, tạo và chia sẻ báo cáo',
  '• "Tiến độ": đơn vị nào đã nộp, đúng hạn hay trễ hạn; "Kiểm tra": lỗi và cảnh báo; "Tổng hợp": số liệu từ đầu năm (Tổng hợp ngay, hoặc tự động mỗi sáng).',
  '• Tạo báo cáo…: chọn loại và kỳ; báo cáo (Google Docs và PDF) được lưu trong thư mục báo cáo của năm và chỉ chia sẻ với người ghi trong Cấu hình.',
  '• Báo cáo tự viết số liệu thành câu, đánh giá so với chỉ tiêu, tính phần còn phải phấn đấu, và kèm Phụ lục số liệu sau phần chữ ký. Đoạn đặc điểm tình hình, nguyên nhân, bài học kinh nghiệm, phương hướng do Ban Thường vụ ghi sẵn ở trang Cấu hình (các dòng dac_diem_tinh_hinh, nguyen_nhan, bai_hoc_kinh_nghiem, phuong_huong…).',
  '• Gửi nhắc nhở: gửi ngay thư nhắc tới đơn vị chưa nộp (mỗi đơn vị tối đa một thư mỗi ngày).',
  '• Sáng đầu tiên sau hạn nộp của mỗi quý, báo cáo quý được gửi một lần tới các địa chỉ ở Cấu hình › email_nhan (PDF đính kèm). Mọi lần gửi và lỗi gửi ghi ở "Nhật ký".',
  '• Mở lại quý đã nộp… để đơn vị sửa; Sang năm mới… khi các đơn vị đã nộp đủ Quý IV.',
  '',
  '# 3. Người cài đặt: triển khai, lịch tự động và quyền truy cập',
  '• Cài đặt lịch tự động (quản trị viên): tổng hợp khoảng 6–7 giờ, gửi báo cáo quý khoảng 7–8 giờ, nhắc nộp khoảng 8–9 giờ mỗi sáng. Cài lại không sinh lịch trùng; dòng "lich_tu_dong" cuối trang Cấu hình cho biết lịch đang cài.',
  '• Lịch chạy và gửi thư dưới tài khoản người cài. Gỡ lịch: Tiện ích mở rộng › Apps Script, chạy hàm removeSchedules.',
  '• Quyền Google yêu cầu: bảng tính (đọc, ghi, khóa ô), tài liệu (báo cáo), Drive (lưu, xuất PDF, chia sẻ), gửi email (nhắc nộp, báo cáo quý; không đọc hộp thư), chạy theo lịch, menu và hộp thoại.',
  '',
  '# 4. Câu hỏi thường gặp',
  'Tôi nộp nhầm thì sửa thế nào? Báo quản trị viên mở lại quý (Mở lại quý đã nộp… hoặc bỏ đánh dấu ô "Nộp số liệu"), sửa số liệu rồi đánh dấu nộp lại. Nhật ký và Lưu trữ giữ lại cả hai lần.',
  'Tôi không sửa được ô nào? Kiểm tra đúng email đăng nhập, đúng trang của đơn vị, và quý đó chưa nộp.',
  'Ô "Nộp số liệu" tự bỏ đánh dấu? Số liệu còn lỗi: xem dòng "Trạng thái" phía trên.',
  'Cột "người nộp" ghi "Không rõ (Google không cho biết email)"? Người nộp dùng tài khoản Gmail hoặc khác tên miền với chủ bảng tính, nên Google không cho biết email. Số liệu vẫn được nộp cho đúng đơn vị: chỉ cán bộ đơn vị và quản trị viên sửa được trang đơn vị.',
  'Báo cáo quý chưa được gửi? Xem "Nhật ký": hết hạn mức hoặc lỗi gửi thì lần chạy sau tự gửi lại; địa chỉ không hợp lệ thì sửa Cấu hình › email_nhan.',
  '',
  'Không sửa các trang "Tổng hợp", "Tiến độ", "Kiểm tra", "Lưu trữ", "Nhật ký": hệ thống tự ghi.',
  `Hướng dẫn đầy đủ: tệp ${GUIDE_FILE} trong bộ mã nguồn (người cài đặt có thể chia sẻ), gồm các phần trên và các câu hỏi thường gặp khác.`,
];

export function writeGuide(spreadsheet: Spreadsheet, shared?: SharedTabs): void {
  const sheet = shared?.sheet(TAB.guide) ?? ensureSheet(spreadsheet, TAB.guide);
  const rows = [...GUIDE_LINES, `Phiên bản: ${versionText()}.`].map((line) => [line.replace(/^#\s*/, '')]);
  replaceContent(sheet, rows, shared?.known(TAB.guide));
  const bold = rows.map((_, i) => Boolean(GUIDE_LINES[i]?.startsWith('#')));
  giveLook(
    sheet,
    TAB.guide,
    { boldDown: { block: { row: 1, column: 1 }, bold }, columnWidths: [{ column: 1, pixels: 900 }] },
    shared,
  );
}

/** "Hướng dẫn" in the menu: brings the guide tab to the front (recreating it if it was deleted). */
export function openGuide(): void {
  const spreadsheet = activeSpreadsheet();
  const sheet = spreadsheet.getSheetByName(TAB.guide);
  if (sheet) sheet.activate();
  else writeGuide(spreadsheet);
}
