/**
 * What importing a price file would change. `diffCatalog` only reads; `applyRefresh` (apply.ts)
 * carries the diff out, after the user has confirmed it.
 *
 *  - `pricesChanged`: list prices the file gives differently (from → to).
 *  - `confirmations`: same value, but the catalog had it unconfirmed and the file states it.
 *  - `limitsChanged`: context window / max output the file gives differently.
 *  - `added`: suggestions — models the file prices on a catalog route for a provider the catalog
 *    already has, that no offering matches. Not applied unless asked for (`applyRefresh` `add`).
 *    A Bridgehead export suggests its offerings whose ids the catalog lacks, complete.
 *  - `gone`: offerings whose price this kind of file supplies (their price reference or their
 *    current list price came from this format; for a Bridgehead export: every offering) and that
 *    the file no longer lists. Reported, never deleted by a refresh.
 *
 * A value the file does not give is not a change (an external file with no cached-input price
 * says nothing about it); a Bridgehead export's explicit null is a value.
 */
import type { Capability, CatalogFormat, ProviderId, Route } from '../../common/enums';
import { OfferingId, offeringSlug, PRICE_FIELDS, type Catalog, type Fact, type Offering, type PriceField, type Provenance } from '../schema';
import { roundPrice } from './genai-model';
import { matchOfferings, offeringModelKeys, type MatchKind } from './match';
import type { LimitField, PriceList, PriceRow } from './types';

export interface PriceChange {
  offeringId: string;
  field: PriceField;
  from: number | null;
  to: number | null;
  rowKey: string;
  match: MatchKind;
  /** The new value is an estimate: read through a proxy price reference (e.g. a government premium applied). */
  estimated: boolean;
}

export interface Confirmation {
  offeringId: string;
  field: PriceField;
  value: number | null;
  rowKey: string;
  match: MatchKind;
}

export interface LimitChange {
  offeringId: string;
  field: LimitField;
  from: number | null;
  to: number | null;
  rowKey: string;
  match: MatchKind;
}

export interface AddedOffering {
  /** Id the offering would get. */
  id: string;
  provider: ProviderId;
  model: string;
  route: Route;
  region: string;
  prices: { inputPerMTok: number | null; outputPerMTok: number | null; cachedInputPerMTok: number | null };
  contextWindow: number | null;
  maxOutputTokens: number | null;
  capabilities: Capability[];
  rowKey: string;
}

export interface GoneOffering {
  offeringId: string;
  reason: string;
}

export interface MatchedOffering {
  offeringId: string;
  rowKey: string;
  match: MatchKind;
}

export interface CatalogDiff {
  format: CatalogFormat;
  pricesChanged: PriceChange[];
  confirmations: Confirmation[];
  limitsChanged: LimitChange[];
  added: AddedOffering[];
  gone: GoneOffering[];
  matched: MatchedOffering[];
  /** Matched offerings with nothing to change. */
  unchanged: number;
  /** Rows of the file that matched no offering (including those suggested as added). */
  unmatchedRows: number;
  skippedRows: number;
  warnings: string[];
}

export const samePrice = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export interface IncomingValue {
  value: number | null;
  /** Provenance the value should carry (Bridgehead rows carry their own; others are stamped at apply). */
  provenance: Provenance | null;
  confirmed: boolean;
  estimated: boolean;
}

/** The price `row` gives `offering` for `field`, or undefined when it gives none. */
export function incomingPrice(offering: Offering, row: PriceRow, kind: MatchKind, field: PriceField): IncomingValue | undefined {
  const v = row.prices[field];
  if (v === undefined) return undefined;
  if (row.format === 'bridgehead') {
    const p = row.facts?.[field] ?? null;
    return { value: v, provenance: p, confirmed: p?.confirmed ?? false, estimated: false };
  }
  if (v === null) return undefined;
  if (kind === 'price-ref' && offering.priceRef?.proxy) {
    const value = offering.govPremium ? roundPrice(v * offering.govPremium.value) : v;
    return { value, provenance: null, confirmed: false, estimated: true };
  }
  return { value: v, provenance: null, confirmed: true, estimated: false };
}

export function incomingLimit(row: PriceRow, field: LimitField): IncomingValue | undefined {
  const v = row[field];
  if (v === undefined) return undefined;
  if (row.format === 'bridgehead') {
    const p = row.facts?.[field] ?? null;
    return { value: v, provenance: p, confirmed: p?.confirmed ?? false, estimated: false };
  }
  if (v === null) return undefined;
  return { value: v, provenance: null, confirmed: true, estimated: false };
}

const isLimitChange = (current: Fact<number | null>, incoming: IncomingValue): boolean => current.value !== incoming.value;

