/** A headline figure with its caption; `bad` marks one a user should look at. */
export function Stat({ value, caption, bad = false }: { value: string; caption: string; bad?: boolean }) {
  return (
    <div className={bad ? 'stat bad' : 'stat'}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{caption}</span>
    </div>
  );
}
