/**
 * Long jobs resume (src/app/longJob.ts): each job, slowed in the emulator (CallLog.setSlowdown, a
 * test driver) so that it cannot finish in one execution, stops before 5 minutes, says so in Nhật
 * ký, goes on from its one-off trigger (or the admin's next click) and ends exactly where an
 * unslowed run ends, with no trigger left behind.
 */
import type { Emulator } from '../../scripts/emulator';
import { DK, DK_TAB, OWNER, TL, TL_TAB, setUpDistrict } from '../support/district';
import { restore } from '../support/faultSweep';
import { loadProduct, sampleConfig } from '../support/product';

const DEPUTY = 'phochutich@hoilhpn.vn';
const FIVE_MINUTES = 5 * 60_000;
const SIX_MINUTES = 6 * 60_000;
/**
 * The slowdown that makes a job take about 5 min 30 s in all: more than one execution's budget, its
 * steps each well under 2 minutes. Taken from the job's unslowed run, so it holds as the jobs get
 * cheaper.
 */
function slowdownFor(plain: Emulator, handler: string): number {
  const ms = plain.limits
    .executions()
    .filter((e) => e.functionName === handler)
    .at(-1)!.ms;
  return Math.ceil(330_000 / ms);
}
const PAUSE = /^(.+): tạm dừng, sẽ tiếp tục lúc \d{2}:\d{2}$/;

const isDate = (c: unknown) => Object.prototype.toString.call(c) === '[object Date]';

/**
 * What a person finds once the job is done: every tab's cells (moments and Drive ids, which differ
 * between two runs, replaced by "T" and the file's name), who may edit where, the files in Drive with
 * their folder and sharing, and the clock triggers. Nhật ký by its actions, without the pauses.
 */
function endState(emu: Emulator): unknown {
  const files = emu.drive.files();
  const names = new Map(files.map((f) => [f.id, f.name]));
  const scrub = (c: unknown): unknown => {
    if (isDate(c)) return 'DATE';
    if (typeof c !== 'string') return c;
    let text = c.replace(/\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2}(:\d{2})?)?|\d{2}:\d{2}/g, 'T');
    for (const [id, name] of names) if (text.includes(id)) text = text.split(id).join(`<${name}>`);
    return text;
  };
  const tabs = emu.sheets.sheetNames();
  return {
    tabs: tabs.map((tab) => ({
      tab,
      cells:
        tab === 'Nhật ký'
          ? emu.sheets
              .values(tab)
              .filter((r) => !PAUSE.test(String(r[2])))
              .map((r) => [r[2], scrub(r[3])])
          : emu.sheets.values(tab).map((r) => r.map(scrub)),
      editable: [DK, TL, DEPUTY].map((as) =>
        ['A1', 'B2', 'D10', 'E10'].map((a1) => emu.sheets.mayEdit({ as, sheet: tab, a1 })),
      ),
    })),
    files: files
      .filter((f) => !f.trashed)
      .map((f) => ({
        name: f.name,
        mimeType: f.mimeType,
        in: f.parents.map((p) => names.get(p) ?? 'root'),
        editors: [...f.editors].sort(),
        viewers: [...f.viewers].sort(),
      }))
      .sort((a, b) => `${a.name}${a.mimeType}`.localeCompare(`${b.name}${b.mimeType}`)),
    triggers: emu.triggers
      .list()
      .map((t) => `${t.handler} ${t.eventType}`)
      .sort(),
  };
}

const pauses = (emu: Emulator) =>
  emu.sheets
    .values('Nhật ký')
    .map((r) => String(r[2]))
    .filter((a) => PAUSE.test(a));

const clockTriggers = (emu: Emulator, handler: string) =>
  emu.triggers.list().filter((t) => t.handler === handler && t.eventType === 'CLOCK');

/** Fires the continuation triggers until none is left (at most `rounds`), a few minutes apart. */
function tickUntilDone(emu: Emulator, handler: string, rounds = 6): void {
  for (let i = 0; i < rounds && clockTriggers(emu, handler).some((t) => t.nextRun !== null); i++) {
    emu.tick(emu.now().getTime() + 3 * 60_000);
  }
}

