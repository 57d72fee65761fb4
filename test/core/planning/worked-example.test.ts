/**
 * A three-workload inventory on a three-provider catalog, with every number computed by hand in
 * the comments. Effort drivers are point estimates (min = likely = max) so the Monte Carlo
 * percentiles collapse onto the hand-computed value.
 */
import { describe, expect, it } from 'vitest';
import { planMigration, PlanSchema, type Plan } from '../../../core/planning';
import { catalog, fullWorkload, POINT_EFFORT, workload } from './fixtures';

const CATALOG = catalog(
  [{ id: 'anthropic' }, { id: 'alpha' }, { id: 'beta' }],
  [
    // Today's model: $3 in / $15 out / $0.30 cached per million tokens.
    { provider: 'anthropic', model: 'claude-x', prices: { input: 3, output: 15, cached: 0.3 } },
    // Commercial alternative with vision; its tokenizer makes 20 % more tokens of the same text.
    {
      provider: 'alpha',
      model: 'a-large',
      capabilities: ['vision', 'tool_use', 'structured_output'],
      prices: { input: 1, output: 5, cached: 0.1 },
      tokenizerFactor: 1.2,
    },
    // Government region, authorized to SECRET, no vision, no cached price.
    {
      provider: 'beta',
      model: 'b-gov',
      route: 'aws_bedrock',
      region: 'us-gov-west-1',
      maxClassification: 'secret',
      capabilities: ['tool_use', 'structured_output'],
      prices: { input: 2, output: 8, cached: null },
    },
  ],
);

const INVENTORY = [
  // W1: unclassified, routine, needs vision → only alpha. 10M in (half cached), 2M out.
  fullWorkload('W1', {
    missionArea: 'logistics',
    criticality: 'routine',
    capabilities: ['vision'],
    monthlyInputTokens: 10_000_000,
    monthlyOutputTokens: 2_000_000,
    cachedInputShare: 0.5,
    promptTemplates: 4,
    toolSchemas: 0,
    evalCases: 50,
  }),
  // W2: SECRET, essential, uses tools, depends on W1 → only beta. 20M in, 5M out, cache unknown.
  fullWorkload('W2', {
    classification: 'secret',
    criticality: 'essential',
    route: 'azure',
    capabilities: ['tool_use'],
    monthlyInputTokens: 20_000_000,
    monthlyOutputTokens: 5_000_000,
    cachedInputShare: null,
    promptTemplates: 2,
    toolSchemas: 1,
    evalCases: 40,
    dependsOn: ['W1'],
  }),
  // W3: on another vendor → out of scope.
  workload('W3', { vendor: 'openai' }),
];

async function plan(): Promise<Plan> {
  return planMigration(
    {
      inventory: INVENTORY,
      catalog: CATALOG,
      scenario: {
        exitVendor: 'anthropic',
        startDate: '2027-01-04', // day 0, a Monday; weeks run Monday to Sunday
        teamHoursPerWeek: 40,
        maxHoursPerWorkloadPerWeek: 40,
        loadedLaborRate: 100,
        contractedProviders: ['beta'],
        effort: POINT_EFFORT,
        iterations: 200,
      },
    },
    { solver: null },
  );
}

