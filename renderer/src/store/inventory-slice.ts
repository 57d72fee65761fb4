/**
 * The inventory table's state. Rows are fetched a page at a time as the user scrolls, so a
 * 100,000-row inventory never crosses the API at once; filters and sort run in SQL.
 */
import type { StateCreator } from 'zustand';
import type { Facet, FacetName, SortKey, WorkloadFilter } from '../../../core/api/inventory';
import type { Workload } from '../../../core/inventory/schema';
import type { AppState, StoreDeps } from './types';

export const PAGE_SIZE = 200;
export type { FacetName, SortKey };

export interface InventorySlice {
  filter: WorkloadFilter;
  sort: SortKey;
  direction: 'asc' | 'desc';
  total: number;
  /** Loaded pages by page number; a missing page is fetched when it scrolls into view. */
  pages: Record<number, Workload[]>;
  /** Bumps on every reset so late answers for an old query are dropped. */
  generation: number;
  facets: Record<FacetName, Facet[]> | null;
  inventoryError: string | null;
  setFilter(patch: Partial<WorkloadFilter>): void;
  toggleSort(key: SortKey): void;
  reloadInventory(): Promise<void>;
  ensureRows(startIndex: number, endIndex: number): Promise<void>;
}

export const createInventorySlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], InventorySlice> =>
  (set, get) => {
    const inFlight = new Set<string>();

    async function fetchPage(page: number): Promise<void> {
      const { filter, sort, direction, generation } = get();
      const key = `${generation}:${page}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      try {
        const result = await deps.api['inventory.query']({ filter, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (get().generation !== generation) return;
        set((s) => ({ total: result.total, pages: { ...s.pages, [page]: result.rows }, inventoryError: null }));
      } catch (error) {
        set({ inventoryError: error instanceof Error ? error.message : String(error) });
      } finally {
        inFlight.delete(key);
      }
    }

    return {
      filter: {},
      sort: 'seq',
      direction: 'asc',
      total: 0,
      pages: {},
      generation: 0,
      facets: null,
      inventoryError: null,
      setFilter(patch) {
        set((s) => ({ filter: { ...s.filter, ...patch } }));
        void get().reloadInventory();
      },
      toggleSort(key) {
        set((s) => (s.sort === key ? { direction: s.direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: 'asc' }));
        void get().reloadInventory();
      },
      async reloadInventory() {
        set((s) => ({ pages: {}, generation: s.generation + 1 }));
        await Promise.all([
          fetchPage(0),
          deps.api['inventory.facets']({}).then((facets) => set({ facets })),
        ]);
      },
      async ensureRows(startIndex, endIndex) {
        const first = Math.floor(startIndex / PAGE_SIZE);
        const last = Math.floor(Math.max(startIndex, endIndex) / PAGE_SIZE);
        const missing: number[] = [];
        for (let page = first; page <= last; page++) if (!get().pages[page]) missing.push(page);
        await Promise.all(missing.map(fetchPage));
      },
    };
  };

export function rowAt(pages: Record<number, Workload[]>, index: number): Workload | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
