/** Providers with their usage policies (prohibited use tags) and notices, each with its provenance. */
import type { Provider } from '../../../../core/catalog/schema';
import { FactBadge } from './Provenance';
import { tagLabel } from './labels';

function ProviderRow({ provider, offerings }: { provider: Provider; offerings: number }) {
  return (
    <tr aria-label={`Provider ${provider.name}`}>
      <td className="provider-name">
        <strong>{provider.name}</strong>
        <div className="small muted">
          {provider.id} · {offerings} offering{offerings === 1 ? '' : 's'}
        </div>
      </td>
      <td>
        {provider.prohibitedUseTags.length ? (
          <ul className="chips" aria-label={`${provider.name} prohibited uses`}>
            {provider.prohibitedUseTags.map((u) => (
              <li key={u.tag} className="chip prohibited" title={`${u.note}${u.exception ? `\nException: ${u.exception}` : ''}\n${u.source} (as of ${u.asOf})`}>
                {tagLabel(u.tag)}
                {u.condition === 'unless_human_in_loop' ? <span className="chip-note">unless a human is in the loop</span> : null}
                {u.exception ? <span className="chip-note">· exception</span> : null}
                <FactBadge fact={u} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="small warn-text">No usage policy recorded: no policy conflict can be found for this provider.</span>
        )}
      </td>
      <td>
        {provider.notices.length === 0 ? <span className="muted small">—</span> : null}
        {provider.notices.map((n, i) => (
          <details key={i} className="notice">
            <summary>
              {n.value.length > 70 ? `${n.value.slice(0, 70).replace(/\s+\S*$/, '')}…` : n.value} <FactBadge fact={n} />
            </summary>
            <p className="small">{n.value}</p>
            <p className="small muted fact-source">
              {n.source} · as of {n.asOf}
            </p>
          </details>
        ))}
      </td>
    </tr>
  );
}

export function ProvidersPanel({ providers, counts }: { providers: Provider[]; counts: Record<string, number> }) {
  return (
    <details className="panel providers-panel" open>
      <summary>
        <h2>Providers and usage policies ({providers.length})</h2>
      </summary>
      <table className="grid compact providers" aria-label="Providers">
        <thead>
          <tr>
            <th>Provider</th>
            <th>Prohibited uses (hover for the policy text and source)</th>
            <th>Notices</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => (
            <ProviderRow key={p.id} provider={p} offerings={counts[p.id] ?? 0} />
          ))}
        </tbody>
      </table>
    </details>
  );
}
