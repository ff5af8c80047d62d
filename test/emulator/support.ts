/** Set-up shared by the emulator's contract tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Emulator } from '../../scripts/emulator';
import { exportDocx } from '../../scripts/emulator/export/docx';
import type { AccountLocale } from '../../scripts/emulator/services/sheets/locales';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

/** Monday 2 March 2026, 08:00 in Hà Nội: the emulated clock when a test starts. */
export const START = new Date('2026-03-02T08:00:00+07:00');
export const OWNER = 'chutich@hoilhpn.vn';

/** An account set to Vietnamese and Hà Nội time: what the contract tests of vi_VN behaviour create with. */
export const VIETNAMESE: AccountLocale = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' };

/** An empty workspace owned by `owner`, its clock at START; `account` is the owner's locale settings. */
export function newEmulator(owner = OWNER, account?: AccountLocale): Emulator {
  return new Emulator({ now: START, owner, ...(account ? { accountLocales: { [owner]: account } } : {}) });
}

/**
 * A workspace with a bound spreadsheet named `name`, created by a Vietnamese owner unless `account`
 * says otherwise; `app` is SpreadsheetApp as the product sees it.
 */
export function newSpreadsheet(
  name: string,
  owner = OWNER,
  account: AccountLocale = VIETNAMESE,
): { emu: Emulator; id: string; app: any } {
  const emu = newEmulator(owner, account);
  const id = emu.sheets.createBound(name);
  return { emu, id, app: emu.globals.SpreadsheetApp as any };
}

/**
 * A project deployed with `manifest` (its appsscript.json) and a bound spreadsheet "Báo cáo", owned by
 * OWNER (`account`: the owner's locale settings); `g` are the services as the product sees them.
 */
export function deployedWith(
  manifest: Record<string, unknown>,
  account?: AccountLocale,
): { emu: Emulator; id: string; g: Record<string, any> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-manifest-'));
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  const emu = new Emulator({
    now: START,
    owner: OWNER,
    distDir: dir,
    ...(account ? { accountLocales: { [OWNER]: account } } : {}),
  });
  const id = emu.sheets.createBound('Báo cáo');
  return { emu, id, g: emu.globals as Record<string, any> };
}

/** The message of the exception `fn` throws; fails the test when it throws none. */
export function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an exception');
}

/** The document's `word/document.xml` as the emulator's .docx export writes it. */
export async function documentXml(emu: Emulator, id: string): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-')), 'x.docx');
  await exportDocx(emu.ctx, id, file);
  return (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
}
