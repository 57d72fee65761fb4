import { useEffect } from 'react';
import type { Transport } from './api/client';
import { AppShell } from './components/AppShell';
import { useAppStore } from './store';
import { ComingView } from './views/ComingView';
import { InventoryView } from './views/InventoryView';
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
      return <ComingView title="Catalog" what="Providers and offerings: authorization, usage policy and prices." />;
    case 'plan':
      return <ComingView title="Plan" what="Phased cut-over plans with cost and risk estimates." />;
    case 'compare':
      return <ComingView title="Compare" what="Scenarios side by side." />;
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
