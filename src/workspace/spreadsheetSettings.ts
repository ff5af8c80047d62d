/**
 * The spreadsheet's locale and time zone (File > Settings). Google creates a spreadsheet in its
 * creator's locale, en_US for most accounts, where "1.412" typed by an officer is 1.412 and not
 * 1412, and "02/03/2026" is 3 February. Set-up therefore puts the workbook in Vietnam's locale, and
 * in the script's time zone (appsscript.json) so the dates the script writes and reads agree.
 * Source: https://support.google.com/docs/answer/58515 (locale and time zone are per spreadsheet).
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCALE = 'vi_VN';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface SettingsChange {
  before: string;
  after: string;
  /** What the admin is told, in Vietnamese. */
  message: string;
}

/** Sets the Vietnamese locale and time zone where they differ; null when both were already right. */
export function ensureVietnameseSettings(spreadsheet: Spreadsheet): SettingsChange | null {
  const locale = spreadsheet.getSpreadsheetLocale();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const changed: string[] = [];
  if (locale !== LOCALE) {
    spreadsheet.setSpreadsheetLocale(LOCALE);
    changed.push('định dạng Việt Nam (số 1.412, tỷ lệ 92,6%, ngày/tháng/năm)');
  }
  if (timeZone !== TIME_ZONE) {
    spreadsheet.setSpreadsheetTimeZone(TIME_ZONE);
    changed.push('múi giờ Việt Nam (GMT+7)');
  }
  if (changed.length === 0) return null;
  return {
    before: `${locale}, ${timeZone}`,
    after: `${LOCALE}, ${TIME_ZONE}`,
    message: `Đã chuyển bảng tính sang ${changed.join(' và ')} để số liệu cán bộ nhập được đọc đúng.`,
  };
}
