/**
 * Time zones, shared by Utilities.formatDate, the trigger scheduler, the logger, Sheets date serials
 * and the command line. One cached `Intl.DateTimeFormat` per zone gives the zone's wall clock; the
 * rest is arithmetic on UTC milliseconds.
 */

/** Wall-clock fields of an instant in a time zone; weekday 1 = Monday … 7 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "GMT+7", "UTC-05:30", "GMT": fixed offsets, which Intl does not accept in every Node version. */
function fixedOffsetMs(timeZone: string): number | null {
  const match = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -minutes : minutes) * MINUTE_MS;
}

/** The zone's formatter (cached), or null when Intl does not know the zone. */
function ianaFormatter(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return null;
  }
}

/** A zone Intl knows (an IANA name such as "Asia/Ho_Chi_Minh", or "UTC"). */
export function isIanaTimeZone(timeZone: string): boolean {
  return ianaFormatter(timeZone) !== null;
}

/** An IANA zone or a fixed offset ("GMT+7"), as Java's TimeZone accepts for Apps Script. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === 'string' && (fixedOffsetMs(timeZone) !== null || isIanaTimeZone(timeZone));
}

/**
 * Offset of the zone from UTC at the instant `ms`, to the second. An unknown zone counts as GMT, as
 * Java's TimeZone.getTimeZone (behind Utilities.formatDate) does.
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const fixed = fixedOffsetMs(timeZone);
  if (fixed !== null) return fixed;
  const formatter = ianaFormatter(timeZone);
  if (!formatter) return 0;
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const wall = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant at which the zone's wall clock shows `wallMs` (a wall-clock time written as if it were
 * UTC). Two passes settle the offset, also on the day a zone changes its offset.
 */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(first, timeZone);
}

/** The instant at which the zone's wall clock shows the given date and time (month 1–12). */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  return wallTimeToUtc(Date.UTC(year, month - 1, day, hour, minute), timeZone);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** "+07:00" (separator ':') or "+0700" (separator ''). */
export function formatOffset(offsetMs: number, separator: string): string {
  const minutes = Math.abs(offsetMs) / MINUTE_MS;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60), 2)}${separator}${pad(minutes % 60, 2)}`;
}

/** An ISO date-time in the zone with its offset, to the second: 2026-03-02T08:00:00+07:00. */
export function isoWithOffset(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const offset = Math.round(zoneOffsetMs(ms, timeZone) / MINUTE_MS) * MINUTE_MS;
  return (
    `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}` +
    `T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${formatOffset(offset, ':')}`
  );
}
