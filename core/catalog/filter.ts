/**
 * Which offerings a catalog view shows. "Authorized for top_secret" means the offering's highest
 * classification is top_secret or above (classifications are ordered, common/enums.ts); a pending
 * authorization counts unless `authorizedNow` asks for authorizations already granted.
 */
import { classificationRank, type Capability, type Classification, type Route } from '../common/enums';
import type { Offering } from './schema';

export interface OfferingFilter {
  /** Show offerings authorized for at least this classification. */
  authorizedFor?: Classification | null;
  /** Leave out offerings whose authorization is still pending. */
  authorizedNow?: boolean;
  /** Any of these routes (empty or absent: all). */
  routes?: readonly Route[];
  /** Every one of these capabilities. */
  capabilities?: readonly Capability[];
  /** Any of these providers (empty or absent: all). */
  providers?: readonly string[];
  /** Words that must all appear in the id, model, display name, provider or region (case-insensitive). */
  text?: string;
}

export function offeringMatches(o: Offering, f: OfferingFilter): boolean {
  const auth = o.authorization.value;
  if (f.authorizedFor && classificationRank(auth.maxClassification) < classificationRank(f.authorizedFor)) return false;
  if (f.authorizedNow && auth.status !== 'authorized') return false;
  if (f.routes?.length && !f.routes.includes(o.route)) return false;
  if (f.providers?.length && !f.providers.includes(o.provider)) return false;
  if (f.capabilities?.length && !f.capabilities.every((c) => o.capabilities.value.includes(c))) return false;
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const hay = `${o.id} ${o.model} ${o.displayName} ${o.provider} ${o.region}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

export function filterOfferings<O extends Offering>(offerings: readonly O[], f: OfferingFilter): O[] {
  return offerings.filter((o) => offeringMatches(o, f));
}
