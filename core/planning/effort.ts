/**
 * Migration effort as three-point engineer-hours per driver, and the one-time cost it implies.
 *
 * Each driver has a per-unit three-point estimate in the scenario (hours per prompt template,
 * per tool schema, per missing evaluation case, per workload for integration and for a route
 * change, per parallel-run day for oversight) and a unit count from the inventory. A workload's
 * hours are a linear combination of the drivers' per-unit hours — one coefficient vector per
 * workload over the "columns" below — which is what lets the Monte Carlo (simulate.ts) draw each
 * driver once per iteration and total any set of workloads with a dot product.
 *
 * Shared one-time work is counted once for the whole plan, not per workload: contract onboarding
 * per new provider, an accreditation package per (offering, classification level) above
 * UNCLASSIFIED, and the gateway.
 */
import type { Classification } from '../common/enums';
import type { PlannedWorkload } from './inventory';
import type { Scenario, ThreePoint } from './scenario';

/**
 * The random quantities of the effort model. Columns 0–5 are per-unit hours of the workload
 * drivers; 6 and 7 are "hours per unit × assumed unit count" for counts the inventory does not
 * state (one draw of the count, shared by every workload missing it); 8–10 are the shared drivers.
 */
export const COLUMNS = [
  'prompt_templates',
  'tool_schemas',
  'eval_cases',
  'integration',
  'route_change',
  'parallel_run_oversight',
  'prompt_templates_unknown',
  'tool_schemas_unknown',
  'contract_onboarding',
  'accreditation',
  'gateway',
] as const;
export type Column = (typeof COLUMNS)[number];
export const WORKLOAD_COLUMN_COUNT = 8;
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;

export const DRIVERS = [
  'prompt_templates',
  'tool_schemas',
  'eval_cases',
  'integration',
  'route_change',
  'parallel_run_oversight',
] as const;
export type Driver = (typeof DRIVERS)[number];

export interface Hours {
  min: number;
  likely: number;
  max: number;
}

/** Per-unit three-point of each column (unknown-count columns: products of hours and count). */
export function columnEstimates(scenario: Scenario): Hours[] {
  const e = scenario.effort;
  const times = (a: ThreePoint, b: ThreePoint): Hours => ({ min: a.min * b.min, likely: a.likely * b.likely, max: a.max * b.max });
  const byColumn: Record<Column, Hours> = {
    prompt_templates: e.promptTemplateHours,
    tool_schemas: e.toolSchemaHours,
    eval_cases: e.evalCaseHours,
    integration: e.integrationHours,
    route_change: e.routeChangeHours,
    parallel_run_oversight: e.parallelRunOversightHoursPerDay,
    prompt_templates_unknown: times(e.promptTemplateHours, e.unknownPromptTemplates),
    tool_schemas_unknown: times(e.toolSchemaHours, e.unknownToolSchemas),
    contract_onboarding: e.contractOnboardingHours,
    accreditation: e.accreditationHours,
    gateway: e.gatewayHours,
  };
  return COLUMNS.map((c) => byColumn[c]);
}

export interface DriverEffort {
  /** Units counted (templates, schemas, missing cases, workloads, parallel-run days). */
  units: number;
  /** How the units were obtained when the inventory did not state them. */
  assumption: string | null;
  hours: Hours;
}

export interface WorkloadEffort {
  /** Coefficients over the first WORKLOAD_COLUMN_COUNT columns. */
  coef: Float64Array;
  hours: Hours;
  byDriver: Record<Driver, DriverEffort>;
  /** Likely hours of the migration itself (everything but parallel-run oversight). */
  migrationHoursLikely: number;
  oversightHoursPerDayLikely: number;
  parallelRunDays: number;
  routeChange: boolean;
}

export function dot(coef: ArrayLike<number>, values: readonly Hours[], key: keyof Hours): number {
  let s = 0;
  for (let j = 0; j < coef.length; j++) {
    const c = coef[j]!;
    if (c !== 0) s += c * values[j]![key];
  }
  return s;
}

/**
 * Effort for one workload moving to a target on `targetRoute`. A route change is counted when the
 * route differs — or is unknown, conservatively.
 */
