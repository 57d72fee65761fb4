import type { ApiClient, Bridge } from '../../../core/api';
import type { FileRef } from '../../../core/api/inventory';
import type { CatalogSlice } from './catalog-slice';
import type { ExportSlice } from './export-slice';
import type { ImportSlice } from './import-slice';
import type { InventorySlice } from './inventory-slice';
import type { NavSlice } from './nav-slice';
import type { PlanSlice } from './plan-slice';
import type { VendorSlice } from './vendor-slice';
import type { WorkspaceSlice } from './workspace-slice';

/** The one store is the union of its slices; each slice owns its part and its actions. */
export type AppState = WorkspaceSlice & NavSlice & InventorySlice & ImportSlice & VendorSlice & CatalogSlice & PlanSlice & ExportSlice;

export interface StoreDeps {
  api: ApiClient;
  fileRef(file: File): Promise<FileRef>;
  /** Native dialogs in the desktop app; null in the browser. */
  desktop: Bridge['desktop'] | null;
  /** Hands the user a file the server sent (base64), in faces that cannot save to a chosen path. */
  download(fileName: string, mime: string, base64: string): void;
}
