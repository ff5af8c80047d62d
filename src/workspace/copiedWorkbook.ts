/**
 * A Sheet copied from a template carries a copy of its bound script, and with it (the stricter
 * reading; whether Google copies them is not documented) the script properties of the template's
 * owner: their schedule record and trigger ids, mail records, who used the menu. Installable
 * triggers are not copied (docs/apps-script-facts.md §6.1). The workbook notes in a property which
 * spreadsheet it was set up in, so Khởi tạo knows it is running in a copy.
 */
import { scriptProperties } from './properties';
import { REPORT_KINDS } from '../domain/report/kinds';
import type { Settings } from '../domain/settings';
import { templateSetting } from '../domain/settings';

const SET_UP_IN = 'bang_tinh_da_khoi_tao';

/**
 * Whether every script property is to be forgotten, as left by another spreadsheet (this one is a
 * copy of a set-up workbook) or, on a first run, by whoever used the script before (a template never
 * set up), and the note of this spreadsheet to write (with Khởi tạo's other records, in the call
 * that forgets: never one without the other). A workbook set up before the note existed keeps its
 * properties. `copied`: this is a copy of a set-up workbook.
 */
export function otherWorkbook(
  spreadsheetId: string,
  firstRun: boolean,
): { copied: boolean; forgetAll: boolean; note: Record<string, string> } {
  const recorded = scriptProperties().getProperty(SET_UP_IN);
  if (recorded === spreadsheetId) return { copied: false, forgetAll: false, note: {} };
  const copied = recorded !== null;
  return { copied, forgetAll: firstRun || copied, note: { [SET_UP_IN]: spreadsheetId } };
}

/** In a copy, the settings without the original's Drive files (report folder, templates): Khởi tạo makes new ones. */
export function keepOwnFiles(settings: Settings, copied: boolean): Settings {
  if (!copied) return settings;
  const cleared: Partial<Settings> = { thu_muc_bao_cao: '' };
  for (const { kind } of REPORT_KINDS) Object.assign(cleared, { [templateSetting(kind)]: '' });
  return { ...settings, ...cleared };
}
