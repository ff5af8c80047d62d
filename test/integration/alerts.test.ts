/**
 * A job's result is told in an alert, which suspends the script while the chair reads it (Dialogs
 * guide, https://developers.google.com/apps-script/guides/dialogs). The jobs tell only after letting
 * go of the script lock, so an officer ticking "Nộp" meanwhile is not made to wait and fail.
 */
import type { Emulator } from '../../scripts/emulator';
import { DK, DK_TAB, enter, GOOD_Q1, OWNER, setUpDistrict, tickSubmit } from '../support/district';

type Act = (emu: Emulator) => unknown;

const menu =
  (item: string): Act =>
  (emu) =>
    emu.sheets.clickMenu(`Hội LHPN > ${item}`, { as: OWNER });

/** The job, how the chair starts it, the title of the alert that tells its result. */
const JOBS: Array<[string, Act, string]> = [
  ['Tổng hợp ngay', menu('Tổng hợp ngay'), 'Tổng hợp'],
  ['Gửi nhắc nhở', menu('Gửi nhắc nhở'), 'Gửi nhắc nhở'],
  ['Cài đặt lịch tự động', menu('Cài đặt lịch tự động'), 'Cài đặt lịch tự động'],
  // The report dialog's button: google.script.run runs createReport as the chair.
  [
    'Tạo báo cáo',
    (emu) => emu.run('createReport', [{ ky: '2026-Q1' }], { user: OWNER, kind: 'menu' }),
    'Tạo báo cáo',
  ],
];

describe('an officer’s tick while the chair reads a job’s result', () => {
  it.each(JOBS)('is not lost: %s', (_job, act, title) => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00');
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    emu.sheets.userOpen({ as: OWNER });
    let tick: ReturnType<typeof tickSubmit> | null = null;
    let tickedAt = '';
    emu.sheets.duringNextAlert(() => {
      // The stamp is the modelled moment of the tick: the job's own calls have moved the clock.
      const at = emu.now();
      tickedAt = `${String(at.getDate()).padStart(2, '0')}/04/2026 ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
      tick = tickSubmit(emu, DK, DK_TAB, 1);
    });
    act(emu);

    expect(emu.sheets.alerts().at(-1)?.title).toBe(title);
    expect(tick).toEqual({ accepted: true });
    expect(emu.sheets.triggerErrors()).toEqual([]);
    const tab = emu.sheets.values(DK_TAB);
    expect([tab[4]![3], tab[3]![3]]).toEqual([true, `Đã nộp ${tickedAt}`]);
    expect(tickedAt.startsWith('03/04/2026 09:0')).toBe(true);
    const progress = emu.sheets.values('Tiến độ').find((r) => r[0] === 'DK')!;
    expect(progress.slice(3, 5)).toEqual([DK, 'Đúng hạn']);
  });
});
