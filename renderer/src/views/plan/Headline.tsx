import type { Plan } from '../../../../core/planning/plan-schema';
import { formatMoney, formatWhole } from '../../format';
import { daysBetween, readRunRate } from '../../store/plan-model';
import { formatHours, formatPercent, planLabel, relativeToDeadline } from './plan-format';

/** The figures a program office briefs first, each with its range or its caveat. */
export function Headline({ plan }: { plan: Plan }) {
  const t = plan.totals;
  const rr = readRunRate(plan);
  const late = daysBetween(plan.scenario.deadline, t.completion.p50);
  const hasPlanned = t.counts.planned > 0;
  return (
    <div className="stats plan-headline" data-testid="plan-headline" role="group" aria-label="Headline figures">
      <div className="stat plan-stat">
        <span className="stat-label">One-time cost, P50</span>
        <span className="stat-value" data-testid="headline-cost-p50">
          {formatMoney(t.oneTimeCost.p50)}
        </span>
        <span className="stat-sub" data-testid="headline-cost-range">
          <span className="stat-line">P10 {formatMoney(t.oneTimeCost.p10)}</span>
          <span className="stat-line">P90 {formatMoney(t.oneTimeCost.p90)}</span>
        </span>
        <span className="stat-sub">effort P50 {formatHours(t.effortHours.p50)}</span>
      </div>

      <div className={rr.after === null ? 'stat plan-stat wide warn' : 'stat plan-stat wide'}>
        <span className="stat-label">Run-rate a month, planned workloads</span>
        <span className="stat-value" data-testid="headline-run-rate">
          {formatMoney(rr.beforePlanned)} → {rr.after === null ? '—' : formatMoney(rr.after)}
        </span>
        {rr.after === null ? (
          <span className="stat-sub" data-testid="headline-unpriced">
            after unknown: {rr.unpricedAfter} of {rr.planned} targets have no catalog price (the priced part is {formatMoney(rr.afterPriced)})
          </span>
        ) : null}
        {rr.after === null && rr.likeForLike ? (
          <span className="stat-sub">
            like for like on the {rr.likeForLike.count} priced: {formatMoney(rr.likeForLike.before)} → {formatMoney(rr.likeForLike.after)}
          </span>
        ) : null}
        <span className="stat-sub">
          today, all in scope: {formatMoney(rr.beforeAll)}
          {rr.unpricedBefore ? ` (${rr.unpricedBefore} with no known cost are not in the before sums)` : ''}
        </span>
      </div>

      <div className={hasPlanned && late > 0 ? 'stat plan-stat bad' : 'stat plan-stat'}>
        <span className="stat-label">Completion, P50</span>
        <span className="stat-value" data-testid="headline-completion">
          {hasPlanned ? t.completion.p50 : '—'}
        </span>
        <span className="stat-sub">
          <span className="stat-line">P10 {hasPlanned ? t.completion.p10 : '—'}</span>
          <span className="stat-line">P90 {hasPlanned ? t.completion.p90 : '—'}</span>
        </span>
        <span className={hasPlanned && late > 0 ? 'stat-sub bad-text' : 'stat-sub'}>
          deadline {plan.scenario.deadline}
          {hasPlanned ? ` · P50 ${relativeToDeadline(late)}` : ''}
        </span>
      </div>

      <div className={hasPlanned && t.deadlineProbability < 0.5 ? 'stat plan-stat bad' : 'stat plan-stat'}>
        <span className="stat-label">Deadline met</span>
        <span className="stat-value" data-testid="headline-deadline-probability">
          {hasPlanned ? formatPercent(t.deadlineProbability) : '—'}
        </span>
        <span className="stat-sub">
          probability over {formatWhole(plan.scenario.iterations)} Monte Carlo iterations (seed {plan.scenario.seed})
        </span>
      </div>

      <div className="stat plan-stat">
        <span className="stat-label">Workloads</span>
        <span className="stat-value" data-testid="headline-counts">
          {formatWhole(t.counts.planned)} <span className="stat-unit">planned</span>
        </span>
        <span className="stat-sub">
          <span className="stat-line" data-testid="headline-blocked">
            {formatWhole(t.counts.blocked)} blocked
          </span>
          <span className="stat-line" data-testid="headline-out-of-scope">
            {formatWhole(t.counts.outOfScope)} out of scope
          </span>
        </span>
        <span className="stat-sub">
          {plan.waves.length} waves (incl. wave 0)
          {plan.assignment.chosenProvider ? ` · all on ${plan.assignment.chosenProvider}` : ''}
        </span>
      </div>

      <div className={t.confidence.level === 'low' ? 'stat plan-stat bad' : 'stat plan-stat'}>
        <span className="stat-label">Confidence</span>
        <span className="stat-value" data-testid="headline-confidence">
          {planLabel(t.confidence.level)}
        </span>
        <span className="stat-sub">score {t.confidence.score.toFixed(2)} of 1</span>
      </div>
    </div>
  );
}