/**
 * The job took several executions, none stopped by Google or failed, and each pause was saved
 * before 5 minutes into its execution (the alert that tells the admin comes after, lock released).
 */
function expectShortExecutions(emu: Emulator, handler: string): void {
  const runs = emu.limits.executions().filter((e) => e.functionName === handler);
  expect(runs.length).toBeGreaterThan(1);
  for (const run of runs) {
    expect(run.stopped).toBeNull();
    expect(run.ms).toBeLessThan(SIX_MINUTES);
  }
  const paused = emu.sheets
    .values('Nhật ký')
    .filter((r) => PAUSE.test(String(r[2])))
    .map((r) => (r[0] as Date).getTime());
  expect(paused.length).toBe(runs.length - 1);
  for (const at of paused) {
    const run = runs.find((e) => e.startedAt <= at && at <= e.startedAt + e.ms)!;
    expect(at - run.startedAt).toBeLessThan(FIVE_MINUTES);
  }
  expect(emu.triggers.failures()).toEqual([]);
}

describe('long jobs resume', () => {
  it('a first setup too long for one execution pauses, goes on from its trigger and ends as an unslowed one', () => {
    const now = '2026-04-03T09:00:00+07:00';
    const plain = loadProduct({ now });
    plain.run('setUpWorkbook', [sampleConfig()]);

    const slow = loadProduct({ now });
    slow.ctx.log.setSlowdown(slowdownFor(plain, 'setUpWorkbook'));
    const first = slow.run('setUpWorkbook', [sampleConfig()], { kind: 'menu' }) as { tam_dung?: string };

    expect(first.tam_dung).toMatch(/^Khởi tạo: tạm dừng, sẽ tiếp tục lúc \d{2}:\d{2} \(tự động\)/);
    expect(pauses(slow)).toEqual([expect.stringMatching(/^Khởi tạo: tạm dừng/)]);
    expect(slow.sheets.alerts().at(-1)!.prompt).toContain('Khởi tạo: tạm dừng, sẽ tiếp tục lúc');
    expect(clockTriggers(slow, 'setUpWorkbook')).toHaveLength(1);

    tickUntilDone(slow, 'setUpWorkbook');

    expectShortExecutions(slow, 'setUpWorkbook');
    expect(clockTriggers(slow, 'setUpWorkbook')).toEqual([]);
    expect(endState(slow)).toEqual(endState(plain));
  });

  it("the admin's second click continues a paused setup instead of starting again", () => {
    const now = '2026-04-03T09:00:00+07:00';
    const plain = loadProduct({ now });
    plain.run('setUpWorkbook', [sampleConfig()]);
    const whole = plain.limits.executions().at(-1)!.ms;
    const slowdown = slowdownFor(plain, 'setUpWorkbook');

    const slow = loadProduct({ now });
    slow.ctx.log.setSlowdown(slowdown);
    slow.run('setUpWorkbook', [sampleConfig()], { kind: 'menu' });
    expect(pauses(slow)).toHaveLength(1);

    // Before the trigger fires, the admin clicks again: the click goes on, the trigger goes.
    let clicks = 0;
    while (clockTriggers(slow, 'setUpWorkbook').length > 0 && clicks++ < 4) {
      slow.run('setUpWorkbook', [], { kind: 'menu' });
    }
    expect(clockTriggers(slow, 'setUpWorkbook')).toEqual([]);
    // What the clicks did is the rest of one setup, not a second whole one (`slowdown` × `whole`).
    const clicked = slow.limits
      .executions()
      .slice(1)
      .filter((e) => e.functionName === 'setUpWorkbook');
    expect(clicked.reduce((sum, e) => sum + e.ms, 0)).toBeLessThan(slowdown * whole);
    expect(slow.triggers.list().filter((t) => t.eventType === 'CLOCK')).toEqual([]);
    expect(endState(slow)).toEqual(endState(plain));
  });

  it('gives up, saying so, on a step Google stops every time instead of trying it forever', () => {
    const now = '2026-04-03T09:00:00+07:00';
    const plain = loadProduct({ now });
    plain.run('setUpWorkbook', [sampleConfig()]);
    const slow = loadProduct({ now });
    slow.ctx.log.setSlowdown(slowdownFor(plain, 'setUpWorkbook'));
    slow.run('setUpWorkbook', [sampleConfig()]);
    expect(pauses(slow)).toHaveLength(1);
    // Each continuation is stopped by Google inside the report templates' step.
    for (let i = 0; i < 2; i++) {
      slow.ctx.faults.inject('Docs.Documents.create', { kind: 'timeLimit' });
      expect(() => slow.run('setUpWorkbook', [])).toThrow('Exceeded maximum execution time');
    }
    slow.ctx.faults.clear();
    expect(() => slow.run('setUpWorkbook', [])).toThrow(
      'Khởi tạo: bước "mẫu báo cáo" đã 2 lần chạy tiếp mà không xong (Google dừng lần chạy vì quá thời gian cho phép, hoặc báo lỗi), nên không chạy tiếp tự động nữa.',
    );
    expect(clockTriggers(slow, 'setUpWorkbook')).toEqual([]);
    // The next click starts afresh, and at the calibrated speed finishes.
    slow.ctx.log.setSlowdown(1);
    expect(slow.run('setUpWorkbook', [])).toEqual(expect.objectContaining({ so_don_vi: 2 }));
    expect(slow.run('setUpWorkbook', [])).not.toHaveProperty('tam_dung');
  });

  it('the new year with its setup pauses and goes on from its trigger', () => {
    const now = '2026-12-20T09:00:00+07:00';
    const plain = setUpDistrict(now);
    plain.run('startNewYear', [], { user: OWNER });

    const slow = setUpDistrict(now);
    slow.ctx.log.setSlowdown(slowdownFor(plain, 'startNewYear'));
    const first = slow.run('startNewYear', [], { user: OWNER, kind: 'menu' }) as { tam_dung?: string };
    expect(first.tam_dung).toMatch(/^Khởi tạo: tạm dừng/);
    expect(slow.sheets.alerts().at(-1)!.prompt).toContain('năm 2027 đang được chuẩn bị');
    expect(clockTriggers(slow, 'startNewYear')).toHaveLength(1);

    tickUntilDone(slow, 'startNewYear');

    expectShortExecutions(slow, 'startNewYear');
    expect(clockTriggers(slow, 'startNewYear')).toEqual([]);
    expect(slow.sheets.values(DK_TAB)[0]![0]).toBe('Hội LHPN phường Đại Kim – số liệu năm 2027');
    expect(slow.sheets.values(TL_TAB)[0]![0]).toBe('Hội LHPN phường Thịnh Liệt – số liệu năm 2027');
    const state = endState(slow) as { tabs: Array<{ tab: string; cells: unknown[][] }> };
    // The continuation says it finished the rollover it found open; otherwise the same as in one run.
    const log = state.tabs.find((t) => t.tab === 'Nhật ký')!;
    log.cells = log.cells.filter((r) => r[0] !== 'Sang năm mới: hoàn tất lần trước bị dừng giữa chừng');
    expect(state).toEqual(endState(plain));
  });

  /** Đại Kim, Thịnh Liệt and 28 more wards: an import's tabs then take more than one slice. */
  const WARDS = sampleConfig({
    don_vi: [
      { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
      { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
      ...Array.from({ length: 28 }, (_, i) => ({
        ma: `P${String(i + 3).padStart(2, '0')}`,
        ten: `Hội LHPN phường số ${i + 3}`,
        email: [`phuong${i + 3}@hoilhpn.vn`],
      })),
    ],
  });
  const CODES = (WARDS.don_vi as Array<{ ma: string }>).map((u) => u.ma);

  /** The wards' history from the start of the term to Quý III/2023, as a union adopting the tool then. */
  function historyCsv(units = ['DK', 'TL']): string {
    const lines = ['don_vi,ky,ma_chi_tieu,gia_tri'];
    const quarters = ['2021-Q3', '2021-Q4'];
    for (const year of [2022, 2023]) for (const q of [1, 2, 3, 4]) quarters.push(`${year}-Q${q}`);
    units.forEach((unit, u) => {
      quarters.slice(0, 9).forEach((ky, q) => {
        lines.push(`${unit},${ky},TC_PN18,${1500 + u * 100}`);
        lines.push(`${unit},${ky},TC_HV,${1300 + (q + 1) * (u + 4)}`);
        lines.push(`${unit},${ky},TC_HV_MOI,${u + 5}`);
        lines.push(`${unit},${ky},TC_HV_GIAM,1`);
      });
    });
    return `${lines.join('\n')}\n`;
  }
  const ADOPTED = '2023-10-05T08:00:00+07:00';

  it('a history import whose execution runs out of time keeps its file, goes on from its trigger and ends as one run', () => {
    const before = setUpDistrict(ADOPTED, WARDS).snapshot();
    const request = { csv: historyCsv(CODES), ten_tep: 'lich-su.csv' };
    const plain = restore(before);
    const summary = plain.run('importCsv', [request], { user: OWNER });

    const slow = restore(before);
    // The import is a few calls in three steps (Lưu trữ's history, its corrections, the unit tabs read
    // and checked before, written in one call): slowed evenly it ends in one execution. Here Google
    // takes four minutes over the history's write, and the import stops before the unit tabs.
    slow.ctx.faults.inject('Range.setValues', { hook: () => slow.ctx.clock.advanceBy(4 * 60_000) });
    const first = slow.run('importCsv', [request], { user: OWNER, kind: 'menu' }) as { tam_dung?: string };
    expect(first.tam_dung).toMatch(/^Nhập số liệu từ CSV: tạm dừng, sẽ tiếp tục lúc \d{2}:\d{2}/);
    expect(pauses(slow)).toHaveLength(1);
    // The text waits in the admin's Drive, not in script properties (9 KB a value).
    const kept = slow.drive.files().filter((f) => f.name.startsWith('Đang nhập - lich-su.csv'));
    expect(kept).toHaveLength(1);
    expect(kept[0]!.owner).toBe(OWNER);
    expect(slow.drive.content(kept[0]!.id).toString('utf8')).toBe(request.csv);

    tickUntilDone(slow, 'importCsv');

    expectShortExecutions(slow, 'importCsv');
    expect(slow.drive.files().filter((f) => f.name.startsWith('Đang nhập') && !f.trashed)).toEqual([]);
    expect(endState(slow)).toEqual(endState(plain));
    expect(summary).toEqual(expect.objectContaining({ so_gia_tri: 30 * 9 * 4 }));
  });

  it('a term report too long for one execution is shared once, complete, as an unslowed one', () => {
    const emu = setUpDistrict(ADOPTED);
    emu.run('importCsv', [{ csv: historyCsv() }], { user: OWNER });
    const before = emu.snapshot();
    const request = { ky: '2021-Q3..2023-Q3', loai: 'giua_nhiem_ky' };
    const plain = restore(before);
    const made = plain.run('createReport', [request], { user: OWNER }) as { docId: string };

    const slow = restore(before);
    slow.ctx.log.setSlowdown(slowdownFor(plain, 'createReport'));
    const first = slow.run('createReport', [request], { user: OWNER, kind: 'menu' }) as { tam_dung?: string };
    expect(first.tam_dung).toMatch(/^Tạo báo cáo: tạm dừng, sẽ tiếp tục lúc \d{2}:\d{2}/);
    // Nothing is shared before the report is complete.
    expect(slow.drive.notifications()).toEqual([]);

    tickUntilDone(slow, 'createReport');

    expectShortExecutions(slow, 'createReport');
    expect(endState(slow)).toEqual(endState(plain));
    expect(slow.drive.notifications().map((n) => n.fileName)).toEqual(
      plain.drive.notifications().map((n) => n.fileName),
    );
    const report = slow.drive
      .files()
      .find((f) => !f.trashed && f.name === plain.drive.file(made.docId)!.name)!;
    expect(slow.documents.savedText(report.id)).toBe(plain.documents.savedText(made.docId));
  });
});
