/**
 * Importing entered data from a CSV file in long form (one value per unit, quarter and indicator),
 * all or nothing: a file with any bad row is refused whole, and every problem is listed so the
 * officer can fix the file in one pass instead of discovering errors one at a time.
 *
 * Files come as offices make them: fields separated by commas, semicolons or tabs (found from the
 * header), numbers in the file's own convention (numberText.ts: 36.800 is read as the file says,
 * or refused with both readings when the file does not say).
 *
 * Messages: one line per problem (a row with three problems gives three lines), in row order, each
 * beginning "Dòng N:" where N is the spreadsheet row (the header is row 1). Columns are named as
 * the file's own header names them (English or Vietnamese), so the officer finds them in the file.
 * Only the first MAX_ROWS_LISTED bad rows are listed, with the count of the rest: a file of 50,000
 * duplicated rows must not give a message of megabytes.
 */
import type { Indicator } from './catalogue';
import { enteredUnit, RATING_CLASSES, isEnteredBy, valueKind } from './catalogue';
import type { Level } from './config';
import { parseCsv } from './csv';
import { formatNumber } from './format';
import type { DecimalMark, Settled } from './numberText';
import { ambiguityText, readNumber, settleDecimalMark } from './numberText';
import type { DataPoint, DataValue } from './dataPoints';
import { levelWords } from './levels';
import { beforeMerger, mergerDateText } from './lineage';
import type { Quarter } from './periods';
import { compareQuarters, parseQuarter, quarterKey } from './periods';

/** The canonical header, which the export writes. */
export const DATA_COLUMNS = ['don_vi', 'ky', 'ma_chi_tieu', 'gia_tri'] as const;
/** The same columns as a Vietnamese spreadsheet would title them; accepted on import. */
export const DATA_COLUMNS_VI = ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị'] as const;

export interface ImportContext {
  units: Array<{ ma: string; ten: string }>;
  catalogue: Indicator[];
  level: Level;
  /** The workbook's data year. */
  year: number;
  /** Quarters after it have not started. */
  currentQuarter: Quarter;
  /** "UNIT|2026-Q1" keys already submitted. */
  submitted: Set<string>;
  isAdmin: boolean;
  /** The decimal mark the person said the file uses; null (default) lets the file settle it. */
  decimalMark?: DecimalMark | null;
  /**
   * Quarters of earlier years accepted as history (admins only) from `from`, the start of the
   * previous term (domain/history.ts); without it only the workbook's year is accepted.
   */
  history?: { from: Quarter; terms: string };
  /** Units merged into another (domain/lineage.ts): their figures end before the merger. */
  mergedInto?: Readonly<Record<string, { unit: string; from: string }>>;
}

export type ImportResult =
  | {
      ok: true;
      points: DataPoint[];
      /** How the file was read, for Nhật ký: "phân cách bằng dấu phẩy, dấu chấm thập phân (dòng 3: 14.8)". */
      readAs: string;
    }
  | {
      ok: false;
      /** The problems of the first MAX_ROWS_LISTED bad rows (and of the file as a whole). */
      errors: string[];
      /** Every problem, listed or not. */
      problemCount: number;
      /** Bad rows, listed or not. */
      badRows: number;
    };

export const MAX_ROWS_LISTED = 50;
/** A field quoted in a message is cut to this many characters. */
const MAX_QUOTED = 80;

export const SEPARATORS = [',', ';', '\t'] as const;
type Separator = (typeof SEPARATORS)[number];
const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'dấu phẩy', ';': 'dấu chấm phẩy', '\t': 'dấu tab' };

const UNIT = 0;
const PERIOD = 1;
const CODE = 2;
const VALUE = 3;

const EMPTY_FILE = 'Tệp không có dòng số liệu nào (tệp trống hoặc chỉ có dòng tiêu đề).';

/** Text from a person: compared after NFC, trimming, collapsing spaces and ignoring case. */
function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function clean(text: string): string {
  return text.normalize('NFC').trim();
}

function isBlank(row: readonly string[]): boolean {
  return row.every((field) => field.trim() === '');
}

