/**
 * The planning engine's entry point: inventory + catalog + scenario → plan (plan-schema.ts).
 *
 * Pure and deterministic: no clock, no Math.random, no I/O; every list has a defined order, so the
 * same inputs and seed give byte-identical JSON. Async only because the MIP solver loads
 * asynchronously (pass `options.solver` to reuse a loaded one, or `null` to plan without it).
 */
import type { Catalog, ContractPrice } from '../catalog/schema';
import type { Workload } from '../inventory/schema';
import { bestFit, diversified, singleProvider, type Assignment } from './assign';
import {
  blendedPrice,
  estimateVolumes,
  isPriced,
  matchSources,
  monthlyRange,
  pricesOf,
  type Prices,
  type Range3,
  type SourceMatch,
  type VolumeEstimate,
} from './cost';
import { type Day, formatDay, parseDay } from './dates';
import {
  COL,
  COLUMNS,
  columnEstimates,
  dot,
  DRIVERS,
  type Hours,
  type SharedTask,
  type WorkloadEffort,
  workloadEffort,
} from './effort';
import {
  buildEligibility,
  type EligibilityStatus,
  prepareOfferings,
  type PreparedOffering,
  summarizeNotReady,
  type Verdict,
} from './eligibility';
import { label, type PlannedWorkload, prepareInventory } from './inventory';
import { loadHighsSolver, type MipSolver } from './mip';
import type { Plan, PlanWorkload, RegisterEntry, WaveTask } from './plan-schema';
import {
  accreditationRisk,
  blockedRisk,
  consequenceOf,
  capabilityGapRisk,
  concentrationRisk,
  dataQualityRisk,
  fanInRisk,
  highest,
  MITIGATIONS,
  operationalRisk,
  rate,
  RISK_CATEGORIES,
  type RiskRating,
  scheduleRisk,
} from './risk';
import { resolveScenario, type Scenario, type ScenarioInput } from './scenario';
import { byScore, type Candidate, scoreCandidate, type ScoringInput } from './score';
import { simulate, type SimulationWave } from './simulate';
import { schedule, type ScheduleItem, type TaskInput } from './waves';

export interface PlanInput {
  inventory: readonly Workload[];
  catalog: Catalog;
  scenario: ScenarioInput;
  /** Negotiated prices layered over the catalog's own contract prices (same offering: these win). */
  contracts?: readonly ContractPrice[];
  /** The caller's date, YYYY-MM-DD: the default start date (core never reads the clock). */
  today?: string;
}

export interface PlanOptions {
  onProgress?(done: number, total: number, label: string): void;
  signal?: AbortSignal;
  /** A loaded MIP solver (highs); undefined = load highs when needed; null = never (greedy). */
  solver?: MipSolver | null;
}

const PROGRESS_TOTAL = 100;

const cents = (x: number): number => Math.round(x * 100) / 100;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const centsRange = (r: Range3): Range3 => ({ low: cents(r.low), likely: cents(r.likely), high: cents(r.high) });

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The plan was cancelled.', 'AbortError');
}

interface InScope {
  pw: PlannedWorkload;
  verdicts: Verdict[];
  volume: VolumeEstimate;
  cachedShare: number;
  source: SourceMatch;
  sourcePrices: Prices | null;
  sourceTokenizer: number;
  /** The best eligible offering of each candidate provider, best first. */
  options: Candidate[];
  pinned: Candidate | null;
  notes: string[];
}

