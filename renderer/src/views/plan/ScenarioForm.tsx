import { useId, type FormEvent, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { STRATEGIES, type PlanFormField } from '../../store/plan-model';

const STRATEGY_SHORT: Record<(typeof STRATEGIES)[number], string> = {
  'best-fit': 'Best fit',
  'single-provider': 'Single provider',
  diversified: 'Diversified',
};

function Field({ label, error, hint, children, wide }: { label: string; error?: string | undefined; hint?: string; children: (id: string, describedBy: string | undefined) => ReactNode; wide?: boolean }) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={wide ? 'plan-field wide' : 'plan-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {error ? (
        <span id={`${id}-error`} className="plan-field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="plan-field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function RunProgress() {
  const run = useAppStore((s) => s.planRun);
  const cancel = useAppStore((s) => s.cancelPlan);
  if (!run) return null;
  const pct = run.total ? Math.min(100, Math.round((100 * run.done) / run.total)) : null;
  return (
    <div className="plan-progress" data-testid="plan-progress">
      <div className="progress-label">
        {run.cancelling ? 'Cancelling…' : run.label}
        {pct !== null ? ` — ${pct} %` : ''}
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Plan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct !== null ? { 'aria-valuenow': pct } : {})}
      >
        <div className="progress-fill" style={{ width: `${pct ?? 3}%` }} />
      </div>
      <button type="button" onClick={() => void cancel()} disabled={run.cancelling}>
        Cancel
      </button>
    </div>
  );
}

export function ScenarioForm() {
  const form = useAppStore((s) => s.planForm);
  const errors = useAppStore((s) => s.planFormErrors);
  const choices = useAppStore((s) => s.planChoices);
  const running = useAppStore((s) => s.planRun !== null);
  const setForm = useAppStore((s) => s.setPlanForm);
  const reset = useAppStore((s) => s.resetPlanForm);
  const run = useAppStore((s) => s.runPlan);
  const scenarios = useAppStore((s) => s.scenarios);
  if (!form || !choices) return <div className="panel muted">Loading the scenario form…</div>;

  const err = (f: PlanFormField) => errors[f];
  const candidates = choices.providers.filter((p) => p.id !== form.exitVendor);
  const chosen = form.candidateProviders ?? candidates.map((p) => p.id);
  const toggleCandidate = (id: string) =>
    setForm({ candidateProviders: chosen.includes(id) ? chosen.filter((x) => x !== id) : candidates.map((p) => p.id).filter((p) => p === id || chosen.includes(p)) });
  const exitOptions = [...new Set([...choices.vendors.map((v) => v.id), ...choices.providers.map((p) => p.id)])];
  const count = (id: string) => choices.vendors.find((v) => v.id === id)?.count;
  const kept = scenarios.find((s) => s.name === form.name.trim())?.input.overrides?.length ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };

  return (
    <form className="panel plan-form" aria-label="Scenario" onSubmit={submit} noValidate>
      <div className="plan-form-grid">
        <Field label="Scenario name" error={err('name')} hint={kept ? `${kept} saved override${kept === 1 ? '' : 's'} kept` : undefined}>
          {(id, d) => <input id={id} aria-describedby={d} value={form.name} onChange={(e) => setForm({ name: e.target.value })} />}
        </Field>
        <Field label="Exit vendor (workloads)" error={err('exitVendor')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={form.exitVendor} onChange={(e) => setForm({ exitVendor: e.target.value })}>
              {exitOptions.map((v) => (
                <option key={v} value={v}>
                  {v}
                  {count(v) !== undefined ? ` · ${count(v)}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Strategy" error={err('strategy')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={form.strategy} onChange={(e) => setForm({ strategy: e.target.value as (typeof STRATEGIES)[number] })}>
              {STRATEGIES.map((s) => (
                <option key={s} value={s}>
                  {STRATEGY_SHORT[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.strategy === 'diversified' ? (
          <Field label="Cap per provider (% of critical)" error={err('capPercent')}>
            {(id, d) => (
              <input id={id} aria-describedby={d} type="number" min={1} max={100} step={5} value={form.capPercent} onChange={(e) => setForm({ capPercent: e.target.value })} />
            )}
          </Field>
        ) : null}
        <Field label="Start" error={err('startDate')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={form.startDate} onChange={(e) => setForm({ startDate: e.target.value })} />}
        </Field>
        <Field label="Deadline" error={err('deadline')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={form.deadline} onChange={(e) => setForm({ deadline: e.target.value })} />}
        </Field>
        <Field label="Team hours per week" error={err('teamHoursPerWeek')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="number" min={1} step={8} value={form.teamHoursPerWeek} onChange={(e) => setForm({ teamHoursPerWeek: e.target.value })} />
          )}
        </Field>
        <Field label="Iterations" error={err('iterations')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="number" min={100} max={100000} step={100} value={form.iterations} onChange={(e) => setForm({ iterations: e.target.value })} />
          )}
        </Field>
        <Field label="Seed" error={err('seed')}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} step={1} value={form.seed} onChange={(e) => setForm({ seed: e.target.value })} />}
        </Field>
      </div>
      <fieldset className="plan-candidates" aria-describedby={err('candidateProviders') ? 'plan-candidates-error' : undefined}>
        <legend>Candidate providers</legend>
        {candidates.map((p) => (
          <label key={p.id} className="plan-check">
            <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggleCandidate(p.id)} />
            {p.name}
          </label>
        ))}
        {err('candidateProviders') ? (
          <span id="plan-candidates-error" className="plan-field-error" role="alert">
            {err('candidateProviders')}
          </span>
        ) : null}
      </fieldset>
      {errors.scenario ? (
        <div className="error-banner" role="alert">
          {errors.scenario}
        </div>
      ) : null}
      <div className="plan-form-actions">
        <button type="submit" className="primary" disabled={running}>
          Run plan
        </button>
        <button type="button" onClick={reset} disabled={running}>
          Reset to defaults
        </button>
        <span className="muted small">Other parameters keep the engine's defaults; every one is listed under Assumptions.</span>
      </div>
    </form>
  );
}
