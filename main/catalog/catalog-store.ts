/**
 * The workspace's catalog. A workspace starts from a snapshot of the embedded default catalog, with
 * scheduled list-price changes resolved for the day the workspace was created, taken the first time
 * a catalog is needed and stored in the workspace; from then on user edits, contract prices and
 * refreshes change that stored copy only. So a plan made from a workspace is reproducible: it does
 * not drift when a newer Bridgehead ships newer default data.
 *
 * Every handler reads and writes the catalog through here.
 */
import { loadDefaultCatalog, validateCatalog, CatalogValidationError, type Catalog } from '../../core/catalog';
import { getMeta } from '../../db/repositories/meta';
import { readStoredCatalog, writeStoredCatalog } from '../../db/repositories/catalog';
import type { Workspace } from '../../db/workspace';

const isoDate = /^\d{4}-\d{2}-\d{2}/;

/** The date list prices of the workspace's default snapshot are resolved for: its creation date (UTC). */
export function workspacePriceDate(workspace: Workspace, now: () => Date = () => new Date()): string {
  const created = getMeta(workspace.db, 'created_at');
  if (created && isoDate.test(created)) {
    const parsed = new Date(created);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
    return created.slice(0, 10);
  }
  return now().toISOString().slice(0, 10);
}

function parseStored(workspace: Workspace, stored: unknown): Catalog {
  try {
    return validateCatalog(stored);
  } catch (error) {
    const detail = error instanceof CatalogValidationError ? error.issues.join('; ') : String(error);
    throw new Error(
      `The catalog stored in workspace ${workspace.path} does not validate (${detail}). ` +
        'Export what you can with a Bridgehead that wrote it, or restore the workspace from a backup.',
    );
  }
}

/**
 * The workspace's catalog. The first call on a workspace without one stores the default snapshot
 * (in a transaction, so two faces opening the same file agree on one snapshot).
 */
export function getCatalog(workspace: Workspace, now: () => Date = () => new Date()): Catalog {
  const db = workspace.db;
  const stored = readStoredCatalog(db);
  if (stored !== null) return parseStored(workspace, stored);
  return db.transaction((): Catalog => {
    const again = readStoredCatalog(db);
    if (again !== null) return parseStored(workspace, again);
    const snapshot = loadDefaultCatalog({ priceDate: workspacePriceDate(workspace, now) });
    writeStoredCatalog(db, snapshot, now().toISOString());
    return snapshot;
  }).immediate();
}

/** Validates and stores a catalog as the workspace's catalog. */
export function saveCatalog(workspace: Workspace, catalog: Catalog, now: () => Date = () => new Date()): Catalog {
  const valid = validateCatalog(catalog);
  writeStoredCatalog(workspace.db, valid, now().toISOString());
  return valid;
}

/**
 * Reads, changes and stores the catalog in one write transaction, so an edit made through one face
 * is never lost to a concurrent edit through another. `change` is pure (core/catalog); `after`
 * runs inside the same transaction (e.g. to record a refresh).
 */
export function updateCatalog(
  workspace: Workspace,
  change: (current: Catalog) => Catalog,
  options: { now?: () => Date; after?: (next: Catalog) => void } = {},
): Catalog {
  const now = options.now ?? (() => new Date());
  return workspace.db
    .transaction((): Catalog => {
      const next = saveCatalog(workspace, change(getCatalog(workspace, now)), now);
      options.after?.(next);
      return next;
    })
    .immediate();
}