export async function planMigration(input: PlanInput, options: PlanOptions = {}): Promise<Plan> {
  const { signal, onProgress } = options;
  const check = (): void => {
    if (signal?.aborted) throw abortError(signal);
  };
  const progress = (done: number, what: string): void => {
    check();
    onProgress?.(done, PROGRESS_TOTAL, what);
  };
  progress(0, 'scenario');

  const { catalog } = input;
  const resolved = resolveScenario(input.scenario, { catalog, today: input.today });
  const scenario = resolved.scenario;
  const warnings: string[] = [...resolved.warnings];
  const startDay = parseDay(scenario.startDate);
  const deadlineDay = parseDay(scenario.deadline);

  const inv = prepareInventory(input.inventory, scenario);
  warnings.push(...inv.warnings);
  const workloads = inv.workloads;

  // ---- Catalog: offerings, effective prices, eligibility
  progress(2, 'eligibility');
  const offerings = prepareOfferings(catalog, scenario);
  const contracts = mergeContracts(catalog.contracts, input.contracts ?? []);
  const prices = offerings.map((o) => pricesOf(o.offering, contracts));
  const table = buildEligibility(workloads, catalog, scenario, offerings);
  const candidateSet = new Set(scenario.candidateProviders);
  const candidateOfferings = offerings.filter((o) => !o.exited && candidateSet.has(o.provider?.id ?? o.offering.provider)).map((o) => o.index);
  const offeringById = new Map(offerings.map((o) => [o.offering.id, o]));
  if (!offerings.some((o) => o.exited)) warnings.push(`The catalog has no offering of ${scenario.exitVendor}: current run-rates are unknown.`);

  const volumes = estimateVolumes(workloads, scenario);
  const sources = matchSources(workloads, offerings, prices);
  const columns = columnEstimates(scenario);
  const policyTags = new Set<string>();
  for (const p of catalog.providers) for (const u of p.prohibitedUseTags) for (const t of u.appliesToTags) policyTags.add(t);

  // ---- Scoring
  progress(10, 'scoring');
  const inScope: InScope[] = [];
  const inScopeOf = new Int32Array(workloads.length).fill(-1);
  const pins = new Map(scenario.overrides.filter((o) => o.pinOffering).map((o) => [o.workloadId, o.pinOffering!]));
  for (const pw of workloads) {
    if (!pw.inScope) continue;
    const verdicts = table.verdicts[table.signatureOf[pw.index]!]!;
    const volume = volumes[pw.index]!;
    const source = sources[pw.index]!;
    const cachedShare = pw.workload.cachedInputShare ?? 0;
    const sourcePrices = source.pricing ? prices[source.pricing.index]! : null;
    const sourceTokenizer = (source.identity ?? source.pricing)?.offering.tokenizerFactor.value ?? 1;
    const base = workloadEffort(pw, pw.workload.route ?? '', scenario, columns);
    const scoring: ScoringInput = {
      pw,
      volume,
      cachedShare,
      sourceBlended: sourcePrices ? blendedPrice(volume, cachedShare, sourcePrices, 1) : null,
      source: source.identity ?? source.pricing,
      sourceTokenizer,
      baseHours: base.hours.likely - base.coef[COL.route_change]! * columns[COL.route_change]!.likely,
      routeChangeHours: columns[COL.route_change]!.likely,
      deadlineDay,
    };
    // Keep each provider's best eligible offering: every strategy chooses among these (best-fit
    // takes the best of them, single-provider and diversified choose per provider), and it keeps
    // the retained candidates to a handful per workload.
    const bestOf = new Map<string, Candidate>();
    for (const oi of candidateOfferings) {
      const v = verdicts[oi]!;
      if (v.status === 'not_ready') continue;
      const c = scoreCandidate(scoring, offerings[oi]!, v, prices[oi]!, scenario);
      const held = bestOf.get(c.provider);
      if (!held || byScore(c, held) < 0) bestOf.set(c.provider, c);
    }
    const opts = [...bestOf.values()].sort(byScore);
    const notes: string[] = [];
    let pinned: Candidate | null = null;
    const pinId = pins.get(pw.workload.id);
    if (pinId) {
      const po = offeringById.get(pinId);
      if (!po) warnings.push(`Override for ${pw.workload.id}: pinned offering ${pinId} is not in the catalog; ignored.`);
      else if (po.exited) warnings.push(`Override for ${pw.workload.id}: ${pinId} belongs to the exited vendor; ignored.`);
      else if (verdicts[po.index]!.status === 'not_ready') {
        warnings.push(
          `Override for ${pw.workload.id}: pinned offering ${pinId} is not eligible (${verdicts[po.index]!.findings.map((f) => f.text).join(' ')}); ignored.`,
        );
      } else {
        pinned = scoreCandidate(scoring, po, verdicts[po.index]!, prices[po.index]!, scenario);
        notes.push(`Target pinned by override to ${pinId}.`);
      }
    }
    inScopeOf[pw.index] = inScope.length;
    inScope.push({ pw, verdicts, volume, cachedShare, source, sourcePrices, sourceTokenizer, options: opts, pinned, notes });
  }

  // The current model could not be priced as itself: say how many and at what.
  const standIns = new Map<string, number>();
  for (const s of inScope) {
    if (s.source.how === 'flagship' || s.source.how === 'none') {
      const at = s.source.pricing?.offering.id ?? 'unknown';
      standIns.set(at, (standIns.get(at) ?? 0) + 1);
    }
  }
  for (const [at, n] of [...standIns.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    warnings.push(
      at === 'unknown'
        ? `${n} workload(s): the catalog prices no offering of ${scenario.exitVendor}, so their current run-rate is unknown.`
        : `${n} workload(s) name no model the catalog prices for ${scenario.exitVendor}: their current run-rate uses the flagship ${at}.`,
    );
  }

  // ---- Assignment
  progress(20, 'assignment');
  const assignInput = {
    options: inScope.map((s) => s.options),
    pinned: inScope.map((s) => s.pinned),
    critical: inScope.map((s) => s.pw.criticality === 'critical'),
    providers: scenario.candidateProviders,
  };
  let assignment: Assignment;
  if (scenario.strategy === 'best-fit') assignment = bestFit(assignInput);
  else if (scenario.strategy === 'single-provider') assignment = singleProvider(assignInput);
  else {
    let solver: MipSolver | null = options.solver ?? null;
    if (options.solver === undefined && assignInput.critical.some(Boolean)) {
      try {
        solver = await loadHighsSolver();
      } catch (e) {
        solver = null;
        warnings.push(`The HiGHS solver could not be loaded (${e instanceof Error ? e.message : String(e)}).`);
      }
      check();
    }
    assignment = await diversified(assignInput, scenario.diversificationCap, solver);
  }
  warnings.push(...assignment.warnings);
  const chosenProvider = assignment.providerEvaluations?.[0]?.provider ?? null;
  const blockedMemo = new Map<string, { reasons: string[]; codes: string[] }>();

  // ---- Effort, shared tasks
  progress(30, 'effort');
  const planned: number[] = []; // in-scope indices, inventory order
  const effort: (WorkloadEffort | null)[] = inScope.map(() => null);
  inScope.forEach((s, k) => {
    const c = assignment.choice[k];
    if (!c) return;
    planned.push(k);
    effort[k] = workloadEffort(s.pw, offerings[c.offering]!.offering.route, scenario, columns);
    const best = s.options[0];
    if (!s.pinned && best && best.offering !== c.offering) {
      s.notes.push(
        scenario.strategy === 'diversified'
          ? `Diversification cap: assigned to ${offerings[c.offering]!.offering.id} rather than the best fit ${offerings[best.offering]!.offering.id}.`
          : `Single provider ${chosenProvider}: assigned to ${offerings[c.offering]!.offering.id} rather than the best fit ${offerings[best.offering]!.offering.id}.`,
      );
    }
  });

  const tasks = sharedTasks(inScope, planned, assignment, offerings, scenario, startDay);
  const sharedCoef = new Float64Array(COLUMNS.length);
  for (const t of tasks) if (t.column !== null) sharedCoef[t.column]! += 1;

  // ---- Risk before scheduling (for the pilot) and dependency facts
  progress(40, 'risk');
  const plannedIndex = new Int32Array(inScope.length).fill(-1);
  planned.forEach((k, i) => (plannedIndex[k] = i));
  const dependents: number[][] = inScope.map(() => []);
  const depsInScope: number[][] = inScope.map(() => []);
  inScope.forEach((s, k) => {
    const seen = new Set<number>();
    for (const id of s.pw.workload.dependsOn) {
      const wi = inv.indexById.get(id);
      if (wi === undefined) continue;
      const d = inScopeOf[wi]!;
      // Out of scope, a self-reference, or listed twice: no ordering constraint.
      if (d < 0 || d === k || seen.has(d)) continue;
      seen.add(d);
      depsInScope[k]!.push(d);
      dependents[d]!.push(k);
    }
  });
  const targetRisks: RiskRating[][] = inScope.map((s, k) => {
    const dq = dataQualityRisk(s.pw, s.pw.workload.useTags.some((t) => policyTags.has(t)));
    const fan = fanInRisk(s.pw, dependents[k]!.map((d) => inScope[d]!.pw), 1);
    const c = assignment.choice[k];
    if (!c) return [dq, fan];
    const po = offerings[c.offering]!;
    const v = s.verdicts[c.offering]!;
    const ratio = po.offering.tokenizerFactor.value / s.sourceTokenizer;
    return [
      capabilityGapRisk(s.pw, po, s.source.identity ?? s.source.pricing),
      accreditationRisk(s.pw, po, v, deadlineDay),
      operationalRisk(s.pw, po, effort[k]!.routeChange, ratio),
      dq,
      fan,
    ];
  });

  // ---- Schedule
  progress(45, 'schedule');
  const overrideWave = new Map(scenario.overrides.filter((o) => o.wave !== undefined).map((o) => [o.workloadId, o.wave!]));
  const items: ScheduleItem[] = planned.map((k) => {
    const s = inScope[k]!;
    const c = assignment.choice[k]!;
    const e = effort[k]!;
    const po = offerings[c.offering]!;
    const v = s.verdicts[c.offering]!;
    const provider = po.offering.provider;
    const gates: string[] = [];
    if (s.pw.classification !== 'unclassified') gates.push(accreditationKey(po.offering.id, s.pw.classification));
    if (v.authorizationDay !== null) gates.push(`authorization:${po.offering.id}`);
    for (const tag of v.policyExceptions) gates.push(`policy:${provider}:${tag}`);
    return {
      id: s.pw.workload.id,
      criticality: s.pw.criticality,
      riskScore: highest(targetRisks[k]!).score,
      ready: v.status === 'ready',
      provider,
      migrationHours: e.migrationHoursLikely,
      oversightPerDay: e.oversightHoursPerDayLikely,
      parallelRunDays: e.parallelRunDays,
      dependsOn: depsInScope[k]!.filter((d) => plannedIndex[d]! >= 0).map((d) => plannedIndex[d]!),
      gates,
      contract: scenario.contractedProviders.includes(provider) ? null : `contract:${provider}`,
      overrideWave: overrideWave.get(s.pw.workload.id) ?? null,
    };
  });
  const taskInputs: TaskInput[] = tasks.map((t) => ({
    key: t.key,
    hours: t.column === null ? 0 : columns[t.column]!.likely,
    leadDays: t.leadDays,
    after: t.kind === 'policy_confirmation' && t.provider && !scenario.contractedProviders.includes(t.provider) ? `contract:${t.provider}` : null,
  }));
  const sched = schedule(items, taskInputs, {
    startDay,
    teamHoursPerWeek: scenario.teamHoursPerWeek,
    maxHoursPerWorkloadPerWeek: scenario.maxHoursPerWorkloadPerWeek,
    maxConcurrentCriticalCutovers: scenario.maxConcurrentCriticalCutovers,
    pilotWaveSize: scenario.pilotWaveSize,
    maxWaveSize: scenario.maxWaveSize,
    rollbackWindowDays: scenario.rollbackWindowDays,
    blackouts: scenario.blackouts.map((b) => ({ start: parseDay(b.start), end: parseDay(b.end) })),
  });
  warnings.push(...sched.warnings);

  // ---- Final risks
  progress(55, 'risk');
  const criticalPlanned = planned.filter((k) => inScope[k]!.pw.criticality === 'critical');
  const providerCount = new Map<string, { all: number; critical: number }>();
  for (const k of planned) {
    const p = assignment.choice[k]!.provider;
    const e = providerCount.get(p) ?? { all: 0, critical: 0 };
    e.all++;
    if (inScope[k]!.pw.criticality === 'critical') e.critical++;
    providerCount.set(p, e);
  }
  // Per workload: its highest rating (its risk) and the ratings worth a register entry; the low
  // ones are dropped here rather than carried to the end of the plan.
  const ratings = inScope.map((s, k) => {
    const list = ratingsOf(s, k);
    return { highest: highest(list), listed: list.filter((r) => r.level !== 'low') };
  });
  targetRisks.length = 0;
  function ratingsOf(s: InScope, k: number): RiskRating[] {
    const list = [...targetRisks[k]!];
    const c = assignment.choice[k];
    if (!c) {
      list.push(blockedRisk(s.pw, blockedReasons(s, k).reasons[0] ?? 'no eligible offering'));
      return list;
    }
    const i = plannedIndex[k]!;
    const blockedDeps = depsInScope[k]!.filter((d) => plannedIndex[d]! < 0).map((d) => inScope[d]!.pw.workload.id);
    list.push(scheduleRisk(s.pw, sched.cutover[i]!, deadlineDay, blockedDeps));
    const counts = providerCount.get(c.provider)!;
    const critical = s.pw.criticality === 'critical';
    const share = critical ? counts.critical / criticalPlanned.length : counts.all / planned.length;
    list.push(concentrationRisk(s.pw, c.provider, share, critical ? 'the planned critical workloads' : 'the planned workloads'));
    // Re-rate fan-in with the cycle now known.
    const fanIdx = list.findIndex((r) => r.category === 'dependency_fan_in');
    list[fanIdx] = fanInRisk(s.pw, dependents[k]!.map((d) => inScope[d]!.pw), sched.cycleSize[i]!);
    return list;
  }

  // ---- Simulation
  progress(60, 'simulation');
  const waveInfos = sched.waves;
  const simWaves: SimulationWave[] = waveInfos.map((w) => {
    const coef = new Float64Array(COLUMNS.length);
    let newProvider = false;
    for (const i of w.items) {
      const e = effort[planned[i]!]!;
      for (let j = 0; j < e.coef.length; j++) coef[j]! += e.coef[j]!;
      if (items[i]!.contract !== null) newProvider = true;
    }
    return { start: w.start, migrationEnd: w.migrationEnd, end: w.end, coef, newProvider };
  });
  const sim = simulate({
    iterations: scenario.iterations,
    seed: scenario.seed,
    rate: scenario.loadedLaborRate,
    teamHoursPerWeek: scenario.teamHoursPerWeek,
    columns,
    contractLeadDays: scenario.effort.contractLeadTimeDays,
    unknownPromptTemplates: scenario.effort.unknownPromptTemplates,
    unknownToolSchemas: scenario.effort.unknownToolSchemas,
    workloadCoef: planned.map((k) => effort[k]!.coef),
    sharedCoef,
    waves: simWaves,
    startDay,
    deadlineDay,
    bindingShare: sched.bindingShare,
    onProgress: (done, total) => onProgress?.(60 + Math.floor((35 * done) / Math.max(1, total)), PROGRESS_TOTAL, 'simulation'),
    checkAbort: check,
  });

  // ---- Assemble
  progress(95, 'assemble');
  const outWorkloads: PlanWorkload[] = [];
  let beforeCents = 0;
  let beforePlannedCents = 0;
  let afterCents = 0;
  const unpriced = { before: 0, after: 0 };
  const byProviderAfter = new Map<string, number>();
  const confidenceScores: number[] = [];

  for (const pw of workloads) {
    const k = inScopeOf[pw.index]!;
    const w = pw.workload;
    if (k < 0) {
      outWorkloads.push(outOfScopeEntry(pw, scenario, table.verdicts[table.signatureOf[pw.index]!]!, candidateOfferings));
      continue;
    }
    const s = inScope[k]!;
    const c = assignment.choice[k];
    const risk = ratings[k]!.highest;
    const before = s.sourcePrices ? monthlyRange(s.volume, s.cachedShare, s.sourcePrices, 1) : null;
    const confidence = confidenceOf(s, c ?? null, offerings);
    confidenceScores.push(confidence.score);
    if (before) beforeCents += Math.round(before.likely * 100);
    else unpriced.before++;
    const runRateBase = {
      volumeKnown: s.volume.known,
      volumeBasis: s.volume.basis,
      monthlyInputTokens: roundRange(s.volume.input),
      monthlyOutputTokens: roundRange(s.volume.output),
      cachedInputShare: s.cachedShare,
      currentOffering: s.source.identity?.offering.id ?? null,
      pricedAt: s.source.pricing?.offering.id ?? null,
      before: before ? centsRange(before) : null,
    };
    const alternatives = s.options
      .filter((o) => o.provider !== c?.provider)
      .slice(0, 3)
      .map((o) => ({ offering: offerings[o.offering]!.offering.id, eligibility: o.status as EligibilityStatus, score: round4(o.score) }));

    if (!c) {
      const { reasons, codes } = blockedReasons(s, k); // shared by signature: copied below
      outWorkloads.push({
        id: w.id,
        name: w.name,
        status: 'blocked',
        target: null,
        eligibility: 'not_ready',
        reasons: [...reasons, ...assumptionNotes(s)],
        wave: null,
        dates: { migrateStart: null, parallelRunStart: null, cutover: null, decommission: null },
        oneTimeCost: { p10: 0, p50: 0, p90: 0 },
        monthlyCostBefore: before ? cents(before.likely) : null,
        monthlyCostAfter: null,
        risk: riskOut(risk),
        reasonCodes: [...codes],
        classification: pw.classification,
        criticality: pw.criticality,
        confidence,
        score: null,
        alternatives,
        effortHours: null,
        runRate: { ...runRateBase, tokenizerFactor: null, after: null },
        rollbackCriterion: null,
      });
      continue;
    }

    const i = plannedIndex[k]!;
    const po = offerings[c.offering]!;
    const v = s.verdicts[c.offering]!;
    const ratio = po.offering.tokenizerFactor.value / s.sourceTokenizer;
    const after = monthlyRange(s.volume, s.cachedShare, prices[c.offering]!, ratio);
    if (before) beforePlannedCents += Math.round(before.likely * 100);
    if (after) {
      afterCents += Math.round(after.likely * 100);
      byProviderAfter.set(c.provider, (byProviderAfter.get(c.provider) ?? 0) + Math.round(after.likely * 100));
    } else unpriced.after++;
    const e = effort[k]!;
    const cost = sim.workloadCost[i]!;
    outWorkloads.push({
      id: w.id,
      name: w.name,
      status: 'planned',
      target: { offering: po.offering.id, provider: po.offering.provider, model: po.offering.model, route: po.offering.route },
      eligibility: v.status,
      reasons: [...plannedReasons(s, po, v), ...s.notes, ...assumptionNotes(s)],
      wave: sched.wave[i]!,
      dates: {
        migrateStart: formatDay(sched.migrateStart[i]!),
        parallelRunStart: formatDay(sched.parallelRunStart[i]!),
        cutover: formatDay(sched.cutover[i]!),
        decommission: formatDay(sched.decommission[i]!),
      },
      oneTimeCost: { p10: cents(cost.p10), p50: cents(cost.p50), p90: cents(cost.p90) },
      monthlyCostBefore: before ? cents(before.likely) : null,
      monthlyCostAfter: after ? cents(after.likely) : null,
      risk: riskOut(risk),
      reasonCodes: v.findings.map((f) => f.code),
      classification: pw.classification,
      criticality: pw.criticality,
      confidence,
      score: {
        total: round4(c.score),
        quality: round4(c.parts.quality),
        cost: round4(c.parts.cost),
        effort: round4(c.parts.effort),
        risk: round4(c.parts.risk),
      },
      alternatives,
      effortHours: {
        min: round2(e.hours.min),
        likely: round2(e.hours.likely),
        max: round2(e.hours.max),
        byDriver: Object.fromEntries(
          DRIVERS.map((d) => {
            const x = e.byDriver[d];
            return [d, { units: x.units, assumption: x.assumption, min: round2(x.hours.min), likely: round2(x.hours.likely), max: round2(x.hours.max) }];
          }),
        ) as NonNullable<PlanWorkload['effortHours']>['byDriver'],
      },
      runRate: { ...runRateBase, tokenizerFactor: round4(ratio), after: after ? centsRange(after) : null },
      rollbackCriterion: rollbackCriterion(s, po, scenario),
    });
  }

  // Waves: 0 (tasks) then the workload waves.
  const laborRate = scenario.loadedLaborRate;
  const taskOut: WaveTask[] = tasks.map((t, ti) => {
    const h: Hours = t.column === null ? { min: 0, likely: 0, max: 0 } : columns[t.column]!;
    const st = sched.tasks[ti]!;
    return {
      kind: t.kind,
      key: t.key,
      title: t.title,
      provider: t.provider,
      offering: t.offering,
      level: t.level,
      hours: { min: h.min, likely: h.likely, max: h.max },
      cost: { low: cents(h.min * laborRate), likely: cents(h.likely * laborRate), high: cents(h.max * laborRate) },
      start: formatDay(st.start),
      end: formatDay(st.end),
    };
  });
  const plannedIds = (its: number[]) => its.map((i) => inScope[planned[i]!]!.pw.workload.id);
  const waves: Plan['waves'] = [];
  if (tasks.length > 0) {
    waves.push({
      number: 0,
      name: 'Contracts, accreditation and gateway',
      start: scenario.startDate,
      end: formatDay(sched.wave0End),
      workloadIds: [],
      tasks: taskOut,
    });
  }
  for (const w of waveInfos) {
    waves.push({ number: w.number, name: w.name, start: formatDay(w.start), end: formatDay(w.end), workloadIds: plannedIds(w.items), tasks: [] });
  }

  const counts = {
    planned: planned.length,
    blocked: inScope.length - planned.length,
    outOfScope: workloads.length - inScope.length,
  };
  if (counts.blocked > 0) {
    warnings.push(
      `${counts.blocked} in-scope workload(s) are blocked: no candidate offering can take them. They are not in the completion date or the after run-rate.`,
    );
  }
  if (unpriced.after > 0) {
    warnings.push(`${unpriced.after} planned workload(s) move to offerings without a catalog price; their run-rate after is unknown and not in the total.`);
  }
  const sharedLow = dot(sharedCoef, columns, 'min') * laborRate;
  const sharedLikely = dot(sharedCoef, columns, 'likely') * laborRate;
  const sharedHigh = dot(sharedCoef, columns, 'max') * laborRate;
  const confidenceScore = confidenceScores.length === 0 ? 1 : confidenceScores.reduce((a, b) => a + b, 0) / confidenceScores.length;

  // Plan-level accreditation risk: each pending authorization the plan waits on, rated by its slack
  // to the deadline (as for a workload) and the highest consequence among the workloads on it.
  const authorizationRisks: RiskRating[] = [];
  for (const t of tasks) {
    if (t.kind !== 'authorization') continue;
    const waiting = planned.filter((k) => offerings[assignment.choice[k]!.offering]!.offering.id === t.offering);
    const ready = startDay + t.leadDays;
    const slack = deadlineDay - ready;
    const l = slack < 30 ? 5 : slack < 60 ? 4 : slack < 120 ? 3 : 2;
    const c = Math.max(...waiting.map((k) => consequenceOf(inScope[k]!.pw.criticality)));
    authorizationRisks.push(
      rate('accreditation', l, c, [
        `${waiting.length} planned workload(s) wait for ${t.title}, expected ${formatDay(ready)}: ${slack} days before the deadline`,
      ]),
    );
  }
  const register = riskRegister(
    inScope,
    ratings,
    assignment,
    scenario,
    sim.deadlineProbability,
    criticalPlanned.length,
    providerCount,
    sim.completion.p50,
    authorizationRisks,
  );

  const plan: Plan = {
    schemaVersion: 1,
    scenario,
    catalog: { source: catalog.meta.origin, asOf: catalog.meta.priceDate },
    workloads: outWorkloads,
    waves,
    totals: {
      oneTimeCost: { p10: cents(sim.oneTimeCost.p10), p50: cents(sim.oneTimeCost.p50), p90: cents(sim.oneTimeCost.p90) },
      monthlyCostBefore: beforeCents / 100,
      monthlyCostAfter: afterCents / 100,
      completion: { p10: formatDay(sim.completion.p10), p50: formatDay(sim.completion.p50), p90: formatDay(sim.completion.p90) },
      deadlineProbability: round4(sim.deadlineProbability),
      counts,
      monthlyCostBeforePlanned: beforePlannedCents / 100,
      unpriced,
      effortHours: { p10: round2(sim.hours.p10), p50: round2(sim.hours.p50), p90: round2(sim.hours.p90) },
      sharedOneTimeCost: { low: cents(sharedLow), likely: cents(sharedLikely), high: cents(sharedHigh) },
      byProvider: [...providerCount.entries()]
        .sort((a, b) => b[1].all - a[1].all || (a[0] < b[0] ? -1 : 1))
        .map(([provider, n]) => ({ provider, planned: n.all, critical: n.critical, monthlyCostAfter: (byProviderAfter.get(provider) ?? 0) / 100 })),
      confidence: { level: confidenceLevel(confidenceScore), score: round2(confidenceScore) },
    },
    risks: register,
    warnings,
    assignment: {
      strategy: scenario.strategy,
      method: assignment.method ?? 'best-fit',
      chosenProvider,
      providerEvaluations: (assignment.providerEvaluations ?? []).map((e) => ({ ...e, totalScore: round4(e.totalScore) })),
      cap: assignment.cap ? { share: scenario.diversificationCap, ...assignment.cap } : null,
    },
    schedule: {
      capacityLedger: sched.ledger.map((hours, week) => ({ week, start: formatDay(startDay + 7 * week), hours: round2(hours) })),
      bindingShare: round4(sched.bindingShare),
    },
  };
  progress(100, 'done');
  return plan;

  // ---- helpers that need the closure
  function blockedReasons(s: InScope, k: number): { reasons: string[]; codes: string[] } {
    // The same for every workload of one eligibility signature (and strategy note): memoised.
    const strategyNote = assignment.strategyBlock[k];
    const key = `${table.signatureOf[s.pw.index]}|${strategyNote ?? ''}`;
    const hit = blockedMemo.get(key);
    if (hit) return hit;
    let result: { reasons: string[]; codes: string[] };
    if (strategyNote && chosenProvider) {
      const own = candidateOfferings.filter((oi) => offerings[oi]!.offering.provider === chosenProvider);
      const sum = summarizeNotReady(s.verdicts, own, { classificationNeeded: label(s.pw.classification), candidateCount: own.length });
      result = { reasons: [strategyNote, ...sum.reasons], codes: ['single_provider', ...sum.codes] };
    } else {
      result = summarizeNotReady(s.verdicts, candidateOfferings, {
        classificationNeeded: label(s.pw.classification),
        candidateCount: candidateOfferings.length,
      });
    }
    blockedMemo.set(key, result);
    return result;
  }
}

// ---------------------------------------------------------------------------------------------

function mergeContracts(base: readonly ContractPrice[], extra: readonly ContractPrice[]): ContractPrice[] {
  const override = new Set(extra.map((c) => c.offeringId));
  return [...base.filter((c) => !override.has(c.offeringId)), ...extra];
}

const accreditationKey = (offering: string, level: string): string => `accreditation:${offering}:${level}`;

/** Wave-0 work implied by the assignment, each counted once. */
function sharedTasks(
  inScope: readonly InScope[],
  planned: readonly number[],
  assignment: Assignment,
  offerings: readonly PreparedOffering[],
  scenario: Scenario,
  startDay: Day,
): SharedTask[] {
  if (planned.length === 0) return [];
  const tasks: SharedTask[] = [
    { kind: 'gateway', key: 'gateway', title: 'Stand up the model gateway (routing, fallbacks, logging)', provider: null, offering: null, level: null, column: COL.gateway, leadDays: 0 },
  ];
  const providers = new Set<string>();
  const accreditation = new Map<string, SharedTask>();
  const authorization = new Map<string, SharedTask>();
  const policy = new Map<string, SharedTask>();
  for (const k of planned) {
    const s = inScope[k]!;
    const c = assignment.choice[k]!;
    const po = offerings[c.offering]!;
    const o = po.offering;
    providers.add(o.provider);
    if (s.pw.classification !== 'unclassified') {
      const key = accreditationKey(o.id, s.pw.classification);
      if (!accreditation.has(key))
        accreditation.set(key, {
          kind: 'accreditation',
          key,
          title: `Accreditation package for ${label(s.pw.classification)} use of ${o.id}`,
          provider: o.provider,
          offering: o.id,
          level: s.pw.classification,
          column: COL.accreditation,
          leadDays: 0,
        });
    }
    const v = s.verdicts[c.offering]!;
    if (v.authorizationDay !== null) {
      const key = `authorization:${o.id}`;
      if (!authorization.has(key))
        authorization.set(key, {
          kind: 'authorization',
          key,
          title: `Provider authorization of ${o.id} to ${label(o.authorization.value.maxClassification)} (${o.authorization.value.basis})`,
          provider: o.provider,
          offering: o.id,
          level: o.authorization.value.maxClassification,
          column: null,
          leadDays: v.authorizationDay - startDay,
        });
    }
    for (const tag of v.policyExceptions) {
      const key = `policy:${o.provider}:${tag}`;
      if (!policy.has(key))
        policy.set(key, {
          kind: 'policy_confirmation',
          key,
          title: `Written confirmation from ${o.provider} that its documented ${tag} exception covers the planned uses`,
          provider: o.provider,
          offering: null,
          level: null,
          column: null,
          leadDays: 0,
        });
    }
  }
  // Candidates first (in the scenario's order), then providers of pinned offerings outside the
  // candidate list: those need a contract too.
  const toContract = [
    ...scenario.candidateProviders.filter((p) => providers.has(p)),
    ...[...providers].sort().filter((p) => !scenario.candidateProviders.includes(p)),
  ].filter((p) => !scenario.contractedProviders.includes(p));
  for (const p of toContract) {
    tasks.push({
      kind: 'contract',
      key: `contract:${p}`,
      title: `Contract onboarding with ${p}`,
      provider: p,
      offering: null,
      level: null,
      column: COL.contract_onboarding,
      leadDays: Math.round(scenario.effort.contractLeadTimeDays.likely),
    });
  }
  const sorted = (m: Map<string, SharedTask>) => [...m.keys()].sort().map((k) => m.get(k)!);
  return [...tasks, ...sorted(accreditation), ...sorted(authorization), ...sorted(policy)];
}

function riskOut(r: RiskRating): PlanWorkload['risk'] {
  return { likelihood: r.likelihood, consequence: r.consequence, score: r.score, category: r.category, drivers: r.drivers, level: r.level };
}

const roundRange = (r: Range3): Range3 => ({ low: Math.round(r.low), likely: Math.round(r.likely), high: Math.round(r.high) });

function plannedReasons(s: InScope, po: PreparedOffering, v: Verdict): string[] {
  if (v.status === 'ready') {
    const uses = s.pw.workload.useTags.length > 0 ? `, and ${po.offering.provider}'s usage policy permits its uses` : '';
    return [
      `Ready: ${po.offering.displayName} is authorized for ${label(s.pw.classification)}, has the required capabilities and context window${uses}.`,
    ];
  }
  return v.findings.map((f) => f.text);
}

function assumptionNotes(s: InScope): string[] {
  const notes: string[] = [];
  if (s.pw.classificationAssumption) notes.push(s.pw.classificationAssumption);
  if (s.pw.criticalityAssumed) notes.push('Criticality unknown: planned as mission essential.');
  if (!s.volume.known) notes.push(`Volume ${s.volume.basis}; the run-rate is a wide range.`);
  if (s.source.note) notes.push(s.source.note);
  return notes;
}

function confidenceLevel(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

/**
 * Confidence in a workload's figures: 1 less a deduction per unknown the plan had to assume —
 * classification 0.15, criticality 0.10, volumes 0.20, current model (flagship stand-in 0.10,
 * price from another route 0.05), target unrated for the mission 0.15, a price unknown 0.15,
 * prompt/tool/eval counts 0.05 each, target facts the catalog marks unconfirmed 0.10.
 * High ≥ 0.8, medium ≥ 0.5, else low.
 */
function confidenceOf(s: InScope, c: Candidate | null, offerings: readonly PreparedOffering[]): PlanWorkload['confidence'] {
  const drivers: string[] = [];
  let score = 1;
  const less = (by: number, why: string) => {
    score -= by;
    drivers.push(why);
  };
  const w = s.pw.workload;
  if (s.pw.classificationAssumption) less(0.15, 'classification assumed');
  if (s.pw.criticalityAssumed) less(0.1, 'criticality assumed');
  if (!s.volume.known) less(0.2, 'token volumes estimated');
  if (s.source.how === 'flagship' || s.source.how === 'none') less(0.1, 'current model not matched in the catalog');
  else if (s.source.how === 'model_other_route') less(0.05, 'current price taken from another route');
  if (w.promptTemplates === null) less(0.05, 'prompt templates unknown');
  if (w.toolSchemas === null && w.capabilities.includes('tool_use')) less(0.05, 'tool schemas unknown');
  if (w.evalCases === null) less(0.05, 'evaluation cases unknown');
  if (c) {
    const o = offerings[c.offering]!.offering;
    if (!c.qualityRated) less(0.15, `${o.id} unrated for ${w.missionArea}`);
    if (!c.priced || !s.sourcePrices || !isPriced(s.sourcePrices)) less(0.15, 'a price is unknown');
    if (!o.authorization.confirmed || !o.capabilities.confirmed) less(0.1, 'target authorization or capabilities unconfirmed in the catalog');
  }
  score = Math.max(0, Math.round(score * 100) / 100);
  return { level: confidenceLevel(score), score, drivers };
}

function rollbackCriterion(s: InScope, po: PreparedOffering, scenario: Scenario): string {
  const w = s.pw.workload;
  const tolerance = { routine: 5, support: 3, essential: 2, critical: 1 }[s.pw.criticality];
  const current = s.source.identity?.offering.id ?? w.model ?? 'the current model';
  const cases = Math.max(scenario.effort.evalCaseThreshold, w.evalCases ?? 0);
  const latency = w.latencySloMs !== null ? `p95 latency exceeds the ${w.latencySloMs} ms SLO` : `p95 latency exceeds today's by more than 25 %`;
  const downtime = w.maxDowntimeHours !== null ? `, or an outage exceeds ${w.maxDowntimeHours} h` : '';
  return (
    `Roll back to ${current} through the gateway if, during the ${scenario.parallelRunDays[s.pw.criticality]}-day parallel run or the ` +
    `${scenario.rollbackWindowDays}-day rollback window, ${po.offering.id} scores more than ${tolerance} points below it on the ` +
    `${cases} evaluation cases, its error rate is more than 2× today's, ${latency}${downtime}. Decision: ${w.owner ?? 'the workload owner'}.`
  );
}

function outOfScopeEntry(
  pw: PlannedWorkload,
  scenario: Scenario,
  verdicts: readonly Verdict[],
  candidateOfferings: readonly number[],
): PlanWorkload {
  const w = pw.workload;
  // The best status any candidate offering would have: informative, it is not moved.
  let eligibility: EligibilityStatus = 'not_ready';
  for (const oi of candidateOfferings) {
    const st = verdicts[oi]!.status;
    if (st === 'ready') {
      eligibility = 'ready';
      break;
    }
    if (st === 'conditional') eligibility = 'conditional';
  }
  const note = pw.excluded ? scenario.overrides.find((o) => o.workloadId === w.id && o.exclude)?.note : undefined;
  const reason = pw.excluded
    ? `Excluded by override${note ? `: ${note}` : ''}; counted, not moved.`
    : `Runs on ${w.vendor}, not on ${scenario.exitVendor}: out of scope (counted, not moved).`;
  return {
    id: w.id,
    name: w.name,
    status: 'out_of_scope',
    target: null,
    eligibility,
    reasons: [reason],
    wave: null,
    dates: { migrateStart: null, parallelRunStart: null, cutover: null, decommission: null },
    oneTimeCost: { p10: 0, p50: 0, p90: 0 },
    monthlyCostBefore: null,
    monthlyCostAfter: null,
    risk: { likelihood: 1, consequence: 1, score: 1, category: 'operational', drivers: ['not moved by this plan'], level: 'low' },
    reasonCodes: [pw.excluded ? 'excluded' : 'out_of_scope'],
    classification: pw.classification,
    criticality: pw.criticality,
    confidence: { level: 'high', score: 1, drivers: [] },
    score: null,
    alternatives: [],
    effortHours: null,
    runRate: null,
    rollbackCriterion: null,
  };
}

/**
 * The plan's risk register: every workload risk rated moderate or high, and plan-level risks
 * (concentration per provider, deadline, pending authorizations). Ordered by score, then
 * category, then workload; ids R-0001… follow that order.
 */
function riskRegister(
  inScope: readonly InScope[],
  ratings: readonly { listed: readonly RiskRating[] }[],
  assignment: Assignment,
  scenario: Scenario,
  deadlineProbability: number,
  criticalCount: number,
  providerCount: Map<string, { all: number; critical: number }>,
  completionP50: Day,
  planLevel: readonly RiskRating[],
): RegisterEntry[] {
  type Draft = Omit<RegisterEntry, 'id'>;
  const drafts: Draft[] = [];
  inScope.forEach((s, k) => {
    for (const r of ratings[k]!.listed) {
      drafts.push({
        workloadId: s.pw.workload.id,
        category: r.category,
        likelihood: r.likelihood,
        consequence: r.consequence,
        score: r.score,
        level: r.level,
        owner: s.pw.workload.owner,
        mitigation: MITIGATIONS[r.category],
        drivers: r.drivers,
      });
    }
  });
  const plannedCount = [...providerCount.values()].reduce((a, b) => a + b.all, 0);
  for (const [provider, n] of [...providerCount.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const share = criticalCount > 0 ? n.critical / criticalCount : n.all / Math.max(1, plannedCount);
    const over = criticalCount > 0 ? share > scenario.diversificationCap : share > 0.5;
    if (!over) continue;
    const r = rate('concentration', share > 0.75 ? 5 : share > 0.5 ? 4 : 3, criticalCount > 0 ? 5 : 4, [
      criticalCount > 0
        ? `${provider} carries ${n.critical} of ${criticalCount} planned critical workloads (${(share * 100).toFixed(0)} %, cap ${(scenario.diversificationCap * 100).toFixed(0)} %)`
        : `${provider} carries ${n.all} of ${plannedCount} planned workloads`,
    ]);
    drafts.push({ workloadId: null, ...registerFields(r), owner: null, mitigation: MITIGATIONS.concentration });
  }
  if (assignment.choice.some(Boolean) && deadlineProbability < 0.8) {
    const l = deadlineProbability < 0.1 ? 5 : deadlineProbability < 0.3 ? 4 : deadlineProbability < 0.5 ? 3 : 2;
    const r = rate('schedule', l, criticalCount > 0 ? 5 : 4, [
      `probability of finishing by the deadline ${scenario.deadline}: ${(deadlineProbability * 100).toFixed(0)} %`,
      `P50 completion ${formatDay(completionP50)}`,
    ]);
    drafts.push({ workloadId: null, ...registerFields(r), owner: null, mitigation: MITIGATIONS.schedule });
  }
  for (const r of planLevel) {
    if (r.level !== 'low') drafts.push({ workloadId: null, ...registerFields(r), owner: null, mitigation: MITIGATIONS[r.category] });
  }
  drafts.sort(
    (a, b) =>
      b.score - a.score ||
      RISK_CATEGORIES.indexOf(a.category) - RISK_CATEGORIES.indexOf(b.category) ||
      (a.workloadId === b.workloadId ? 0 : a.workloadId === null ? -1 : b.workloadId === null ? 1 : a.workloadId < b.workloadId ? -1 : 1),
  );
  const width = Math.max(4, String(drafts.length).length);
  return drafts.map((d, i) => ({ id: `R-${String(i + 1).padStart(width, '0')}`, ...d }));
}

function registerFields(r: RiskRating): Pick<RegisterEntry, 'category' | 'likelihood' | 'consequence' | 'score' | 'level' | 'drivers'> {
  return { category: r.category, likelihood: r.likelihood, consequence: r.consequence, score: r.score, level: r.level, drivers: r.drivers };
}

