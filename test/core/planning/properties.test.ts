/**
 * Properties of every plan over generated inventories, catalogs and scenarios. The checks are
 * written against the inputs (catalog facts, workload fields), not against the engine's own
 * intermediate results, so they can catch the engine being wrong, not only inconsistent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/schema';
import {
  CAPABILITIES,
  type Capability,
  CLASSIFICATIONS,
  type Classification,
  classificationRank,
  CRITICALITIES,
  MISSION_AREAS,
  ROUTES,
} from '../../../core/common/enums';
import type { Workload } from '../../../core/inventory/schema';
import { planMigration, PlanSchema, type Plan, type ScenarioInput } from '../../../core/planning';
import { parseDay } from '../../../core/planning/dates';
import { catalog, type OfferingSpec, type ProviderSpec, workload } from './fixtures';

const OTHER_PROVIDERS = ['alpha', 'beta', 'gamma', 'delta'] as const;
const TAGS = ['foreign_intelligence', 'weapons_targeting', 'cyber_offense', 'logistics'] as const;
const CAPS: Capability[] = ['tool_use', 'vision', 'structured_output', 'long_context', 'reasoning'];

/** `arb` with probability p, else `otherwise`. (fc.option's `freq` gives nil the probability 1/freq.) */
const sometimes = <T, U>(p: number, arb: fc.Arbitrary<T>, otherwise: U): fc.Arbitrary<T | U> =>
  fc.oneof({ arbitrary: arb, weight: Math.round(p * 100) }, { arbitrary: fc.constant(otherwise), weight: Math.round((1 - p) * 100) });

const offeringSpec = (provider: string, i: number): fc.Arbitrary<OfferingSpec> =>
  fc.record({
    provider: fc.constant(provider),
    model: fc.constant(`m${i}`),
    route: fc.constantFrom(...ROUTES),
    region: fc.constantFrom('global', 'us-gov-west-1'),
    maxClassification: fc.constantFrom(...CLASSIFICATIONS),
    pendingLeadDays: sometimes(0.3, fc.option(fc.integer({ min: 10, max: 400 }), { nil: null, freq: 4 }), undefined),
    capabilities: fc.subarray(CAPS),
    contextWindow: fc.option(fc.constantFrom(32_000, 128_000, 200_000, 1_000_000), { nil: null, freq: 6 }),
    prices: fc.option(
      fc.record({
        input: fc.double({ min: 0.05, max: 20, noNaN: true }),
        output: fc.double({ min: 0.1, max: 60, noNaN: true }),
        cached: fc.option(fc.double({ min: 0.01, max: 2, noNaN: true }), { nil: null }),
      }),
      { nil: { input: null, output: null, cached: null }, freq: 5 },
    ),
    quality: fc.option(fc.integer({ min: 30, max: 100 }), { nil: null }),
    tokenizerFactor: fc.double({ min: 0.8, max: 1.4, noNaN: true }),
    deprecationDate: sometimes(0.15, fc.constantFrom('2027-02-01', '2028-06-01'), null),
  });

const providerSpec = (id: string): fc.Arbitrary<ProviderSpec> =>
  fc.record({
    id: fc.constant(id),
    prohibits: fc.array(
      fc.record({
        tag: fc.constantFrom(...TAGS),
        condition: fc.constantFrom('always' as const, 'unless_human_in_loop' as const),
        exception: fc.option(fc.constant('national-security exception'), { nil: null, freq: 2 }),
      }),
      { maxLength: 2 },
    ).map((list) => list.filter((p, i) => list.findIndex((q) => q.tag === p.tag) === i)),
  });

const catalogArb: fc.Arbitrary<Catalog> = fc
  .subarray([...OTHER_PROVIDERS], { minLength: 1 })
  .chain((others) =>
    fc.tuple(
      fc.tuple(...['anthropic', ...others].map(providerSpec)),
      fc.tuple(...['anthropic', ...others].map((p) => fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => offeringSpec(p, i)))))),
    ),
  )
  .map(([providers, offerings]) => catalog(providers, offerings.flat()));

