import type { Emulator } from '../../scripts/emulator';
import { loadProduct, sampleConfig } from './product';

export const OWNER = 'chutich@hoilhpn.vn';
export const DK = 'daikim@hoilhpn.vn';
export const TL = 'thinhliet@hoilhpn.vn';
export const DK_TAB = 'DK - phường Đại Kim';
export const TL_TAB = 'TL - phường Thịnh Liệt';

/** A district set up by its chair (the owner), shared with the units' officers, on the given day. */
export function setUpDistrict(
  now = '2026-04-03T09:00:00+07:00',
  config = sampleConfig(),
  owner = OWNER,
): Emulator {
  const emu = loadProduct({ now, owner });
  emu.run('setUpWorkbook', [config]);
  const id = emu.sheets.activeSpreadsheetId();
  for (const unit of config.don_vi as Array<{ email: string[] }>) {
    for (const email of unit.email) emu.drive.share(id, email, 'EDIT');
  }
  return emu;
}

/** The A1 address of an indicator's cell for a quarter on a unit tab (columns D..G are Quý I..IV). */
export function cellOf(emu: Emulator, tab: string, code: string, quarter: number): string {
  const row = emu.sheets.values(tab).findIndex((r) => r[0] === code);
  if (row < 0) throw new Error(`${code} is not on ${tab}`);
  return `${'DEFG'[quarter - 1]}${row + 1}`;
}

export function valueOf(emu: Emulator, tab: string, code: string, quarter: number): unknown {
  const row = emu.sheets.values(tab).find((r) => r[0] === code);
  return row?.[2 + quarter];
}

/** An officer types a value, as a person would. */
export function type(emu: Emulator, as: string, tab: string, code: string, quarter: number, value: unknown) {
  return emu.sheets.userEdit({ as, sheet: tab, a1: cellOf(emu, tab, code, quarter), value });
}

/** Ticks (or unticks) the "Nộp số liệu" box of a quarter: row 5, columns D..G. */
export function tickSubmit(emu: Emulator, as: string, tab: string, quarter: number, value = true) {
  return emu.sheets.userEdit({ as, sheet: tab, a1: `${'DEFG'[quarter - 1]}5`, value });
}

/** A plausible, consistent first quarter for a ward union. */
export const GOOD_Q1: Record<string, number> = {
  TC_PN18: 1525,
  TC_HV: 1412,
  TC_HV_MOI: 37,
  TC_HV_GIAM: 5,
  TC_HV_NC: 335,
  TC_HV_SHTX: 1200,
  TC_HV_HP: 1412,
};

export function enter(
  emu: Emulator,
  as: string,
  tab: string,
  quarter: number,
  values: Record<string, unknown>,
): void {
  for (const [code, value] of Object.entries(values)) {
    const edit = type(emu, as, tab, code, quarter, value);
    if (!edit.accepted) throw new Error(`${code}=${String(value)} refused: ${edit.message}`);
  }
}

/** An admin switches on every indicator of the catalogue (column "Theo dõi" of Chỉ tiêu). */
export function switchOnAllIndicators(emu: Emulator): void {
  const rows = emu.sheets.values('Chỉ tiêu').length;
  emu.execute(() =>
    (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Chỉ tiêu')!
      .getRange(2, 11, rows - 1, 1)
      .setValues(Array.from({ length: rows - 1 }, () => [true])),
  );
}

/** Who works in a district's workbook: the chair (owner, first admin), a second admin, an officer per unit. */
export interface DistrictPeople {
  owner: string;
  deputy: string;
  dk: string;
  tl: string;
  config: Record<string, unknown>;
}

function district(people: Omit<DistrictPeople, 'config'>): DistrictPeople {
  return {
    ...people,
    config: sampleConfig({
      don_vi: [
        { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [people.dk] },
        { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [people.tl] },
      ],
      email_nhan: [people.deputy],
      quan_tri: [people.owner, people.deputy],
    }),
  };
}

/** Everyone on consumer accounts: Google names nobody but the owner to the owner's triggers. */
export const GMAIL_DISTRICT = district({
  owner: 'chutich.hoilhpn.hoangmai@gmail.com',
  deputy: 'vanphong.hoilhpn.hoangmai@gmail.com',
  dk: 'hoilhpn.daikim@gmail.com',
  tl: 'hoilhpn.thinhliet@gmail.com',
});

/** The chair in the Hội's Workspace domain; a Gmail deputy, a Gmail officer, an officer of the ward's domain. */
export const MIXED_DISTRICT = district({
  owner: OWNER,
  deputy: 'vanphong.hoilhpn.hoangmai@gmail.com',
  dk: 'hoilhpn.daikim@gmail.com',
  tl: 'hoiphunu.thinhliet@hoangmai.gov.vn',
});

/** The district set up by its chair and shared with the officers and the second admin. */
export function setUpPeople(people: DistrictPeople, now?: string): Emulator {
  const emu = setUpDistrict(now, people.config, people.owner);
  emu.drive.share(emu.sheets.activeSpreadsheetId(), people.deputy, 'EDIT');
  return emu;
}
