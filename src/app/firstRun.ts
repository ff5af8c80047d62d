/**
 * The first Khởi tạo on a Sheet that has no settings yet (a blank Sheet, or a copy of the template):
 * instead of refusing, it opens a dialog where the chair types the union's details and pastes its
 * units. The dialog previews the units line by line, then calls setUpWorkbook with the answer, in
 * the shape of the command line's configuration file. Nothing here writes: setUpWorkbook does.
 * The dialog itself is opened by src/ui/firstRunDialog.ts.
 */
import type { UnitLines } from '../domain/unitLines';
import { parseUnitLines } from '../domain/unitLines';
import { readConfigTab } from '../workspace/configTab';
import { readDriveFile } from '../workspace/drive';
import { decodeFile } from '../workspace/fileText';
import { currentUserEmail } from '../workspace/session';
import { activeSpreadsheet } from '../workspace/tabs';

/** True when the workbook has never been set up: there is no Cấu hình to set it up from. */
export function needsFirstRun(): boolean {
  return readConfigTab(activeSpreadsheet()) === null;
}

export interface FirstRunDefaults {
  /** The person at the dialog: proposed as the first admin. */
  nguoi_dung: string;
  /** The Sheet's owner, whose account runs the schedules and sends the mail. */
  chu_so_huu: string;
}

/** Called by the dialog when it opens. */
export function firstRunDefaults(): FirstRunDefaults {
  if (!needsFirstRun()) {
    throw new Error(
      'Bảng tính đã được thiết lập. Muốn thay đổi, hãy sửa trang "Cấu hình" và "Đơn vị" rồi chạy lại Khởi tạo.',
    );
  }
  return {
    nguoi_dung: currentUserEmail(),
    chu_so_huu: activeSpreadsheet().getOwner()?.getEmail().toLowerCase() ?? '',
  };
}

/** The units typed in the dialog ({ van_ban }) or a CSV file on Drive ({ tep }), line by line. */
export function previewUnits(request?: { van_ban?: string; tep?: string }): UnitLines {
  if (request?.van_ban !== undefined) return parseUnitLines(request.van_ban);
  if (!request?.tep)
    throw new Error('Chưa có danh sách đơn vị: hãy dán các dòng hoặc ghi đường dẫn tệp CSV.');
  // The same reading as an import: Vietnamese refusals for a bad link, a Sheet, a non-UTF-8 file.
  const file = readDriveFile(request.tep);
  return parseUnitLines(decodeFile(file.name, file.bytes).text);
}
