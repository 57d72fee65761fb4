import { CAPABILITIES, CLASSIFICATIONS, ROUTES, type Capability, type Classification, type Route } from '../../../../core/common/enums';
import { label } from '../../format';
import { useAppStore } from '../../store';
import { capabilityLabel } from './labels';

const LEVEL_OPTIONS: Record<Classification, string> = {
  unclassified: 'Unclassified or higher',
  cui: 'CUI or higher',
  secret: 'Secret or higher',
  top_secret: 'Top Secret',
};

export function CatalogToolbar({ onAdd, onRefresh, onExport }: { onAdd(): void; onRefresh(): void; onExport(): void }) {
  const filter = useAppStore((s) => s.catalogFilter);
  const setFilter = useAppStore((s) => s.setCatalogFilter);
  const providers = useAppStore((s) => s.catalogState?.catalog.providers ?? null);

  return (
    <div className="toolbar">
      <input
        type="search"
        className="search"
        placeholder="Search model, id, region…"
        aria-label="Search offerings"
        value={filter.text ?? ''}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
      <label className="facet">
        <span>Authorized for</span>
        <select
          aria-label="Filter by authorization level"
          value={filter.authorizedFor ?? '*'}
          onChange={(e) => setFilter({ authorizedFor: e.target.value === '*' ? null : (e.target.value as Classification) })}
        >
          <option value="*">Any level</option>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {LEVEL_OPTIONS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="facet">
        <span>Route</span>
        <select
          aria-label="Filter by route"
          value={filter.routes?.[0] ?? '*'}
          onChange={(e) => setFilter({ routes: e.target.value === '*' ? [] : [e.target.value as Route] })}
        >
          <option value="*">All routes</option>
          {ROUTES.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="facet">
        <span>Capability</span>
        <select
          aria-label="Filter by capability"
          value={filter.capabilities?.[0] ?? '*'}
          onChange={(e) => setFilter({ capabilities: e.target.value === '*' ? [] : [e.target.value as Capability] })}
        >
          <option value="*">Any</option>
          {CAPABILITIES.map((c) => (
            <option key={c} value={c}>
              {capabilityLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="facet">
        <span>Provider</span>
        <select
          aria-label="Filter by provider"
          value={filter.providers?.[0] ?? '*'}
          onChange={(e) => setFilter({ providers: e.target.value === '*' ? [] : [e.target.value] })}
        >
          <option value="*">All</option>
          {(providers ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={Boolean(filter.authorizedNow)} onChange={(e) => setFilter({ authorizedNow: e.target.checked })} /> Authorized
        now (hide pending)
      </label>
      <span className="toolbar-gap" />
      <button type="button" onClick={onExport}>
        Export…
      </button>
      <button type="button" onClick={onRefresh}>
        Refresh prices from file…
      </button>
      <button type="button" className="primary" onClick={onAdd}>
        Add offering…
      </button>
    </div>
  );
}
