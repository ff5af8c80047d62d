/**
 * "Kiểm tra cài đặt": from what the workbook says about itself, one finding per item an installer
 * must get right, each with what to fix. Pure: src/app/installCheck.ts gathers the facts.
 */
import type { WorkbookConfig } from './config';
import { formatCount } from './format';

export interface InstallFacts {
  owner: string;
  locale: string;
  timeZone: string;
  /** The installable edit trigger of the person running the check (Google shows each person only their own). */
  editTrigger: boolean;
  /** Who installed the schedules and how many jobs, or null when none is recorded. */
  schedule: { by: string; jobs: number; others: string[] } | null;
  reportFolder: boolean;
  /** Captions of the report kinds whose template cannot be opened. */
  missingTemplates: string[];
  mailQuota: number;
  /** Everyone who can edit the Sheet (owner included), lower case. */
  editors: string[];
  /** Active units and their officers. */
  units: Array<{ ma: string; email: string[] }>;
  /** Tabs the script protects that have no protection now. */
  unprotectedTabs: string[];
  cells: number;
  tabs: number;
  /** Scopes of the manifest the person running the check has not granted (labels). */
  ungrantedScopes: string[];
  /** People who used the menu without every scope of this version (missing: labels). */
  reauthorize: Array<{ email: string; version: string; missing: string[] }>;
}

export interface Finding {
  muc: string;
  dat: boolean;
  chi_tiet: string;
  /** What to do; '' when nothing is needed. */
  cach_sua: string;
}

/** Google Sheets holds at most 10 million cells per spreadsheet (https://support.google.com/drive/answer/37603). */
export const CELL_LIMIT = 10_000_000;
/** Half the limit: a workbook grows every quarter (Lưu trữ), so the warning comes a year or more ahead. */
const CELL_WARNING = 0.5;
/** 200 tabs a spreadsheet (Google's older limits page; unverified as current); warned at 150. */
export const TAB_LIMIT = 200;
const TAB_WARNING = 150;

function finding(muc: string, dat: boolean, chi_tiet: string, cach_sua: string): Finding {
  return { muc, dat, chi_tiet, cach_sua: dat ? '' : cach_sua };
}

