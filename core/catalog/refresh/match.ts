/**
 * Matching rows of a price file to catalog offerings.
 *
 * A row matches an offering in one of four ways, strongest first; each offering takes its single
 * strongest row (ties: the row with the shortest model id — the undated alias over a dated
 * snapshot — then the smallest key):
 *
 *  1. `offering-id` — Bridgehead exports only: the row is the offering with that id. Rows of an
 *     export match nothing else.
 *  2. `region-row`  — same maker, same route, same normalized model key, and the row names exactly
 *     the offering's region (e.g. LiteLLM `bedrock/us-gov-west-1/amazon.nova-pro-v1:0` for the
 *     Nova Pro offering in us-gov-west-1). The row's price is the region's own price.
 *  3. `price-ref`   — the row is the offering's price reference (`genai-prices` `aws/amazon.nova-pro-v1:0`).
 *     If the reference is a proxy (a commercial price standing in for this offering), the result
 *     stays an unconfirmed estimate, multiplied by the offering's government-region premium if any.
 *  4. `model`       — same maker, same route, same normalized model key, and the row's region is one
 *     of the offering's `match.regions` (`null` there admits rows that name no region, i.e. the
 *     commercial default price). Government-region offerings do not list `null`, so a commercial
 *     row never silently prices a GovCloud offering.
 *
 * Model keys are normalized with `normalizeModelKey` (dates, version suffixes, vendor and region
 * prefixes dropped; `4.5` → `4-5`), unless the offering lists its own `match.modelKeys`.
 */
import type { Catalog, Offering } from '../schema';
import { normalizeModelKey } from './normalize';
import type { PriceList, PriceRow } from './types';

export type MatchKind = 'offering-id' | 'region-row' | 'price-ref' | 'model';
const RANK: Record<MatchKind, number> = { 'offering-id': 0, 'region-row': 1, 'price-ref': 2, model: 3 };

export const offeringModelKeys = (o: Offering): string[] => o.match.modelKeys ?? [normalizeModelKey(o.model)];

/** How `row` matches `offering`, or null. */
export function matchRow(offering: Offering, row: PriceRow): MatchKind | null {
  if (row.offeringId !== undefined) return row.offeringId === offering.id ? 'offering-id' : null;
  const sameModel =
    row.provider === offering.provider && row.route === offering.route && offeringModelKeys(offering).includes(row.modelKey);
  if (sameModel && row.region !== null && row.region === offering.region) return 'region-row';
  if (offering.priceRef && offering.priceRef.format === row.format && offering.priceRef.key === row.key) return 'price-ref';
  if (sameModel && offering.match.regions.includes(row.region)) return 'model';
  return null;
}

export interface OfferingMatch {
  row: PriceRow;
  kind: MatchKind;
}

const better = (a: OfferingMatch, b: OfferingMatch): boolean => {
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] < RANK[b.kind];
  if (a.row.model.length !== b.row.model.length) return a.row.model.length < b.row.model.length;
  return a.row.key < b.row.key;
};

/** The strongest row for each offering that has one. */
export function matchOfferings(catalog: Catalog, list: PriceList): Map<string, OfferingMatch> {
  const byKey = new Map<string, PriceRow[]>();
  const byModel = new Map<string, PriceRow[]>();
  const byOffering = new Map<string, PriceRow>();
  const push = (m: Map<string, PriceRow[]>, k: string, r: PriceRow) => {
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  };
  for (const r of list.rows) {
    if (r.offeringId !== undefined) {
      byOffering.set(r.offeringId, r);
      continue;
    }
    push(byKey, `${r.format}\u0000${r.key}`, r);
    push(byModel, `${r.provider}\u0000${r.route}\u0000${r.modelKey}`, r);
  }
  const result = new Map<string, OfferingMatch>();
  for (const o of catalog.offerings) {
    const candidates: PriceRow[] = [];
    const own = byOffering.get(o.id);
    if (own) candidates.push(own);
    if (o.priceRef) candidates.push(...(byKey.get(`${o.priceRef.format}\u0000${o.priceRef.key}`) ?? []));
    for (const k of offeringModelKeys(o)) candidates.push(...(byModel.get(`${o.provider}\u0000${o.route}\u0000${k}`) ?? []));
    let best: OfferingMatch | undefined;
    for (const row of candidates) {
      const kind = matchRow(o, row);
      if (!kind) continue;
      const m = { row, kind };
      if (!best || better(m, best)) best = m;
    }
    if (best) result.set(o.id, best);
  }
  return result;
}
