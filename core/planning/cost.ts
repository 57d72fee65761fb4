/**
 * Run-rate (monthly token cost) before and after the move.
 *
 *   cost = (input × ((1 − cached) × inputPrice + cached × cachedPrice) + output × outputPrice) / 1e6
 *          × tokenizer factor
 *
 * Before: the workload's current model on the exited vendor, priced from the catalog. After: the
 * target offering, with tokens scaled by the target's tokenizer factor relative to the source's
 * (the same text is a different number of tokens on another vendor's tokenizer).
 *
 * Unknowns (DOMAIN.md: never silently zero):
 *  - cached input share unknown → 0: no cache discount before or after (the conservative choice
 *    for the run-rate; it cancels out of the comparison).
 *  - volumes unknown → a wide range, see `estimateVolumes`; the plan's monthly figures use the
 *    likely value and each workload carries its low/high range and lower confidence.
 *  - a price the catalog does not state (self-hosted, contract-only) → the monthly cost is null
 *    (unknown) and the plan says so; it is never counted as free.
 */
import { effectivePrices } from '../catalog/prices';
import type { ContractPrice, Offering } from '../catalog/schema';
import type { MissionArea } from '../common/enums';
import type { PreparedOffering } from './eligibility';
import type { PlannedWorkload } from './inventory';
import { rankIndex } from './random';
import type { Scenario, ThreePoint } from './scenario';

export interface Range3 {
  low: number;
  likely: number;
  high: number;
}

export interface VolumeEstimate {
  known: boolean;
  input: Range3;
  output: Range3;
  /** How the volume was obtained, in words. */
  basis: string;
}

export interface Prices {
  input: number | null;
  output: number | null;
  cached: number | null;
}

const point = (v: number): Range3 => ({ low: v, likely: v, high: v });
const fromTp = (t: ThreePoint, scale = 1): Range3 => ({ low: t.min * scale, likely: t.likely * scale, high: t.max * scale });

function percentiles(values: number[]): Range3 | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[rankIndex(p, sorted.length)]!;
  return { low: at(0.1), likely: at(0.5), high: at(0.9) };
}

/**
 * Monthly token volumes, known or estimated. Rule for unknowns, first that applies:
 *  1. one side known: the other from the output/input ratio of workloads that state both
 *     (P10/P50/P90 of that ratio in the same mission area, else the inventory, else the scenario);
 *  2. requests known: requests × tokens per request (scenario three-point);
 *  3. nothing known: P10/P50/P90 of the stated volumes in the same mission area (three or more),
 *     else of the whole inventory, else the scenario's three-point.
 * The range is deliberately wide: it is what the inventory can support, not a guess at a point.
 */
