/**
 * The briefing's content, computed once from the plan: the Markdown and HTML renderers only format
 * it, so the two versions always say the same thing. Every figure comes from the plan; nothing is
 * re-estimated here. Text is plain (renderers escape it).
 */
import type { Catalog } from '../catalog/schema';
import type { Plan, PlanWorkload, RegisterEntry, WaveTask } from '../planning/plan-schema';
import { offeringsInPlan, type OfferingUse } from './catalog-facts';
import type { ExportContext } from './context';
import { classificationLabel, day, hours, humanize, int, pct, plural, usd } from './text';

/** Blocked workloads listed one by one in a briefing; the rest are counted (the workbook lists all). */
export const BRIEFING_BLOCKED_ROWS = 200;
/** Register entries shown as "top risks". */
export const BRIEFING_TOP_RISKS = 12;

const CLASSIFICATION_ORDER = ['unclassified', 'cui', 'secret', 'top_secret'];

export interface HeadlineFigure {
  label: string;
  value: string;
  detail: string;
}

export interface WaveRow {
  number: number;
  name: string;
  start: string;
  end: string;
  workloads: number;
  critical: number;
  tasks: WaveTask[];
  /** Sum of the workloads' P50 one-time cost; for wave 0, the shared work's likely cost. */
  oneTimeP50: number;
}

export interface BlockedRow {
  id: string;
  name: string;
  classification: string;
  criticality: string;
  reasons: string[];
}

export interface RiskRow extends RegisterEntry {
  workloadName: string | null;
}

export interface AssumptionRow {
  group: string;
  label: string;
  value: string;
}

export interface Briefing {
  title: string;
  plan: Plan;
  planId: number | null;
  createdAt: string | null;
  generatedAt: string | null;
  generator: string | null;
  counts: { total: number; inScope: number; planned: number; blocked: number; outOfScope: number; highRiskPlanned: number; criticalPlanned: number };
  /** The highest classification among the plan's workloads (for the handling note). */
  highestClassification: string | null;
  summary: string[];
  keyPoints: string[];
  headline: HeadlineFigure[];
  waves: WaveRow[];
  /** Register entries per likelihood (row, 1–5 → index 0–4) and consequence (column). */
  riskMatrix: number[][];
  /** Register entries per category and level, most high-level entries first. */
  riskByCategory: { category: string; low: number; moderate: number; high: number }[];
  topRisks: RiskRow[];
  blocked: BlockedRow[];
  blockedShown: number;
  blockedByReason: { code: string; label: string; count: number }[];
  assumptions: AssumptionRow[];
  effortDrivers: { label: string; min: number; likely: number; max: number; unit: string }[];
  warnings: string[];
  offerings: OfferingUse[];
  catalogGiven: boolean;
  catalogMeta: Catalog['meta'] | null;
}

const REASON_LABELS: Record<string, string> = {
  classification: 'Not authorized for the classification',
  capability_missing: 'Missing required capabilities',
  context_window_too_small: 'Context window too small',
  context_window_unknown: 'Context window unknown',
  prohibited_use: "Provider's usage policy prohibits the use",
  policy_exception: 'Needs a usage-policy exception',
  authorization_pending: 'Authorization pending',
  authorization_after_deadline: 'Authorization comes after the deadline',
  authorization_lead_time_unknown: 'Authorization lead time unknown',
  deprecated: 'Offering deprecated',
  exited_vendor: 'Only the exited vendor offers it',
};

function likelihoodOf(share: number): string {
  if (share >= 0.8) return 'likely';
  if (share >= 0.5) return 'possible but not assured';
  if (share > 0) return 'unlikely';
  return 'very unlikely';
}

function sum(values: readonly (number | null)[]): number {
  let s = 0;
  for (const v of values) if (v !== null) s += v;
  return Math.round(s * 100) / 100;
}

function wavesOf(plan: Plan, byId: Map<string, PlanWorkload>): WaveRow[] {
  return plan.waves.map((wave) => {
    const members = wave.workloadIds.map((id) => byId.get(id)).filter((w): w is PlanWorkload => w !== undefined);
    const oneTimeP50 = wave.number === 0 && members.length === 0 ? sum(wave.tasks.map((t) => t.cost.likely)) : sum(members.map((w) => w.oneTimeCost.p50));
    return {
      number: wave.number,
      name: wave.name,
      start: wave.start,
      end: wave.end,
      workloads: members.length,
      critical: members.filter((w) => w.criticality === 'critical').length,
      tasks: wave.tasks,
      oneTimeP50,
    };
  });
}

