/**
 * A session is one open workspace plus the handlers serving it. Every face (Electron, `serve`,
 * the CLI) starts one the same way, so they behave the same.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppInfo } from '../core/api';
import { openWorkspace, type Workspace } from '../db/workspace';
import { seedDemoWorkspace } from './demo';
import { createEventHub, type EventHub } from './events';
import { createHandlers, type Handlers } from './handlers';
import { chooseWorkspace, migrationsDir, type WorkspaceChoice } from './paths';

export interface Session {
  handlers: Handlers;
  events: EventHub;
  workspace(): Workspace;
  /** Opens another workspace file in place of the current one (desktop "Open…"). */
  switchWorkspace(path: string): void;
  close(): void;
}

export function openChosenWorkspace(choice: WorkspaceChoice): Workspace {
  if (choice.isDefault) mkdirSync(dirname(choice.path), { recursive: true });
  const workspace = openWorkspace(choice.path, { migrationsDir: migrationsDir() });
  // Only a brand-new default workspace becomes a demo; a named file starts empty.
  if (workspace.created && choice.isDefault) seedDemoWorkspace(workspace);
  return workspace;
}

export function startSession(options: { workspace?: string; face: AppInfo['face'] }): Session {
  let current = openChosenWorkspace(chooseWorkspace(options.workspace));
  const events = createEventHub();
  const handlers = createHandlers({ workspace: () => current, events, face: options.face });
  return {
    handlers,
    events,
    workspace: () => current,
    switchWorkspace(path) {
      const next = openChosenWorkspace({ path, isDefault: false });
      current.close();
      current = next;
      events.emit({ type: 'data.changed', scope: 'workspace' });
    },
    close: () => current.close(),
  };
}
