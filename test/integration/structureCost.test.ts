/**
 * Setting up and rolling over a workbook costs the same number of service calls whatever the number of
 * units (unit tabs, their look and their protections travel in Sheets.Spreadsheets.batchUpdate calls),
 * stays far from the 6-minute limit at 150 units, and sizes every unit tab to its content.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */
import { enter, GOOD_Q1, tickSubmit } from '../support/district';
import { loadProduct, sampleConfig } from '../support/product';

const OWNER = 'chutich@hoilhpn.vn';

function district(units: number, now = '2026-03-02T08:00:00+07:00') {
  const don_vi = Array.from({ length: units }, (_, i) => ({
    ma: `P${String(i + 1).padStart(3, '0')}`,
    ten: `Hội LHPN phường số ${i + 1}`,
    email: [`phuong${i + 1}@hoilhpn.vn`],
  }));
  const emu = loadProduct({ now, owner: OWNER });
  const start = emu.now().getTime();
  emu.run('setUpWorkbook', [sampleConfig({ don_vi })]);
  const firstSeconds = (emu.now().getTime() - start) / 1000;
  for (const unit of don_vi) emu.drive.share(emu.sheets.activeSpreadsheetId(), unit.email[0]!, 'EDIT');
  return { emu, don_vi, firstSeconds };
}

/** Calls and modelled seconds of one run of `fn` as the owner. */
function cost(emu: ReturnType<typeof loadProduct>, name: string) {
  emu.ctx.log.clear();
  const start = emu.now().getTime();
  emu.run(name, [], { user: OWNER });
  return {
    calls: emu.ctx.log.total(),
    batches: emu.ctx.log.count('Sheets.Spreadsheets.batchUpdate'),
    seconds: (emu.now().getTime() - start) / 1000,
  };
}

describe('at 14 and 150 units', () => {
  const small = district(14);
  const large = district(150);
  const setup = { small: cost(small.emu, 'setUpWorkbook'), large: cost(large.emu, 'setUpWorkbook') };
  const rollover = { small: cost(small.emu, 'startNewYear'), large: cost(large.emu, 'startNewYear') };

  it('Khởi tạo and Sang năm mới make as many calls for 150 units as for 14, but for the payload’s chunks', () => {
    const extraChunks = setup.large.batches - setup.small.batches;
    expect(extraChunks).toBeLessThanOrEqual(10);
    expect(setup.large.calls - setup.small.calls).toBe(extraChunks);
    expect(rollover.large.calls - rollover.small.calls).toBeLessThanOrEqual(
      rollover.large.batches - rollover.small.batches,
    );
  });

  it('each runs in well under a minute of modelled time at 150 units', () => {
    expect(setup.large.seconds).toBeLessThan(60);
    expect(rollover.large.seconds).toBeLessThan(60);
  });

  it('the first Khởi tạo, its six report templates included, runs under a minute at 150 units', () => {
    expect(large.firstSeconds).toBeLessThan(60);
  });

  it('Khởi tạo again makes under 100 calls at 150 units: the shared tabs are read and styled at once', () => {
    expect(setup.large.calls).toBeLessThan(100);
  });

  it('every unit tab is as tall as its content plus 10 rows and as wide as its 8 columns', () => {
    const ss = large.emu.ctx.state.spreadsheet.spreadsheets[large.emu.sheets.activeSpreadsheetId()!]!;
    const unitTabs = ss.sheets.filter((s) => /^P\d{3} /.test(s.name));
    expect(unitTabs).toHaveLength(150);
    for (const tab of unitTabs) {
      const rows = large.emu.sheets.values(tab.name).length;
      expect([tab.maxRows, tab.maxCols]).toEqual([rows + 10, 8]);
    }
    // The whole workbook holds a few percent of Google's 10 million cells.
    const cells = ss.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
    expect(cells).toBeLessThan(500_000);
  });

  it('the last unit’s officer types on their own tab only, and the first unit’s tab is closed to them', () => {
    const { emu, don_vi } = large;
    const last = don_vi[149]!;
    const tabOf = (ma: string) => emu.sheets.sheetNames().find((n) => n.startsWith(`${ma} `))!;
    const row = emu.sheets.values(tabOf(last.ma)).findIndex((r) => r[0] === 'TC_HV') + 1;
    expect(
      emu.sheets.userEdit({ as: last.email[0]!, sheet: tabOf(last.ma), a1: `D${row}`, value: 12 }).accepted,
    ).toBe(true);
    expect(
      emu.sheets.userEdit({ as: last.email[0]!, sheet: tabOf('P001'), a1: `D${row}`, value: 12 }).accepted,
    ).toBe(false);
    expect(
      emu.sheets.userEdit({ as: last.email[0]!, sheet: tabOf(last.ma), a1: 'A1', value: 'x' }).accepted,
    ).toBe(false);
  });
});

