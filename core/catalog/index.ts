/**
 * The provider catalog: pure domain (no electron, no DOM, no database). See README.md here.
 */
import { parseCatalogExportJson } from './refresh/bridgehead';
import { parseJsonText } from './refresh/formats';
import type { Catalog } from './schema';

export * from './schema';
export { CatalogImportError, CatalogValidationError, type CatalogImportErrorCode } from './errors';
export { bundledGenaiLookup, buildCatalogFromData, loadDefaultCatalog, LONG_CONTEXT_MIN_TOKENS, type GenaiLookup, type LoadOptions } from './load';
export { validateCatalog } from './validate';
export { contractFor, effectivePrices, removeContractPrice, setContractPrice, type EffectivePrices, type PriceBasis } from './prices';
export { prohibitedUseConflicts, type UseConflict, type WorkloadUse } from './policy';
export { catalogToListJson, planFacts } from './list-json';
export * from './refresh';
export {
  addOffering,
  AuthorizationPatch,
  CatalogEditError,
  ContractPriceInput,
  defaultMatchSpec,
  isUserAdded,
  NewOffering,
  newOfferingId,
  normalizeCapabilities,
  OfferingPatch,
  PricesPatch,
  QualityPatch,
  removeOffering,
  updateOffering,
  USER_ADDED_DEFAULT_SOURCE,
  USER_EDIT_SOURCE,
  withContractPrice,
  withoutContractPrice,
  type EditOptions,
} from './edit';
export { filterOfferings, offeringMatches, type OfferingFilter } from './filter';

/** Reads a Bridgehead catalog export (file text or parsed JSON) back into a catalog. */
export function parseCatalogExport(input: string | unknown): Catalog {
  return parseCatalogExportJson(typeof input === 'string' ? parseJsonText(input, 'bridgehead') : input);
}
