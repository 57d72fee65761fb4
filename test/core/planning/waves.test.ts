import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../core/inventory/schema';
import { planMigration, type Plan, type ScenarioInput } from '../../../core/planning';
import { addDays, parseDay } from '../../../core/planning/dates';
import { catalog, fullWorkload, POINT_EFFORT } from './fixtures';

const START = '2027-01-04';
const CAT = catalog(
  [{ id: 'anthropic' }, { id: 'alpha' }],
  [
    { provider: 'anthropic', model: 'claude-x' },
    { provider: 'alpha', model: 'a' },
    { provider: 'alpha', model: 'gov', maxClassification: 'secret', pendingLeadDays: 100 },
  ],
);

function plan(inventory: Workload[], scenario: ScenarioInput = {}): Promise<Plan> {
  return planMigration(
    {
      inventory,
      catalog: CAT,
      scenario: { startDate: START, contractedProviders: ['alpha'], teamHoursPerWeek: 1000, effort: POINT_EFFORT, iterations: 100, ...scenario },
    },
    { solver: null },
  );
}
const byId = (p: Plan, id: string) => p.workloads.find((w) => w.id === id)!;

describe('waves and dates', () => {
  it('a dependency cycle moves in one wave and cuts over together, after what it depends on', async () => {
    const p = await plan(
      [
        fullWorkload('A', { dependsOn: ['B'], promptTemplates: 1 }),
        fullWorkload('B', { dependsOn: ['A', 'D'], promptTemplates: 20 }),
        fullWorkload('C', { dependsOn: ['A'] }),
        fullWorkload('D', { criticality: 'routine' }),
      ],
      { pilotWaveSize: 0 },
    );
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((id) => byId(p, id));
    expect(a!.wave).toBe(b!.wave);
    expect(a!.dates.cutover).toBe(b!.dates.cutover);
    expect(c!.wave!).toBeGreaterThanOrEqual(a!.wave!);
    expect(c!.dates.parallelRunStart! >= a!.dates.cutover!).toBe(true);
    expect(b!.dates.parallelRunStart! >= d!.dates.cutover!).toBe(true);
    // Each member's run covers exactly its days before the common cut-over.
    expect(parseDay(a!.dates.cutover!) - parseDay(a!.dates.parallelRunStart!)).toBe(14);
  });

  it('pilot first (lowest risk, non-critical, no dependencies), critical last', async () => {
    const p = await plan(
      [
        fullWorkload('crit', { criticality: 'critical' }),
        fullWorkload('ess', { criticality: 'essential' }),
        fullWorkload('r1', { criticality: 'routine' }),
        // Riskier: operational likelihood 5 (unknown route, 1 h downtime, 200 ms SLO, unknown tool
        // schemas) × consequence 2 = 10, above s1's 9 (unrated target 3 × support 3).
        fullWorkload('r2', { criticality: 'routine', route: null, maxDowntimeHours: 1, latencySloMs: 200, capabilities: ['tool_use'], toolSchemas: null }),
        fullWorkload('s1', { criticality: 'support' }),
        fullWorkload('dep', { criticality: 'routine', dependsOn: ['s1'] }),
      ],
      { pilotWaveSize: 2 },
    );
    expect(p.waves.map((w) => [w.number, w.name, w.workloadIds])).toEqual([
      [0, 'Contracts, accreditation and gateway', []],
      [1, 'Pilot', ['r1', 's1']],
      [2, 'Routine and support', ['r2', 'dep']],
      [3, 'Mission essential', ['ess']],
      [4, 'Mission critical', ['crit']],
    ]);
    // Later waves start only once the pilot has cut over.
    const pilotEnd = p.waves[1]!.end;
    for (const w of p.waves.slice(2)) expect(w.start >= pilotEnd).toBe(true);
  });

  it('overrides move a workload later and its dependents with it; a dependency keeps an earlier request in place', async () => {
    const inventory = [
      fullWorkload('base', { criticality: 'routine' }),
      fullWorkload('mid', { criticality: 'routine', dependsOn: ['base'] }),
      fullWorkload('top', { criticality: 'routine', dependsOn: ['mid'] }),
    ];
    const p = await plan(inventory, {
      pilotWaveSize: 1,
      overrides: [
        { workloadId: 'mid', wave: 5 },
        { workloadId: 'top', wave: 3 },
      ],
    });
    expect(byId(p, 'base').wave).toBe(1);
    expect(byId(p, 'mid').wave).toBe(5);
    expect(byId(p, 'top').wave).toBe(5);
    expect(p.warnings).toContain('Override: top kept in wave 5, not 3, because it depends on mid in wave 5.');
    expect(p.waves.find((w) => w.number === 5)!.name).toBe('Set by override');
    // An exclusion leaves the workload out, counted.
    const q = await plan(inventory, { overrides: [{ workloadId: 'top', exclude: true, note: 'retiring' }] });
    expect(byId(q, 'top')).toMatchObject({ status: 'out_of_scope', reasons: ['Excluded by override: retiring; counted, not moved.'] });
    expect(q.totals.counts).toEqual({ planned: 2, blocked: 0, outOfScope: 1 });
  });

  it('no cut-over or decommission inside a blackout window', async () => {
    const free = await plan([fullWorkload('W', { criticality: 'routine' })]);
    const cut = free.workloads[0]!.dates.cutover!;
    const blackout = { start: addDays(cut, -2), end: addDays(cut, 5), reason: 'exercise' };
    const p = await plan([fullWorkload('W', { criticality: 'routine' })], { blackouts: [blackout], rollbackWindowDays: 3 });
    const d = p.workloads[0]!.dates;
    expect(d.cutover).toBe(addDays(blackout.end, 1));
    // The 7-day parallel run moves with the cut-over: it always ends on cut-over day.
    expect(d.parallelRunStart).toBe(addDays(d.cutover!, -7));
    expect(d.parallelRunStart! > free.workloads[0]!.dates.parallelRunStart!).toBe(true);
    // cut-over + 3 days lands outside the window too.
    expect(d.decommission).toBe(addDays(d.cutover!, 3));
    const p2 = await plan([fullWorkload('W', { criticality: 'routine' })], {
      blackouts: [blackout, { start: addDays(blackout.end, 2), end: addDays(blackout.end, 10), reason: 'holiday' }],
      rollbackWindowDays: 3,
    });
    expect(p2.workloads[0]!.dates.decommission).toBe(addDays(blackout.end, 11));
  });

  it('at most maxConcurrentCriticalCutovers critical cut-overs in a planning week', async () => {
    const inventory = ['c1', 'c2', 'c3'].map((id) => fullWorkload(id, { criticality: 'critical' }));
    const weeks = (p: Plan) => p.workloads.map((w) => Math.floor((parseDay(w.dates.cutover!) - parseDay(START)) / 7));
    const one = await plan(inventory, { maxConcurrentCriticalCutovers: 1 });
    expect(new Set(weeks(one)).size).toBe(3);
    const three = await plan(inventory, { maxConcurrentCriticalCutovers: 3 });
    expect(new Set(weeks(three)).size).toBe(1);
  });

  it('a conditional target waits for its authorization, planned in wave 0', async () => {
    const p = await plan([fullWorkload('S', { classification: 'secret' })]);
    const w = p.workloads[0]!;
    expect(w.eligibility).toBe('conditional');
    expect(w.target?.offering).toBe('alpha/gov@direct_api/global');
    const task = p.waves[0]!.tasks.find((t) => t.kind === 'authorization')!;
    expect(task).toMatchObject({ key: 'authorization:alpha/gov@direct_api/global', start: START, end: addDays(START, 100) });
    expect(w.dates.parallelRunStart! >= task.end).toBe(true);
    expect(w.reasons[0]).toContain('Conditional: authorization for SECRET is pending');
    // Slack 180 − 100 = 80 days → likelihood 3; support → consequence 3: moderate, per workload and plan-wide.
    expect(p.risks.find((r) => r.workloadId === 'S' && r.category === 'accreditation')).toMatchObject({ likelihood: 3, consequence: 3 });
    expect(p.risks.find((r) => r.workloadId === null && r.category === 'accreditation')).toMatchObject({
      likelihood: 3,
      consequence: 3,
      drivers: [
        '1 planned workload(s) wait for Provider authorization of alpha/gov@direct_api/global to SECRET (test authorization in progress), expected 2027-04-14: 80 days before the deadline',
      ],
    });
  });

  it('capacity: a smaller team finishes later, never over its weekly hours', async () => {
    const inventory = Array.from({ length: 12 }, (_, i) => fullWorkload(`W${i}`, { criticality: 'routine', promptTemplates: 10 }));
    const big = await plan(inventory, { teamHoursPerWeek: 400 });
    const small = await plan(inventory, { teamHoursPerWeek: 60 });
    expect(small.totals.completion.p50 > big.totals.completion.p50).toBe(true);
    for (const l of small.schedule.capacityLedger) expect(l.hours).toBeLessThanOrEqual(60);
    expect(Math.max(...small.schedule.capacityLedger.map((l) => l.hours))).toBe(60);
  });
});