const inventoryArb: fc.Arbitrary<Workload[]> = fc.integer({ min: 1, max: 30 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `W${i + 1}`);
  return fc.tuple(
    ...ids.map((id) =>
      fc
        .record({
          missionArea: fc.constantFrom(...MISSION_AREAS),
          vendor: fc.constantFrom('anthropic', 'anthropic', 'anthropic', 'anthropic', 'alpha'),
          model: fc.option(fc.constantFrom('m0', 'm1', 'unknown-model'), { nil: null }),
          route: fc.option(fc.constantFrom(...ROUTES), { nil: null }),
          classification: fc.option(fc.constantFrom(...CLASSIFICATIONS), { nil: null, freq: 5 }),
          criticality: fc.option(fc.constantFrom(...CRITICALITIES), { nil: null, freq: 5 }),
          monthlyInputTokens: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null, freq: 4 }),
          monthlyOutputTokens: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null, freq: 4 }),
          monthlyRequests: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
          cachedInputShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
          capabilities: fc.subarray(CAPS, { maxLength: 2 }),
          minContextTokens: sometimes(0.3, fc.constantFrom(16_000, 150_000, 500_000), null),
          promptTemplates: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 4 }),
          toolSchemas: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 4 }),
          evalCases: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null, freq: 4 }),
          humanInLoop: fc.option(fc.boolean(), { nil: null }),
          useTags: fc.subarray([...TAGS], { maxLength: 2 }),
          dependsOn: fc.subarray(ids, { maxLength: Math.min(2, ids.length) }),
          owner: fc.option(fc.constant('owner'), { nil: null }),
          maxDowntimeHours: fc.option(fc.constantFrom(1, 8), { nil: null }),
          latencySloMs: fc.option(fc.constantFrom(500, 5000), { nil: null }),
        })
        .map((f) => workload(id, f)),
    ),
  );
});

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  exitVendor: fc.constant('anthropic'),
  strategy: fc.constantFrom('best-fit' as const, 'single-provider' as const, 'diversified' as const),
  startDate: fc.constant('2027-01-04'),
  teamHoursPerWeek: fc.integer({ min: 20, max: 400 }),
  maxHoursPerWorkloadPerWeek: fc.integer({ min: 8, max: 60 }),
  maxConcurrentCriticalCutovers: fc.integer({ min: 1, max: 3 }),
  pilotWaveSize: fc.integer({ min: 0, max: 5 }),
  maxWaveSize: fc.integer({ min: 1, max: 10 }),
  diversificationCap: fc.constantFrom(0.34, 0.5, 1),
  contractedProviders: fc.subarray([...OTHER_PROVIDERS]),
  blackouts: fc.array(
    fc.integer({ min: 0, max: 200 }).chain((s) =>
      fc.integer({ min: 0, max: 20 }).map((len) => ({
        start: isoPlus('2027-01-04', s),
        end: isoPlus('2027-01-04', s + len),
        reason: 'change freeze',
      })),
    ),
    { maxLength: 2 },
  ),
  iterations: fc.constant(100),
  seed: fc.integer({ min: 0, max: 1000 }),
});

/** Inventory, catalog and a scenario whose overrides name the inventory's workloads and offerings. */
const caseArb = fc.tuple(inventoryArb, catalogArb).chain(([inventory, cat]) =>
  fc
    .tuple(
      scenarioArb,
      fc.array(
        fc.record({
          workloadId: fc.constantFrom(...inventory.map((w) => w.id)),
          pinOffering: fc.option(fc.constantFrom(...cat.offerings.map((o) => o.id)), { nil: undefined, freq: 3 }),
          wave: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined, freq: 2 }),
          exclude: sometimes(0.15, fc.constant(true), undefined),
        }),
        { maxLength: 4 },
      ),
    )
    .map(([scenario, overrides]) => {
      // One override per workload (the scenario's list is keyed by workload).
      const unique = overrides.filter((o, i) => overrides.findIndex((x) => x.workloadId === o.workloadId) === i);
      const clean = unique.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as typeof o);
      return { inventory, cat, scenario: { ...scenario, overrides: clean } as ScenarioInput };
    }),
);

function isoPlus(iso: string, days: number): string {
  return new Date(parseDay(iso) * 86_400_000 + days * 86_400_000).toISOString().slice(0, 10);
}

// ---- Independent re-statements of the rules, from the inputs

