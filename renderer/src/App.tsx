import { useEffect } from 'react';
import type { Transport } from './api/client';
import { AppShell } from './components/AppShell';
import { useAppStore } from './store';
import { CatalogView } from './views/CatalogView';
import { CompareView } from './views/CompareView';
import { InventoryView } from './views/InventoryView';
import { PlanView } from './views/PlanView';
import { VendorView } from './views/VendorView';

function CurrentView({ desktop }: { desktop: Transport['desktop'] }) {
  const view = useAppStore((s) => s.view);
  switch (view) {
    case 'inventory':
      return (
        <InventoryView
          desktopOpen={
            desktop
              ? () => desktop.openFileDialog({ title: 'Import inventory', filters: [{ name: 'CSV or text', extensions: ['csv', 'tsv', 'txt'] }] })
              : null
          }
        />
      );
    case 'dependency':
      return <VendorView />;
    case 'catalog':
      return (
        <CatalogView
          desktopOpen={
            desktop
              ? () => desktop.openFileDialog({ title: 'Refresh catalog prices', filters: [{ name: 'Price or catalog file (JSON)', extensions: ['json'] }] })
              : null
          }
        />
      );
    case 'plan':
      return <PlanView />;
    case 'compare':
      return <CompareView />;
  }
}

export function App({ desktop }: { desktop: Transport['desktop'] }) {
  const loadWorkspace = useAppStore((s) => s.loadWorkspace);
  const error = useAppStore((s) => s.workspaceError);
  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);
  return (
    <AppShell>
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      <CurrentView desktop={desktop} />
    </AppShell>
  );
}
