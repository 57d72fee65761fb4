import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export const VIEWS = [
  { id: 'inventory', label: 'Inventory', hint: 'Workloads and their vendors' },
  { id: 'dependency', label: 'Vendor dependency', hint: 'What depends on one vendor' },
  { id: 'catalog', label: 'Catalog', hint: 'Providers and offerings' },
  { id: 'plan', label: 'Plan', hint: 'Phased cut-over plan' },
  { id: 'compare', label: 'Compare', hint: 'Scenarios side by side' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export interface NavSlice {
  view: ViewId;
  setView(view: ViewId): void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  view: 'inventory',
  setView: (view) => set({ view }),
});
