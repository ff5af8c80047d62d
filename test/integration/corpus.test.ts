/**
 * The bad-input corpus (test/corpus/manifest.json): files as offices make them, requests as people
 * type them on the command line, configurations, cell edits and unit names, each with its expected
 * outcome, run through the built bundle in the emulator. A refusal must also change nothing: every
 * tab (but Nhật ký, which may record the attempt), Drive and the outbox are compared before and after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../scripts/emulator';
import { exportXlsx } from '../../scripts/emulator/export/xlsx';
import { DK, OWNER, setUpDistrict, TL, type } from '../support/district';
import { DIST, loadProduct, ROOT, sampleConfig } from '../support/product';

const CORPUS = path.join(ROOT, 'test', 'corpus');

const PEOPLE: Record<string, string> = { owner: OWNER, dk: DK, tl: TL };

type Expect =
  | { refused: string[]; maxLength?: number }
  | {
      imported?: number;
      /** [unit code, indicator, quarter, value in the unit's tab]. */
      values?: Array<[string, string, number, unknown]>;
      result?: Record<string, unknown>;
      documentContains?: string[];
      documentLacks?: string[];
    };

interface Base {
  id: string;
  why: string;
  as?: keyof typeof PEOPLE;
  /** Move the clock here first (the district is set up on 2026-04-03 09:00). */
  at?: string;
}
type Case = Base &
  (
    | {
        kind: 'csv';
        file?: string;
        /** A file too big to keep: the header, then one row repeated. */
        generate?: { header: string; row: string; count: number };
        via?: 'upload' | 'drive' | 'missing-drive-file';
        request?: Record<string, unknown>;
        expect: Expect;
      }
    | { kind: 'request'; function: string; arg?: unknown; expect: Expect }
    | {
        kind: 'config';
        config: Record<string, unknown>;
        expect: { refused: string[] } | { tabs: string[]; names?: Array<[string, string]>; xlsx?: boolean };
      }
    | {
        kind: 'edit';
        unit: string;
        code: string;
        quarter: number;
        value: unknown;
        expect: { accepted: true; stored: unknown } | { accepted: false; message: string };
      }
    | {
        kind: 'retab';
        /** How DK's tab got the name: a workbook made by an earlier version, or typed in Đơn vị. */
        from: 'earlier-version' | 'typed';
        tabName: string;
        expect: { tab: string; keepsFigures: boolean };
      }
  );

const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
  cases: Case[];
};

const TAB: Record<string, string> = { DK: 'DK - phường Đại Kim', TL: 'TL - phường Thịnh Liệt' };

/** One district, set up once; each case starts from a copy of it. */
let district: string;
beforeAll(() => {
  district = setUpDistrict().snapshot();
});

function fresh(at?: string): Emulator {
  const emu = new Emulator({ state: district, distDir: DIST }).loadBundle(DIST);
  if (at) emu.tick(new Date(at));
  return emu;
}

/** Everything a refusal must leave as it was. */
function observable(emu: Emulator): unknown {
  return {
    tabs: emu.sheets
      .sheetNames()
      .filter((name) => name !== 'Nhật ký')
      .map((name) => [name, emu.sheets.values(name)]),
    files: emu.drive.files().map((f) => [f.id, f.name, f.trashed]),
    mail: emu.mail.outbox().length,
  };
}

function valueIn(emu: Emulator, unit: string, code: string, quarter: number): unknown {
  return emu.sheets.values(TAB[unit]!).find((r) => r[0] === code)?.[2 + quarter];
}

function fileBytes(c: Extract<Case, { kind: 'csv' }>): Buffer {
  if (c.file) return fs.readFileSync(path.join(CORPUS, c.file));
  const { header, row, count } = c.generate!;
  return Buffer.from(`${header}\n${`${row}\n`.repeat(count)}`);
}

function importRequest(emu: Emulator, c: Extract<Case, { kind: 'csv' }>): Record<string, unknown> {
  const name = c.file ? path.basename(c.file) : 'tao-ra.csv';
  const bytes = fileBytes(c);
  const source =
    c.via === 'drive'
      ? { tep: emu.drive.createFile(name, bytes, { owner: PEOPLE[c.as ?? 'owner'] }) }
      : c.via === 'missing-drive-file'
        ? { tep: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUv/view' }
        : { base64: bytes.toString('base64'), ten_tep: name };
  return { ...source, ...c.request };
}

/** Runs a product function; a refusal comes back as its message. */
function attempt(
  emu: Emulator,
  fn: string,
  args: unknown[],
  user: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: emu.run(fn, args, { user }) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function checkOutcome(emu: Emulator, run: () => ReturnType<typeof attempt>, expected: Expect): void {
  const before = observable(emu);
  const outcome = run();
  if ('refused' in expected) {
    expect(outcome.ok ? 'accepted' : 'refused').toBe('refused');
    if (outcome.ok) return;
    for (const text of expected.refused) expect(outcome.message).toContain(text);
    // No JavaScript internals, no Google English.
    expect(outcome.message).not.toMatch(/is not a function|undefined|TypeError|Cannot read|Exception:/);
    expect(outcome.message.length).toBeLessThan(expected.maxLength ?? 20_000);
    expect(observable(emu)).toEqual(before);
    return;
  }
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  const value = outcome.value as Record<string, unknown>;
  if (expected.imported !== undefined) expect(value.so_gia_tri).toBe(expected.imported);
  for (const [unit, code, quarter, stored] of expected.values ?? []) {
    expect([unit, code, valueIn(emu, unit, code, quarter)]).toEqual([unit, code, stored]);
  }
  if (expected.result) expect(value).toMatchObject(expected.result);
  if (expected.documentContains || expected.documentLacks) {
    const text = emu.documents.text(String(value.docId));
    for (const t of expected.documentContains ?? []) expect(text).toContain(t);
    for (const t of expected.documentLacks ?? []) expect(text).not.toContain(t);
  }
}

/** What Excel accepts as a sheet name; exceljs (the .xlsx export) enforces the same. */
function excelAccepts(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- what a name must not hold
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]\u0000-\u001f]|^'|'$/.test(name);
}

