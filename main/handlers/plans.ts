/**
 * Planning handlers: a run reads the inventory and catalog, plans in a worker (progress as push
 * events, cancel by task id), then stores the scenario (overrides included) and the plan.
 */
import { randomUUID } from 'node:crypto';
import { summarizePlan, type PlanSummary } from '../../core/analysis/plan-summary';
import { ApiError } from '../../core/api/errors';
import type { PlanListItem } from '../../core/api/plans';
import type { Plan } from '../../core/planning';
import type { ScenarioInput } from '../../core/planning/scenario';
import { allWorkloads } from '../../db/repositories/workloads';
import { deletePlan, getPlanData, getScenario, insertPlan, listPlans, listScenarios, saveScenario } from '../../db/repositories/plans';
import { getCatalog } from '../catalog/catalog-store';
import { runPlanInWorker } from '../planning/plan-runner';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

export const DEFAULT_SCENARIO_NAME = 'Baseline';

type PlanChannel = 'plan.run' | 'plan.cancel' | 'plan.list' | 'plan.get' | 'plan.delete' | 'scenario.list' | 'scenario.setOverride';

const today = (): string => new Date().toISOString().slice(0, 10);

export function planHandlers(ctx: HandlerContext): HandlerPart<PlanChannel> {
  const running = new Map<string, AbortController>();

  return {
    'plan.run': async (req) => {
      const ws = ctx.workspace();
      const name = req.scenario.name ?? DEFAULT_SCENARIO_NAME;
      // Overrides live with the saved scenario and survive re-planning; overrides in the request
      // are added to them (the request's wins for the same workload).
      const saved = (getScenario(ws.db, name)?.input as ScenarioInput | undefined)?.overrides ?? [];
      const given = req.scenario.overrides ?? [];
      const overrides = [...saved.filter((o) => !given.some((g) => g.workloadId === o.workloadId)), ...given];
      const scenario: ScenarioInput = { ...req.scenario, name, overrides };
      const taskId = req.taskId ?? `plan:${randomUUID()}`;
      if (running.has(taskId)) throw new ApiError('conflict', `A plan with task id ${taskId} is already running.`);
      const controller = new AbortController();
      running.set(taskId, controller);
      const label = `Planning "${name}"`;
      try {
        const plan = await runPlanInWorker(
          { inventory: allWorkloads(ws.db), catalog: getCatalog(ws), scenario, today: today() },
          {
            signal: controller.signal,
            onProgress: (done, total, step) => ctx.events.emit({ type: 'progress', taskId, label: `${label}: ${step}`, done, total, finished: false }),
          },
        );
        const summary = summarizePlan(plan);
        const createdAt = new Date().toISOString();
        const id = ws.db.transaction(() => {
          saveScenario(ws.db, name, scenario, createdAt);
          return insertPlan(ws.db, name, createdAt, summary, plan);
        })();
        ctx.events.emit({ type: 'data.changed', scope: 'plans' });
        return { id, scenarioName: name, createdAt, summary };
      } finally {
        running.delete(taskId);
        ctx.events.emit({ type: 'progress', taskId, label, done: 100, total: 100, finished: true });
      }
    },
    'plan.cancel': (req) => {
      const controller = running.get(req.taskId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'plan.list': () =>
      listPlans(ctx.workspace().db).map((p) => ({ id: p.id, scenarioName: p.scenarioName, createdAt: p.createdAt, summary: p.summary as PlanSummary })),
    'plan.get': (req) => {
      const found = getPlanData(ctx.workspace().db, req.id);
      if (!found) throw new ApiError('not_found', req.id === 'latest' ? 'There is no plan yet: run one first.' : `There is no plan ${req.id}.`);
      const item: PlanListItem = { id: found.meta.id, scenarioName: found.meta.scenarioName, createdAt: found.meta.createdAt, summary: found.meta.summary as PlanSummary };
      return { ...item, plan: found.plan as Plan };
    },
    'plan.delete': (req) => {
      const deleted = deletePlan(ctx.workspace().db, req.id);
      if (deleted) ctx.events.emit({ type: 'data.changed', scope: 'plans' });
      return { deleted };
    },
    'scenario.list': () => listScenarios(ctx.workspace().db).map((s) => ({ ...s, input: s.input as ScenarioInput })),
    'scenario.setOverride': (req) => {
      const ws = ctx.workspace();
      const stored = getScenario(ws.db, req.scenario);
      if (!stored) throw new ApiError('not_found', `There is no saved scenario "${req.scenario}": run a plan with it first.`);
      const input = stored.input as ScenarioInput;
      const others = (input.overrides ?? []).filter((o) => o.workloadId !== req.override.workloadId);
      const next: ScenarioInput = { ...input, overrides: req.clear ? others : [...others, req.override] };
      const now = new Date().toISOString();
      saveScenario(ws.db, req.scenario, next, now);
      ctx.events.emit({ type: 'data.changed', scope: 'plans' });
      return { name: req.scenario, input: next, updatedAt: now };
    },
  };
}
