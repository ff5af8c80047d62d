/**
 * The fault sweep (test/support/faultSweep.ts) over every job that writes: a fault of each kind at
 * each call position, then a rerun, with the invariants checked after both.
 */
import type { Emulator } from '../../scripts/emulator';
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
import type { SweepJob, SweepResult } from '../support/faultSweep';
import { describeFailures, submittedQuarters, sweep } from '../support/faultSweep';
import { loadProduct, sampleConfig } from '../support/product';

const OFFICERS = { [DK]: DK_TAB, [TL]: TL_TAB };
const rows = (emu: Emulator, tab: string) =>
  emu.sheets.sheetNames().includes(tab) ? emu.sheets.values(tab) : [];
/** A tab's cells with the moments left out (a rerun happens later than the clean run). */
const timeless = (emu: Emulator, tab: string) =>
  rows(emu, tab).map((row) =>
    row.map((c) =>
      Object.prototype.toString.call(c) === '[object Date]'
        ? 'DATE'
        : typeof c === 'string'
          ? c.replace(/\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2}(:\d{2})?)?|\d{2}:\d{2}/g, 'T')
          : c,
    ),
  );
const quarterOf = (emu: Emulator, tab: string, q: number) =>
  rows(emu, tab)
    .filter((r) => /^[A-Z][A-Z0-9_]*$/.test(String(r[0])))
    .map((r) => [r[0], r[2 + q]]);

/** Both wards typed Quý I on 3 April; Thịnh Liệt has submitted it. */
function quarterTyped(now = '2026-04-03T09:00:00+07:00'): Emulator {
  const emu = setUpDistrict(now);
  enter(emu, DK, DK_TAB, 1, GOOD_Q1);
  enter(emu, TL, TL_TAB, 1, { ...GOOD_Q1, TC_HV: 1500, TC_HV_HP: 1500 });
  tickSubmit(emu, TL, TL_TAB, 1);
  return emu;
}

const results: SweepResult[] = [];

function expectSweep(job: SweepJob): void {
  const result = sweep(job);
  results.push(result);
  expect(result.tried).toBeGreaterThan(0);
  if (result.failures.length > 0) {
    throw new Error(
      `${job.name}: ${result.failures.length} of ${result.tried} fault runs broke an invariant\n${describeFailures(result)}`,
    );
  }
}

const base = { officers: OFFICERS, years: [2026] };

/** The document's tables as a reader sees their look: pinned header rows, widths, each cell's alignment. */
function tablesLook(emu: Emulator, docId: string): string {
  const tables = emu.documents.content(docId).body.children.flatMap((b) => (b.type === 'TABLE' ? [b] : []));
  return JSON.stringify(
    tables.map((t) => ({
      pinned: t.headerRows ?? 0,
      widths: t.columnWidths,
      align: t.rows.map((r) =>
        r.cells.map((c) => c.children.map((p) => p.attrs.HORIZONTAL_ALIGNMENT ?? null)),
      ),
    })),
  );
}

