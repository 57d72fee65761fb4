/**
 * Deterministic generator of large, realistic inventories for the speed and large-file tests
 * (and the import benchmark). A fixed LCG instead of Math.random so every run sees the same file.
 */
import { CANONICAL_COLUMNS } from '../../../core/inventory/schema';

const MISSIONS = ['Intelligence Analysis', 'modeling_simulation', 'Ops Planning', 'Cyber Ops', 'logistics', 'business_admin'];
const VENDORS = ['anthropic', 'anthropic', 'anthropic', 'openai', 'google'];
const CLASSES = ['U', 'CUI', 'SECRET', 'TS/SCI'];
const CRITS = ['routine', 'Mission Support', 'Mission Essential', 'Mission Critical'];
const CAPS = ['tool_use', 'vision', 'structured_output', 'long_context', 'code', 'reasoning'];

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A CSV of `rows` workloads in canonical columns with a realistic mix of values (some quoted, some multi-line). */
export function generateInventoryCsv(rows: number, seed = 42): string {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lines: string[] = [CANONICAL_COLUMNS.join(',')];
  for (let i = 1; i <= rows; i++) {
    const id = `WL-${String(i).padStart(6, '0')}`;
    const deps = i > 3 && rnd() < 0.3 ? `WL-${String(Math.floor(rnd() * (i - 1)) + 1).padStart(6, '0')}` : '';
    const note = rnd() < 0.05 ? '"Migrated from legacy, ""phase 2""\nsee ticket"' : rnd() < 0.5 ? 'Nightly batch summarisation' : '';
    lines.push(
      [
        id,
        `"Workload ${i}, analytic assistant"`,
        pick(MISSIONS),
        pick(VENDORS),
        'claude-sonnet-4',
        pick(['direct_api', 'AWS Bedrock', 'partner_platform']),
        'Enclave A',
        pick(CLASSES),
        pick(CRITS),
        String(Math.floor(rnd() * 100000)),
        `${(rnd() * 50).toFixed(1)}M`,
        `"${Math.floor(rnd() * 9000 + 1000).toLocaleString('en-US')},000"`,
        `${Math.floor(rnd() * 60)}%`,
        `${pick(CAPS)};${pick(CAPS)}`,
        '200k',
        String(Math.floor(rnd() * 20)),
        String(Math.floor(rnd() * 8)),
        String(Math.floor(rnd() * 400)),
        pick(['yes', 'no', '']),
        pick(['foreign_intelligence', 'cyber_defense;training', 'logistics', '']),
        deps,
        'J2 Analytics Office',
        note,
        String(Math.floor(rnd() * 72)),
        String(Math.floor(rnd() * 5000)),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
