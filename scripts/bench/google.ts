/**
 * Benchmark of the googleapis tools: how many requests provisioning and the province roll-up send
 * for 100 and 1,000 units, counted by running them against the fake Google (test/google), and the
 * time that would take on Google, modelled from those requests under the per-minute quotas and the
 * concurrency limit (scripts/google/pool.ts modelRunTime: each unit's requests in order, a lane per
 * concurrent unit, every request waiting for its quota, each taking LATENCY_MS).
 * Run: npm run bench:google
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../google/csvText';
import { periodSpec } from '../../src/domain/periodSpec';
import { DIST } from '../build';
import { googleApis } from '../google/apis';
import { auth } from 'googleapis/build/src/apis/sheets';
import { readBundle } from '../google/bundleFiles';
import { modelRunTime } from '../google/pool';
import { parseProvisionConfig } from '../google/provisionConfig';
import { provinceRollUp } from '../google/provinceRollUp';
import { provisionAll } from '../google/provisionRun';
import type { Bucket } from '../google/requests';
import { DEFAULT_LIMITS, Requests } from '../google/requests';
import type { ProvisionState } from '../google/state';
import { StateFile } from '../google/state';
import { planWorkbooks } from '../google/unitsCsv';
import type { Endpoint, FakeGoogle as FakeGoogleType } from '../../test/google/fakeGoogle';
import { FakeGoogle } from '../../test/google/fakeGoogle';

const SIZES = [100, 1000];
const CONCURRENCY = 4;
/** A Google API request, end to end, from Vietnam: a round number, on the slow side. */
const LATENCY_MS = 1000;
/** Google's documented daily quota of Apps Script projects created per user. */
const PROJECTS_PER_DAY = 50;
const NO_LIMITS = { sheetsRead: Infinity, sheetsWrite: Infinity, drive: Infinity, script: Infinity };

const BUCKETS: Record<Endpoint, Bucket> = {
  'sheets.create': 'sheetsWrite',
  'sheets.batchUpdate': 'sheetsWrite',
  'values.batchUpdate': 'sheetsWrite',
  'values.clear': 'sheetsWrite',
  'sheets.get': 'sheetsRead',
  'values.batchGet': 'sheetsRead',
  'script.create': 'script',
  'script.updateContent': 'script',
  'drive.permissions.create': 'drive',
  'drive.files.list': 'drive',
};

function unitsCsv(n: number): string {
  const rows = ['ma,ten,cap,email_can_bo,email_quan_tri'];
  for (let i = 1; i <= n; i++) rows.push(`X${i},Hội LHPN xã ${i},xa,canbo${i}@x${i}.vn,chutich${i}@x${i}.vn`);
  return rows.join('\n');
}

/** Each unit's requests in order (grouped by the spreadsheet they are about), as quota buckets. */
function chains(fake: FakeGoogleType, from: number): string[][] {
  const byFile = new Map<string, string[]>();
  for (const request of fake.log.slice(from)) {
    if (!request.endpoint || !request.fileId) continue;
    const chain = byFile.get(request.fileId) ?? [];
    chain.push(BUCKETS[request.endpoint]);
    byFile.set(request.fileId, chain);
  }
  return [...byFile.values()];
}