function effectiveClassification(w: Workload, inventory: readonly Workload[]): Classification {
  if (w.classification) return w.classification;
  const rank = (list: readonly Workload[]) =>
    Math.max(-1, ...list.filter((x) => x.classification).map((x) => classificationRank(x.classification!)));
  const inArea = rank(inventory.filter((x) => x.missionArea === w.missionArea));
  if (inArea >= 0) return CLASSIFICATIONS[inArea]!;
  const all = rank(inventory);
  return all >= 0 ? CLASSIFICATIONS[all]! : 'top_secret';
}

function checkPlan(plan: Plan, inventory: Workload[], cat: Catalog, scenario: ScenarioInput): void {
  expect(() => PlanSchema.parse(plan)).not.toThrow();

  // Every workload exactly once, in inventory order.
  expect(plan.workloads.map((w) => w.id)).toEqual(inventory.map((w) => w.id));
  const counts = plan.totals.counts;
  expect(counts.planned + counts.blocked + counts.outOfScope).toBe(inventory.length);
  const excluded = new Set((scenario.overrides ?? []).filter((o) => o.exclude).map((o) => o.workloadId));
  expect(counts.outOfScope).toBe(inventory.filter((w) => w.vendor !== 'anthropic' || excluded.has(w.id)).length);
  // Overrides survive: a wave override is a floor, a pin is kept unless the plan says why not.
  for (const o of scenario.overrides ?? []) {
    const pw = plan.workloads.find((w) => w.id === o.workloadId)!;
    if (o.exclude) expect(pw.status).toBe('out_of_scope');
    if (pw.status !== 'planned') continue;
    if (o.wave !== undefined) expect(pw.wave!).toBeGreaterThanOrEqual(o.wave);
    if (o.pinOffering && pw.target!.offering !== o.pinOffering) {
      expect(plan.warnings.some((x) => x.startsWith(`Override for ${o.workloadId}: pinned offering`) || x.includes(`${o.pinOffering} belongs to the exited vendor`))).toBe(true);
    }
  }

  const byId = new Map(inventory.map((w) => [w.id, w]));
  const offerings = new Map(cat.offerings.map((o) => [o.id, o]));
  const providers = new Map(cat.providers.map((p) => [p.id, p]));
  const wave0 = plan.waves.find((w) => w.number === 0);
  const taskKeys = new Set(wave0?.tasks.map((t) => t.key) ?? []);
  const deadline = plan.scenario.deadline;
  const planWaves = new Map(plan.workloads.map((w) => [w.id, w]));

  for (const pw of plan.workloads) {
    const w = byId.get(pw.id)!;
    if (pw.status !== 'planned') {
      expect(pw.target).toBeNull();
      expect(pw.wave).toBeNull();
      if (pw.status === 'blocked') expect(pw.reasons.length).toBeGreaterThan(0);
      continue;
    }
    const o = offerings.get(pw.target!.offering)!;
    expect(o).toBeDefined();
    expect(o.provider).not.toBe('anthropic');
    const level = effectiveClassification(w, inventory);
    const auth = o.authorization.value;
    // Classification: authorized at the level, or pending with its authorization planned in wave 0.
    expect(classificationRank(auth.maxClassification)).toBeGreaterThanOrEqual(classificationRank(level));
    if (auth.status === 'pending' && level !== 'unclassified') {
      expect(pw.eligibility).toBe('conditional');
      expect(taskKeys.has(`authorization:${o.id}`)).toBe(true);
      expect(parseDay(plan.scenario.startDate) + auth.leadTimeDays!).toBeLessThanOrEqual(parseDay(deadline));
    }
    if (level !== 'unclassified') expect(taskKeys.has(`accreditation:${o.id}:${level}`)).toBe(true);
    // Capabilities and context window.
    // A capability the catalog records for no offering is an unknown: allowed, but only as conditional.
    const recorded = new Set(cat.offerings.flatMap((x) => x.capabilities.value));
    for (const c of w.capabilities) {
      if (recorded.has(c)) expect(o.capabilities.value).toContain(c);
      else expect(pw.eligibility).toBe('conditional');
    }
    if (w.minContextTokens) {
      expect(o.contextWindow.value).not.toBeNull();
      expect(o.contextWindow.value!).toBeGreaterThanOrEqual(w.minContextTokens);
    }
    // Provider policy: a conflict only with a documented exception (conditional, confirmed in wave 0).
    for (const rule of providers.get(o.provider)!.prohibitedUseTags) {
      const hits = rule.appliesToTags.some((t) => w.useTags.includes(t));
      const conflict = hits && (rule.condition === 'always' || w.humanInLoop !== true);
      if (!conflict) continue;
      expect(rule.exception).not.toBeNull();
      expect(pw.eligibility).toBe('conditional');
      expect(taskKeys.has(`policy:${o.provider}:${rule.tag}`)).toBe(true);
    }
    // Not deprecated by the deadline.
    if (o.deprecationDate.value) expect(o.deprecationDate.value > deadline).toBe(true);

    // Dates in order; the parallel run lasts exactly its days; cut-over outside blackouts.
    const d = pw.dates;
    expect(d.migrateStart! <= d.parallelRunStart!).toBe(true);
    expect(d.parallelRunStart! <= d.cutover!).toBe(true);
    expect(d.cutover! <= d.decommission!).toBe(true);
    expect(d.migrateStart! >= plan.scenario.startDate).toBe(true);
    const days = plan.scenario.parallelRunDays[w.criticality ?? 'essential'];
    expect(parseDay(d.cutover!) - parseDay(d.parallelRunStart!)).toBe(days);
    for (const b of plan.scenario.blackouts) expect(d.cutover! >= b.start && d.cutover! <= b.end).toBe(false);

    // Dependencies: in the same or an earlier wave, and cut over before the dependent's parallel run.
    for (const depId of w.dependsOn) {
      const dep = planWaves.get(depId);
      if (!dep || dep.status !== 'planned' || depId === w.id) continue;
      expect(dep.wave!).toBeLessThanOrEqual(pw.wave!);
      if (!reaches(depId, w.id, byId, planWaves)) expect(dep.dates.cutover! <= d.parallelRunStart!).toBe(true);
      else {
        // A cycle: same wave, same cut-over.
        expect(dep.wave).toBe(pw.wave);
        expect(dep.dates.cutover).toBe(d.cutover);
      }
    }
    expect(pw.oneTimeCost.p10).toBeLessThanOrEqual(pw.oneTimeCost.p50);
    expect(pw.oneTimeCost.p50).toBeLessThanOrEqual(pw.oneTimeCost.p90);
  }

  // Weekly capacity never exceeded, and every likely hour is booked somewhere.
  const cap = plan.scenario.teamHoursPerWeek;
  for (const l of plan.schedule.capacityLedger) expect(l.hours).toBeLessThanOrEqual(cap + 1e-6);
  const booked = plan.schedule.capacityLedger.reduce((a, l) => a + l.hours, 0);
  const likely =
    plan.workloads.reduce((a, w) => a + (w.effortHours?.likely ?? 0), 0) +
    (wave0?.tasks.reduce((a, t) => a + t.hours.likely, 0) ?? 0);
  const oversightDidNotFit = plan.warnings.some((x) => x.includes('can never fit'));
  if (!oversightDidNotFit) expect(booked).toBeCloseTo(likely, 0);

  // Critical cut-overs per planning week within the cap (cycles larger than the cap are warned about).
  if (!plan.warnings.some((x) => x.includes('must cut over together'))) {
    const perWeek = new Map<number, number>();
    for (const pw of plan.workloads) {
      if (pw.status !== 'planned' || byId.get(pw.id)!.criticality !== 'critical') continue;
      const wk = Math.floor((parseDay(pw.dates.cutover!) - parseDay(plan.scenario.startDate)) / 7);
      perWeek.set(wk, (perWeek.get(wk) ?? 0) + 1);
    }
    for (const n of perWeek.values()) expect(n).toBeLessThanOrEqual(plan.scenario.maxConcurrentCriticalCutovers);
  }

  // Percentiles ordered.
  const t = plan.totals;
  expect(t.oneTimeCost.p10).toBeLessThanOrEqual(t.oneTimeCost.p50);
  expect(t.oneTimeCost.p50).toBeLessThanOrEqual(t.oneTimeCost.p90);
  expect(t.completion.p10 <= t.completion.p50 && t.completion.p50 <= t.completion.p90).toBe(true);
  expect(t.deadlineProbability).toBeGreaterThanOrEqual(0);
  expect(t.deadlineProbability).toBeLessThanOrEqual(1);

  // Run-rate totals are the sums of the parts (in cents, exactly).
  const sumCents = (f: (w: Plan['workloads'][number]) => number | null) =>
    plan.workloads.reduce((a, w) => a + Math.round((f(w) ?? 0) * 100), 0);
  expect(Math.round(t.monthlyCostBefore * 100)).toBe(sumCents((w) => w.monthlyCostBefore));
  expect(Math.round(t.monthlyCostAfter * 100)).toBe(sumCents((w) => w.monthlyCostAfter));
  expect(Math.round(t.monthlyCostBeforePlanned * 100)).toBe(sumCents((w) => (w.status === 'planned' ? w.monthlyCostBefore : null)));

  // Risk ratings are on the 5×5 matrix.
  for (const pw of plan.workloads) expect(pw.risk.score).toBe(pw.risk.likelihood * pw.risk.consequence);
}

