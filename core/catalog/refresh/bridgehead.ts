/**
 * Bridgehead's own catalog export: `{ "format": "bridgehead-catalog", "version": 1, "exportedAt",
 * "catalog": Catalog }`. Exporting then importing gives back the same catalog; as a refresh
 * source, each offering is a row matched by offering id, carrying its facts' provenance.
 */
import { z } from 'zod';
import { CatalogImportError, describeZodIssues } from '../errors';
import { validateCatalog } from '../validate';
import { Catalog, IsoDateTime, PRICE_FIELDS, type Provenance } from '../schema';
import { normalizeModelKey } from './normalize';
import type { PriceList, PriceRow } from './types';

export const BRIDGEHEAD_EXPORT_FORMAT = 'bridgehead-catalog';
export const BRIDGEHEAD_EXPORT_VERSION = 1;

export const BridgeheadExport = z
  .object({
    format: z.literal(BRIDGEHEAD_EXPORT_FORMAT),
    version: z.literal(BRIDGEHEAD_EXPORT_VERSION),
    exportedAt: IsoDateTime.nullable(),
    catalog: Catalog,
  })
  .strict();
export type BridgeheadExport = z.infer<typeof BridgeheadExport>;

/** The JSON text `bridgehead catalog export FILE` writes. The catalog is validated first. */
export function exportCatalog(catalog: Catalog, options: { exportedAt?: string | null } = {}): string {
  const doc: BridgeheadExport = {
    format: BRIDGEHEAD_EXPORT_FORMAT,
    version: BRIDGEHEAD_EXPORT_VERSION,
    exportedAt: options.exportedAt ?? null,
    catalog: validateCatalog(catalog),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Reads a Bridgehead export (already parsed JSON) back into a catalog. */
export function parseCatalogExportJson(json: unknown): Catalog {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BRIDGEHEAD_EXPORT_FORMAT) {
    throw new CatalogImportError('wrong_kind', 'Not a Bridgehead catalog export: it has no "format": "bridgehead-catalog" marker.', 'bridgehead');
  }
  if (head.version !== BRIDGEHEAD_EXPORT_VERSION) {
    throw new CatalogImportError(
      'unsupported_version',
      `This Bridgehead catalog export is version ${JSON.stringify(head.version)}; this Bridgehead reads version ${BRIDGEHEAD_EXPORT_VERSION}.`,
      'bridgehead',
    );
  }
  const parsed = BridgeheadExport.safeParse(json);
  if (!parsed.success) {
    throw new CatalogImportError(
      'invalid',
      `The Bridgehead catalog export does not validate:\n${describeZodIssues(parsed.error).join('\n')}`,
      'bridgehead',
    );
  }
  return parsed.data.catalog;
}

const provenanceOf = (f: Provenance): Provenance => ({
  source: f.source,
  asOf: f.asOf,
  confirmed: f.confirmed,
  ...(f.note !== undefined ? { note: f.note } : {}),
});

/** A catalog's offerings as refresh rows (matched by offering id). */
export function catalogToPriceList(catalog: Catalog): PriceList {
  const rows: PriceRow[] = catalog.offerings.map((o) => {
    const prices: PriceRow['prices'] = {};
    const facts: NonNullable<PriceRow['facts']> = {};
    for (const f of PRICE_FIELDS) {
      prices[f] = o.listPrices[f].value;
      facts[f] = provenanceOf(o.listPrices[f]);
    }
    facts.contextWindow = provenanceOf(o.contextWindow);
    facts.maxOutputTokens = provenanceOf(o.maxOutputTokens);
    return {
      format: 'bridgehead',
      key: o.id,
      offeringId: o.id,
      provider: o.provider,
      model: o.model,
      modelKey: normalizeModelKey(o.model),
      route: o.route,
      region: o.region,
      prices,
      contextWindow: o.contextWindow.value,
      maxOutputTokens: o.maxOutputTokens.value,
      capabilities: [...o.capabilities.value],
      facts,
    };
  });
  return {
    format: 'bridgehead',
    rows,
    coverage: catalog.providers.map((p) => p.id),
    skippedRows: 0,
    warnings: [],
    catalog,
  };
}

export function parseBridgehead(json: unknown): PriceList {
  return catalogToPriceList(parseCatalogExportJson(json));
}
