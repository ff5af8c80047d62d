import { parseCsv, toCsvLine } from '../../src/domain/csv';

describe('parseCsv', () => {
  it('splits rows and fields', () => {
    expect(parseCsv('ma,ten\nDK,Đại Kim\n')).toEqual([
      ['ma', 'ten'],
      ['DK', 'Đại Kim'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"Tổ chức Hội, hội viên","cuộc vận động ""5 không 3 sạch""","dòng 1\r\ndòng 2"')).toEqual(
      [['Tổ chức Hội, hội viên', 'cuộc vận động "5 không 3 sạch"', 'dòng 1\r\ndòng 2']],
    );
  });

  it('reads CRLF, LF and lone CR line ends alike', () => {
    const rows = [
      ['a', '1'],
      ['b', '2'],
    ];
    expect(parseCsv('a,1\r\nb,2\r\n')).toEqual(rows);
    expect(parseCsv('a,1\nb,2')).toEqual(rows);
    expect(parseCsv('a,1\rb,2')).toEqual(rows);
  });

  it('drops a UTF-8 byte-order mark so the first header is found', () => {
    expect(parseCsv('\uFEFFma,ten\nDK,Đại Kim')[0]).toEqual(['ma', 'ten']);
  });

  it('does not make a row of the trailing newline, but keeps empty fields', () => {
    expect(parseCsv('a,,c\nd,,\n')).toEqual([
      ['a', '', 'c'],
      ['d', '', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('uses another delimiter when asked', () => {
    expect(parseCsv('a;b,c\n', ';')).toEqual([['a', 'b,c']]);
  });
});

describe('toCsvLine', () => {
  it('leaves plain fields and numbers alone', () => {
    expect(toCsvLine(['DK', 2026, 'Quý I', 36.8])).toBe('DK,2026,Quý I,36.8');
  });

  it('quotes fields with a comma, quote or line break, doubling quotes', () => {
    expect(toCsvLine(['a,b', 'nói "có"', 'dòng 1\ndòng 2', 'x\ry'])).toBe(
      '"a,b","nói ""có""","dòng 1\ndòng 2","x\ry"',
    );
  });

  it('is read back as written', () => {
    const fields = ['Hội LHPN phường Đại Kim, quận Hoàng Mai', '"5 không 3 sạch"', 'a\r\nb', '', '1.412'];
    expect(parseCsv(toCsvLine(fields))).toEqual([fields]);
  });
});
