import type { ErrorFactory } from '../../core/errors';
import { wallTimeToUtc, zoneOffsetMs } from '../../core/time';
import type { LocaleConventions } from './locales';
import type { CellValue } from './types';

/**
 * Cell values as Sheets stores them: numbers, strings, booleans; dates are serial numbers (days since
 * 1899-12-30, wall clock of the spreadsheet's time zone) with a date number format. Strings written
 * by a script are parsed as if typed (USER_ENTERED), in the spreadsheet's locale (./locales.ts).
 */

/** What getNumberFormat() answers for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

export function msToSerial(ms: number, timeZone: string): number {
  return (ms + zoneOffsetMs(ms, timeZone)) / DAY_MS + EPOCH_SERIAL;
}

export function serialToMs(serial: number, timeZone: string): number {
  return wallTimeToUtc(Math.round((serial - EPOCH_SERIAL) * DAY_MS), timeZone);
}

function wallSerial(y: number, m: number, d: number, h = 0, min = 0, s = 0): number | null {
  const ms = Date.UTC(y, m - 1, d, h, min, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || h > 23 || min > 59 || s > 59) return null;
  return ms / DAY_MS + EPOCH_SERIAL;
}

/** Removes quoted text, escapes and [colour] blocks, which never carry date tokens. */
function formatSkeleton(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === TEXT_FORMAT) return false;
  return /[dyhHsMm]/.test(formatSkeleton(format));
}

export type Parsed = { f: string } | { v: CellValue | undefined; numberFormat?: string };

/** What typed input is read against: the spreadsheet's locale, and the year a date without one gets. */
export interface InputContext {
  locale: LocaleConventions;
  year: number;
}

const numberPatterns = new Map<string, RegExp>();

/** "1.412,5" in vi_VN, "1,412.5" in en_US: groups of three after the first, then the decimals. */
function numberPattern(locale: LocaleConventions): RegExp {
  let pattern = numberPatterns.get(locale.code);
  if (!pattern) {
    const [group, decimal] = [locale.group, locale.decimal].map((c) => `\\${c}`);
    pattern = new RegExp(`^[+-]?(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}\\d+)?$`);
    numberPatterns.set(locale.code, pattern);
  }
  return pattern;
}

/** Day and month (in the locale's order), an optional year, an optional time. */
const DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function localeNumber(text: string, locale: LocaleConventions): number {
  return Number(text.split(locale.group).join('').replace(locale.decimal, '.'));
}

/**
 * A string as Sheets reads typed input: "'" forces text, "=" starts a formula; numbers, percentages
 * and dates follow the locale (vi_VN: "1.412,5", "92,6%", "02/03/2026" is 2 March; en_US: "1,412.5",
 * "92.6%", "3/4" is 4 March of this year); anything else stays text, so "3.5" is text in vi_VN and
 * "1,5" in en_US. Leading zeros are lost ("0912…" becomes a number), as on Google.
 * // unverified: confirm the parsing rules of each locale on a real account
 */
export function parseUserEntered(text: string, input: InputContext): Parsed {
  const { locale } = input;
  if (text === '') return { v: undefined };
  if (text.startsWith("'")) return { v: text.length > 1 ? text.slice(1) : undefined };
  if (text.startsWith('=') && text.length > 1) return { f: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { v: t.toUpperCase() === 'TRUE' };
  const number = numberPattern(locale);
  if (number.test(t)) return { v: localeNumber(t, locale) };
  if (t.endsWith('%') && number.test(t.slice(0, -1))) {
    const digits = t.slice(0, -1);
    return {
      // Sheets keeps 15 significant digits: 92.6% is 0.926, not 92.6 / 100 = 0.9259999999999999.
      v: Number((localeNumber(digits, locale) / 100).toPrecision(15)),
      numberFormat: digits.includes(locale.decimal) ? '0.00%' : '0%',
    };
  }
  const date = DATE.exec(t);
  if (date) {
    const [, first, second, y, h, min, s] = date.map(Number) as number[];
    const [d, m] = locale.dateOrder === 'DMY' ? [first!, second!] : [second!, first!];
    const serial = wallSerial(date[3] ? y! : input.year, m, d, h || 0, min || 0, s || 0);
    if (serial !== null)
      return { v: serial, numberFormat: date[4] ? locale.dateTimeFormat : locale.dateFormat };
  }
  const iso = DATE_ISO.exec(t);
  if (iso) {
    const serial = wallSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { v: serial, numberFormat: 'yyyy-MM-dd' };
  }
  const time = TIME.exec(t);
  if (time) {
    const [h, min, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h < 24 && min < 60 && s < 60)
      return { v: (h * 3600 + min * 60 + s) / 86_400, numberFormat: 'HH:mm:ss' };
  }
  return { v: text };
}

/** The default ("automatic") display of a number: up to 15 significant digits, the locale's decimal mark. */
export function generalNumber(n: number, locale: LocaleConventions): string {
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  return text.replace('.', locale.decimal);
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i += 1;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

type Token =
  | { t: 'lit'; s: string }
  | { t: 'ph'; c: string }
  | { t: 'dot' }
  | { t: 'comma' }
  | { t: 'pct' }
  | { t: 'date'; s: string };

function tokenize(section: string, dates: boolean, fail: ErrorFactory, format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ t: 'lit', s: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ t: 'lit', s: section[i + 1] ?? '' });
      i += 1;
    } else if (ch === '_') {
      tokens.push({ t: 'lit', s: ' ' });
      i += 1;
    } else if (ch === '*') {
      i += 1;
    } else if (ch === '[') {
      i = Math.max(i, section.indexOf(']', i));
    } else if (dates && /[dyhHsMm]/.test(ch)) {
      let run = ch;
      while (section[i + 1] === ch) run += section[++i];
      tokens.push({ t: 'date', s: run });
    } else if (dates && /^(AM\/PM|am\/pm)/.test(section.slice(i))) {
      tokens.push({ t: 'date', s: 'AM/PM' });
      i += 4;
    } else if (!dates && /[0#?]/.test(ch)) tokens.push({ t: 'ph', c: ch });
    else if (!dates && ch === '.') tokens.push({ t: 'dot' });
    else if (!dates && ch === ',') tokens.push({ t: 'comma' });
    else if (!dates && ch === '%') tokens.push({ t: 'pct' });
    else if (!dates && /[Ee]/.test(ch)) throw fail(`Not emulated: number format ${format}`);
    else tokens.push({ t: 'lit', s: ch });
  }
  return tokens;
}

