/**
 * The depends_on graph of an import: ids nobody defines, and cycles. Neither stops an import
 * (the planner moves a cycle in one wave, and an unknown id may be a system outside the
 * inventory), but both are warnings a user should read, naming the ids involved.
 */

export interface DependencyNode {
  id: string;
  /** Physical line of the workload's record, for messages. */
  line: number;
  dependsOn: readonly string[];
}

/**
 * Strongly connected components with Tarjan's algorithm over numbered nodes, written
 * iteratively: a chain of 100,000 workloads would overflow the call stack of the recursive
 * version, and typed arrays keep 100,000 rows in milliseconds. Returns the components that are
 * cycles (two or more nodes, or one node with an edge to itself), members ascending, components
 * ordered by their smallest member.
 */
export function cyclicComponents(adjacency: readonly (readonly number[])[]): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frameNode.push(v);
    frameEdge.push(0);
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    visit(root);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      const edges = adjacency[v]!;
      const e = frameEdge[top]!;
      if (e < edges.length) {
        frameEdge[top] = e + 1;
        const w = edges[e]!;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== v);
        if (component.length > 1 || edges.includes(v)) components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components.sort((a, b) => a[0]! - b[0]!);
}

const NONE: readonly number[] = Object.freeze([]);
const NONE_IDS: readonly string[] = Object.freeze([]);

/** Numbers the ids of a graph and its edges; edges to ids outside the graph are returned apart. */
function numberGraph<N extends { id: string; dependsOn: readonly string[] }>(
  nodes: readonly N[],
  /** id -> position in `nodes`, when the caller already has it and the ids are distinct. */
  known?: ReadonlyMap<string, number>,
): {
  ids: string[];
  /** The node each number stands for (the first with that id). */
  firstNodes: N[];
  adjacency: (readonly number[])[];
  outside: (readonly string[])[];
} {
  let number: ReadonlyMap<string, number>;
  let ids: string[];
  let firstNodes: N[];
  let deps: (readonly string[])[];
  if (known && known.size === nodes.length) {
    number = known;
    firstNodes = [...nodes];
    ids = firstNodes.map((n) => n.id);
    deps = firstNodes.map((n) => n.dependsOn);
  } else {
    const numbering = new Map<string, number>();
    ids = [];
    firstNodes = [];
    deps = [];
    for (const node of nodes) {
      if (numbering.has(node.id)) continue; // a repeated id: the first occurrence defines it
      numbering.set(node.id, ids.length);
      ids.push(node.id);
      firstNodes.push(node);
      deps.push(node.dependsOn);
    }
    number = numbering;
  }
  const adjacency: (readonly number[])[] = [];
  const outside: (readonly string[])[] = [];
  for (const list of deps) {
    // Most workloads depend on nothing: share one empty array rather than allocate two per node.
    if (list.length === 0) {
      adjacency.push(NONE);
      outside.push(NONE_IDS);
      continue;
    }
    const edges: number[] = [];
    let unknown: string[] | null = null;
    for (const d of list) {
      const j = number.get(d);
      if (j !== undefined) edges.push(j);
      else (unknown ??= []).push(d);
    }
    adjacency.push(edges);
    outside.push(unknown ?? NONE_IDS);
  }
  return { ids, firstNodes, adjacency, outside };
}

/** The cycles of an id graph (id -> ids it depends on), ids in insertion order. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const { ids, adjacency } = numberGraph([...graph].map(([id, dependsOn]) => ({ id, dependsOn })));
  return cyclicComponents(adjacency).map((c) => c.map((i) => ids[i]!));
}

/** One concrete cycle through the component's first member, e.g. A → B → C → A, by breadth-first search. */
function exampleCycle(component: readonly number[], adjacency: readonly (readonly number[])[]): number[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<number, number>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of adjacency[node] ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const q = (s: string): string => JSON.stringify(s);

/**
 * Warnings for an import: depends_on ids that are neither in the file nor in `existingIds` (the
 * current inventory, when merging), and every dependency cycle with its members named.
 * `nodes` holds one entry per distinct id, first occurrence first.
 */
export function dependencyWarnings(
  nodes: readonly DependencyNode[],
  existingIds?: ReadonlySet<string>,
  /** id -> position in `nodes` when the caller has built it already (ids distinct). */
  nodeIndex?: ReadonlyMap<string, number>,
): string[] {
  const warnings: string[] = [];
  const { ids, firstNodes, adjacency, outside } = numberGraph(nodes, nodeIndex);

  // Built only if some id is unknown: it exists to suggest "did you mean" for a case slip.
  let byLowerCase: Map<string, string> | null = null;
  const nearMiss = (d: string): string | undefined => {
    if (!byLowerCase) {
      byLowerCase = new Map();
      for (const id of [...ids, ...(existingIds ?? [])]) {
        const k = id.toLowerCase();
        if (!byLowerCase.has(k)) byLowerCase.set(k, id);
      }
    }
    return byLowerCase.get(d.toLowerCase());
  };

  const where = existingIds ? 'in this file or the current inventory' : 'in this file';
  for (let i = 0; i < ids.length; i++) {
    const unknown = existingIds ? outside[i]!.filter((d) => !existingIds.has(d)) : outside[i]!;
    if (unknown.length === 0) continue;
    const described = unknown.map((d) => {
      const near = nearMiss(d);
      return near !== undefined ? `${q(d)} (did you mean ${q(near)}?)` : q(d);
    });
    warnings.push(
      `Line ${firstNodes[i]!.line}: ${q(ids[i]!)} depends on ${described.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not ${where}.`,
    );
  }

  for (const component of cyclicComponents(adjacency)) {
    const names = component.map((i) => q(ids[i]!));
    if (component.length === 1) {
      warnings.push(`Dependency cycle: ${names[0]} depends on itself.`);
    } else if (component.length === 2) {
      warnings.push(`Dependency cycle: ${names[0]} and ${names[1]} depend on each other; they will have to move in the same wave.`);
    } else {
      const path = exampleCycle(component, adjacency)
        .map((i) => q(ids[i]!))
        .join(' → ');
      warnings.push(
        `Dependency cycle among ${component.length} workloads: ${names.join(', ')} (for example ${path}); they will have to move in the same wave.`,
      );
    }
  }
  return warnings;
}
