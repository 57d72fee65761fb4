/**
 * The object `bridgehead catalog list --json` prints.
 *
 * Per offering: `prices` are the effective prices (contract over list); `source` is where the
 * offering's listing comes from. `confirmed` and `asOf` speak for the values the row shows: the
 * listing, the authorization, the capabilities, and the context window and list prices when they
 * are shown (not null, not overridden by a contract price). `confirmed` is true only when every one
 * of those facts is confirmed; `asOf` is the oldest of their dates, so staleness is never
 * understated. Tokenizer factor, quality scores and deprecation date default to unconfirmed
 * Bridgehead values and are left out of both.
 */
import { MISSION_AREAS } from '../common/enums';
import { effectivePrices } from './prices';
import { PRICE_FIELDS, type Catalog, type CatalogListJson, type ContractPrice, type Offering, type Provenance } from './schema';

/** The facts behind the values an offering's list row shows (see above). */
export function planFacts(o: Offering, contracts: readonly ContractPrice[] = []): Provenance[] {
  const prices = effectivePrices(o, contracts);
  return [
    o.listing,
    o.authorization,
    o.capabilities,
    ...(o.contextWindow.value !== null ? [o.contextWindow] : []),
    ...PRICE_FIELDS.filter((f) => prices.basis[f] === 'list').map((f) => o.listPrices[f]),
  ];
}

export function catalogToListJson(catalog: Catalog, contracts: readonly ContractPrice[] = catalog.contracts): CatalogListJson {
  return {
    providers: catalog.providers.map((p) => ({
      id: p.id,
      name: p.name,
      prohibitedUseTags: p.prohibitedUseTags.map((u) => ({
        tag: u.tag,
        appliesToTags: [...u.appliesToTags],
        condition: u.condition,
        note: u.note,
        exception: u.exception,
        source: u.source,
        asOf: u.asOf,
        confirmed: u.confirmed,
      })),
      sources: p.sources.map((s) => ({ title: s.title, url: s.url, published: s.published })),
    })),
    offerings: catalog.offerings.map((o) => {
      const facts = planFacts(o, contracts);
      const prices = effectivePrices(o, contracts);
      return {
        id: o.id,
        provider: o.provider,
        model: o.model,
        route: o.route,
        region: o.region,
        maxClassification: o.authorization.value.maxClassification,
        impactLevel: o.authorization.value.impactLevel,
        capabilities: [...o.capabilities.value],
        contextWindow: o.contextWindow.value,
        prices: {
          inputPerMTok: prices.inputPerMTok,
          outputPerMTok: prices.outputPerMTok,
          cachedInputPerMTok: prices.cachedInputPerMTok,
        },
        qualityByMission: Object.fromEntries(MISSION_AREAS.map((m) => [m, o.qualityByMission[m].value])) as Record<
          (typeof MISSION_AREAS)[number],
          number | null
        >,
        tokenizerFactor: o.tokenizerFactor.value,
        source: o.listing.source,
        asOf: facts.map((f) => f.asOf).sort()[0]!,
        confirmed: facts.every((f) => f.confirmed),
      };
    }),
  };
}
