import { asCellText } from '../../src/domain/text';

describe('asCellText', () => {
  it.each(['=IMPORTXML("http://x")', '+84 912', '-5 người', '@mention'])(
    'keeps %s as text, never a formula',
    (t) => {
      expect(asCellText(t)).toBe(`'${t}`);
    },
  );

  it('leaves ordinary Vietnamese text alone, in NFC', () => {
    expect(asCellText('Chi hội 1'.normalize('NFD'))).toBe('Chi hội 1'.normalize('NFC'));
  });
});
