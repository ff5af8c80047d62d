import { Emulator } from '../../scripts/emulator';

const START = new Date('2026-03-02T08:00:00+07:00');
const OWNER = 'chutich@hoilhpn.vn';
const DAY = 24 * 3600_000;

function setup(owner = OWNER) {
  const emu = new Emulator({ now: START, owner });
  const MailApp = emu.globals.MailApp as GoogleAppsScript.Mail.MailApp;
  const Utilities = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  return { emu, MailApp, Utilities };
}

describe('MailApp.sendEmail', () => {
  test('the four overloads put messages in the outbox, sent by the effective user', () => {
    const { emu, MailApp } = setup();
    emu.execute(() => {
      MailApp.sendEmail('a@hoilhpn.vn', 'Nhắc nộp báo cáo', 'Nội dung');
      MailApp.sendEmail('b@hoilhpn.vn, Chị C <c@hoilhpn.vn>', 'Tiêu đề', 'Thân', {
        cc: 'd@hoilhpn.vn',
        name: 'Hội LHPN',
      });
      MailApp.sendEmail('e@hoilhpn.vn', 'reply@hoilhpn.vn', 'Chủ đề', 'Thân thư');
      MailApp.sendEmail({
        to: 'f@hoilhpn.vn',
        subject: 'Đối tượng',
        htmlBody: '<b>HTML</b>',
        bcc: 'g@hoilhpn.vn',
      });
    });
    const out = emu.mail.outbox();
    expect(out.map((m) => [m.to, m.subject])).toEqual([
      [['a@hoilhpn.vn'], 'Nhắc nộp báo cáo'],
      [['b@hoilhpn.vn', 'c@hoilhpn.vn'], 'Tiêu đề'],
      [['e@hoilhpn.vn'], 'Chủ đề'],
      [['f@hoilhpn.vn'], 'Đối tượng'],
    ]);
    expect(out[1]).toMatchObject({ cc: ['d@hoilhpn.vn'], name: 'Hội LHPN', body: 'Thân' });
    expect(out[2]).toMatchObject({ replyTo: 'reply@hoilhpn.vn', body: 'Thân thư' });
    expect(out[3]).toMatchObject({ bcc: ['g@hoilhpn.vn'], htmlBody: '<b>HTML</b>', body: '' });
    expect(out.every((m) => m.sender === OWNER)).toBe(true);
    // Each message is sent when its call begins; a send takes its modelled 1 s.
    expect(out.map((m) => m.sentAt - START.getTime())).toEqual([0, 1000, 2000, 3000]);
  });

  test('attachments and inline images are stored as name, type and base64', () => {
    const { emu, MailApp, Utilities } = setup();
    emu.execute(() => {
      const pdf = Utilities.newBlob([37, 80, 68, 70], 'application/pdf', 'BaoCao.pdf');
      const logo = Utilities.newBlob([1, 2, 3], 'image/png', 'logo.png');
      MailApp.sendEmail('a@hoilhpn.vn', 'Báo cáo', 'Xem tệp đính kèm', {
        attachments: [pdf],
        inlineImages: { logo },
        htmlBody: '<img src="cid:logo">',
      });
    });
    const [message] = emu.mail.outbox();
    expect(message!.attachments).toEqual([
      { name: 'BaoCao.pdf', contentType: 'application/pdf', base64: 'JVBERg==' },
    ]);
    expect(message!.inlineImages.logo).toEqual({
      name: 'logo.png',
      contentType: 'image/png',
      base64: 'AQID',
    });
  });

  test('invalid address, no recipient, too many recipients and a wrong signature throw', () => {
    const { emu, MailApp } = setup();
    emu.execute(() => {
      expect(() => MailApp.sendEmail('khong-hop-le', 's', 'b')).toThrow('Invalid email: khong-hop-le');
      expect(() =>
        MailApp.sendEmail({ subject: 's', body: 'b' } as GoogleAppsScript.Mail.MailAdvancedParameters),
      ).toThrow('Failed to send email: no recipient');
      const many = Array.from({ length: 51 }, (_, i) => `u${i}@hoilhpn.vn`).join(',');
      expect(() => MailApp.sendEmail(many, 's', 'b')).toThrow(
        'Limit exceeded: Email Recipients Per Message.',
      );
      expect(() => (MailApp.sendEmail as (...a: unknown[]) => void)('a@hoilhpn.vn', 's')).toThrow(
        "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
      );
    });
    expect(emu.mail.outbox()).toEqual([]);
  });

  test('a simple trigger cannot send mail', () => {
    const { emu, MailApp } = setup();
    expect(() =>
      emu.execute(() => MailApp.sendEmail('a@hoilhpn.vn', 's', 'b'), {
        kind: 'simpleTrigger',
        authMode: 'LIMITED',
      }),
    ).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });

  test('the daily quota counts recipients: 1,500 for Workspace, 100 for a consumer account', () => {
    const workspace = setup();
    expect(workspace.emu.execute(() => workspace.MailApp.getRemainingDailyQuota())).toBe(1500);
    const { emu, MailApp } = setup('hoiphunu.hm@gmail.com');
    emu.execute(() =>
      MailApp.sendEmail('a@hoilhpn.vn', 's', 'b', { cc: 'b@hoilhpn.vn', bcc: 'c@hoilhpn.vn' }),
    );
    expect(emu.execute(() => MailApp.getRemainingDailyQuota())).toBe(97);
  });

  test('when the quota runs out sending throws, and it comes back 24 hours after the first send', () => {
    const { emu, MailApp } = setup();
    emu.mail.setDailyQuota(2);
    emu.execute(() => MailApp.sendEmail('a@hoilhpn.vn', 's', 'b'));
    emu.ctx.clock.advanceBy(3600_000);
    emu.execute(() => MailApp.sendEmail('b@hoilhpn.vn', 's', 'b'));
    expect(() => emu.execute(() => MailApp.sendEmail('c@hoilhpn.vn', 's', 'b'))).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(emu.execute(() => MailApp.getRemainingDailyQuota())).toBe(0);
    emu.ctx.clock.advanceTo(START.getTime() + DAY);
    expect(emu.execute(() => MailApp.getRemainingDailyQuota())).toBe(2);
    emu.execute(() => MailApp.sendEmail('c@hoilhpn.vn', 's', 'b'));
    expect(emu.mail.outbox()).toHaveLength(3);
  });

  test('the outbox and quota use survive a snapshot; clear() empties the outbox', () => {
    const { emu, MailApp } = setup();
    emu.execute(() => MailApp.sendEmail('a@hoilhpn.vn', 'Báo cáo Quý I', 'b'));
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.mail.outbox()).toEqual(emu.mail.outbox());
    const RestoredMail = restored.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    expect(restored.execute(() => RestoredMail.getRemainingDailyQuota())).toBe(1499);
    restored.mail.clear();
    expect(restored.mail.outbox()).toEqual([]);
  });

  test('members not emulated throw Not emulated', () => {
    const { MailApp } = setup();
    expect(() => (MailApp as unknown as Record<string, () => void>).sendEmailLater!()).toThrow(
      'Not emulated: MailApp.sendEmailLater',
    );
  });
});
