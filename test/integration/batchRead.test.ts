/**
 * The jobs that read every unit tab do it in one Sheets API call (Sheets.Spreadsheets.Values.batchGet),
 * once per run, and see what the officers typed exactly as a getValues of each tab did.
 */
import type { Emulator } from '../../scripts/emulator';
import { sampleConfig } from '../support/product';
import { DK, DK_TAB, enter, GOOD_Q1, setUpDistrict, tickSubmit, TL, TL_TAB } from '../support/district';

const config = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
  ],
});

/** The first quarter typed and submitted by both wards; the clock after its deadline. */
function submittedQuarter(): Emulator {
  const emu = setUpDistrict('2026-04-03T09:00:00+07:00', config);
  for (const [officer, tab] of [
    [DK, DK_TAB],
    [TL, TL_TAB],
  ] as const) {
    enter(emu, officer, tab, 1, GOOD_Q1);
    tickSubmit(emu, officer, tab, 1);
  }
  emu.tick(new Date('2026-04-11T08:00:00+07:00'));
  return emu;
}

/** The unit-tab reads of one run: batchGet calls, and the ranges each asked for. */
function unitTabReads(emu: Emulator, run: () => unknown) {
  emu.ctx.log.clear();
  const result = run();
  return { result, batchGets: emu.ctx.log.count('Sheets.Spreadsheets.Values.batchGet') };
}

describe('every unit tab in one read', () => {
  it('rollUp, checkData, createReport and sendQuarterSummary each read the unit tabs with one call', () => {
    const emu = submittedQuarter();
    const jobs: Array<[string, unknown[]]> = [
      ['rollUp', [{ ky: '2026-Q1' }]],
      ['checkData', []],
      ['createReport', [{ ky: '2026-Q1' }]],
      // The report and the email's key figures: the summary reads the tabs once for both.
      ['sendQuarterSummary', [{ ky: '2026-Q1' }]],
    ];
    for (const [job, args] of jobs) {
      expect({ job, reads: unitTabReads(emu, () => emu.run(job, args)).batchGets }).toEqual({
        job,
        reads: 1,
      });
    }
  });

  it('gives the roll-up the figures the officers typed', () => {
    const emu = submittedQuarter();
    emu.run('rollUp', [{ ky: '2026-Q1' }]);
    const row = emu.sheets.values('Tổng hợp').find((r) => r[0] === 'TC_HV');
    // Both wards' 1.412 members.
    expect(row).toContain(2 * GOOD_Q1.TC_HV!);
  });

  it('names the unit whose tab is gone, in Vietnamese', () => {
    const emu = submittedQuarter();
    emu.execute(() => {
      const book = (
        emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      book.deleteSheet(book.getSheetByName(TL_TAB)!);
    });
    expect(() => emu.run('checkData')).toThrow(
      `Không tìm thấy trang "${TL_TAB}" của đơn vị TL; hãy chạy Khởi tạo.`,
    );
  });
});
