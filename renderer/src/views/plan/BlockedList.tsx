import type { Plan } from '../../../../core/planning/plan-schema';
import { formatMoney, label } from '../../format';

/** Blocked workloads, each with every reason no candidate offering can take it. */
export function BlockedList({ plan }: { plan: Plan }) {
  const blocked = plan.workloads.filter((w) => w.status === 'blocked');
  return (
    <div className="panel" data-testid="blocked">
      <h3>Blocked workloads ({blocked.length})</h3>
      {blocked.length === 0 ? (
        <p className="muted">None: every in-scope workload has an eligible offering.</p>
      ) : (
        <ul className="blocked-list">
          {blocked.map((w) => (
            <li key={w.id}>
              <div>
                <span className="mono">{w.id}</span> <strong>{w.name}</strong>{' '}
                <span className="muted small">
                  {label(w.criticality)} · {label(w.classification)} · today {formatMoney(w.monthlyCostBefore)} a month
                </span>
              </div>
              <ul className="plan-list">
                {w.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
