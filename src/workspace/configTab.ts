import type { ReportConfig, WorkbookConfig } from '../domain/config';
import type { Settings } from '../domain/settings';
import { SETTING_LABELS } from '../domain/settings';
import { asCellText, splitList } from '../domain/text';
import { versionText } from '../domain/version';
import { ensureSheet, readAll, readRecords, replaceContent, TAB } from './tabs';
import { writeCells } from './sheetsApi';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { describeSchedule, readScheduleRecord } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows of Cấu hình: key (stable, read by code), value, and what it means for the person editing it. */
export const CONFIG_LABELS: Record<Exclude<keyof WorkbookConfig, 'don_vi' | 'report'>, string> = {
  ten_don_vi: 'Tên đơn vị sở hữu bảng tính, ví dụ "Hội LHPN quận Hoàng Mai"',
  cap: 'Cấp: huyen, xa hoặc tinh',
  dia_danh: 'Địa danh ghi ở dòng ngày tháng của báo cáo',
  nhiem_ky: 'Nhiệm kỳ, ví dụ 2021-2026',
  email_nhan: 'Email nhận báo cáo quý, cách nhau bởi dấu phẩy',
  quan_tri: 'Email quản trị (người đầu tiên là chủ sở hữu), cách nhau bởi dấu phẩy',
};

const REPORT_LABELS: Record<keyof ReportConfig, string> = {
  co_quan_cap_tren:
    'Báo cáo: tên cơ quan chủ quản (góc trên bên trái, tự in hoa), ví dụ "Hội LHPN thành phố Hà Nội"; để trống nếu không có',
  co_quan_ban_hanh: 'Báo cáo: tên cơ quan ban hành (in hoa, đậm, dưới cơ quan chủ quản)',
  ky_hieu: 'Báo cáo: ký hiệu văn bản sau "Số: …/", ví dụ BC-HPN',
  tham_quyen_ky: 'Báo cáo: thẩm quyền ký, ví dụ "TM. BAN THƯỜNG VỤ"',
  chuc_vu_ky: 'Báo cáo: chức vụ người ký, ví dụ "CHỦ TỊCH" hoặc "PHÓ CHỦ TỊCH"',
  nguoi_ky: 'Báo cáo: họ và tên người ký',
  noi_nhan: 'Báo cáo: nơi nhận, mỗi nơi cách nhau bởi dấu chấm phẩy; để trống để dùng mặc định',
  chia_se_xem: 'Báo cáo: email được xem báo cáo, cách nhau bởi dấu phẩy',
  chia_se_sua: 'Báo cáo: email được sửa báo cáo, cách nhau bởi dấu phẩy',
  chia_se_lien_ket: 'Báo cáo: "khong" (chỉ người có tên) hoặc "xem" (ai có đường liên kết cũng xem được)',
  nghi_quyet:
    'Báo cáo: tên Nghị quyết giao các chỉ tiêu, ví dụ "Nghị quyết Đại hội Phụ nữ quận Hoàng Mai lần thứ IV"; để trống để ghép từ tên đơn vị và lần thứ Đại hội',
  dai_hoi_lan_thu: 'Báo cáo: Đại hội Phụ nữ đầu nhiệm kỳ là Đại hội lần thứ mấy, ví dụ IV (hoặc 4)',
  chu_de_nam: 'Báo cáo: chủ đề năm, ví dụ "Năm an toàn cho phụ nữ và trẻ em"; để trống nếu không có',
  dac_diem_tinh_hinh:
    'Báo cáo, đoạn Ban Thường vụ tự viết: đặc điểm tình hình (thuận lợi, khó khăn); mỗi đoạn một dòng (Alt+Enter để xuống dòng trong ô)',
  cong_tac_chi_dao: 'Báo cáo, đoạn Ban Thường vụ tự viết: công tác chỉ đạo, điều hành; mỗi đoạn một dòng',
  nguyen_nhan:
    'Báo cáo, đoạn Ban Thường vụ tự viết: nguyên nhân của kết quả và của hạn chế; mỗi đoạn một dòng',
  bai_hoc_kinh_nghiem: 'Báo cáo, đoạn Ban Thường vụ tự viết: bài học kinh nghiệm; mỗi đoạn một dòng',
  phuong_huong:
    'Báo cáo, đoạn Ban Thường vụ tự viết: phương hướng, nhiệm vụ kỳ tới, mỗi nhiệm vụ một dòng (báo cáo tự thêm các chỉ tiêu còn phải phấn đấu)',
};

/** The last row of Cấu hình: the installed schedule, written by the script (not read as configuration). */
export const SCHEDULE_KEY = 'lich_tu_dong';
const SCHEDULE_LABEL =
  'Lịch tự động đang cài (hệ thống tự ghi; đổi bằng menu Hội LHPN › Cài đặt lịch tự động, sửa ô này không có tác dụng)';

/** The row after it: the version that last ran Khởi tạo (read back to tell an update). */
export const VERSION_KEY = 'phien_ban';
const VERSION_LABEL = 'Phiên bản của mã đã chạy Khởi tạo lần gần nhất (hệ thống tự ghi)';

const LIST_KEYS = new Set(['email_nhan', 'quan_tri', 'chia_se_xem', 'chia_se_sua']);

