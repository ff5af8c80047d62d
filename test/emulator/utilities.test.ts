import crypto from 'node:crypto';
import { Emulator } from '../../scripts/emulator';
import { isDate } from '../../scripts/emulator/core/context';

const START = new Date('2026-03-02T08:00:00+07:00');

function setup() {
  const emu = new Emulator({ now: START, owner: 'chutich@hoilhpn.vn' });
  const Utilities = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  return { emu, Utilities };
}

describe('Utilities.formatDate', () => {
  const at = new Date('2026-03-02T20:05:09.042+07:00');

  test('renders Java SimpleDateFormat patterns in the given zone', () => {
    const { Utilities } = setup();
    expect(Utilities.formatDate(at, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe('02/03/2026 20:05:09');
    expect(Utilities.formatDate(at, 'Asia/Ho_Chi_Minh', 'd/M/yy h:mm a')).toBe('2/3/26 8:05 PM');
    expect(Utilities.formatDate(at, 'Asia/Ho_Chi_Minh', 'EEE, EEEE')).toBe('Mon, Monday');
    expect(Utilities.formatDate(at, 'Asia/Ho_Chi_Minh', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2026-03-02T20:05:09.042+07:00',
    );
    expect(Utilities.formatDate(at, 'UTC', 'HH:mm Z XXX')).toBe('13:05 +0000 Z');
    expect(Utilities.formatDate(at, 'America/New_York', 'dd HH:mm Z')).toBe('02 08:05 -0500');
    expect(Utilities.formatDate(at, 'GMT+7', "'Ngày' dd 'tháng' MM, 'it''s'")).toBe("Ngày 02 tháng 03, it's");
  });

  test('a bad pattern letter or a non-Date throws', () => {
    const { Utilities } = setup();
    expect(() => Utilities.formatDate(at, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
    expect(() => Utilities.formatDate('2026-03-02' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  test('a Date made in the product realm is accepted', () => {
    const { emu, Utilities } = setup();
    const realmDate = emu.ctx.toRealmDate(at.getTime());
    expect(isDate(realmDate)).toBe(true);
    expect(Utilities.formatDate(realmDate, 'Asia/Ho_Chi_Minh', 'HH:mm')).toBe('20:05');
  });
});

describe('Utilities', () => {
  test('formatString: printf subset', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s có %d đơn vị, %.1f%%', 'Quận', 12, 87.55)).toBe(
      'Quận có 12 đơn vị, 87.5%',
    );
    expect(Utilities.formatString('[%5s|%-5s|%05d|%x]', 'a', 'b', 42, 255)).toBe('[    a|b    |00042|ff]');
  });

  test('newBlob overloads', () => {
    const { Utilities } = setup();
    const text = Utilities.newBlob('Báo cáo');
    expect(text.getDataAsString()).toBe('Báo cáo');
    expect(text.getContentType()).toBeNull();
    const csv = Utilities.newBlob('a,b', 'text/csv', 'units.csv');
    expect([csv.getContentType(), csv.getName()]).toEqual(['text/csv', 'units.csv']);
    const bytes = Utilities.newBlob([-61, -95]);
    expect(bytes.getDataAsString()).toBe('á');
  });

  test('sleep advances the emulated clock; above 5 minutes it throws', () => {
    const { emu, Utilities } = setup();
    Utilities.sleep(1500);
    // The pause, then the call's own modelled 1 ms.
    expect(emu.now().getTime()).toBe(START.getTime() + 1500 + 1);
    expect(() => Utilities.sleep(300_001)).toThrow('Argument too large: milliseconds');
  });

  test('base64 round trips, web-safe alphabet, signed bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('Hội')).toBe(Buffer.from('Hội').toString('base64'));
    expect(Utilities.base64Encode([-1, -2, -3])).toBe('//79');
    expect(Utilities.base64EncodeWebSafe([-1, -2, -3])).toBe('__79');
    expect(Utilities.base64Decode('//79')).toEqual([-1, -2, -3]);
    expect(Utilities.base64DecodeWebSafe('__79')).toEqual([-1, -2, -3]);
    expect(Utilities.base64Encode('é', Utilities.Charset.US_ASCII)).toBe('6Q==');
    expect(() => Utilities.base64Decode('@@@')).toThrow('Could not decode string.');
  });

  test('computeDigest returns signed bytes', () => {
    const { Utilities } = setup();
    const expected = Array.from(crypto.createHash('sha256').update('abc').digest(), (b) =>
      b > 127 ? b - 256 : b,
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc')).toEqual(expected);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')).toHaveLength(16);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc')).toHaveLength(20);
    expect(() => Utilities.DigestAlgorithm.MD2).toThrow('Not emulated: Utilities.DigestAlgorithm.MD2');
  });

  test('getUuid gives distinct v4 UUIDs', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  test('parseCsv handles quotes, embedded delimiters and line breaks, and other delimiters', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('Đơn vị,Số hội viên\n"Phường ""A"", Q1",120\r\n"Hai\ndòng",7')).toEqual([
      ['Đơn vị', 'Số hội viên'],
      ['Phường "A", Q1', '120'],
      ['Hai\ndòng', '7'],
    ]);
    expect(Utilities.parseCsv('a;b\nc;d', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('members not emulated throw Not emulated', () => {
    const { Utilities } = setup();
    expect(() => Utilities.zip([])).toThrow('Not emulated: Utilities.zip');
  });
});
