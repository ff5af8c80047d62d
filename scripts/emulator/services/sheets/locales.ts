/**
 * The conventions of a spreadsheet locale (File > Settings > Locale): how typed numbers and dates are
 * read, how numbers are shown, how formula arguments are separated, what new tabs are called. One
 * row per emulated locale; a spreadsheet in any other locale is not emulated.
 *
 * Sources: "Set a spreadsheet's location & calculation settings"
 * (https://support.google.com/docs/answer/58515: the locale decides formatting such as functions,
 * dates and currency); the argument separator of each locale from the list in
 * https://stackoverflow.com/questions/73767719 (28 locales, United States among them, use ",";
 * Vietnam and the rest use ";"), and https://www.benlcollins.com/spreadsheets/sheets-location/
 * (decimal-comma locales separate arguments with ";").
 */

export interface LocaleConventions {
  code: string;
  decimal: '.' | ',';
  group: '.' | ',';
  /** The order of day, month and year in a typed date such as 02/03/2026. */
  dateOrder: 'DMY' | 'MDY';
  /** Between function arguments in a formula. */
  argumentSeparator: ',' | ';';
  /** The format a typed date gets. // unverified: confirm on a real account */
  dateFormat: string;
  /** The format a Date written by a script gets. // unverified: confirm on a real account */
  dateTimeFormat: string;
  /** New tabs are called prefix + n ("Sheet1", "Trang tính1"). // unverified for a script's insertSheet */
  sheetPrefix: string;
}

const LOCALES: Record<string, LocaleConventions> = {
  en_US: {
    code: 'en_US',
    decimal: '.',
    group: ',',
    dateOrder: 'MDY',
    argumentSeparator: ',',
    dateFormat: 'M/d/yyyy',
    dateTimeFormat: 'M/d/yyyy H:mm:ss',
    sheetPrefix: 'Sheet',
  },
  vi_VN: {
    code: 'vi_VN',
    decimal: ',',
    group: '.',
    dateOrder: 'DMY',
    argumentSeparator: ';',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
    sheetPrefix: 'Trang tính',
  },
};

/** The locale of a new spreadsheet whose creator set nothing: Google's default account is en_US. */
export const DEFAULT_ACCOUNT_LOCALE = 'en_US';
/**
 * The time zone of a new spreadsheet whose creator set nothing. Docs editors take the creator's
 * browser zone (https://support.google.com/a/answer/61452); an en_US account is assumed to be in
 * New York, which also differs from the product's script zone, the stricter choice. // unverified
 */
export const DEFAULT_ACCOUNT_TIME_ZONE = 'America/New_York';

export function isEmulatedLocale(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOCALES, code);
}

/** The conventions of a locale; the caller has checked it is emulated. */
export function conventionsOf(code: string): LocaleConventions {
  const conventions = LOCALES[code];
  if (!conventions) throw new Error(`Locale ${code} is not emulated`);
  return conventions;
}

/** The creator's settings a new spreadsheet starts with (per account, Emulator option `accountLocales`). */
export interface AccountLocale {
  locale: string;
  timeZone: string;
}