describe('worked example (hand-computed)', () => {
  it('assigns each workload to the only offering that can take it', async () => {
    const p = await plan();
    expect(PlanSchema.parse(p)).toBeTruthy();
    expect(p.workloads.map((w) => [w.id, w.status, w.target?.offering ?? null])).toEqual([
      ['W1', 'planned', 'alpha/a-large@direct_api/global'],
      ['W2', 'planned', 'beta/b-gov@aws_bedrock/us-gov-west-1'],
      ['W3', 'out_of_scope', null],
    ]);
    expect(p.totals.counts).toEqual({ planned: 2, blocked: 0, outOfScope: 1 });
  });

  it('run-rate before and after', async () => {
    const p = await plan();
    const [w1, w2, w3] = p.workloads;
    // W1 before: 10M × (0.5 × $3 + 0.5 × $0.30) + 2M × $15 = 10 × 1.65 + 30 = $46.50
    expect(w1!.monthlyCostBefore).toBe(46.5);
    // W1 after (alpha, tokenizer 1.2): (10 × (0.5 × $1 + 0.5 × $0.10) + 2 × $5) × 1.2 = 15.5 × 1.2 = $18.60
    expect(w1!.monthlyCostAfter).toBe(18.6);
    // W2 before (cache unknown → 0): 20 × $3 + 5 × $15 = $135
    expect(w2!.monthlyCostBefore).toBe(135);
    // W2 after (beta, tokenizer 1.0): 20 × $2 + 5 × $8 = $80
    expect(w2!.monthlyCostAfter).toBe(80);
    expect(w3!.monthlyCostBefore).toBeNull();
    // Totals are the sums of the parts: 46.50 + 135 = 181.50; 18.60 + 80 = 98.60
    expect(p.totals.monthlyCostBefore).toBe(181.5);
    expect(p.totals.monthlyCostAfter).toBe(98.6);
  });

  it('one-time cost from the effort drivers', async () => {
    const p = await plan();
    const [w1, w2] = p.workloads;
    // W1: 4 templates × 2 h + 0 tools + 0 missing cases + 20 h integration + no route change
    //     + 7 parallel-run days × 1 h = 8 + 20 + 7 = 35 h → × $100 = $3,500
    expect(w1!.effortHours).toMatchObject({ min: 35, likely: 35, max: 35 });
    expect(w1!.oneTimeCost).toEqual({ p10: 3500, p50: 3500, p90: 3500 });
    // W2: 2 × 2 h + 1 × 4 h + (50 − 40) × 0.5 h + 20 h + route change azure → aws_bedrock 10 h
    //     + 30 days × 1 h = 4 + 4 + 5 + 20 + 10 + 30 = 73 h → $7,300
    expect(w2!.effortHours?.byDriver.eval_cases).toMatchObject({ units: 10, likely: 5 });
    expect(w2!.effortHours).toMatchObject({ likely: 73 });
    expect(w2!.oneTimeCost).toEqual({ p10: 7300, p50: 7300, p90: 7300 });
    // Shared, once: gateway 30 h + alpha contract 40 h (beta already contracted) + SECRET
    // accreditation of b-gov 60 h = 130 h → $13,000. Plan: 35 + 73 + 130 = 238 h → $23,800.
    expect(p.totals.sharedOneTimeCost).toEqual({ low: 13000, likely: 13000, high: 13000 });
    expect(p.totals.effortHours).toEqual({ p10: 238, p50: 238, p90: 238 });
    expect(p.totals.oneTimeCost).toEqual({ p10: 23800, p50: 23800, p90: 23800 });
  });

  it('dates from the capacity ledger (40 h a week)', async () => {
    const p = await plan();
    const wave0 = p.waves[0]!;
    // Wave 0, booked in order:
    //  gateway 30 h in week 0 → ends day 0 + ceil(7 × 30/40) = day 6 (Jan 10)
    //  alpha contract 40 h: 10 h in week 0, 30 h in week 1; lead 14 days → ends day 14 (Jan 18)
    //  b-gov SECRET accreditation 60 h: 10 h week 1, 40 h week 2, 10 h week 3 → starts day 7
    //  (Jan 11), ends day 21 + ceil(7 × 10/40) = day 23 (Jan 27)
    expect(wave0.tasks.map((t) => [t.key, t.start, t.end])).toEqual([
      ['gateway', '2027-01-04', '2027-01-10'],
      ['contract:alpha', '2027-01-04', '2027-01-18'],
      ['accreditation:beta/b-gov@aws_bedrock/us-gov-west-1:secret', '2027-01-11', '2027-01-27'],
    ]);
    expect(wave0.end).toBe('2027-01-27');

    const [w1, w2] = p.workloads;
    // W1 (pilot, wave 1): may start when alpha's contract is in (day 14, week 2). Week 2 is full,
    // so its 28 migration hours go into week 3 (30 h free): starts day 21 (Jan 25), finishes
    // day 21 + ceil(7 × 28/40) = day 26 (Jan 30). Parallel run 7 days (routine), oversight
    // 2 h in week 3 and 5 h in week 4 fit → cut-over day 33 (Feb 6), decommission +30 = day 63 (Mar 8).
    expect(w1!.wave).toBe(1);
    expect(w1!.dates).toEqual({
      migrateStart: '2027-01-25',
      parallelRunStart: '2027-01-30',
      cutover: '2027-02-06',
      decommission: '2027-03-08',
    });
    // W2 (wave 2): waits for the pilot's cut-over (day 33). Migration 43 h: 35 h left in week 4,
    // 8 h in week 5 → finishes day 35 + ceil(7 × 8/40) = day 37 (Feb 10). Its parallel run also
    // waits for the accreditation (day 23) and W1's cut-over (day 33): starts day 37; 30 days
    // (essential) → cut-over day 67 (Mar 12); decommission day 97 (Apr 11).
    expect(w2!.wave).toBe(2);
    expect(w2!.dates).toEqual({
      migrateStart: '2027-02-06',
      parallelRunStart: '2027-02-10',
      cutover: '2027-03-12',
      decommission: '2027-04-11',
    });
    expect(p.waves.slice(1).map((w) => [w.number, w.start, w.end, w.workloadIds])).toEqual([
      [1, '2027-01-25', '2027-02-06', ['W1']],
      [2, '2027-02-06', '2027-03-12', ['W2']],
    ]);
    // Ledger: weeks 0–4 full; week 5 = 8 h migration + 5 h oversight; weeks 6–8 7 h; week 9 4 h.
    expect(p.schedule.capacityLedger.map((l) => l.hours)).toEqual([40, 40, 40, 40, 40, 13, 7, 7, 7, 4]);
    // Completion = last cut-over; with point estimates every percentile is that day.
    expect(p.totals.completion).toEqual({ p10: '2027-03-12', p50: '2027-03-12', p90: '2027-03-12' });
    // Deadline default: start + 180 days = 2027-07-03.
    expect(p.scenario.deadline).toBe('2027-07-03');
    expect(p.totals.deadlineProbability).toBe(1);
  });
});
