/**
 * Tab names made from unit names that both Google Sheets and Excel accept, so the workbook can be
 * downloaded as .xlsx with its tab names intact. Excel refuses the characters : \ / ? * [ ], an
 * apostrophe at either end and names over 31 characters ("Rename a worksheet", support.microsoft.com;
 * exceljs, which writes the local .xlsx export, enforces the same); Google Sheets allows up to 100
 * characters (unverified) and compares names regardless of case. Control characters are dropped:
 * they come from pasted text and cannot be typed in a tab's name. The unit's full name stays in
 * the Đơn vị tab; a tab name only has to be recognisable and unique.
 */
import { CONTROL_CHARACTER } from './text';

/** Excel's limit, below Google's: a name within it survives the .xlsx download unchanged. */
export const MAX_TAB_NAME = 31;

const CONTROL = new RegExp(CONTROL_CHARACTER.source, 'g');

/** Cuts at a word boundary when one is near the limit, and never leaves a dangling "-" or ",". */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const kept = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return kept.replace(/[\s,;.-]+$/u, '');
}

/**
 * The nearest legal name: brackets become parentheses, the other forbidden characters a dash or
 * nothing, control characters a space; apostrophes at the ends and extra spaces go; then cut to
 * `max` characters.
 */
export function legalTabName(text: string, max = MAX_TAB_NAME): string {
  const cleaned = text
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(/\[/g, '(')
    .replace(/]/g, ')')
    .replace(/[:\\/]/g, '-')
    .replace(/[?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^['\s]+|['\s]+$/g, '');
  return shorten(cleaned, max).replace(/^['\s]+|['\s]+$/g, '');
}

/** "Hội LHPN phường Đại Kim" (DK) -> "DK - phường Đại Kim": the code first, so it stays unique when cut. */
export function unitTabName(unit: { ma: string; ten: string }): string {
  // A name's own leading apostrophe is Excel's "keep as text" mark copied along with it.
  const short = unit.ten
    .replace(/^['\s]+|['\s]+$/g, '')
    .replace(/^Hội\s+(LHPN|Liên hiệp Phụ nữ)\s+/i, '')
    .trim();
  return legalTabName(short ? `${unit.ma} - ${short}` : unit.ma);
}

const key = (name: string) => name.toLocaleLowerCase('vi');

/**
 * Legal names, unique regardless of case among themselves and against `reserved` (the fixed tabs):
 * the first keeps its name, a later clash gets " (2)", " (3)"…, shortened to stay within the limit.
 */
export function uniqueTabNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map(key));
  return wanted.map((name) => {
    const base = legalTabName(name) || 'Đơn vị';
    let candidate = base;
    for (let n = 2; taken.has(key(candidate)); n++) {
      const suffix = ` (${n})`;
      candidate = `${shorten(base, MAX_TAB_NAME - suffix.length)}${suffix}`;
    }
    taken.add(key(candidate));
    return candidate;
  });
}