function literal(token: Token): string {
  switch (token.t) {
    case 'lit':
      return token.s;
    case 'dot':
      return '.';
    case 'comma':
      return ',';
    case 'pct':
      return '%';
    default:
      return '';
  }
}

function roundTo(value: number, decimals: number): number {
  return Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
}

function formatNumberSection(
  value: number,
  section: string,
  fail: ErrorFactory,
  format: string,
  locale: LocaleConventions,
): string {
  const tokens = tokenize(section, false, fail, format);
  const first = tokens.findIndex((t) => t.t === 'ph');
  const last = tokens.map((t) => t.t).lastIndexOf('ph');
  let scaled = value;
  let prefix = '';
  let suffix = '';
  let intPattern = '';
  let decPattern = '';
  let grouping = false;
  let afterDot = false;
  tokens.forEach((token, i) => {
    if (token.t === 'pct') scaled *= 100;
    if (first < 0 || i < first) prefix += literal(token);
    else if (i > last) {
      // Commas right after the digits divide by 1000 ("#,##0,"); other tokens are a suffix.
      if (token.t === 'comma' && !afterDot && suffix === '') scaled /= 1000;
      else suffix += literal(token);
    } else if (token.t === 'ph') {
      if (afterDot) decPattern += token.c;
      else intPattern += token.c;
    } else if (token.t === 'dot') afterDot = true;
    else if (token.t === 'comma') grouping = grouping || !afterDot;
    else throw fail(`Not emulated: number format ${format}`);
  });
  if (first < 0) return prefix;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const [intDigits = '', decDigits = ''] = roundTo(scaled, decPattern.length)
    .toFixed(decPattern.length)
    .split('.');
  let decimals = decDigits;
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const minInt = (intPattern.match(/0/g) ?? []).length;
  let integer = intDigits === '0' && minInt === 0 ? '' : intDigits.padStart(minInt, '0');
  if (grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group);
  return prefix + integer + (decimals ? locale.decimal + decimals : '') + suffix;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDateSection(serial: number, section: string, fail: ErrorFactory, format: string): string {
  const tokens = tokenize(section, true, fail, format);
  const wall = new Date(Math.round((serial - EPOCH_SERIAL) * DAY_MS));
  const twelveHour = tokens.some((t) => t.t === 'date' && t.s === 'AM/PM');
  const dateTokens = tokens.filter((t): t is { t: 'date'; s: string } => t.t === 'date');
  return tokens
    .map((token) => {
      if (token.t !== 'date') return literal(token);
      const s = token.s;
      const k = dateTokens.indexOf(token);
      const hours = wall.getUTCHours();
      switch (s[0]) {
        case 'd':
          if (s.length > 2) break;
          return pad(wall.getUTCDate(), s.length);
        case 'y':
          return s.length <= 2 ? pad(wall.getUTCFullYear() % 100, 2) : String(wall.getUTCFullYear());
        case 'h':
        case 'H':
          return pad(twelveHour ? hours % 12 || 12 : hours, Math.min(s.length, 2));
        case 's':
          return pad(wall.getUTCSeconds(), Math.min(s.length, 2));
        case 'A':
          return hours < 12 ? 'AM' : 'PM';
        case 'm':
        case 'M': {
          if (s.length > 2) break;
          // Lower-case "m" means minutes next to hours or seconds, as in Sheets; "M" is always the month.
          const prev = dateTokens[k - 1]?.s[0];
          const next = dateTokens[k + 1]?.s[0];
          const minutes = s[0] === 'm' && (prev === 'h' || prev === 'H' || next === 's');
          return pad(minutes ? wall.getUTCMinutes() : wall.getUTCMonth() + 1, s.length);
        }
      }
      throw fail(`Not emulated: number format ${format}`);
    })
    .join('');
}

/** The text Sheets shows for a value with a number format, with the locale's separators. */
export function displayValue(
  value: CellValue | undefined,
  format: string | undefined,
  fail: ErrorFactory,
  locale: LocaleConventions,
): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === TEXT_FORMAT || /^general$/i.test(format)) {
    return generalNumber(value, locale);
  }
  const sections = splitSections(format);
  if (isDateFormat(format)) return formatDateSection(value, sections[0] ?? '', fail, format);
  if (value < 0 && sections[1] !== undefined)
    return formatNumberSection(-value, sections[1], fail, format, locale);
  if (value === 0 && sections[2] !== undefined)
    return formatNumberSection(0, sections[2], fail, format, locale);
  const text = formatNumberSection(Math.abs(value), sections[0] ?? '', fail, format, locale);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
