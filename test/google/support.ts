/** Shared set-up of the googleapis tests: a fake Google, clients pointed at it, sample units. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auth } from 'googleapis/build/src/apis/sheets';
import type { GoogleApis } from '../../scripts/google/apis';
import { googleApis } from '../../scripts/google/apis';
import type { Bundle } from '../../scripts/google/bundleFiles';
import { readBundle } from '../../scripts/google/bundleFiles';
import type { ProvisionConfig } from '../../scripts/google/provisionConfig';
import { parseProvisionConfig } from '../../scripts/google/provisionConfig';
import type { ProvisionSummary } from '../../scripts/google/provisionRun';
import { provisionAll } from '../../scripts/google/provisionRun';
import type { Limits, RequestsOptions } from '../../scripts/google/requests';
import { Requests } from '../../scripts/google/requests';
import { StateFile } from '../../scripts/google/state';
import type { PlannedWorkbook } from '../../scripts/google/unitsCsv';
import { planWorkbooks } from '../../scripts/google/unitsCsv';
import { DIST } from '../support/product';
import type { FakeGoogle } from './fakeGoogle';

export const NO_LIMITS: Limits = {
  sheetsRead: Infinity,
  sheetsWrite: Infinity,
  drive: Infinity,
  script: Infinity,
};

/** The real googleapis client, with an offline OAuth2 token, sending everything to the fake. */
export function fakeApis(fake: FakeGoogle, token = fake.token): GoogleApis {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: token });
  return googleApis(client, { rootUrl: fake.rootUrl, timeoutMs: 10_000, fetchImplementation: fetch });
}

/**
 * Requests on a virtual clock: waits (backoff, rate limits) move the clock instead of sleeping, and
 * are recorded, so tests run at full speed and can still check the waits.
 */
export function virtualRequests(options: RequestsOptions = {}) {
  let now = 0;
  const sleeps: number[] = [];
  const requests = new Requests({
    ...options,
    limits: { ...NO_LIMITS, ...options.limits },
    clock: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    },
    retry: { random: () => 0.5, ...options.retry },
  });
  return { requests, sleeps, now: () => now };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-google-'));
}

export const CONFIG: ProvisionConfig = parseProvisionConfig(
  {
    ten_don_vi: 'Hội LHPN tỉnh Phú Thọ',
    nhiem_ky: '2025-2030',
    email_nhan: ['vanphong@phutho.hoilhpn.vn'],
    quan_tri: ['tinh@phutho.hoilhpn.vn'],
  },
  2026,
);

/** U.csv with `n` communes X001…: one officer and one admin each (3 people with the province admin). */
export function unitsCsv(n: number): string {
  const lines = ['ma,ten,cap,email_can_bo,email_quan_tri'];
  for (let i = 1; i <= n; i++) {
    const code = `X${String(i).padStart(3, '0')}`;
    lines.push(`${code},Hội LHPN xã Số ${i},xa,canbo${i}@xa${i}.hoilhpn.vn,chutich${i}@xa${i}.hoilhpn.vn`);
  }
  return `${lines.join('\n')}\n`;
}

export function plan(n: number, config = CONFIG): PlannedWorkbook[] {
  return planWorkbooks(unitsCsv(n), config, { baseDir: '.' });
}

let bundle: Bundle | undefined;
export function builtBundle(): Bundle {
  bundle ??= readBundle(DIST);
  return bundle;
}

export interface RunOptions {
  config?: ProvisionConfig;
  requests?: Requests;
  concurrency?: number;
  updateCode?: boolean;
  bundle?: Bundle;
}

/** One provisioning run, in process, as the command line does it. */
export async function provision(
  fake: FakeGoogle,
  planned: PlannedWorkbook[],
  stateFile: string,
  options: RunOptions = {},
): Promise<ProvisionSummary> {
  const state = StateFile.open(stateFile, { flush: false });
  try {
    return await provisionAll(
      {
        apis: fakeApis(fake),
        requests: options.requests ?? virtualRequests().requests,
        state,
        bundle: options.bundle ?? builtBundle(),
        config: options.config ?? CONFIG,
        updateCode: options.updateCode ?? false,
        now: () => new Date('2026-03-02T08:00:00+07:00'),
      },
      planned,
      { concurrency: options.concurrency ?? 8 },
    );
  } finally {
    state.close();
  }
}
