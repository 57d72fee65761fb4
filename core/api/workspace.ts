/** Workspace channels: what file is open and what it holds. */
import { z } from 'zod';
import { channel } from './channel';

export interface WorkspaceInfo {
  /** File name without extension, shown in the app shell. */
  name: string;
  path: string;
  /** True while the workspace still holds only the bundled demo inventory. */
  isDemo: boolean;
  createdAt: string;
  /** Highest migration applied, e.g. "0002_catalog". */
  schemaVersion: string;
  counts: { workloads: number };
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' | 'browser' | 'cli' — which face the handlers are serving. */
  face: 'electron' | 'browser' | 'cli';
  node: string;
}

export const workspaceChannels = {
  'app.info': channel<AppInfo>()(z.object({}).strict(), 'Application name, version and face.'),
  'workspace.info': channel<WorkspaceInfo>()(
    z.object({}).strict(),
    'The open workspace: name, path, schema version and counts.',
  ),
} as const;
