/**
 * The plan slice against a fake API: what it sends (scenario, overrides, task id), how it follows
 * progress and cancel, how overrides re-run the plan's own scenario; and the plan model's reads.
 */
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient, type ProgressEvent } from '../../core/api';
import type { PlanListItem, StoredScenarioInfo } from '../../core/api/plans';
import type { PlanSummary } from '../../core/analysis/plan-summary';
import type { Plan } from '../../core/planning/plan-schema';
import type { Override, ScenarioInput } from '../../core/planning/scenario';
import { createAppStore } from '../../renderer/src/store';
import { compareRows, defaultPlanForm, mergeOverride, readRunRate, scenarioFromForm } from '../../renderer/src/store/plan-model';

// ---------------------------------------------------------------------------------------------
// Minimal plans: only the fields the slice and the model read.

function summary(over: Partial<PlanSummary> = {}): PlanSummary {
  return {
    scenarioName: 'Baseline',
    exitVendor: 'anthropic',
    strategy: 'best-fit',
    startDate: '2026-12-01',
    deadline: '2027-05-30',
    oneTimeCost: { p10: 100, p50: 200, p90: 300 },
    monthlyCostBefore: 1000,
    monthlyCostAfter: 400,
    monthlyCostBeforePlanned: 800,
    unpriced: { before: 0, after: 0 },
    completion: { p10: '2027-04-01', p50: '2027-05-01', p90: '2027-06-01' },
    deadlineProbability: 0.6,
    counts: { planned: 2, blocked: 1, outOfScope: 0 },
    highRisk: 1,
    maxRiskScore: 16,
    meanRiskScore: 10,
    waves: 3,
    confidence: 'medium',
    ...over,
  };
}

interface WorkloadBits {
  id: string;
  status: 'planned' | 'blocked' | 'out_of_scope';
  before: number | null;
  after: number | null;
}

function plan(name: string, workloads: WorkloadBits[], totals: { after: number; unpricedAfter: number; beforePlanned: number }): Plan {
  return {
    scenario: { name, exitVendor: 'anthropic', startDate: '2026-12-01', deadline: '2027-05-30', strategy: 'best-fit', teamHoursPerWeek: 160, iterations: 200, seed: 3, overrides: [] },
    workloads: workloads.map((w) => ({ id: w.id, name: w.id, status: w.status, monthlyCostBefore: w.before, monthlyCostAfter: w.after, alternatives: [], wave: 1 })),
    waves: [],
    totals: {
      monthlyCostBefore: 1000,
      monthlyCostBeforePlanned: totals.beforePlanned,
      monthlyCostAfter: totals.after,
      unpriced: { before: 0, after: totals.unpricedAfter },
      confidence: { level: 'medium', score: 0.7 },
    },
    assignment: { chosenProvider: null },
  } as unknown as Plan;
}

const item = (id: number, over: Partial<PlanSummary> = {}, scenarioName = 'Baseline'): PlanListItem => ({
  id,
  scenarioName,
  createdAt: `2026-11-28T10:0${id}:00.000Z`,
  summary: summary({ scenarioName, ...over }),
});

// ---------------------------------------------------------------------------------------------
// A fake API with controllable plan.run

