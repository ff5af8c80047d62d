/**
 * Writes a unit's entry tab from its layout (src/domain/unitTab.ts) in a fixed number of batched
 * calls, whatever the number of indicators: values, formats, notes, validation, protections.
 */
import type { Indicator } from '../domain/catalogue';
import { entryNote } from '../domain/catalogue';
import type { InputRule, ParsedUnitTab, UnitTabLayout } from '../domain/unitTab';
import { MAX_MAGNITUDE } from '../domain/numberText';
import { inputRule, parseUnitTab, UNIT_TAB } from '../domain/unitTab';
import { ownRangeProtectionList, ownRangeProtections, protectRange, protectSheet } from './protection';
import { ensureSheet, readAll, TAB } from './tabs';
import type { UnitRecord } from './unitsTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

const COLOR = {
  input: '#fff2cc',
  section: '#d9e1f2',
  header: '#d9d9d9',
  control: '#e2efda',
  plain: '#ffffff',
};
const QUARTERS = 4;

export function readUnitTab(sheet: Sheet | null): ParsedUnitTab {
  return parseUnitTab(sheet ? readAll(sheet) : []);
}

/**
 * Validation rules by what they accept, built once per job and shared by every unit tab: building
 * one per indicator and tab would make the job's cost grow with units × indicators.
 */
export class ValidationRules {
  private readonly built = new Map<string, Rule>();

  for(rule: InputRule): Rule {
    const key = `${rule.kind}|${rule.help}`;
    let built = this.built.get(key);
    if (!built) {
      built = validationFor(rule);
      this.built.set(key, built);
    }
    return built;
  }
}

function validationFor(rule: InputRule): Rule {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(rule.help);
  switch (rule.kind) {
    case 'whole':
    case 'money':
      // The import's bound too: a 400-digit paste would otherwise be stored as Infinity.
      return builder.requireNumberBetween(0, MAX_MAGNITUDE).build();
    case 'percent':
      return builder.requireNumberBetween(0, 100).build();
    case 'list':
      return builder.requireValueInList([...rule.values], true).build();
  }
}

/** Sheets' automatic format: text written with a leading apostrophe stays text, shown without it. */
const AUTOMATIC = '0.###############';

/** How an input shows: counts as 1.412, money with up to two decimals, anything else as typed. */
function numberFormatFor(indicator: Indicator | undefined): string {
  if (!indicator) return AUTOMATIC;
  const rule = inputRule(indicator);
  if (rule.kind === 'list') return AUTOMATIC;
  return rule.kind === 'whole' ? '#,##0' : '#,##0.##';
}

