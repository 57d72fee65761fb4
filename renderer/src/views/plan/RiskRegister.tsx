import { useMemo, useState } from 'react';
import type { Plan } from '../../../../core/planning/plan-schema';
import { cellLevel, heatMap, topRisks } from '../../store/plan-model';
import { planLabel } from './plan-format';
import { RiskChip } from './WorkloadTable';

const TOP = 10;
const SCALE = [1, 2, 3, 4, 5];

/** The 5×5 heat map of register entries and the top entries (a cell filters them). */
export function RiskRegister({ plan }: { plan: Plan }) {
  const grid = useMemo(() => heatMap(plan.risks), [plan]);
  const [cell, setCell] = useState<{ likelihood: number; consequence: number } | null>(null);
  const [all, setAll] = useState(false);
  const entries = useMemo(() => topRisks(plan.risks, cell), [plan, cell]);
  const names = useMemo(() => new Map(plan.workloads.map((w) => [w.id, w.name])), [plan]);
  const shown = all ? entries : entries.slice(0, TOP);

  return (
    <div className="panel">
      <h3>Risk register ({plan.risks.length} entries)</h3>
      <div className="risk-layout">
        <div className="heatmap-box">
          <table className="heatmap" aria-label="Risk heat map: register entries by likelihood and consequence">
            <tbody>
              {[...SCALE].reverse().map((l) => (
                <tr key={l}>
                  {l === 5 ? (
                    <th rowSpan={5} className="heatmap-axis-y" scope="rowgroup">
                      <span>Likelihood</span>
                    </th>
                  ) : null}
                  <th scope="row" className="heatmap-tick">
                    {l}
                  </th>
                  {SCALE.map((c) => {
                    const n = grid[l - 1]![c - 1]!;
                    const active = cell?.likelihood === l && cell.consequence === c;
                    return (
                      <td key={c} className={`heat ${cellLevel(l, c)}${n ? '' : ' empty'}${active ? ' active' : ''}`}>
                        <button
                          type="button"
                          aria-pressed={active}
                          aria-label={`Likelihood ${l}, consequence ${c}: ${n} entries`}
                          disabled={n === 0}
                          onClick={() => setCell(active ? null : { likelihood: l, consequence: c })}
                        >
                          {n || ''}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <td colSpan={2} />
                {SCALE.map((c) => (
                  <th key={c} scope="col" className="heatmap-tick">
                    {c}
                  </th>
                ))}
              </tr>
              <tr>
                <td colSpan={2} />
                <th colSpan={5} className="heatmap-axis-x">
                  Consequence
                </th>
              </tr>
            </tbody>
          </table>
          <p className="muted small">Low ≤ 6 · moderate 7–12 · high ≥ 15. Choose a cell to list its entries.</p>
        </div>
        <div className="risk-entries">
          <p className="small">
            {cell ? (
              <>
                Entries at likelihood {cell.likelihood} × consequence {cell.consequence} ({entries.length}).{' '}
                <button type="button" className="plan-btn-sm" onClick={() => setCell(null)}>
                  Show all cells
                </button>
              </>
            ) : (
              <>Top entries by score.</>
            )}
          </p>
          <table className="grid compact" aria-label="Top risks">
            <thead>
              <tr>
                <th>Risk</th>
                <th>Score</th>
                <th>Owner</th>
                <th>Mitigation</th>
                <th>Drivers</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>
                    <div className="mono">{r.id}</div>
                    <div>{planLabel(r.category)}</div>
                    <div className="muted small">{r.workloadId ? `${r.workloadId} ${names.get(r.workloadId) ?? ''}` : 'whole plan'}</div>
                  </td>
                  <td>
                    <RiskChip score={r.score} level={r.level} />
                    <div className="muted small">
                      L{r.likelihood} × C{r.consequence}
                    </div>
                  </td>
                  <td>{r.owner ?? <span className="muted">—</span>}</td>
                  <td className="small">{r.mitigation}</td>
                  <td className="small">
                    <ul className="plan-list">
                      {r.drivers.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length > TOP ? (
            <button type="button" className="plan-btn-sm" onClick={() => setAll(!all)}>
              {all ? `Show the top ${TOP}` : `Show all ${entries.length}`}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
