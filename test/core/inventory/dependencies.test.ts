import { describe, expect, it } from 'vitest';
import { cyclicComponents, dependencyWarnings, findCycles } from '../../../core/inventory/dependencies';

const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

describe('findCycles (Tarjan)', () => {
  it('finds nothing in a DAG', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds 2-cycles, self-loops and larger cycles, members in insertion order', () => {
    expect(
      findCycles(graph({ a: ['b'], b: ['a'], s: ['s'], x: ['y'], y: ['z'], z: ['x', 'a'], lone: ['a'] })),
    ).toEqual([['a', 'b'], ['s'], ['x', 'y', 'z']]);
  });

  it('merges overlapping cycles into one component', () => {
    expect(findCycles(graph({ a: ['b'], b: ['a', 'c'], c: ['b'] }))).toEqual([['a', 'b', 'c']]);
  });

  it('ignores edges to ids outside the graph', () => {
    expect(findCycles(graph({ a: ['ghost'], b: ['b', 'ghost'] }))).toEqual([['b']]);
  });

  it('handles a 100,000-long chain and a 100,000-long cycle without overflowing the stack', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    expect(cyclicComponents(chain)).toEqual([]);
    const ring = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const components = cyclicComponents(ring);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});

describe('dependencyWarnings', () => {
  const node = (id: string, line: number, dependsOn: string[]) => ({ id, line, dependsOn });

  it('lists all unknown ids of a workload in one warning', () => {
    expect(dependencyWarnings([node('A', 2, ['x', 'y'])])).toEqual(['Line 2: "A" depends on "x", "y", which are not in this file.']);
  });

  it('gives a concrete path for a long cycle', () => {
    const w = dependencyWarnings([node('A', 2, ['B']), node('B', 3, ['C']), node('C', 4, ['D']), node('D', 5, ['A'])]);
    expect(w).toEqual([
      'Dependency cycle among 4 workloads: "A", "B", "C", "D" (for example "A" → "B" → "C" → "D" → "A"); they will have to move in the same wave.',
    ]);
  });
});
