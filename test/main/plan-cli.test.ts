import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../core/planning';
import { cli } from '../helpers/cli';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();
const DEMO = join(process.cwd(), 'examples', 'demo-inventory.csv');

const FIXED = ['--start', '2027-01-04', '--deadline', '2027-07-01', '--iterations', '300', '--seed', '42'];

describe('bridgehead plan', () => {
  it('plans a one-shot inventory and prints the plan JSON with the documented fields', async () => {
    const res = await cli(['plan', '--exit', 'anthropic', '--inventory', DEMO, '--json', ...FIXED]);
    expect(res.code, res.stderr).toBe(0);
    const plan = JSON.parse(res.stdout);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.schemaVersion).toBe(1);
    expect(plan.scenario).toMatchObject({ exitVendor: 'anthropic', startDate: '2027-01-04', deadline: '2027-07-01', iterations: 300, seed: 42 });
    expect(Object.keys(plan.totals)).toEqual(expect.arrayContaining(['oneTimeCost', 'monthlyCostBefore', 'monthlyCostAfter', 'completion', 'deadlineProbability', 'counts']));
    const w = plan.workloads[0];
    expect(Object.keys(w)).toEqual(
      expect.arrayContaining(['id', 'name', 'status', 'target', 'eligibility', 'reasons', 'wave', 'dates', 'oneTimeCost', 'monthlyCostBefore', 'monthlyCostAfter', 'risk']),
    );
    // Workloads on other vendors are out of scope but counted; every workload appears once.
    const demoRows = readFileSync(DEMO, 'utf8').trim().split(/\r?\n/).length - 1;
    expect(plan.workloads).toHaveLength(demoRows);
    expect(plan.totals.counts.planned + plan.totals.counts.blocked + plan.totals.counts.outOfScope).toBe(demoRows);
    expect(plan.workloads.filter((x: { status: string }) => x.status === 'out_of_scope').length).toBeGreaterThan(0);
  });

  it('gives byte-identical JSON for the same inputs and seed, and writes --out', async () => {
    const dir = tmp();
    const a = await cli(['plan', '--inventory', DEMO, '--json', ...FIXED]);
    const b = await cli(['plan', '--inventory', DEMO, '--json', '--out', join(dir, 'plan.json'), ...FIXED]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe(a.stdout);
    const other = await cli(['plan', '--inventory', DEMO, '--json', ...FIXED.slice(0, -1), '43']);
    expect(JSON.parse(other.stdout).totals.completion).toBeDefined();
    expect(other.stdout).not.toBe(a.stdout);
  });

  it('stores plans in the workspace under the scenario name', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    await cli(['import', DEMO, '--workspace', ws]);
    const first = await cli(['plan', '--workspace', ws, '--name', 'Exit A', ...FIXED]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Plan 1 — scenario "Exit A"/);
    expect(first.stdout).toMatch(/One-time\s+\$[\d,]+ \/ \$[\d,]+ \/ \$[\d,]+ \(P10\/P50\/P90\)/);
  });

  it('exits 2 with the flag named for bad arguments', async () => {
    for (const [args, message] of [
      [['--iterations', 'many'], '--iterations must be a whole number'],
      [['--start', '2027-13-45'], '--start must be a date'],
      [['--deadline', '2027-01-01', '--deadline-days', '30'], 'not both'],
      [['--strategy', 'cheapest'], "argument 'cheapest' is invalid"],
      [['--start', '2027-06-01', '--deadline', '2027-01-01'], 'deadline'],
    ] as const) {
      const res = await cli(['plan', '--inventory', DEMO, ...args]);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain(message);
    }
  });

  it('exits 0 with a plan even when every workload is blocked', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'inv.csv'),
      'id,name,mission_area,vendor,classification,capabilities,min_context_tokens\nX1,Huge context,other,anthropic,top_secret,vision;fine_tuned,50000000\n',
    );
    const res = await cli(['plan', '--inventory', join(dir, 'inv.csv'), '--json', ...FIXED]);
    expect(res.code, res.stderr).toBe(0);
    const plan = JSON.parse(res.stdout);
    expect(plan.workloads[0]).toMatchObject({ id: 'X1', status: 'blocked', target: null });
    expect(plan.workloads[0].reasons.length).toBeGreaterThan(0);
  });
});
