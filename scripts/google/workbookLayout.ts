/**
 * What a provisioned workbook holds before its admin runs "Khởi tạo": the tabs Cấu hình and Đơn vị
 * in the layout the bundle writes and reads (src/workspace/configTab.ts, unitsTab.ts), so that
 * setUpWorkbook() with no argument finds its configuration there. Written with RAW input: a value
 * is stored as given and never read as a formula.
 */
import type { WorkbookConfig } from '../../src/domain/config';
import { levelWords } from '../../src/domain/levels';
import { SETTING_LABELS } from '../../src/domain/settings';
import { CONFIG_LABELS } from '../../src/workspace/configTab';
import { TAB } from '../../src/workspace/tabs';
import { unitTabName } from '../../src/domain/sheetNames';

export type Cell = string | number | boolean;

export interface TabWrite {
  range: string;
  values: Cell[][];
}

/** A tab name quoted for an A1 range: 'Cấu hình'!A1. */
export function quoteTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Cấu hình: key, value, meaning; settings not given stay empty and take their default at setup. */
export function configTabRows(config: WorkbookConfig, settings: Record<string, string | number>): Cell[][] {
  return [
    ['Khóa', 'Giá trị', 'Ý nghĩa'],
    ...(Object.keys(CONFIG_LABELS) as Array<keyof typeof CONFIG_LABELS>).map((key): Cell[] => {
      const value = config[key];
      return [key, Array.isArray(value) ? value.join(', ') : value, CONFIG_LABELS[key]];
    }),
    ...Object.entries(SETTING_LABELS).map(([key, label]): Cell[] => [key, settings[key] ?? '', label]),
  ];
}

/** Đơn vị: code, name, officers, active, tab name, as writeUnitsTab lays it out. */
export function unitsTabRows(config: WorkbookConfig): Cell[][] {
  const word = levelWords(config.cap).unit;
  return [
    [`Mã ${word}`, `Tên ${word}`, 'Email cán bộ (cách nhau bởi dấu phẩy)', 'Hoạt động', 'Tên trang tính'],
    ...config.don_vi.map((u): Cell[] => [u.ma, u.ten, u.email.join(', '), true, unitTabName(u)]),
  ];
}

/** The tabs a new workbook is created with (so no blank default tab is left behind). */
export const INITIAL_TABS = [TAB.config, TAB.units];

/** The one values.batchUpdate of a new workbook. */
export function initialWrites(config: WorkbookConfig, settings: Record<string, string | number>): TabWrite[] {
  const block = (tab: string, rows: Cell[][]): TabWrite => ({
    range: `${quoteTab(tab)}!A1:${String.fromCharCode(64 + rows[0]!.length)}${rows.length}`,
    values: rows,
  });
  return [block(TAB.config, configTabRows(config, settings)), block(TAB.units, unitsTabRows(config))];
}
