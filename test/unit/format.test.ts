import {
  formatCount,
  formatDateLine,
  formatFraction,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPercentValue,
  roman,
} from '../../src/domain/format';

const isNfc = (s: string) => s === s.normalize('NFC');

describe('formatNumber', () => {
  it.each([
    [1412, '1.412'],
    [33740, '33.740'],
    [48970, '48.970'],
    [0, '0'],
    [-0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [1000000, '1.000.000'],
    [-1412, '-1.412'],
    [-0.5, '-0,5'],
    [12.25, '12,3'],
    [12.2, '12,2'],
    [12.04, '12'],
    [0.05, '0,1'],
  ])('writes %p as "%s" with the default one decimal', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('keeps up to the requested decimals and drops trailing zeros', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 3)).toBe('1.234.567,891');
    expect(formatNumber(1234567.891, 0)).toBe('1.234.568');
    expect(formatNumber(2.5, 3)).toBe('2,5');
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(0.001, 3)).toBe('0,001');
  });

  it('never writes "-0"', () => {
    expect(formatNumber(-0.04, 1)).toBe('0');
    expect(formatNumber(-0.4, 0)).toBe('0');
    expect(formatNumber(-0.0001, 3)).toBe('0');
    expect(formatNumber(-0.05, 1)).toBe('-0,1');
  });

  it('rounds half away from zero on the decimal value, not its binary approximation', () => {
    // 1.005 * 100 is 100.49999999999999 in binary; a person rounds 1,005 to 1,01.
    expect(formatNumber(1.005, 2)).toBe('1,01');
    expect(formatNumber(-1.005, 2)).toBe('-1,01');
    expect(formatNumber(0.15, 1)).toBe('0,2');
    expect(formatNumber(0.1 + 0.2, 1)).toBe('0,3');
  });

  it('writes very large and very small numbers in full, never in exponent notation', () => {
    expect(formatNumber(1e21, 0)).toBe('1.000.000.000.000.000.000.000');
    expect(formatNumber(1e-7, 1)).toBe('0');
    expect(formatNumber(1.5e-7, 7)).toBe('0,0000002');
  });

  it.each([NaN, Infinity, -Infinity])('refuses %p', (value) => {
    expect(() => formatNumber(value)).toThrow('Không định dạng được số');
  });

  it.each([-1, 1.5, 21])('refuses %p decimal places', (decimals) => {
    expect(() => formatNumber(1, decimals)).toThrow('chữ số thập phân');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.926, '92,6%'],
    [0.237, '23,7%'],
    [1, '100%'],
    [0.95, '95%'],
    [0, '0%'],
    [0.9999, '100%'],
    [0.0004, '0%'],
    [-0.125, '-12,5%'],
    [2, '200%'],
  ])('writes the ratio %p as "%s"', (ratio, expected) => {
    expect(formatPercent(ratio)).toBe(expected);
  });

  it('writes 190 of a target of 175 as 108,6%', () => {
    expect(formatPercent(190 / 175)).toBe('108,6%');
  });

  it('rounds ratios computed from counts as a person would', () => {
    // 23/80 = 28,75% exactly: half up gives 28,8%, although 0.2875 * 100 is 28.749999... in binary.
    expect(formatPercent(23 / 80)).toBe('28,8%');
    expect(formatPercent(41 / 80)).toBe('51,3%');
    expect(formatPercent(669 / 2000)).toBe('33,5%');
    expect(formatPercent(335 / 1412)).toBe('23,7%');
  });

  it('writes a value already in percent', () => {
    expect(formatPercentValue(92.6)).toBe('92,6%');
    expect(formatPercentValue(100)).toBe('100%');
    expect(formatPercentValue(95.04)).toBe('95%');
    expect(formatPercentValue(-0.01)).toBe('0%');
  });

  it('refuses a ratio that is not a finite number', () => {
    expect(() => formatPercent(NaN)).toThrow('Không định dạng được số');
    expect(() => formatPercent(1 / 0)).toThrow('Không định dạng được số');
  });
});

describe('formatMoney', () => {
  it.each([
    [36_800_000_000, '36,8 tỷ đồng'],
    [6_600_000_000, '6,6 tỷ đồng'],
    [1_000_000_000, '1 tỷ đồng'],
    [1_250_000_000_000, '1.250 tỷ đồng'],
    [14_800_000, '14,8 triệu đồng'],
    [320_000_000, '320 triệu đồng'],
    [890_000_000, '890 triệu đồng'],
    [950_000_000, '950 triệu đồng'],
    [1_000_000, '1 triệu đồng'],
    [1_234_567, '1,2 triệu đồng'],
    [500_000, '500.000 đồng'],
    [999_999, '999.999 đồng'],
    [0, '0 đồng'],
    [-14_800_000, '-14,8 triệu đồng'],
    [-500_000, '-500.000 đồng'],
  ])('writes %p đồng as "%s"', (dong, expected) => {
    expect(formatMoney(dong)).toBe(expected);
  });

  it('moves up a scale rather than write "1.000 triệu" or "1.000.000 đồng"', () => {
    expect(formatMoney(999_960_000)).toBe('1 tỷ đồng');
    expect(formatMoney(999_940_000)).toBe('999,9 triệu đồng');
    expect(formatMoney(-999_960_000)).toBe('-1 tỷ đồng');
    expect(formatMoney(999_999.5)).toBe('1 triệu đồng');
    expect(formatMoney(999_999.4)).toBe('999.999 đồng');
  });

  it('refuses an amount that is not a finite number', () => {
    expect(() => formatMoney(NaN)).toThrow('Không định dạng được số');
  });
});