async function runConfig(c: Extract<Case, { kind: 'config' }>): Promise<void> {
  const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00', owner: OWNER });
  const outcome = attempt(emu, 'setUpWorkbook', [sampleConfig(c.config)], OWNER);
  if ('refused' in c.expect) {
    expect(outcome.ok ? 'accepted' : 'refused').toBe('refused');
    if (!outcome.ok) for (const text of c.expect.refused) expect(outcome.message).toContain(text);
    return;
  }
  if (!outcome.ok) throw new Error(`expected setup to succeed, got: ${outcome.message}`);
  const names = emu.sheets.sheetNames();
  for (const tab of c.expect.tabs) expect(names).toContain(tab);
  expect(names.filter((n) => !excelAccepts(n))).toEqual([]);
  const units = emu.sheets.values('Đơn vị').slice(1);
  for (const [code, name] of c.expect.names ?? []) {
    expect(units.find((r) => r[0] === code)?.[1]).toBe(name);
  }
  if (c.expect.xlsx) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'bang-tinh.xlsx');
    await exportXlsx(emu.ctx, emu.sheets.activeSpreadsheetId(), file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(names);
  }
}

function runRetab(c: Extract<Case, { kind: 'retab' }>): void {
  const emu = fresh();
  expect(type(emu, DK, TAB.DK!, 'TC_HV', 1, 1412).accepted).toBe(true);
  const row = emu.sheets.values('Đơn vị').findIndex((r) => r[0] === 'DK') + 1;
  if (c.from === 'earlier-version') {
    emu.execute(() => {
      const ss = (
        emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      ss.getSheetByName(TAB.DK!)!.setName(c.tabName);
      ss.getSheetByName('Đơn vị')!.getRange(row, 5).setValue(c.tabName);
    });
  } else {
    const edit = emu.sheets.userEdit({ as: OWNER, sheet: 'Đơn vị', a1: `E${row}`, value: c.tabName });
    expect(edit.accepted).toBe(true);
  }
  const summary = emu.sheets.values('Tổng hợp');
  emu.run('setUpWorkbook', [], { user: OWNER });
  expect(emu.sheets.values('Đơn vị')[row - 1]![4]).toBe(c.expect.tab);
  expect(emu.sheets.sheetNames()).toContain(c.expect.tab);
  expect(emu.sheets.sheetNames().filter((n) => !excelAccepts(n))).toEqual([]);
  expect(emu.sheets.values('Tổng hợp')).toEqual(summary);
  const figure = emu.sheets.values(c.expect.tab).find((r) => r[0] === 'TC_HV')?.[3];
  expect(figure).toBe(c.expect.keepsFigures ? 1412 : '');
}

describe('the bad-input corpus', () => {
  it.each(manifest.cases.map((c) => [`${c.kind}: ${c.id}`, c] as const))('%s', async (_name, c) => {
    const user = PEOPLE[c.as ?? 'owner']!;
    switch (c.kind) {
      case 'csv': {
        const emu = fresh(c.at);
        const request = importRequest(emu, c);
        checkOutcome(emu, () => attempt(emu, 'importCsv', [request], user), c.expect);
        return;
      }
      case 'request': {
        const emu = fresh(c.at);
        const args = 'arg' in c ? [c.arg] : [];
        checkOutcome(emu, () => attempt(emu, c.function, args, user), c.expect);
        return;
      }
      case 'config':
        return runConfig(c);
      case 'edit': {
        const emu = fresh(c.at);
        const result = type(emu, user, TAB[c.unit]!, c.code, c.quarter, c.value);
        expect(result.accepted).toBe(c.expect.accepted);
        if (c.expect.accepted) expect(valueIn(emu, c.unit, c.code, c.quarter)).toEqual(c.expect.stored);
        else expect(result.message).toContain(c.expect.message);
        return;
      }
      case 'retab':
        return runRetab(c);
    }
  });
});
