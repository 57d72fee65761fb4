import { useState } from 'react';
import { COLUMN_SPECS } from '../../../../core/inventory/schema';
import { Modal } from '../../components/Modal';
import { ProgressBar } from '../../components/ProgressBar';
import { Stat } from '../../components/Stat';
import { formatWhole, label } from '../../format';
import { useAppStore } from '../../store';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportDialog() {
  const phase = useAppStore((s) => s.importPhase);
  const file = useAppStore((s) => s.importFile);
  const preview = useAppStore((s) => s.importPreview);
  const result = useAppStore((s) => s.importResult);
  const error = useAppStore((s) => s.importError);
  const progress = useAppStore((s) => s.importProgress);
  const remap = useAppStore((s) => s.remapColumn);
  const commit = useAppStore((s) => s.commitImport);
  const close = useAppStore((s) => s.closeImport);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [replace, setReplace] = useState(false);
  if (phase === 'closed') return null;

  const busy = phase === 'reading' || phase === 'committing';
  const blocked = !preview || preview.validCount === 0 || (preview.errorCount > 0 && !skipInvalid);

  return (
    <Modal title={`Import inventory${file ? `: ${file.name}` : ''}`} closeLabel="Close import" onClose={close}>
        {busy ? (
          <ProgressBar
            label={progress?.label ?? (phase === 'reading' ? 'Reading the file…' : 'Importing…')}
            done={progress?.done}
            total={progress?.total}
          />
        ) : null}

        {error ? (
          <div className="error-banner" role="alert">
            {error}
          </div>
        ) : null}

        {preview && phase !== 'done' ? (
          <div className="modal-body">
            <p className="muted">
              {formatBytes(preview.sizeBytes)} · {preview.encoding} · {DELIMITER_NAMES[preview.delimiter] ?? preview.delimiter}-separated ·{' '}
              {formatWhole(preview.rowCount)} rows
            </p>
            <div className="stats" data-testid="import-stats">
              <Stat value={formatWhole(preview.validCount)} caption="valid" />
              <Stat value={formatWhole(preview.rejectedCount)} caption="with errors" bad={preview.rejectedCount > 0} />
              <Stat value={formatWhole(preview.merge.added)} caption="new" />
              <Stat value={formatWhole(preview.merge.updated)} caption="updated" />
              <Stat value={formatWhole(preview.merge.unchanged)} caption="unchanged" />
              <Stat value={formatWhole(preview.merge.missingFromFile)} caption="stored, not in file" />
            </div>

            <h3>Columns</h3>
            {preview.missingRequired.length ? (
              <p className="bad-text" role="alert">
                Required column{preview.missingRequired.length > 1 ? 's' : ''} missing: {preview.missingRequired.join(', ')}. Map a column of the
                file to {preview.missingRequired.length > 1 ? 'them' : 'it'} below.
              </p>
            ) : null}
            <table className="grid compact" aria-label="Column mapping">
              <thead>
                <tr>
                  <th>Column in file</th>
                  <th>Imported as</th>
                </tr>
              </thead>
              <tbody>
                {preview.headers.map((h) => (
                  <tr key={h.header}>
                    <td>{h.header}</td>
                    <td>
                      <select
                        aria-label={`Map column ${h.header}`}
                        value={h.target ?? '__ignore'}
                        disabled={busy}
                        onChange={(e) => void remap(h.header, e.target.value === '__ignore' ? null : e.target.value)}
                      >
                        {COLUMN_SPECS.map((c) => (
                          <option key={c.column} value={c.column}>
                            {c.label}
                            {c.required ? ' (required)' : ''}
                          </option>
                        ))}
                        <option value="custom">Keep as custom attribute</option>
                        <option value="__ignore">Ignore</option>
                      </select>
                      {h.auto && h.target ? <span className="muted small"> matched by name</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>

            {preview.errorCount > 0 ? (
              <>
                <h3>
                  {formatWhole(preview.errorCount)} error{preview.errorCount > 1 ? 's' : ''}
                  {preview.errors.length < preview.errorCount ? ` (first ${formatWhole(preview.errors.length)} shown)` : ''}
                </h3>
                <div className="scroll-box">
                  <table className="grid compact" aria-label="Import errors">
                    <thead>
                      <tr>
                        <th>Line</th>
                        <th>Column</th>
                        <th>Value</th>
                        <th>Code</th>
                        <th>Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.errors.map((e, i) => (
                        <tr key={i}>
                          <td className="num">{e.line ?? '—'}</td>
                          <td>{e.column ?? '—'}</td>
                          <td className="mono">{e.value ?? ''}</td>
                          <td className="mono">{e.code}</td>
                          <td>{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}

            {preview.warnings.length ? (
              <>
                <h3>Warnings</h3>
                <ul className="warnings" aria-label="Import warnings">
                  {preview.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </>
            ) : null}

            {preview.sampleRows.length ? (
              <>
                <h3>First rows</h3>
                <div className="scroll-box">
                  <table className="grid compact" aria-label="Preview rows">
                    <thead>
                      <tr>
                        <th>ID</th>
                        <th>Name</th>
                        <th>Mission area</th>
                        <th>Vendor</th>
                        <th>Classification</th>
                        <th>Criticality</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.sampleRows.map((w) => (
                        <tr key={w.id}>
                          <td>{w.id}</td>
                          <td>{w.name}</td>
                          <td>{label(w.missionArea)}</td>
                          <td>{w.vendor}</td>
                          <td>{label(w.classification)}</td>
                          <td>{label(w.criticality)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
          </div>
        ) : null}

        {phase === 'done' && result ? (
          <div className="modal-body" role="status" data-testid="import-result">
            {result.committed ? (
              <p>
                Imported {formatWhole(result.imported)} new, updated {formatWhole(result.updated)}, {formatWhole(result.unchanged)} unchanged
                {result.rejected ? `, ${formatWhole(result.rejected)} rows with errors skipped` : ''}
                {result.removed ? `, ${formatWhole(result.removed)} removed` : ''}.
              </p>
            ) : (
              <p className="bad-text">Nothing was imported: the file has {formatWhole(result.rejected)} rows with errors.</p>
            )}
          </div>
        ) : null}

        <footer className="modal-footer">
          {phase === 'done' ? (
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          ) : (
            <>
              {preview ? (
                <div className="options">
                  <label>
                    <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Import only the valid rows
                    {preview.rejectedCount ? ` (skip ${formatWhole(preview.rejectedCount)})` : ''}
                  </label>
                  <label>
                    <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Replace the inventory
                    {preview.merge.missingFromFile ? ` (removes ${formatWhole(preview.merge.missingFromFile)} not in this file)` : ''}
                  </label>
                  {preview.errorCount > 0 && !skipInvalid ? (
                    <span className="bad-text small">The file has errors: nothing is imported unless you choose to import only the valid rows.</span>
                  ) : null}
                </div>
              ) : null}
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="button" className="primary" disabled={busy || blocked} onClick={() => void commit({ skipInvalid, replace })}>
                {preview && preview.rejectedCount && skipInvalid ? `Import ${formatWhole(preview.validCount)} valid rows` : 'Import'}
              </button>
            </>
          )}
        </footer>
    </Modal>
  );
}
