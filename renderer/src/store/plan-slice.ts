/**
 * The Plan and Compare views' state: the scenario form, a run (followed by its progress events,
 * cancellable), the saved plans, the selected plan loaded whole, per-workload overrides (each one
 * saved with the scenario, then the scenario re-run), and the plans chosen for comparison.
 */
import type { StateCreator } from 'zustand';
import { ApiError } from '../../../core/api/errors';
import type { ProgressEvent } from '../../../core/api/events';
import type { PlanListItem, StoredScenarioInfo } from '../../../core/api/plans';
import type { Plan } from '../../../core/planning/plan-schema';
import type { Override, ScenarioInput } from '../../../core/planning/scenario';
import {
  defaultPlanForm,
  formFromScenario,
  localToday,
  mergeOverride,
  scenarioFromForm,
  type OverrideChange,
  type PlanForm,
  type PlanFormErrors,
} from './plan-model';
import type { AppState, StoreDeps } from './types';

export interface PlanChoices {
  /** Catalog providers, for the exit vendor and the candidates. */
  providers: { id: string; name: string }[];
  /** Vendors in the inventory with their workload counts. */
  vendors: { id: string; count: number }[];
  /** The engine's default exit vendor (the catalog's tokenizer baseline). */
  defaultExit: string;
}

export interface PlanRunState {
  taskId: string;
  scenarioName: string;
  label: string;
  done: number;
  total: number | null;
  cancelling: boolean;
  /** Why it runs: the form, or an override on this workload. */
  reason: { kind: 'form' } | { kind: 'override'; workloadId: string };
}

export type SelectedPlan = PlanListItem & { plan: Plan };

export interface PlanSlice {
  planForm: PlanForm | null;
  planFormErrors: PlanFormErrors;
  planChoices: PlanChoices | null;
  plans: PlanListItem[];
  plansLoaded: boolean;
  scenarios: StoredScenarioInfo[];
  selectedPlanId: number | null;
  selectedPlan: SelectedPlan | null;
  planLoading: boolean;
  planRun: PlanRunState | null;
  planError: string | null;
  planNotice: string | null;
  compareIds: number[];
  /** Whole plans for the comparison, by id. */
  comparePlans: Record<number, Plan>;
  compareError: string | null;

  loadPlanning(): Promise<void>;
  refreshPlans(): Promise<void>;
  setPlanForm(patch: Partial<PlanForm>): void;
  resetPlanForm(): void;
  /** Fills the form with the selected plan's scenario. */
  editSelectedScenario(): void;
  runPlan(): Promise<void>;
  cancelPlan(): Promise<void>;
  onPlanProgress(event: ProgressEvent): void;
  selectPlan(id: number | null): Promise<void>;
  deletePlan(id: number): Promise<void>;
  /** Saves an override with the selected plan's scenario, then re-runs that scenario. */
  setWorkloadOverride(workloadId: string, change: OverrideChange): Promise<void>;
  /** The saved override of a workload in a scenario, if any. */
  overrideFor(scenarioName: string, workloadId: string): Override | undefined;
  setCompareIds(ids: number[]): Promise<void>;
  toggleCompare(id: number): Promise<void>;
  loadCompare(): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const isCancelled = (error: unknown): boolean => error instanceof ApiError && error.code === 'cancelled';

function newTaskId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return `plan:${uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}`;
}

/** Newest plan of each scenario, newest first, at most four. */
function defaultCompare(plans: PlanListItem[]): number[] {
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const p of plans) {
    if (seen.has(p.scenarioName)) continue;
    seen.add(p.scenarioName);
    ids.push(p.id);
    if (ids.length === 4) break;
  }
  return ids;
}

