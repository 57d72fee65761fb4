import { useMemo } from 'react';
import type { Plan } from '../../../../core/planning/plan-schema';
import { formatWhole } from '../../format';
import { GANTT, layoutGantt, MAX_WORKLOAD_ROWS } from './gantt-layout';

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The waves as an inline SVG Gantt chart, with the deadline and the P50 completion as lines. */
export function GanttChart({ plan }: { plan: Plan }) {
  const g = useMemo(() => layoutGantt(plan), [plan]);
  const top = GANTT.axis - 6;
  // The deadline is labelled above the rows and the P50 completion below them, each turned
  // leftward near the right edge, so the two never overlap.
  const anchor = (x: number) => (x > GANTT.width - 170 ? { x: x - 4, textAnchor: 'end' as const } : { x: x + 4, textAnchor: 'start' as const });
  const bottom = g.height - GANTT.pad - 4;
  return (
    <div className="panel">
      <h3>Waves</h3>
      <div className="gantt-legend" aria-hidden="true">
        <span>
          <i className="swatch migrate" /> migrate
        </span>
        <span>
          <i className="swatch parallel" /> parallel run
        </span>
        <span>
          <i className="swatch cutover" /> cut-over
        </span>
        <span>
          <i className="swatch rollback" /> rollback window → decommission
        </span>
        <span>
          <i className="swatch deadline" /> deadline
        </span>
        <span>
          <i className="swatch completion" /> P50 completion
        </span>
      </div>
      {!g.workloadRowsShown ? (
        <p className="muted small">
          {formatWhole(g.plannedCount)} planned workloads: more than {MAX_WORKLOAD_ROWS}, so the chart shows waves only; each workload's dates are in the table below.
        </p>
      ) : null}
      <div className="gantt-box">
        <svg
          viewBox={`0 0 ${GANTT.width} ${g.height}`}
          width={GANTT.width}
          height={g.height}
          role="img"
          aria-label={`Waves Gantt chart: ${plan.waves.length} waves, deadline ${plan.scenario.deadline}`}
          data-testid="gantt"
        >
          {g.ticks.map((t) => (
            <g key={t.label + t.x} className={t.year ? 'gantt-tick year' : 'gantt-tick'}>
              <line x1={t.x} x2={t.x} y1={top} y2={g.height} />
              <text x={t.x + 3} y={14}>
                {t.label}
              </text>
            </g>
          ))}
          {g.rows.map((r) => {
            if (r.kind === 'wave') {
              return (
                <g key={`wave-${r.number}`} className="gantt-wave" data-testid={`gantt-wave-${r.number}`}>
                  <rect className="gantt-band" x={0} y={r.y - 1} width={GANTT.width} height={GANTT.row + 2} />
                  <text x={4} y={r.y + 13} className="gantt-wave-label">
                    {clip(`Wave ${r.number} · ${r.name}`, 36)}
                    {r.number > 0 ? ` (${r.count})` : ''}
                  </text>
                  <rect className="gantt-wave-bar" x={r.x1} y={r.y + 3} width={Math.max(2, r.x2 - r.x1)} height={GANTT.row - 6} rx={3}>
                    <title>{`Wave ${r.number} · ${r.name}: ${r.start} → ${r.end}${r.number > 0 ? `, ${r.count} workloads` : ''}`}</title>
                  </rect>
                </g>
              );
            }
            if (r.kind === 'task') {
              return (
                <g key={`task-${r.y}`} className="gantt-task">
                  <text x={14} y={r.y + 12}>
                    {clip(r.short, 42)}
                  </text>
                  <rect x={r.x1} y={r.y + 5} width={Math.max(2, r.x2 - r.x1)} height={GANTT.row - 10} rx={2}>
                    <title>{`${r.title}: ${r.start} → ${r.end}`}</title>
                  </rect>
                </g>
              );
            }
            const [m, p, c, d] = r.xs;
            const h = GANTT.row - 8;
            return (
              <g key={`w-${r.id}`} className={r.late ? 'gantt-workload late' : 'gantt-workload'} data-testid={`gantt-bar-${r.id}`}>
                <title>{`${r.id} ${r.name}: migrate ${r.dates.migrateStart}, parallel run ${r.dates.parallelRunStart}, cut-over ${r.dates.cutover}${r.dates.decommission ? `, decommission ${r.dates.decommission}` : ''}${r.late ? ' (after the deadline)' : ''}`}</title>
                <text x={14} y={r.y + 12}>
                  {clip(`${r.id} ${r.name}`, 42)}
                </text>
                <rect className="seg migrate" x={m} y={r.y + 4} width={Math.max(1, p - m)} height={h} />
                <rect className="seg parallel" x={p} y={r.y + 4} width={Math.max(1, c - p)} height={h} />
                {d !== null ? <rect className="seg rollback" x={c} y={r.y + 7} width={Math.max(1, d - c)} height={h - 6} /> : null}
                <path className="seg cutover" d={`M ${c} ${r.y + 2} l 5 ${h / 2 + 2} l -5 ${h / 2 + 2} l -5 ${-(h / 2 + 2)} z`} />
              </g>
            );
          })}
          <g className="gantt-line deadline" data-testid="gantt-deadline">
            <line x1={g.deadline.x} x2={g.deadline.x} y1={top} y2={bottom + 4} />
            <text {...anchor(g.deadline.x)} y={28}>
              deadline {g.deadline.date}
            </text>
          </g>
          {g.completion ? (
            <g className="gantt-line completion">
              <line x1={g.completion.x} x2={g.completion.x} y1={top} y2={bottom + 4} />
              <text {...anchor(g.completion.x)} y={bottom + 2}>
                P50 completion {g.completion.date}
              </text>
            </g>
          ) : null}
        </svg>
      </div>
    </div>
  );
}
