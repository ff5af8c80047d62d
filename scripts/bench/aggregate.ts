/**
 * Benchmark of the aggregation (src/domain/aggregate.ts): 300 units × 100 entered indicators ×
 * 20 quarters (a five-year term), generated deterministically, about 5% of the values missing.
 * Budget: under 1 s of CPU per aggregation. Run: npx tsx scripts/bench/aggregate.ts
 */
import * as fs from 'fs';
import type { DataPoint } from '../../src/domain/dataPoints';
import type { Indicator } from '../../src/domain/catalogue';
import { seededRandom } from '../lib/seededRandom';

const UNITS = 300;
const INDICATORS = 100;
const QUARTERS = 20;
const RUNS = 5;
const BUDGET_MS = 1000;

// The catalogue embeds indicators.csv as text (esbuild's loader in the build, a transform in
// jest); under tsx, load .csv files as text the same way before the domain modules are required.
require.extensions['.csv'] = (module, filename) => {
  module.exports = fs.readFileSync(filename, 'utf8');
};

async function main(): Promise<void> {
  const { defaultCatalogue, isEnteredBy, RATING_CLASSES, RATING_CODE } =
    await import('../../src/domain/catalogue');
  const { aggregate } = await import('../../src/domain/aggregate');

  // Every indicator of the default catalogue switched on, topped up with synthetic flows and stocks
  // until a district workbook enters exactly INDICATORS of them.
  const catalogue: Indicator[] = defaultCatalogue().map((i) => ({ ...i, active: true }));
  let entered = catalogue.filter((i) => isEnteredBy(i, 'huyen'));
  for (let n = 1; entered.length < INDICATORS; n++) {
    const flow = n % 2 === 1;
    const extra: Indicator = {
      code: `BENCH_${n}`,
      group: 'BENCH',
      name: `Chỉ tiêu thử ${n}`,
      unit: 'người',
      type: flow ? 'F' : 'S',
      acrossUnits: 'SUM',
      acrossTime: flow ? 'SUM' : 'LAST',
      level: 'CH→X',
      numerator: '',
      denominator: '',
      active: true,
    };
    catalogue.push(extra);
    entered = catalogue.filter((i) => isEnteredBy(i, 'huyen'));
  }
  entered = entered.slice(0, INDICATORS);

  const units = Array.from({ length: UNITS }, (_, i) => `DV${String(i + 1).padStart(3, '0')}`);
  const quarters = Array.from({ length: QUARTERS }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  const next = seededRandom(20260401);
  const points: DataPoint[] = [];
  for (const unit of units) {
    for (const period of quarters) {
      for (const indicator of entered) {
        if (next() < 0.05) continue; // missing
        const value =
          indicator.code === RATING_CODE
            ? RATING_CLASSES[Math.floor(next() * RATING_CLASSES.length)]!
            : Math.floor(next() * 1000);
        points.push({ unit, period, code: indicator.code, value });
      }
    }
  }

  console.log(
    `Data set: ${UNITS} units × ${entered.length} entered indicators × ${QUARTERS} quarters = ${points.length} points`,
  );
  let worst = 0;
  let computed = 0;
  for (let run = 1; run <= RUNS; run++) {
    const start = process.cpuUsage();
    const result = aggregate({ catalogue, level: 'huyen', units, quarters, points });
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    computed = result.indicators.length;
    worst = Math.max(worst, ms);
    console.log(`run ${run}: ${ms.toFixed(1)} ms CPU`);
  }
  console.log(`Indicators aggregated per run: ${computed} (entered and computed)`);
  const ok = worst < BUDGET_MS;
  console.log(`${ok ? 'OK' : 'OVER BUDGET'}: worst run ${worst.toFixed(1)} ms CPU, budget ${BUDGET_MS} ms`);
  if (!ok) process.exitCode = 1;
}

void main();
