/**
 * The layout of a unit's entry tab, as pure data: which row holds which indicator, what each cell
 * shows and which cells are inputs. The workspace layer writes it in a few batched calls; reading a
 * tab back goes through `parseUnitTab`, keyed by the indicator code in column A, so re-running setup
 * carries every typed value over whatever the layout becomes.
 */
import type { Indicator } from './catalogue';
import { enteredUnit, RATING_CLASSES, shortName, valueKind } from './catalogue';
import { asCellText } from './text';
import { TOPICS } from './topics';

export const UNIT_TAB = {
  titleRow: 1,
  infoRow: 2,
  headerRow: 3,
  statusRow: 4,
  submitRow: 5,
  firstDataRow: 6,
  codeColumn: 1,
  firstQuarterColumn: 4,
  noteColumn: 8,
  width: 8,
  frozenRows: 5,
  frozenColumns: 3,
} as const;

export const QUARTER_LABELS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'];

/**
 * Narrative rows per quarter: text the reports place under its topic (one row per field of work)
 * or in the general blocks (kết quả nổi bật, tồn tại, đề xuất), naming the unit.
 */
export const NARRATIVES: ReadonlyArray<{ code: string; name: string }> = [
  ...TOPICS.filter((t) => t.narrative !== '').map((t) => ({ code: t.narrative, name: t.narrativeName })),
  { code: 'NT_NOI_BAT', name: 'Kết quả nổi bật' },
  { code: 'NT_TON_TAI', name: 'Tồn tại, hạn chế' },
  { code: 'NT_DE_XUAT', name: 'Đề xuất, kiến nghị' },
];

const CODE = /^[A-Z][A-Z0-9_]*$/;

export type QuarterValues = [unknown, unknown, unknown, unknown];

/** What a unit tab holds, read back from its cells. */
export interface ParsedUnitTab {
  /** Typed values by code, one per quarter ('' when empty). */
  values: Record<string, QuarterValues>;
  notes: Record<string, string>;
  /** The submit control of each quarter. */
  submitControls: [boolean, boolean, boolean, boolean];
}

export type RowKind = 'section' | 'indicator' | 'narrative';

export interface LayoutRow {
  kind: RowKind;
  /** 1-based sheet row. */
  row: number;
  code?: string;
  indicator?: Indicator;
}

export interface UnitTabLayout {
  grid: unknown[][];
  rows: LayoutRow[];
  /** Runs of consecutive input rows (1-based first row, count), for validation and protection. */
  inputBlocks: Array<{ row: number; numRows: number }>;
}

export function parseUnitTab(grid: readonly unknown[][]): ParsedUnitTab {
  const values: Record<string, QuarterValues> = {};
  const notes: Record<string, string> = {};
  const q = UNIT_TAB.firstQuarterColumn - 1;
  grid.slice(UNIT_TAB.firstDataRow - 1).forEach((row) => {
    const code = String(row[UNIT_TAB.codeColumn - 1] ?? '').trim();
    if (!CODE.test(code)) return;
    values[code] = [row[q] ?? '', row[q + 1] ?? '', row[q + 2] ?? '', row[q + 3] ?? ''];
    const note = String(row[UNIT_TAB.noteColumn - 1] ?? '');
    if (note !== '') notes[code] = note;
  });
  const submit = grid[UNIT_TAB.submitRow - 1] ?? [];
  const submitControls = [0, 1, 2, 3].map((i) => submit[q + i] === true) as ParsedUnitTab['submitControls'];
  return { values, notes, submitControls };
}

function sectionTitle(group: string, index: number): string {
  const roman =
    ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][index] ?? String(index + 1);
  const name = group.includes(' - ') ? group.slice(group.indexOf(' - ') + 3) : group;
  return `${roman}. ${name.toLocaleUpperCase('vi')}`;
}

function hasValue(values: QuarterValues | undefined): boolean {
  return !!values && values.some((v) => v !== '' && v !== null && v !== undefined);
}

/** A typed value written back: numbers stay numbers, text can never become a formula. */
function cellValue(value: unknown): unknown {
  return typeof value === 'string' ? asCellText(value) : (value ?? '');
}

export interface UnitTabInput {
  unitName: string;
  /** What the level calls its units: "cơ sở", "chi hội". */
  unitWord: string;
  unitCode: string;
  officers: string[];
  year: number;
  /** The indicators this tab enters (active ones, in catalogue order). */
  indicators: Indicator[];
  /** The whole catalogue: inactive indicators that already hold data keep their row. */
  catalogue: Indicator[];
  existing: ParsedUnitTab;
  /** Status text per quarter ("Đã nộp …", "Chưa nộp …"). */
  statuses: [string, string, string, string];
}

