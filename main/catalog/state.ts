/** What catalog channels answer with, and how catalog errors cross the API boundary. */
import { ApiError } from '../../core/api/errors';
import type { CatalogState } from '../../core/api';
import { CatalogEditError, CatalogImportError, CatalogValidationError, effectivePrices, isUserAdded, type Catalog } from '../../core/catalog';
import { listRefreshes } from '../../db/repositories/catalog';
import type { Workspace } from '../../db/workspace';

export function catalogState(workspace: Workspace, catalog: Catalog): CatalogState {
  return {
    catalog,
    effective: Object.fromEntries(catalog.offerings.map((o) => [o.id, effectivePrices(o, catalog.contracts)])),
    removable: catalog.offerings.filter(isUserAdded).map((o) => o.id),
    refreshes: listRefreshes(workspace.db),
  };
}

/** Runs `fn`, turning the catalog core's errors into API errors that keep the field they name. */
export function asApiErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CatalogEditError) {
      throw new ApiError('bad_request', error.message, { field: error.field, offeringId: error.offeringId });
    }
    if (error instanceof CatalogValidationError) throw new ApiError('bad_request', error.message, { issues: error.issues });
    if (error instanceof CatalogImportError) throw new ApiError('invalid_file', error.message, { code: error.code, expected: error.expected });
    throw error;
  }
}
