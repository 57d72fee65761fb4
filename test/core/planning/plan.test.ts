import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MITIGATIONS, PlanInputError, planMigration, PlanSchema, riskLevel } from '../../../core/planning';
import { catalog, fullWorkload, workload } from './fixtures';

const CAT = catalog(
  [{ id: 'anthropic' }, { id: 'alpha' }],
  [
    { provider: 'anthropic', model: 'claude-x' },
    { provider: 'alpha', model: 'a' },
  ],
);
const INVENTORY = [
  fullWorkload('W1', { owner: 'Col. A' }),
  fullWorkload('W2', { criticality: 'critical', owner: 'Maj. B', dependsOn: ['W1'] }),
  workload('W3'), // everything unknown but the required columns
];
const input = { inventory: INVENTORY, catalog: CAT, scenario: { startDate: '2027-01-04', iterations: 500 } };

describe('planMigration', () => {
  it('reports progress in order up to 100, and can be cancelled', async () => {
    const seen: [number, string][] = [];
    await planMigration(input, { solver: null, onProgress: (done, total, label) => seen.push([(100 * done) / total, label]) });
    expect(seen[0]![0]).toBe(0);
    expect(seen[seen.length - 1]).toEqual([100, 'done']);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(new Set(seen.map((s) => s[1]))).toEqual(new Set(['scenario', 'eligibility', 'scoring', 'assignment', 'effort', 'risk', 'schedule', 'simulation', 'assemble', 'done']));

    const before = new AbortController();
    before.abort(new Error('user cancelled'));
    await expect(planMigration(input, { solver: null, signal: before.signal })).rejects.toThrow('user cancelled');

    const during = new AbortController();
    await expect(
      planMigration(input, {
        solver: null,
        signal: during.signal,
        onProgress: (_d, _t, label) => {
          if (label === 'schedule') during.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('the plan matches its schema, which converts to JSON Schema for the exports', async () => {
    const plan = await planMigration(input, { solver: null });
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    const json = z.toJSONSchema(PlanSchema) as { properties: Record<string, unknown>; required: string[] };
    expect(json.required).toEqual(expect.arrayContaining(['schemaVersion', 'scenario', 'catalog', 'workloads', 'waves', 'totals', 'risks', 'warnings']));
    expect(Object.keys(plan).slice(0, 8)).toEqual(['schemaVersion', 'scenario', 'catalog', 'workloads', 'waves', 'totals', 'risks', 'warnings']);
    expect(plan.catalog).toEqual({ source: 'test catalog', asOf: '2026-11-01' });
  });

  it('risk register: 5×5 scores, owner from the workload, mitigation per category, ordered by score', async () => {
    const plan = await planMigration(input, { solver: null });
    expect(plan.risks.length).toBeGreaterThan(0);
    plan.risks.forEach((r, i) => {
      expect(r.id).toBe(`R-${String(i + 1).padStart(4, '0')}`);
      expect(r.score).toBe(r.likelihood * r.consequence);
      expect(r.level).toBe(riskLevel(r.score));
      expect(r.level).not.toBe('low');
      expect(r.mitigation).toBe(MITIGATIONS[r.category]);
      expect(r.drivers.length).toBeGreaterThan(0);
      const owner = INVENTORY.find((w) => w.id === r.workloadId)?.owner ?? null;
      expect(r.owner).toBe(owner);
      if (i > 0) expect(r.score).toBeLessThanOrEqual(plan.risks[i - 1]!.score);
    });
    // W3 knows almost nothing: data quality is a named driver of its register entry.
    const w3 = plan.risks.find((r) => r.workloadId === 'W3' && r.category === 'data_quality')!;
    expect(w3.drivers[0]).toBe('unknown: classification, criticality, token volumes, model, prompt templates, owner');
    expect(w3).toMatchObject({ likelihood: 5, consequence: 3 }); // essential (assumed) 4, capped at 3
    // Each workload's risk is its highest category.
    const w2 = plan.workloads[1]!;
    expect(w2.risk.score).toBe(Math.max(...plan.risks.filter((r) => r.workloadId === 'W2').map((r) => r.score), w2.risk.score));
  });

  it('risk levels follow the matrix bands', () => {
    expect([1, 4, 6, 8, 10, 12, 15, 20, 25].map(riskLevel)).toEqual(['low', 'low', 'low', 'moderate', 'moderate', 'moderate', 'high', 'high', 'high']);
  });

  it('confidence drops with every unknown the plan had to assume', async () => {
    const plan = await planMigration(input, { solver: null });
    const [w1, , w3] = plan.workloads;
    expect(w3!.confidence.score).toBeLessThan(w1!.confidence.score);
    expect(w3!.confidence.drivers).toEqual(
      expect.arrayContaining(['classification assumed', 'criticality assumed', 'token volumes estimated', 'current model not matched in the catalog']),
    );
    expect(w3!.runRate?.volumeKnown).toBe(false);
    expect(plan.totals.confidence.score).toBeCloseTo((w1!.confidence.score + plan.workloads[1]!.confidence.score + w3!.confidence.score) / 3, 2);
  });

  it('rejects duplicate workload ids', async () => {
    await expect(planMigration({ ...input, inventory: [workload('A'), workload('A')] }, { solver: null })).rejects.toBeInstanceOf(PlanInputError);
  });
});