export function estimateVolumes(workloads: readonly PlannedWorkload[], scenario: Scenario): VolumeEstimate[] {
  const va = scenario.volumeAssumptions;
  const inputsByArea = new Map<MissionArea | 'all', number[]>([['all', []]]);
  const outputsByArea = new Map<MissionArea | 'all', number[]>([['all', []]]);
  const ratiosByArea = new Map<MissionArea | 'all', number[]>([['all', []]]);
  const push = (m: Map<MissionArea | 'all', number[]>, area: MissionArea, v: number) => {
    m.get('all')!.push(v);
    let list = m.get(area);
    if (!list) m.set(area, (list = []));
    list.push(v);
  };
  for (const { workload: w } of workloads) {
    if (w.monthlyInputTokens === null || w.monthlyOutputTokens === null) continue;
    push(inputsByArea, w.missionArea, w.monthlyInputTokens);
    push(outputsByArea, w.missionArea, w.monthlyOutputTokens);
    if (w.monthlyInputTokens > 0) push(ratiosByArea, w.missionArea, w.monthlyOutputTokens / w.monthlyInputTokens);
  }
  const cache = new Map<string, Range3 | null>();
  const dist = (m: Map<MissionArea | 'all', number[]>, name: string, area: MissionArea): { r: Range3; where: string } | null => {
    for (const key of [area, 'all'] as const) {
      const k = `${name}|${key}`;
      if (!cache.has(k)) cache.set(k, percentiles(m.get(key) ?? []));
      const r = cache.get(k);
      if (r) return { r, where: key === 'all' ? 'the inventory' : `${area} workloads` };
    }
    return null;
  };

  return workloads.map(({ workload: w }): VolumeEstimate => {
    const inTok = w.monthlyInputTokens;
    const outTok = w.monthlyOutputTokens;
    if (inTok !== null && outTok !== null) return { known: true, input: point(inTok), output: point(outTok), basis: 'stated' };
    const ratio = dist(ratiosByArea, 'ratio', w.missionArea);
    const ratioRange = ratio?.r ?? fromTp(va.outputPerInputToken);
    const ratioWhere = ratio ? `the output/input ratio of ${ratio.where}` : 'the scenario output/input ratio';
    if (inTok !== null) {
      return {
        known: false,
        input: point(inTok),
        output: { low: inTok * ratioRange.low, likely: inTok * ratioRange.likely, high: inTok * ratioRange.high },
        basis: `output tokens unknown: input × ${ratioWhere}`,
      };
    }
    if (outTok !== null) {
      const div = (r: number) => (r > 0 ? outTok / r : outTok);
      return {
        known: false,
        input: { low: div(ratioRange.high), likely: div(ratioRange.likely), high: div(ratioRange.low) },
        output: point(outTok),
        basis: `input tokens unknown: output ÷ ${ratioWhere}`,
      };
    }
    if (w.monthlyRequests !== null) {
      return {
        known: false,
        input: fromTp(va.inputTokensPerRequest, w.monthlyRequests),
        output: fromTp(va.outputTokensPerRequest, w.monthlyRequests),
        basis: 'token volumes unknown: monthly requests × scenario tokens per request',
      };
    }
    const ins = dist(inputsByArea, 'in', w.missionArea);
    const outs = dist(outputsByArea, 'out', w.missionArea);
    if (ins && outs) {
      return {
        known: false,
        input: ins.r,
        output: outs.r,
        basis: `volumes unknown: P10–P90 of the stated volumes of ${ins.where}`,
      };
    }
    const input = fromTp(va.monthlyInputTokens);
    return {
      known: false,
      input,
      output: { low: input.low * ratioRange.low, likely: input.likely * ratioRange.likely, high: input.high * ratioRange.high },
      basis: 'volumes unknown and the inventory states too few to compare: scenario default range',
    };
  });
}

export function pricesOf(offering: Offering, contracts: readonly ContractPrice[]): Prices {
  const p = effectivePrices(offering, contracts);
  return { input: p.inputPerMTok, output: p.outputPerMTok, cached: p.cachedInputPerMTok };
}

/** Input and output prices stated (a cached price is optional: without it cached input pays full input price). */
export const isPriced = (p: Prices): boolean => p.input !== null && p.output !== null;

/** USD a month; null when a needed price is unknown. */
export function monthlyCost(input: number, output: number, cachedShare: number, prices: Prices, factor: number): number | null {
  if (prices.input === null || prices.output === null) return null;
  const cachedPrice = prices.cached ?? prices.input;
  const perInput = (1 - cachedShare) * prices.input + cachedShare * cachedPrice;
  return ((input * perInput + output * prices.output) / 1e6) * factor;
}

export function monthlyRange(v: VolumeEstimate, cachedShare: number, prices: Prices, factor: number): Range3 | null {
  const low = monthlyCost(v.input.low, v.output.low, cachedShare, prices, factor);
  if (low === null) return null;
  return {
    low,
    likely: monthlyCost(v.input.likely, v.output.likely, cachedShare, prices, factor)!,
    high: monthlyCost(v.input.high, v.output.high, cachedShare, prices, factor)!,
  };
}

