import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../core/inventory/schema';
import { planMigration } from '../../../core/planning';
import { buildEligibility, type Verdict } from '../../../core/planning/eligibility';
import { prepareInventory } from '../../../core/planning/inventory';
import { resolveScenario } from '../../../core/planning/scenario';
import { catalog, fullWorkload, type OfferingSpec, type ProviderSpec, workload } from './fixtures';

const START = '2027-01-04'; // deadline default: 2027-07-03 (180 days)

function verdicts(inventory: Workload[], providers: ProviderSpec[], offerings: OfferingSpec[]): { v: (w: number, o: number) => Verdict } {
  const cat = catalog(providers, offerings);
  const { scenario } = resolveScenario({ exitVendor: 'anthropic', startDate: START }, { catalog: cat });
  const inv = prepareInventory(inventory, scenario);
  const table = buildEligibility(inv.workloads, cat, scenario);
  return { v: (w, o) => table.verdicts[table.signatureOf[w]!]![o]! };
}

const codes = (v: Verdict) => v.findings.map((f) => f.code);

describe('eligibility', () => {
  it('classification: authorized level, pending within the deadline (conditional), pending too late, unknown lead time', () => {
    const { v } = verdicts(
      [fullWorkload('S', { classification: 'secret' }), fullWorkload('U', { classification: 'unclassified' })],
      [{ id: 'anthropic' }, { id: 'alpha' }],
      [
        { provider: 'alpha', model: 'cui', maxClassification: 'cui' },
        { provider: 'alpha', model: 'ts', maxClassification: 'top_secret' },
        { provider: 'alpha', model: 'soon', maxClassification: 'secret', pendingLeadDays: 90 },
        { provider: 'alpha', model: 'late', maxClassification: 'secret', pendingLeadDays: 200 },
        { provider: 'alpha', model: 'unknown', maxClassification: 'secret', pendingLeadDays: null },
      ],
    );
    expect(v(0, 0).status).toBe('not_ready');
    expect(v(0, 0).findings[0]!.text).toBe('Not authorized for SECRET: cui (alpha, direct_api) is authorized up to CUI.');
    expect(v(0, 1).status).toBe('ready');
    expect(v(0, 2).status).toBe('conditional');
    expect(v(0, 2).authorizationDay).not.toBeNull();
    expect(v(0, 2).findings[0]!.text).toContain('expected 2027-04-04 (90 days), before the deadline 2027-07-03');
    expect(codes(v(0, 3))).toEqual(['authorization_after_deadline']);
    expect(v(0, 3).status).toBe('not_ready');
    expect(codes(v(0, 4))).toEqual(['authorization_lead_time_unknown']);
    // Unclassified work does not wait for an authorization.
    expect(v(1, 3).status).toBe('ready');
  });

  it('unknown classification is the strictest level seen in the mission area, then in the inventory, else TOP SECRET', () => {
    const cat = catalog([{ id: 'anthropic' }], [{ provider: 'anthropic', model: 'x' }]);
    const { scenario } = resolveScenario({ startDate: START }, { catalog: cat });
    const inv = prepareInventory(
      [
        workload('a1', { missionArea: 'logistics', classification: 'cui' }),
        workload('a2', { missionArea: 'logistics', classification: 'unclassified' }),
        workload('a3', { missionArea: 'logistics' }),
        workload('b1', { missionArea: 'cyber_operations', classification: 'secret' }),
        workload('c1', { missionArea: 'other' }),
      ],
      scenario,
    );
    expect(inv.workloads.map((w) => w.classification)).toEqual(['cui', 'unclassified', 'cui', 'secret', 'secret']);
    expect(inv.workloads[2]!.classificationAssumption).toContain('strictest level seen in logistics');
    expect(inv.workloads[4]!.classificationAssumption).toContain('strictest level in the inventory');
    const lone = prepareInventory([workload('z')], scenario);
    expect(lone.workloads[0]!.classification).toBe('top_secret');
    // Unknown criticality plans as essential.
    expect(lone.workloads[0]!.criticality).toBe('essential');
  });

  it('capabilities, context window (too small, unknown), deprecation, exited vendor', () => {
    const { v } = verdicts(
      [fullWorkload('W', { capabilities: ['vision', 'reasoning'], minContextTokens: 150_000 })],
      [{ id: 'anthropic' }, { id: 'alpha' }],
      [
        { provider: 'anthropic', model: 'own', capabilities: ['vision', 'reasoning'] },
        { provider: 'alpha', model: 'novision', capabilities: ['reasoning'], contextWindow: 200_000 },
        { provider: 'alpha', model: 'small', capabilities: ['vision', 'reasoning'], contextWindow: 128_000 },
        { provider: 'alpha', model: 'nowindow', capabilities: ['vision', 'reasoning'], contextWindow: null },
        { provider: 'alpha', model: 'dying', capabilities: ['vision', 'reasoning'], deprecationDate: '2027-06-30' },
        { provider: 'alpha', model: 'fine', capabilities: ['vision', 'reasoning'], deprecationDate: '2027-07-04' },
      ],
    );
    expect(codes(v(0, 0))).toEqual(['exited_vendor']);
    expect(v(0, 1).findings.map((f) => f.text)).toEqual(['Missing required capabilities: vision.']);
    expect(v(0, 2).findings[0]!.text).toBe('Context window 128,000 tokens is below the 150,000 the workload needs.');
    expect(codes(v(0, 3))).toEqual(['context_window_unknown']);
    expect(codes(v(0, 4))).toEqual(['deprecated']);
    expect(v(0, 5).status).toBe('ready');
  });

  it("provider policy: 'always', 'unless_human_in_loop' (unknown counts as no), documented exceptions are conditional", () => {
    const providers: ProviderSpec[] = [
      { id: 'anthropic' },
      { id: 'strict', prohibits: [{ tag: 'domestic_surveillance' }] },
      { id: 'hil', prohibits: [{ tag: 'autonomous_weapons', appliesToTags: ['autonomous_weapons', 'weapons_targeting'], condition: 'unless_human_in_loop' }] },
      { id: 'carve', prohibits: [{ tag: 'military_warfare', appliesToTags: ['military_warfare', 'foreign_intelligence'], exception: 'US national-security customers' }] },
    ];
    const offerings: OfferingSpec[] = [
      { provider: 'strict', model: 's' },
      { provider: 'hil', model: 'h' },
      { provider: 'carve', model: 'c' },
    ];
    const { v } = verdicts(
      [
        fullWorkload('surv', { useTags: ['domestic_surveillance'] }),
        fullWorkload('tgt-yes', { useTags: ['weapons_targeting'], humanInLoop: true }),
        fullWorkload('tgt-unknown', { useTags: ['weapons_targeting'], humanInLoop: null }),
        fullWorkload('intel', { useTags: ['foreign_intelligence'] }),
      ],
      providers,
      offerings,
    );
    expect(codes(v(0, 0))).toEqual(['prohibited_use']);
    expect(v(0, 1).status).toBe('ready');
    expect(v(1, 1).status).toBe('ready');
    expect(codes(v(2, 1))).toEqual(['prohibited_use']);
    expect(v(2, 1).findings[0]!.text).toContain('does not say whether a human is in the loop');
    expect(v(3, 2).status).toBe('conditional');
    expect(v(3, 2).policyExceptions).toEqual(['military_warfare']);
  });

  it('groups workloads by signature: 2,000 workloads, a handful of distinct checks', () => {
    const cat = catalog([{ id: 'anthropic' }, { id: 'alpha' }], [{ provider: 'alpha', model: 'a' }, { provider: 'alpha', model: 'b' }]);
    const { scenario } = resolveScenario({ startDate: START }, { catalog: cat });
    const inventory = Array.from({ length: 2000 }, (_, i) =>
      fullWorkload(`W${i}`, { classification: i % 2 ? 'cui' : 'secret', monthlyInputTokens: i * 1000, name: `n${i}` }),
    );
    const table = buildEligibility(prepareInventory(inventory, scenario).workloads, cat, scenario);
    expect(table.signatureCount).toBe(2);
  });

  it('a blocked workload carries every reason, counted over the candidate offerings', async () => {
    const cat = catalog(
      [{ id: 'anthropic' }, { id: 'alpha', prohibits: [{ tag: 'cyber_offense' }] }, { id: 'beta' }],
      [
        { provider: 'anthropic', model: 'claude-x', maxClassification: 'top_secret' },
        { provider: 'alpha', model: 'a', maxClassification: 'secret', capabilities: ['tool_use'] },
        { provider: 'beta', model: 'b', maxClassification: 'cui', capabilities: ['vision'] },
        { provider: 'beta', model: 'b2', maxClassification: 'unclassified', capabilities: ['vision'] },
      ],
    );
    const plan = await planMigration(
      {
        inventory: [fullWorkload('X', { classification: 'secret', capabilities: ['vision'], useTags: ['cyber_offense'] })],
        catalog: cat,
        scenario: { startDate: START },
      },
      { solver: null },
    );
    const w = plan.workloads[0]!;
    expect(w.status).toBe('blocked');
    expect(w.eligibility).toBe('not_ready');
    expect(w.reasons).toEqual([
      'Not authorized for the classification (SECRET): 2 of 3 candidate offerings (authorized up to CUI: 1; authorized up to UNCLASSIFIED: 1).',
      'Missing required capabilities: 1 of 3 candidate offerings (vision: 1).',
      'Provider usage policy prohibits the use: 1 of 3 candidate offerings (alpha (cyber_offense): 1).',
    ]);
    expect(w.reasonCodes).toEqual(['classification', 'capability_missing', 'prohibited_use']);
    expect(w.risk).toMatchObject({ category: 'capability_gap', likelihood: 5 });
    expect(plan.totals.counts).toEqual({ planned: 0, blocked: 1, outOfScope: 0 });
  });
});
