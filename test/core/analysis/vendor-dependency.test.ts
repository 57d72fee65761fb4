import { describe, expect, it } from 'vitest';
import { monthlySpend, vendorDependency } from '../../../core/analysis/vendor-dependency';
import { emptyWorkload, type Workload } from '../../../core/inventory/schema';

const w = (id: string, patch: Partial<Workload> = {}): Workload => ({
  ...emptyWorkload({ id, name: `Workload ${id}`, missionArea: 'intelligence_analysis', vendor: 'anthropic' }),
  ...patch,
});

const PRICES = { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3 };

describe('monthlySpend', () => {
  it('prices input, cached input and output per million tokens', () => {
    // 10M input, 40% cached: 6M × $3 + 4M × $0.30 = $18 + $1.20; 2M output × $15 = $30 → $49.20
    expect(monthlySpend(w('A', { monthlyInputTokens: 10e6, monthlyOutputTokens: 2e6, cachedInputShare: 0.4 }), PRICES)).toBeCloseTo(49.2, 10);
  });

  it('is unknown, not zero, when the volume or a needed price is unknown', () => {
    expect(monthlySpend(w('A'), PRICES)).toBeNull();
    expect(monthlySpend(w('A', { monthlyOutputTokens: 1e6 }), { ...PRICES, outputPerMTok: null })).toBeNull();
    expect(monthlySpend(w('A', { monthlyInputTokens: 1e6 }), { ...PRICES, outputPerMTok: null })).toBeCloseTo(3, 10);
  });
});

describe('vendorDependency', () => {
  const inventory = [
    w('A', { monthlyInputTokens: 1e6, monthlyOutputTokens: 1e6, criticality: 'critical', classification: 'secret', dependsOn: ['B'] }),
    w('B', { missionArea: 'cyber_operations', monthlyInputTokens: 2e6, dependsOn: ['A'] }),
    w('C', { missionArea: 'cyber_operations', dependsOn: ['X'] }),
    w('X', { vendor: 'openai', monthlyInputTokens: 5e6 }),
    w('D', { vendor: 'anthropic', model: 'unknown-model', monthlyInputTokens: 1e6, dependsOn: ['NOWHERE'] }),
  ];
  const priceOf = (x: Workload) => (x.model === 'unknown-model' ? null : { prices: PRICES, basis: 'test price' });
  const result = vendorDependency(inventory, 'anthropic', priceOf);

  it('counts only the vendor’s workloads, with tokens and spend, unknowns counted apart', () => {
    expect(result.workloadCount).toBe(4);
    expect(result.tokens).toEqual({ input: 4e6, output: 1e6, unknownVolume: 1 });
    // A: $3 + $15 = $18; B: 2 × $3 = $6; C: no volume; D: no price.
    expect(result.spend.monthly).toBeCloseTo(24, 10);
    expect(result.spend.unknown).toBe(2);
  });

  it('breaks down by mission area, classification and criticality', () => {
    // Largest first; ties by name.
    expect(result.byMission.map((b) => [b.key, b.count])).toEqual([
      ['cyber_operations', 2],
      ['intelligence_analysis', 2],
    ]);
    expect(result.byMission.find((b) => b.key === 'cyber_operations')).toMatchObject({ tokens: 2e6, spend: 6, spendUnknown: 1 });
    expect(result.byClassification.find((b) => b.key === null)).toMatchObject({ count: 3 });
    expect(result.byCriticality.find((b) => b.key === 'critical')).toMatchObject({ count: 1, spend: 18 });
  });

  it('shows dependencies, marks the cycle and the outside nodes', () => {
    expect(result.graph.cycles).toEqual([['A', 'B']]);
    expect(result.graph.edges).toEqual(
      expect.arrayContaining([
        { from: 'A', to: 'B', inCycle: true },
        { from: 'B', to: 'A', inCycle: true },
        { from: 'C', to: 'X', inCycle: false },
        { from: 'D', to: 'NOWHERE', inCycle: false },
      ]),
    );
    const x = result.graph.nodes.find((n) => n.id === 'X');
    expect(x).toMatchObject({ external: true, inCycle: false });
    expect(result.graph.nodes.find((n) => n.id === 'A')).toMatchObject({ external: false, inCycle: true });
  });
});
