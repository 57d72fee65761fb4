import { useEffect } from 'react';
import { useAppStore } from '../store';
import { Assumptions, Warnings } from './plan/Assumptions';
import { BlockedList } from './plan/BlockedList';
import { GanttChart } from './plan/GanttChart';
import { Headline } from './plan/Headline';
import { formatTimestamp, planLabel } from './plan/plan-format';
import { RiskRegister } from './plan/RiskRegister';
import { RunProgress, ScenarioForm } from './plan/ScenarioForm';
import { WorkloadTable } from './plan/WorkloadTable';
import { ExportMenu } from './plan/ExportMenu';

function PlanPicker() {
  const plans = useAppStore((s) => s.plans);
  const selectedId = useAppStore((s) => s.selectedPlanId);
  const select = useAppStore((s) => s.selectPlan);
  const remove = useAppStore((s) => s.deletePlan);
  const edit = useAppStore((s) => s.editSelectedScenario);
  const running = useAppStore((s) => s.planRun !== null);
  const selected = useAppStore((s) => s.selectedPlan);
  if (!plans.length) return null;
  return (
    <div className="plan-picker">
      <label className="facet">
        <span>Saved plan</span>
        <select aria-label="Saved plan" value={selectedId ?? ''} onChange={(e) => void select(Number(e.target.value))}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              #{p.id} {p.scenarioName} · {planLabel(p.summary.strategy)} · {formatTimestamp(p.createdAt)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={edit} disabled={selectedId === null || running} title="Fill the scenario form with this plan's scenario">
        Edit its scenario
      </button>
      <button
        type="button"
        disabled={selectedId === null || running}
        onClick={() => {
          if (selectedId !== null && window.confirm(`Delete plan #${selectedId}? Its scenario and overrides are kept.`)) void remove(selectedId);
        }}
      >
        Delete plan
      </button>
      {selected ? <ExportMenu planId={selected.id} scenarioName={selected.scenarioName} /> : null}
    </div>
  );
}

export function PlanView() {
  const load = useAppStore((s) => s.loadPlanning);
  const selected = useAppStore((s) => s.selectedPlan);
  const loading = useAppStore((s) => s.planLoading);
  const loaded = useAppStore((s) => s.plansLoaded);
  const hasPlans = useAppStore((s) => s.plans.length > 0);
  const error = useAppStore((s) => s.planError);
  const notice = useAppStore((s) => s.planNotice);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="view">
      <header className="view-header">
        <h1>Plan</h1>
        {selected ? (
          <p className="muted" data-testid="plan-title">
            #{selected.id} {selected.scenarioName}: exit {selected.plan.scenario.exitVendor}, {planLabel(selected.plan.scenario.strategy).toLowerCase()}, made{' '}
            {formatTimestamp(selected.createdAt)}
          </p>
        ) : null}
      </header>
      <div className="scroll-view">
        <ScenarioForm />
        <div className="plan-sticky">
          <RunProgress />
          {error ? (
            <div className="error-banner" role="alert">
              {error}
            </div>
          ) : null}
          {notice ? (
            <div className="plan-notice" role="status">
              {notice}
            </div>
          ) : null}
        </div>
        <PlanPicker />
        {selected ? (
          <div className={loading ? 'plan-body loading' : 'plan-body'} aria-busy={loading}>
            <Headline plan={selected.plan} />
            <GanttChart plan={selected.plan} />
            <WorkloadTable plan={selected.plan} />
            <div className="plan-columns">
              <BlockedList plan={selected.plan} />
              <Warnings plan={selected.plan} />
            </div>
            <RiskRegister key={`risk-${selected.id}`} plan={selected.plan} />
            <Assumptions plan={selected.plan} />
          </div>
        ) : loaded && !hasPlans ? (
          <div className="empty-state">
            <p>No plan yet. Set the scenario above and run it: the plan is saved in the workspace.</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
