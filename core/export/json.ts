/**
 * The plan JSON (schemaVersion 1) and its published JSON Schema.
 *
 * `planToJson` writes exactly what `bridgehead plan --json` prints: the plan object as the engine
 * built it, two-space indented, one trailing newline. Its key order is the engine's, which is
 * deterministic (the same inputs and seed give byte-identical JSON) and survives storage.
 *
 * The JSON Schema is generated from the zod schema `PlanSchema` and committed at
 * schemas/plan.schema.json (a test keeps the two equal; `node bin/run-ts.js scripts/plan-schema.ts`
 * rewrites it). It is draft-07, which the widest range of validators reads. zod checks a little
 * more than the JSON Schema can say (real calendar dates, min ≤ likely ≤ max), so
 * `validatePlan` uses zod.
 */
import { z } from 'zod';
import { PlanSchema, type Plan } from '../planning/plan-schema';

export const PLAN_SCHEMA_ID = 'urn:bridgehead:schema:plan:1';
export const PLAN_SCHEMA_PATH = 'schemas/plan.schema.json';

export function planToJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** The JSON Schema of the plan JSON, as committed in schemas/plan.schema.json. */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanSchema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PLAN_SCHEMA_ID,
    title: 'Bridgehead plan',
    description:
      'A Bridgehead migration plan (schemaVersion 1): scenario, per-workload targets, dates, costs and risks, waves, totals and the risk register. ' +
      'Money is US dollars rounded to cents; dates are ISO 8601 calendar dates (YYYY-MM-DD). Generated from the zod schema PlanSchema (core/planning/plan-schema.ts); ' +
      'Bridgehead also checks that dates are real calendar dates and that three-point estimates are ordered.',
    ...rest,
  };
}

/** The committed file's text: two-space indented with a trailing newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

export interface PlanIssue {
  /** Where, as a JSONPath-like string: `workloads[3].risk.score`, or `(root)`. */
  path: string;
  message: string;
}

export type PlanValidation = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out || '(root)';
}

/** Checks a parsed JSON value against the plan schema; each failure names its path. */
export function validatePlan(value: unknown): PlanValidation {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const version = (value as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version === 'number' && version !== 1) {
      return { ok: false, issues: [{ path: 'schemaVersion', message: `schemaVersion ${version} is not one this Bridgehead reads (it reads 1)` }] };
    }
  }
  const parsed = PlanSchema.safeParse(value);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