function fakeApi(options: { scenarios?: StoredScenarioInfo[] } = {}) {
  let plans: PlanListItem[] = [];
  let scenarios: StoredScenarioInfo[] = options.scenarios ?? [];
  const full = new Map<number, Plan>();
  let nextId = 1;
  let pending: { resolve: (v: PlanListItem) => void; reject: (e: unknown) => void; request: { scenario: ScenarioInput; taskId?: string } } | null = null;

  const api = {
    'catalog.get': vi.fn(async () => ({ catalog: { providers: [{ id: 'anthropic', name: 'Anthropic' }, { id: 'openai', name: 'OpenAI' }], meta: { tokenizerBaseline: 'anthropic' } } })),
    'inventory.facets': vi.fn(async () => ({ vendor: [{ value: 'anthropic', count: 3 }] })),
    'plan.list': vi.fn(async () => plans),
    'scenario.list': vi.fn(async () => scenarios),
    'plan.get': vi.fn(async ({ id }: { id: number | 'latest' }) => {
      const found = plans.find((p) => p.id === id);
      if (!found) throw new ApiError('not_found', `no plan ${id}`);
      return { ...found, plan: full.get(found.id)! };
    }),
    'plan.run': vi.fn(
      (request: { scenario: ScenarioInput; taskId?: string }) =>
        new Promise<PlanListItem>((resolve, reject) => {
          pending = { resolve, reject, request };
        }),
    ),
    'plan.cancel': vi.fn(async () => ({ cancelled: true })),
    'plan.delete': vi.fn(async ({ id }: { id: number }) => {
      plans = plans.filter((p) => p.id !== id);
      return { deleted: true };
    }),
    'scenario.setOverride': vi.fn(async (req: { scenario: string; override: Override; clear?: boolean }) => {
      const stored = scenarios.find((s) => s.name === req.scenario)!;
      const others = (stored.input.overrides ?? []).filter((o) => o.workloadId !== req.override.workloadId);
      const next = { ...stored, input: { ...stored.input, overrides: req.clear ? others : [...others, req.override] } };
      scenarios = [...scenarios.filter((s) => s.name !== req.scenario), next];
      return next;
    }),
  };

  return {
    client: api as unknown as ApiClient,
    api,
    /** Finishes the pending run as the server would: saves the plan and the scenario. */
    finishRun(p: Plan) {
      const run = pending!;
      pending = null;
      const id = nextId++;
      const name = run.request.scenario.name!;
      const saved = item(id, {}, name);
      plans = [saved, ...plans];
      full.set(id, p);
      scenarios = [...scenarios.filter((s) => s.name !== name), { name, input: run.request.scenario, updatedAt: saved.createdAt }];
      run.resolve(saved);
    },
    failRun(error: unknown) {
      const run = pending!;
      pending = null;
      run.reject(error);
    },
    get pendingRequest() {
      return pending?.request ?? null;
    },
    removePlan(id: number) {
      plans = plans.filter((p) => p.id !== id);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const progress = (taskId: string, done: number, finished = false): ProgressEvent => ({ type: 'progress', taskId, label: `step ${done}`, done, total: 100, finished });

async function storeWith(fake: ReturnType<typeof fakeApi>) {
  const store = createAppStore({ api: fake.client, fileRef: async () => ({ kind: 'path', path: '/x' }), desktop: null, download: () => {} });
  await store.getState().loadPlanning();
  return store;
}

describe('plan slice', () => {
  it('runs the form scenario with the saved overrides of that name, follows only its own progress, then shows the plan', async () => {
    const kept: Override = { workloadId: 'W-9', exclude: true };
    const fake = fakeApi({ scenarios: [{ name: 'Baseline', input: { name: 'Baseline', overrides: [kept] }, updatedAt: 'x' }] });
    const store = await storeWith(fake);
    store.getState().setPlanForm({ startDate: '2026-12-01', deadline: '2027-05-30', iterations: '200', seed: '3' });

    const done = store.getState().runPlan();
    await settle();
    const sent = fake.pendingRequest!;
    expect(sent.scenario).toMatchObject({ name: 'Baseline', exitVendor: 'anthropic', strategy: 'best-fit', startDate: '2026-12-01', deadline: '2027-05-30', iterations: 200, seed: 3, teamHoursPerWeek: 160 });
    expect(sent.scenario.overrides).toEqual([kept]);
    expect(sent.taskId).toMatch(/^plan:/);
    expect(store.getState().planRun?.taskId).toBe(sent.taskId);

    store.getState().onPlanProgress(progress('plan:someone-else', 90));
    store.getState().onPlanProgress(progress('import:x', 80));
    expect(store.getState().planRun?.done).toBe(0);
    store.getState().onPlanProgress(progress(sent.taskId!, 40));
    expect(store.getState().planRun).toMatchObject({ done: 40, total: 100, label: 'step 40' });

    fake.finishRun(plan('Baseline', [{ id: 'W-1', status: 'planned', before: 10, after: 5 }], { after: 5, unpricedAfter: 0, beforePlanned: 10 }));
    await done;
    expect(store.getState().planRun).toBeNull();
    expect(store.getState().selectedPlan?.id).toBe(1);
    expect(store.getState().plans.map((p) => p.id)).toEqual([1]);
  });

  it('does not send an invalid form', async () => {
    const fake = fakeApi();
    const store = await storeWith(fake);
    store.getState().setPlanForm({ iterations: '5', teamHoursPerWeek: '' });
    await store.getState().runPlan();
    expect(fake.api['plan.run']).not.toHaveBeenCalled();
    expect(store.getState().planFormErrors.iterations).toMatch(/100/);
    expect(store.getState().planFormErrors.teamHoursPerWeek).toMatch(/number/);
  });

  it('cancels its own task and says nothing was saved', async () => {
    const fake = fakeApi();
    const store = await storeWith(fake);
    const done = store.getState().runPlan();
    await settle();
    const taskId = fake.pendingRequest!.taskId!;
    await store.getState().cancelPlan();
    expect(fake.api['plan.cancel']).toHaveBeenCalledWith({ taskId });
    expect(store.getState().planRun?.cancelling).toBe(true);
    fake.failRun(new ApiError('cancelled', 'The plan was cancelled.'));
    await done;
    expect(store.getState().planRun).toBeNull();
    expect(store.getState().planError).toBeNull();
    expect(store.getState().planNotice).toMatch(/cancelled/);
  });

  it('an override is merged with the saved one and re-runs the plan’s own scenario with every override', async () => {
    const fake = fakeApi();
    const store = await storeWith(fake);
    const first = store.getState().runPlan();
    await settle();
    fake.finishRun(plan('Baseline', [{ id: 'W-1', status: 'planned', before: 10, after: 5 }], { after: 5, unpricedAfter: 0, beforePlanned: 10 }));
    await first;

    const pinned = store.getState().setWorkloadOverride('W-1', { pinOffering: 'openai/gpt-4o@azure/usgovvirginia' });
    await settle();
    expect(fake.pendingRequest!.scenario).toMatchObject({ name: 'Baseline', seed: 3, iterations: 200, startDate: '2026-12-01' });
    expect(fake.pendingRequest!.scenario.overrides).toEqual([{ workloadId: 'W-1', pinOffering: 'openai/gpt-4o@azure/usgovvirginia' }]);
    expect(store.getState().planRun?.reason).toEqual({ kind: 'override', workloadId: 'W-1' });
    fake.finishRun(plan('Baseline', [{ id: 'W-1', status: 'planned', before: 10, after: 6 }], { after: 6, unpricedAfter: 0, beforePlanned: 10 }));
    await pinned;
    expect(store.getState().selectedPlan?.id).toBe(2);

    const moved = store.getState().setWorkloadOverride('W-1', { wave: 3 });
    await settle();
    expect(fake.api['scenario.setOverride']).toHaveBeenLastCalledWith({
      scenario: 'Baseline',
      override: { workloadId: 'W-1', pinOffering: 'openai/gpt-4o@azure/usgovvirginia', wave: 3 },
    });
    fake.finishRun(plan('Baseline', [], { after: 0, unpricedAfter: 0, beforePlanned: 0 }));
    await moved;

    const cleared = store.getState().setWorkloadOverride('W-1', 'clear');
    await settle();
    expect(fake.api['scenario.setOverride']).toHaveBeenLastCalledWith({ scenario: 'Baseline', override: { workloadId: 'W-1' }, clear: true });
    expect(fake.pendingRequest!.scenario.overrides).toEqual([]);
    fake.finishRun(plan('Baseline', [], { after: 0, unpricedAfter: 0, beforePlanned: 0 }));
    await cleared;
  });

  it('refreshing after a plan was deleted elsewhere selects the newest one', async () => {
    const fake = fakeApi();
    const store = await storeWith(fake);
    for (let i = 0; i < 2; i++) {
      const run = store.getState().runPlan();
      await settle();
      fake.finishRun(plan('Baseline', [], { after: 0, unpricedAfter: 0, beforePlanned: 0 }));
      await run;
    }
    await store.getState().selectPlan(1);
    fake.removePlan(1);
    await store.getState().refreshPlans();
    expect(store.getState().selectedPlan?.id).toBe(2);
  });
});

describe('plan model', () => {
  it('scenarioFromForm keeps what the form shows and leaves the rest to the engine', () => {
    const form = { ...defaultPlanForm('anthropic', '2026-12-01'), strategy: 'diversified' as const, capPercent: '40', candidateProviders: ['openai', 'anthropic'] };
    const checked = scenarioFromForm(form);
    expect(checked.errors).toBeNull();
    expect(checked.input).toEqual({
      name: 'Baseline',
      exitVendor: 'anthropic',
      strategy: 'diversified',
      diversificationCap: 0.4,
      candidateProviders: ['openai'],
      startDate: '2026-12-01',
      deadline: '2027-05-30',
      teamHoursPerWeek: 160,
      iterations: 2000,
      seed: 1,
    });
    expect(scenarioFromForm({ ...form, deadline: '2026-11-30' }).errors).toEqual({ deadline: 'The deadline must be after the start' });
    expect(scenarioFromForm({ ...form, capPercent: '0' }).errors?.capPercent).toMatch(/above 0/);
  });

  it('mergeOverride: pinning or moving brings an excluded workload back; excluding keeps the rest', () => {
    expect(mergeOverride({ workloadId: 'A', exclude: true, wave: 2 }, 'A', { pinOffering: 'x/y@direct_api/global' })).toEqual({ workloadId: 'A', wave: 2, pinOffering: 'x/y@direct_api/global' });
    expect(mergeOverride({ workloadId: 'A', pinOffering: 'x/y@direct_api/global' }, 'A', { exclude: true })).toEqual({ workloadId: 'A', pinOffering: 'x/y@direct_api/global', exclude: true });
    expect(mergeOverride(undefined, 'A', { wave: 4 })).toEqual({ workloadId: 'A', wave: 4 });
  });

  it('readRunRate: the after total is unknown while any target is unpriced; like for like uses the priced pairs', () => {
    const p = plan(
      'B',
      [
        { id: 'A', status: 'planned', before: 100, after: 40 },
        { id: 'B', status: 'planned', before: 300, after: null },
        { id: 'C', status: 'blocked', before: 50, after: null },
      ],
      { after: 40, unpricedAfter: 1, beforePlanned: 400 },
    );
    expect(readRunRate(p)).toMatchObject({ beforePlanned: 400, after: null, afterPriced: 40, unpricedAfter: 1, planned: 2, likeForLike: { count: 1, before: 100, after: 40 } });
    const priced = plan('B', [{ id: 'A', status: 'planned', before: 100, after: 40 }], { after: 40, unpricedAfter: 0, beforePlanned: 100 });
    expect(readRunRate(priced).after).toBe(40);
  });

  it('compareRows marks the best per row, none on ties, and never an unknown value', () => {
    const a = { item: item(1, { oneTimeCost: { p10: 1, p50: 50, p90: 90 }, completion: { p10: '2027-01-01', p50: '2027-03-01', p90: '2027-04-01' }, deadlineProbability: 0.4, confidence: 'high' }), plan: plan('A', [], { after: 10, unpricedAfter: 0, beforePlanned: 20 }) };
    const b = { item: item(2, { oneTimeCost: { p10: 1, p50: 70, p90: 80 }, completion: { p10: '2027-01-01', p50: '2027-02-01', p90: '2027-05-01' }, deadlineProbability: 0.7, confidence: 'low' }), plan: plan('B', [], { after: 5, unpricedAfter: 2, beforePlanned: 20 }) };
    const rows = new Map(compareRows([a, b]).map((r) => [r.key, r]));
    expect(rows.get('cost-p10')!.best).toEqual([false, false]);
    expect(rows.get('cost-p50')!.best).toEqual([true, false]);
    expect(rows.get('cost-p90')!.best).toEqual([false, true]);
    expect(rows.get('completion-p50')!.best).toEqual([false, true]);
    expect(rows.get('deadline-probability')!.best).toEqual([false, true]);
    expect(rows.get('confidence')!.best).toEqual([true, false]);
    // B's after is unknown (2 unpriced): shown as unknown, and A is not "best" against an unknown.
    expect(rows.get('after')!.cells[1]!.value).toBeNull();
    expect(rows.get('after')!.best).toEqual([false, false]);
    expect(rows.get('strategy')!.best).toEqual([false, false]);

    // Nothing planned: no completion date or deadline probability, rather than a date or 0 %.
    const empty = { item: item(3, { counts: { planned: 0, blocked: 3, outOfScope: 0 }, deadlineProbability: 0 }), plan: null };
    const withEmpty = new Map(compareRows([a, empty]).map((r) => [r.key, r]));
    expect(withEmpty.get('completion-p50')!.cells[1]!.value).toBeNull();
    expect(withEmpty.get('deadline-probability')!.cells[1]!.value).toBeNull();
    expect(withEmpty.get('mean-risk')!.cells[1]!.value).toBeNull();
    expect(withEmpty.get('deadline-probability')!.best).toEqual([false, false]);
  });
});