function assumptionsOf(plan: Plan): { rows: AssumptionRow[]; drivers: Briefing['effortDrivers'] } {
  const s = plan.scenario;
  const rows: AssumptionRow[] = [
    { group: 'Scenario', label: 'Vendor to exit', value: s.exitVendor },
    { group: 'Scenario', label: 'Candidate providers', value: s.candidateProviders.join(', ') || 'none' },
    { group: 'Scenario', label: 'Strategy', value: s.strategy + (s.strategy === 'diversified' ? ` (no provider above ${pct(s.diversificationCap)} of critical workloads)` : '') },
    { group: 'Scenario', label: 'Providers already under contract', value: s.contractedProviders.join(', ') || 'none' },
    { group: 'Scenario', label: 'Start and deadline', value: `${day(s.startDate)} → ${day(s.deadline)}` },
    { group: 'Team', label: 'Team capacity', value: `${int(s.teamHoursPerWeek)} engineer-hours a week (at most ${int(s.maxHoursPerWorkloadPerWeek)} on one workload)` },
    { group: 'Team', label: 'Loaded labour rate', value: `${usd(s.loadedLaborRate)} an engineer-hour` },
    {
      group: 'Schedule',
      label: 'Parallel run by criticality',
      value: `routine ${s.parallelRunDays.routine} d, support ${s.parallelRunDays.support} d, essential ${s.parallelRunDays.essential} d, critical ${s.parallelRunDays.critical} d`,
    },
    { group: 'Schedule', label: 'Rollback window after cut-over', value: `${s.rollbackWindowDays} days` },
    { group: 'Schedule', label: 'Critical cut-overs in one week', value: `at most ${s.maxConcurrentCriticalCutovers}` },
    { group: 'Schedule', label: 'Wave sizes', value: `pilot ${s.pilotWaveSize}, at most ${s.maxWaveSize} a wave` },
    {
      group: 'Schedule',
      label: 'Blackout windows',
      value: s.blackouts.length ? s.blackouts.map((b) => `${day(b.start)}–${day(b.end)} (${b.reason})`).join('; ') : 'none',
    },
    {
      group: 'Scoring',
      label: 'Weights',
      value: `quality ${s.weights.quality}, cost ${s.weights.cost}, effort ${s.weights.effort}, risk ${s.weights.risk}`,
    },
    { group: 'Simulation', label: 'Monte Carlo', value: `${int(s.iterations)} iterations, seed ${s.seed} (the same inputs and seed give the same plan)` },
  ];
  for (const o of s.overrides) {
    const parts = [
      o.pinOffering ? `pinned to ${o.pinOffering}` : null,
      o.wave !== undefined ? `wave ${o.wave} or later` : null,
      o.exclude ? 'excluded' : null,
      o.note ? `note: ${o.note}` : null,
    ].filter(Boolean);
    rows.push({ group: 'Overrides', label: o.workloadId, value: parts.join('; ') || 'override' });
  }
  const e = s.effort;
  const d = (label: string, t: { min: number; likely: number; max: number }, unit: string) => ({ label, ...t, unit });
  const drivers = [
    d('Porting a prompt template', e.promptTemplateHours, 'h each'),
    d('Porting a tool schema', e.toolSchemaHours, 'h each'),
    d(`Building an evaluation case (up to ${e.evalCaseThreshold} a workload)`, e.evalCaseHours, 'h each'),
    d('Integration per workload', e.integrationHours, 'h'),
    d('Route change', e.routeChangeHours, 'h'),
    d('Parallel-run oversight', e.parallelRunOversightHoursPerDay, 'h a day'),
    d('Contract onboarding per new provider', e.contractOnboardingHours, 'h'),
    d('Contract lead time', e.contractLeadTimeDays, 'days'),
    d('Accreditation per offering and level', e.accreditationHours, 'h'),
    d('Model gateway (once)', e.gatewayHours, 'h'),
    d('Prompt templates when unknown', e.unknownPromptTemplates, 'a workload'),
    d('Tool schemas when unknown', e.unknownToolSchemas, 'a workload'),
  ];
  return { rows, drivers };
}

