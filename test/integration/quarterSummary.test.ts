import type { Emulator } from '../../scripts/emulator';
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
const GB_TAB = 'GB - phường Giáp Bát';
const DEPUTY = 'phochutich@hoilhpn.vn';
const OFFICE = 'vanphong@hoilhpn.vn';
const BOARD = 'banthuongvu@hoilhpn.vn';
const OWNER_NAME = 'Hội LHPN quận Hoàng Mai';
const config = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
    { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB] },
  ],
  email_nhan: [OFFICE, BOARD],
});
const OFFICERS: Array<[string, string]> = [
  [DK, DK_TAB],
  [TL, TL_TAB],
  [GB, GB_TAB],
];

function district(now: string, options: { config?: Record<string, unknown> } = {}): Emulator {
  return setUpDistrict(now, options.config ?? config);
}

const at = (iso: string) => new Date(iso.includes('T') ? iso : `${iso}T12:00:00+07:00`);

/** Officers type a plausible quarter and tick "Nộp", at the emulator's current time. */
function submit(emu: Emulator, quarter: number, who: Array<[string, string]>): void {
  for (const [email, tab] of who) {
    enter(emu, email, tab, quarter, GOOD_Q1);
    const result = tickSubmit(emu, email, tab, quarter);
    if (!result.accepted) throw new Error(`${tab} Q${quarter}: ${result.message}`);
  }
}

const summaries = (emu: Emulator): MailMessage[] =>
  emu.mail.outbox().filter((m) => /\] Báo cáo Quý /.test(m.subject));

/** What a recipient sees in the mailbox: to, subject, attachment name and type. */
const seen = (messages: MailMessage[]) =>
  messages.map((m) => [
    m.to.join(','),
    m.subject,
    ...m.attachments.map((a) => `${a.name} (${a.contentType})`),
  ]);

const expected = (roman: string, year = 2026) =>
  [OFFICE, BOARD].map((to) => [
    to,
    `[${OWNER_NAME}] Báo cáo Quý ${roman}/${year}`,
    `BC Quý ${roman}-${year} - ${OWNER_NAME}.pdf (application/pdf)`,
  ]);

const logOf = (emu: Emulator, pattern: RegExp) =>
  emu.sheets.values('Nhật ký').filter((r) => pattern.test(String(r[2])));

/** Reports made in Drive for a quarter (the Doc and its PDF). */
const reportsOf = (emu: Emulator, roman: string) =>
  emu.drive.files().filter((f) => f.name.startsWith(`BC Quý ${roman}-2026`));