export function buildUnitTab(input: UnitTabInput): UnitTabLayout {
  const { existing } = input;
  const shown = new Set(input.indicators.map((i) => i.code));
  const kept = input.catalogue.filter((i) => !shown.has(i.code) && hasValue(existing.values[i.code]));
  const keptCodes = new Set(kept.map((i) => i.code));
  // Sections in the order their group first appears; a group's rows together even when the
  // catalogue lists one of them elsewhere (the rating row comes after the last group).
  const groups = [...new Set(input.catalogue.map((i) => i.group))];
  const rowsToShow = input.catalogue
    .filter((i) => shown.has(i.code) || keptCodes.has(i.code))
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group));

  const grid: unknown[][] = [
    [asCellText(`${input.unitName} – số liệu năm ${input.year}`)],
    [
      `Mã ${input.unitWord}: ${input.unitCode}. Cán bộ nhập số liệu: ${input.officers.join(', ') || '(chưa có)'}`,
    ],
    ['Mã', 'Chỉ tiêu', 'ĐVT', ...QUARTER_LABELS, 'Ghi chú'],
    ['', 'Trạng thái', '', ...input.statuses, ''],
    ['', 'Nộp số liệu (đánh dấu ô của quý để nộp)', '', ...existing.submitControls, ''],
  ];
  const rows: LayoutRow[] = [];
  const push = (kind: RowKind, cells: unknown[], extra: Partial<LayoutRow> = {}) => {
    grid.push(cells);
    rows.push({ kind, row: grid.length, ...extra });
  };
  const valueCells = (code: string) => (existing.values[code] ?? ['', '', '', '']).map(cellValue);

  let group = '';
  let sections = 0;
  for (const indicator of rowsToShow) {
    if (indicator.group !== group) {
      group = indicator.group;
      push('section', [sectionTitle(group, sections++)]);
    }
    const name = keptCodes.has(indicator.code)
      ? `${shortName(indicator)} (ngừng theo dõi)`
      : shortName(indicator);
    const unit = enteredUnit(indicator);
    push(
      'indicator',
      [
        indicator.code,
        name,
        unit,
        ...valueCells(indicator.code),
        cellValue(existing.notes[indicator.code] ?? ''),
      ],
      { code: indicator.code, indicator },
    );
  }
  push('section', [sectionTitle('NỘI DUNG GHI BẰNG LỜI', sections)]);
  for (const narrative of NARRATIVES) {
    push(
      'narrative',
      [
        narrative.code,
        narrative.name,
        '',
        ...valueCells(narrative.code),
        cellValue(existing.notes[narrative.code] ?? ''),
      ],
      { code: narrative.code },
    );
  }

  const padded = grid.map((r) => [...r, ...Array<unknown>(UNIT_TAB.width - r.length).fill('')]);
  return { grid: padded, rows, inputBlocks: inputBlocks(rows) };
}

function inputBlocks(rows: LayoutRow[]): Array<{ row: number; numRows: number }> {
  const blocks: Array<{ row: number; numRows: number }> = [];
  for (const r of rows) {
    if (r.kind === 'section') continue;
    const last = blocks[blocks.length - 1];
    if (last && last.row + last.numRows === r.row) last.numRows += 1;
    else blocks.push({ row: r.row, numRows: 1 });
  }
  return blocks;
}

/** What an input cell accepts, for data validation; null for free text. */
export type InputRule =
  | { kind: 'whole'; help: string }
  | { kind: 'money'; help: string }
  | { kind: 'percent'; help: string }
  | { kind: 'list'; values: readonly string[]; help: string };

export function inputRule(indicator: Indicator): InputRule {
  const unit = enteredUnit(indicator);
  switch (valueKind(indicator)) {
    case 'rating':
      return {
        kind: 'list',
        values: RATING_CLASSES,
        help: `Chọn một mức trong danh sách: ${RATING_CLASSES.join('; ')}.`,
      };
    case 'money':
      return { kind: 'money', help: `Nhập số tiền (${unit}) không âm, ví dụ 36,8.` };
    case 'percent':
      return { kind: 'percent', help: 'Nhập tỷ lệ phần trăm từ 0 đến 100.' };
    default:
      return { kind: 'whole', help: `Nhập số nguyên không âm (${unit}), ví dụ 1.412.` };
  }
}
