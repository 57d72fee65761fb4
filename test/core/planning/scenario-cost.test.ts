import { describe, expect, it } from 'vitest';
import { planMigration, resolveScenario, ScenarioError } from '../../../core/planning';
import { estimateVolumes } from '../../../core/planning/cost';
import { prepareInventory } from '../../../core/planning/inventory';
import { catalog, fullWorkload, workload } from './fixtures';

const CAT = catalog(
  [{ id: 'anthropic' }, { id: 'alpha' }, { id: 'beta' }],
  [
    { provider: 'anthropic', model: 'claude-x', prices: { input: 3, output: 15, cached: 0.3 } },
    { provider: 'anthropic', model: 'claude-big', prices: { input: 15, output: 75, cached: 1.5 }, quality: 90 },
    { provider: 'anthropic', model: 'claude-gov', route: 'partner_platform', region: 'enclave', prices: { input: null, output: null, cached: null } },
    { provider: 'anthropic', model: 'claude-gov', route: 'aws_bedrock', region: 'us-east-1', prices: { input: 4, output: 20, cached: 0.4 } },
    { provider: 'alpha', model: 'a', prices: { input: 1, output: 5, cached: null }, tokenizerFactor: 1.1 },
    { provider: 'beta', model: 'selfhosted', route: 'self_hosted', region: 'enclave', maxClassification: 'top_secret', prices: { input: null, output: null, cached: null } },
  ],
);

describe('scenario defaults', () => {
  it('every parameter has a default, resolved from the catalog and the caller’s date', () => {
    const { scenario, warnings } = resolveScenario({}, { catalog: CAT, today: '2027-01-04' });
    expect(warnings).toEqual([]);
    expect(scenario).toMatchObject({
      name: 'Exit anthropic (best-fit)',
      exitVendor: 'anthropic', // the catalog's tokenizer baseline
      candidateProviders: ['alpha', 'beta'],
      startDate: '2027-01-04',
      deadline: '2027-07-03', // + 180 days
      strategy: 'best-fit',
      contractedProviders: [],
      diversificationCap: 0.5,
      teamHoursPerWeek: 160,
      maxHoursPerWorkloadPerWeek: 40,
      parallelRunDays: { routine: 7, support: 14, essential: 30, critical: 45 },
      rollbackWindowDays: 30,
      blackouts: [],
      loadedLaborRate: 175,
      weights: { quality: 0.4, cost: 0.25, effort: 0.15, risk: 0.2 },
      maxConcurrentCriticalCutovers: 2,
      pilotWaveSize: 5,
      maxWaveSize: 100,
      iterations: 2000,
      seed: 1,
      overrides: [],
    });
    expect(scenario.effort.promptTemplateHours).toEqual({ min: 2, likely: 4, max: 8 });
    expect(scenario.effort.evalCaseThreshold).toBe(50);
    // Partial nested input keeps the other defaults.
    const partial = resolveScenario({ weights: { quality: 1 }, parallelRunDays: { critical: 60 } }, { catalog: CAT, today: '2027-01-04' }).scenario;
    expect(partial.weights).toEqual({ quality: 1, cost: 0.25, effort: 0.15, risk: 0.2 });
    expect(partial.parallelRunDays).toEqual({ routine: 7, support: 14, essential: 30, critical: 60 });
  });

  it('without a date the plan starts on the catalog price date (never the clock), and says so', () => {
    const { scenario, warnings } = resolveScenario({}, { catalog: CAT });
    expect(scenario.startDate).toBe('2026-11-01');
    expect(warnings[0]).toContain("catalog's price date");
  });

  it('rejects contradictions with readable issues', () => {
    const bad = (input: object, today = '2027-01-04') => {
      try {
        resolveScenario(input, { catalog: CAT, today });
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).issues;
      }
      throw new Error('expected a ScenarioError');
    };
    expect(bad({ effort: { toolSchemaHours: { min: 5, likely: 2, max: 9 } } })[0]).toContain('min ≤ likely ≤ max');
    expect(bad({ candidateProviders: ['anthropic', 'alpha'] })[0]).toContain('is the vendor being exited');
    expect(bad({ startDate: '2027-05-01', deadline: '2027-04-01' })[0]).toContain('is not after the start');
    expect(bad({}, '01/04/2027')[0]).toContain('today');
    expect(bad({ strategy: 'cheapest' })[0]).toContain('strategy');
  });

  it('the plan echoes the resolved scenario', async () => {
    const p = await planMigration({ inventory: [], catalog: CAT, scenario: { seed: 7 }, today: '2027-01-04' }, { solver: null });
    expect(p.scenario).toEqual(resolveScenario({ seed: 7 }, { catalog: CAT, today: '2027-01-04' }).scenario);
    expect(p.totals.counts).toEqual({ planned: 0, blocked: 0, outOfScope: 0 });
    expect(p.totals.completion.p50).toBe('2027-01-04');
  });
});