export function diffCatalog(current: Catalog, incoming: PriceList): CatalogDiff {
  const matches = matchOfferings(current, incoming);
  const pricesChanged: PriceChange[] = [];
  const confirmations: Confirmation[] = [];
  const limitsChanged: LimitChange[] = [];
  const matched: MatchedOffering[] = [];
  let unchanged = 0;

  for (const o of current.offerings) {
    const m = matches.get(o.id);
    if (!m) continue;
    matched.push({ offeringId: o.id, rowKey: m.row.key, match: m.kind });
    let changed = false;
    for (const field of PRICE_FIELDS) {
      const inc = incomingPrice(o, m.row, m.kind, field);
      if (!inc) continue;
      const cur = o.listPrices[field];
      if (!samePrice(cur.value, inc.value)) {
        pricesChanged.push({ offeringId: o.id, field, from: cur.value, to: inc.value, rowKey: m.row.key, match: m.kind, estimated: inc.estimated });
        changed = true;
      } else if (!cur.confirmed && inc.confirmed) {
        confirmations.push({ offeringId: o.id, field, value: cur.value, rowKey: m.row.key, match: m.kind });
        changed = true;
      }
    }
    for (const field of ['contextWindow', 'maxOutputTokens'] as const) {
      const inc = incomingLimit(m.row, field);
      if (!inc || !isLimitChange(o[field], inc)) continue;
      limitsChanged.push({ offeringId: o.id, field, from: o[field].value, to: inc.value, rowKey: m.row.key, match: m.kind });
      changed = true;
    }
    if (!changed) unchanged++;
  }

  const matchedRowKeys = new Set([...matches.values()].map((m) => m.row.key));
  const unmatchedRows = incoming.rows.filter((r) => !matchedRowKeys.has(r.key)).length;
  const added = suggestAdditions(current, incoming, matchedRowKeys);
  const gone = findGone(current, incoming, new Set(matches.keys()));

  return {
    format: incoming.format,
    pricesChanged,
    confirmations,
    limitsChanged,
    added,
    gone,
    matched,
    unchanged,
    unmatchedRows,
    skippedRows: incoming.skippedRows,
    warnings: incoming.warnings,
  };
}

const defaultRegion = (route: Route): string => (route === 'direct_api' ? 'global' : 'default');

/** The offering id a suggested row would get. */
export const suggestionId = (row: PriceRow & { provider: ProviderId; route: Route }): string =>
  offeringSlug(row.provider, row.modelKey, row.route, row.region ?? defaultRegion(row.route));

function suggestAdditions(current: Catalog, incoming: PriceList, matchedRowKeys: Set<string>): AddedOffering[] {
  const existingIds = new Set(current.offerings.map((o) => o.id));
  if (incoming.format === 'bridgehead') {
    return (incoming.catalog?.offerings ?? [])
      .filter((o) => !existingIds.has(o.id))
      .map((o) => ({
        id: o.id,
        provider: o.provider,
        model: o.model,
        route: o.route,
        region: o.region,
        prices: {
          inputPerMTok: o.listPrices.inputPerMTok.value,
          outputPerMTok: o.listPrices.outputPerMTok.value,
          cachedInputPerMTok: o.listPrices.cachedInputPerMTok.value,
        },
        contextWindow: o.contextWindow.value,
        maxOutputTokens: o.maxOutputTokens.value,
        capabilities: [...o.capabilities.value],
        rowKey: o.id,
      }));
  }
  const providers = new Set(current.providers.map((p) => p.id));
  // Model keys the catalog already has per provider+route+region, so an alias row is not suggested again.
  const covered = new Set(
    current.offerings.flatMap((o) =>
      offeringModelKeys(o).flatMap((k) => o.match.regions.map((r) => `${o.provider}\u0000${o.route}\u0000${k}\u0000${r}`)),
    ),
  );
  const byId = new Map<string, AddedOffering>();
  const ordered = [...incoming.rows].sort((a, b) => a.model.length - b.model.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of ordered) {
    if (matchedRowKeys.has(r.key) || r.deprecated || r.provider === null || r.route === null || !providers.has(r.provider)) continue;
    if (r.prices.inputPerMTok === undefined || r.prices.outputPerMTok === undefined) continue;
    if (covered.has(`${r.provider}\u0000${r.route}\u0000${r.modelKey}\u0000${r.region}`)) continue;
    const row = r as PriceRow & { provider: ProviderId; route: Route };
    const id = suggestionId(row);
    if (existingIds.has(id) || byId.has(id) || !OfferingId.safeParse(id).success) continue;
    byId.set(id, {
      id,
      provider: row.provider,
      model: row.model,
      route: row.route,
      region: row.region ?? defaultRegion(row.route),
      prices: {
        inputPerMTok: row.prices.inputPerMTok ?? null,
        outputPerMTok: row.prices.outputPerMTok ?? null,
        cachedInputPerMTok: row.prices.cachedInputPerMTok ?? null,
      },
      contextWindow: row.contextWindow ?? null,
      maxOutputTokens: row.maxOutputTokens ?? null,
      capabilities: row.capabilities ?? [],
      rowKey: row.key,
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function findGone(current: Catalog, incoming: PriceList, matchedOfferings: Set<string>): GoneOffering[] {
  const covered = new Set(incoming.coverage);
  const gone: GoneOffering[] = [];
  for (const o of current.offerings) {
    if (matchedOfferings.has(o.id)) continue;
    if (incoming.format === 'bridgehead') {
      gone.push({ offeringId: o.id, reason: 'not in the imported Bridgehead catalog' });
      continue;
    }
    const ref = o.priceRef;
    if (ref && ref.format === incoming.format) {
      const refProvider = ref.key.slice(0, ref.key.indexOf('/'));
      if (incoming.format !== 'genai-prices' || covered.has(refProvider)) {
        gone.push({ offeringId: o.id, reason: `its price reference ${ref.key} is not in the file` });
        continue;
      }
    }
    const fromThisFormat = PRICE_FIELDS.some((f) => o.listPrices[f].origin?.format === incoming.format);
    if (fromThisFormat) gone.push({ offeringId: o.id, reason: `its list price came from a ${incoming.format} file and this file no longer lists it` });
  }
  return gone;
}
