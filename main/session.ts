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
import type { PdfRenderer } from './export/pdf';
import { createHandlers, type Handlers } from './handlers';
import { chooseWorkspace, migrationsDir, type WorkspaceChoice } from './paths';
import { createUploadStore, type UploadStore } from './uploads';

export interface Session {
  handlers: Handlers;
  events: EventHub;
  uploads: UploadStore;
  workspace(): Workspace;
  /** Opens another workspace file in place of the current one (desktop "Open…"). */
  switchWorkspace(path: string): Promise<void>;
  close(): void;
}

export async function openChosenWorkspace(choice: WorkspaceChoice): Promise<Workspace> {
  if (choice.isDefault) mkdirSync(dirname(choice.path), { recursive: true });
  const workspace = openWorkspace(choice.path, { migrationsDir: migrationsDir() });
  // Only a brand-new default workspace becomes a demo; a named file starts empty.
  if (workspace.created && choice.isDefault) {
    try {
      await seedDemoWorkspace(workspace);
    } catch (error) {
      workspace.close();
      throw error;
    }
  }
  return workspace;
}

/** `pdfRenderer`: how the PDF export prints (the desktop face passes Electron's printToPDF); default headless Chromium. */
export async function startSession(options: { workspace?: string; face: AppInfo['face']; pdfRenderer?: PdfRenderer }): Promise<Session> {
  let current = await openChosenWorkspace(chooseWorkspace(options.workspace));
  const events = createEventHub();
  const uploads = createUploadStore();
  const handlers = createHandlers({ workspace: () => current, events, uploads, face: options.face, pdfRenderer: options.pdfRenderer });
  return {
    handlers,
    events,
    uploads,
    workspace: () => current,
    async switchWorkspace(path) {
      const next = await openChosenWorkspace({ path, isDefault: false });
      current.close();
      current = next;
      events.emit({ type: 'data.changed', scope: 'workspace' });
    },
    close: () => current.close(),
  };
}
