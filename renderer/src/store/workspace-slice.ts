import type { StateCreator } from 'zustand';
import type { AppInfo, WorkspaceInfo } from '../../../core/api';
import type { AppState, StoreDeps } from './types';

export interface WorkspaceSlice {
  app: AppInfo | null;
  workspace: WorkspaceInfo | null;
  workspaceError: string | null;
  loadWorkspace(): Promise<void>;
}

export const createWorkspaceSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], WorkspaceSlice> =>
  (set) => ({
    app: null,
    workspace: null,
    workspaceError: null,
    async loadWorkspace() {
      try {
        const [app, workspace] = await Promise.all([deps.api['app.info']({}), deps.api['workspace.info']({})]);
        set({ app, workspace, workspaceError: null });
      } catch (error) {
        set({ workspaceError: error instanceof Error ? error.message : String(error) });
      }
    },
  });