/** Writes the tab: content, look, notes, validation in one call each. */
export function writeUnitTab(
  spreadsheet: Spreadsheet,
  unit: UnitRecord,
  layout: UnitTabLayout,
  rules: ValidationRules,
): Sheet {
  const sheet = ensureSheet(spreadsheet, unit.tabName, TAB.summary);
  const height = Math.max(layout.grid.length, sheet.getLastRow());
  const full = sheet.getRange(1, 1, height, UNIT_TAB.width);
  full.clearDataValidations();
  const rows = [...layout.grid];
  while (rows.length < height) rows.push(Array<unknown>(UNIT_TAB.width).fill(''));
  full.setValues(rows);

  const byRow = new Map(layout.rows.map((r) => [r.row, r]));
  const backgrounds: string[][] = [];
  const weights: Array<Array<'bold' | 'normal'>> = [];
  const notes: string[][] = [];
  const formats: string[][] = [];
  const validations: Array<Array<Rule | null>> = [];
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  for (let r = 1; r <= height; r++) {
    const info = byRow.get(r);
    const isHeader = r === UNIT_TAB.headerRow;
    const isControl = r === UNIT_TAB.statusRow || r === UNIT_TAB.submitRow;
    const rowBackground = (c: number): string => {
      if (isHeader) return COLOR.header;
      if (info?.kind === 'section') return COLOR.section;
      if (isControl && c >= UNIT_TAB.firstQuarterColumn && c < UNIT_TAB.noteColumn) return COLOR.control;
      if (info && c >= UNIT_TAB.firstQuarterColumn) return COLOR.input;
      return COLOR.plain;
    };
    backgrounds.push(Array.from({ length: UNIT_TAB.width }, (_, i) => rowBackground(i + 1)));
    const bold = isHeader || info?.kind === 'section' || r === 1;
    weights.push(Array<'bold' | 'normal'>(UNIT_TAB.width).fill(bold ? 'bold' : 'normal'));
    notes.push(
      Array.from({ length: UNIT_TAB.width }, (_, i) =>
        i === 1 && info?.indicator ? entryNote(info.indicator) : '',
      ),
    );
    formats.push(
      Array.from({ length: UNIT_TAB.width }, (_, i) =>
        i + 1 >= UNIT_TAB.firstQuarterColumn && i + 1 < UNIT_TAB.noteColumn && info?.kind === 'indicator'
          ? numberFormatFor(info.indicator)
          : AUTOMATIC,
      ),
    );
    if (r >= UNIT_TAB.submitRow) {
      let rule: Rule | null = null;
      if (r === UNIT_TAB.submitRow) rule = checkbox;
      else if (info?.indicator) rule = rules.for(inputRule(info.indicator));
      validations.push(Array<Rule | null>(QUARTERS).fill(rule));
    }
  }
  full.setBackgrounds(backgrounds);
  full.setFontWeights(weights);
  full.setNotes(notes);
  full.setNumberFormats(formats);
  sheet
    .getRange(UNIT_TAB.submitRow, UNIT_TAB.firstQuarterColumn, validations.length, QUARTERS)
    .setDataValidations(validations);
  // Status texts ("Chưa nộp (hạn 10/04/2026)") wrap rather than hide behind the next column.
  sheet.getRange(UNIT_TAB.statusRow, UNIT_TAB.firstQuarterColumn, 1, QUARTERS).setWrap(true);
  sheet.setFrozenRows(UNIT_TAB.frozenRows);
  sheet.setFrozenColumns(UNIT_TAB.frozenColumns);
  sheet.setColumnWidth(1, 110);
  sheet.setColumnWidth(2, 380);
  sheet.setColumnWidths(UNIT_TAB.firstQuarterColumn, QUARTERS, 110);
  sheet.setColumnWidth(UNIT_TAB.noteColumn, 220);
  return sheet;
}

function quarterColumn(quarter: number): number {
  return UNIT_TAB.firstQuarterColumn + quarter - 1;
}

function lockDescription(unit: UnitRecord, quarter: number, year: number): string {
  return `đã nộp Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}/${year} – ${unit.ma}`;
}

/**
 * Officers of the unit edit its input cells, notes and submit controls; nobody else but admins
 * edits anything on the tab; a submitted quarter is for admins only.
 */
export function protectUnitTab(
  sheet: Sheet,
  unit: UnitRecord,
  admins: readonly string[],
  lastRow: number,
  submitted: readonly number[],
  year: number,
): void {
  // The new locks come before the old ones go, so that a run cut off midway never leaves a
  // submitted quarter open to its officers.
  const old = ownRangeProtectionList(sheet);
  for (const quarter of submitted) lockQuarter(sheet, unit, admins, lastRow, quarter, year);
  const band = sheet.getRange(
    UNIT_TAB.submitRow,
    UNIT_TAB.firstQuarterColumn,
    lastRow - UNIT_TAB.submitRow + 1,
    QUARTERS + 1,
  );
  protectSheet(sheet, `trang đơn vị ${unit.ma}`, admins, [band]);
  protectRange(band, `ô nhập của đơn vị ${unit.ma}`, [...admins, ...unit.email]);
  for (const protection of old) protection.remove();
}

/** Locks a submitted quarter's column (values and submit control) for everyone but admins. */
export function lockQuarter(
  sheet: Sheet,
  unit: UnitRecord,
  admins: readonly string[],
  lastRow: number,
  quarter: number,
  year: number,
): void {
  const range = sheet.getRange(
    UNIT_TAB.submitRow,
    quarterColumn(quarter),
    lastRow - UNIT_TAB.submitRow + 1,
    1,
  );
  protectRange(range, lockDescription(unit, quarter, year), admins);
}

/** Whether a submitted quarter's lock (admins only) is on the tab. */
export function isQuarterLocked(sheet: Sheet, unit: UnitRecord, quarter: number, year: number): boolean {
  return ownRangeProtections(sheet).has(lockDescription(unit, quarter, year));
}

export function unlockQuarter(sheet: Sheet, unit: UnitRecord, quarter: number, year: number): void {
  ownRangeProtections(sheet)
    .get(lockDescription(unit, quarter, year))
    ?.remove();
}