describe('formatCount', () => {
  it('pads 1 to 9 with a zero only when asked', () => {
    expect([1, 2, 9].map((n) => formatCount(n, { leadingZero: true }))).toEqual(['01', '02', '09']);
    expect([1, 2, 9].map((n) => formatCount(n))).toEqual(['1', '2', '9']);
    expect(formatCount(2, { leadingZero: false })).toBe('2');
  });

  it('leaves 0, 10 and above, and negative counts unpadded', () => {
    expect(formatCount(0, { leadingZero: true })).toBe('0');
    expect(formatCount(10, { leadingZero: true })).toBe('10');
    expect(formatCount(1412, { leadingZero: true })).toBe('1.412');
    expect(formatCount(-3, { leadingZero: true })).toBe('-3');
  });

  it('adds a unit after a space', () => {
    expect(formatCount(2, { leadingZero: true, unit: 'cơ sở' })).toBe('02 cơ sở');
    expect(formatCount(6, { leadingZero: true, unit: 'cháu' })).toBe('06 cháu');
    expect(formatCount(1412, { unit: 'hội viên' })).toBe('1.412 hội viên');
  });

  it('writes the unit in NFC even when given decomposed', () => {
    expect(formatCount(2, { unit: 'cơ sở'.normalize('NFD') })).toBe('2 cơ sở');
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => formatCount(2.5)).toThrow('số nguyên');
    expect(() => formatCount(NaN)).toThrow('Không định dạng được số');
  });
});

describe('formatFraction', () => {
  it('keeps thousands separators on both sides', () => {
    expect(formatFraction(335, 1412)).toBe('335/1.412');
    expect(formatFraction(65, 65)).toBe('65/65');
    expect(formatFraction(12_500, 33_740)).toBe('12.500/33.740');
    expect(formatFraction(0, 7)).toBe('0/7');
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => formatFraction(1, NaN)).toThrow('Không định dạng được số');
  });
});

describe('roman', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [9, 'IX'],
    [13, 'XIII'],
    [14, 'XIV'],
    [19, 'XIX'],
    [26, 'XXVI'],
    [40, 'XL'],
    [1930, 'MCMXXX'],
    [3999, 'MMMCMXCIX'],
  ])('writes %p as %s', (n, expected) => {
    expect(roman(n)).toBe(expected);
  });

  it.each([0, -1, 4000, 2.5, NaN])('refuses %p', (n) => {
    expect(() => roman(n)).toThrow('Không viết được số La Mã');
  });
});

describe('formatDateLine', () => {
  it.each([
    [new Date(2026, 1, 5), 'ngày 05 tháng 02 năm 2026'],
    [new Date(2026, 8, 23), 'ngày 23 tháng 9 năm 2026'],
    [new Date(2023, 9, 20), 'ngày 20 tháng 10 năm 2023'],
    [new Date(2027, 0, 1), 'ngày 01 tháng 01 năm 2027'],
    [new Date(2026, 2, 9), 'ngày 09 tháng 3 năm 2026'],
    [new Date(2026, 11, 31), 'ngày 31 tháng 12 năm 2026'],
  ])('writes %p as "%s"', (date, expected) => {
    expect(formatDateLine(date)).toBe(expected);
  });

  it('uses local time: 00:30 on 1 January in Hà Nội is still 1 January', () => {
    expect(formatDateLine(new Date(2027, 0, 1, 0, 30))).toBe('ngày 01 tháng 01 năm 2027');
    expect(formatDateLine(new Date(2026, 11, 31, 23, 59))).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('refuses an invalid date', () => {
    expect(() => formatDateLine(new Date(NaN))).toThrow('Không định dạng được ngày');
  });
});

describe('every output is NFC', () => {
  it('holds for each formatter', () => {
    const outputs = [
      formatNumber(1234567.891, 2),
      formatNumber(-0.5),
      formatPercent(0.926),
      formatPercentValue(95),
      formatMoney(36_800_000_000),
      formatMoney(14_800_000),
      formatMoney(500_000),
      formatCount(2, { leadingZero: true, unit: 'cơ sở' }),
      formatCount(2, { unit: 'hội viên'.normalize('NFD') }),
      formatFraction(335, 1412),
      roman(26),
      formatDateLine(new Date(2026, 1, 5)),
      formatDateLine(new Date(2023, 9, 20)),
    ];
    for (const s of outputs) expect(isNfc(s)).toBe(true);
    // Sanity check that the test can fail: a decomposed "đồng" is not NFC.
    expect(isNfc('tỷ đồng'.normalize('NFD'))).toBe(false);
  });
});
