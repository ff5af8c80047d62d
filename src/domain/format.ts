/**
 * Vietnamese figures as reports write them (docs/domain.md §10.3): "1.412", "92,6%", "36,8 tỷ đồng",
 * "ngày 05 tháng 02 năm 2026". Written by hand: Intl's vi-VN date style is not the official one,
 * and Apps Script's locale support is unverified. Output is NFC.
 *
 * Rounding is half away from zero on the number as written in decimal (its shortest representation),
 * not on its binary value: 1.005 with 2 decimals gives "1,01" and 0.3345 as a ratio gives "33,5%",
 * as a person rounding by hand would. Zero never carries a sign: -0.04 with 1 decimal gives "0".
 */

const MAX_DECIMALS = 20;

/** `value` × 10^`places`, shifted in decimal notation so that no binary error creeps in (0.926 -> 92.6). */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** |value| rounded half-up to `decimals` places, as digits: [whole part, fraction of exactly `decimals`]. */
function roundedDigits(value: number, decimals: number): [string, string] {
  const scaled = Math.round(shiftDecimal(Math.abs(value), decimals));
  // BigInt writes every digit even beyond 1e21, where String() would switch to exponent notation.
  const digits = BigInt(scaled)
    .toString()
    .padStart(decimals + 1, '0');
  return [digits.slice(0, digits.length - decimals), digits.slice(digits.length - decimals)];
}

function checkFinite(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Không định dạng được số ${String(value)}`);
  }
}

/** Thousands with ".", decimals with ",", at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number, decimals = 1): string {
  checkFinite(value);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new Error(`Số chữ số thập phân phải là số nguyên từ 0 đến ${MAX_DECIMALS}, không phải ${decimals}`);
  }
  const [whole, fraction] = roundedDigits(value, decimals);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  const isZero = /^0*$/.test(whole + fraction);
  const sign = value < 0 && !isZero ? '-' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** A ratio as a percentage with one decimal: 0.926 -> "92,6%", 1 -> "100%". */
export function formatPercent(ratio: number): string {
  checkFinite(ratio);
  return formatPercentValue(shiftDecimal(ratio, 2));
}

/** A value already in percent: 92.6 -> "92,6%". */
export function formatPercentValue(percent: number): string {
  return `${formatNumber(percent, 1)}%`;
}

/** Whether |value| still reaches `threshold` once rounded to `decimals` places. */
function reachesAfterRounding(value: number, decimals: number, threshold: number): boolean {
  const [whole, fraction] = roundedDigits(value, decimals);
  return Number(`${whole}.${fraction || '0'}`) >= threshold;
}

/**
 * Money in đồng, scaled for running text: "500.000 đồng", "14,8 triệu đồng", "36,8 tỷ đồng".
 * Below 1 triệu the amount stays in đồng with no decimals (999.999 đồng); from 1 triệu it is written in
 * triệu, from 1 tỷ in tỷ, with at most one decimal. An amount that would round up to "1.000 triệu" is
 * written "1 tỷ đồng" instead (and "1.000.000 đồng" becomes "1 triệu đồng").
 */
export function formatMoney(dong: number): string {
  checkFinite(dong);
  const abs = Math.abs(dong);
  const millions = shiftDecimal(abs, -6);
  if (abs >= 1e9 || (abs >= 1e6 && reachesAfterRounding(millions, 1, 1000))) {
    return `${formatNumber(shiftDecimal(dong, -9), 1)} tỷ đồng`;
  }
  if (abs >= 1e6 || reachesAfterRounding(abs, 0, 1e6)) {
    return `${formatNumber(shiftDecimal(dong, -6), 1)} triệu đồng`;
  }
  return `${formatNumber(dong, 0)} đồng`;
}

/**
 * A count in running text: 1412 -> "1.412". With `leadingZero`, counts 1 to 9 take a leading zero as
 * formal Union text writes them ("02 cơ sở", "06 cháu"); 0 and counts from 10 are unchanged. With `unit`,
 * the unit follows after a space. A count must be a whole number.
 */
export function formatCount(n: number, options: { leadingZero?: boolean; unit?: string } = {}): string {
  checkFinite(n);
  if (!Number.isInteger(n)) throw new Error(`Số lượng phải là số nguyên, không phải ${String(n)}`);
  const digits = options.leadingZero && n >= 1 && n <= 9 ? `0${n}` : formatNumber(n, 0);
  return options.unit ? `${digits} ${options.unit.normalize('NFC')}` : digits;
}

/** "x/y" with separators kept on both sides: (335, 1412) -> "335/1.412". Each side keeps at most 1 decimal. */
export function formatFraction(a: number, b: number): string {
  return `${formatNumber(a, 1)}/${formatNumber(b, 1)}`;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Roman numerals for quarters and congress ordinals: 3 -> "III", 26 -> "XXVI". */
export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new Error(`Không viết được số La Mã cho ${n}`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The formal date, in local time: day padded below 10, month padded only for 01 and 02 (§10.2). */
export function formatDateLine(date: Date): string {
  // Not `instanceof Date`: a Date made in another realm (the local emulator's sandbox) would fail it.
  if (typeof date?.getTime !== 'function' || Number.isNaN(date.getTime())) {
    throw new Error(`Không định dạng được ngày ${String(date)}`);
  }
  const day = String(date.getDate()).padStart(2, '0');
  const month = date.getMonth() + 1;
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${day} tháng ${monthText} năm ${date.getFullYear()}`;
}
