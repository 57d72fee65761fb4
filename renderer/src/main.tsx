import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectTransport } from './api/client';
import { base64ToBytes, saveDownload } from './api/download';
import { App } from './App';
import { StoreContext, createAppStore } from './store';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const transport = detectTransport();

if ('error' in transport) {
  root.render(
    <div className="fatal" role="alert">
      <h1>Bridgehead</h1>
      <p>{transport.error}</p>
    </div>,
  );
} else {
  const store = createAppStore({
    api: transport.client,
    fileRef: (file) => transport.fileRef(file),
    desktop: transport.desktop,
    download: (fileName, mime, base64) => saveDownload(fileName, mime, base64ToBytes(base64)),
  });
  transport.onEvent((event) => {
    const state = store.getState();
    if (event.type === 'progress') {
      state.onProgress(event);
      state.onPlanProgress(event);
      state.onExportProgress(event);
    } else if (event.scope === 'workspace' || event.scope === 'inventory') {
      void state.loadWorkspace();
      void state.reloadInventory();
    }
    if (event.type === 'data.changed' && (event.scope === 'plans' || event.scope === 'workspace')) void state.refreshPlans();
    // Once the catalog has been shown, keep it current when any face changes it.
    if (event.type === 'data.changed' && (event.scope === 'catalog' || event.scope === 'workspace') && state.catalogState) void state.loadCatalog();
  });
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App desktop={transport.desktop} />
      </StoreContext.Provider>
    </StrictMode>,
  );
}