export function installFindings(
  facts: InstallFacts,
  config: Pick<WorkbookConfig, 'quan_tri' | 'email_nhan'>,
): Finding[] {
  const ownerIsAdmin = config.quan_tri.includes(facts.owner);
  const officers = facts.units.flatMap((u) => u.email);
  const mailNeed = Math.max(officers.length, config.email_nhan.length);
  const editors = new Set(facts.editors);
  const noAccess = facts.units
    .map((u) => ({ ma: u.ma, missing: u.email.filter((e) => !editors.has(e)) }))
    .filter((u) => u.missing.length > 0);
  const schedule = facts.schedule;
  return [
    finding(
      'Chủ sở hữu bảng tính',
      ownerIsAdmin,
      `${facts.owner || 'không rõ'}${ownerIsAdmin ? ' (là quản trị viên)' : ' (không phải quản trị viên)'}`,
      'Thêm chủ sở hữu vào "quan_tri" ở trang Cấu hình, hoặc chuyển quyền sở hữu cho một quản trị viên.',
    ),
    finding(
      'Quyền đã cấp cho mã',
      facts.ungrantedScopes.length === 0,
      facts.ungrantedScopes.length === 0 ? 'đủ các quyền' : `còn thiếu: ${facts.ungrantedScopes.join('; ')}`,
      'Chọn lại một mục menu Hội LHPN; khi Google hỏi, đánh dấu chọn tất cả các quyền rồi bấm "Tiếp tục".',
    ),
    finding(
      'Người dùng menu đã cấp quyền của phiên bản này',
      facts.reauthorize.length === 0,
      facts.reauthorize.length === 0
        ? 'mọi người đã dùng menu đều đã cấp đủ quyền'
        : `chưa cấp lại: ${facts.reauthorize.map((p) => `${p.email} (thiếu: ${p.missing.join('; ')}; dùng menu lần cuối với phiên bản ${p.version})`).join(', ')}`,
      'Nhắn những người này chọn một mục menu Hội LHPN và, khi Google hỏi, đánh dấu chọn tất cả các quyền rồi bấm "Tiếp tục".',
    ),
    finding(
      'Trình kích hoạt ghi nhận việc nộp',
      facts.editTrigger,
      facts.editTrigger ? 'đã cài' : 'chưa cài với tài khoản của bạn',
      'Chạy Hội LHPN › Khởi tạo / cập nhật bảng tính (bằng tài khoản chủ sở hữu).',
    ),
    finding(
      'Lịch tự động',
      schedule !== null && schedule.jobs > 0,
      schedule && schedule.jobs > 0
        ? `${schedule.jobs} việc, do ${schedule.by} cài${schedule.others.length > 0 ? `; lịch cũ của ${schedule.others.join(', ')} có thể vẫn chạy` : ''}`
        : 'chưa cài',
      'Chọn Hội LHPN › Cài đặt lịch tự động.',
    ),
    finding(
      'Định dạng và múi giờ',
      facts.locale === 'vi_VN' && facts.timeZone === 'Asia/Ho_Chi_Minh',
      `${facts.locale}, ${facts.timeZone}`,
      'Chạy Hội LHPN › Khởi tạo / cập nhật bảng tính: bảng tính được chuyển sang định dạng và múi giờ Việt Nam.',
    ),
    finding(
      'Thư mục báo cáo và mẫu báo cáo',
      facts.reportFolder && facts.missingTemplates.length === 0,
      !facts.reportFolder
        ? 'không mở được thư mục báo cáo'
        : facts.missingTemplates.length > 0
          ? `không mở được: ${facts.missingTemplates.join('; ')}`
          : 'mở được thư mục và các mẫu',
      'Chạy Hội LHPN › Khởi tạo / cập nhật bảng tính để tạo lại thư mục và mẫu bị thiếu.',
    ),
    finding(
      'Hạn mức gửi thư hôm nay',
      facts.mailQuota >= mailNeed,
      `còn ${formatCount(facts.mailQuota)} người nhận; một lần nhắc hoặc gửi báo cáo quý cần tới ${formatCount(mailNeed)}`,
      'Dùng tài khoản Google Workspace để cài lịch (hạn mức cao hơn), hoặc bớt người nhận.',
    ),
    finding(
      'Cán bộ đơn vị có quyền chỉnh sửa',
      noAccess.length === 0,
      noAccess.length === 0
        ? `${facts.units.length} đơn vị, mọi cán bộ đều có quyền`
        : noAccess.map((u) => `${u.ma}: ${u.missing.join(', ')}`).join('; '),
      'Bấm "Chia sẻ", thêm các email trên với quyền Người chỉnh sửa.',
    ),
    finding(
      'Khóa các trang',
      facts.unprotectedTabs.length === 0,
      facts.unprotectedTabs.length === 0
        ? 'các trang đều được khóa'
        : `chưa khóa: ${facts.unprotectedTabs.join(', ')}`,
      'Chạy Hội LHPN › Khởi tạo / cập nhật bảng tính để khóa lại.',
    ),
    finding(
      'Dung lượng bảng tính',
      facts.cells <= CELL_LIMIT * CELL_WARNING && facts.tabs <= TAB_WARNING,
      `${formatCount(facts.cells)} ô trên ${formatCount(facts.tabs)} trang (giới hạn của Google: ${formatCount(CELL_LIMIT)} ô, ${formatCount(TAB_LIMIT)} trang)`,
      'Bảng tính đã dùng quá nửa số ô hoặc quá 150 trang: xóa các trang không dùng; khi số đơn vị vượt sức chứa của một bảng tính, dùng mỗi đơn vị một bảng tính và tổng hợp cấp tỉnh (người cài đặt: npm run province, xem README).',
    ),
  ];
}