/** The column names to use in messages, or null when the header is none of the accepted forms. */
function headerColumns(
  header: readonly string[],
  accepted: ReadonlyArray<readonly string[]> = [DATA_COLUMNS, DATA_COLUMNS_VI],
): readonly string[] | null {
  const given = header.map(fold).join(',');
  return accepted.find((columns) => given === columns.map(fold).join(',')) ?? null;
}

function headerError(header: readonly string[]): string {
  return (
    `Dòng 1: dòng tiêu đề phải là "${DATA_COLUMNS.join(',')}" (hoặc "${DATA_COLUMNS_VI.join(',')}"; ` +
    `các cột cách nhau bởi dấu phẩy, dấu chấm phẩy hoặc dấu tab), tệp đang có "${quoted(header.map(clean).join(','))}".`
  );
}

function quoted(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/** The separator whose split of the first line is an accepted header; null when none is. */
function separatorOf(text: string, accepted?: ReadonlyArray<readonly string[]>): Separator | null {
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  return (
    SEPARATORS.find((sep) => headerColumns(parseCsv(firstLine, sep)[0] ?? [], accepted) !== null) ?? null
  );
}

/**
 * A file's rows split by the separator its header shows, with the header's own column names (one of
 * `accepted`); null when the first line is none of them. Shared by every CSV import.
 */
export function csvWithHeader(
  text: string,
  accepted: ReadonlyArray<readonly string[]>,
): { separator: Separator; separatorName: string; columns: readonly string[]; rows: string[][] } | null {
  const separator = separatorOf(text.replace(/^\uFEFF/, ''), accepted);
  if (!separator) return null;
  const rows = parseCsv(text, separator);
  const columns = headerColumns(rows[0] ?? [], accepted)!;
  return { separator, separatorName: SEPARATOR_NAMES[separator], columns, rows };
}

/** Lookups built once per file: units by code and by name, indicators by code. */
interface Lookup {
  unitsByCode: Map<string, string>;
  /** Unit code by folded name; null when two units share the name. */
  unitsByName: Map<string, string | null>;
  indicators: Map<string, Indicator>;
}

function buildLookup(context: ImportContext): Lookup {
  const unitsByCode = new Map(context.units.map((u) => [fold(u.ma), u.ma]));
  const unitsByName = new Map<string, string | null>();
  for (const unit of context.units) {
    const name = fold(unit.ten);
    unitsByName.set(name, unitsByName.has(name) ? null : unit.ma);
  }
  const indicators = new Map(context.catalogue.map((i) => [i.code.toUpperCase(), i]));
  return { unitsByCode, unitsByName, indicators };
}

/** What one row is checked against, plus the keys already seen (for duplicates). */
interface RowScope {
  columns: readonly string[];
  lookup: Lookup;
  context: ImportContext;
  /** First row of each "unit|quarter|code" key. */
  seen: Map<string, number>;
  separator: Separator;
  /** The file's decimal mark; null when the file does not settle it. */
  mark: DecimalMark | null;
}

type Report = (column: number, reason: string) => void;

function checkUnit(text: string, lookup: Lookup, report: Report): string | null {
  const byCode = lookup.unitsByCode.get(fold(text));
  if (byCode) return byCode;
  const byName = lookup.unitsByName.get(fold(text));
  if (byName) return byName;
  if (text === '') report(UNIT, 'thiếu đơn vị (ghi mã hoặc tên đơn vị)');
  else if (byName === null) report(UNIT, 'có nhiều đơn vị cùng tên này, hãy ghi mã đơn vị');
  else report(UNIT, 'không có đơn vị này trong bảng tính (ghi mã hoặc tên đơn vị như ở trang Đơn vị)');
  return null;
}

function checkPeriod(text: string, context: ImportContext, report: Report): Quarter | null {
  const quarter = parseQuarter(text.toUpperCase());
  if (!quarter) {
    report(PERIOD, 'kỳ phải ghi theo dạng năm-quý, ví dụ 2026-Q2');
    return null;
  }
  if (compareQuarters(quarter, context.currentQuarter) > 0) {
    report(PERIOD, `quý chưa bắt đầu (quý hiện tại là ${quarterKey(context.currentQuarter)})`);
    return null;
  }
  const { history } = context;
  if (quarter.year > context.year) {
    report(
      PERIOD,
      `kỳ thuộc năm ${quarter.year}, các trang đơn vị đang giữ năm ${context.year}; hãy chạy "Sang năm mới…" trước`,
    );
    return null;
  }
  if (quarter.year < context.year && !history) {
    report(PERIOD, `kỳ không thuộc năm ${context.year} của bảng tính này`);
    return null;
  }
  if (history && compareQuarters(quarter, history.from) < 0) {
    report(
      PERIOD,
      `kỳ trước nhiệm kỳ trước; chỉ nhập được lịch sử từ ${quarterKey(history.from)} (nhiệm kỳ ${history.terms})`,
    );
    return null;
  }
  if (quarter.year < context.year && !context.isAdmin) {
    report(PERIOD, `số liệu các năm trước (nhập lịch sử vào Lưu trữ) chỉ quản trị viên được nhập`);
    return null;
  }
  return quarter;
}

/** Who keeps an indicator, in words, by the catalogue's `level` column (docs/domain.md §5). */
const KEPT_BY: Readonly<Record<string, string>> = {
  'CH→X': 'các chi hội',
  X: 'Hội LHPN cấp xã',
  'X+': 'Hội LHPN cấp xã trở lên',
  'X→': 'Hội LHPN cấp xã trở lên',
  'X→T': 'Hội LHPN cấp xã trở lên',
  'H/T': 'Hội LHPN cấp huyện, cấp tỉnh',
  'X, H, T': 'Hội LHPN cấp xã, huyện và tỉnh',
};

/** Ratios and counts over units are computed from what units enter; anything else belongs to another level. */
function notEnteredReason(indicator: Indicator, level: Level): string {
  const computed = ['R', 'C', 'K'].includes(indicator.type) || indicator.level === 'derived';
  if (computed) return 'là chỉ tiêu tính toán, không nhập trực tiếp';
  const words = levelWords(level);
  const keptBy = KEPT_BY[indicator.level];
  return (
    `không phải chỉ tiêu các ${words.unit} nhập ở bảng tính cấp ${words.owner}` +
    (keptBy ? ` (chỉ tiêu này do ${keptBy} theo dõi)` : '')
  );
}

/**
 * The indicator, or null when the row cannot hold it. A known indicator comes back with `usable`
 * false when it is refused, so its value can still be checked against its kind.
 */
function checkIndicator(
  text: string,
  context: ImportContext,
  lookup: Lookup,
  report: Report,
): { indicator: Indicator; usable: boolean } | null {
  const indicator = lookup.indicators.get(text.toUpperCase());
  if (!indicator) {
    report(CODE, text === '' ? 'thiếu mã chỉ tiêu' : 'không có chỉ tiêu này trong danh mục');
    return null;
  }
  if (!isEnteredBy(indicator, context.level)) {
    report(CODE, notEnteredReason(indicator, context.level));
    return { indicator, usable: false };
  }
  if (!indicator.active) {
    report(CODE, 'chỉ tiêu đang tắt trong bảng tính này; hãy bật chỉ tiêu ở trang Chỉ tiêu rồi nhập lại');
    return { indicator, usable: false };
  }
  return { indicator, usable: true };
}

function checkRating(text: string, report: Report): string | null {
  const label = RATING_CLASSES.find((c) => fold(c) === fold(text));
  if (label) return label;
  report(VALUE, `không phải mức xếp loại hợp lệ; chọn một trong: ${RATING_CLASSES.join('; ')}`);
  return null;
}

function checkNumber(
  text: string,
  indicator: Indicator,
  mark: DecimalMark | null,
  report: Report,
): number | null {
  const reading = readNumber(text, mark);
  if (reading.kind === 'invalid') report(VALUE, reading.reason);
  if (reading.kind === 'ambiguous') report(VALUE, ambiguityText(reading));
  if (reading.kind !== 'number') return null;
  const problem = numberProblem(reading.value, indicator);
  if (problem) report(VALUE, problem);
  return problem ? null : reading.value;
}

/** A negative number is reported as such: saying it is also outside 0–100 would add nothing. */
function numberProblem(value: number, indicator: Indicator): string | null {
  const kind = valueKind(indicator);
  if (value < 0) return 'số âm; giá trị phải từ 0 trở lên';
  if (kind === 'count' && !Number.isInteger(value)) {
    return `phải là số nguyên (đơn vị: ${enteredUnit(indicator)})`;
  }
  if (kind === 'percent' && value > 100) return 'tỷ lệ phần trăm phải từ 0 đến 100';
  return null;
}

/** Missing is not zero: an empty value is refused whatever the indicator. */
function checkValue(
  text: string,
  indicator: Indicator | undefined,
  scope: RowScope,
  report: Report,
): DataValue | null {
  if (text === '') {
    report(VALUE, 'thiếu giá trị (ô trống không được hiểu là 0)');
    return null;
  }
  if (!indicator) return null;
  return valueKind(indicator) === 'rating'
    ? checkRating(text, report)
    : checkNumber(text, indicator, scope.mark, report);
}

function columnCountError(line: number, row: readonly string[], scope: RowScope): string {
  const { columns } = scope;
  const hint =
    row.length > columns.length && scope.separator === ','
      ? '; nếu số có dấu phẩy (ví dụ 1,412) hãy ghi 1412, hoặc đặt số trong dấu ngoặc kép ("36,8")'
      : '';
  return `Dòng ${line}: có ${row.length} cột, cần đúng ${columns.length} cột (${columns.join(',')})${hint}.`;
}

function checkSubmitted(unit: string, quarter: Quarter, scope: RowScope, report: Report): boolean {
  if (scope.context.isAdmin || !scope.context.submitted.has(`${unit}|${quarterKey(quarter)}`)) return true;
  report(PERIOD, `quý đã nộp, chỉ quản trị viên được sửa (đơn vị ${unit})`);
  return false;
}

/** A predecessor's figures stop at its merger: later quarters belong to the unit it became part of. */
function checkMerged(unit: string, quarter: Quarter, context: ImportContext, report: Report): boolean {
  const merged = context.mergedInto?.[unit];
  if (!merged || beforeMerger(quarterKey(quarter), merged.from)) return true;
  report(
    PERIOD,
    `đơn vị ${unit} đã hợp nhất vào ${merged.unit} từ ngày ${mergerDateText(merged.from)}; số liệu từ quý này ghi cho ${merged.unit}`,
  );
  return false;
}

/** Duplicates are keyed on the resolved unit, quarter and code, whatever spelling each row used. */
function checkDuplicate(key: string, line: number, scope: RowScope, problems: string[]): void {
  const first = scope.seen.get(key);
  if (first === undefined) {
    scope.seen.set(key, line);
    return;
  }
  const [unit, period, code] = key.split('|');
  problems.push(
    `Dòng ${line}: trùng với dòng ${first} (cùng đơn vị ${unit}, kỳ ${period}, chỉ tiêu ${code}).`,
  );
}

/** Checks one data row: its problems (already worded) and, when there are none, its point. */
function checkRow(
  row: readonly string[],
  line: number,
  scope: RowScope,
): { problems: string[]; point: DataPoint | null } {
  const { columns, lookup, context } = scope;
  if (row.length !== columns.length) return { problems: [columnCountError(line, row, scope)], point: null };
  const fields = row.map(clean);
  const problems: string[] = [];
  const report: Report = (column, reason) =>
    problems.push(`Dòng ${line}: cột "${columns[column]}" = "${quoted(fields[column]!)}": ${reason}.`);

  const unit = checkUnit(fields[UNIT]!, lookup, report);
  const quarter = checkPeriod(fields[PERIOD]!, context, report);
  const open =
    unit !== null &&
    quarter !== null &&
    checkSubmitted(unit, quarter, scope, report) &&
    checkMerged(unit, quarter, context, report);
  const found = checkIndicator(fields[CODE]!, context, lookup, report);
  const value = checkValue(fields[VALUE]!, found?.indicator, scope, report);
  if (unit === null || quarter === null || !found) return { problems, point: null };

  const period = quarterKey(quarter);
  checkDuplicate(`${unit}|${period}|${found.indicator.code}`, line, scope, problems);
  const ok = problems.length === 0 && open && found.usable && value !== null;
  return { problems, point: ok ? { unit, period, code: found.indicator.code, value } : null };
}

/** A file that shows both conventions is refused as a whole, naming a few rows of each. */
function conflictError(conflict: NonNullable<Settled['conflict']>): string {
  const rows = (lines: number[]) =>
    lines.length > 3 ? `${lines.slice(0, 3).join(', ')}… (${lines.length} dòng)` : lines.join(', ');
  return (
    `Tệp ghi số theo hai cách: dấu chấm thập phân ở dòng ${rows(conflict.dot)}, dấu phẩy thập phân ở dòng ` +
    `${rows(conflict.comma)}; hãy ghi mọi số theo cùng một cách, hoặc chọn dấu thập phân của tệp khi nhập.`
  );
}

function describeReading(separator: Separator, settled: Settled): string {
  const decimal = settled.mark ? settled.because : 'không có số thập phân';
  return `phân cách bằng ${SEPARATOR_NAMES[separator]}, ${decimal}`;
}

/**
 * Reads a data file; on any problem returns the problems (of the first MAX_ROWS_LISTED bad rows)
 * and no points. Points keep the file's order.
 */
export function parseImport(text: string, context: ImportContext): ImportResult {
  const refused = (errors: string[]): ImportResult => ({
    ok: false,
    errors,
    problemCount: errors.length,
    badRows: 0,
  });
  const separator = separatorOf(text.replace(/^\uFEFF/, ''));
  const rows = parseCsv(text, separator ?? ',');
  const header = rows[0];
  if (!header || rows.every(isBlank)) return refused([EMPTY_FILE]);
  const columns = separator ? headerColumns(header) : null;
  if (!separator || !columns) return refused([headerError(header)]);

  const values = rows
    .map((row, index) => ({ line: index + 1, text: row.length === columns.length ? row[VALUE]! : '' }))
    .slice(1);
  const settled = settleDecimalMark(values, separator, context.decimalMark ?? null);
  const scope: RowScope = {
    columns,
    lookup: buildLookup(context),
    context,
    seen: new Map(),
    separator,
    mark: settled.mark,
  };
  const errors: string[] = settled.conflict ? [conflictError(settled.conflict)] : [];
  let problemCount = errors.length;
  let badRows = 0;
  const points: DataPoint[] = [];
  rows.slice(1).forEach((row, index) => {
    if (isBlank(row)) return;
    const { problems, point } = checkRow(row, index + 2, scope);
    if (problems.length > 0) {
      badRows += 1;
      problemCount += problems.length;
      if (badRows <= MAX_ROWS_LISTED) errors.push(...problems);
    }
    if (point) points.push(point);
  });
  if (problemCount > 0) return { ok: false, errors, problemCount, badRows };
  if (points.length === 0) return refused([EMPTY_FILE]);
  return { ok: true, points, readAs: describeReading(separator, settled) };
}

/** The whole refusal as the person reads it: what happened, the listed problems, how many more. */
export function importRefusal(
  result: Pick<Extract<ImportResult, { ok: false }>, 'errors' | 'problemCount' | 'badRows'>,
  what = 'số liệu',
): string {
  const count = (n: number) => formatNumber(n, 0);
  const more = result.badRows - Math.min(result.badRows, MAX_ROWS_LISTED);
  const head =
    more > 0
      ? `Không nhập được: tệp có ${count(result.problemCount)} lỗi ở ${count(result.badRows)} dòng, chưa có ${what} nào được ghi. Lỗi của ${MAX_ROWS_LISTED} dòng đầu:`
      : `Không nhập được: tệp có ${count(result.problemCount)} lỗi, chưa có ${what} nào được ghi.`;
  const tail =
    more > 0
      ? [`… và ${count(more)} dòng có lỗi khác, chưa liệt kê; hãy sửa các lỗi trên rồi nhập lại.`]
      : [];
  return [head, ...result.errors, ...tail].join('\n');
}
