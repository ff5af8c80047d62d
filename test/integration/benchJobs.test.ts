/**
 * `npm run bench:jobs` (scripts/bench/jobs.ts) on a small district: every job measured, written as the
 * README describes, and the reading jobs at their minimum whatever the number of units.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobFigure } from '../../scripts/bench/jobs';
import { benchJobs } from '../../scripts/bench/jobs';
import { DIST } from '../support/product';

describe('bench:jobs', () => {
  it('writes every job for each size, and the reading jobs cost what they cost for one unit', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jobs-')), 'jobs.json');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await benchJobs(['--sizes', '3', '--dist', DIST, '--out', out]);
    } finally {
      log.mockRestore();
    }
    const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as JobFigure[];
    expect(figures.map((f) => f.job)).toEqual([
      'setUpWorkbook (first run)',
      'setUpWorkbook (re-run)',
      'importCsv',
      'submission tick',
      'rollUp',
      'checkData',
      'remindLateUnits',
      'createReport',
      'sendQuarterSummary',
      'installSchedules',
      'startNewYear',
    ]);
    for (const f of figures) {
      expect(Object.keys(f)).toEqual(['job', 'units', 'calls', 'min_calls', 'modelled_s']);
      expect(f.units).toBe(3);
      expect(f.modelled_s).toBeGreaterThan(0);
      expect(f.modelled_s).toBeLessThan(360);
    }
    const byJob = Object.fromEntries(figures.map((f) => [f.job, f]));
    // One read of every unit tab: the same calls for three units as for one.
    for (const job of ['rollUp', 'checkData']) expect(byJob[job]!.calls).toBe(byJob[job]!.min_calls);
    // The report's tables are styled in one Docs API batch: no call per unit row.
    for (const job of ['createReport', 'sendQuarterSummary'])
      expect(byJob[job]!.calls).toBeLessThanOrEqual(byJob[job]!.min_calls + 2);
  }, 300_000);
});
