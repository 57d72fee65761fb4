import { useMemo } from 'react';
import type { VendorDependency } from '../../../../core/analysis/vendor-dependency';
import { label } from '../../format';
import { NODE_HEIGHT, NODE_WIDTH, layoutGraph } from './graph-layout';

const CRIT_COLOR: Record<string, string> = { critical: '#b3261e', essential: '#c76b00', support: '#1f5fbf', routine: '#5d6878' };

export function DependencyGraph({ graph }: { graph: VendorDependency['graph'] }) {
  // Only workloads that depend on something, or are depended on, are drawn: the rest are islands.
  const linked = useMemo(() => {
    const ids = new Set<string>();
    for (const e of graph.edges) ids.add(e.from).add(e.to);
    return { nodes: graph.nodes.filter((n) => ids.has(n.id)), edges: graph.edges, islands: graph.nodes.length - ids.size };
  }, [graph]);
  const layout = useMemo(() => layoutGraph(linked.nodes, linked.edges), [linked]);

  if (linked.nodes.length === 0) return <p className="muted">None of these workloads depends on another.</p>;
  return (
    <div className="graph-box">
      <svg
        role="img"
        aria-label={`Dependency graph: ${linked.nodes.length} workloads, ${linked.edges.length} dependencies, ${graph.cycles.length} cycles`}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#8d9bb0" />
          </marker>
          <marker id="arrow-cycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#b3261e" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <polyline
            key={`${e.from}->${e.to}`}
            points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke={e.inCycle ? '#b3261e' : '#8d9bb0'}
            strokeWidth={e.inCycle ? 2 : 1.2}
            strokeDasharray={e.inCycle ? '5 3' : undefined}
            markerEnd={e.inCycle ? 'url(#arrow-cycle)' : 'url(#arrow)'}
          />
        ))}
        {layout.nodes.map((n) => (
          <g key={n.id} transform={`translate(${n.x - NODE_WIDTH / 2},${n.y - NODE_HEIGHT / 2})`} data-testid={`graph-node-${n.id}`}>
            <title>{`${n.id}: ${n.name}${n.external ? ' (another vendor or outside the inventory)' : ''}${n.inCycle ? ' — in a dependency cycle' : ''}`}</title>
            <rect
              width={NODE_WIDTH}
              height={NODE_HEIGHT}
              rx={6}
              fill={n.external ? '#f3f5f8' : '#ffffff'}
              stroke={n.inCycle ? '#b3261e' : '#c5cdd8'}
              strokeWidth={n.inCycle ? 2 : 1}
              strokeDasharray={n.external ? '4 3' : undefined}
            />
            <rect width={5} height={NODE_HEIGHT} rx={2} fill={CRIT_COLOR[n.criticality ?? ''] ?? '#c5cdd8'} />
            <text x={12} y={16} fontSize={11} fontWeight={600} fill="#1b2330">
              {n.id.length > 22 ? `${n.id.slice(0, 21)}…` : n.id}
            </text>
            <text x={12} y={31} fontSize={10} fill="#5d6878">
              {(n.external ? 'outside this vendor' : label(n.missionArea)).slice(0, 26)}
            </text>
          </g>
        ))}
      </svg>
      <p className="muted small">
        Arrows point from a workload to what it depends on. Red dashed: a dependency cycle (those workloads move together).
        {linked.islands > 0 ? ` ${linked.islands} workloads with no dependencies are not drawn.` : ''}
        {graph.truncated ? ` The graph is limited to ${graph.nodes.length} of ${graph.totalNodes} workloads.` : ''}
      </p>
    </div>
  );
}
