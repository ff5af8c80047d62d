/**
 * "Sang năm mới": the unit tabs hold one year. Before they are cleared for the next, every value
 * typed in them must already be in Lưu trữ (submitted, or corrected after submission); otherwise
 * nothing is cleared and the missing unit-quarters are named.
 */
import { sameValue } from '../domain/dataPoints';
import { quarterKey, quarterName } from '../domain/periods';
import { parseUnitTab } from '../domain/unitTab';
import { appendLog } from '../workspace/logTab';
import { readArchive } from '../workspace/archiveTab';
import { settingRequest } from '../workspace/configTab';
import { beginIntent, endIntent, unfinishedIntent } from '../workspace/journal';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { clearSubmissionsRequest } from '../workspace/progressTab';
import { TAB } from '../workspace/tabs';
import { applyGroups, readStructure } from '../workspace/sheetsBatch';
import { clearYearRequests } from '../workspace/unitTabs';
import { tellUser } from '../workspace/ui';
import { quarterPoints } from './unitData';
import type { Workbook } from './workbook';
import { readWorkbook, requireAdmin } from './workbook';
import { isTriggerEvent } from './reminders';
import { setUpWithin } from './setup';

export interface RolloverResult {
  nam_cu: number;
  nam_moi: number;
  so_don_vi: number;
  /** Said when its setup stopped to go on in a later execution (longJob.ts). */
  tam_dung?: string;
}

const ROLLOVER = 'sang_nam_moi';

/**
 * Also its own continuation (a long setup: longJob.ts): a trigger's run goes on with the setup of the
 * rollover it finds open, and never starts one.
 */
export function startNewYear(request?: unknown): RolloverResult | null {
  const started = Date.now();
  return translatingFailures('Sang năm mới', () => rollOver(started, isTriggerEvent(request)));
}

function rollOver(started: number, continuing: boolean): RolloverResult | null {
  const outcome = withScriptLock('Sang năm mới', () => {
    const { workbook, tab } = readWorkbook();
    requireAdmin(workbook, 'chuyển sang năm mới');
    const moved = moveYear(workbook, continuing);
    if (!moved) return null;
    // Setup rebuilds titles, statuses, Tiến độ and protections for the new year, under this lock
    // and from what was read here: Cấu hình as it is now, with the year moved. A long one goes on in
    // this job's continuation, which finds the intent still open.
    const setup = setUpWithin(
      {
        spreadsheet: workbook.spreadsheet,
        tab: { ...tab, settings: { ...tab.settings, nam: moved.nam_moi } },
        units: workbook.units,
        user: workbook.user,
      },
      started,
      'startNewYear',
    );
    if (!setup.tam_dung) endIntent(ROLLOVER);
    return { moved, setup };
  });
  if (!outcome) return null;
  const { moved, setup } = outcome;
  // Told once the lock is released: an alert suspends the script.
  const told = [setup.quyen_moi, setup.tam_dung].filter(Boolean).join('\n\n');
  if (setup.tam_dung) {
    const preparing = `Đã lưu trữ năm ${moved.nam_cu}; các trang đơn vị năm ${moved.nam_moi} đang được chuẩn bị.`;
    tellUser('Sang năm mới', `${preparing}\n\n${told}`);
    return { ...moved, tam_dung: setup.tam_dung };
  }
  const done = `Đã lưu trữ năm ${moved.nam_cu} và mở các trang đơn vị cho năm ${moved.nam_moi}.`;
  tellUser('Sang năm mới', told ? `${done}\n\n${told}` : done);
  return moved;
}

/** Clears the unit tabs and moves the year (or finds it moved by a run cut off before its setup). */
function moveYear(workbook: Workbook, continuing: boolean): RolloverResult | null {
  // A rollover cut off before its setup finished (another job took the lock between, Google stopped
  // it) left its intent. The tabs were cleared as the year moved: this run does the setup and never
  // moves the year again.
  const open = unfinishedIntent<{ from: number; to: number }>(ROLLOVER);
  if (open && open.what.to === workbook.settings.nam) {
    appendLog(workbook.spreadsheet, [
      {
        at: workbook.now,
        user: workbook.user,
        action: 'Sang năm mới: hoàn tất lần trước bị dừng giữa chừng',
        oldValue: open.what.from,
        newValue: open.what.to,
      },
    ]);
    return {
      nam_cu: open.what.from,
      nam_moi: open.what.to,
      so_don_vi: workbook.units.filter((u) => u.active).length,
    };
  }
  // A continuation goes on with an open rollover's setup and never starts one.
  if (continuing) return null;
  const year = workbook.settings.nam;
  if (year + 1 > workbook.now.getFullYear() + 1) {
    throw new Error(
      `Các trang đơn vị đã ở năm ${year}; năm ${year + 1} còn chưa tới nên chưa thể sang năm mới. Chưa thay đổi gì.`,
    );
  }
  const periods = new Set([1, 2, 3, 4].map((quarter) => quarterKey({ year, quarter })));
  const archived = new Map(
    readArchive(workbook.spreadsheet, periods).map((p) => [`${p.unit}|${p.period}|${p.code}`, p.value]),
  );
  const missing: string[] = [];
  const units = workbook.units.filter((u) => u.active);
  // One read of every unit tab (the values to check, and the grids to clear), Tiến độ and Cấu hình.
  const structure = readStructure(workbook.spreadsheet, [
    ...units.map((u) => u.tabName),
    TAB.progress,
    TAB.config,
  ]);
  for (const unit of units) {
    const tab = parseUnitTab(structure.values.get(unit.tabName) ?? []);
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
  const config = structure.tabs.get(TAB.config)!;
  const nextYear = settingRequest(config.sheetId, structure.values.get(TAB.config) ?? [], 'nam', year + 1);
  const progress = structure.tabs.get(TAB.progress);
  beginIntent(ROLLOVER, workbook.user, { from: year, to: year + 1 });
  // Every tab's figures, notes and submit boxes, Tiến độ's submissions and the year in one call:
  // all done, or none.
  applyGroups(workbook.spreadsheet, [
    [
      ...units.flatMap((unit) => {
        const tab = structure.tabs.get(unit.tabName);
        return tab ? clearYearRequests(tab.sheetId, tab.rows) : [];
      }),
      ...(progress
        ? clearSubmissionsRequest(progress.sheetId, structure.values.get(TAB.progress) ?? [])
        : []),
      nextYear,
    ],
  ]);
  appendLog(workbook.spreadsheet, [
    { at: workbook.now, user: workbook.user, action: 'Sang năm mới', oldValue: year, newValue: year + 1 },
  ]);
  return { nam_cu: year, nam_moi: year + 1, so_don_vi: units.length };
}