describe('run-rate', () => {
  const scenario = resolveScenario({}, { catalog: CAT, today: '2027-01-04' }).scenario;

  it('unknown volumes become a range by a stated rule', () => {
    const inv = prepareInventory(
      [
        // Three logistics workloads with stated volumes: inputs 1M, 2M, 3M; outputs 0.1M, 0.4M, 0.9M.
        workload('k1', { missionArea: 'logistics', monthlyInputTokens: 1e6, monthlyOutputTokens: 1e5 }),
        workload('k2', { missionArea: 'logistics', monthlyInputTokens: 2e6, monthlyOutputTokens: 4e5 }),
        workload('k3', { missionArea: 'logistics', monthlyInputTokens: 3e6, monthlyOutputTokens: 9e5 }),
        workload('u-area', { missionArea: 'logistics' }),
        workload('u-requests', { missionArea: 'logistics', monthlyRequests: 1000 }),
        workload('u-output', { missionArea: 'logistics', monthlyInputTokens: 10e6 }),
        workload('u-other', { missionArea: 'other' }),
      ],
      scenario,
    );
    const v = estimateVolumes(inv.workloads, scenario);
    expect(v[0]).toMatchObject({ known: true, basis: 'stated' });
    // P10/P50/P90 (nearest rank) of 3 values = the 1st, 2nd and 3rd.
    expect(v[3]).toMatchObject({ known: false, input: { low: 1e6, likely: 2e6, high: 3e6 }, output: { low: 1e5, likely: 4e5, high: 9e5 } });
    // 1,000 requests × 500 / 2,000 / 8,000 input tokens.
    expect(v[4]!.input).toEqual({ low: 5e5, likely: 2e6, high: 8e6 });
    // Output/input ratios 0.1, 0.2, 0.3 → 10M × each.
    expect(v[5]!.output.low).toBeCloseTo(1e6);
    expect(v[5]!.output.likely).toBeCloseTo(2e6);
    expect(v[5]!.output.high).toBeCloseTo(3e6);
    // No 'other' workload states volumes: the inventory's (the same three) are used.
    expect(v[6]!.basis).toContain('the inventory');
  });

  it('matches the current model (dated ids, other route for the price, else the flagship) and flags it', async () => {
    const p = await planMigration(
      {
        inventory: [
          fullWorkload('dated', { model: 'claude-x-20250101' }),
          fullWorkload('enclave', { model: 'claude-gov', route: 'partner_platform' }),
          fullWorkload('unknown', { model: null }),
        ],
        catalog: CAT,
        scenario: { candidateProviders: ['alpha'] },
        today: '2027-01-04',
      },
      { solver: null },
    );
    const [dated, enclave, unknown] = p.workloads;
    expect(dated!.runRate).toMatchObject({ currentOffering: 'anthropic/claude-x@direct_api/global', pricedAt: 'anthropic/claude-x@direct_api/global' });
    expect(enclave!.runRate).toMatchObject({
      currentOffering: 'anthropic/claude-gov@partner_platform/enclave',
      pricedAt: 'anthropic/claude-gov@aws_bedrock/us-east-1',
    });
    expect(enclave!.reasons).toContain(
      'Current cost priced at anthropic/claude-gov@aws_bedrock/us-east-1: the catalog states no price for anthropic/claude-gov@partner_platform/enclave.',
    );
    // Flagship: highest rated, then most expensive, on the workload's route when possible.
    expect(unknown!.runRate?.pricedAt).toBe('anthropic/claude-big@direct_api/global');
    expect(unknown!.confidence.drivers).toContain('current model not matched in the catalog');
    expect(p.warnings).toContain('1 workload(s) name no model the catalog prices for anthropic: their current run-rate uses the flagship anthropic/claude-big@direct_api/global.');
    // 1M in, 0.2M out on claude-big: 1 × 15 + 0.2 × 75 = $30.
    expect(unknown!.monthlyCostBefore).toBe(30);
  });

  it('tokenizer factor, contract prices, and unpriced targets', async () => {
    const inventory = [fullWorkload('W')]; // 1M in, 0.2M out, no cache
    const base = await planMigration({ inventory, catalog: CAT, scenario: { candidateProviders: ['alpha'] }, today: '2027-01-04' }, { solver: null });
    // (1 × $1 + 0.2 × $5) × 1.1 = $2.20
    expect(base.workloads[0]!.monthlyCostAfter).toBe(2.2);
    const contracted = await planMigration(
      {
        inventory,
        catalog: CAT,
        scenario: { candidateProviders: ['alpha'] },
        today: '2027-01-04',
        contracts: [{ offeringId: 'alpha/a@direct_api/global', inputPerMTok: 0.5, outputPerMTok: null, cachedInputPerMTok: null, reference: 'TO-1', setAt: '2026-12-01' }],
      },
      { solver: null },
    );
    // (1 × $0.50 + 0.2 × $5) × 1.1 = $1.65 (the output price stays the list price)
    expect(contracted.workloads[0]!.monthlyCostAfter).toBe(1.65);

    const unpriced = await planMigration(
      { inventory: [fullWorkload('T', { classification: 'top_secret' })], catalog: CAT, scenario: {}, today: '2027-01-04' },
      { solver: null },
    );
    const t = unpriced.workloads[0]!;
    expect(t.target?.offering).toBe('beta/selfhosted@self_hosted/enclave');
    expect(t.monthlyCostAfter).toBeNull();
    expect(unpriced.totals.monthlyCostAfter).toBe(0);
    expect(unpriced.totals.unpriced.after).toBe(1);
    expect(unpriced.warnings.some((w) => w.includes('without a catalog price'))).toBe(true);
  });
});
