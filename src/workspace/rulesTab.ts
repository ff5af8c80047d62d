import type { Rule } from '../domain/rules';
import { RULE_HEADER, rulesFromRows, rulesToRows } from '../domain/rules';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { ensureSheet, readAll, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Writes the default rules into a new or empty Quy tắc kiểm tra; an edited tab is left alone. */
export function ensureRulesTab(spreadsheet: Spreadsheet, defaults: () => Rule[], shared?: SharedTabs): void {
  const held = shared?.holdsRows(TAB.rules) ?? null;
  if (held) return;
  const sheet = shared?.sheet(TAB.rules) ?? ensureSheet(spreadsheet, TAB.rules);
  if (held === null && sheet.getLastRow() > 1) return;
  replaceContent(sheet, [RULE_HEADER, ...rulesToRows(defaults())], shared?.known(TAB.rules));
  giveLook(
    sheet,
    TAB.rules,
    { header: RULE_HEADER.length, columnWidths: [{ column: 6, pixels: 420 }] },
    shared,
  );
}

/** The active rules as admins left them; a malformed row is a clear error naming its row. */
export function readRules(spreadsheet: Spreadsheet, knownCodes: ReadonlySet<string>): Rule[] {
  const sheet = spreadsheet.getSheetByName(TAB.rules);
  if (!sheet) return [];
  const { rules, problems } = rulesFromRows(readAll(sheet), knownCodes);
  if (problems.length > 0) {
    throw new Error(`Trang "${TAB.rules}" có quy tắc không hợp lệ: ${problems.join('; ')}`);
  }
  return rules.filter((r) => r.active);
}
