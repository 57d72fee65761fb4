/** The headline figures of a plan: what lists and the scenario comparison show side by side. */
import type { Plan } from '../planning';

export interface PlanSummary {
  scenarioName: string;
  exitVendor: string;
  strategy: string;
  startDate: string;
  deadline: string;
  oneTimeCost: { p10: number; p50: number; p90: number };
  monthlyCostBefore: number;
  monthlyCostAfter: number;
  /** Today's run-rate of the planned workloads only, to compare with monthlyCostAfter like for like. */
  monthlyCostBeforePlanned: number;
  /** Workloads whose run-rate before / after is unknown (no catalog price) and so not in the sums. */
  unpriced: { before: number; after: number };
  completion: { p10: string; p50: string; p90: string };
  deadlineProbability: number;
  counts: { planned: number; blocked: number; outOfScope: number };
  /** Planned workloads whose risk is in the high band of the 5×5 matrix. */
  highRisk: number;
  /** Highest workload risk score in the plan (1–25). */
  maxRiskScore: number;
  meanRiskScore: number;
  waves: number;
  confidence: string;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const planned = plan.workloads.filter((w) => w.status === 'planned');
  const scores = planned.map((w) => w.risk.score);
  return {
    scenarioName: plan.scenario.name,
    exitVendor: plan.scenario.exitVendor,
    strategy: plan.scenario.strategy,
    startDate: plan.scenario.startDate,
    deadline: plan.scenario.deadline,
    oneTimeCost: plan.totals.oneTimeCost,
    monthlyCostBefore: plan.totals.monthlyCostBefore,
    monthlyCostAfter: plan.totals.monthlyCostAfter,
    monthlyCostBeforePlanned: plan.totals.monthlyCostBeforePlanned,
    unpriced: plan.totals.unpriced,
    completion: plan.totals.completion,
    deadlineProbability: plan.totals.deadlineProbability,
    counts: plan.totals.counts,
    highRisk: planned.filter((w) => w.risk.level === 'high').length,
    maxRiskScore: scores.length ? Math.max(...scores) : 0,
    meanRiskScore: scores.length ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10 : 0,
    waves: plan.waves.length,
    confidence: plan.totals.confidence.level,
  };
}
