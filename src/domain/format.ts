/**
 * Vietnamese figures as reports write them (docs/domain.md §10.3): "1.412", "92,6%", "36,8 tỷ đồng",
 * "ngày 05 tháng 02 năm 2026". Written by hand: Intl's vi-VN date style is not the official one,
 * and Apps Script's locale support is unverified. Output is NFC.
 */

/** Thousands with ".", decimals with ",", at most `decimals` places, no trailing zeros. */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) throw new Error(`Không định dạng được số ${String(value)}`);
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction = ''] = rounded.toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** A ratio as a percentage with one decimal: 0.926 -> "92,6%", 1 -> "100%". */
export function formatPercent(ratio: number): string {
  return formatPercentValue(ratio * 100);
}

/** A value already in percent: 92.6 -> "92,6%". */
export function formatPercentValue(percent: number): string {
  return `${formatNumber(percent, 1)}%`;
}

/** Money in đồng, scaled for running text: "500.000 đồng", "14,8 triệu đồng", "36,8 tỷ đồng". */
export function formatMoney(dong: number): string {
  const abs = Math.abs(dong);
  if (abs >= 1e9) return `${formatNumber(dong / 1e9, 1)} tỷ đồng`;
  if (abs >= 1e6) return `${formatNumber(dong / 1e6, 1)} triệu đồng`;
  return `${formatNumber(dong, 0)} đồng`;
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

/** The formal date: day padded below 10, month padded only for 01 and 02 (§10.2). */
export function formatDateLine(date: Date): string {
  const day = String(date.getDate()).padStart(2, '0');
  const month = date.getMonth() + 1;
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${day} tháng ${monthText} năm ${date.getFullYear()}`;
}
