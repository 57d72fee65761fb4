import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../core/api';
import type { AppState, StoreDeps } from './types';

export type VendorDependencyData = ResponseOf<'inventory.vendorDependency'>;

export interface VendorSlice {
  vendorData: VendorDependencyData | null;
  vendorError: string | null;
  vendorLoading: boolean;
  loadVendor(vendor?: string): Promise<void>;
}

export const createVendorSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], VendorSlice> =>
  (set, get) => ({
    vendorData: null,
    vendorError: null,
    vendorLoading: false,
    async loadVendor(vendor) {
      set({ vendorLoading: true });
      try {
        const chosen = vendor ?? get().vendorData?.vendor;
        const data = await deps.api['inventory.vendorDependency'](chosen ? { vendor: chosen } : {});
        set({ vendorData: data, vendorError: null, vendorLoading: false });
      } catch (error) {
        set({ vendorError: error instanceof Error ? error.message : String(error), vendorLoading: false });
      }
    },
  });
