import { isAdmin } from '../domain/access';
import { parseConfig } from '../domain/config';
import { readRawConfig, writeConfig } from '../workspace/configTab';
import { writeGuide } from '../workspace/guideTab';
import { withScriptLock } from '../workspace/lock';
import { currentUserEmail } from '../workspace/session';
import { activeSpreadsheet, removeBlankDefaultTab } from '../workspace/tabs';

export interface SetupResult {
  ten_don_vi: string;
  so_don_vi: number;
  trang_tinh: string[];
}

/**
 * "Khởi tạo / cập nhật bảng tính": creates or repairs the workbook from its configuration. The
 * configuration comes from the argument (command line, provisioning) or from the Cấu hình tab.
 * Only an admin may run it: an admin of the configuration already in the workbook or, on the very
 * first run, of the configuration being installed.
 */
export function setUpWorkbook(initialConfig?: unknown): SetupResult {
  return withScriptLock('Khởi tạo', () => {
    const spreadsheet = activeSpreadsheet();
    const existing = readRawConfig(spreadsheet);
    const raw = initialConfig ?? existing;
    if (!raw) {
      throw new Error(
        'Bảng tính chưa có trang "Cấu hình". Hãy chạy lệnh khởi tạo với tệp cấu hình, hoặc tạo trang "Cấu hình" rồi chạy lại.',
      );
    }
    const config = parseConfig(raw);
    const user = currentUserEmail();
    const allowedBy = existing && initialConfig !== undefined ? parseConfig(existing) : config;
    if (!isAdmin(allowedBy, user)) {
      throw new Error(
        `Chỉ quản trị viên mới được khởi tạo bảng tính (${user || 'người dùng không xác định'}).`,
      );
    }
    writeGuide(spreadsheet);
    writeConfig(spreadsheet, config);
    removeBlankDefaultTab(spreadsheet);
    return {
      ten_don_vi: config.ten_don_vi,
      so_don_vi: config.don_vi.length,
      trang_tinh: spreadsheet.getSheets().map((s) => s.getName()),
    };
  });
}
