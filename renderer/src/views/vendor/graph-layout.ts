/** Lays out the dependency graph with dagre (left to right: a workload, then what it depends on). */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from '../../../../core/analysis/vendor-dependency';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 40;

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}
export interface PlacedEdge extends GraphEdge {
  points: { x: number; y: number }[];
}
export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[]): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const graph = g.graph();
  return {
    nodes: nodes.map((n) => {
      const p = g.node(n.id);
      return { ...n, x: p.x, y: p.y };
    }),
    edges: edges.map((e) => ({ ...e, points: g.edge(e.from, e.to).points ?? [] })),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}
