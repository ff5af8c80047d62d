/**
 * Targets from a CSV file (a congress's resolution typed once in a spreadsheet), all or nothing:
 * the columns of Mục tiêu under English keys (or the tab's own Vietnamese header), `loai` as code or
 * label, rates as 89 or 89%. Rows are checked exactly as the tab's rows are (targets.ts); numbers are
 * read in the file's own convention (numberText.ts), as data imports read them. A row with the same
 * term, year, unit, indicator and Văn bản as a row already in Mục tiêu replaces it; others are added.
 */
import type { Indicator } from './catalogue';
import { formatNumber } from './format';
import { csvWithHeader, importRefusal, MAX_ROWS_LISTED } from './importData';
import type { DecimalMark } from './numberText';
import { ambiguityText, readNumber, settleDecimalMark } from './numberText';
import type { Target, TypedNumber } from './targets';
import { rateCodes, TARGET_HEADER, TARGET_TYPE_LABELS, targetKey, targetsFromRows } from './targets';

export const TARGET_FILE_COLUMNS = [
  'nhiem_ky',
  'nam',
  'don_vi',
  'ma_chi_tieu',
  'loai',
  'gia_tri',
  'gia_tri_tren',
  'co_so',
  'van_ban',
  'ghi_chu',
] as const;

/** Giá trị, Giá trị trên, Cơ sở đầu nhiệm kỳ. */
const NUMBER_COLUMNS = [5, 6, 7];

export interface TargetsFileContext {
  catalogue: readonly Indicator[];
  unitCodes: readonly string[];
  /** Mục tiêu as it is, header included. */
  existing: readonly unknown[][];
  decimalMark?: DecimalMark | null;
}

export type TargetsFileResult =
  | {
      ok: true;
      /** The whole tab to write, header included: existing rows (some replaced), then the new ones. */
      rows: unknown[][];
      /** Every target of the file. */
      targets: Target[];
      added: Target[];
      /** Each replaced row of the tab with the target that replaces it. */
      replaced: Array<{ row: number; before: string; target: Target }>;
      /** Rows of the file the tab already holds as they are. */
      unchanged: number;
      readAs: string;
    }
  | { ok: false; message: string };

const percentless = (text: string) => text.trim().replace(/\s*%$/, '');

/** "Dòng 4 (đơn vị CH01, chỉ tiêu TC_HV)": which target a problem is about, as for data imports. */
function rowLabel(row: readonly unknown[], rowNumber: number): string {
  const unit = String(row[2] ?? '').trim();
  const code = String(row[3] ?? '').trim();
  return `Dòng ${rowNumber} (${unit ? `đơn vị ${unit}` : 'toàn đơn vị'}, chỉ tiêu ${code || 'không ghi'})`;
}

/** A number of the tab as the Vietnamese locale writes it: 33.500, 92,6 (rates in %). */
function typed(value: number | null, rate: boolean): string {
  return value === null ? '' : formatNumber(rate ? value * 100 : value, 6);
}

/** The tab's row for a target, in the words the tab shows (the type's label). */
export function targetCells(t: Target): string[] {
  return [
    t.term,
    t.year === null ? '' : String(t.year),
    t.unit ?? '',
    t.code,
    TARGET_TYPE_LABELS[t.type],
    t.type === 'QUALITATIVE' ? t.text : typed(t.value, t.isRate),
    typed(t.valueHi, t.isRate),
    typed(t.baseline, t.isRate),
    t.sourceDoc,
    t.note,
  ];
}

const lineOf = (problem: string) => Number(/^Dòng (\d+)/.exec(problem)?.[1] ?? 0);

/** Problems in row order, those of the first MAX_ROWS_LISTED bad rows listed, as data imports do. */
function refusal(problems: string[]): TargetsFileResult {
  const sorted = [...problems].sort((a, b) => lineOf(a) - lineOf(b));
  const badRows = [...new Set(sorted.map(lineOf).filter((n) => n > 0))];
  const listed = new Set(badRows.slice(0, MAX_ROWS_LISTED));
  return {
    ok: false,
    message: importRefusal(
      {
        errors: sorted.filter((p) => lineOf(p) === 0 || listed.has(lineOf(p))),
        problemCount: sorted.length,
        badRows: badRows.length,
      },
      'chỉ tiêu',
    ),
  };
}

