/** Honest empty state for a view whose feature has not been built yet: no made-up data. */
export function ComingView({ title, what }: { title: string; what: string }) {
  return (
    <section className="view">
      <header className="view-header">
        <h1>{title}</h1>
      </header>
      <div className="empty-state">
        <p>{what}</p>
        <p className="muted">This view is not available in this version yet.</p>
      </div>
    </section>
  );
}
