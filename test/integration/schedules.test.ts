import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/product';
import { DK, OWNER, setUpDistrict } from '../support/district';

const DEPUTY = 'phochutich@hoilhpn.vn';
const HANDLERS = ['rollUp', 'sendQuarterSummary', 'remindLateUnits'];

function clockTriggers(emu: ReturnType<typeof setUpDistrict>, owner = OWNER) {
  return emu.triggers.list().filter((t) => t.eventType === 'CLOCK' && t.owner === owner);
}

function scheduleCell(emu: ReturnType<typeof setUpDistrict>): string {
  return String(emu.sheets.values('Cấu hình').find((r) => r[0] === 'lich_tu_dong')?.[1]);
}

describe('installSchedules', () => {
  it('installs the roll-up, the quarterly summary and the reminders, one daily trigger each', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    expect(scheduleCell(emu)).toBe('Chưa cài đặt (chọn Hội LHPN › Cài đặt lịch tự động)');
    const result = emu.run('installSchedules') as { lich: Array<{ handler: string; installed: string }> };
    expect(result.lich.map((j) => [j.handler, j.installed])).toEqual(HANDLERS.map((h) => [h, 'mới cài']));
    expect(clockTriggers(emu).map((t) => t.handler)).toEqual(HANDLERS);

    const fired = emu.tick(new Date('2026-01-06T12:00:00+07:00'));
    expect(fired.map((f) => [f.handler, new Date(f.at).getHours(), f.ok])).toEqual([
      ['rollUp', 6, true],
      ['sendQuarterSummary', 7, true],
      ['remindLateUnits', 8, true],
    ]);
  });

  it('shows the schedule in Cấu hình and logs the installation', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');
    expect(scheduleCell(emu)).toBe(
      [
        '• Tổng hợp số liệu: hằng ngày, khoảng 6–7 giờ sáng',
        '• Gửi báo cáo quý qua email: khoảng 7–8 giờ sáng ngày đầu tiên sau hạn nộp của mỗi quý',
        '• Nhắc đơn vị chưa nộp số liệu: khoảng 8–9 giờ sáng mỗi ngày trong thời gian nhắc trước hạn nộp',
        'Cài bởi chutich@hoilhpn.vn ngày 05/01/2026.',
      ].join('\n'),
    );
    const log = emu.sheets.values('Nhật ký').filter((r) => r[2] === 'Cài đặt lịch tự động');
    expect(log.map((r) => [r[1], r[6]])).toEqual([
      [OWNER, 'rollUp: mới cài; sendQuarterSummary: mới cài; remindLateUnits: mới cài'],
    ]);
    // The row is for people: the configuration still loads, and setup rewrites the row from the record.
    emu.run('setUpWorkbook');
    expect(scheduleCell(emu)).toContain('Cài bởi chutich@hoilhpn.vn ngày 05/01/2026.');
    expect(emu.run('rollUp')).toMatchObject({ ky: '2026' });
  });

  it('is idempotent: installing again keeps the same triggers', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');
    const before = clockTriggers(emu).map((t) => t.uid);
    const again = emu.run('installSchedules') as { lich: Array<{ installed: string }> };
    expect(again.lich.map((j) => j.installed)).toEqual(['đã có', 'đã có', 'đã có']);
    expect(clockTriggers(emu).map((t) => t.uid)).toEqual(before);
  });

  it('repairs a job whose hour changed, a duplicated trigger, and a trigger installed before the record', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');
    // A previous version ran the reminders at 9; a person added a second roll-up by hand.
    const record = JSON.parse(emu.properties.read('script').lich_tu_dong!) as {
      jobs: Array<{ handler: string; hour: number }>;
    };
    record.jobs.find((j) => j.handler === 'remindLateUnits')!.hour = 9;
    emu.properties.seed('script', { lich_tu_dong: JSON.stringify(record) });
    emu.execute(() => {
      const app = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
      app.newTrigger('rollUp').timeBased().everyDays(1).atHour(6).create();
    });
    const before = clockTriggers(emu);
    const result = emu.run('installSchedules') as { lich: Array<{ handler: string; installed: string }> };
    expect(result.lich.map((j) => [j.handler, j.installed])).toEqual([
      ['rollUp', 'đã cài lại'],
      ['sendQuarterSummary', 'đã có'],
      ['remindLateUnits', 'đã cài lại'],
    ]);
    const after = clockTriggers(emu);
    expect(after.map((t) => t.handler).sort()).toEqual([...HANDLERS].sort());
    const uid = (list: typeof after, handler: string) =>
      list.filter((t) => t.handler === handler).map((t) => t.uid);
    expect(uid(after, 'sendQuarterSummary')).toEqual(uid(before, 'sendQuarterSummary'));
    expect(uid(after, 'remindLateUnits')).not.toEqual(uid(before, 'remindLateUnits'));

    // A trigger of an older version, installed before the record existed, is replaced once.
    emu.properties.seed('script', { lich_tu_dong: '' });
    emu.execute(() => {
      const app = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
      app.getProjectTriggers().forEach((t) => app.deleteTrigger(t));
      app.newTrigger('rollUp').timeBased().everyDays(1).atHour(6).create();
    });
    const legacy = emu.run('installSchedules') as { lich: Array<{ handler: string; installed: string }> };
    expect(legacy.lich.map((j) => j.installed)).toEqual(['đã cài lại', 'mới cài', 'mới cài']);
    expect(clockTriggers(emu)).toHaveLength(3);
  });

  it('is for admins', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    expect(() => emu.run('installSchedules', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được cài đặt lịch tự động (${DK}).`,
    );
    expect(() => emu.run('removeSchedules', [], { user: DK })).toThrow(
      `Chỉ quản trị viên mới được gỡ lịch tự động (${DK}).`,
    );
    expect(clockTriggers(emu)).toEqual([]);
  });
});

describe('removeSchedules', () => {
  it('removes every scheduled job, and Cấu hình says so', () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');
    expect(emu.run('removeSchedules')).toEqual({ da_go: 3 });
    expect(emu.triggers.list().filter((t) => t.eventType === 'CLOCK')).toEqual([]);
    expect(scheduleCell(emu)).toBe('Chưa cài đặt (chọn Hội LHPN › Cài đặt lịch tự động)');
    expect(emu.tick(new Date('2026-01-08T12:00:00+07:00'))).toEqual([]);
    // The edit trigger of submissions is not a schedule: it stays.
    expect(emu.triggers.list().map((t) => t.handler)).toEqual(['onEditInstalled']);
  });

  it("another admin's triggers are theirs: each removes their own, and Cấu hình warns meanwhile", () => {
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    emu.run('installSchedules');
    emu.run('installSchedules', [], { user: DEPUTY });
    expect(clockTriggers(emu, DEPUTY).map((t) => t.handler)).toEqual(HANDLERS);
    expect(scheduleCell(emu)).toContain(`Cài bởi ${DEPUTY} ngày 05/01/2026.`);
    expect(scheduleCell(emu)).toContain(`Lưu ý: lịch do ${OWNER} cài trước đây có thể vẫn chạy`);

    expect(emu.run('removeSchedules', [], { user: DEPUTY })).toEqual({ da_go: 3 });
    expect(scheduleCell(emu)).toBe(
      `Lịch do ${OWNER} cài có thể vẫn chạy; người đó cần chọn Gỡ lịch tự động (removeSchedules).`,
    );
    expect(emu.run('removeSchedules')).toEqual({ da_go: 3 });
    expect(scheduleCell(emu)).toBe('Chưa cài đặt (chọn Hội LHPN › Cài đặt lịch tự động)');
    expect(emu.triggers.list().filter((t) => t.eventType === 'CLOCK')).toEqual([]);
  });
});

describe('the guide', () => {
  it('the Hướng dẫn tab summarises each part of docs/huong-dan-su-dung.md, with the first question answered', () => {
    const guide = fs.readFileSync(path.join(ROOT, 'docs', 'huong-dan-su-dung.md'), 'utf8');
    const sections = guide
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3));
    const emu = setUpDistrict('2026-01-05T09:00:00+07:00');
    const tab = emu.sheets.values('Hướng dẫn').map((r) => String(r[0]));
    expect(sections).toHaveLength(4);
    for (const section of sections) expect(tab).toContain(section);
    expect(
      tab.some((line) => line.startsWith('Tôi nộp nhầm thì sửa thế nào? Báo quản trị viên mở lại')),
    ).toBe(true);
    expect(guide).toContain('### Tôi nộp nhầm thì sửa thế nào?');
    expect(guide).toBe(guide.normalize('NFC'));
    expect(tab.every((line) => line === line.normalize('NFC'))).toBe(true);
    emu.sheets.userOpen({ as: DK });
    emu.sheets.clickMenu('Hội LHPN > Hướng dẫn', { as: DK });
    expect(emu.sheets.activeSheetName()).toBe('Hướng dẫn');
  });
});