function counts(fake: FakeGoogleType, from: number): Record<Bucket, number> {
  const result: Record<Bucket, number> = { sheetsRead: 0, sheetsWrite: 0, drive: 0, script: 0 };
  for (const request of fake.log.slice(from)) if (request.endpoint) result[BUCKETS[request.endpoint]]++;
  return result;
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min ${seconds} s`;
}

function line(cells: Array<string | number>, widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');
}

async function main(): Promise<void> {
  const fake = await FakeGoogle.start();
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: fake.token });
  const apis = googleApis(client, { rootUrl: fake.rootUrl });
  const requests = () => new Requests({ limits: NO_LIMITS });
  const config = parseProvisionConfig({ nhiem_ky: '2025-2030', quan_tri: ['tinh@phutho.vn'] });
  const bundle = readBundle(DIST);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-google-'));
  const widths = [6, 9, 9, 12, 11, 7, 7, 15, 16];
  const header = [
    'units',
    'requests',
    'per unit',
    'sheetsWrite',
    'sheetsRead',
    'script',
    'drive',
    'modelled time',
    'local wall time',
  ];
  const limitsText = `quotas per minute: Sheets ${DEFAULT_LIMITS.sheetsWrite} writes and ${DEFAULT_LIMITS.sheetsRead} reads, Apps Script API ${DEFAULT_LIMITS.script}, Drive ${DEFAULT_LIMITS.drive}`;
  const out: string[] = [
    `Modelled with concurrency ${CONCURRENCY}, ${LATENCY_MS} ms per request, ${limitsText}.`,
    '',
    'Provisioning (each unit: 1 officer, 1 admin, 1 province admin to share with)',
    line(header, widths),
  ];
  try {
    const provinceState: ProvisionState = { version: 1, units: [] };
    /** One table row: the requests sent since `from`, by quota, and the modelled and measured times. */
    const resultRow = (size: number, from: number, wall: number): string => {
      const sent = fake.log.length - from;
      const byBucket = counts(fake, from);
      const modelled = modelRunTime(chains(fake, from), CONCURRENCY, DEFAULT_LIMITS, LATENCY_MS);
      return line(
        [
          size,
          sent,
          (sent / size).toFixed(1),
          byBucket.sheetsWrite,
          byBucket.sheetsRead,
          byBucket.script,
          byBucket.drive,
          duration(modelled),
          `${(wall / 1000).toFixed(1)} s`,
        ],
        widths,
      );
    };
    for (const size of SIZES) {
      const from = fake.log.length;
      const state = StateFile.open(path.join(dir, `units-${size}.state.json`), { flush: false });
      const started = Date.now();
      const summary = await provisionAll(
        { apis, requests: requests(), state, bundle, config, updateCode: false, now: () => new Date() },
        planWorkbooks(unitsCsv(size), config, { baseDir: dir }),
        { concurrency: CONCURRENCY },
      );
      const wall = Date.now() - started;
      state.close();
      if (summary.outcomes.some((o) => o.status !== 'created'))
        throw new Error('provisioning failed in the benchmark');
      out.push(resultRow(size, from, wall));
      if (size === SIZES[SIZES.length - 1]) provinceState.units = state.state.units;
    }
    out.push(
      `Apps Script allows ${PROJECTS_PER_DAY} new projects per user per day: ${SIZES.map((s) => `${s} units take ${Math.ceil(s / PROJECTS_PER_DAY)} days of runs`).join(', ')} with one account (a rerun continues).`,
      '',
      'Province roll-up (one values.batchGet per workbook)',
      line(header, widths),
    );
    // The provisioned workbooks hold no Lưu trữ yet: give each a small one, as Khởi tạo and a quarter would.
    for (const unit of provinceState.units) {
      const sheet = fake.spreadsheets.get(unit.spreadsheetId!)!;
      sheet.sheets.push({
        sheetId: 9,
        title: 'Lưu trữ',
        rowCount: 1000,
        columnCount: 26,
        values: [
          ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị'],
          [unit.code, '2026-Q1', 'TC_HV', 100],
          [unit.code, '2026-Q1', 'TC_PN18', 180],
        ],
      });
    }
    for (const size of SIZES) {
      const from = fake.log.length;
      const started = Date.now();
      const result = await provinceRollUp(
        apis,
        requests(),
        { version: 1, units: provinceState.units.slice(0, size) },
        periodSpec('2026-Q1'),
        { concurrency: CONCURRENCY },
      );
      const wall = Date.now() - started;
      if (result.answered.length !== size)
        throw new Error(`the roll-up read ${result.answered.length}/${size}`);
      out.push(resultRow(size, from, wall));
    }
    console.log(out.join('\n'));
  } finally {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
