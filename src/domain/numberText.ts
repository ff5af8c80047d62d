/**
 * Numbers as offices write them. Vietnamese writes 1.412,5 (the dot groups thousands, the comma
 * marks decimals, as a vi_VN Sheet reads typed input); English-language software writes 1,412.5.
 * Some texts say which convention they follow (14,8 or 12.75 or 1.412.000), others read both ways:
 * "36.800" is thirty-six thousand eight hundred to a Vietnamese reader and 36.8 to a program. A
 * file settles its convention as a whole (`settleDecimalMark`); a value it leaves open is refused
 * with both readings shown, never guessed: a guess is a silent thousandfold error.
 */
export type DecimalMark = '.' | ',';

/** Values beyond this are refused (in a file and in a cell): what a union reports is far below. */
export const MAX_MAGNITUDE = 1e12;
/** Digits a double keeps exactly; more would be silently rounded. */
const MAX_DIGITS = 15;

/** Thousands may also be grouped by a space, a no-break space or a narrow no-break space. */
const SPACES = ' \u00a0\u202f';

export type NumberReading =
  | { kind: 'number'; value: number }
  /**
   * Both conventions read it, differently: `mark` (the one sign in the text) either groups
   * thousands or marks decimals. The readings are written the Vietnamese way without grouping
   * (36800, 36,8), so neither can be misread in turn.
   */
  | { kind: 'ambiguous'; asGrouping: string; asDecimal: string; mark: DecimalMark }
  | { kind: 'invalid'; reason: string };

const escape = (c: string) => c.replace(/[.\\]/g, '\\$&');

/** The pattern of a number under one convention: plain digits or grouped by threes, then decimals. */
function patternFor(mark: DecimalMark): RegExp {
  const group = `[${escape(mark === '.' ? ',' : '.')}${SPACES}]`;
  return new RegExp(`^(-?)([1-9]\\d{0,2}(?:(${group})\\d{3}(?:\\3\\d{3})*)|\\d+)(?:${escape(mark)}(\\d+))?$`);
}

const PATTERNS: Record<DecimalMark, RegExp> = { '.': patternFor('.'), ',': patternFor(',') };

/** The digits of `text` read under one convention, or null when it is not a number written that way. */
function digitsUnder(text: string, mark: DecimalMark): Parts | null {
  const match = PATTERNS[mark].exec(text);
  if (!match) return null;
  return { sign: match[1]!, whole: match[2]!.replace(/[^\d]/g, ''), fraction: match[4] ?? '' };
}

type Parts = { sign: string; whole: string; fraction: string };

function valueOf(parts: Parts): number {
  return Number(`${parts.sign}${parts.whole}${parts.fraction ? `.${parts.fraction}` : ''}`);
}

/** 36800 or 36,8: the Vietnamese decimal comma, no grouping, no trailing zeros. */
function shown(parts: Parts): string {
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  const fraction = parts.fraction.replace(/0+$/, '');
  return `${parts.sign}${whole}${fraction ? `,${fraction}` : ''}`;
}

const OTHER: Record<DecimalMark, DecimalMark> = { '.': ',', ',': '.' };

/** The convention a value shows, or null when it shows none (1412) or reads both ways (36.800). */
export function decimalEvidence(text: string): DecimalMark | null {
  const t = text.trim();
  const dot = digitsUnder(t, '.');
  const comma = digitsUnder(t, ',');
  if (dot && !comma) return '.';
  if (comma && !dot) return ',';
  return null;
}

function tooBig(parts: Parts): string | null {
  const whole = parts.whole.replace(/^0+/, '');
  const significant = (whole + parts.fraction).replace(/^0+/, '').replace(/0+$/, '');
  // Past 13 digits the value is above 10^12 whatever they are (and 400 of them would be Infinity).
  const magnitude =
    whole.length > 13 ? Infinity : valueOf({ sign: '', whole: whole || '0', fraction: parts.fraction });
  if (magnitude > MAX_MAGNITUDE) {
    return 'số quá lớn; giá trị không được vượt quá 1.000.000.000.000 (một nghìn tỷ)';
  }
  if (significant.length > MAX_DIGITS) {
    return `số có quá nhiều chữ số (tối đa ${MAX_DIGITS} chữ số có nghĩa), không giữ được chính xác`;
  }
  return null;
}

const INVALID =
  'không phải số hợp lệ; ghi số bằng chữ số, ví dụ 1412, 36,8 hoặc 36.8 (không ghi chữ, đơn vị hay dấu %)';

