/**
 * Export benchmark: a 10,000-workload plan (generated inventory × the default catalog) to every
 * format through the export service, as `bridgehead export` does. Prints each format's time and
 * size; fails only when a format fails. The PDF needs Chromium and is reported as skipped without.
 *
 *   npm run bench -- export
 */
import { loadDefaultCatalog } from '../core/catalog/index';
import { EXPORT_FORMATS } from '../core/export/index';
import { planMigration } from '../core/planning/index';
import { findChromium } from '../main/export/pdf';
import { exportPlan } from '../main/export/service';
import { generateInventory } from './generate';

const N = 10_000;

export async function run(): Promise<boolean> {
  const catalog = loadDefaultCatalog({ priceDate: '2026-11-28' });
  const t0 = performance.now();
  const plan = await planMigration(
    {
      inventory: generateInventory(N, { seed: 7 }),
      catalog,
      scenario: { exitVendor: 'anthropic', strategy: 'best-fit', startDate: '2026-12-01', teamHoursPerWeek: 2.4 * N, iterations: 2000, seed: 1 },
    },
    { solver: null },
  );
  const c = plan.totals.counts;
  console.log(
    `export benchmark — ${N.toLocaleString('en-US')} workloads (${c.planned} planned, ${c.blocked} blocked, ${c.outOfScope} out of scope), ` +
      `${plan.waves.length} waves, ${plan.risks.length} risk entries; planned in ${((performance.now() - t0) / 1000).toFixed(1)} s; node ${process.version}`,
  );
  const context = { planId: 1, createdAt: new Date().toISOString(), catalog };
  let ok = true;
  for (const format of EXPORT_FORMATS) {
    if (format === 'pdf' && !findChromium()) {
      console.log(`${format.padEnd(8)} skipped: no Chromium (set CHROMIUM_PATH)`);
      continue;
    }
    const start = performance.now();
    try {
      const result = await exportPlan(plan, format, { context, csvBom: format === 'csv' });
      const ms = performance.now() - start;
      console.log(`${format.padEnd(8)} ${(ms / 1000).toFixed(2).padStart(6)} s   ${(result.bytes.byteLength / 1e6).toFixed(2).padStart(6)} MB   ${result.suggestedName}`);
    } catch (error) {
      ok = false;
      console.log(`${format.padEnd(8)} FAILED after ${((performance.now() - start) / 1000).toFixed(2)} s: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok;
}
