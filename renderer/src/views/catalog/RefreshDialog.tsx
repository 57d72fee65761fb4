/**
 * The price refresh: the chosen file's diff against the catalog (prices changed, confirmed,
 * limits, offerings it adds or no longer lists), applied only when the user confirms.
 */
import type { CatalogRefreshPreview } from '../../../../core/api/catalog';
import { CATALOG_FORMATS, type CatalogFormat } from '../../../../core/common/enums';
import { Modal } from '../../components/Modal';
import { Stat } from '../../components/Stat';
import { ProgressBar } from '../../components/ProgressBar';
import { formatWhole } from '../../format';
import { useAppStore } from '../../store';
import { formatPrice } from './labels';

const FIELD_NAMES: Record<string, string> = {
  inputPerMTok: 'input',
  outputPerMTok: 'output',
  cachedInputPerMTok: 'cached input',
  contextWindow: 'context window',
  maxOutputTokens: 'max output',
};
const FORMAT_NAMES: Record<CatalogFormat, string> = {
  litellm: 'LiteLLM model prices',
  'genai-prices': 'genai-prices data.json',
  openrouter: 'OpenRouter models listing',
  bridgehead: 'Bridgehead catalog export',
};


function DiffBody({ preview, names }: { preview: CatalogRefreshPreview; names: Map<string, string> }) {
  const d = preview.diff;
  const add = useAppStore((s) => s.catalogRefreshAdd);
  const toggle = useAppStore((s) => s.toggleCatalogRefreshAdd);
  const name = (id: string) => (
    <>
      <div>{names.get(id) ?? id}</div>
      <div className="mono muted">{id}</div>
    </>
  );
  return (
    <>
      <p className="muted small">
        {preview.formatLabel} · {formatWhole(preview.rowCount)} usable rows{d.skippedRows ? ` (${formatWhole(d.skippedRows)} skipped)` : ''} · sha256{' '}
        <span className="mono">{preview.sha256}</span>
      </p>
      <div className="stats" data-testid="refresh-stats">
        <Stat value={formatWhole(d.pricesChanged.length)} caption="list prices changed" />
        <Stat value={formatWhole(d.confirmations.length)} caption="prices confirmed" />
        <Stat value={formatWhole(d.limitsChanged.length)} caption="limits changed" />
        <Stat value={formatWhole(d.matched.length)} caption="offerings matched" />
        <Stat value={formatWhole(d.added.length)} caption="offerings it could add" />
        <Stat value={formatWhole(d.gone.length)} caption="offerings not in the file" />
      </div>
      <p className="small">Contract prices are never changed by a refresh. Each changed fact records this file’s name, sha256 and today’s date.</p>
      {preview.noChanges && !d.added.length ? <p role="status">This file changes nothing in the catalog.</p> : null}

      {d.pricesChanged.length ? (
        <>
          <h3>List prices changed ({d.pricesChanged.length})</h3>
          <div className="scroll-box">
            <table className="grid compact" aria-label="List price changes">
              <thead>
                <tr>
                  <th>Offering</th>
                  <th>Price</th>
                  <th className="num">Now</th>
                  <th className="num">From the file</th>
                  <th>Row in the file</th>
                </tr>
              </thead>
              <tbody>
                {d.pricesChanged.map((c) => (
                  <tr key={`${c.offeringId}/${c.field}`}>
                    <td>{name(c.offeringId)}</td>
                    <td>{FIELD_NAMES[c.field]}</td>
                    <td className="num">{formatPrice(c.from)}</td>
                    <td className="num">
                      <strong>{formatPrice(c.to)}</strong>
                      {c.estimated ? <span className="pill unconfirmed" title="Read through a proxy price reference (e.g. a government-region premium applied): stays unconfirmed">estimate</span> : null}
                    </td>
                    <td className="mono">{c.rowKey}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {d.confirmations.length ? (
        <>
          <h3>Prices the file confirms ({d.confirmations.length})</h3>
          <ul className="diff-list">
            {d.confirmations.map((c) => (
              <li key={`${c.offeringId}/${c.field}`}>
                {names.get(c.offeringId) ?? c.offeringId}: {FIELD_NAMES[c.field]} {formatPrice(c.value)} — now confirmed by row <span className="mono">{c.rowKey}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {d.limitsChanged.length ? (
        <>
          <h3>Limits changed ({d.limitsChanged.length})</h3>
          <ul className="diff-list">
            {d.limitsChanged.map((c) => (
              <li key={`${c.offeringId}/${c.field}`}>
                {names.get(c.offeringId) ?? c.offeringId}: {FIELD_NAMES[c.field]} {c.from === null ? '—' : formatWhole(c.from)} → {c.to === null ? '—' : formatWhole(c.to)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {d.gone.length ? (
        <>
          <h3>Offerings the file no longer lists ({d.gone.length}; kept)</h3>
          <ul className="diff-list">
            {d.gone.map((g) => (
              <li key={g.offeringId}>
                {names.get(g.offeringId) ?? g.offeringId}: <span className="muted">{g.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {d.added.length ? (
        <>
          <h3>
            Offerings the file has and the catalog lacks ({d.added.length}; added only if you choose){' '}
            <button type="button" className="link" onClick={() => toggle(add.length === d.added.length ? 'none' : 'all')}>
              {add.length === d.added.length ? 'Choose none' : 'Choose all'}
            </button>
          </h3>
          <p className="small muted">Added offerings get the file’s prices and a conservative, unconfirmed authorization (unclassified only) until you review them.</p>
          <div className="scroll-box">
            <table className="grid compact" aria-label="Offerings the file could add">
              <thead>
                <tr>
                  <th>Add</th>
                  <th>Offering</th>
                  <th className="num">Input</th>
                  <th className="num">Output</th>
                </tr>
              </thead>
              <tbody>
                {d.added.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <input type="checkbox" aria-label={`Add ${a.id}`} checked={add.includes(a.id)} onChange={() => toggle(a.id)} />
                    </td>
                    <td className="mono">{a.id}</td>
                    <td className="num">{formatPrice(a.prices.inputPerMTok)}</td>
                    <td className="num">{formatPrice(a.prices.outputPerMTok)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {d.warnings.length ? (
        <ul className="warnings" aria-label="Refresh warnings">
          {d.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function RefreshDialog() {
  const phase = useAppStore((s) => s.catalogRefreshPhase);
  const file = useAppStore((s) => s.catalogRefreshFile);
  const format = useAppStore((s) => s.catalogRefreshFormat);
  const preview = useAppStore((s) => s.catalogRefreshPreview);
  const result = useAppStore((s) => s.catalogRefreshResult);
  const error = useAppStore((s) => s.catalogRefreshError);
  const add = useAppStore((s) => s.catalogRefreshAdd);
  const setFormat = useAppStore((s) => s.setCatalogRefreshFormat);
  const apply = useAppStore((s) => s.applyCatalogRefresh);
  const close = useAppStore((s) => s.closeCatalogRefresh);
  const offerings = useAppStore((s) => s.catalogState?.catalog.offerings);
  if (phase === 'closed') return null;
  const names = new Map((offerings ?? []).map((o) => [o.id, o.displayName]));
  const busy = phase === 'reading' || phase === 'applying';
  const changes = preview ? preview.diff.pricesChanged.length + preview.diff.confirmations.length + preview.diff.limitsChanged.length : 0;

  return (
    <Modal title={`Refresh prices${file ? `: ${file.name}` : ''}`} closeLabel="Close the refresh" onClose={close}>
        {busy ? <ProgressBar label={phase === 'reading' ? 'Reading the file…' : 'Applying…'} /> : null}
        {error ? (
          <div className="error-banner dialog-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="modal-body">
          {file && phase !== 'done' ? (
            <label className="facet inline">
              <span>Read as</span>
              <select aria-label="File format" value={format ?? '*'} disabled={busy} onChange={(e) => void setFormat(e.target.value === '*' ? null : (e.target.value as CatalogFormat))}>
                <option value="*">Detect automatically</option>
                {CATALOG_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_NAMES[f]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {preview && phase !== 'done' ? <DiffBody preview={preview} names={names} /> : null}
          {phase === 'done' && result ? (
            <div role="status" data-testid="refresh-result">
              <p>
                Applied {result.record.fileName}: {result.record.summary}.
              </p>
              <p className="small muted">
                Recorded with sha256 <span className="mono">{result.record.sha256}</span> on {result.record.appliedAt.slice(0, 10)}.
              </p>
            </div>
          ) : null}
        </div>
        <footer className="modal-footer">
          {phase === 'done' ? (
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          ) : (
            <>
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="button" className="primary" disabled={busy || !preview} onClick={() => void apply()}>
                {`Apply${changes ? ` ${formatWhole(changes)} change${changes === 1 ? '' : 's'}` : ''}${add.length ? ` and add ${formatWhole(add.length)}` : ''}`}
              </button>
            </>
          )}
        </footer>
    </Modal>
  );
}
