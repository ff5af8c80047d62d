import { newSpreadsheet, OWNER } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const OFFICER = 'canbo.phuong1@hoilhpn.vn';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup() {
  const { emu, app } = newSpreadsheet('Báo cáo');
  const ss = app.getActiveSpreadsheet();
  ss.addEditors([OFFICER]);
  const sheet = ss.insertSheet('Phường 1');
  return { emu, app, ss, sheet };
}

describe('a pasted block (userPaste)', () => {
  it('stores every cell as typed input and fires one edit event for the block, without value', () => {
    const { emu } = setup();
    const events: any[] = [];
    emu.sandbox.onEdit = (e: any) => events.push(e);
    expect(
      emu.sheets.userPaste({
        as: OFFICER,
        sheet: 'Phường 1',
        a1: 'B2',
        values: [
          ['1.412', 'x'],
          ['37', ''],
        ],
      }),
    ).toEqual({
      accepted: true,
    });
    expect(emu.sheets.values('Phường 1')).toEqual([
      ['', '', ''],
      ['', 1412, 'x'],
      ['', 37, ''],
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].range.getA1Notation()).toBe('B2:C3');
    expect('value' in events[0] || 'oldValue' in events[0]).toBe(false);
  });

  it('refuses the whole block when one cell breaks a strict validation rule, changing nothing', () => {
    const { emu, app, sheet } = setup();
    emu.execute(() =>
      sheet
        .getRange('B3')
        .setDataValidation(
          app
            .newDataValidation()
            .requireNumberGreaterThanOrEqualTo(0)
            .setAllowInvalid(false)
            .setHelpText('Không âm')
            .build(),
        ),
    );
    expect(emu.sheets.userPaste({ as: OFFICER, sheet: 'Phường 1', a1: 'B2', values: [[5], [-1]] })).toEqual({
      accepted: false,
      message: 'Không âm',
    });
    expect(emu.sheets.values('Phường 1')).toEqual([]);
  });

  it('refuses a block that overlaps a protected range for that person', () => {
    const { emu, sheet } = setup();
    emu.execute(() => {
      const protection = sheet.getRange('C3').protect();
      protection.removeEditors(protection.getEditors());
    });
    expect(
      emu.sheets.userPaste({
        as: OFFICER,
        sheet: 'Phường 1',
        a1: 'B2',
        values: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual({
      accepted: false,
      message: PROTECTED,
    });
    expect(
      emu.sheets.userPaste({
        as: OWNER,
        sheet: 'Phường 1',
        a1: 'B2',
        values: [
          [1, 2],
          [3, 4],
        ],
      }).accepted,
    ).toBe(true);
  });
});
