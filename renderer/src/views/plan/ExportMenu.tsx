import { useState } from 'react';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../../core/export/formats';
import { useAppStore } from '../../store';

/** Export the selected plan: choose a format, then save (desktop dialog) or download (browser). */
export function ExportMenu({ planId, scenarioName }: { planId: number; scenarioName: string }) {
  const exporting = useAppStore((s) => s.exporting);
  const notice = useAppStore((s) => s.exportNotice);
  const error = useAppStore((s) => s.exportError);
  const exportPlan = useAppStore((s) => s.exportPlan);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const progress = exporting?.progress;
  return (
    <div className="export-menu">
      <label className="facet">
        <span>Export as</span>
        <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} disabled={exporting !== null}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_INFO[f].label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" disabled={exporting !== null} onClick={() => void exportPlan(planId, scenarioName, format)}>
        {exporting ? 'Exporting…' : 'Export…'}
      </button>
      {exporting ? (
        <div className="export-progress" role="progressbar" aria-label={progress?.label ?? 'Exporting'} aria-valuemin={0} aria-valuemax={progress?.total ?? undefined} aria-valuenow={progress?.done}>
          <div className="progress-track">
            <div className="progress-fill" style={{ width: progress?.total ? `${Math.min(100, (100 * progress.done) / progress.total)}%` : '30%' }} />
          </div>
          <span className="muted small">{progress?.label ?? 'Exporting…'}</span>
        </div>
      ) : null}
      {notice ? (
        <span className="ok-text small" role="status">
          {notice}
        </span>
      ) : null}
      {error ? (
        <span className="bad-text small" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
