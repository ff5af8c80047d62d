/** The custom menu: captions are what officers see; functions are global entry points (main.ts). */
export const MENU_TITLE = 'Hội LHPN';

export const MENU_ITEMS: ReadonlyArray<{ caption: string; functionName: string } | null> = [
  { caption: 'Khởi tạo / cập nhật bảng tính', functionName: 'setUpWorkbook' },
  null,
  { caption: 'Nộp số liệu quý…', functionName: 'submitQuarter' },
  { caption: 'Mở lại quý đã nộp…', functionName: 'reopenQuarter' },
  { caption: 'Kiểm tra số liệu', functionName: 'checkData' },
  { caption: 'Tổng hợp ngay', functionName: 'rollUp' },
  { caption: 'Tạo báo cáo…', functionName: 'openReportDialog' },
  { caption: 'Danh sách thẻ báo cáo', functionName: 'showTagList' },
  null,
  { caption: 'Gửi nhắc nhở', functionName: 'remindLateUnits' },
  { caption: 'Cài đặt lịch tự động', functionName: 'installSchedules' },
  { caption: 'Kiểm tra cài đặt', functionName: 'checkInstallation' },
  { caption: 'Nhập số liệu từ CSV…', functionName: 'openImportDialog' },
  { caption: 'Sang năm mới…', functionName: 'startNewYear' },
  null,
  { caption: 'Hướng dẫn', functionName: 'showGuide' },
];
