import type { MailMessage } from '../../scripts/emulator/services/mail';
import { sampleConfig } from '../support/product';
import {
  DK,
  DK_TAB,
  enter,
  GOOD_Q1,
  OWNER,
  setUpDistrict,
  tickSubmit,
  TL,
  TL_TAB,
} from '../support/district';

const GB = 'giapbat@hoilhpn.vn';
const GB2 = 'phogiapbat@hoilhpn.vn';
const GB_TAB = 'GB - phường Giáp Bát';
const config = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
    { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB, GB2] },
  ],
});

/** Three wards set up before the end of Quý I/2026 (deadline 10/04, reminders from 05/04). */
function district(now = '2026-03-30T09:00:00+07:00') {
  const emu = setUpDistrict(now, config);
  emu.drive.share(emu.sheets.activeSpreadsheetId(), GB2, 'EDIT');
  return emu;
}

const reminders = (emu: ReturnType<typeof district>): MailMessage[] =>
  emu.mail.outbox().filter((m) => m.subject.includes('Nhắc nộp'));
const recipients = (messages: MailMessage[]) => messages.flatMap((m) => m.to).sort();
const day = (iso: string) => new Date(`${iso}T23:00:00+07:00`);
const logOf = (emu: ReturnType<typeof district>, pattern: RegExp) =>
  emu.sheets.values('Nhật ký').filter((r) => pattern.test(String(r[2])));