/** Cấu hình as typed: the configuration keys (in the shape parseConfig checks) and the settings. */
export interface ConfigTabContent {
  config: Record<string, unknown>;
  settings: Record<string, unknown>;
  /** The version recorded by the last Khởi tạo ('' before versions were recorded). */
  version: string;
}

/** Cấu hình's content, or null when the workbook has none yet. */
export function readConfigTab(spreadsheet: Spreadsheet): ConfigTabContent | null {
  const sheet = spreadsheet.getSheetByName(TAB.config);
  if (!sheet) return null;
  const content: ConfigTabContent = { config: {}, settings: {}, version: '' };
  for (const [key, value] of readRecords(sheet)) {
    const name = String(key).trim();
    if (name === SCHEDULE_KEY) continue;
    if (name === VERSION_KEY) {
      content.version = String(value ?? '');
      continue;
    }
    if (name in SETTING_LABELS) content.settings[name] = value;
    else content.config[name] = LIST_KEYS.has(name) ? splitList(value) : String(value ?? '');
  }
  // A tab with no keys is one a first setup made and was cut off before filling: not set up yet.
  return Object.keys(content.config).length > 0 ? content : null;
}

export function writeConfigTab(
  spreadsheet: Spreadsheet,
  config: WorkbookConfig,
  settings: Settings,
  shared?: SharedTabs,
): void {
  const sheet = shared?.sheet(TAB.config) ?? ensureSheet(spreadsheet, TAB.config);
  const configRows = (Object.keys(CONFIG_LABELS) as Array<keyof typeof CONFIG_LABELS>).map((key) => {
    const value = config[key];
    return [key, asCellText(Array.isArray(value) ? value.join(', ') : value), CONFIG_LABELS[key]];
  });
  const reportRows = (Object.keys(REPORT_LABELS) as Array<keyof ReportConfig>).map((key) => {
    const value = config.report[key];
    const text = Array.isArray(value) ? value.join(key === 'noi_nhan' ? '; ' : ', ') : value;
    return [key, asCellText(text), REPORT_LABELS[key]];
  });
  const settingRows = (Object.keys(SETTING_LABELS) as Array<keyof Settings>).map((key) => [
    key,
    settings[key],
    SETTING_LABELS[key],
  ]);
  const scheduleRow = [SCHEDULE_KEY, asCellText(describeSchedule(readScheduleRecord())), SCHEDULE_LABEL];
  replaceContent(
    sheet,
    [
      ['Khóa', 'Giá trị', 'Ý nghĩa'],
      ...configRows,
      ...reportRows,
      ...settingRows,
      scheduleRow,
      [VERSION_KEY, versionText(), VERSION_LABEL],
    ],
    shared?.known(TAB.config),
  );
  giveLook(sheet, TAB.config, { header: 3 }, shared);
}

/**
 * The request that changes one setting's number in Cấu hình, from its values as read whole (for a
 * call that changes other tabs with it, all or nothing); refused when the row is missing.
 */
export function settingRequest(
  sheetId: number,
  values: readonly unknown[][],
  key: keyof Settings,
  value: number,
): GoogleAppsScript.Sheets.Schema.Request {
  const index = values.findIndex((row) => String(row[0] ?? '').trim() === key);
  if (index < 1) throw new Error(`Trang "${TAB.config}" thiếu dòng "${key}"; hãy chạy Khởi tạo.`);
  return {
    updateCells: {
      range: {
        sheetId,
        startRowIndex: index,
        endRowIndex: index + 1,
        startColumnIndex: 1,
        endColumnIndex: 2,
      },
      rows: [{ values: [{ userEnteredValue: { numberValue: value } }] }],
      fields: 'userEnteredValue',
    },
  };
}

/** Changes one setting's value in Cấu hình (one read, one write). */
export function writeSetting(spreadsheet: Spreadsheet, key: keyof Settings, value: number | string): void {
  writeSettings(spreadsheet, { [key]: value });
}

/**
 * Changes settings' values in Cấu hình: one read, and one write of them all (read as typed, as
 * setValue would); nothing when there is none.
 */
export function writeSettings(spreadsheet: Spreadsheet, values: Partial<Settings>): void {
  const keys = Object.keys(values) as Array<keyof Settings>;
  if (keys.length === 0) return;
  const rows = readAll(ensureSheet(spreadsheet, TAB.config));
  const cells = keys.map((key) => {
    const index = rows.findIndex((row) => String(row[0] ?? '').trim() === key);
    if (index < 1) throw new Error(`Trang "${TAB.config}" thiếu dòng "${key}"; hãy chạy Khởi tạo.`);
    return { tab: TAB.config, row: index + 1, column: 2, value: values[key]! };
  });
  writeCells(spreadsheet, cells, 'USER_ENTERED');
}

/** Shows the installed schedule in Cấu hình (one read, one write; the row is added when missing). */
export function writeScheduleRow(spreadsheet: Spreadsheet, text: string): void {
  const sheet = ensureSheet(spreadsheet, TAB.config);
  const rows = readAll(sheet);
  const index = rows.findIndex((row) => String(row[0] ?? '').trim() === SCHEDULE_KEY);
  const row = index >= 1 ? index + 1 : rows.length + 1;
  sheet.getRange(row, 1, 1, 3).setValues([[SCHEDULE_KEY, asCellText(text), SCHEDULE_LABEL]]);
}
