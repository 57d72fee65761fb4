import type { ApiClient } from '../../../core/api';
import type { NavSlice } from './nav-slice';
import type { WorkspaceSlice } from './workspace-slice';

/** The one store is the union of its slices; each slice owns its part and its actions. */
export type AppState = WorkspaceSlice & NavSlice;

export interface StoreDeps {
  api: ApiClient;
}
