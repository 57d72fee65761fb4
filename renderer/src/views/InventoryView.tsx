import { useAppStore } from '../store';

export function InventoryView() {
  const workspace = useAppStore((s) => s.workspace);
  return (
    <section className="view">
      <header className="view-header">
        <h1>Inventory</h1>
        <p className="muted" data-testid="workload-count">
          {workspace ? `${workspace.counts.workloads} workloads` : 'Loading…'}
        </p>
      </header>
    </section>
  );
}