/** Cost per token of this workload's mix on an offering (volume-free), used to compare offerings. */
export function blendedPrice(v: VolumeEstimate, cachedShare: number, prices: Prices, factor: number): number | null {
  const total = v.input.likely + v.output.likely;
  // No volume at all: compare on a typical 4:1 input:output mix.
  const inShare = total > 0 ? v.input.likely / total : 0.8;
  return monthlyCost(inShare * 1e6, (1 - inShare) * 1e6, cachedShare, prices, factor);
}

// ---------------------------------------------------------------------------------------------
// The workload's current offering on the exited vendor

export interface SourceMatch {
  /** The exited vendor's offering the workload runs on (by model), or null when unknown. */
  identity: PreparedOffering | null;
  /** The offering whose prices stand for the current cost (may differ: see `note`). */
  pricing: PreparedOffering | null;
  how: 'model' | 'model_other_route' | 'flagship' | 'none';
  note: string | null;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Match each in-scope workload's model to an offering of the exited vendor: exact model (or the
 * offering's match keys), else a prefix match (dated model ids such as claude-x-20250101), the
 * workload's route first. A matched offering without prices is priced from the same model on
 * another route; no match at all falls back to the vendor's flagship (highest rated, then most
 * expensive), with a note — a conservative stand-in that the plan flags.
 */
export function matchSources(
  workloads: readonly PlannedWorkload[],
  offerings: readonly PreparedOffering[],
  prices: readonly Prices[],
): (SourceMatch | null)[] {
  const own = offerings.filter((o) => o.exited);
  const keys = own.map((o) => {
    const k = new Set([norm(o.offering.model)]);
    for (const m of o.offering.match.modelKeys ?? []) k.add(norm(m));
    return k;
  });
  const priced = own.filter((o) => isPriced(prices[o.index]!));
  const meanQuality = (o: PreparedOffering): number => {
    const vals = Object.values(o.offering.qualityByMission)
      .map((f) => f.value)
      .filter((v): v is number => v !== null);
    return vals.length === 0 ? -1 : vals.reduce((a, b) => a + b, 0) / vals.length;
  };
  const flagshipOrder = [...priced].sort(
    (a, b) =>
      meanQuality(b) - meanQuality(a) || (prices[b.index]!.output ?? 0) - (prices[a.index]!.output ?? 0) || a.index - b.index,
  );
  const byRoute = (list: PreparedOffering[], route: string | null): PreparedOffering | null =>
    (route ? list.find((o) => o.offering.route === route) : undefined) ?? list[0] ?? null;

  const memo = new Map<string, SourceMatch>();
  return workloads.map(({ workload: w, inScope }) => {
    if (!inScope) return null;
    const key = `${w.model ?? ''}|${w.route ?? ''}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let result: SourceMatch;
    const m = w.model ? norm(w.model) : '';
    let same: PreparedOffering[] = [];
    if (m) {
      same = own.filter((_, i) => keys[i]!.has(m));
      if (same.length === 0)
        same = own.filter((_, i) => [...keys[i]!].some((k) => k.length >= 6 && (m.startsWith(k) || k.startsWith(m))));
    }
    const identity = byRoute(same, w.route);
    if (identity && isPriced(prices[identity.index]!)) {
      result = { identity, pricing: identity, how: 'model', note: null };
    } else if (identity && same.some((o) => isPriced(prices[o.index]!))) {
      const pricing = byRoute(
        same.filter((o) => isPriced(prices[o.index]!)),
        w.route,
      )!;
      result = {
        identity,
        pricing,
        how: 'model_other_route',
        note: `Current cost priced at ${pricing.offering.id}: the catalog states no price for ${identity.offering.id}.`,
      };
    } else {
      const flagship = byRoute(flagshipOrder, w.route);
      result = flagship
        ? {
            identity,
            pricing: flagship,
            how: 'flagship',
            note: `${w.model ? `Model ${w.model} has no priced offering` : 'Model unknown'}: current cost priced at the ${flagship.offering.provider} flagship ${flagship.offering.id}.`,
          }
        : { identity, pricing: null, how: 'none', note: `The catalog prices no offering of ${w.vendor}: current cost unknown.` };
    }
    memo.set(key, result);
    return result;
  });
}
