import {
  isStuck,
  MAX_RUNS_PER_CURSOR,
  pauseAction,
  pauseMessage,
  resumePoint,
  shouldPause,
  TIME_BUDGET_MS,
} from '../../src/domain/longJob';

const STEPS = ['các trang cài đặt', 'các trang đơn vị', 'mẫu báo cáo'];
const cursor = (step: string, at = 0, runs = 0) => ({ step, at, runs, handler: 'setUpWorkbook' });

describe('a long job', () => {
  it('starts afresh without a cursor, and from the step and unit a cursor names', () => {
    expect(resumePoint(STEPS, null)).toEqual({ index: 0, at: 0 });
    expect(resumePoint(STEPS, cursor('mẫu báo cáo', 3))).toEqual({ index: 2, at: 3 });
  });

  it('starts afresh from a cursor naming a step it no longer has (a new version of the code)', () => {
    expect(resumePoint(STEPS, cursor('bước cũ', 4))).toEqual({ index: 0, at: 0 });
  });

  it('stops at the budget, well before 5 minutes, and only once it has done something', () => {
    expect(TIME_BUDGET_MS).toBeLessThan(5 * 60_000);
    expect(shouldPause(true, 0, TIME_BUDGET_MS - 1)).toBe(false);
    expect(shouldPause(true, 0, TIME_BUDGET_MS)).toBe(true);
    // An execution that has done nothing yet goes on: every run progresses, none loops.
    expect(shouldPause(false, 0, 5 * 60_000)).toBe(false);
  });

  it('gives up on a cursor every run from which was stopped by Google', () => {
    expect(isStuck(null)).toBe(false);
    expect(isStuck(cursor('mẫu báo cáo', 0, MAX_RUNS_PER_CURSOR - 1))).toBe(false);
    expect(isStuck(cursor('mẫu báo cáo', 0, MAX_RUNS_PER_CURSOR))).toBe(true);
  });

  it('tells the admin when it goes on, in Vietnamese, as the clock shows it', () => {
    const at = new Date(2026, 3, 3, 9, 5);
    expect(pauseAction('Khởi tạo', at)).toBe('Khởi tạo: tạm dừng, sẽ tiếp tục lúc 09:05');
    expect(pauseMessage('Khởi tạo', at)).toMatch(
      /^Khởi tạo: tạm dừng, sẽ tiếp tục lúc 09:05 \(tự động\)\. .*bấm lại "Khởi tạo" cũng chỉ làm tiếp phần còn lại\.$/,
    );
  });
});
