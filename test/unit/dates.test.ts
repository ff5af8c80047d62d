import { localDate, shortDate, shortDateTime } from '../../src/domain/dates';

describe('dates', () => {
  it('writes dd/MM/yyyy with leading zeros', () => {
    expect(shortDate(new Date(2026, 3, 5, 8, 30))).toBe('05/04/2026');
    expect(shortDate(new Date(2026, 11, 31))).toBe('31/12/2026');
  });

  it('adds the time as HH:mm on a 24-hour clock', () => {
    expect(shortDateTime(new Date(2026, 3, 5, 8, 30))).toBe('05/04/2026 08:30');
    expect(shortDateTime(new Date(2026, 3, 5, 17, 5))).toBe('05/04/2026 17:05');
    expect(shortDateTime(new Date(2026, 0, 1, 0, 0))).toBe('01/01/2026 00:00');
  });

  it("shows the script's time zone (Vietnam), not UTC", () => {
    // 17:00 UTC on 31/03 is already 00:00 on 01/04 in Hà Nội.
    expect(shortDateTime(new Date(Date.UTC(2026, 2, 31, 17, 0)))).toBe('01/04/2026 00:00');
  });

  it('builds a local date whose day may overflow into the next month or year', () => {
    expect(shortDateTime(localDate([2026, 3, 11]))).toBe('11/04/2026 00:00');
    expect(shortDate(localDate([2026, 2, 41]))).toBe('10/04/2026');
    expect(shortDate(localDate([2026, 12, 1]))).toBe('01/01/2027');
  });
});