describe('the fault sweep', () => {
  afterAll(() => {
    // The figures the README's reliability section gives.
    const line = (r: SweepResult) =>
      `${r.job}: ${r.calls} calls, ${r.sites} sites, ${r.positions} positions, ${r.tried} fault runs, ${r.failures.length} failures`;
    console.log(results.map(line).join('\n'));
  });

  /** What setup leaves: the tabs, the settings keys, each tab's protections as officers meet them. */
  const setUpOutcome = (emu: Emulator) => ({
    tabs: emu.sheets.sheetNames(),
    config: rows(emu, 'Cấu hình').map((r) => r[0]),
    open: [DK_TAB, TL_TAB].map((tab) =>
      emu.sheets.sheetNames().includes(tab)
        ? ['B1', 'D10', 'E10'].map((a1) =>
            emu.sheets.mayEdit({ as: tab === DK_TAB ? DK : TL, sheet: tab, a1 }),
          )
        : null,
    ),
  });

  it('the first setup, with the officers already editors of the Sheet', () => {
    expectSweep({
      ...base,
      name: 'setUpWorkbook (first run)',
      before: () => {
        const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00' });
        const id = emu.sheets.activeSpreadsheetId();
        for (const officer of [DK, TL]) emu.drive.share(id, officer, 'EDIT');
        return emu;
      },
      run: (emu) => emu.run('setUpWorkbook', [sampleConfig()], { kind: 'menu' }),
      outcome: setUpOutcome,
    });
  });

  it('setup run again over a submitted quarter', () => {
    expectSweep({
      ...base,
      name: 'setUpWorkbook (re-run)',
      before: () => quarterTyped(),
      run: (emu) => emu.run('setUpWorkbook', [], { kind: 'menu' }),
      outcome: setUpOutcome,
    });
  });

  it('the year rollover', () => {
    expectSweep({
      ...base,
      years: [2026, 2027],
      name: 'startNewYear',
      before: () => {
        const emu = quarterTyped('2026-12-20T09:00:00+07:00');
        tickSubmit(emu, DK, DK_TAB, 1);
        return emu;
      },
      run: (emu) => emu.run('startNewYear', [], { kind: 'menu' }),
      // Asked again after a run that finished despite the fault, the answer is that it is done.
      rerun: (emu) => {
        try {
          emu.run('startNewYear', [], { kind: 'menu' });
        } catch (error) {
          if (!/^Các trang đơn vị đã ở năm 2027; năm 2028 còn chưa tới/.test((error as Error).message))
            throw error;
        }
      },
      outcome: (emu) => ({
        nam: rows(emu, 'Cấu hình').find((r) => r[0] === 'nam')?.[1],
        title: rows(emu, DK_TAB)[0]?.[0],
        tabs: [DK_TAB, TL_TAB].map((tab) => quarterOf(emu, tab, 1).filter((r) => r[1] !== '')),
        archived: new Set(
          rows(emu, 'Lưu trữ').map((r) => `${String(r[0])}|${String(r[1])}|${String(r[2])}=${String(r[3])}`),
        ).size,
      }),
      // Nothing lost: every figure typed in 2026 is in Lưu trữ, whatever the moment of the fault.
      check: (emu, _phase, clean) => {
        const archived = new Set(
          rows(emu, 'Lưu trữ').map((r) => `${String(r[0])}|${String(r[1])}|${String(r[2])}=${String(r[3])}`),
        );
        const expected = rows(clean, 'Lưu trữ').map(
          (r) => `${String(r[0])}|${String(r[1])}|${String(r[2])}=${String(r[3])}`,
        );
        const lost = expected.filter((key) => !archived.has(key));
        return lost.length > 0 ? [`lost from Lưu trữ: ${lost.slice(0, 3).join(', ')}`] : [];
      },
    });
  });

  it('the submission tick', () => {
    expectSweep({
      ...base,
      name: 'submission tick',
      before: () => quarterTyped(),
      run: (emu) => {
        const edit = tickSubmit(emu, DK, DK_TAB, 1);
        if (!edit.accepted) throw new Error(edit.message);
        const failure = emu.sheets.triggerErrors().at(-1);
        if (failure && failure.at >= emu.now().getTime() - 60_000) throw new Error(failure.message);
      },
      // The officer ticks again if the box is free, else asks to submit from the menu.
      rerun: (emu) => {
        if (submittedQuarters(emu, DK_TAB).includes(1) && rows(emu, 'Tiến độ').length > 0) {
          const done = rows(emu, 'Tiến độ').find((r) => r[0] === 'DK')?.[2];
          if (Object.prototype.toString.call(done) === '[object Date]') return;
        }
        if (emu.sheets.mayEdit({ as: DK, sheet: DK_TAB, a1: 'D5' })) {
          if (rows(emu, DK_TAB)[4]![3] === true) tickSubmit(emu, DK, DK_TAB, 1, false);
          tickSubmit(emu, DK, DK_TAB, 1);
        } else emu.run('submitQuarter', [{ don_vi: 'DK', ky: '2026-Q1' }], { user: OWNER, kind: 'menu' });
      },
      outcome: (emu) => ({
        submitted: submittedQuarters(emu, DK_TAB),
        locked: emu.sheets.mayEdit({ as: DK, sheet: DK_TAB, a1: 'D10' }),
        // Lưu trữ keeps versions: a version repeated by a rerun is the same version.
        archived: new Set(
          rows(emu, 'Lưu trữ')
            .filter((r) => r[0] === 'DK')
            .map((r) => `${String(r[2])}=${String(r[3])}`),
        ).size,
      }),
    });
  });

  it('reopening a submitted quarter', () => {
    expectSweep({
      ...base,
      name: 'reopenQuarter',
      before: () => quarterTyped(),
      run: (emu) => emu.run('reopenQuarter', [{ don_vi: 'TL', ky: '2026-Q1' }], { kind: 'menu' }),
      // Asked again after a run cut off at its very end, the answer is that the quarter is open.
      rerun: (emu) => {
        try {
          emu.run('reopenQuarter', [{ don_vi: 'TL', ky: '2026-Q1' }], { kind: 'menu' });
        } catch (error) {
          if (!/\(hoặc đã được mở lại\): cán bộ đơn vị đang sửa được/.test((error as Error).message))
            throw error;
        }
      },
      outcome: (emu) => ({
        submitted: submittedQuarters(emu, TL_TAB),
        open: emu.sheets.mayEdit({ as: TL, sheet: TL_TAB, a1: 'D10' }),
        box: rows(emu, TL_TAB)[4]![3],
      }),
    });
  });

  it('importing a CSV file', () => {
    const csv = [
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV,1420',
      'DK,2026-Q1,TC_HV_HP,1420',
      'TL,2026-Q1,TC_HV,1510',
      'TL,2026-Q1,TC_HV_HP,1510',
    ].join('\n');
    const imported = (emu: Emulator) => [
      quarterOf(emu, DK_TAB, 1).find((r) => r[0] === 'TC_HV')![1] === 1420,
      quarterOf(emu, DK_TAB, 1).find((r) => r[0] === 'TC_HV_HP')![1] === 1420,
      quarterOf(emu, TL_TAB, 1).find((r) => r[0] === 'TC_HV')![1] === 1510,
      quarterOf(emu, TL_TAB, 1).find((r) => r[0] === 'TC_HV_HP')![1] === 1510,
    ];
    expectSweep({
      ...base,
      name: 'importCsv',
      before: () => quarterTyped(),
      run: (emu) => emu.run('importCsv', [{ csv }], { kind: 'menu' }),
      outcome: (emu) => ({
        imported: imported(emu),
        dk: quarterOf(emu, DK_TAB, 1),
        tl: quarterOf(emu, TL_TAB, 1),
      }),
      // Half-imported only where no code can run (the stop, a hard end), and then the intent the
      // run left says so to the next import, which finishes the job.
      check: (emu, phase, _clean, kind) => {
        const flags = imported(emu);
        const half = flags.some((f) => f) && !flags.every((f) => f);
        const intent = 'dang_lam:nhap_csv' in emu.properties.read('script');
        if (phase === 'rerun') return intent ? ['the intent is still open after the rerun'] : [];
        if (!half) return [];
        if (kind !== 'timeLimit' && kind !== 'hardEnd') return [`half imported: ${flags.join(',')}`];
        return intent ? [] : [`half imported without an intent: ${flags.join(',')}`];
      },
    });
  });

  it('the roll-up', () => {
    expectSweep({
      ...base,
      name: 'rollUp',
      before: () => quarterTyped(),
      run: (emu) => emu.run('rollUp', [], { kind: 'menu' }),
      outcome: (emu) => timeless(emu, 'Tổng hợp'),
    });
  });

  it('the data checks', () => {
    expectSweep({
      ...base,
      name: 'checkData',
      before: () => quarterTyped(),
      run: (emu) => emu.run('checkData', [], { kind: 'menu' }),
      outcome: (emu) => timeless(emu, 'Kiểm tra'),
    });
  });

  it('the schedules', () => {
    expectSweep({
      ...base,
      name: 'installSchedules',
      before: () => quarterTyped(),
      run: (emu) => emu.run('installSchedules', [], { kind: 'menu' }),
      outcome: (emu) => ({
        triggers: emu.triggers
          .list()
          .map((t) => `${t.handler} ${t.eventType}`)
          .sort(),
        setting: rows(emu, 'Cấu hình').find((r) => r[0] === 'lich_tu_dong')?.[1],
      }),
    });
  });

  it('the reminders', () => {
    expectSweep({
      ...base,
      name: 'remindLateUnits',
      before: () => quarterTyped('2026-04-07T09:00:00+07:00'),
      run: (emu) => emu.run('remindLateUnits', [], { kind: 'menu' }),
      // At most one reminder a day: one cut off while sending is not resent, and Nhật ký says so.
      outcome: (emu) => {
        const unknown = rows(emu, 'Nhật ký')
          .filter((r) => /: không rõ kết quả$/.test(String(r[2])))
          .map((r) => `? ${String(r[3])}`);
        const sent = emu.mail.outbox().map((m) => m.to.join(','));
        return { reached: sent.length + unknown.length > 0 };
      },
    });
  });

  it('the quarterly summary', () => {
    expectSweep({
      ...base,
      name: 'sendQuarterSummary',
      before: () => {
        const emu = quarterTyped();
        tickSubmit(emu, DK, DK_TAB, 1);
        emu.tick(new Date('2026-04-11T08:00:00+07:00'));
        return emu;
      },
      run: (emu) => emu.run('sendQuarterSummary', [], { kind: 'menu' }),
      // A message whose sending was cut off is not resent blindly: Nhật ký names it for the admin.
      outcome: (emu) => {
        const unknown = rows(emu, 'Nhật ký').filter((r) => /không rõ kết quả$/.test(String(r[2])));
        const sent = emu.mail.outbox().map((m) => m.to.join(','));
        return { reached: sent.length + unknown.length > 0 };
      },
    });
  });

  it('the report', () => {
    expectSweep({
      ...base,
      name: 'createReport',
      before: () => quarterTyped(),
      run: (emu) => emu.run('createReport', [{ ky: '2026-Q1' }], { kind: 'menu' }),
      // The report made, complete and shared as configured. A run cut off after the report was
      // complete (at its Nhật ký entry) leaves it in place, and the rerun adds "(lần 2)" beside it,
      // as any regenerated report does: the finished report is among those the rerun leaves.
      outcome: (emu) => {
        const files = emu.drive.files().filter((f) => !f.trashed && f.name.startsWith('BC '));
        const final = files.filter((f) => !/\(lần \d+\)/.test(f.name));
        return final.map((f) => ({ name: f.name, shared: [...f.editors, ...f.viewers].sort() }));
      },
      check: (emu, _phase, clean) => {
        const final = clean.drive.files().filter((f) => !f.trashed && f.name.startsWith('BC '));
        const problems: string[] = [];
        for (const file of emu.drive.files().filter((f) => !f.trashed && f.name.startsWith('BC '))) {
          const model = final.find((f) => f.mimeType === file.mimeType);
          // Complete means the text and the tables' look (set by the Docs API batch after the text).
          const complete =
            model && file.mimeType.includes('document')
              ? emu.documents.savedText(file.id) === clean.documents.savedText(model.id) &&
                tablesLook(emu, file.id) === tablesLook(clean, model.id)
              : true;
          if (!complete && [...file.editors, ...file.viewers].length > 0)
            problems.push(`half-made ${file.name} is shared`);
          if (!complete && final.some((f) => f.name === file.name))
            problems.push(`half-made ${file.name} has the final name`);
        }
        return problems;
      },
    });
  });
});
