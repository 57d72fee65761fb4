import { useEffect, useMemo, useRef } from 'react';
import { filterOfferings } from '../../../core/catalog/filter';
import { saveDownload } from '../api/download';
import { Banners } from '../components/Banners';
import { FilePicker } from '../components/FilePicker';
import { formatWhole } from '../format';
import { useAppStore } from '../store';
import { CatalogToolbar } from './catalog/CatalogToolbar';
import { OfferingDialog } from './catalog/OfferingDialog';
import { OfferingsTable } from './catalog/OfferingsTable';
import { ProvidersPanel } from './catalog/ProvidersPanel';
import { RefreshDialog } from './catalog/RefreshDialog';

export function CatalogView({ desktopOpen }: { desktopOpen: (() => Promise<string | null>) | null }) {
  const state = useAppStore((s) => s.catalogState);
  const error = useAppStore((s) => s.catalogError);
  const notice = useAppStore((s) => s.catalogNotice);
  const filter = useAppStore((s) => s.catalogFilter);
  const load = useAppStore((s) => s.loadCatalog);
  const openEditor = useAppStore((s) => s.openOfferingEditor);
  const startRefresh = useAppStore((s) => s.startCatalogRefresh);
  const startRefreshFromPath = useAppStore((s) => s.startCatalogRefreshFromPath);
  const exportCatalog = useAppStore((s) => s.exportCatalog);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => (state ? filterOfferings(state.catalog.offerings, filter) : []), [state, filter]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const o of state?.catalog.offerings ?? []) c[o.provider] = (c[o.provider] ?? 0) + 1;
    return c;
  }, [state]);

  const pickRefreshFile = async () => {
    if (desktopOpen) {
      const path = await desktopOpen();
      if (path) void startRefreshFromPath(path);
    } else fileInput.current?.click();
  };
  const doExport = async () => {
    const out = await exportCatalog();
    // Electron shows its save dialog for a browser download.
    if (out) saveDownload(out.fileName, 'application/json', out.text);
  };

  return (
    <section className="view">
      <header className="view-header">
        <h1>Catalog</h1>
        {state ? (
          <p className="muted" data-testid="offering-count">
            {formatWhole(shown.length)} shown of {formatWhole(state.catalog.offerings.length)} offerings · list prices as of {state.catalog.meta.priceDate}
            {state.catalog.contracts.length ? ` · ${state.catalog.contracts.length} contract price${state.catalog.contracts.length === 1 ? '' : 's'}` : ''}
          </p>
        ) : null}
      </header>
      <CatalogToolbar onAdd={() => openEditor(null)} onRefresh={() => void pickRefreshFile()} onExport={() => void doExport()} />
      <FilePicker ref={fileInput} accept=".json,application/json" testId="refresh-file-input" onFile={(file) => void startRefresh(file)} />
      <Banners error={error} notice={notice} />
      {state ? (
        <div className="scroll-view">
          <ProvidersPanel providers={state.catalog.providers} counts={counts} />
          <OfferingsTable offerings={shown} state={state} onEdit={openEditor} />
          <p className="small muted legend">
            <span className="fact-badge ok">✓</span> confirmed by a consulted source · <span className="fact-badge unconfirmed">?</span> unconfirmed (estimate,
            assumption or default) — hover a badge for its source. {state.catalog.meta.origin}.
          </p>
          <details className="panel refresh-log">
            <summary>
              <h2>Refresh log ({state.refreshes.length})</h2>
            </summary>
            {state.refreshes.length ? (
              <table className="grid compact" aria-label="Applied refreshes">
                <thead>
                  <tr>
                    <th>Applied</th>
                    <th>File</th>
                    <th>Format</th>
                    <th>sha256</th>
                    <th>What changed</th>
                  </tr>
                </thead>
                <tbody>
                  {state.refreshes.map((r, i) => (
                    <tr key={i}>
                      <td>{r.appliedAt.slice(0, 16).replace('T', ' ')}</td>
                      <td>{r.fileName}</td>
                      <td>{r.format}</td>
                      <td className="mono" title={r.sha256}>
                        {r.sha256.slice(0, 16)}…
                      </td>
                      <td>{r.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted small">No refresh applied yet: list prices are the workspace’s snapshot of the bundled dataset.</p>
            )}
          </details>
        </div>
      ) : error ? null : (
        <p className="muted">Loading the catalog…</p>
      )}
      <OfferingDialog />
      <RefreshDialog />
    </section>
  );
}
