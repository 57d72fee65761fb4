/**
 * Planning benchmark: 10,000 generated workloads × the default catalog with 2,000 Monte Carlo
 * iterations, then 20,000 to show growth. Targets: ≤ 5 s for 10,000; ≤ 2.3× from 10,000 to 20,000.
 *
 *   npm run bench -- plan                      (all three strategies)
 *   node bin/run-ts.js bench/plan.ts [--strategy best-fit|single-provider|diversified]
 *
 * 10,000 and 20,000 are run as three interleaved pairs so both sizes see the same background
 * load on a shared machine: times are medians (each run in brackets), the ratio is the median of
 * the pairs' ratios, and the CPU-time ratio (all threads, GC included) is printed as a second
 * opinion.
 * The team's weekly hours scale with the inventory (2.4 h a week per workload) so both sizes are
 * comparable programmes rather than one being twice as late.
 */
import { pathToFileURL } from 'node:url';
import { loadDefaultCatalog } from '../core/catalog/index';
import type { Catalog } from '../core/catalog/schema';
import type { Workload } from '../core/inventory/schema';
import { loadHighsSolver, type MipSolver, planMigration, type Strategy } from '../core/planning/index';
import { generateInventory } from './generate';

const RUNS = 3;
const TARGET_MS = 5000;
const TARGET_RATIO = 2.3;

interface Sample {
  ms: number;
  cpuMs: number;
  bytes: number;
  planned: number;
  blocked: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(inventory: Workload[], strategy: Strategy, catalog: Catalog, solver: MipSolver, withSize: boolean): Promise<Sample> {
  const n = inventory.length;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = await planMigration(
    {
      inventory,
      catalog,
      scenario: { exitVendor: 'anthropic', strategy, startDate: '2026-12-01', teamHoursPerWeek: 2.4 * n, iterations: 2000, seed: 1 },
    },
    { solver },
  );
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return {
    ms,
    cpuMs: (c.user + c.system) / 1000,
    bytes: withSize ? JSON.stringify(plan).length : 0,
    planned: plan.totals.counts.planned,
    blocked: plan.totals.counts.blocked,
  };
}

export async function run(strategies: Strategy[] = ['best-fit', 'diversified', 'single-provider']): Promise<boolean> {
  const catalog = loadDefaultCatalog({ priceDate: '2026-11-28' });
  const solver = await loadHighsSolver();
  const small = generateInventory(10_000, { seed: 7 });
  const large = generateInventory(20_000, { seed: 7 });
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`plan benchmark — ${catalog.offerings.length} offerings, 2,000 iterations, ${RUNS} interleaved pairs, node ${process.version}`);
  await measure(generateInventory(1000, { seed: 7 }), 'best-fit', catalog, solver, false); // warm-up (JIT)
  let ok = true;
  for (const strategy of strategies) {
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let r = 0; r < RUNS; r++) {
      a.push(await measure(small, strategy, catalog, solver, r === 0));
      b.push(await measure(large, strategy, catalog, solver, r === 0));
    }
    const msA = median(a.map((x) => x.ms));
    const msB = median(b.map((x) => x.ms));
    // Interleaved 10k/20k pairs see the same background load; the ratio is the median pair ratio.
    const ratio = median(a.map((x, i) => b[i]!.ms / x.ms));
    const cpuRatio = median(b.map((x) => x.cpuMs)) / median(a.map((x) => x.cpuMs));
    const met = msA <= TARGET_MS && ratio <= TARGET_RATIO;
    ok &&= met;
    const runs = (xs: Sample[]) => xs.map((x) => (x.ms / 1000).toFixed(2)).join('/');
    console.log(
      `${strategy.padEnd(16)} 10,000: ${s(msA)} [${runs(a)}] (${a[0]!.planned} planned, ${a[0]!.blocked} blocked, JSON ${(a[0]!.bytes / 1e6).toFixed(1)} MB)` +
        `   20,000: ${s(msB)} [${runs(b)}]   ratio ${ratio.toFixed(2)}× (CPU time ${cpuRatio.toFixed(2)}×)` +
        `   ${met ? 'OK' : `MISSES TARGET (≤ ${TARGET_MS / 1000} s, ≤ ${TARGET_RATIO}×)`}`,
    );
  }
  return ok;
}

// Run directly: node bin/run-ts.js bench/plan.ts [--strategy NAME]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--strategy');
  const ok = await run(i > 0 ? [process.argv[i + 1] as Strategy] : undefined);
  process.exitCode = ok ? 0 : 1;
}
