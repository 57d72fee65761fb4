import { useEffect, useState } from 'react';
import { label } from '../../format';
import { useAppStore } from '../../store';
import type { FacetName } from '../../store/inventory-slice';

const FACETS: { name: FacetName; title: string; filterKey: 'missionAreas' | 'vendors' | 'classifications' | 'criticalities' }[] = [
  { name: 'missionArea', title: 'Mission area', filterKey: 'missionAreas' },
  { name: 'vendor', title: 'Vendor', filterKey: 'vendors' },
  { name: 'classification', title: 'Classification', filterKey: 'classifications' },
  { name: 'criticality', title: 'Criticality', filterKey: 'criticalities' },
];

export function InventoryToolbar({ onImport }: { onImport(): void }) {
  const facets = useAppStore((s) => s.facets);
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const [text, setText] = useState(filter.text ?? '');

  // Debounced so typing does not send a query per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.text ?? '') !== text) setFilter({ text });
    }, 200);
    return () => clearTimeout(timer);
  }, [text, filter.text, setFilter]);

  return (
    <div className="toolbar">
      <input
        type="search"
        className="search"
        placeholder="Search id, name, owner, model, notes…"
        aria-label="Search workloads"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {FACETS.map((f) => (
        <label key={f.name} className="facet">
          <span>{f.title}</span>
          <select
            aria-label={`Filter by ${f.title.toLowerCase()}`}
            value={filter[f.filterKey]?.[0] ?? '*'}
            onChange={(e) => setFilter({ [f.filterKey]: e.target.value === '*' ? [] : [e.target.value] })}
          >
            <option value="*">All</option>
            {(facets?.[f.name] ?? []).map((v) => (
              <option key={v.value ?? ''} value={v.value ?? ''}>
                {label(v.value)} ({v.count})
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" className="primary" onClick={onImport}>
        Import CSV…
      </button>
    </div>
  );
}
