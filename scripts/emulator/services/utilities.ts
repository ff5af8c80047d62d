import crypto from 'node:crypto';
import { BlobImpl, toBuffer } from '../core/blob';
import type { EmulatorContext } from '../core/context';
import { Emulated, isDate, makeEnum } from '../core/context';
import { parameterMismatch } from '../core/errors';
import type { ZonedParts } from '../core/time';
import { formatOffset, zonedParts, zoneOffsetMs } from '../core/time';

// ---------------------------------------------------------------------------------------------
// Formatting helpers shared with Logger.
// ---------------------------------------------------------------------------------------------

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** One run of a pattern letter, in Java SimpleDateFormat terms. */
function formatField(
  letter: string,
  count: number,
  p: ZonedParts,
  offsetMs: number,
  fail: (m: string) => Error,
) {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
      if (count >= 4) return MONTH_NAMES[p.month - 1]!;
      if (count === 3) return MONTH_NAMES[p.month - 1]!.slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'H':
      return pad(p.hour, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return count >= 4 ? DAY_NAMES[p.weekday - 1]! : DAY_NAMES[p.weekday - 1]!.slice(0, 3);
    case 'u':
      return pad(p.weekday, count);
    case 'Z':
      return formatOffset(offsetMs, '');
    case 'X':
      if (offsetMs === 0) return 'Z';
      if (count === 1) return formatOffset(offsetMs, '').slice(0, 3);
      return formatOffset(offsetMs, count === 2 ? '' : ':');
    default:
      if (/[A-Za-z]/.test(letter)) {
        // Java letters the emulator does not render (G, w, D, k, z, …) must not pass silently.
        if ('GwWDFkKzL'.includes(letter))
          throw fail(`Not emulated: Utilities.formatDate pattern letter '${letter}'`);
        throw fail(`Illegal pattern character '${letter}'`);
      }
      return letter.repeat(count);
  }
}

/** Java SimpleDateFormat subset, rendered in `timeZone`. */
export function formatInZone(
  ms: number,
  timeZone: string,
  pattern: string,
  fail: (m: string) => Error,
): string {
  const parts = zonedParts(ms, timeZone);
  const offsetMs = zoneOffsetMs(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      // Quoted text; '' stands for one quote, inside or outside quotes.
      let j = i + 1;
      if (pattern[j] === "'") {
        out += "'";
        i = j + 1;
        continue;
      }
      for (; j < pattern.length; j++) {
        if (pattern[j] !== "'") out += pattern[j];
        else if (pattern[j + 1] === "'") out += pattern[++j];
        else break;
      }
      if (j >= pattern.length) throw fail('Unterminated quote');
      i = j + 1;
      continue;
    }
    let count = 1;
    while (pattern[i + count] === ch) count += 1;
    out += formatField(ch, count, parts, offsetMs, fail);
    i += count;
  }
  return out;
}

/** printf subset of Utilities.formatString: %s %d %i %f %x %o %e %% with flags, width, precision. */
export function formatPrintf(template: string, args: unknown[], fail: (m: string) => Error): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (spec, flags: string, width?: string, precision?: string, conversion = '') => {
      if (conversion === '%') return '%';
      const arg = args[next++];
      let text: string;
      switch (conversion) {
        case 's':
          text = stringify(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
          text = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
          text = Math.trunc(Number(arg)).toString(16);
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        default:
          throw fail(`Not emulated: Utilities.formatString conversion ${spec}`);
      }
      if (conversion !== 's' && flags.includes('+') && !text.startsWith('-')) text = `+${text}`;
      const size = Number(width ?? 0);
      if (text.length >= size) return text;
      if (flags.includes('-')) return text.padEnd(size);
      if (flags.includes('0') && conversion !== 's') {
        const sign = /^[+-]/.test(text) ? text[0]! : '';
        return sign + text.slice(sign.length).padStart(size - sign.length, '0');
      }
      return text.padStart(size);
    },
  );
}

/** How Logger and console render a value: strings as they are, objects as JSON. */
export function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Utilities
// ---------------------------------------------------------------------------------------------

const DIGESTS = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
} as const;
type DigestName = keyof typeof DIGESTS;
const MAX_SLEEP_MS = 300_000;

function signedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function charsetEncoding(charset: unknown): BufferEncoding {
  return charset === 'US_ASCII' ? 'latin1' : 'utf8';
}

/** Bytes of a string or byte array argument, in the given Utilities.Charset. */
function bytesOf(data: unknown, charset: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charsetEncoding(charset));
  return toBuffer(data as number[]);
}

class UtilitiesImpl extends Emulated {
  readonly DigestAlgorithm: Record<DigestName, DigestName>;
  readonly Charset: Record<'US_ASCII' | 'UTF_8', 'US_ASCII' | 'UTF_8'>;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Utilities');
    this.DigestAlgorithm = makeEnum(ctx, 'Utilities.DigestAlgorithm', Object.keys(DIGESTS) as DigestName[]);
    this.Charset = makeEnum(ctx, 'Utilities.Charset', ['US_ASCII', 'UTF_8'] as const);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw parameterMismatch(this._ctx, 'Utilities.formatDate', [date, timeZone, format]);
    }
    return formatInZone(date.getTime(), timeZone, format, this._ctx.fail);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatPrintf(template, args, this._ctx.fail);
  }

  newBlob(data: string | number[], contentType?: string, name?: string): BlobImpl {
    if (typeof data !== 'string' && !Array.isArray(data)) {
      const given = [data, contentType, name].filter((arg) => arg !== undefined);
      throw parameterMismatch(this._ctx, 'Utilities.newBlob', given);
    }
    return new BlobImpl(this._ctx, toBuffer(data), contentType ?? null, name ?? null);
  }

  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS) {
      // unverified: confirm on a real account (the documented maximum is 300000 ms).
      throw this._ctx.fail('Argument too large: milliseconds');
    }
    if (milliseconds > 0) this._ctx.clock.advanceBy(milliseconds);
  }

  base64Encode(data: string | number[], charset?: string): string {
    return bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    // Apps Script keeps the padding in the web-safe alphabet.
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return signedBytes(this._decode(encoded, /^[A-Za-z0-9+/]*={0,2}$/));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return signedBytes(this._decode(encoded, /^[A-Za-z0-9_-]*={0,2}$/));
  }

  computeDigest(algorithm: DigestName, value: string | number[], charset?: string): number[] {
    const name = DIGESTS[algorithm];
    if (!name) throw parameterMismatch(this._ctx, 'Utilities.computeDigest', [algorithm, value]);
    return signedBytes(crypto.createHash(name).update(bytesOf(value, charset)).digest());
  }

  getUuid(): string {
    return crypto.randomUUID();
  }

  parseCsv(csv: string, delimiter?: string | number): string[][] {
    const sep = typeof delimiter === 'number' ? String.fromCharCode(delimiter) : (delimiter ?? ',');
    return parseCsvText(String(csv), sep);
  }

  _decode(encoded: string, alphabet: RegExp): Buffer {
    const text = String(encoded).replace(/\s+/g, '');
    // unverified: confirm on a real account (the text Google gives for malformed base64).
    if (!alphabet.test(text)) throw this._ctx.fail('Could not decode string.');
    return Buffer.from(text, 'base64');
  }
}

/** RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. */
function parseCsvText(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function installUtilities(ctx: EmulatorContext): {
  globals: { Utilities: UtilitiesImpl };
  driver: null;
} {
  return { globals: { Utilities: new UtilitiesImpl(ctx) }, driver: null };
}