describe('the quarterly summary through a year', () => {
  it('goes out once per quarter, the first morning after each deadline, to the district list', () => {
    const emu = district('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');

    // Last year's fourth quarter falls due on 11/01, but this new workbook holds none of its data.
    emu.tick(at('2026-04-01'));
    expect(summaries(emu)).toEqual([]);

    // Quý I: Đại Kim and Thịnh Liệt submit on time, Giáp Bát never does.
    submit(emu, 1, OFFICERS.slice(0, 2));
    emu.tick(at('2026-04-10T23:59:00+07:00'));
    expect(summaries(emu)).toEqual([]);
    emu.tick(at('2026-04-11T12:00:00+07:00'));
    const q1 = summaries(emu);
    expect(seen(q1)).toEqual(expected('I'));
    expect(q1.map((m) => new Date(m.sentAt).toString())).toEqual(
      q1.map(() => expect.stringMatching(/^Sat Apr 11 2026 07:/)),
    );
    expect(q1[0]!.body).toContain('2/3 đơn vị đã nộp số liệu.');
    expect(q1[0]!.body).toContain('Chưa nộp (1): Hội LHPN phường Giáp Bát.');
    expect(q1[0]!.body).toContain('- Tổng số hội viên: 2.824 người (2/3 đơn vị)');
    expect(q1[0]!.htmlBody).toContain(
      '<td style="border: 1px solid #bbb; padding: 4px 8px; text-align: right; vertical-align: top">2.824 người</td>',
    );
    expect(q1[0]!.attachments[0]!.base64.length).toBeGreaterThan(100);

    // Quý II: everyone on time; Quý III: Giáp Bát a day late.
    emu.tick(at('2026-07-03'));
    submit(emu, 2, OFFICERS);
    emu.tick(at('2026-10-02'));
    submit(emu, 3, OFFICERS.slice(0, 2));
    emu.tick(at('2026-10-11T06:00:00+07:00'));
    submit(emu, 3, OFFICERS.slice(2));
    emu.tick(at('2026-10-12'));
    // Quý IV: submitted in January; its summary goes on 11/01/2027.
    emu.tick(at('2027-01-04'));
    submit(emu, 4, OFFICERS);
    emu.tick(at('2027-01-20'));

    const all = summaries(emu);
    expect(seen(all)).toEqual([...expected('I'), ...expected('II'), ...expected('III'), ...expected('IV')]);
    expect(all.map((m) => new Date(m.sentAt).toISOString().slice(0, 10))).toEqual([
      '2026-04-11',
      '2026-04-11',
      '2026-07-11',
      '2026-07-11',
      '2026-10-11',
      '2026-10-11',
      '2027-01-11',
      '2027-01-11',
    ]);
    expect(all[2]!.body).toContain('Tất cả các đơn vị đều nộp đúng hạn.');
    expect(all[4]!.body).toContain('Nộp trễ hạn (1): Hội LHPN phường Giáp Bát (11/10/2026).');
    expect(all.every((m) => m.sender === OWNER && m.name === OWNER_NAME)).toBe(true);
    // Every other message of the year is a reminder to Giáp Bát, the only unit late in a window
    // (05–10/04 for Quý I, 05–10/10 for Quý III); the others submitted before their windows opened.
    const others = emu.mail.outbox().filter((m) => !/\] Báo cáo Quý /.test(m.subject));
    const sentOn = (m: MailMessage) => new Date(m.sentAt).toLocaleDateString('vi-VN');
    expect(others.map((m) => [m.to.join(','), m.subject, sentOn(m)])).toEqual(
      (
        [
          ['I', 4],
          ['III', 10],
        ] as const
      ).flatMap(([roman, month]) =>
        [5, 6, 7, 8, 9, 10].map((day) => [
          GB,
          `[${OWNER_NAME}] Nhắc nộp số liệu Quý ${roman}/2026 (hạn 10/${String(month).padStart(2, '0')}/2026)`,
          new Date(2026, month - 1, day).toLocaleDateString('vi-VN'),
        ]),
      ),
    );
    expect(emu.mail.outbox()).toHaveLength(8 + 12);
    expect(emu.triggers.failures()).toEqual([]);
    // One report (Doc and PDF) per quarter, however many days the job ran.
    for (const roman of ['I', 'II', 'III', 'IV']) expect(reportsOf(emu, roman)).toHaveLength(2);
    expect(logOf(emu, /^Gửi báo cáo Quý/).map((r) => [r[2], r[6]])).toEqual(
      ['I', 'II', 'III', 'IV'].map((roman) => [
        `Gửi báo cáo Quý ${roman}/2026 (tự động)`,
        `Đã gửi tới ${OFFICE}, ${BOARD} (tệp đính kèm: BC Quý ${roman}-2026 - ${OWNER_NAME}.pdf)`,
      ]),
    );
  });

  it('installed in July, starts with the second quarter: the first one fell due before it', () => {
    const emu = district('2026-07-01T09:00:00+07:00');
    emu.run('installSchedules');
    emu.tick(at('2026-07-12'));
    expect(seen(summaries(emu))).toEqual(expected('II'));
  });

  it('installed a few days after a deadline, still sends that quarter', () => {
    const emu = district('2026-04-14T09:00:00+07:00');
    emu.run('installSchedules');
    emu.tick(at('2026-04-15'));
    expect(seen(summaries(emu))).toEqual(expected('I'));
  });
});

