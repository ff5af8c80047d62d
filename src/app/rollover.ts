/**
 * "Sang năm mới": the unit tabs hold one year. Before they are cleared for the next, every value
 * typed in them must already be in Lưu trữ (submitted, or corrected after submission); otherwise
 * nothing is cleared and the missing unit-quarters are named.
 */
import { sameValue } from '../domain/dataPoints';
import { quarterKey, quarterName } from '../domain/periods';
import { UNIT_TAB } from '../domain/unitTab';
import { appendLog } from '../workspace/logTab';
import { readArchive } from '../workspace/archiveTab';
import { writeSetting } from '../workspace/configTab';
import { withScriptLock } from '../workspace/lock';
import { clearSubmissions } from '../workspace/progressTab';
import { tellUser } from '../workspace/ui';
import { quarterPoints, readUnitTabs } from './unitData';
import { loadWorkbook, requireAdmin } from './workbook';
import { setUpWorkbook } from './setup';

export interface RolloverResult {
  nam_cu: number;
  nam_moi: number;
  so_don_vi: number;
}

export function startNewYear(): RolloverResult {
  const result = withScriptLock('Sang năm mới', () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'chuyển sang năm mới');
    const year = workbook.settings.nam;
    const periods = new Set([1, 2, 3, 4].map((quarter) => quarterKey({ year, quarter })));
    const archived = new Map(
      readArchive(workbook.spreadsheet, periods).map((p) => [`${p.unit}|${p.period}|${p.code}`, p.value]),
    );
    const missing: string[] = [];
    const units = workbook.units.filter((u) => u.active);
    for (const [unit, tab] of readUnitTabs(workbook)) {
      for (const quarter of [1, 2, 3, 4]) {
        const unsaved = quarterPoints(workbook, unit, tab, quarter).filter(
          (p) =>
            !archived.has(`${p.unit}|${p.period}|${p.code}`) ||
            !sameValue(archived.get(`${p.unit}|${p.period}|${p.code}`), p.value),
        );
        if (unsaved.length > 0)
          missing.push(`${unit.ma} ${quarterName({ year, quarter })} (${unsaved.length} giá trị)`);
      }
    }
    if (missing.length > 0) {
      throw new Error(
        `Chưa thể sang năm mới: số liệu sau chưa được lưu trữ (cần nộp, hoặc quản trị viên sửa sau khi nộp): ${missing.join('; ')}. Chưa xóa gì.`,
      );
    }
    for (const unit of units) {
      const sheet = workbook.spreadsheet.getSheetByName(unit.tabName)!;
      const rows = sheet.getLastRow() - UNIT_TAB.firstDataRow + 1;
      if (rows > 0)
        sheet.getRange(UNIT_TAB.firstDataRow, UNIT_TAB.firstQuarterColumn, rows, 5).clearContent();
      sheet
        .getRange(UNIT_TAB.submitRow, UNIT_TAB.firstQuarterColumn, 1, 4)
        .setValues([[false, false, false, false]]);
    }
    clearSubmissions(workbook.spreadsheet);
    writeSetting(workbook.spreadsheet, 'nam', year + 1);
    appendLog(workbook.spreadsheet, [
      { at: workbook.now, user: workbook.user, action: 'Sang năm mới', oldValue: year, newValue: year + 1 },
    ]);
    return { nam_cu: year, nam_moi: year + 1, so_don_vi: units.length };
  });
  // Setup rebuilds titles, statuses, Tiến độ and protections for the new year (it takes the lock itself).
  setUpWorkbook();
  tellUser(
    'Sang năm mới',
    `Đã lưu trữ năm ${result.nam_cu} và mở các trang đơn vị cho năm ${result.nam_moi}.`,
  );
  return result;
}
