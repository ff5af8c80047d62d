import { decimalEvidence, readNumber, settleDecimalMark } from '../../src/domain/numberText';

describe('decimalEvidence: what one value says about the file', () => {
  it.each([
    ['14,8', ','],
    ['1.412,5', ','],
    ['1.412.000', ','],
    ['0,926', ','],
    ['12.75', '.'],
    ['1,412.5', '.'],
    ['1,412,000', '.'],
    ['0.926', '.'],
    ['36800.5', '.'],
    ['1234.567', '.'],
  ])('%s shows the decimal %s', (text, mark) => {
    expect(decimalEvidence(text)).toBe(mark);
  });

  it.each(['1412', '36.800', '36,800', '1.412', '36 800', '-5', 'abc', ''])('%s shows nothing', (text) => {
    expect(decimalEvidence(text)).toBeNull();
  });
});

describe('readNumber', () => {
  it('reads a value under the settled convention, grouped or not', () => {
    expect(readNumber('36.800', ',')).toEqual({ kind: 'number', value: 36800 });
    expect(readNumber('36.800', '.')).toEqual({ kind: 'number', value: 36.8 });
    expect(readNumber('1.412.000,5', ',')).toEqual({ kind: 'number', value: 1412000.5 });
    expect(readNumber('1,412.5', '.')).toEqual({ kind: 'number', value: 1412.5 });
    expect(readNumber('36 800', null)).toEqual({ kind: 'number', value: 36800 });
    expect(readNumber('36\u00a0800,5', ',')).toEqual({ kind: 'number', value: 36800.5 });
    expect(readNumber('1412', null)).toEqual({ kind: 'number', value: 1412 });
  });

  it('never guesses: a value that reads both ways under no convention is ambiguous, with both readings', () => {
    expect(readNumber('36.800', null)).toEqual({
      kind: 'ambiguous',
      asGrouping: '36800',
      asDecimal: '36,8',
      mark: '.',
    });
    expect(readNumber('1,412', null)).toEqual({
      kind: 'ambiguous',
      asGrouping: '1412',
      asDecimal: '1,412',
      mark: ',',
    });
  });

  it('refuses a value written against the file convention', () => {
    expect(readNumber('12.75', ',')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('khác với cả tệp'),
    });
  });

  it('refuses malformed groups, exponents, NaN and Infinity', () => {
    for (const text of ['1.41', '1.4120', '12.345.67', '1,2,3']) {
      expect(readNumber(text, ',')).toMatchObject({ kind: 'invalid' });
    }
    expect(readNumber('1.23E+11', null)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('lũy thừa'),
    });
    for (const text of ['NaN', 'Infinity', '-Infinity', '∞', '1e400']) {
      expect(readNumber(text, null).kind).toBe('invalid');
    }
  });

  it('refuses magnitudes beyond 10^12 and more digits than a double keeps, instead of Infinity or rounding', () => {
    expect(readNumber('9'.repeat(400), null)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('quá lớn'),
    });
    expect(readNumber('1000000000000.5', '.')).toMatchObject({ kind: 'invalid' });
    expect(readNumber('1000000000001', null)).toMatchObject({ kind: 'invalid' });
    expect(readNumber('1000000000000', null)).toEqual({ kind: 'number', value: 1e12 });
    expect(readNumber('9007199254740993', null)).toMatchObject({ kind: 'invalid' });
    expect(readNumber('0.1234567890123456', '.')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('chữ số có nghĩa'),
    });
    expect(readNumber('0.000001', '.')).toEqual({ kind: 'number', value: 0.000001 });
  });
});

describe('settleDecimalMark: the file as a whole', () => {
  const values = (...texts: string[]) => texts.map((text, i) => ({ line: i + 2, text }));

  it('is settled by an unambiguous value, wherever it is in the file', () => {
    expect(settleDecimalMark(values('36.800', '1412', '14,8'), ',')).toMatchObject({ mark: ',' });
    expect(settleDecimalMark(values('36.800', '12.75'), ',')).toMatchObject({ mark: '.' });
  });

  it('takes a semicolon-separated file for decimal commas (Excel under Vietnamese settings)', () => {
    expect(settleDecimalMark(values('36.800'), ';')).toMatchObject({ mark: ',' });
    // Values outweigh the separator.
    expect(settleDecimalMark(values('36.800', '12.75'), ';')).toMatchObject({ mark: '.' });
  });

  it('leaves a comma- or tab-separated file with no telling value unsettled', () => {
    expect(settleDecimalMark(values('36.800', '1412'), ',')).toMatchObject({ mark: null });
    expect(settleDecimalMark(values('36.800'), '\t')).toMatchObject({ mark: null });
  });

  it('reports a file that shows both conventions, naming the rows', () => {
    expect(settleDecimalMark(values('12.75', '1,5', '3,25'), ',')).toEqual({
      mark: null,
      because: '',
      conflict: { dot: [2], comma: [3, 4] },
    });
  });

  it('lets the person decide', () => {
    expect(settleDecimalMark(values('36.800'), ',', ',')).toMatchObject({ mark: ',' });
  });
});
