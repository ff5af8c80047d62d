/**
 * Who submitted, on accounts Google does not name to the script's triggers: gmail.com accounts and
 * accounts of another Workspace domain (Session reference; tanaikech.github.io, 2022-01-04). The
 * workbook records the person whenever Google says who it is and says plainly when it does not; the
 * submission itself never depends on it, since the tab's protections decide who can tick.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Emulator } from '../../scripts/emulator';
import { DemoClock } from '../../scripts/demo/clock';
import type { DemoConfig } from '../../scripts/demo/run';
import { readDemoConfig, setUpDemo } from '../../scripts/demo/run';
import { playQuarter } from '../../scripts/demo/year';
import type { DistrictPeople } from '../support/district';
import {
  DK_TAB,
  enter,
  GMAIL_DISTRICT,
  GOOD_Q1,
  MIXED_DISTRICT,
  setUpPeople,
  tickSubmit,
  TL_TAB,
} from '../support/district';
import { ROOT } from '../support/product';

const UNKNOWN = 'Không rõ (Google không cho biết email)';
const rowOf = (rows: unknown[][], first: unknown) => rows.find((r) => r[0] === first)!;

/** Người nộp and tình trạng of a unit's quarter in Tiến độ. */
function progressOf(emu: Emulator, unit: string, quarter: number): [unknown, unknown] {
  const row = rowOf(emu.sheets.values('Tiến độ'), unit);
  return [row[3 + 3 * (quarter - 1)], row[4 + 3 * (quarter - 1)]];
}

/** Người thực hiện of the Nhật ký rows with this action. */
function loggedBy(emu: Emulator, action: string): unknown[] {
  return emu.sheets
    .values('Nhật ký')
    .filter((r) => r[2] === action)
    .map((r) => r[1]);
}

function submitBoth(people: DistrictPeople): Emulator {
  const emu = setUpPeople(people);
  enter(emu, people.dk, DK_TAB, 1, GOOD_Q1);
  enter(emu, people.tl, TL_TAB, 1, GOOD_Q1);
  expect(tickSubmit(emu, people.dk, DK_TAB, 1).accepted).toBe(true);
  expect(tickSubmit(emu, people.tl, TL_TAB, 1).accepted).toBe(true);
  expect(emu.sheets.triggerErrors()).toEqual([]);
  return emu;
}

describe('who submitted, when Google does not say', () => {
  it('gmail.com district: the ticks are submitted and every record says the submitter is unknown', () => {
    const emu = submitBoth(GMAIL_DISTRICT);
    expect(progressOf(emu, 'DK', 1)).toEqual([UNKNOWN, 'Đúng hạn']);
    expect(progressOf(emu, 'TL', 1)).toEqual([UNKNOWN, 'Đúng hạn']);
    // The entry and the tick take modelled minutes from the 09:00 start.
    expect(emu.sheets.values(DK_TAB)[3]![3]).toMatch(/^Đã nộp 03\/04\/2026 09:0\d$/);
    expect(emu.sheets.values(DK_TAB)[4]![3]).toBe(true);
    expect(loggedBy(emu, 'Nộp số liệu Quý I/2026')).toEqual([UNKNOWN, UNKNOWN]);
    const archive = emu.sheets.values('Lưu trữ').slice(1);
    expect(archive.length).toBeGreaterThan(0);
    expect(new Set(archive.map((r) => r[5]))).toEqual(new Set([UNKNOWN]));
  });

  it('mixed district: Google names no one outside the owner’s domain, so both officers are unknown', () => {
    const emu = submitBoth(MIXED_DISTRICT);
    expect(progressOf(emu, 'DK', 1)[0]).toBe(UNKNOWN); // gmail.com
    expect(progressOf(emu, 'TL', 1)[0]).toBe(UNKNOWN); // the ward's own domain
  });

  it('an officer of the owner’s Workspace domain is named', () => {
    const colleague = { ...MIXED_DISTRICT, tl: 'thinhliet@hoilhpn.vn' };
    const emu = submitBoth({
      ...colleague,
      config: {
        ...colleague.config,
        don_vi: [
          { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [colleague.dk] },
          { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [colleague.tl] },
        ],
      },
    });
    expect(progressOf(emu, 'TL', 1)[0]).toBe('thinhliet@hoilhpn.vn');
    expect(progressOf(emu, 'DK', 1)[0]).toBe(UNKNOWN);
  });

  it('an admin submitting from the menu is named, even on gmail.com: a menu runs as the person', () => {
    const { deputy } = GMAIL_DISTRICT;
    const emu = setUpPeople(GMAIL_DISTRICT);
    enter(emu, GMAIL_DISTRICT.dk, DK_TAB, 1, GOOD_Q1);
    emu.sheets.userOpen({ as: deputy });
    emu.sheets.queueUiResponse({ button: 'OK', text: 'DK 2026-Q1' });
    emu.sheets.clickMenu('Hội LHPN > Nộp số liệu quý…', { as: deputy });
    expect(progressOf(emu, 'DK', 1)).toEqual([deputy, 'Đúng hạn']);
    expect(loggedBy(emu, 'Nộp số liệu Quý I/2026')).toEqual([deputy]);
  });

  it('an admin Google does not name reopens by unticking: only admins can edit a submitted quarter', () => {
    const { deputy, dk } = GMAIL_DISTRICT;
    const emu = submitBoth(GMAIL_DISTRICT);
    // The officer cannot untick (the quarter is locked); the unnamed admin can, and it reopens.
    expect(tickSubmit(emu, dk, DK_TAB, 1, false).accepted).toBe(false);
    expect(tickSubmit(emu, deputy, DK_TAB, 1, false).accepted).toBe(true);
    expect(emu.sheets.values(DK_TAB)[4]![3]).toBe(false);
    expect(progressOf(emu, 'DK', 1)).toEqual(['', 'Chưa nộp']);
    const log = rowOf(
      emu.sheets.values('Nhật ký').map((r) => [r[2], ...r]),
      'Mở lại số liệu Quý I/2026',
    );
    expect(log[2]).toBe(UNKNOWN);
    expect(log[6]).toMatch(new RegExp(`^Đã nộp 03/04/2026 09:0\\d bởi ${UNKNOWN.replace(/[()]/g, '\\$&')}$`));
    // The officer can correct and submit again.
    expect(tickSubmit(emu, dk, DK_TAB, 1).accepted).toBe(true);
    expect(progressOf(emu, 'DK', 1)).toEqual([UNKNOWN, 'Đúng hạn']);
  });
});

