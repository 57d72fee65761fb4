/**
 * Risk on the 5×5 likelihood × consequence matrix of DoD risk management, per workload and
 * category, each rating naming the drivers that set it.
 *
 * Consequence (1–5) is what a failure of this workload's move would do to the mission, from its
 * criticality: routine 2, support 3, essential 4, critical 5 (unknown criticality plans as
 * essential). Category adjustments: dependency fan-in takes the highest consequence among the
 * workload and its dependents (a failure cascades); data quality is capped at 3 (bad inventory data
 * misleads the estimate, it does not by itself fail the mission).
 *
 * Likelihood (1–5) per category from named drivers — see each function for its rule.
 *
 * Score = likelihood × consequence (1–25). Level bands: low ≤ 6, moderate 7–12, high ≥ 15. These
 * follow the DoD matrix's layout closely: high where both factors are high (4×4, 5×3, 3×5, …),
 * low in the lower-left corner. A workload's risk is its highest-scoring category.
 */
import type { Criticality } from '../common/enums';
import { type Day, formatDay } from './dates';
import type { PreparedOffering, Verdict } from './eligibility';
import { label, type PlannedWorkload } from './inventory';

export const RISK_CATEGORIES = [
  'capability_gap',
  'accreditation',
  'schedule',
  'dependency_fan_in',
  'data_quality',
  'operational',
  'concentration',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskRating {
  category: RiskCategory;
  likelihood: number;
  consequence: number;
  score: number;
  level: RiskLevel;
  drivers: string[];
}

export const riskLevel = (score: number): RiskLevel => (score >= 15 ? 'high' : score >= 7 ? 'moderate' : 'low');

const clamp5 = (n: number): number => Math.max(1, Math.min(5, Math.round(n)));

export function rate(category: RiskCategory, likelihood: number, consequence: number, drivers: string[]): RiskRating {
  const l = clamp5(likelihood);
  const c = clamp5(consequence);
  return { category, likelihood: l, consequence: c, score: l * c, level: riskLevel(l * c), drivers };
}

const CONSEQUENCE: Record<Criticality, number> = { routine: 2, support: 3, essential: 4, critical: 5 };
export const consequenceOf = (c: Criticality): number => CONSEQUENCE[c];

const CONSEQUENCE_DRIVER: Record<Criticality, string> = {
  routine: 'criticality routine',
  support: 'criticality support',
  essential: 'criticality essential',
  critical: 'criticality critical',
};
const consequenceDriver = (pw: PlannedWorkload): string =>
  pw.criticalityAssumed ? 'criticality unknown (planned as essential)' : CONSEQUENCE_DRIVER[pw.criticality];

/** Highest score, then highest consequence, then category order: one deterministic answer. */
export function highest(ratings: readonly RiskRating[]): RiskRating {
  let best = ratings[0]!;
  for (const r of ratings) {
    if (
      r.score > best.score ||
      (r.score === best.score && r.consequence > best.consequence) ||
      (r.score === best.score &&
        r.consequence === best.consequence &&
        RISK_CATEGORIES.indexOf(r.category) < RISK_CATEGORIES.indexOf(best.category))
    )
      best = r;
  }
  return best;
}

// The target-dependent ratings take `explain = false` when only the score is needed (scoring every
// eligible offering): the same rule, without building the driver sentences.

/**
 * Capability gap — will the new model do this job as well? Likelihood from the target's quality
 * score for the mission area against the current model's: better or equal 1, within 5 points 2,
 * within 10 3, within 20 4, worse 5; either score unrated 3 (unknown, not assumed good).
 * +1 for a fine-tuned workload (fine-tuning does not transfer), +1 when the workload needs more
 * than 80 % of the target's context window.
 */
export function capabilityGapRisk(pw: PlannedWorkload, target: PreparedOffering, source: PreparedOffering | null, explain = true): RiskRating {
  const area = pw.workload.missionArea;
  const qt = target.offering.qualityByMission[area].value;
  const qs = source ? source.offering.qualityByMission[area].value : null;
  const drivers: string[] = [];
  let l: number;
  if (qt === null) {
    l = 3;
    if (explain) drivers.push(`${target.offering.id} is unrated for ${area}`);
  } else if (qs === null) {
    l = qt >= 80 ? 2 : qt >= 65 ? 3 : 4;
    if (explain) drivers.push(`target quality ${qt} for ${area}; current model unrated`);
  } else {
    const delta = qt - qs;
    l = delta >= 0 ? 1 : delta > -5 ? 2 : delta > -10 ? 3 : delta > -20 ? 4 : 5;
    if (explain) drivers.push(`quality for ${area}: ${qt} vs ${qs} today (${delta >= 0 ? '+' : ''}${delta})`);
  }
  if (pw.workload.capabilities.includes('fine_tuned')) {
    l++;
    if (explain) drivers.push('fine-tuned model: the tuning must be redone on the target');
  }
  const need = pw.workload.minContextTokens;
  if (need !== null && target.contextWindow !== null && need > 0.8 * target.contextWindow) {
    l++;
    if (explain) drivers.push(`needs ${need} of ${target.contextWindow} context tokens (over 80 %)`);
  }
  if (explain) drivers.push(consequenceDriver(pw));
  return rate('capability_gap', l, consequenceOf(pw.criticality), drivers);
}

/** A workload no candidate offering can take: the gap is certain. */
export function blockedRisk(pw: PlannedWorkload, firstReason: string): RiskRating {
  return rate('capability_gap', 5, consequenceOf(pw.criticality), [
    `no eligible offering among the candidate providers: ${firstReason}`,
    consequenceDriver(pw),
  ]);
}

/**
 * Accreditation — will the target be allowed to carry this data in time? Pending authorization:
 * by the slack between its expected date and the deadline (< 30 days 5, < 60 4, < 120 3, else 2).
 * Authorized: 2 for SECRET and above (the program's own ATO package is still needed), 1 below.
 * +1 when the plan relies on a provider's documented policy exception.
 */
export function accreditationRisk(pw: PlannedWorkload, target: PreparedOffering, verdict: Verdict, deadlineDay: Day, explain = true): RiskRating {
  const drivers: string[] = [];
  let l: number;
  if (verdict.authorizationDay !== null) {
    const slack = deadlineDay - verdict.authorizationDay;
    l = slack < 30 ? 5 : slack < 60 ? 4 : slack < 120 ? 3 : 2;
    if (explain) drivers.push(
      `authorization pending (${target.offering.authorization.value.basis}), expected ${formatDay(verdict.authorizationDay)}: ${slack} days before the deadline`,
    );
  } else if (pw.classification === 'secret' || pw.classification === 'top_secret') {
    l = 2;
    if (explain) drivers.push(`${label(pw.classification)} use needs the program's accreditation package for ${target.offering.id}`);
  } else {
    l = 1;
    if (explain) drivers.push(`${label(pw.classification)} on an offering authorized for it`);
  }
  if (explain && pw.classificationAssumption) drivers.push(pw.classificationAssumption);
  if (verdict.policyExceptions.length > 0) {
    l++;
    if (explain) drivers.push(`relies on the provider's documented policy exception (${verdict.policyExceptions.join(', ')})`);
  }
  if (explain) drivers.push(consequenceDriver(pw));
  return rate('accreditation', l, consequenceOf(pw.criticality), drivers);
}

/**
 * Operational — will cut-over disturb operations? 1 plus one for each driver: a route change
 * (or unknown route), a downtime tolerance under 4 hours, a latency SLO under 1,000 ms, more than
 * five tool schemas to port (or an unknown number with tool use), a tokenizer change of more
 * than 15 % (prompt lengths and limits shift).
 */
export function operationalRisk(
  pw: PlannedWorkload,
  target: PreparedOffering,
  routeChange: boolean,
  tokenizerRatio: number,
  explain = true,
): RiskRating {
  const w = pw.workload;
  const drivers: string[] = [];
  let l = 1;
  if (routeChange) {
    l++;
    if (explain) drivers.push(w.route === null ? `route unknown; target route ${target.offering.route}` : `route change ${w.route} → ${target.offering.route}`);
  }
  if (w.maxDowntimeHours !== null && w.maxDowntimeHours < 4) {
    l++;
    if (explain) drivers.push(`tolerates at most ${w.maxDowntimeHours} h downtime`);
  }
  if (w.latencySloMs !== null && w.latencySloMs < 1000) {
    l++;
    if (explain) drivers.push(`latency SLO ${w.latencySloMs} ms`);
  }
  if ((w.toolSchemas ?? 0) > 5 || (w.toolSchemas === null && w.capabilities.includes('tool_use'))) {
    l++;
    if (explain) drivers.push(w.toolSchemas === null ? 'uses tools; number of tool schemas unknown' : `${w.toolSchemas} tool schemas to port`);
  }
  if (Math.abs(tokenizerRatio - 1) > 0.15) {
    l++;
    if (explain) drivers.push(`tokenizer factor ${tokenizerRatio.toFixed(2)} relative to today`);
  }
  if (explain && drivers.length === 0) drivers.push('same route, no tight downtime or latency limits');
  if (explain) drivers.push(consequenceDriver(pw));
  return rate('operational', l, consequenceOf(pw.criticality), drivers);
}

/**
 * Data quality — how much of the estimate rests on unknowns? Likelihood by the number of unknown
 * inventory fields that feed the plan (classification, criticality, volumes, model, prompt
 * templates, tool schemas for a tool user, human in the loop for a policy-relevant use, owner):
 * none 1, one 2, two 3, three or four 4, five or more 5.
 */
export function dataQualityRisk(pw: PlannedWorkload, policyRelevantTags: boolean): RiskRating {
  const w = pw.workload;
  const unknown: string[] = [];
  if (w.classification === null) unknown.push('classification');
  if (w.criticality === null) unknown.push('criticality');
  if (w.monthlyInputTokens === null || w.monthlyOutputTokens === null) unknown.push('token volumes');
  if (w.model === null) unknown.push('model');
  if (w.promptTemplates === null) unknown.push('prompt templates');
  if (w.toolSchemas === null && w.capabilities.includes('tool_use')) unknown.push('tool schemas');
  if (w.humanInLoop === null && policyRelevantTags) unknown.push('human in the loop');
  if (w.owner === null) unknown.push('owner');
  const n = unknown.length;
  const l = n === 0 ? 1 : n === 1 ? 2 : n === 2 ? 3 : n <= 4 ? 4 : 5;
  const drivers = n === 0 ? ['every planning field stated'] : [`unknown: ${unknown.join(', ')}`];
  drivers.push(consequenceDriver(pw));
  return rate('data_quality', l, Math.min(3, consequenceOf(pw.criticality)), drivers);
}

/**
 * Dependency fan-in — how many moved workloads consume this one? None 1, one or two 2, three to
 * five 3, six to ten 4, more 5; +1 inside a dependency cycle (its members must move together).
 */
export function fanInRisk(pw: PlannedWorkload, dependents: readonly PlannedWorkload[], cycleSize: number): RiskRating {
  const d = dependents.length;
  let l = d === 0 ? 1 : d <= 2 ? 2 : d <= 5 ? 3 : d <= 10 ? 4 : 5;
  const drivers = [d === 0 ? 'no in-scope workload depends on it' : `${d} in-scope workload(s) depend on it`];
  if (cycleSize > 1) {
    l++;
    drivers.push(`in a dependency cycle of ${cycleSize} workloads that must cut over together`);
  }
  let c = consequenceOf(pw.criticality);
  let worst: PlannedWorkload | null = null;
  for (const dep of dependents) {
    if (consequenceOf(dep.criticality) > c) {
      c = consequenceOf(dep.criticality);
      worst = dep;
    }
  }
  drivers.push(worst ? `dependent ${worst.workload.id} is ${worst.criticality}` : consequenceDriver(pw));
  return rate('dependency_fan_in', l, c, drivers);
}

/**
 * Schedule — will it cut over before the deadline? By the planned cut-over's slack: after the
 * deadline 5, < 14 days 4, < 30 days 3, < 60 days 2, else 1; +1 when it depends on a workload
 * that is blocked (the interface it consumes may change under it late).
 */
export function scheduleRisk(pw: PlannedWorkload, cutover: Day, deadline: Day, blockedDependencies: readonly string[]): RiskRating {
  const slack = deadline - cutover;
  let l = slack < 0 ? 5 : slack < 14 ? 4 : slack < 30 ? 3 : slack < 60 ? 2 : 1;
  const drivers = [
    slack < 0 ? `cut-over ${formatDay(cutover)} is ${-slack} days after the deadline` : `cut-over ${formatDay(cutover)}, ${slack} days before the deadline`,
  ];
  if (blockedDependencies.length > 0) {
    l++;
    drivers.push(`depends on blocked workload(s) ${blockedDependencies.slice(0, 5).join(', ')}`);
  }
  drivers.push(consequenceDriver(pw));
  return rate('schedule', l, consequenceOf(pw.criticality), drivers);
}

/**
 * Concentration — is the new arrangement another single point of failure? By the target
 * provider's share of the planned workloads of the same class (critical workloads against
 * critical, others against all): over 75 % 5, over 50 % 4, over 33 % 3, over 20 % 2, else 1.
 */
export function concentrationRisk(pw: PlannedWorkload, provider: string, share: number, ofWhat: string): RiskRating {
  const l = share > 0.75 ? 5 : share > 0.5 ? 4 : share > 1 / 3 ? 3 : share > 0.2 ? 2 : 1;
  return rate('concentration', l, consequenceOf(pw.criticality), [
    `${provider} carries ${(share * 100).toFixed(0)} % of ${ofWhat}`,
    consequenceDriver(pw),
  ]);
}

export const MITIGATIONS: Record<RiskCategory, string> = {
  capability_gap:
    'Build the evaluation set to the threshold and compare old and new model side by side before cut-over; keep the current model as the gateway fallback through the rollback window; consider a higher-rated offering for this mission area.',
  accreditation:
    'Open the accreditation package in wave 0; track the provider authorization milestone weekly; keep an alternative offering that is authorized today ready as a fallback target.',
  schedule:
    'Start the workload earlier or add capacity; shorten the critical path by preparing evaluation cases before the wave; escalate if the cut-over passes the deadline.',
  dependency_fan_in:
    'Move it before its consumers, publish the cut-over date to dependent owners, and run interface contract tests during the parallel run.',
  data_quality:
    'Have the workload owner confirm the unknown inventory fields before the wave starts, then re-plan.',
  operational:
    'Rehearse the cut-over with a gateway traffic split, keep fallback routing to the old model, and watch latency and error rates throughout the parallel run.',
  concentration:
    'Use the diversified strategy or pin alternatives so no provider carries more than the cap of critical workloads; keep a warm secondary route in the gateway.',
};
