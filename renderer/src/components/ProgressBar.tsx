/** Progress of long work; without a known total it shows an indeterminate bar. */
export function ProgressBar({ label, done, total }: { label: string; done?: number; total?: number | null }) {
  const percent = total && done !== undefined ? Math.min(100, (100 * done) / total) : null;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total ?? undefined} aria-valuenow={done}>
      <div className="progress-label">{label}</div>
      <div className="progress-track">
        <div className="progress-fill" style={{ width: percent === null ? '30%' : `${percent}%` }} />
      </div>
    </div>
  );
}
