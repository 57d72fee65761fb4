import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHighsSolver, type MipSolver, planMigration, type Plan, type ScenarioInput } from '../../../core/planning';
import { greedyCapAssignment } from '../../../core/planning/assign';
import { solveCapAssignment } from '../../../core/planning/mip';
import { catalog, fullWorkload } from './fixtures';

// Scores = quality ÷ 100 exactly: the other weights are zero.
const QUALITY_ONLY = { quality: 1, cost: 0, effort: 0, risk: 0 };
const START = '2027-01-04';

/**
 * Three critical workloads (one per mission area) and three providers. Rows of scores:
 *   W0 (intelligence): A 0.6, B 0.9, C 0.5
 *   W1 (cyber):        A 1.0, B 0.9, C 0.3
 *   W2 (logistics):    A 0.8, B 1.0, C 0.2
 * Best fit: W0→B, W1→A, W2→B — B carries 2 of 3 critical workloads.
 * Cap 0.34 → at most floor(0.34 × 3) = 1 each. Optimum: W0→C, W1→A, W2→B = 0.5 + 1.0 + 1.0 = 2.5.
 * Greedy by regret: W1 (regret 0.1) … ends at 2.1 (W0→B 0.9, W1→A 1.0, W2→C 0.2).
 */
const CRAFTED = catalog(
  [{ id: 'anthropic' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
  [
    { provider: 'anthropic', model: 'claude-x' },
    { provider: 'a', model: 'm', quality: { intelligence_analysis: 60, cyber_operations: 100, logistics: 80 } },
    { provider: 'b', model: 'm', quality: { intelligence_analysis: 90, cyber_operations: 90, logistics: 100 } },
    { provider: 'c', model: 'm', quality: { intelligence_analysis: 50, cyber_operations: 30, logistics: 20 } },
  ],
);
const CRITICAL3 = [
  fullWorkload('W0', { missionArea: 'intelligence_analysis', criticality: 'critical' }),
  fullWorkload('W1', { missionArea: 'cyber_operations', criticality: 'critical' }),
  fullWorkload('W2', { missionArea: 'logistics', criticality: 'critical' }),
];

const run = (scenario: ScenarioInput, solver?: MipSolver | null) =>
  planMigration({ inventory: CRITICAL3, catalog: CRAFTED, scenario: { startDate: START, weights: QUALITY_ONLY, ...scenario } }, { solver });

const providers = (p: Plan) => p.workloads.map((w) => w.target?.provider ?? null);
const totalScore = (p: Plan) => p.workloads.reduce((a, w) => a + (w.score?.total ?? 0), 0);

describe('strategies', () => {
  it('diversified respects the cap where best-fit would not', async () => {
    const bestFit = await run({ strategy: 'best-fit', diversificationCap: 0.34 });
    expect(providers(bestFit)).toEqual(['b', 'a', 'b']);
    // Alternatives: the best offering at each other provider, best first (W0: a 0.6, c 0.5).
    expect(bestFit.workloads[0]!.alternatives).toEqual([
      { offering: 'a/m@direct_api/global', eligibility: 'ready', score: 0.6 },
      { offering: 'c/m@direct_api/global', eligibility: 'ready', score: 0.5 },
    ]);
    // The best-fit plan flags the concentration it creates.
    expect(bestFit.risks.some((r) => r.workloadId === null && r.category === 'concentration')).toBe(true);

    const solver = await loadHighsSolver();
    const div = await run({ strategy: 'diversified', diversificationCap: 0.34 }, solver);
    expect(div.assignment.method).toBe('mip');
    expect(div.assignment.cap).toMatchObject({ limit: 1, criticalCount: 3, exceeded: [] });
    expect(providers(div)).toEqual(['c', 'a', 'b']);
    expect(totalScore(div)).toBeCloseTo(2.5, 9);
    expect(div.workloads[0]!.reasons.some((r) => r.startsWith('Diversification cap: assigned to c/m@direct_api/global rather than the best fit b/m'))).toBe(true);
  });

  it('the MIP beats the greedy fallback on the crafted case', async () => {
    const rows = [
      [0.6, 0.9, 0.5],
      [1.0, 0.9, 0.3],
      [0.8, 1.0, 0.2],
    ];
    const solver = await loadHighsSolver();
    const mip = solveCapAssignment(rows, ['a', 'b', 'c'], 1, {}, solver)!;
    const greedy = greedyCapAssignment(rows, 1, [0, 0, 0]);
    const value = (picks: number[]) => picks.reduce((a, p, i) => a + rows[i]![p]!, 0);
    expect(value(mip)).toBeCloseTo(2.5, 9);
    expect(value(greedy)).toBeCloseTo(2.1, 9);

    // End to end: without a solver the plan falls back to greedy and says so.
    const fallback = await run({ strategy: 'diversified', diversificationCap: 0.34 }, null);
    expect(fallback.assignment.method).toBe('greedy');
    expect(fallback.warnings.some((w) => w.includes('assigned greedily'))).toBe(true);
    expect(totalScore(fallback)).toBeCloseTo(2.1, 9);
    // Both respect the cap.
    expect(new Set(providers(fallback)).size).toBe(3);
  });

  it('the MIP finds the optimum of small random instances (brute force), never below greedy', async () => {
    const solver = await loadHighsSolver();
    const rowsArb = fc.integer({ min: 2, max: 3 }).chain((P) =>
      fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }).map((x) => x / 100), { nil: null, freq: 5 }), { minLength: P, maxLength: P }), {
        minLength: 1,
        maxLength: 7,
      }),
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 4 }), (raw, limit) => {
        // Every row needs at least one provider.
        const rows = raw.map((r) => (r.every((x) => x === null) ? r.map((x, i) => (i === 0 ? 0.5 : x)) : r));
        const P = rows[0]!.length;
        // Brute force: the least largest excess, then the least total excess, then the best score.
        let best: [number, number, number] = [Infinity, Infinity, -Infinity];
        const better = (a: [number, number, number], b: [number, number, number]) =>
          a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] > b[2] + 1e-9)));
        const evaluate = (picks: number[]): [number, number, number] => {
          const load = new Array<number>(P).fill(0);
          picks.forEach((p) => load[p]!++);
          const excess = load.map((l) => Math.max(0, l - limit));
          return [Math.max(...excess), excess.reduce((a, b) => a + b, 0), picks.reduce((a, p, i) => a + rows[i]![p]!, 0)];
        };
        const rec = (i: number, picks: number[]) => {
          if (i === rows.length) {
            const v = evaluate(picks);
            if (better(v, best)) best = v;
            return;
          }
          rows[i]!.forEach((x, p) => {
            if (x !== null) rec(i + 1, [...picks, p]);
          });
        };
        rec(0, []);
        const mip = evaluate(solveCapAssignment(rows, Array.from({ length: P }, (_, i) => `p${i}`), limit, {}, solver)!);
        expect(mip[0]).toBe(best[0]);
        expect(mip[1]).toBe(best[1]);
        expect(mip[2]).toBeCloseTo(best[2], 6);
        const greedy = evaluate(greedyCapAssignment(rows, limit, new Array<number>(P).fill(0)));
        if (greedy[0] === mip[0] && greedy[1] === mip[1]) expect(mip[2]).toBeGreaterThanOrEqual(greedy[2] - 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('a failing solver falls back to greedy with a warning', async () => {
    const broken: MipSolver = {
      solve() {
        throw new Error('wasm trap');
      },
    };
    const p = await run({ strategy: 'diversified', diversificationCap: 0.34 }, broken);
    expect(p.assignment.method).toBe('greedy');
    expect(p.warnings).toContain('The MIP solver failed (wasm trap); critical workloads were assigned greedily instead.');
  });

  it('an unattainable cap is exceeded as little as possible and reported', async () => {
    // Only provider a can take SECRET work: both critical SECRET workloads must go there.
    const cat = catalog(
      [{ id: 'anthropic' }, { id: 'a' }, { id: 'b' }],
      [
        { provider: 'a', model: 'gov', maxClassification: 'secret' },
        { provider: 'b', model: 'com' },
      ],
    );
    const inventory = [
      fullWorkload('S1', { classification: 'secret', criticality: 'critical' }),
      fullWorkload('S2', { classification: 'secret', criticality: 'critical' }),
      fullWorkload('U1', { criticality: 'critical' }),
      fullWorkload('U2', { criticality: 'critical' }),
    ];
    const solver = await loadHighsSolver();
    const p = await planMigration({ inventory, catalog: cat, scenario: { startDate: START, strategy: 'diversified', diversificationCap: 0.5 } }, { solver });
    // Limit 2 of 4: a takes S1 and S2, so U1 and U2 must go to b.
    expect(providers(p)).toEqual(['a', 'a', 'b', 'b']);
    expect(p.assignment.cap?.exceeded).toEqual([]);
    const tight = await planMigration({ inventory, catalog: cat, scenario: { startDate: START, strategy: 'diversified', diversificationCap: 0.25 } }, { solver });
    // Limit 1 of 4: a must still take both SECRET workloads (one over); the excess is spread, not
    // piled on a: b takes U1 and U2 (one over) rather than a taking three (two over).
    expect(tight.assignment.cap?.exceeded).toEqual(['a', 'b']);
    expect(providers(tight)).toEqual(['a', 'a', 'b', 'b']);
    expect(tight.warnings.some((w) => w.startsWith('The diversification cap (25 % = 1 of 4 critical workloads per provider) cannot be met'))).toBe(true);
  });

  it('single-provider picks the best provider overall and blocks what it cannot take', async () => {
    const make = (betaQuality: number) =>
      catalog(
        [{ id: 'anthropic' }, { id: 'alpha' }, { id: 'beta' }],
        [
          { provider: 'alpha', model: 'com', quality: 90 },
          { provider: 'beta', model: 'gov', maxClassification: 'secret', quality: betaQuality },
        ],
      );
    const inventory = [fullWorkload('U1'), fullWorkload('U2'), fullWorkload('U3'), fullWorkload('S1', { classification: 'secret' })];
    const scenario = { startDate: START, strategy: 'single-provider' as const, weights: QUALITY_ONLY };
    // beta: 4 × 0.7 = 2.8 beats alpha: 3 × 0.9 = 2.7 → everything on beta.
    const a = await planMigration({ inventory, catalog: make(70), scenario }, { solver: null });
    expect(a.assignment.chosenProvider).toBe('beta');
    expect(providers(a)).toEqual(['beta', 'beta', 'beta', 'beta']);
    expect(a.assignment.providerEvaluations).toEqual([
      { provider: 'beta', covered: 4, blocked: 0, totalScore: 2.8 },
      { provider: 'alpha', covered: 3, blocked: 1, totalScore: 2.7 },
    ]);
    // beta: 4 × 0.6 = 2.4 < 2.7 → alpha, and S1 is blocked, saying why and where it could go.
    const b = await planMigration({ inventory, catalog: make(60), scenario }, { solver: null });
    expect(b.assignment.chosenProvider).toBe('alpha');
    const s1 = b.workloads[3]!;
    expect(s1.status).toBe('blocked');
    expect(s1.reasons[0]).toBe('alpha (the single provider chosen) has no eligible offering for it; eligible elsewhere: beta.');
    expect(s1.reasons[1]).toBe('Not authorized for the classification (SECRET): 1 of 1 candidate offerings (authorized up to UNCLASSIFIED: 1).');
    expect(s1.reasonCodes).toEqual(['single_provider', 'classification']);
  });

  it('pinned targets survive every strategy; an ineligible pin is ignored with a warning', async () => {
    for (const strategy of ['best-fit', 'single-provider', 'diversified'] as const) {
      const p = await run(
        {
          strategy,
          overrides: [
            { workloadId: 'W0', pinOffering: 'c/m@direct_api/global' },
            { workloadId: 'W1', pinOffering: 'anthropic/claude-x@direct_api/global' },
          ],
        },
        null,
      );
      expect(p.workloads[0]!.target?.offering).toBe('c/m@direct_api/global');
      expect(p.workloads[0]!.reasons).toContain('Target pinned by override to c/m@direct_api/global.');
      expect(p.warnings).toContain('Override for W1: anthropic/claude-x@direct_api/global belongs to the exited vendor; ignored.');
    }
  });
});
