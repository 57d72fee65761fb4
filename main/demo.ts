/** The demo inventory a new default workspace starts with, so a new user sees something at once. */
import { join } from 'node:path';
import { setMeta } from '../db/repositories/meta';
import type { Workspace } from '../db/workspace';
import { createEventHub } from './events';
import { createImportService, readImportFile } from './inventory/import-service';
import { examplesDir } from './paths';
import { createUploadStore } from './uploads';

export const DEMO_INVENTORY = 'demo-inventory.csv';

export async function seedDemoWorkspace(workspace: Workspace): Promise<void> {
  const service = createImportService({ workspace: () => workspace, events: createEventHub() });
  const file = readImportFile({ kind: 'path', path: join(examplesDir(), DEMO_INVENTORY) }, createUploadStore());
  const result = await service.importFile(file, undefined, { skipInvalid: false, replace: true });
  // The sample ships with the app; an error in it is a bug to fix, not something to half-import.
  if (result.errorCount > 0) throw new Error(`The bundled demo inventory has errors: ${result.errors[0]?.message ?? ''}`);
  setMeta(workspace.db, 'demo', '1');
}