export const createPlanSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], PlanSlice> =>
  (set, get) => {
    const api = deps.api;
    /** Bumps on each selection so a late answer for an older one is dropped. */
    let selection = 0;
    /** Until the user picks plans to compare, the comparison follows the newest of each scenario. */
    let compareChosen = false;

    async function loadChoices(): Promise<void> {
      const [catalog, facets] = await Promise.all([api['catalog.get']({}), api['inventory.facets']({})]);
      const choices: PlanChoices = {
        providers: catalog.catalog.providers.map((p) => ({ id: p.id, name: p.name })),
        vendors: facets.vendor.filter((v) => v.value !== null).map((v) => ({ id: v.value!, count: v.count })),
        defaultExit: catalog.catalog.meta.tokenizerBaseline,
      };
      set((s) => ({ planChoices: choices, planForm: s.planForm ?? defaultPlanForm(choices.defaultExit, localToday()) }));
    }

    async function listAll(): Promise<void> {
      const [plans, scenarios] = await Promise.all([api['plan.list']({}), api['scenario.list']({})]);
      set({ plans, scenarios, plansLoaded: true });
    }

    /** Runs a scenario, follows it, saves nothing itself (the API does) and shows the new plan. */
    async function execute(input: ScenarioInput, reason: PlanRunState['reason']): Promise<boolean> {
      if (get().planRun) return false;
      const taskId = newTaskId();
      const scenarioName = input.name ?? 'Baseline';
      set({
        planRun: { taskId, scenarioName, label: `Planning "${scenarioName}"`, done: 0, total: null, cancelling: false, reason },
        planError: null,
        planNotice: null,
      });
      try {
        const item = await api['plan.run']({ scenario: input, taskId });
        set({ planRun: null });
        await listAll();
        await get().selectPlan(item.id);
        return true;
      } catch (error) {
        set(isCancelled(error) ? { planRun: null, planNotice: 'The run was cancelled: no plan was saved.' } : { planRun: null, planError: message(error) });
        return false;
      }
    }

    return {
      planForm: null,
      planFormErrors: {},
      planChoices: null,
      plans: [],
      plansLoaded: false,
      scenarios: [],
      selectedPlanId: null,
      selectedPlan: null,
      planLoading: false,
      planRun: null,
      planError: null,
      planNotice: null,
      compareIds: [],
      comparePlans: {},
      compareError: null,

      async loadPlanning() {
        try {
          await Promise.all([loadChoices(), listAll()]);
          const { selectedPlanId, plans } = get();
          if (selectedPlanId === null && plans[0]) await get().selectPlan(plans[0].id);
        } catch (error) {
          set({ planError: message(error) });
        }
      },

      async refreshPlans() {
        try {
          await listAll();
        } catch (error) {
          set({ planError: message(error) });
          return;
        }
        const { plans, selectedPlanId, compareIds } = get();
        const ids = new Set(plans.map((p) => p.id));
        const keep = compareChosen ? compareIds.filter((id) => ids.has(id)) : defaultCompare(plans);
        if (keep.join() !== compareIds.join()) {
          set({ compareIds: keep });
          if (get().view === 'compare') void get().loadCompare();
        }
        if (selectedPlanId !== null && !ids.has(selectedPlanId)) await get().selectPlan(plans[0]?.id ?? null);
      },

      setPlanForm(patch) {
        const form = get().planForm;
        if (!form) return;
        const next = { ...form, ...patch };
        // The exited vendor can never be a candidate.
        if (patch.exitVendor && next.candidateProviders) next.candidateProviders = next.candidateProviders.filter((p) => p !== patch.exitVendor);
        set({ planForm: next, planFormErrors: {} });
      },

      resetPlanForm() {
        const choices = get().planChoices;
        if (choices) set({ planForm: defaultPlanForm(choices.defaultExit, localToday()), planFormErrors: {} });
      },

      editSelectedScenario() {
        const selected = get().selectedPlan;
        if (selected) set({ planForm: formFromScenario(selected.plan.scenario), planFormErrors: {} });
      },

      async runPlan() {
        const form = get().planForm;
        if (!form || get().planRun) return;
        const checked = scenarioFromForm(form);
        if (checked.errors) {
          set({ planFormErrors: checked.errors });
          return;
        }
        set({ planFormErrors: {} });
        // Overrides saved with this scenario name are kept for every re-plan, so they are sent
        // with the run (the request's overrides are what the engine uses).
        let overrides: Override[] = [];
        try {
          const scenarios = await api['scenario.list']({});
          set({ scenarios });
          overrides = scenarios.find((s) => s.name === checked.input.name)?.input.overrides ?? [];
        } catch (error) {
          set({ planError: message(error) });
          return;
        }
        await execute({ ...checked.input, overrides }, { kind: 'form' });
      },

      async cancelPlan() {
        const run = get().planRun;
        if (!run || run.cancelling) return;
        set({ planRun: { ...run, cancelling: true } });
        try {
          await api['plan.cancel']({ taskId: run.taskId });
        } catch (error) {
          set({ planError: message(error) });
        }
      },

      onPlanProgress(event) {
        const run = get().planRun;
        if (!run || event.taskId !== run.taskId || event.finished) return;
        set({ planRun: { ...run, label: event.label, done: event.done, total: event.total } });
      },

      async selectPlan(id) {
        const ticket = ++selection;
        if (id === null) {
          set({ selectedPlanId: null, selectedPlan: null, planLoading: false });
          return;
        }
        set({ selectedPlanId: id, planLoading: true });
        try {
          const found = await api['plan.get']({ id });
          if (ticket !== selection) return;
          set({ selectedPlan: found, planLoading: false, planError: null });
        } catch (error) {
          if (ticket !== selection) return;
          set({ selectedPlan: null, planLoading: false, planError: message(error) });
        }
      },

      async deletePlan(id) {
        try {
          await api['plan.delete']({ id });
          set((s) => {
            const comparePlans = { ...s.comparePlans };
            delete comparePlans[id];
            return { comparePlans, compareIds: s.compareIds.filter((x) => x !== id) };
          });
          await get().refreshPlans();
          if (get().selectedPlanId === id) await get().selectPlan(get().plans[0]?.id ?? null);
        } catch (error) {
          set({ planError: message(error) });
        }
      },

      async setWorkloadOverride(workloadId, change) {
        const selected = get().selectedPlan;
        if (!selected || get().planRun) return;
        const scenarioName = selected.scenarioName;
        try {
          const existing = get().overrideFor(scenarioName, workloadId);
          const saved = await api['scenario.setOverride'](
            change === 'clear'
              ? { scenario: scenarioName, override: { workloadId }, clear: true }
              : { scenario: scenarioName, override: mergeOverride(existing, workloadId, change) },
          );
          set((s) => ({ scenarios: [...s.scenarios.filter((x) => x.name !== saved.name), saved] }));
          // Re-run the scenario this plan was made with (its dates and parameters as resolved), now
          // with the saved overrides.
          await execute({ ...selected.plan.scenario, overrides: saved.input.overrides ?? [] }, { kind: 'override', workloadId });
        } catch (error) {
          set({ planError: message(error) });
        }
      },

      overrideFor(scenarioName, workloadId) {
        return get()
          .scenarios.find((s) => s.name === scenarioName)
          ?.input.overrides?.find((o) => o.workloadId === workloadId);
      },

      async setCompareIds(ids) {
        compareChosen = true;
        set({ compareIds: ids });
        await get().loadCompare();
      },

      async toggleCompare(id) {
        const ids = get().compareIds;
        const order = get().plans.map((p) => p.id);
        const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].sort((a, b) => order.indexOf(a) - order.indexOf(b));
        await get().setCompareIds(next);
      },

      async loadCompare() {
        try {
          if (!get().plansLoaded) await listAll();
          if (!compareChosen) set({ compareIds: defaultCompare(get().plans) });
          const missing = get().compareIds.filter((id) => !get().comparePlans[id]);
          const loaded = await Promise.all(missing.map((id) => api['plan.get']({ id })));
          set((s) => {
            const comparePlans = { ...s.comparePlans };
            for (const p of loaded) comparePlans[p.id] = p.plan;
            return { comparePlans, compareError: null };
          });
        } catch (error) {
          set({ compareError: message(error) });
        }
      },
    };
  };
