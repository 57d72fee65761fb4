import type { Capability, CatalogFormat, ProviderId, Route } from '../../common/enums';
import type { Catalog, PriceField, Provenance } from '../schema';

export type LimitField = 'contextWindow' | 'maxOutputTokens';

/**
 * One row of a price file, normalized. Importers produce these; matching and diffing read them.
 *
 * A price that the file does not give is absent (`undefined`), never null: an external file that
 * omits a cached-input price says nothing about it. Only Bridgehead exports carry explicit nulls
 * ("no per-token price"), with the provenance they had in the exporting catalog.
 */
export interface PriceRow {
  format: CatalogFormat;
  /** The row's id in its file: LiteLLM key, `provider/model` for genai-prices, OpenRouter id, offering id. */
  key: string;
  /** The model's maker as a catalog provider id, when it can be told. */
  provider: ProviderId | null;
  /** The model id as the route's API spells it (path and region prefixes removed). */
  model: string;
  modelKey: string;
  /** The catalog route the row prices, or null when it is not one (aggregators, other clouds). */
  route: Route | null;
  /** Region or endpoint class named by the row (`us-gov-west-1`, `us`, `global`, `regional`), or null. */
  region: string | null;
  prices: Partial<Record<PriceField, number | null>>;
  contextWindow?: number | null | undefined;
  maxOutputTokens?: number | null | undefined;
  capabilities?: Capability[] | undefined;
  deprecated?: boolean | undefined;
  /** Bridgehead exports: the offering this row is. */
  offeringId?: string | undefined;
  /** Bridgehead exports: provenance of each value as the exporting catalog had it. */
  facts?: Partial<Record<PriceField | LimitField, Provenance>> | undefined;
}

/** A parsed price file. */
export interface PriceList {
  format: CatalogFormat;
  rows: PriceRow[];
  /** Which of the file's sections are present (genai-prices provider ids, LiteLLM providers, …). */
  coverage: string[];
  /** Rows left out: not chat models, provisioned-throughput variants, unusable entries. */
  skippedRows: number;
  warnings: string[];
  /** Bridgehead exports: the whole exported catalog. */
  catalog?: Catalog | undefined;
}

/** Provenance of an imported file, recorded on every fact a refresh changes. */
export interface RefreshProvenance {
  fileName: string;
  /** sha256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** ISO 8601 timestamp of the import. */
  importedAt: string;
}
