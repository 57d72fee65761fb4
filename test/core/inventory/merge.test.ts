import { describe, expect, it } from 'vitest';
import { mergePlan, workloadsEqual } from '../../../core/inventory/merge';
import { emptyWorkload, type Workload } from '../../../core/inventory/schema';

const w = (id: string, extra: Partial<Workload> = {}): Workload => ({
  ...emptyWorkload({ id, name: `Workload ${id}`, missionArea: 'logistics', vendor: 'anthropic' }),
  ...extra,
});

describe('mergePlan', () => {
  const existing = [w('A'), w('B', { notes: 'old' }), w('C'), w('D')];
  const incoming = [w('B', { notes: 'new' }), w('A'), w('E')];

  it('counts added, updated, unchanged and missing-from-file by id', () => {
    expect(mergePlan(existing, incoming, 'merge')).toEqual({
      mode: 'merge',
      added: ['E'],
      updated: ['B'],
      unchanged: ['A'],
      missingFromFile: ['C', 'D'],
      removed: [],
    });
  });

  it('removes what the file does not mention in replace mode', () => {
    expect(mergePlan(existing, incoming, 'replace')).toMatchObject({ missingFromFile: ['C', 'D'], removed: ['C', 'D'] });
  });

  it('treats a re-import of the same inventory as all unchanged, even after a JSON round trip', () => {
    const stored = JSON.parse(JSON.stringify(existing)) as Workload[];
    expect(mergePlan(stored, existing, 'merge')).toMatchObject({ added: [], updated: [], unchanged: ['A', 'B', 'C', 'D'] });
  });

  it('uses the last row when an id repeats in the incoming rows', () => {
    expect(mergePlan([w('A')], [w('A', { notes: 'x' }), w('A')], 'merge')).toMatchObject({ unchanged: ['A'], updated: [] });
  });
});

describe('workloadsEqual', () => {
  it('compares every field deeply, custom attributes and list order included', () => {
    expect(workloadsEqual(w('A'), w('A'))).toBe(true);
    expect(workloadsEqual(w('A', { capabilities: ['vision'] }), w('A', { capabilities: ['vision'] }))).toBe(true);
    expect(workloadsEqual(w('A', { dependsOn: ['X', 'Y'] }), w('A', { dependsOn: ['Y', 'X'] }))).toBe(false);
    expect(workloadsEqual(w('A', { custom: { k: 'v' } }), w('A', { custom: { k: 'v2' } }))).toBe(false);
    expect(workloadsEqual(w('A', { custom: { k: 'v' } }), w('A'))).toBe(false);
    expect(workloadsEqual(w('A', { monthlyRequests: null }), w('A', { monthlyRequests: 0 }))).toBe(false);
    expect(workloadsEqual(w('A', { monthlyRequests: 0 }), w('A', { monthlyRequests: -0 }))).toBe(true);
  });
});
