import { completenessText, submissionState } from '../../src/domain/progress';

// Quý I/2026 with a deadline 10 days after the quarter: late from 11/04/2026 00:00.
const quarterStart = new Date(2026, 0, 1);
const deadline = new Date(2026, 3, 11);
const state = (submittedAt: Date | null, now: Date) =>
  submissionState(submittedAt, quarterStart, deadline, now);

describe('submissionState', () => {
  it('counts a submission up to the last minute of the last day as on time', () => {
    expect(state(new Date(2026, 3, 5, 8, 30), new Date(2026, 5, 1))).toBe('Đúng hạn');
    expect(state(new Date(2026, 3, 10, 23, 59), new Date(2026, 5, 1))).toBe('Đúng hạn');
  });

  it('counts a submission from the deadline on as late', () => {
    expect(state(new Date(2026, 3, 11, 0, 0), new Date(2026, 5, 1))).toBe('Trễ hạn');
    expect(state(new Date(2026, 4, 20), new Date(2026, 5, 1))).toBe('Trễ hạn');
  });

  it('says a quarter that has not begun is not yet due', () => {
    expect(state(null, new Date(2025, 11, 31, 23, 59))).toBe('Chưa đến kỳ');
  });

  it('says "not submitted" during the quarter and until the deadline', () => {
    expect(state(null, new Date(2026, 0, 1))).toBe('Chưa nộp');
    expect(state(null, new Date(2026, 3, 10, 23, 59))).toBe('Chưa nộp');
  });

  it('says overdue once the deadline has passed without a submission', () => {
    expect(state(null, new Date(2026, 3, 11))).toBe('Quá hạn, chưa nộp');
  });
});

describe('completenessText', () => {
  it('reads "12/14 đơn vị đã nộp"', () => {
    expect(completenessText(12, 14)).toBe('12/14 đơn vị đã nộp');
  });
});
