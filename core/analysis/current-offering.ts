/**
 * Which catalog offering a workload runs on today: the vendor's offering of the workload's model
 * (its route first), judged by the catalog's normalized model keys. No guess when the model is
 * unknown or not in the catalog: the caller reports the spend as unknown.
 */
import { effectivePrices, normalizeModelKey, type Catalog, type Offering } from '../catalog';
import type { Workload } from '../inventory/schema';
import type { PriceLookup } from './vendor-dependency';

function keysOf(o: Offering): Set<string> {
  return new Set([normalizeModelKey(o.model), ...(o.match.modelKeys ?? []).map(normalizeModelKey)]);
}

export function currentOfferingFinder(catalog: Catalog): (w: Workload) => Offering | null {
  const byProvider = new Map<string, { offering: Offering; keys: Set<string> }[]>();
  for (const o of catalog.offerings) {
    const list = byProvider.get(o.provider) ?? [];
    list.push({ offering: o, keys: keysOf(o) });
    byProvider.set(o.provider, list);
  }
  const memo = new Map<string, Offering | null>();
  return (w) => {
    if (!w.model) return null;
    const memoKey = `${w.vendor}|${w.model}|${w.route ?? ''}`;
    if (memo.has(memoKey)) return memo.get(memoKey)!;
    const key = normalizeModelKey(w.model);
    const same = (byProvider.get(w.vendor) ?? []).filter((c) => c.keys.has(key)).map((c) => c.offering);
    // The workload's own route when the catalog has it, else a priced offering of the same model.
    const priced = (o: Offering) => o.listPrices.inputPerMTok.value !== null;
    const found =
      same.find((o) => o.route === w.route && priced(o)) ??
      same.find((o) => o.route === (w.route ?? 'direct_api')) ??
      same.find(priced) ??
      same[0] ??
      null;
    memo.set(memoKey, found);
    return found;
  };
}

/** Today's unit prices of a workload (contract prices first), for spend figures. */
export function currentPriceLookup(catalog: Catalog): PriceLookup {
  const find = currentOfferingFinder(catalog);
  return (w) => {
    const offering = find(w);
    if (!offering) return null;
    const p = effectivePrices(offering, catalog.contracts);
    return {
      prices: { inputPerMTok: p.inputPerMTok, outputPerMTok: p.outputPerMTok, cachedInputPerMTok: p.cachedInputPerMTok },
      basis: `${offering.id} (${p.contract ? 'contract' : 'list'} price)`,
    };
  };
}
