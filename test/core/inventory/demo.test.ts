import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewInventory } from '../../../core/inventory/import';
import { WorkloadSchema } from '../../../core/inventory/schema';

describe('examples/demo-inventory.csv', () => {
  it('imports cleanly: about 30 workloads, human headers all matched, no errors', async () => {
    const p = await previewInventory(readFileSync(join(process.cwd(), 'examples', 'demo-inventory.csv')));
    expect(p.errors).toEqual([]);
    expect(p.fatal).toBe(false);
    expect(p.rows.length).toBeGreaterThanOrEqual(28);
    expect(p.rows.length).toBeLessThanOrEqual(32);
    // Every canonical column is present under a human-friendly header; one extra column is custom.
    expect(p.columns.filter((c) => c.target === 'custom').map((c) => c.header)).toEqual(['Contract Vehicle']);
    expect(p.headers).toContain('Workload ID');
    expect(p.headers).toContain('Monthly Input Tokens');
    for (const r of p.rows) expect(WorkloadSchema.safeParse(r.workload).success).toBe(true);
  });

  it('covers what the planner needs to be exercised', async () => {
    const p = await previewInventory(readFileSync(join(process.cwd(), 'examples', 'demo-inventory.csv')));
    const ws = p.rows.map((r) => r.workload);
    const count = <T>(xs: T[]): Map<T, number> => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());
    const areas = count(ws.map((w) => w.missionArea));
    for (const a of ['intelligence_analysis', 'modeling_simulation', 'operations_planning', 'cyber_operations'] as const) {
      expect(areas.get(a) ?? 0).toBeGreaterThanOrEqual(5);
    }
    expect((areas.get('logistics') ?? 0) + (areas.get('business_admin') ?? 0)).toBeGreaterThanOrEqual(2);
    const vendors = count(ws.map((w) => w.vendor));
    expect(vendors.get('anthropic')! / ws.length).toBeGreaterThan(0.8);
    expect((vendors.get('openai') ?? 0) + (vendors.get('google') ?? 0)).toBeGreaterThanOrEqual(2);
    expect(new Set(ws.map((w) => w.classification))).toEqual(new Set(['unclassified', 'cui', 'secret', 'top_secret']));
    expect(new Set(ws.map((w) => w.criticality))).toEqual(new Set(['routine', 'support', 'essential', 'critical']));
    expect(ws.every((w) => w.monthlyInputTokens !== null && w.monthlyInputTokens >= 1_000_000)).toBe(true);
    expect(ws.filter((w) => w.dependsOn.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(p.warnings).toEqual(['Dependency cycle: "CY-002" and "CY-003" depend on each other; they will have to move in the same wave.']);
  });
});