describe('exactly once', () => {
  /** Set up on 3 April; everyone submits Quý I on time. */
  function ready(): Emulator {
    const emu = district('2026-04-03T09:00:00+07:00');
    submit(emu, 1, OFFICERS);
    return emu;
  }

  it('two admins’ triggers firing, then a manual rerun, send nothing more', () => {
    const emu = ready();
    emu.run('installSchedules');
    emu.run('installSchedules', [], { user: DEPUTY });
    const fired = emu.tick(at('2026-04-11T12:00:00+07:00'));
    expect(fired.filter((f) => f.handler === 'sendQuarterSummary' && f.ok).length).toBeGreaterThanOrEqual(
      2 * 8,
    );
    expect(seen(summaries(emu))).toEqual(expected('I'));
    expect(emu.run('sendQuarterSummary')).toMatchObject({
      ky: '2026-Q1',
      trang_thai: 'da_gui_truoc_do',
      da_gui: [],
    });
    expect(emu.run('sendQuarterSummary', [{ ky: '2026-Q1' }])).toMatchObject({
      trang_thai: 'da_gui_truoc_do',
    });
    // Run from the script editor: no Sheet to alert in, so the editor's execution log says it.
    expect(emu.logger.lines().at(-1)?.message).toBe(
      'Gửi báo cáo quý: Báo cáo Quý I/2026 đã được gửi trước đó; không gửi lại.',
    );
    emu.tick(at('2026-04-20'));
    expect(summaries(emu)).toHaveLength(2);
    expect(reportsOf(emu, 'I')).toHaveLength(2);
  });

  it('an overlapping run cannot get the lock and sends nothing', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T07:00:00+07:00'));
    let second: string | null = null;
    emu.ctx.faults.inject('MailApp.sendEmail', {
      hook: () => {
        try {
          emu.run('sendQuarterSummary');
        } catch (error) {
          second = (error as Error).message;
        }
      },
    });
    expect(emu.run('sendQuarterSummary')).toMatchObject({ trang_thai: 'da_gui', da_gui: [OFFICE, BOARD] });
    expect(second).toBe(
      'Không thể chạy "Gửi báo cáo quý": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.',
    );
    expect(seen(summaries(emu))).toEqual(expected('I'));
  });

  it('a trigger that finds another job holding the lock fails, and the next morning sends once', () => {
    const emu = ready();
    emu.run('installSchedules');
    emu.tick(at('2026-04-11T06:59:00+07:00'));
    emu.lock.holdScriptLock(at('2026-04-11T09:00:00+07:00').getTime(), 'một tác vụ dài');
    emu.tick(at('2026-04-11T10:00:00+07:00'));
    expect(summaries(emu)).toEqual([]);
    const failed = emu.triggers.failures().filter((f) => f.handler === 'sendQuarterSummary');
    expect(failed.map((f) => [f.handler, f.message])).toEqual([
      [
        'sendQuarterSummary',
        'Không thể chạy "Gửi báo cáo quý": một tác vụ khác đang ghi vào bảng tính. Vui lòng thử lại sau ít phút.',
      ],
    ]);
    emu.tick(at('2026-04-13'));
    expect(seen(summaries(emu))).toEqual(expected('I'));
  });

  it('a run killed after a message left but before it was recorded is reported, not resent blindly', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T07:00:00+07:00'));
    // The record writes: the report, then "sending" and "sent" per recipient. The 3rd never happens.
    emu.ctx.faults.inject('Properties.setProperty', { nth: 3, kind: 'timeLimit' });
    expect(() => emu.run('sendQuarterSummary')).toThrow('Exceeded maximum execution time');
    expect(seen(summaries(emu))).toEqual(expected('I').slice(0, 1));

    const next = emu.run('sendQuarterSummary');
    expect(next).toMatchObject({ trang_thai: 'da_gui', da_gui: [BOARD] });
    expect(seen(summaries(emu))).toEqual(expected('I'));
    const unknown = logOf(emu, /không rõ kết quả$/);
    expect(unknown.map((r) => r[6])).toEqual([
      `${OFFICE}: lần chạy trước dừng giữa chừng khi đang gửi nên không rõ thư đã đi chưa; không tự gửi lại. Hãy kiểm tra hộp thư đã gửi; muốn gửi lại, chạy sendQuarterSummary với {"ky": "2026-Q1", "gui_lai": true}`,
    ]);
    expect(emu.run('sendQuarterSummary')).toMatchObject({ trang_thai: 'da_gui_truoc_do' });
    expect(summaries(emu)).toHaveLength(2);

    // An admin checked the Sent folder and asks for a resend: only the unknown recipient gets it.
    expect(emu.run('sendQuarterSummary', [{ ky: '2026-Q1', gui_lai: true }])).toMatchObject({
      da_gui: [OFFICE],
    });
    expect(summaries(emu).map((m) => m.to[0])).toEqual([OFFICE, BOARD, OFFICE]);
    expect(reportsOf(emu, 'I')).toHaveLength(2);
  });
});

