/** Planning channels: run a scenario (off the UI thread, with progress and cancel), keep plans. */
import { z } from 'zod';
import type { PlanSummary } from '../analysis/plan-summary';
import type { Plan } from '../planning';
import { Override, ScenarioInputSchema, type ScenarioInput } from '../planning/scenario';
import { channel } from './channel';

export interface PlanListItem {
  id: number;
  scenarioName: string;
  createdAt: string;
  summary: PlanSummary;
}

export interface StoredScenarioInfo {
  name: string;
  input: ScenarioInput;
  updatedAt: string;
}

const PlanRef = z.union([z.number().int().positive(), z.literal('latest')]);

export const planChannels = {
  'plan.run': channel<PlanListItem>()(
    z
      .object({
        scenario: ScenarioInputSchema,
        /** Chosen by the caller so it can cancel and follow progress before the answer. */
        taskId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    'Plans a scenario over the inventory and catalog, saves the scenario and the plan.',
  ),
  'plan.cancel': channel<{ cancelled: boolean }>()(z.object({ taskId: z.string().min(1) }).strict(), 'Cancels a running plan.'),
  'plan.list': channel<PlanListItem[]>()(z.object({}).strict(), 'Saved plans, newest first, with headline figures.'),
  'plan.get': channel<PlanListItem & { plan: Plan }>()(z.object({ id: PlanRef }).strict(), 'One saved plan, whole.'),
  'plan.delete': channel<{ deleted: boolean }>()(z.object({ id: z.number().int().positive() }).strict(), 'Deletes a saved plan.'),
  'scenario.list': channel<StoredScenarioInfo[]>()(z.object({}).strict(), 'Saved scenarios with their overrides.'),
  'scenario.setOverride': channel<StoredScenarioInfo>()(
    z
      .object({
        scenario: z.string().min(1),
        /** The workload's decision; `clear: true` removes any override of that workload. */
        override: Override,
        clear: z.boolean().default(false),
      })
      .strict(),
    "Pins a workload's target, moves it to a later wave or excludes it; kept for every re-plan.",
  ),
} as const;