/** Why a text is not a number at all, as precisely as its shape allows. */
function invalidReason(t: string): string {
  if (/^[+-]?(nan|infinity|inf|∞)$/i.test(t)) return INVALID;
  if (/^-?\d+([.,]\d+)?e[+-]?\d+$/i.test(t)) {
    return 'số viết dạng lũy thừa (ví dụ 1,2E+11); hãy định dạng ô là số thường rồi lưu lại tệp';
  }
  if (/^-?[\d.,\s\u00a0\u202f]+$/.test(t)) {
    return 'cách ghi số không đúng: nhóm hàng nghìn phải đủ 3 chữ số và chỉ có một dấu thập phân (ví dụ 1.412.000 hoặc 36,8)';
  }
  return INVALID;
}

/**
 * Reads a value under the file's convention (`mark`), or under none when the file did not settle
 * one: then a text that reads both ways is ambiguous.
 */
export function readNumber(text: string, mark: DecimalMark | null): NumberReading {
  const t = text.trim();
  const dot = digitsUnder(t, '.');
  const comma = digitsUnder(t, ',');
  if (!dot && !comma) return { kind: 'invalid', reason: invalidReason(t) };
  const parts = mark === '.' ? dot : mark === ',' ? comma : (dot ?? comma);
  if (!parts) {
    return {
      kind: 'invalid',
      reason: `cách ghi số khác với cả tệp: tệp dùng dấu ${markName(mark!)} thập phân, số này lại dùng dấu ${markName(OTHER[mark!])} thập phân`,
    };
  }
  if (mark === null && dot && comma && valueOf(dot) !== valueOf(comma)) {
    // The mark that would group thousands is the one in the text.
    const used: DecimalMark = t.includes('.') ? '.' : ',';
    const asGrouping = shown(used === '.' ? comma : dot);
    const asDecimal = shown(used === '.' ? dot : comma);
    return { kind: 'ambiguous', asGrouping, asDecimal, mark: used };
  }
  const problem = tooBig(parts);
  if (problem) return { kind: 'invalid', reason: problem };
  return { kind: 'number', value: valueOf(parts) };
}

export function markName(mark: DecimalMark): string {
  return mark === '.' ? 'chấm' : 'phẩy';
}

/** The sentence for an ambiguous value: both readings, and how to write either one unmistakably. */
export function ambiguityText(reading: Extract<NumberReading, { kind: 'ambiguous' }>): string {
  const name = markName(reading.mark);
  return (
    `đọc được hai cách: ${reading.asGrouping} (nếu dấu ${name} phân cách hàng nghìn) hoặc ` +
    `${reading.asDecimal} (nếu dấu ${name} là dấu thập phân), và tệp không cho biết cách ghi số nào; ` +
    `hãy ghi ${reading.asGrouping} không có dấu phân cách, hoặc chọn dấu thập phân của tệp khi nhập`
  );
}

export interface Settled {
  mark: DecimalMark | null;
  /** Why, for messages: "dấu phẩy thập phân (dòng 4: 14,8)". */
  because: string;
  /** The file shows both conventions: rows using each, first ones first. */
  conflict?: { dot: number[]; comma: number[] };
}

/**
 * The file's convention: what its values show, else what its separator implies. Excel writes ";"
 * between fields exactly when the decimal symbol is the comma (the list separator must differ from
 * it: Vietnamese regional settings); "," and tab say nothing (a vi_VN Google Sheet downloads as
 * comma-separated text with decimal commas, quoted). `declared` is the person's own answer.
 */
export function settleDecimalMark(
  values: ReadonlyArray<{ line: number; text: string }>,
  separator: string,
  declared: DecimalMark | null = null,
): Settled {
  if (declared)
    return { mark: declared, because: `dấu ${markName(declared)} thập phân (theo lựa chọn khi nhập)` };
  const seen: Record<DecimalMark, number[]> = { '.': [], ',': [] };
  const example: Partial<Record<DecimalMark, string>> = {};
  for (const { line, text } of values) {
    const mark = decimalEvidence(text);
    if (!mark) continue;
    seen[mark].push(line);
    example[mark] ??= `dòng ${line}: ${text.trim()}`;
  }
  if (seen['.'].length > 0 && seen[','].length > 0) {
    return { mark: null, because: '', conflict: { dot: seen['.'], comma: seen[','] } };
  }
  for (const mark of ['.', ','] as const) {
    if (seen[mark].length > 0) return { mark, because: `dấu ${markName(mark)} thập phân (${example[mark]})` };
  }
  if (separator === ';')
    return { mark: ',', because: 'dấu phẩy thập phân (tệp phân cách bằng dấu chấm phẩy)' };
  return { mark: null, because: '' };
}