describe('failures, quota and addresses', () => {
  function ready(): Emulator {
    const emu = district('2026-04-03T09:00:00+07:00');
    submit(emu, 1, OFFICERS);
    emu.run('installSchedules');
    return emu;
  }

  it('a failed send is logged and retried by the next run, for that recipient only', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T06:59:00+07:00'));
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 1, kind: 'unavailable' });
    emu.tick(at('2026-04-11T12:00:00+07:00'));
    expect(summaries(emu).map((m) => m.to[0])).toEqual([BOARD]);
    expect(logOf(emu, /^Lỗi gửi báo cáo/).map((r) => [r[2], r[6]])).toEqual([
      [
        'Lỗi gửi báo cáo Quý I/2026 (tự động)',
        `${OFFICE}: Service unavailable: email; sẽ gửi lại lần chạy sau`,
      ],
    ]);
    emu.tick(at('2026-04-14'));
    expect(summaries(emu).map((m) => m.to[0])).toEqual([BOARD, OFFICE]);
    expect(reportsOf(emu, 'I')).toHaveLength(2);
  });

  it('when the day’s quota is short, nothing is sent or made, Nhật ký says so, and the next day sends all', () => {
    const emu = ready();
    emu.mail.setDailyQuota(5);
    // Other mail of the day (another script of the same account) used 4 of the 5 recipients.
    emu.tick(at('2026-04-10T20:00:00+07:00'));
    emu.execute(() => {
      const mail = emu.globals.MailApp as GoogleAppsScript.Mail.MailApp;
      mail.sendEmail('a@hoilhpn.vn,b@hoilhpn.vn,c@hoilhpn.vn,d@hoilhpn.vn', 'Thư khác', 'Nội dung');
    });
    emu.tick(at('2026-04-11T12:00:00+07:00'));
    expect(summaries(emu)).toEqual([]);
    expect(reportsOf(emu, 'I')).toEqual([]);
    expect(logOf(emu, /chưa gửi/).map((r) => [r[2], r[6]])).toEqual([
      [
        'Gửi báo cáo Quý I/2026: chưa gửi (tự động)',
        'Hết hạn mức gửi email trong ngày: cần 2, còn 1; sẽ gửi lại lần chạy sau',
      ],
    ]);
    emu.tick(at('2026-04-12T12:00:00+07:00'));
    expect(seen(summaries(emu))).toEqual(expected('I'));
  });

  it('a quota that runs out while sending stops the run; the rest go the next day', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T06:59:00+07:00'));
    // getRemainingDailyQuota "might vary between executions": MailApp refuses the first message.
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 1, kind: 'quota' });
    emu.tick(at('2026-04-11T12:00:00+07:00'));
    expect(summaries(emu)).toEqual([]);
    expect(logOf(emu, /^(Lỗi gửi báo cáo|Gửi báo cáo Quý I\/2026: chưa gửi hết)/).map((r) => r[6])).toEqual([
      `${OFFICE}: Service invoked too many times for one day: email.; sẽ gửi lại lần chạy sau`,
      `Hết hạn mức gửi email trong ngày khi đang gửi; chưa gửi tới ${BOARD}; sẽ gửi lại lần chạy sau`,
    ]);
    emu.tick(at('2026-04-12T12:00:00+07:00'));
    expect(seen(summaries(emu))).toEqual(expected('I'));
  });

  it('a report whose PDF cannot be opened at a retry is made again', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T06:59:00+07:00'));
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 2, kind: 'unavailable' });
    emu.tick(at('2026-04-11T12:00:00+07:00'));
    expect(summaries(emu).map((m) => m.to[0])).toEqual([OFFICE]);
    // The next morning the PDF is gone (deleted for good from Drive).
    emu.ctx.faults.inject('DriveApp.getFileById', { nth: 1, message: 'Không tìm thấy tệp' });
    emu.tick(at('2026-04-12T12:00:00+07:00'));
    expect(logOf(emu, /^Gửi báo cáo Quý I\/2026: lỗi/).map((r) => r[6])).toEqual([
      'Không mở được tệp PDF của báo cáo "BC Quý I-2026 - Hội LHPN quận Hoàng Mai": Không tìm thấy tệp; lần chạy sau sẽ tạo lại báo cáo',
    ]);
    emu.tick(at('2026-04-13T12:00:00+07:00'));
    expect(summaries(emu).map((m) => [m.to[0], m.attachments[0]!.name])).toEqual([
      [OFFICE, 'BC Quý I-2026 - Hội LHPN quận Hoàng Mai.pdf'],
      [BOARD, 'BC Quý I-2026 - Hội LHPN quận Hoàng Mai (lần 2).pdf'],
    ]);
  });

  it('an address MailApp refuses is reported; the others get the summary; it is not retried', () => {
    const emu = ready();
    emu.tick(at('2026-04-11T06:59:00+07:00'));
    emu.ctx.faults.inject('MailApp.sendEmail', { nth: 1, message: `Invalid email: ${OFFICE}` });
    emu.tick(at('2026-04-15'));
    expect(summaries(emu).map((m) => m.to[0])).toEqual([BOARD]);
    expect(logOf(emu, /^Địa chỉ email không hợp lệ/).map((r) => [r[3], r[6]])).toEqual([
      ['Cấu hình › email_nhan', `${OFFICE}: Invalid email: ${OFFICE}; không gửi lại tới địa chỉ này`],
    ]);
  });

  it('with nobody to send to, the report is still made and logged', () => {
    const emu = setUpDistrict('2026-04-03T09:00:00+07:00', { ...config, email_nhan: [] });
    emu.tick(at('2026-04-11T08:00:00+07:00'));
    expect(emu.run('sendQuarterSummary')).toMatchObject({ trang_thai: 'da_gui', da_gui: [] });
    expect(reportsOf(emu, 'I')).toHaveLength(2);
    expect(logOf(emu, /^Gửi báo cáo Quý I/).map((r) => r[6])).toEqual([
      'Đã tạo báo cáo; không có địa chỉ nhận (Cấu hình › email_nhan trống)',
    ]);
    expect(emu.run('sendQuarterSummary')).toMatchObject({ trang_thai: 'da_gui_truoc_do' });
  });

  it('by hand: a quarter before its deadline is refused; it is for admins', () => {
    const emu = ready();
    expect(() => emu.run('sendQuarterSummary', [{ ky: '2026-Q2' }])).toThrow(
      'Quý II/2026 chưa hết hạn nộp số liệu (hạn nộp hết ngày 10/07/2026); báo cáo quý được gửi sau hạn nộp.',
    );
    expect(() => emu.run('sendQuarterSummary', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được gửi báo cáo quý (${DK}).`,
    );
    expect(summaries(emu)).toEqual([]);
  });
});
