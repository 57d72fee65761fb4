/**
 * Applying a refresh. Pure: returns a new catalog, never mutates `current`. Only list prices and
 * context/output limits of matched offerings change (plus the added offerings the caller asks
 * for); the contract-price layer (`catalog.contracts`) is carried over untouched, whatever the
 * file contains. Every changed fact records the file name, sha256 and import time.
 */
import { z } from 'zod';
import { MISSION_AREAS } from '../../common/enums';
import { CatalogValidationError, describeZodIssues } from '../errors';
import { IsoDateTime, PRICE_FIELDS, type Catalog, type Fact, type ImportOrigin, type Offering, type QualityByMission } from '../schema';
import { validateCatalog } from '../validate';
import { diffCatalog, incomingLimit, incomingPrice, suggestionId, type AddedOffering, type CatalogDiff } from './diff';
import { FORMAT_LABELS } from './formats';
import { matchOfferings } from './match';
import type { PriceList, PriceRow, RefreshProvenance } from './types';

export const RefreshProvenanceSchema = z
  .object({
    fileName: z.string().trim().min(1, 'the file name is required'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'),
    importedAt: IsoDateTime,
  })
  .strict();

export interface ApplyOptions {
  /** Which `diff.added` suggestions to add: none (default), all, or these ids. */
  add?: 'none' | 'all' | readonly string[];
}

const clone = <T>(v: T): T => structuredClone(v);

export function applyRefresh(
  current: Catalog,
  incoming: PriceList,
  provenance: RefreshProvenance,
  options: ApplyOptions = {},
): Catalog {
  const prov = RefreshProvenanceSchema.safeParse(provenance);
  if (!prov.success) {
    const issues = describeZodIssues(prov.error);
    throw new CatalogValidationError(`Refresh provenance is incomplete:\n${issues.join('\n')}`, issues);
  }
  const { fileName, sha256, importedAt } = prov.data;
  const asOf = importedAt.slice(0, 10);
  const label = FORMAT_LABELS[incoming.format];
  const diff: CatalogDiff = diffCatalog(current, incoming);
  const matches = matchOfferings(current, incoming);
  const originFor = (rowKey: string): ImportOrigin => ({ format: incoming.format, fileName, sha256, importedAt, rowKey });
  const stamp = (rowKey: string) => `${label} "${fileName}" (sha256 ${sha256}), row ${rowKey}`;

  const priceTouched = new Set([...diff.pricesChanged, ...diff.confirmations].map((c) => `${c.offeringId}\u0000${c.field}`));
  const limitTouched = new Set(diff.limitsChanged.map((c) => `${c.offeringId}\u0000${c.field}`));

  const offerings: Offering[] = current.offerings.map((o) => {
    const m = matches.get(o.id);
    if (!m) return clone(o);
    const next = clone(o);
    for (const field of PRICE_FIELDS) {
      if (!priceTouched.has(`${o.id}\u0000${field}`)) continue;
      const inc = incomingPrice(o, m.row, m.kind, field);
      if (!inc) continue;
      let fact: Fact<number | null>;
      if (inc.provenance) {
        fact = { value: inc.value, ...inc.provenance, origin: originFor(m.row.key) };
      } else if (inc.estimated) {
        const premium = o.govPremium;
        fact = {
          value: inc.value,
          source: premium ? `${stamp(m.row.key)} × ${premium.value} (${premium.source})` : stamp(m.row.key),
          asOf,
          confirmed: false,
          note: premium
            ? `Estimate: ${m.row.prices[field]} from the file × government-region premium ${premium.value}.`
            : `Assumed: the file's price for ${m.row.key} is taken to apply to this offering (proxy reference).`,
          origin: originFor(m.row.key),
        };
      } else {
        fact = { value: inc.value, source: stamp(m.row.key), asOf, confirmed: inc.confirmed, origin: originFor(m.row.key) };
      }
      next.listPrices[field] = fact;
    }
    for (const field of ['contextWindow', 'maxOutputTokens'] as const) {
      if (!limitTouched.has(`${o.id}\u0000${field}`)) continue;
      const inc = incomingLimit(m.row, field);
      if (!inc) continue;
      next[field] = inc.provenance
        ? { value: inc.value, ...inc.provenance, origin: originFor(m.row.key) }
        : { value: inc.value, source: stamp(m.row.key), asOf, confirmed: inc.confirmed, origin: originFor(m.row.key) };
    }
    return next;
  });

  const providers = clone(current.providers);
  const wanted = options.add ?? 'none';
  const toAdd = wanted === 'none' ? [] : diff.added.filter((a) => wanted === 'all' || wanted.includes(a.id));
  if (Array.isArray(wanted)) {
    const known = new Set(diff.added.map((a) => a.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new CatalogValidationError(`Not among the suggested additions: ${unknown.join(', ')}`, unknown);
    }
  }
  for (const a of toAdd) {
    if (incoming.format === 'bridgehead') {
      const source = incoming.catalog?.offerings.find((o) => o.id === a.id);
      if (!source) continue;
      if (!providers.some((p) => p.id === source.provider)) {
        const p = incoming.catalog?.providers.find((q) => q.id === source.provider);
        if (p) providers.push(clone(p));
      }
      offerings.push(clone(source));
    } else {
      const row = incoming.rows.find((r) => r.key === a.rowKey);
      if (row) offerings.push(skeletonOffering(a, row, { stamp: stamp(a.rowKey), asOf, origin: originFor(a.rowKey), fileName }));
    }
  }

  return validateCatalog({
    schemaVersion: current.schemaVersion,
    meta: clone(current.meta),
    providers,
    offerings,
    // The user layer: never written by a refresh.
    contracts: clone(current.contracts),
  });
}

/** An offering built from a price-file row: prices from the file, everything else conservative. */
function skeletonOffering(
  a: AddedOffering,
  row: PriceRow,
  ctx: { stamp: string; asOf: string; origin: ImportOrigin; fileName: string },
): Offering {
  const fromFile = <T>(value: T): Fact<T> => ({ value, source: ctx.stamp, asOf: ctx.asOf, confirmed: true, origin: ctx.origin });
  const unknown = <T>(value: T, note: string): Fact<T> => ({
    value,
    source: 'Bridgehead default for offerings added from a price file',
    asOf: ctx.asOf,
    confirmed: false,
    note,
  });
  const price = (v: number | null): Fact<number | null> =>
    v === null ? unknown(null, `"${ctx.fileName}" gives no such price.`) : fromFile(v);
  const quality = Object.fromEntries(
    MISSION_AREAS.map((m) => [m, unknown(null, 'No cited quality score; rate it per mission area in the catalog.')]),
  ) as QualityByMission;
  if (a.id !== suggestionId(row as PriceRow & { provider: NonNullable<PriceRow['provider']>; route: NonNullable<PriceRow['route']> })) {
    throw new CatalogValidationError(`Suggestion ${a.id} does not belong to row ${row.key}`, [a.id]);
  }
  return {
    id: a.id,
    provider: a.provider,
    model: a.model,
    displayName: a.model,
    route: a.route,
    region: a.region,
    listing: { source: ctx.stamp, asOf: ctx.asOf, confirmed: true, note: `Added from "${ctx.fileName}".`, origin: ctx.origin },
    authorization: unknown(
      {
        maxClassification: 'unclassified' as const,
        impactLevel: null,
        fedramp: null,
        status: 'authorized' as const,
        leadTimeDays: null,
        basis: 'Not reviewed: added from a price file',
      },
      'Authorization not reviewed; treated as unclassified only until a source is recorded.',
    ),
    capabilities: row.capabilities?.length ? fromFile([...row.capabilities]) : unknown([], 'The file states no capabilities.'),
    contextWindow: a.contextWindow === null ? unknown(null, 'The file gives no context window.') : fromFile(a.contextWindow),
    maxOutputTokens: a.maxOutputTokens === null ? unknown(null, 'The file gives no maximum output.') : fromFile(a.maxOutputTokens),
    listPrices: {
      inputPerMTok: price(a.prices.inputPerMTok),
      outputPerMTok: price(a.prices.outputPerMTok),
      cachedInputPerMTok: price(a.prices.cachedInputPerMTok),
    },
    priceRef: { format: row.format, key: row.key, proxy: false },
    govPremium: null,
    match: { modelKeys: [row.modelKey], regions: [row.region] },
    qualityByMission: quality,
    tokenizerFactor: unknown(1, 'Tokenizer factor not measured; 1.0 assumed.'),
    deprecationDate: unknown(null, 'No deprecation date recorded.'),
    license: null,
  };
}
