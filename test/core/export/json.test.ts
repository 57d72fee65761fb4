import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// ajv 6 (JSON Schema draft-07) is in node_modules through ESLint: an independent validator, so the
// published schema itself is tested, not only the zod schema it is generated from.
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_SCHEMA_PATH, planJsonSchemaText, planToJson, validatePlan } from '../../../core/export';
import type { Plan } from '../../../core/planning';
import { makePlan, naughtyStrings } from './plans';

const committed = () => readFileSync(join(process.cwd(), PLAN_SCHEMA_PATH), 'utf8');

let plan: Plan;
beforeAll(async () => {
  plan = await makePlan(80);
});

function corrupt(p: Plan): unknown {
  const bad = JSON.parse(JSON.stringify(p)) as Record<string, unknown> & { workloads: { risk: { score: number } }[]; totals: { counts: Record<string, unknown> } };
  bad.workloads[3]!.risk.score = 99;
  delete bad.totals.counts.blocked;
  return bad;
}

describe('plan JSON and its schema', () => {
  it('the committed schemas/plan.schema.json is the one generated from PlanSchema', () => {
    // On failure: node bin/run-ts.js scripts/plan-schema.ts
    expect(committed()).toBe(planJsonSchemaText());
    const schema = JSON.parse(committed()) as { $schema: string; $id: string; required: string[] };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'scenario', 'catalog', 'workloads', 'waves', 'totals', 'risks', 'warnings']));
  });

  it('a real plan validates against the published schema; a corrupted one does not, with the paths named', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(JSON.parse(committed()) as object);
    expect(validate(JSON.parse(planToJson(plan))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(corrupt(plan))).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.dataPath);
    expect(paths).toEqual(expect.arrayContaining(['.workloads[3].risk.score', '.totals.counts']));
  });

  it('validatePlan (zod) agrees and names the failing paths', () => {
    expect(validatePlan(JSON.parse(planToJson(plan))).ok).toBe(true);
    const bad = validatePlan(corrupt(plan));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['workloads[3].risk.score', 'totals.counts.blocked']));
    const future = validatePlan({ ...JSON.parse(planToJson(plan)), schemaVersion: 2 });
    expect(future).toEqual({ ok: false, issues: [{ path: 'schemaVersion', message: expect.stringContaining('reads 1') }] });
    expect(validatePlan('not a plan')).toMatchObject({ ok: false, issues: [{ path: '(root)' }] });
  });

  it('is the plan as printed by `plan --json`, and naughty names round-trip exactly', async () => {
    const names = naughtyStrings();
    const hostile = await makePlan(names.length, { names });
    const text = planToJson(hostile);
    expect(text).toBe(`${JSON.stringify(hostile, null, 2)}\n`);
    const back = JSON.parse(text) as Plan;
    expect(back.workloads.map((w) => w.name)).toEqual(names);
    expect(validatePlan(back).ok).toBe(true);
  });
});
