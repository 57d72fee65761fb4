import { useEffect } from 'react';
import type { Breakdown } from '../../../core/analysis/vendor-dependency';
import { Stat } from '../components/Stat';
import { formatCompact, formatMoney, formatWhole, label } from '../format';
import { useAppStore } from '../store';
import { DependencyGraph } from './vendor/DependencyGraph';

function BreakdownTable({ title, rows }: { title: string; rows: Breakdown[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="panel">
      <h3>{title}</h3>
      <table className="grid compact" aria-label={`Workloads by ${title.toLowerCase()}`}>
        <thead>
          <tr>
            <th>{title}</th>
            <th className="num">Workloads</th>
            <th className="num">Tokens / month</th>
            <th className="num">Spend / month</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? 'unknown'}>
              <td>
                <div className="bar-cell">
                  <span>{label(r.key)}</span>
                  <span className="bar" style={{ width: `${(100 * r.count) / max}%` }} aria-hidden="true" />
                </div>
              </td>
              <td className="num">{formatWhole(r.count)}</td>
              <td className="num">{formatCompact(r.tokens)}</td>
              <td className="num" title={r.spendUnknown ? `${r.spendUnknown} workloads without a known volume or price are not in this sum` : undefined}>
                {formatMoney(r.spend)}
                {r.spendUnknown ? <span className="muted small"> +{r.spendUnknown}?</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VendorView() {
  const data = useAppStore((s) => s.vendorData);
  const error = useAppStore((s) => s.vendorError);
  const load = useAppStore((s) => s.loadVendor);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="view">
      <header className="view-header">
        <h1>Vendor dependency</h1>
        <label className="facet">
          <span>Vendor</span>
          <select aria-label="Vendor" value={data?.vendor ?? ''} onChange={(e) => void load(e.target.value)}>
            {(data?.vendors ?? []).map((v) => (
              <option key={v.value ?? ''} value={v.value ?? ''}>
                {v.value} ({v.count})
              </option>
            ))}
          </select>
        </label>
      </header>
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      {data ? (
        <div className="scroll-view">
          <div className="stats" data-testid="vendor-stats">
            <Stat value={formatWhole(data.workloadCount)} caption={`workloads on ${data.vendor}`} />
            <Stat
              value={formatCompact(data.tokens.input + data.tokens.output)}
              caption={`tokens / month${data.tokens.unknownVolume ? ` (${data.tokens.unknownVolume} unknown)` : ''}`}
            />
            <Stat value={formatMoney(data.spend.monthly)} caption={`known spend / month${data.spend.unknown ? ` (+${data.spend.unknown} unknown)` : ''}`} />
            <Stat value={formatWhole(data.graph.cycles.length)} caption="dependency cycles" bad={data.graph.cycles.length > 0} />
          </div>
          <p className="muted small">
            Spend counts only what is known: volumes from the inventory at the catalog price of each workload&apos;s own model
            {data.spend.bases.length ? ` (${data.spend.bases.join('; ')})` : ''}. Workloads with an unknown volume or an unpriced model are
            counted apart, not as zero; a plan&apos;s run-rate fills them with conservative estimates, so it reads higher.
          </p>
          <div className="panels">
            <BreakdownTable title="Mission area" rows={data.byMission} />
            <BreakdownTable title="Classification" rows={data.byClassification} />
            <BreakdownTable title="Criticality" rows={data.byCriticality} />
          </div>
          <div className="panel">
            <h3>Dependencies</h3>
            {data.graph.cycles.length ? (
              <p className="bad-text small" data-testid="cycles">
                Cycles: {data.graph.cycles.map((c) => c.join(' ↔ ')).join('; ')}
              </p>
            ) : null}
            <DependencyGraph graph={data.graph} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
