import { Fragment, useMemo, useState } from 'react';
import type { Plan, PlanWorkload } from '../../../../core/planning/plan-schema';
import { formatMoney, label } from '../../format';
import { useAppStore } from '../../store';
import { describeOverride, laterWaves, offeringParts, pinChoices } from '../../store/plan-model';
import { planLabel } from './plan-format';

const PAGE = 200;
type StatusFilter = 'all' | PlanWorkload['status'];

export function RiskChip({ score, level, category }: { score: number; level: string; category?: string }) {
  return (
    <span className={`risk-chip ${level}`} title={`${planLabel(level)} risk${category ? `: ${planLabel(category)}` : ''}`}>
      {score}
      {category ? <span className="risk-chip-cat"> {planLabel(category)}</span> : null}
    </span>
  );
}

function Target({ offering }: { offering: string }) {
  const o = offeringParts(offering);
  return (
    <div className="plan-target" title={offering}>
      <span>
        {o.provider} · {o.model}
      </span>
      <span className="muted small">
        {label(o.route)} · {o.region}
      </span>
    </div>
  );
}

function OverrideControls({ w, plan }: { w: PlanWorkload; plan: Plan }) {
  const running = useAppStore((s) => s.planRun !== null);
  const apply = useAppStore((s) => s.setWorkloadOverride);
  // What this plan was made with (the badge and the buttons describe the plan on screen).
  const existing = plan.scenario.overrides.find((o) => o.workloadId === w.id);
  const choices = pinChoices(w);
  const waves = laterWaves(w, plan);
  const [pin, setPin] = useState(choices.find((c) => !c.current)?.offering ?? '');
  const [wave, setWave] = useState(waves[0] ?? 0);
  const onOtherVendor = w.status === 'out_of_scope' && !existing?.exclude;
  if (onOtherVendor) return <p className="muted small">Not on the exited vendor: nothing to decide.</p>;
  return (
    <div className="plan-overrides" role="group" aria-label={`Overrides for ${w.id}`}>
      {w.status === 'planned' ? (
        <>
          <label className="facet">
            <span>Pin target</span>
            <select aria-label={`Pin target for ${w.id}`} value={pin} onChange={(e) => setPin(e.target.value)} disabled={choices.length < 2}>
              {choices.length < 2 ? <option value="">no other eligible offering</option> : null}
              {choices
                .filter((c) => !c.current)
                .map((c) => (
                  <option key={c.offering} value={c.offering}>
                    {c.offering} ({planLabel(c.eligibility)})
                  </option>
                ))}
            </select>
          </label>
          <button type="button" disabled={running || !pin} onClick={() => void apply(w.id, { pinOffering: pin })}>
            Pin and re-plan
          </button>
          <label className="facet">
            <span>Move to wave</span>
            <select aria-label={`Move ${w.id} to wave`} value={wave} onChange={(e) => setWave(Number(e.target.value))}>
              {waves.map((n) => (
                <option key={n} value={n}>
                  Wave {n}
                  {n > Math.max(...plan.waves.map((x) => x.number)) ? ' (new)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={running || waves.length === 0} onClick={() => void apply(w.id, { wave })}>
            Move and re-plan
          </button>
        </>
      ) : null}
      {!existing?.exclude ? (
        <button type="button" disabled={running} onClick={() => void apply(w.id, { exclude: true })}>
          Exclude from plan
        </button>
      ) : null}
      {existing ? (
        <button type="button" disabled={running} onClick={() => void apply(w.id, 'clear')}>
          Clear override ({describeOverride(existing)})
        </button>
      ) : null}
    </div>
  );
}

function Details({ w, plan }: { w: PlanWorkload; plan: Plan }) {
  return (
    <div className="plan-details">
      <div className="plan-details-grid">
        <div>
          <h4>Reasons</h4>
          <ul className="plan-list">
            {w.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {w.rollbackCriterion ? (
            <>
              <h4>Rollback criterion</h4>
              <p className="small">{w.rollbackCriterion}</p>
            </>
          ) : null}
        </div>
        {w.status === 'out_of_scope' ? null : (
          <div>
            <h4>
              Risk <RiskChip score={w.risk.score} level={w.risk.level} category={w.risk.category} /> (likelihood {w.risk.likelihood} × consequence {w.risk.consequence})
            </h4>
            <ul className="plan-list">
              {w.risk.drivers.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <h4>Confidence: {planLabel(w.confidence.level)}</h4>
            <ul className="plan-list">
              {w.confidence.drivers.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            {w.alternatives.length ? (
              <>
                <h4>Other eligible offerings</h4>
                <ul className="plan-list">
                  {w.alternatives.map((a) => (
                    <li key={a.offering}>
                      <span className="mono">{a.offering}</span> — {planLabel(a.eligibility)}, score {a.score.toFixed(2)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        )}
      </div>
      <OverrideControls key={`${plan.scenario.name}:${w.id}:${w.status}:${w.wave ?? ''}`} w={w} plan={plan} />
    </div>
  );
}

/** Every workload of the plan with its decision, and per-row overrides in an expandable row. */
export function WorkloadTable({ plan }: { plan: Plan }) {
  const overrides = plan.scenario.overrides;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    return plan.workloads.filter(
      (w) => (status === 'all' || w.status === status) && (!q || w.id.toLowerCase().includes(q) || w.name.toLowerCase().includes(q) || (w.target?.offering ?? '').includes(q)),
    );
  }, [plan, status, text]);
  const overrideOf = (id: string) => overrides.find((o) => o.workloadId === id);
  const cols = 10;

  return (
    <div className="panel">
      <h3>Workloads</h3>
      <div className="toolbar">
        <input type="search" className="search" placeholder="Search id, name, target…" aria-label="Search plan workloads" value={text} onChange={(e) => setText(e.target.value)} />
        <label className="facet">
          <span>Status</span>
          <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">All ({plan.workloads.length})</option>
            <option value="planned">Planned ({plan.totals.counts.planned})</option>
            <option value="blocked">Blocked ({plan.totals.counts.blocked})</option>
            <option value="out_of_scope">Out of scope ({plan.totals.counts.outOfScope})</option>
          </select>
        </label>
      </div>
      <div className="plan-table-box">
        <table className="grid plan-table" aria-label="Plan workloads">
          <thead>
            <tr>
              <th>Workload</th>
              <th>Status</th>
              <th>Target offering</th>
              <th>Eligibility</th>
              <th className="num">Wave</th>
              <th className="nowrap">Cut-over</th>
              <th className="num">One-time P50</th>
              <th className="num">Monthly before</th>
              <th className="num">Monthly after</th>
              <th>Risk</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((w) => {
              const o = describeOverride(overrideOf(w.id));
              const expanded = open === w.id;
              const late = w.dates.cutover !== null && w.dates.cutover > plan.scenario.deadline;
              return (
                <Fragment key={w.id}>
                  <tr data-testid={`plan-row-${w.id}`} className={expanded ? 'open' : undefined}>
                    <td>
                      <button
                        type="button"
                        className="plan-disclosure"
                        aria-expanded={expanded}
                        aria-label={`Details and overrides for ${w.id}`}
                        title="Details and overrides"
                        onClick={() => setOpen(expanded ? null : w.id)}
                      >
                        <span className="plan-caret" aria-hidden="true">
                          {expanded ? '▾' : '▸'}
                        </span>
                        <span className="mono">{w.id}</span> {w.name}
                      </button>
                      <div className="muted small plan-sub">
                        {label(w.criticality)} · {label(w.classification)}
                      </div>
                    </td>
                    <td>
                      <span className={`status-chip ${w.status}`} data-testid="plan-status">
                        {planLabel(w.status)}
                      </span>
                      {o ? <div className="override-badge">{o}</div> : null}
                    </td>
                    <td>{w.target ? <Target offering={w.target.offering} /> : <span className="muted">—</span>}</td>
                    <td>{w.status === 'out_of_scope' ? <span className="muted">—</span> : <span className={`elig ${w.eligibility}`}>{planLabel(w.eligibility)}</span>}</td>
                    <td className="num">{w.wave ?? '—'}</td>
                    <td className={late ? 'bad-text' : undefined} title={late ? 'after the deadline' : undefined}>
                      {w.dates.cutover ?? '—'}
                    </td>
                    <td className="num" title={w.status === 'planned' ? `P10 ${formatMoney(w.oneTimeCost.p10)} · P90 ${formatMoney(w.oneTimeCost.p90)}` : undefined}>
                      {w.status === 'planned' ? formatMoney(w.oneTimeCost.p50) : '—'}
                    </td>
                    <td className="num">{formatMoney(w.monthlyCostBefore)}</td>
                    <td className="num" title={w.status === 'planned' && w.monthlyCostAfter === null ? 'The target has no catalog price' : undefined}>
                      {formatMoney(w.monthlyCostAfter)}
                      {w.status === 'planned' && w.monthlyCostAfter === null ? <div className="muted small">unpriced</div> : null}
                    </td>
                    <td>
                      {w.status === 'out_of_scope' ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <RiskChip score={w.risk.score} level={w.risk.level} />
                          <div className="muted small">{planLabel(w.risk.category)}</div>
                        </>
                      )}
                    </td>
                  </tr>
                  {expanded ? (
                    <tr className="plan-detail-row">
                      <td colSpan={cols}>
                        <Details w={w} plan={plan} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > limit ? (
        <p className="small">
          Showing {limit} of {rows.length}.{' '}
          <button type="button" className="plan-btn-sm" onClick={() => setLimit(limit + PAGE * 5)}>
            Show more
          </button>
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">No workload matches.</p> : null}
    </div>
  );
}
