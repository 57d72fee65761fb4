import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRefresh,
  catalogToPriceList,
  diffCatalog,
  PRICE_FIELDS,
  samePrice,
  validateCatalog,
  type Catalog,
  type ContractPrice,
} from '../../../core/catalog';
import { deepFreeze, defaultCatalog } from './helpers';

const base = defaultCatalog();
const ids = base.offerings.map((o) => o.id);

// Prices as integers of thousandths (no -0, no NaN), or null (no per-token price).
const price = fc.option(fc.integer({ min: 0, max: 200_000 }).map((n) => n / 1000), { nil: null });
const edit = fc.record({
  keep: fc.boolean(),
  prices: fc.tuple(price, price, price),
  touch: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  confirmed: fc.boolean(),
  context: fc.option(fc.integer({ min: 1000, max: 2_000_000 }), { nil: null }),
  touchContext: fc.boolean(),
});
const edits = fc.array(edit, { minLength: ids.length, maxLength: ids.length });
type Edit = { keep: boolean; prices: [number | null, number | null, number | null]; touch: [boolean, boolean, boolean]; confirmed: boolean; context: number | null; touchContext: boolean };

/** A variant of the default catalog: every third offering may be dropped, prices and context windows changed. */
function variant(list: readonly Edit[]): Catalog {
  const c = structuredClone(base);
  c.offerings = c.offerings.flatMap((o, i) => {
    const e = list[i]!;
    if (!e.keep && i % 3 === 0) return [];
    PRICE_FIELDS.forEach((f, j) => {
      if (e.touch[j]) o.listPrices[f] = { value: e.prices[j] ?? null, source: `test source ${i}`, asOf: '2026-11-01', confirmed: e.confirmed };
    });
    if (e.touchContext) o.contextWindow = { value: e.context, source: 'test', asOf: '2026-11-02', confirmed: e.confirmed };
    return [o];
  });
  return validateCatalog(c);
}

const contractsFor = (c: Catalog, pick: boolean[]): ContractPrice[] =>
  c.offerings
    .filter((_, i) => pick[i % pick.length])
    .map((o, i) => ({ offeringId: o.id, inputPerMTok: i / 10, outputPerMTok: null, cachedInputPerMTok: 1, reference: `k${i}`, setAt: '2026-10-01' }));

const provenance = { fileName: 'b.json', sha256: 'a'.repeat(64), importedAt: '2026-11-28T00:00:00Z' };

describe('diff / apply properties', () => {
  it('applying the diff of A→B to A yields B’s list prices for matched offerings, and nothing else changes', () => {
    fc.assert(
      fc.property(edits, edits, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (ea, eb, pick) => {
        const a = validateCatalog({ ...variant(ea), contracts: [] });
        const withContracts = deepFreeze(validateCatalog({ ...a, contracts: contractsFor(a, pick) }));
        const b = variant(eb);
        const incoming = catalogToPriceList(b);
        const diff = diffCatalog(withContracts, incoming);
        const next = applyRefresh(withContracts, incoming, provenance);
        const bById = new Map(b.offerings.map((o) => [o.id, o]));
        for (const o of next.offerings) {
          const before = withContracts.offerings.find((x) => x.id === o.id)!;
          const fromB = bById.get(o.id);
          if (fromB) {
            for (const f of PRICE_FIELDS) expect(samePrice(o.listPrices[f].value, fromB.listPrices[f].value)).toBe(true);
            expect(o.contextWindow.value).toBe(fromB.contextWindow.value);
          } else {
            expect(o).toEqual(before);
          }
        }
        // each reported change is what was applied
        for (const c of diff.pricesChanged) expect(next.offerings.find((o) => o.id === c.offeringId)!.listPrices[c.field].value).toBe(c.to);
        // gone = offerings of A missing from B; the user layer is untouched
        expect(diff.gone.map((g) => g.offeringId).sort()).toEqual(a.offerings.filter((o) => !bById.has(o.id)).map((o) => o.id).sort());
        expect(next.contracts).toEqual(withContracts.contracts);
        expect(next.offerings.map((o) => o.id)).toEqual(withContracts.offerings.map((o) => o.id));
      }),
      { numRuns: 60 },
    );
  });

  it('a catalog has no differences with itself, and applying twice equals applying once', () => {
    fc.assert(
      fc.property(edits, edits, (ea, eb) => {
        const a = variant(ea);
        const selfDiff = diffCatalog(a, catalogToPriceList(a));
        expect(selfDiff.pricesChanged.length + selfDiff.confirmations.length + selfDiff.limitsChanged.length + selfDiff.gone.length).toBe(0);
        const incoming = catalogToPriceList(variant(eb));
        const once = applyRefresh(a, incoming, provenance);
        expect(applyRefresh(once, incoming, provenance)).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});