/**
 * The demo's first quarter for other districts: set-up, the officers typing and ticking over days,
 * the daily roll-up and reminders, the quarterly email; then the chair's roll-up and a report.
 */
describe.each([
  ['a gmail.com district', 'hoang-mai-gmail.json'],
  ['a mixed-domain district', 'hoang-mai-mixed.json'],
])('the demo’s first quarter for %s', (_name, file) => {
  const configFile = path.join(ROOT, 'examples', file);
  let config: DemoConfig;
  let emu: Emulator;
  let workspace: string;

  beforeAll(async () => {
    config = readDemoConfig(configFile);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-identity-'));
    emu = await setUpDemo(configFile, path.join(workspace, 'w'));
    const clock = new DemoClock(emu);
    playQuarter(emu, clock, config.don_vi, 1);
    clock.assertNoFailures();
  }, 120_000);

  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('every unit submitted; each submitter is named when in the owner’s domain, otherwise unknown', () => {
    const ownerDomain = emu.owner.split('@')[1];
    const named = (email: string) => ownerDomain !== 'gmail.com' && email.endsWith(`@${ownerDomain}`);
    for (const unit of config.don_vi) {
      const [by, state] = progressOf(emu, unit.ma, 1);
      expect({ unit: unit.ma, by, submitted: ['Đúng hạn', 'Trễ hạn'].includes(String(state)) }).toEqual({
        unit: unit.ma,
        by: named(unit.email[0]!) ? unit.email[0] : UNKNOWN,
        submitted: true,
      });
    }
    const totals = emu.sheets.values('Tiến độ').at(-1)!;
    expect(totals[4]).toBe(`${config.don_vi.length}/${config.don_vi.length} đơn vị đã nộp`);
  });

  it('the quarterly email went out, and the chair’s roll-up and report work', () => {
    const summaries = emu.mail.outbox().filter((m) => m.subject.includes('Báo cáo Quý I/2026'));
    expect(summaries.length).toBeGreaterThan(0);
    emu.sheets.userOpen({ as: emu.owner });
    emu.sheets.clickMenu('Hội LHPN > Tổng hợp ngay', { as: emu.owner });
    expect(emu.sheets.alerts().at(-1)?.prompt).toMatch(/^Đã tổng hợp \d+ chỉ tiêu/);
    const report = emu.run('createReport', [{ ky: '2026-Q1' }], { user: emu.owner, kind: 'menu' }) as {
      ten: string;
    };
    expect(report.ten).toMatch(/^BC Quý I-2026/);
  });
});
