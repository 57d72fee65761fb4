/**
 * Contract (negotiated) prices sit above list prices: where a contract price is set for a field it
 * is the effective price, else the list price is.
 */
import { PRICE_FIELDS, type ContractPrice, type Offering, type PriceField } from './schema';

export type PriceBasis = 'contract' | 'list' | 'none';

export interface EffectivePrices {
  inputPerMTok: number | null;
  outputPerMTok: number | null;
  cachedInputPerMTok: number | null;
  /** Where each price comes from; `none` when neither a contract nor a list price exists. */
  basis: Record<PriceField, PriceBasis>;
  contract: ContractPrice | null;
}

/** The contract price for an offering, if any. */
export function contractFor(offeringId: string, contracts: readonly ContractPrice[]): ContractPrice | null {
  return contracts.find((c) => c.offeringId === offeringId) ?? null;
}

export function effectivePrices(offering: Offering, contracts: readonly ContractPrice[] = []): EffectivePrices {
  const contract = contractFor(offering.id, contracts);
  const out = { contract, basis: {} } as EffectivePrices;
  for (const f of PRICE_FIELDS) {
    const negotiated = contract?.[f] ?? null;
    const list = offering.listPrices[f].value;
    out[f] = negotiated ?? list;
    out.basis[f] = negotiated !== null ? 'contract' : list !== null ? 'list' : 'none';
  }
  return out;
}

/** Returns contracts with `price` set for its offering (replacing an earlier one). Pure. */
export function setContractPrice(contracts: readonly ContractPrice[], price: ContractPrice): ContractPrice[] {
  return [...contracts.filter((c) => c.offeringId !== price.offeringId), price];
}

/** Returns contracts without the offering's contract price. Pure. */
export function removeContractPrice(contracts: readonly ContractPrice[], offeringId: string): ContractPrice[] {
  return contracts.filter((c) => c.offeringId !== offeringId);
}