export function parseTargetsFile(text: string, context: TargetsFileContext): TargetsFileResult {
  const file = csvWithHeader(text, [TARGET_FILE_COLUMNS, TARGET_HEADER]);
  if (!file) {
    const first = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))![0];
    return refusal([
      `Dòng 1: dòng tiêu đề phải là "${TARGET_FILE_COLUMNS.join(',')}" (hoặc tiêu đề của trang Mục tiêu: ` +
        `"${TARGET_HEADER.join(',')}"; các cột cách nhau bởi dấu phẩy, dấu chấm phẩy hoặc dấu tab), ` +
        `tệp đang có "${first.slice(0, 80)}".`,
    ]);
  }
  const width = file.columns.length;
  const problems: string[] = [];
  file.rows.forEach((row, i) => {
    const blank = row.every((f) => f.trim() === '');
    if (i > 0 && !blank && row.length !== width) {
      problems.push(
        `Dòng ${i + 1}: có ${row.length} cột, cần đúng ${width} cột (${file.columns.join(',')}).`,
      );
    }
  });
  const values = file.rows.flatMap((row, i) =>
    i === 0 || row.length !== width
      ? []
      : NUMBER_COLUMNS.map((c) => ({ line: i + 1, text: percentless(row[c]!) })),
  );
  const settled = settleDecimalMark(values, file.separator, context.decimalMark ?? null);
  if (settled.conflict) {
    problems.push(
      `Tệp ghi số theo hai cách (dấu chấm thập phân ở dòng ${settled.conflict.dot[0]}, dấu phẩy thập phân ở dòng ` +
        `${settled.conflict.comma[0]}); hãy ghi mọi số theo cùng một cách, hoặc chọn dấu thập phân của tệp khi nhập.`,
    );
  }
  const readCell = (cell: unknown): TypedNumber => {
    const raw = String(cell ?? '').trim();
    if (raw === '') return null;
    const reading = readNumber(percentless(raw), settled.mark);
    if (reading.kind === 'invalid') return { error: reading.reason };
    if (reading.kind === 'ambiguous') return { error: ambiguityText(reading) };
    return { value: reading.value, percentSign: raw.endsWith('%') };
  };
  const dataRows = file.rows.slice(1).map((row) => (row.length === width ? row : []));
  const codes = new Set(context.catalogue.map((i) => i.code));
  const units = new Set(context.unitCodes);
  const rates = rateCodes(context.catalogue);
  const parsed = targetsFromRows(dataRows, codes, units, rates, {
    columns: file.columns,
    readNumber: readCell,
    rowLabel,
  });
  problems.push(...parsed.problems.map((p) => (p.endsWith('.') ? p : `${p}.`)));
  if (problems.length > 0) return refusal(problems);
  if (parsed.targets.length === 0) {
    return refusal(['Tệp không có dòng chỉ tiêu nào (tệp trống hoặc chỉ có dòng tiêu đề).']);
  }

  // The tab's rows that parse are matched by key; a row that does not parse is kept as it is.
  const header: unknown[] = [...TARGET_HEADER];
  const hasHeader = String(context.existing[0]?.[0] ?? '') === TARGET_HEADER[0];
  const rows: unknown[][] = context.existing
    .slice(hasHeader ? 1 : 0)
    .map((r) => TARGET_HEADER.map((_, c) => r[c] ?? ''));
  const current = targetsFromRows(rows, codes, units, rates).targets;
  const byKey = new Map(current.map((t) => [targetKey(t), t]));
  const added: Target[] = [];
  const replaced: Array<{ row: number; before: string; target: Target }> = [];
  let unchanged = 0;
  const same = (a: Target, b: Target) => targetCells(a).join('\t') === targetCells(b).join('\t');
  for (const target of parsed.targets) {
    const old = byKey.get(targetKey(target));
    const at = old ? old.row - 2 : undefined;
    if (old && same(old, target)) unchanged += 1;
    else if (at === undefined) {
      added.push(target);
      rows.push(targetCells(target));
    } else {
      replaced.push({
        row: at + 2,
        before: rows[at]!.filter((c) => c !== '')
          .map(String)
          .join(' | '),
        target,
      });
      rows[at] = targetCells(target);
    }
  }
  const decimal = settled.mark ? settled.because : 'không có số thập phân';
  return {
    ok: true,
    rows: [header, ...rows],
    targets: parsed.targets,
    added,
    replaced,
    unchanged,
    readAs: `phân cách bằng ${file.separatorName}, ${decimal}`,
  };
}