/** Does `from` (transitively) depend on `to`, through planned workloads? */
function reaches(from: string, to: string, byId: Map<string, Workload>, plan: Map<string, Plan['workloads'][number]>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const d of byId.get(id)?.dependsOn ?? []) if (plan.get(d)?.status === 'planned') stack.push(d);
  }
  return false;
}

describe('plan properties', () => {
  it('holds for generated inventories, catalogs and scenarios', async () => {
    // What the generated cases covered: the properties must have been exercised, not skipped.
    const seen = { planned: 0, blocked: 0, conditionalAuth: 0, policyException: 0, cycles: 0, dependencies: 0, criticalPlanned: 0, multiWeek: 0, waveOverrides: 0, pins: 0, excluded: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ inventory, cat, scenario }) => {
        const plan = await planMigration({ inventory, catalog: cat, scenario }, { solver: null });
        checkPlan(plan, inventory, cat, scenario);
        const planned = plan.workloads.filter((w) => w.status === 'planned');
        seen.planned += planned.length;
        seen.blocked += plan.totals.counts.blocked;
        seen.conditionalAuth += planned.filter((w) => w.reasonCodes.includes('authorization_pending')).length;
        seen.policyException += planned.filter((w) => w.reasonCodes.includes('policy_exception')).length;
        const ids = new Set(planned.map((w) => w.id));
        const byId = new Map(inventory.map((w) => [w.id, w]));
        const planMap = new Map(plan.workloads.map((w) => [w.id, w]));
        seen.cycles += inventory.some((w) => ids.has(w.id) && w.dependsOn.some((d) => d !== w.id && ids.has(d) && reaches(d, w.id, byId, planMap))) ? 1 : 0;
        seen.waveOverrides += (scenario.overrides ?? []).some((o) => o.wave !== undefined && ids.has(o.workloadId)) ? 1 : 0;
        seen.pins += planned.some((w) => w.reasons.some((r) => r.startsWith('Target pinned'))) ? 1 : 0;
        seen.excluded += plan.workloads.some((w) => w.reasonCodes.includes('excluded')) ? 1 : 0;
        seen.dependencies += inventory.filter((w) => ids.has(w.id) && w.dependsOn.some((d) => d !== w.id && ids.has(d))).length;
        seen.criticalPlanned += planned.filter((w) => w.criticality === 'critical').length;
        seen.multiWeek += plan.schedule.capacityLedger.filter((l) => l.hours >= plan.scenario.teamHoursPerWeek - 1e-6).length > 1 ? 1 : 0;
      }),
      { numRuns: 150 },
    );
    for (const [what, n] of Object.entries(seen)) expect(n, `generated cases never had ${what}`).toBeGreaterThan(0);
  });

  it('is reproducible: same inputs and seed give byte-identical JSON; another seed changes the simulation only', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ inventory, cat, scenario }) => {
        const a = await planMigration({ inventory, catalog: cat, scenario }, { solver: null });
        const b = await planMigration(
          { inventory: structuredClone(inventory), catalog: structuredClone(cat), scenario: structuredClone(scenario) },
          { solver: null },
        );
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const c = await planMigration({ inventory, catalog: cat, scenario: { ...scenario, seed: (scenario.seed ?? 0) + 1 } }, { solver: null });
        expect(c.workloads.map((w) => [w.id, w.target, w.dates])).toEqual(a.workloads.map((w) => [w.id, w.target, w.dates]));
      }),
      { numRuns: 40 },
    );
  });

  it('capabilities the generator covers are real catalog vocabulary', () => {
    for (const c of CAPS) expect(CAPABILITIES).toContain(c);
  });
});
