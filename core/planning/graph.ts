/**
 * The dependency graph of the workloads being moved, as integer indices for speed.
 * Edges point from a workload to the workloads it depends on (depends_on).
 */

export interface Components {
  /** Component number of each node. */
  componentOf: Int32Array;
  /**
   * Members of each component, in ascending node order. Components are numbered so that every
   * dependency's component comes first (a topological order of the condensation).
   */
  members: number[][];
}

/**
 * Strongly connected components by Tarjan's algorithm, iterative so a long dependency chain
 * cannot overflow the stack. Tarjan emits a component only after every component reachable from
 * it — here, its dependencies — so emission order is already dependencies-first.
 */
export function stronglyConnected(n: number, edges: readonly (readonly number[])[]): Components {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const members: number[][] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    frameNode.push(root);
    frameEdge.push(0);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const node = frameNode[top]!;
      const out = edges[node]!;
      const e = frameEdge[top]!;
      if (e < out.length) {
        frameEdge[top] = e + 1;
        const next = out[e]!;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          frameNode.push(next);
          frameEdge.push(0);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node]!, index[next]!);
        }
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (frameNode.length > 0) {
        const parent = frameNode[frameNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          componentOf[member] = members.length;
          component.push(member);
        } while (member !== node);
        component.sort((a, b) => a - b);
        members.push(component);
      }
    }
  }
  return { componentOf, members };
}
