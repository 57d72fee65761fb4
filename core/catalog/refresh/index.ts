export { applyRefresh, RefreshProvenanceSchema, type ApplyOptions } from './apply';
export {
  BRIDGEHEAD_EXPORT_FORMAT,
  BRIDGEHEAD_EXPORT_VERSION,
  BridgeheadExport,
  catalogToPriceList,
  exportCatalog,
  parseCatalogExportJson,
} from './bridgehead';
export {
  diffCatalog,
  samePrice,
  type AddedOffering,
  type CatalogDiff,
  type Confirmation,
  type GoneOffering,
  type LimitChange,
  type MatchedOffering,
  type PriceChange,
} from './diff';
export {
  describeJson,
  detectCatalogFormat,
  FORMAT_DESCRIPTIONS,
  FORMAT_LABELS,
  parseCatalogFile,
  parseJsonText,
  type ParseOptions,
} from './formats';
export { genaiPricesAt, roundPrice } from './genai-model';
export { parseGenaiPrices } from './genai-prices';
export { parseLiteLlm } from './litellm';
export { matchOfferings, matchRow, type MatchKind, type OfferingMatch } from './match';
export { inferModelProvider, normalizeModelKey } from './normalize';
export { parseOpenRouter } from './openrouter';
export type { LimitField, PriceList, PriceRow, RefreshProvenance } from './types';
