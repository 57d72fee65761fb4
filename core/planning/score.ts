/**
 * How good an eligible offering is for a workload: a weighted sum of four parts, each in [0, 1]
 * (higher is better), with the scenario's weights (only their ratios matter).
 *
 *  - quality: the offering's score for the workload's mission area ÷ 100; unrated = 0.5, neutral
 *    (and the plan's confidence drops — an unrated model is not assumed good or bad).
 *  - cost: 1 / (1 + r) where r = the target's cost per token of this workload's input/output mix
 *    (tokenizer factor and cache share included) ÷ today's. Same cost 0.5, half 0.67, double 0.33.
 *    Volume-free, so workloads with unknown volumes are compared fairly. Unknown price: 0.5.
 *  - effort: B ÷ (B + R), B = the workload's likely migration hours without a route change,
 *    R = the likely route-change hours if this offering's route differs. 1 = no extra work.
 *  - risk: 1 − (highest of the target-dependent risk scores: capability gap, accreditation,
 *    operational) ÷ 25.
 */
import { blendedPrice, type Prices, type VolumeEstimate } from './cost';
import type { PreparedOffering, Verdict } from './eligibility';
import type { PlannedWorkload } from './inventory';
import { accreditationRisk, capabilityGapRisk, operationalRisk } from './risk';
import type { Scenario } from './scenario';

export interface ScoreParts {
  quality: number;
  cost: number;
  effort: number;
  risk: number;
}

export interface Candidate {
  offering: number;
  provider: string;
  status: 'ready' | 'conditional';
  score: number;
  parts: ScoreParts;
  qualityRated: boolean;
  priced: boolean;
}

export interface ScoringInput {
  pw: PlannedWorkload;
  volume: VolumeEstimate;
  cachedShare: number;
  /** Today's cost per token of this mix, or null if unknown. */
  sourceBlended: number | null;
  source: PreparedOffering | null;
  sourceTokenizer: number;
  /** Likely hours without route change, and the likely route-change hours. */
  baseHours: number;
  routeChangeHours: number;
  deadlineDay: number;
}

export function scoreCandidate(
  input: ScoringInput,
  po: PreparedOffering,
  verdict: Verdict,
  prices: Prices,
  scenario: Scenario,
): Candidate {
  const { pw } = input;
  const q = po.offering.qualityByMission[pw.workload.missionArea].value;
  const quality = q === null ? 0.5 : q / 100;

  const ratio = po.offering.tokenizerFactor.value / input.sourceTokenizer;
  const blended = blendedPrice(input.volume, input.cachedShare, prices, ratio);
  const priced = blended !== null;
  const cost = blended !== null && input.sourceBlended !== null && input.sourceBlended > 0 ? 1 / (1 + blended / input.sourceBlended) : 0.5;

  const routeChange = pw.workload.route === null || pw.workload.route !== po.offering.route;
  const extra = routeChange ? input.routeChangeHours : 0;
  const effort = input.baseHours + extra > 0 ? input.baseHours / (input.baseHours + extra) : 1;

  const worst = Math.max(
    capabilityGapRisk(pw, po, input.source, false).score,
    accreditationRisk(pw, po, verdict, input.deadlineDay, false).score,
    operationalRisk(pw, po, routeChange, ratio, false).score,
  );
  const risk = 1 - worst / 25;

  const w = scenario.weights;
  const total = w.quality + w.cost + w.effort + w.risk;
  const score = (w.quality * quality + w.cost * cost + w.effort * effort + w.risk * risk) / total;
  return {
    offering: po.index,
    provider: po.offering.provider,
    status: verdict.status === 'conditional' ? 'conditional' : 'ready',
    score,
    parts: { quality, cost, effort, risk },
    qualityRated: q !== null,
    priced,
  };
}

/** Best first; ties by catalog order so the answer never depends on iteration order. */
export const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || a.offering - b.offering;
