/**
 * Planning benchmark: 10,000 generated workloads × the default catalog with 2,000 Monte Carlo
 * iterations, then 20,000 to show growth. Targets: ≤ 5 s for 10,000; ≤ 2.3× from 10,000 to 20,000.
 *
 *   node bin/run-ts.js bench/plan.ts [--strategy best-fit|single-provider|diversified]
 *
 * Each figure is the median of three runs (printed in brackets), wall clock; CPU time (all threads,
 * GC included) is printed too because it is less disturbed by other processes on the machine. The team's weekly hours scale with the inventory (2.4 h a week per workload) so both sizes are
 * comparable programmes rather than one being twice as late.
 */
import { loadDefaultCatalog } from '../core/catalog/index';
import { loadHighsSolver, planMigration, type Strategy } from '../core/planning/index';
import { generateInventory } from './generate';

const argStrategy = process.argv.indexOf('--strategy');
const strategies: Strategy[] =
  argStrategy > 0 ? [process.argv[argStrategy + 1] as Strategy] : ['best-fit', 'diversified', 'single-provider'];

const catalog = loadDefaultCatalog({ priceDate: '2026-11-28' });
const solver = await loadHighsSolver();

const RUNS = 3;

/** Median of RUNS timed plans (the heap of a 20,000-workload plan makes single runs GC-noisy). */
async function run(n: number, strategy: Strategy): Promise<{ ms: number; cpuMs: number; all: number[]; bytes: number; planned: number; blocked: number }> {
  const inventory = generateInventory(n, { seed: 7 });
  const all: number[] = [];
  const cpu: number[] = [];
  let summary = { bytes: 0, planned: 0, blocked: 0 };
  for (let r = 0; r < RUNS; r++) {
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
    all.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (r === 0) summary = { bytes: JSON.stringify(plan).length, planned: plan.totals.counts.planned, blocked: plan.totals.counts.blocked };
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { ms: median(all), cpuMs: median(cpu), all, ...summary };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`plan benchmark — ${catalog.offerings.length} offerings, 2,000 iterations, node ${process.version}`);
await run(1000, 'best-fit'); // warm-up (JIT)
let failed = false;
for (const strategy of strategies) {
  const a = await run(10_000, strategy);
  const b = await run(20_000, strategy);
  const ratio = b.ms / a.ms;
  const ok = a.ms <= 5000 && ratio <= 2.3;
  if (!ok) failed = true;
  const runs = (x: { all: number[] }) => x.all.map((ms) => (ms / 1000).toFixed(2)).join('/');
  console.log(
    `${strategy.padEnd(16)} 10,000: ${fmt(a.ms)} [${runs(a)}] cpu ${fmt(a.cpuMs)} (${a.planned} planned, ${a.blocked} blocked, JSON ${(a.bytes / 1e6).toFixed(1)} MB)` +
      `   20,000: ${fmt(b.ms)} [${runs(b)}] cpu ${fmt(b.cpuMs)}   ratio ${ratio.toFixed(2)}× (cpu ${(b.cpuMs / a.cpuMs).toFixed(2)}×)   ${ok ? 'OK' : 'MISSES TARGET (≤ 5 s, ≤ 2.3×)'}`,
  );
}
if (failed) process.exitCode = 1;