export function workloadEffort(pw: PlannedWorkload, targetRoute: string, scenario: Scenario, columns: readonly Hours[]): WorkloadEffort {
  const w = pw.workload;
  const e = scenario.effort;
  const coef = new Float64Array(WORKLOAD_COLUMN_COUNT);
  const usesTools = w.capabilities.includes('tool_use');

  const prompts = w.promptTemplates;
  if (prompts === null) coef[COL.prompt_templates_unknown] = 1;
  else coef[COL.prompt_templates] = prompts;
  // Unknown tool schemas matter only for a workload that uses tools.
  const tools = w.toolSchemas ?? (usesTools ? null : 0);
  if (tools === null) coef[COL.tool_schemas_unknown] = 1;
  else coef[COL.tool_schemas] = tools;
  // Unknown existing cases count as none: the whole threshold is built.
  const missingCases = Math.max(0, e.evalCaseThreshold - (w.evalCases ?? 0));
  coef[COL.eval_cases] = missingCases;
  coef[COL.integration] = 1;
  const routeChange = w.route === null || w.route !== targetRoute;
  coef[COL.route_change] = routeChange ? 1 : 0;
  const days = scenario.parallelRunDays[pw.criticality];
  coef[COL.parallel_run_oversight] = days;

  const part = (col: number, units: number): Hours => {
    const c = columns[col]!;
    return { min: c.min * units, likely: c.likely * units, max: c.max * units };
  };
  const t = (x: ThreePoint) => `${x.min}–${x.likely}–${x.max}`;
  const byDriver: Record<Driver, DriverEffort> = {
    prompt_templates:
      prompts === null
        ? { units: e.unknownPromptTemplates.likely, assumption: `count unknown: assumed ${t(e.unknownPromptTemplates)}`, hours: part(COL.prompt_templates_unknown, 1) }
        : { units: prompts, assumption: null, hours: part(COL.prompt_templates, prompts) },
    tool_schemas:
      tools === null
        ? { units: e.unknownToolSchemas.likely, assumption: `count unknown: assumed ${t(e.unknownToolSchemas)}`, hours: part(COL.tool_schemas_unknown, 1) }
        : {
            units: tools,
            assumption: w.toolSchemas === null ? 'count unknown: no tool_use capability, assumed 0' : null,
            hours: part(COL.tool_schemas, tools),
          },
    eval_cases: {
      units: missingCases,
      assumption: w.evalCases === null ? `existing cases unknown: all ${e.evalCaseThreshold} to build` : null,
      hours: part(COL.eval_cases, missingCases),
    },
    integration: { units: 1, assumption: null, hours: part(COL.integration, 1) },
    route_change: {
      units: routeChange ? 1 : 0,
      assumption: w.route === null ? 'current route unknown: a route change is assumed' : null,
      hours: part(COL.route_change, routeChange ? 1 : 0),
    },
    parallel_run_oversight: {
      units: days,
      assumption: pw.criticalityAssumed ? 'criticality unknown: parallel run of an essential workload' : null,
      hours: part(COL.parallel_run_oversight, days),
    },
  };
  const hours: Hours = { min: dot(coef, columns, 'min'), likely: dot(coef, columns, 'likely'), max: dot(coef, columns, 'max') };
  const oversight = columns[COL.parallel_run_oversight]!.likely;
  return {
    coef,
    hours,
    byDriver,
    migrationHoursLikely: hours.likely - days * oversight,
    oversightHoursPerDayLikely: oversight,
    parallelRunDays: days,
    routeChange,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared one-time work (wave 0)

export type SharedKind = 'gateway' | 'contract' | 'accreditation' | 'authorization' | 'policy_confirmation';

export interface SharedTask {
  kind: SharedKind;
  /** Stable key, e.g. `contract:openai`, `accreditation:<offering>:secret`. */
  key: string;
  title: string;
  provider: string | null;
  offering: string | null;
  level: Classification | null;
  /** Effort column, or null for calendar-only tasks (authorization, policy confirmation). */
  column: number | null;
  /** Calendar days from the start before the task can finish regardless of effort. */
  leadDays: number;
}
