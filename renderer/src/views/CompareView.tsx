import { Fragment, useEffect, useMemo } from 'react';
import { formatMoney, formatWhole } from '../format';
import { useAppStore } from '../store';
import { compareRows, type CellValue, type CompareRow } from '../store/plan-model';
import { formatPercent, formatTimestamp, planLabel } from './plan/plan-format';

function show(value: CellValue, format: CompareRow['format']): string {
  if (value === null) return '—';
  switch (format) {
    case 'money':
      return formatMoney(value as number);
    case 'percent':
      return formatPercent(value as number);
    case 'count':
      return formatWhole(value as number);
    case 'score':
      return (value as number).toFixed(1);
    case 'confidence':
    case 'text':
      return planLabel(String(value));
    case 'date':
      return String(value);
  }
}

export function CompareView() {
  const plans = useAppStore((s) => s.plans);
  const ids = useAppStore((s) => s.compareIds);
  const full = useAppStore((s) => s.comparePlans);
  const error = useAppStore((s) => s.compareError);
  const loadCompare = useAppStore((s) => s.loadCompare);
  const toggle = useAppStore((s) => s.toggleCompare);
  const loaded = useAppStore((s) => s.plansLoaded);

  useEffect(() => {
    void loadCompare();
  }, [loadCompare]);

  const entries = useMemo(
    () => ids.map((id) => plans.find((p) => p.id === id)).filter((p) => p !== undefined).map((item) => ({ item, plan: full[item.id] ?? null })),
    [ids, plans, full],
  );
  const rows = useMemo(() => compareRows(entries), [entries]);
  const notes = [...new Set(rows.map((r) => r.note).filter((n): n is string => Boolean(n)))];

  return (
    <section className="view">
      <header className="view-header">
        <h1>Compare</h1>
        <p className="muted">Saved plans side by side; the best value of each row is marked.</p>
      </header>
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      <div className="scroll-view">
        {loaded && plans.length === 0 ? (
          <div className="empty-state">
            <p>No saved plans yet. Run a scenario in the Plan view, then another, to compare them here.</p>
          </div>
        ) : null}
        {plans.length ? (
          <fieldset className="panel compare-picker">
            <legend>Plans to compare</legend>
            {plans.map((p) => (
              <label key={p.id} className="plan-check">
                <input type="checkbox" checked={ids.includes(p.id)} onChange={() => void toggle(p.id)} />#{p.id} {p.scenarioName} · {planLabel(p.summary.strategy)} ·{' '}
                <span className="muted">{formatTimestamp(p.createdAt)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {entries.length === 1 ? <p className="muted">Choose at least one more plan to compare.</p> : null}
        {entries.length ? (
          <div className="panel compare-panel">
            {notes.map((n) => (
              <p key={n} className="small plan-warn-text" role="note">
                {n}
              </p>
            ))}
            <table className="grid compare-table" aria-label="Plan comparison">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  {entries.map((e) => (
                    <th key={e.item.id} scope="col" className="num">
                      <div>
                        #{e.item.id} {e.item.scenarioName}
                      </div>
                      <div className="muted small">{formatTimestamp(e.item.createdAt)}</div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <Fragment key={r.key}>
                    {i === 0 || rows[i - 1]!.group !== r.group ? (
                      <tr className="compare-group">
                        <th colSpan={entries.length + 1} scope="colgroup">
                          {r.group}
                        </th>
                      </tr>
                    ) : null}
                    <tr data-testid={`compare-${r.key}`}>
                      <th scope="row">
                        {r.label}
                        {r.better ? <span className="muted small"> ({r.better} is better)</span> : null}
                      </th>
                      {r.cells.map((c, j) => (
                        <td key={entries[j]!.item.id} className={r.best[j] ? 'num best' : 'num'} data-best={r.best[j] ? 'true' : undefined}>
                          <div>
                            {r.best[j] ? <span className="best-mark" aria-hidden="true">★ </span> : null}
                            {show(c.value, r.format)}
                            {r.best[j] ? <span className="plan-sr"> (best)</span> : null}
                          </div>
                          {c.sub ? <div className="muted small">{c.sub}</div> : null}
                        </td>
                      ))}
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