export function buildBriefing(plan: Plan, ctx: ExportContext = {}): Briefing {
  const t = plan.totals;
  const s = plan.scenario;
  const byId = new Map(plan.workloads.map((w) => [w.id, w]));
  const planned = plan.workloads.filter((w) => w.status === 'planned');
  const blockedAll = plan.workloads.filter((w) => w.status === 'blocked');
  const counts = {
    total: plan.workloads.length,
    inScope: t.counts.planned + t.counts.blocked,
    planned: t.counts.planned,
    blocked: t.counts.blocked,
    outOfScope: t.counts.outOfScope,
    highRiskPlanned: planned.filter((w) => w.risk.level === 'high').length,
    criticalPlanned: planned.filter((w) => w.criticality === 'critical').length,
  };
  let highest = -1;
  for (const w of plan.workloads) highest = Math.max(highest, CLASSIFICATION_ORDER.indexOf(w.classification));

  const summary: string[] = [];
  summary.push(
    `${int(counts.planned)} of the ${plural(counts.inScope, 'workload that runs', 'workloads that run')} on ${s.exitVendor} can move under this plan; ` +
      `${int(counts.blocked)} cannot move yet (no eligible offering among the candidate providers)` +
      (counts.outOfScope ? ` and ${int(counts.outOfScope)} more ${counts.outOfScope === 1 ? 'runs' : 'run'} on other vendors and ${counts.outOfScope === 1 ? 'is' : 'are'} out of scope.` : '.'),
  );
  summary.push(
    `The move costs ${usd(t.oneTimeCost.p50)} one-time at the median (P10–P90: ${usd(t.oneTimeCost.p10)} to ${usd(t.oneTimeCost.p90)}), ` +
      `including ${usd(t.sharedOneTimeCost.likely)} of shared contract, accreditation and gateway work, ` +
      `and about ${int(t.effortHours.p50)} engineer-hours.`,
  );
  summary.push(
    `Monthly run-rate of the planned workloads goes from ${usd(t.monthlyCostBeforePlanned)} to ${usd(t.monthlyCostAfter)}` +
      (t.unpriced.after > 0
        ? `; ${int(t.unpriced.after)} planned workloads move to offerings with no catalog price and are not in the after figure, so it is a lower bound.`
        : '.') +
      ` All in-scope workloads cost ${usd(t.monthlyCostBefore)} a month today.`,
  );
  summary.push(
    `The last cut-over is expected on ${day(t.completion.p50)} (P10–P90: ${day(t.completion.p10)} to ${day(t.completion.p90)}) against a deadline of ${day(s.deadline)}: ` +
      `finishing by the deadline is ${likelihoodOf(t.deadlineProbability)} (${pct(t.deadlineProbability)} of ${int(s.iterations)} simulated schedules) ` +
      `with ${int(s.teamHoursPerWeek)} engineer-hours a week.`,
  );
  const highEntries = plan.risks.filter((r) => r.level === 'high').length;
  summary.push(
    `${plural(counts.highRiskPlanned, 'planned workload carries', 'planned workloads carry')} high risk; the risk register has ${int(plan.risks.length)} entries, ${int(highEntries)} of them high. ` +
      `Confidence in these figures is ${t.confidence.level} (${pct(t.confidence.score)}).`,
  );

  const reasonCounts = new Map<string, number>();
  for (const w of blockedAll) {
    const codes = w.reasonCodes.length ? w.reasonCodes : ['unspecified'];
    for (const c of new Set(codes)) reasonCounts.set(c, (reasonCounts.get(c) ?? 0) + 1);
  }
  const blockedByReason = [...reasonCounts.entries()]
    .map(([code, count]) => ({ code, label: REASON_LABELS[code] ?? humanize(code), count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));

  const keyPoints: string[] = [];
  if (counts.blocked > 0) {
    keyPoints.push(
      `${int(counts.blocked)} blocked workloads stay on ${s.exitVendor} until an offering becomes eligible: ` +
        blockedByReason
          .slice(0, 3)
          .map((r) => `${r.label.toLowerCase()} (${int(r.count)})`)
          .join(', ') +
        '.',
    );
  }
  if (t.deadlineProbability < 0.5) keyPoints.push(`The deadline ${day(s.deadline)} is at risk: the median completion is ${day(t.completion.p50)}.`);
  const byProv = [...t.byProvider].sort((a, b) => b.planned - a.planned);
  if (byProv.length) keyPoints.push(`Targets: ${byProv.map((p) => `${p.provider} ${plural(p.planned, 'workload')} (${int(p.critical)} critical)`).join(', ')}.`);
  const firstWave = plan.waves.find((w) => w.number >= 1);
  const wave0 = plan.waves.find((w) => w.number === 0);
  if (firstWave) {
    keyPoints.push(
      `Wave ${firstWave.number} (${firstWave.name}, ${plural(firstWave.workloadIds.length, 'workload')}) starts on ${day(firstWave.start)}` +
        (wave0 ? `, after wave 0 opens contracts, accreditation and the gateway on ${day(wave0.start)}.` : '.'),
    );
  }

  const headline: HeadlineFigure[] = [
    { label: 'One-time cost (P50)', value: usd(t.oneTimeCost.p50), detail: `P10 ${usd(t.oneTimeCost.p10)} · P90 ${usd(t.oneTimeCost.p90)}` },
    {
      label: 'Monthly run-rate, planned',
      value: `${usd(t.monthlyCostBeforePlanned)} → ${usd(t.monthlyCostAfter)}`,
      detail: t.unpriced.after > 0 ? `${int(t.unpriced.after)} targets unpriced: after is a lower bound` : 'before → after, likely volumes',
    },
    { label: 'Completion (P50)', value: day(t.completion.p50), detail: `P10 ${day(t.completion.p10)} · P90 ${day(t.completion.p90)}` },
    { label: 'Chance of meeting the deadline', value: pct(t.deadlineProbability), detail: `deadline ${day(s.deadline)}` },
    {
      label: 'Workloads',
      value: `${int(counts.planned)} planned`,
      detail: `${int(counts.blocked)} blocked · ${int(counts.outOfScope)} out of scope`,
    },
    { label: 'Engineering effort (P50)', value: hours(t.effortHours.p50), detail: `P10 ${hours(t.effortHours.p10)} · P90 ${hours(t.effortHours.p90)}` },
    { label: 'High-risk planned workloads', value: int(counts.highRiskPlanned), detail: `${int(plan.risks.length)} register entries` },
    { label: 'Confidence', value: t.confidence.level, detail: `score ${pct(t.confidence.score)}` },
  ];

  const riskMatrix = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const cats = new Map<string, { category: string; low: number; moderate: number; high: number }>();
  for (const r of plan.risks) {
    riskMatrix[r.likelihood - 1]![r.consequence - 1]!++;
    const c = cats.get(r.category) ?? { category: r.category, low: 0, moderate: 0, high: 0 };
    c[r.level]++;
    cats.set(r.category, c);
  }
  const riskByCategory = [...cats.values()].sort((a, b) => b.high - a.high || b.high + b.moderate + b.low - (a.high + a.moderate + a.low));
  const topRisks: RiskRow[] = [...plan.risks]
    .sort((a, b) => b.score - a.score || b.consequence - a.consequence || (a.id < b.id ? -1 : 1))
    .slice(0, BRIEFING_TOP_RISKS)
    .map((r) => ({ ...r, workloadName: r.workloadId ? (byId.get(r.workloadId)?.name ?? null) : null }));

  const blocked: BlockedRow[] = blockedAll.map((w) => ({ id: w.id, name: w.name, classification: w.classification, criticality: w.criticality, reasons: w.reasons }));
  const { rows: assumptions, drivers: effortDrivers } = assumptionsOf(plan);

  return {
    title: `Migration briefing: ${s.name}`,
    plan,
    planId: ctx.planId ?? null,
    createdAt: ctx.createdAt ?? null,
    generatedAt: ctx.generatedAt ?? null,
    generator: ctx.generator ?? null,
    counts,
    highestClassification: highest >= 0 ? classificationLabel(CLASSIFICATION_ORDER[highest]!) : null,
    summary,
    keyPoints,
    headline,
    waves: wavesOf(plan, byId),
    riskMatrix,
    riskByCategory,
    topRisks,
    blocked,
    blockedShown: Math.min(blocked.length, BRIEFING_BLOCKED_ROWS),
    blockedByReason,
    assumptions,
    effortDrivers,
    warnings: plan.warnings,
    offerings: offeringsInPlan(plan, ctx.catalog).filter((o) => o.targetOf > 0 || o.currentOf > 0 || o.pricedFor > 0),
    catalogGiven: Boolean(ctx.catalog),
    catalogMeta: ctx.catalog?.meta ?? null,
  };
}
