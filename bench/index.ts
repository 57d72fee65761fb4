/**
 * `npm run bench -- NAME…` runs the named benchmarks (all when none is named). Performance
 * targets live here, not in timed unit tests: each benchmark prints its figures and whether it met
 * its target, and the process exits 1 when one missed.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'generate.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of requested.length ? requested : available) {
  console.log(`\n=== bench ${name} ===`);
  const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run?: () => Promise<boolean> };
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts must export run(): Promise<boolean>`);
  const ok = await mod.run();
  if (!ok) failed = true;
}
process.exit(failed ? 1 : 0);