describe('Lưu trữ grows by one row of its 9 columns per value submitted', () => {
  it('a unit submitting a quarter adds as many rows as it typed values, nothing wider', () => {
    const { emu, don_vi } = district(14, '2026-04-03T09:00:00+07:00');
    const unit = don_vi[0]!;
    const tab = emu.sheets.sheetNames().find((n) => n.startsWith(`${unit.ma} `))!;
    const archived = () => emu.sheets.values('Lưu trữ').filter((r) => r[0] !== '').length;
    const before = archived();
    enter(emu, unit.email[0]!, tab, 1, GOOD_Q1);
    expect(tickSubmit(emu, unit.email[0]!, tab, 1).accepted).toBe(true);
    expect(archived() - before).toBe(Object.keys(GOOD_Q1).length);
    const ss = emu.ctx.state.spreadsheet.spreadsheets[emu.sheets.activeSpreadsheetId()!]!;
    expect(ss.sheets.find((s) => s.name === 'Lưu trữ')!.maxCols).toBe(9);
  });
});

describe('a batch Google refuses', () => {
  it('leaves its tabs as they were and tells the admin in Vietnamese', () => {
    const emu = loadProduct({ owner: OWNER });
    emu.ctx.faults.inject('Sheets.Spreadsheets.batchUpdate', { nth: 1, kind: 'unavailable' });
    expect(() => emu.run('setUpWorkbook', [sampleConfig()])).toThrow(
      /^Chưa thực hiện xong "Khởi tạo": dịch vụ của Google tạm thời không phản hồi\. Hãy thử lại sau ít phút\./,
    );
    // No unit tab half made: none was added, so none is left unprotected.
    expect(emu.sheets.sheetNames().filter((n) => n.startsWith('DK') || n.startsWith('TL'))).toEqual([]);
    // Run again, it completes.
    emu.run('setUpWorkbook', [sampleConfig()]);
    expect(
      emu.sheets.userEdit({ as: 'daikim@hoilhpn.vn', sheet: 'TL - phường Thịnh Liệt', a1: 'D8', value: 1 })
        .accepted,
    ).toBe(false);
  });
});

describe('what officers typed survives Khởi tạo', () => {
  it('a date typed in a note still reads as that date, not as its serial number', () => {
    const { emu, don_vi } = district(2, '2026-04-03T09:00:00+07:00');
    const officer = don_vi[0]!.email[0]!;
    const tab = emu.sheets.sheetNames().find((n) => n.startsWith(`${don_vi[0]!.ma} `))!;
    const row = emu.sheets.values(tab).findIndex((r) => r[0] === 'TC_HV') + 1;
    expect(
      emu.sheets.userEdit({ as: officer, sheet: tab, a1: `H${row}`, value: '05/02/2026' }).accepted,
    ).toBe(true);
    expect(emu.sheets.userEdit({ as: officer, sheet: tab, a1: `D${row}`, value: '1.412' }).accepted).toBe(
      true,
    );
    emu.run('setUpWorkbook', [], { user: OWNER });
    const shown = emu.execute(() => {
      const sheet = (emu.globals.SpreadsheetApp as any).getActiveSpreadsheet().getSheetByName(tab);
      return sheet.getRange(`D${row}:H${row}`).getDisplayValues()[0];
    });
    expect([shown[0], shown[4]]).toEqual(['1.412', '05/02/2026']);
  });
});