describe('reminders to units that have not submitted', () => {
  it('go out every day of the window, only to late units, and stop with the deadline', () => {
    const emu = district();
    emu.run('installSchedules');
    emu.tick(day('2026-04-04'));
    expect(reminders(emu)).toEqual([]);

    emu.tick(day('2026-04-05'));
    expect(recipients(reminders(emu))).toEqual([DK, GB, GB2, TL].sort());

    // Đại Kim submits on the 6th before the reminders run; Thịnh Liệt on the 8th after them.
    emu.tick(new Date('2026-04-06T07:30:00+07:00'));
    enter(emu, DK, DK_TAB, 1, GOOD_Q1);
    expect(tickSubmit(emu, DK, DK_TAB, 1).accepted).toBe(true);
    emu.mail.clear();
    emu.tick(day('2026-04-06'));
    expect(recipients(reminders(emu))).toEqual([GB, GB2, TL].sort());

    emu.mail.clear();
    emu.tick(new Date('2026-04-08T12:00:00+07:00'));
    enter(emu, TL, TL_TAB, 1, GOOD_Q1);
    expect(tickSubmit(emu, TL, TL_TAB, 1).accepted).toBe(true);
    emu.tick(day('2026-04-10'));
    const lastDays = reminders(emu);
    // 7th and 8th: Thịnh Liệt and Giáp Bát; 9th and 10th: Giáp Bát only.
    expect(recipients(lastDays)).toEqual([GB, GB, GB, GB, GB2, GB2, GB2, GB2, TL, TL].sort());
    expect(lastDays.map((m) => new Date(m.sentAt).getHours()).every((h) => h === 8)).toBe(true);

    emu.mail.clear();
    emu.tick(day('2026-04-20'));
    expect(reminders(emu)).toEqual([]);
  });

  it('name the unit, the quarter, the deadline and link to the unit tab, in Vietnamese', () => {
    const emu = district('2026-04-07T09:00:00+07:00');
    const result = emu.run('remindLateUnits');
    expect(result).toMatchObject({ trang_thai: 'da_gui', ky: ['2026-Q1'] });
    const [toDK] = reminders(emu).filter((m) => m.to.includes(DK));
    expect(toDK).toMatchObject({
      sender: OWNER,
      to: [DK],
      name: 'Hội LHPN quận Hoàng Mai',
      subject: '[Hội LHPN quận Hoàng Mai] Nhắc nộp số liệu Quý I/2026 (hạn 10/04/2026)',
      attachments: [],
    });
    const gid = emu.execute(() =>
      (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName(DK_TAB)!
        .getSheetId(),
    );
    const url = emu.execute(() =>
      (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getUrl(),
    );
    expect(toDK!.body).toContain('Kính gửi Hội LHPN phường Đại Kim,');
    expect(toDK!.body).toContain(
      'Đến ngày 07/04/2026, Hội LHPN phường Đại Kim chưa nộp số liệu Quý I/2026. Hạn nộp là hết ngày 10/04/2026 (còn 3 ngày).',
    );
    expect(toDK!.body).toContain(`Trang của đơn vị: ${url}#gid=${gid}`);
    expect(toDK!.htmlBody).toContain(`<a href="${url}#gid=${gid}">Mở trang &quot;${DK_TAB}&quot;</a>`);
    expect(toDK!.body).toBe(toDK!.body.normalize('NFC'));

    const log = logOf(emu, /^Gửi nhắc nộp số liệu Quý I\/2026$/);
    expect(log.map((r) => [r[1], r[3], r[6]])).toEqual([
      [OWNER, DK_TAB, `Đã gửi tới ${DK} (hạn nộp 10/04/2026)`],
      [OWNER, TL_TAB, `Đã gửi tới ${TL} (hạn nộp 10/04/2026)`],
      [OWNER, GB_TAB, `Đã gửi tới ${GB}, ${GB2} (hạn nộp 10/04/2026)`],
    ]);
  });

  it('go at most once a day per unit: a second trigger or a manual run the same day sends nothing', () => {
    const emu = district('2026-04-07T06:00:00+07:00');
    emu.run('installSchedules');
    // The second admin works in the Sheet, so it is shared with them (their trigger's reads need it).
    emu.drive.share(emu.sheets.activeSpreadsheetId(), 'phochutich@hoilhpn.vn', 'EDIT');
    emu.run('installSchedules', [], { user: 'phochutich@hoilhpn.vn' });
    emu.tick(day('2026-04-07'));
    expect(reminders(emu)).toHaveLength(4);
    expect(emu.run('remindLateUnits')).toMatchObject({ trang_thai: 'khong_can_nhac', da_nhac: [] });
    expect(reminders(emu)).toHaveLength(4);
    expect(emu.triggers.failures()).toEqual([]);
    emu.tick(day('2026-04-08'));
    expect(reminders(emu)).toHaveLength(8);
  });

  it('skip units switched off in Đơn vị', () => {
    const emu = district('2026-04-07T09:00:00+07:00');
    const row = emu.sheets.values('Đơn vị').findIndex((r) => r[0] === 'TL') + 1;
    emu.sheets.userEdit({ as: OWNER, sheet: 'Đơn vị', a1: `D${row}`, value: false });
    emu.run('remindLateUnits');
    expect(recipients(reminders(emu))).toEqual([DK, GB, GB2].sort());
  });

  it('send nothing when the day’s quota is too small, say so, and go the next day', () => {
    const emu = district('2026-04-07T06:00:00+07:00');
    emu.run('installSchedules');
    emu.mail.setDailyQuota(3);
    emu.tick(day('2026-04-07'));
    expect(reminders(emu)).toEqual([]);
    expect(logOf(emu, /chưa gửi \(tự động\)$/).map((r) => [r[2], r[6]])).toEqual([
      [
        'Gửi nhắc nộp số liệu Quý I/2026: chưa gửi (tự động)',
        'Hết hạn mức gửi email trong ngày: cần 4, còn 3; sẽ gửi lại lần chạy sau',
      ],
    ]);
    emu.mail.setDailyQuota(null);
    emu.tick(day('2026-04-08'));
    expect(recipients(reminders(emu))).toEqual([DK, GB, GB2, TL].sort());
  });

  it('retry a unit whose message failed, and report an address MailApp refuses while the others go', () => {
    const emu = district('2026-04-07T09:00:00+07:00');
    // Đại Kim's message fails; then (each fault counts the calls it sees) MailApp refuses Giáp Bát's first officer.
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 1, kind: 'unavailable' });
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 2, message: `Invalid email: ${GB}` });
    const first = emu.run('remindLateUnits') as {
      da_nhac: Array<{ don_vi: string; email: string[] }>;
      loi: string[];
    };
    expect(first.da_nhac).toEqual([
      { don_vi: 'TL', ky: '2026-Q1', email: [TL] },
      { don_vi: 'GB', ky: '2026-Q1', email: [GB2] },
    ]);
    expect(
      logOf(emu, /^(Lỗi gửi nhắc nộp|Địa chỉ email không hợp lệ)$/).map((r) => [r[2], r[3], r[6]]),
    ).toEqual([
      ['Lỗi gửi nhắc nộp', DK_TAB, `${DK}: Service unavailable: email`],
      ['Địa chỉ email không hợp lệ', GB_TAB, `${GB}: Invalid email: ${GB}`],
    ]);
    // Đại Kim got nothing, so it is tried again the same day; the others are not.
    const again = emu.run('remindLateUnits') as { da_nhac: Array<{ don_vi: string }> };
    expect(again.da_nhac.map((r) => r.don_vi)).toEqual(['DK']);
    expect(recipients(reminders(emu))).toEqual([DK, GB2, TL].sort());
  });

  it('by hand outside the window say when reminders start; a named quarter is reminded at once', () => {
    const emu = district('2026-04-20T09:00:00+07:00');
    expect(emu.run('remindLateUnits', [], { kind: 'menu' })).toMatchObject({
      trang_thai: 'ngoai_thoi_gian',
      ky: [],
    });
    expect(emu.sheets.alerts().at(-1)).toMatchObject({
      title: 'Gửi nhắc nhở',
      prompt: expect.stringContaining(
        'Nhắc nộp Quý II/2026 sẽ bắt đầu từ ngày 05/07/2026 (hạn nộp 10/07/2026).',
      ),
    });
    expect(reminders(emu)).toEqual([]);
    expect(emu.run('remindLateUnits', [{ ky: '2026-Q1' }])).toMatchObject({
      trang_thai: 'da_gui',
      ky: ['2026-Q1'],
    });
    expect(recipients(reminders(emu))).toEqual([DK, GB, GB2, TL].sort());
    expect(() => emu.run('remindLateUnits', [{ ky: '2026-Q3' }])).toThrow('Quý III/2026 chưa bắt đầu.');
  });

  it('are for admins', () => {
    const emu = district('2026-04-07T09:00:00+07:00');
    expect(() => emu.run('remindLateUnits', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được gửi nhắc nhở (${DK}).`,
    );
    expect(reminders(emu)).toEqual([]);
  });

  it('to many late units go in runs of at most 20 s, so the lock is free for officers between them, each unit once', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      ma: `P${String(i + 1).padStart(2, '0')}`,
      ten: `Hội LHPN phường số ${i + 1}`,
      email: [`phuong${i + 1}@hoilhpn.vn`],
    }));
    const emu = setUpDistrict('2026-04-07T09:00:00+07:00', sampleConfig({ don_vi: many }));
    emu.sheets.userOpen({ as: OWNER });
    emu.sheets.clickMenu('Hội LHPN > Gửi nhắc nhở', { as: OWNER });
    // The run stopped sending after 20 s of modelled time and left the rest to its continuation.
    const sent = reminders(emu).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(45);
    expect(emu.sheets.alerts().at(-1)!.prompt).toContain(
      `Còn ${45 - sent} đơn vị chưa nhắc: thư sẽ được gửi tiếp sau 1 phút, tự động.`,
    );
    // The lock was held about 20 s, and the person's answer to the alert came after it was released.
    expect(emu.limits.executions().at(-1)!.ms).toBeLessThan(60_000);
    expect(emu.triggers.list().filter((t) => t.handler === 'remindLateUnits')).toHaveLength(1);
    // The continuations run a minute apart until every unit is reminded, each once.
    emu.tick(new Date(emu.now().getTime() + 10 * 60_000));
    expect(recipients(reminders(emu))).toEqual(many.map((u) => u.email[0]!).sort());
    expect(emu.triggers.failures()).toEqual([]);
    // The last run deleted the spent one-off trigger it was started by, and made no other.
    expect(emu.triggers.list().filter((t) => t.handler === 'remindLateUnits')).toEqual([]);
    expect(logOf(emu, /^Gửi nhắc nộp số liệu: tạm dừng/).length).toBeGreaterThan(0);
  });

  it('go on after the schedules are installed meanwhile: the daily trigger is made, the pending continuation kept', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      ma: `P${String(i + 1).padStart(2, '0')}`,
      ten: `Hội LHPN phường số ${i + 1}`,
      email: [`phuong${i + 1}@hoilhpn.vn`],
    }));
    const emu = setUpDistrict('2026-04-07T09:00:00+07:00', sampleConfig({ don_vi: many }));
    emu.run('remindLateUnits', [{ ky: '2026-Q1' }], { user: OWNER });
    expect(reminders(emu).length).toBeLessThan(45);
    emu.run('installSchedules', [], { user: OWNER });
    const handlers = emu.triggers.list().filter((t) => t.handler === 'remindLateUnits');
    expect(handlers).toHaveLength(2);
    // The rest still goes a minute later, not with tomorrow's daily run.
    emu.tick(new Date(emu.now().getTime() + 10 * 60_000));
    expect(recipients(reminders(emu))).toEqual(many.map((u) => u.email[0]!).sort());
  });
});
