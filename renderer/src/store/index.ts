/** One Zustand store of typed slices, created with the API client it talks through. */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { createCatalogSlice } from './catalog-slice';
import { createExportSlice } from './export-slice';
import { createImportSlice } from './import-slice';
import { createInventorySlice } from './inventory-slice';
import { createNavSlice } from './nav-slice';
import { createPlanSlice } from './plan-slice';
import { createVendorSlice } from './vendor-slice';
import type { AppState, StoreDeps } from './types';
import { createWorkspaceSlice } from './workspace-slice';

export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createWorkspaceSlice(deps)(...args),
    ...createNavSlice(...args),
    ...createInventorySlice(deps)(...args),
    ...createImportSlice(deps)(...args),
    ...createExportSlice(deps)(...args),
    ...createVendorSlice(deps)(...args),
    ...createCatalogSlice(deps)(...args),
    ...createPlanSlice(deps)(...args),
  }));
}

export const StoreContext = createContext<StoreApi<AppState> | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreContext.Provider>');
  return useStore(store, selector);
}

export type { AppState } from './types';
export { VIEWS, type ViewId } from './nav-slice';
