/**
 * The catalog offerings a plan refers to, with what the plan uses them for and — when the export
 * is given the workspace's catalog — the facts and their provenance (source, as-of date, whether a
 * source states the value outright).
 *
 * The plan keeps only the catalog's name and date; an offering's facts come from the catalog the
 * caller passes, which may have been edited since the plan was made. Exports say so where they show
 * these facts.
 */
import { effectivePrices } from '../catalog/prices';
import type { Catalog, Offering } from '../catalog/schema';
import type { Plan } from '../planning/plan-schema';
import { parseOfferingId } from './text';

export interface OfferingUse {
  id: string;
  provider: string;
  model: string;
  route: string;
  region: string;
  /** Planned workloads moving to it. */
  targetOf: number;
  /** Workloads running on it today (the exited vendor's offerings). */
  currentOf: number;
  /** Workloads whose current run-rate is priced at it (another route of the same model). */
  pricedFor: number;
  /** Workloads listing it as an eligible alternative. */
  alternativeOf: number;
  /** Catalog facts; null when no catalog was given or the catalog no longer has the offering. */
  facts: OfferingFacts | null;
}

export interface Fact<T> {
  value: T;
  source: string;
  asOf: string;
  confirmed: boolean;
}

export interface OfferingFacts {
  displayName: string;
  listing: Fact<string>;
  authorization: Fact<{ maxClassification: string; impactLevel: string | null; status: string; leadTimeDays: number | null; basis: string }>;
  contextWindow: Fact<number | null>;
  deprecationDate: Fact<string | null>;
  tokenizerFactor: Fact<number>;
  /** Effective price (contract where negotiated, else list), USD per million tokens. */
  prices: {
    input: number | null;
    output: number | null;
    cachedInput: number | null;
    basis: 'contract' | 'list' | 'none';
    /** Provenance of the list input price (contract prices carry their reference instead). */
    source: string;
    asOf: string;
    confirmed: boolean;
    contractReference: string | null;
  };
}

function factsOf(o: Offering, catalog: Catalog): OfferingFacts {
  const eff = effectivePrices(o, catalog.contracts);
  const list = o.listPrices.inputPerMTok;
  return {
    displayName: o.displayName,
    listing: { value: `${o.route} / ${o.region}`, source: o.listing.source, asOf: o.listing.asOf, confirmed: o.listing.confirmed },
    authorization: {
      value: {
        maxClassification: o.authorization.value.maxClassification,
        impactLevel: o.authorization.value.impactLevel,
        status: o.authorization.value.status,
        leadTimeDays: o.authorization.value.leadTimeDays,
        basis: o.authorization.value.basis,
      },
      source: o.authorization.source,
      asOf: o.authorization.asOf,
      confirmed: o.authorization.confirmed,
    },
    contextWindow: { ...o.contextWindow },
    deprecationDate: { ...o.deprecationDate },
    tokenizerFactor: { ...o.tokenizerFactor },
    prices: {
      input: eff.inputPerMTok,
      output: eff.outputPerMTok,
      cachedInput: eff.cachedInputPerMTok,
      basis: eff.basis.inputPerMTok,
      source: eff.contract ? `contract: ${eff.contract.reference}` : list.source,
      asOf: eff.contract ? eff.contract.setAt : list.asOf,
      confirmed: eff.contract ? true : list.confirmed,
      contractReference: eff.contract?.reference ?? null,
    },
  };
}

/** Every offering the plan names, targets first (most used first), then current, then the rest. */
export function offeringsInPlan(plan: Plan, catalog?: Catalog | null): OfferingUse[] {
  const uses = new Map<string, OfferingUse>();
  const use = (id: string): OfferingUse => {
    let u = uses.get(id);
    if (!u) {
      const parts = parseOfferingId(id) ?? { provider: '', model: id, route: '', region: '' };
      u = { id, ...parts, targetOf: 0, currentOf: 0, pricedFor: 0, alternativeOf: 0, facts: null };
      uses.set(id, u);
    }
    return u;
  };
  for (const w of plan.workloads) {
    if (w.status === 'planned' && w.target) use(w.target.offering).targetOf++;
    if (w.runRate?.currentOffering) use(w.runRate.currentOffering).currentOf++;
    if (w.runRate?.pricedAt && w.runRate.pricedAt !== w.runRate.currentOffering) use(w.runRate.pricedAt).pricedFor++;
    for (const a of w.alternatives) use(a.offering).alternativeOf++;
  }
  if (catalog) {
    const byId = new Map(catalog.offerings.map((o) => [o.id, o]));
    for (const u of uses.values()) {
      const o = byId.get(u.id);
      if (o) u.facts = factsOf(o, catalog);
    }
  }
  const rank = (u: OfferingUse) => (u.targetOf > 0 ? 0 : u.currentOf > 0 ? 1 : u.pricedFor > 0 ? 2 : 3);
  return [...uses.values()].sort(
    (a, b) => rank(a) - rank(b) || b.targetOf - a.targetOf || b.currentOf - a.currentOf || b.alternativeOf - a.alternativeOf || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
