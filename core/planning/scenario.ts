/**
 * The scenario: every assumption a plan rests on, each with a default a program office can accept
 * as a starting point, and all of them echoed in the plan so a reader can see what was assumed.
 *
 * `ScenarioInput` is what a caller gives (everything optional but where a default needs the
 * catalog or a date); `resolveScenario` fills it into a complete `Scenario`.
 */
import { z } from 'zod';
import { type Catalog, IsoDate, OfferingId } from '../catalog/schema';
import { ProviderId } from '../common/enums';
import { addDays, parseDay } from './dates';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A three-point estimate: lowest credible, most likely, highest credible. */
export const ThreePoint = z
  .object({
    min: z.number().finite().nonnegative(),
    likely: z.number().finite().nonnegative(),
    max: z.number().finite().nonnegative(),
  })
  .strict()
  .refine((t) => t.min <= t.likely && t.likely <= t.max, { message: 'three-point estimates need min ≤ likely ≤ max' });
export type ThreePoint = z.infer<typeof ThreePoint>;

const tp = (min: number, likely: number, max: number) => ThreePoint.default({ min, likely, max });

export const STRATEGIES = ['best-fit', 'single-provider', 'diversified'] as const;
export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

export const Blackout = z
  .object({ start: IsoDate, end: IsoDate, reason: z.string().min(1) })
  .strict()
  .refine((b) => b.start <= b.end, { message: 'a blackout ends on or after its start' });
export type Blackout = z.infer<typeof Blackout>;

/** A user decision about one workload that survives re-planning. */
export const Override = z
  .object({
    workloadId: z.string().min(1),
    /** Use this catalog offering (only if it is eligible; otherwise the plan warns and ignores it). */
    pinOffering: OfferingId.optional(),
    /** Put the workload in this wave or a later one (dependencies can push it later, never earlier). */
    wave: z.number().int().min(1).optional(),
    /** Leave the workload out of this plan (it is reported out of scope, and still counted). */
    exclude: z.boolean().optional(),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Override = z.infer<typeof Override>;

// ---------------------------------------------------------------------------------------------
// Defaults, with the reason for each

/**
 * Parallel run (old and new model side by side before cut-over), days by criticality: long enough
 * to see the workload's usage cycle at least once — a week of routine traffic, two weeks for
 * support work (covering a fortnightly reporting cycle), a month for mission-essential work
 * (a monthly cycle and an end-of-month peak), and six weeks for mission-critical work so a full
 * month plus margin for a second evaluation pass is observed before the old path is switched off.
 */
const ParallelRunDays = z
  .object({
    routine: z.number().int().nonnegative().default(7),
    support: z.number().int().nonnegative().default(14),
    essential: z.number().int().nonnegative().default(30),
    critical: z.number().int().nonnegative().default(45),
  })
  .strict();

/**
 * Scoring weights. Mission performance first (quality 0.40), then risk (0.20) and run cost (0.25),
 * effort last (0.15) because effort is paid once while the other three last. Only ratios matter.
 */
const Weights = z
  .object({
    quality: z.number().finite().nonnegative().default(0.4),
    cost: z.number().finite().nonnegative().default(0.25),
    effort: z.number().finite().nonnegative().default(0.15),
    risk: z.number().finite().nonnegative().default(0.2),
  })
  .strict()
  .refine((w) => w.quality + w.cost + w.effort + w.risk > 0, { message: 'at least one weight must be positive' });

/**
 * Effort drivers, engineer-hours, each (min, likely, max). Starting values from typical
 * model-migration work (re-prompting, re-validating tool calls, building golden evaluation sets);
 * a program office should replace them with its own history.
 */
const EffortDrivers = z
  .object({
    /** Porting and re-tuning one prompt template for the new model. */
    promptTemplateHours: tp(2, 4, 8),
    /** Porting and re-testing one tool (function-calling) schema. */
    toolSchemaHours: tp(2, 4, 10),
    /** Building one evaluation case, for the cases missing below `evalCaseThreshold`. */
    evalCaseHours: tp(0.25, 0.5, 1),
    /** Evaluation cases a workload needs before cut-over (fewer known cases = more to build). */
    evalCaseThreshold: z.number().int().nonnegative().default(50),
    /** Integration work every workload needs: client/SDK change, configuration, tests, runbook. */
    integrationHours: tp(16, 24, 60),
    /** Extra work when the route changes (e.g. direct API → Bedrock): networking, identity, quotas. */
    routeChangeHours: tp(8, 16, 40),
    /** Watching a parallel run: comparing outputs, triaging differences, per calendar day. */
    parallelRunOversightHoursPerDay: tp(0.25, 0.5, 1),
    /** One-time contract onboarding per new provider (vehicle, terms, accounts, billing). Shared. */
    contractOnboardingHours: tp(40, 80, 160),
    /** Calendar days from start until a new provider's contract is in place. */
    contractLeadTimeDays: tp(14, 45, 120),
    /** The program's accreditation package (ATO/ATC update) per offering and classification level. Shared. */
    accreditationHours: tp(40, 120, 320),
    /** Standing up the model gateway (routing, fallbacks, logging) once, in wave 0. Shared. */
    gatewayHours: tp(40, 80, 160),
    /** Prompt templates assumed when the inventory does not say. */
    unknownPromptTemplates: tp(1, 3, 10),
    /** Tool schemas assumed when unknown for a workload that uses tools. */
    unknownToolSchemas: tp(1, 3, 8),
  })
  .strict();

/**
 * How unknown token volumes are estimated (see cost.ts `estimateVolumes`). Used only when the
 * inventory lacks both volumes and the rest of the inventory gives nothing to go on.
 */
const VolumeAssumptions = z
  .object({
    /** Input tokens per request, when requests are known but tokens are not. */
    inputTokensPerRequest: tp(500, 2000, 8000),
    /** Output tokens per request, when requests are known but tokens are not. */
    outputTokensPerRequest: tp(100, 400, 1500),
    /** Monthly input tokens when nothing at all is known (inventory too sparse to compare with). */
    monthlyInputTokens: tp(1_000_000, 10_000_000, 100_000_000),
    /** Output tokens per input token when only one side is known and the inventory gives no ratio. */
    outputPerInputToken: tp(0.1, 0.25, 0.5),
  })
  .strict();

const baseShape = {
  strategy: Strategy.default('best-fit'),
  /** Providers that already hold a contract vehicle: no onboarding cost or lead time. */
  contractedProviders: z.array(ProviderId).default([]),
  /**
   * Diversified strategy: no provider may carry more than this share of the critical workloads.
   * 0.5 = at least two providers for critical work, the smallest diversification that removes the
   * single point of failure this whole exercise is about.
   */
  diversificationCap: z.number().gt(0).max(1).default(0.5),
  /** Engineer-hours a week the migration team has: four engineers full time. */
  teamHoursPerWeek: z.number().finite().positive().default(160),
  /** Engineer-hours a week one workload can absorb (one engineer): keeps durations realistic. */
  maxHoursPerWorkloadPerWeek: z.number().finite().positive().default(40),
  parallelRunDays: ParallelRunDays.prefault({}),
  /** Days the old path stays available for rollback after cut-over before it is decommissioned. */
  rollbackWindowDays: z.number().int().nonnegative().default(30),
  blackouts: z.array(Blackout).default([]),
  /**
   * Fully loaded labour rate, USD per engineer-hour. ASSUMPTION: 175 is a typical loaded rate for
   * cleared contractor software engineers in the US national-security market; set your own.
   */
  loadedLaborRate: z.number().finite().nonnegative().default(175),
  weights: Weights.prefault({}),
  effort: EffortDrivers.prefault({}),
  volumeAssumptions: VolumeAssumptions.prefault({}),
  /** Critical workloads cutting over in the same planning week (7 days from the start date). */
  maxConcurrentCriticalCutovers: z.number().int().positive().default(2),
  /** Workloads in the pilot wave: enough to exercise each step, few enough to learn fast. */
  pilotWaveSize: z.number().int().nonnegative().default(5),
  /** Largest wave; bigger phases are split so a wave stays a manageable unit of work and review. */
  maxWaveSize: z.number().int().positive().default(100),
  /** Monte Carlo iterations: 2,000 puts the P10/P90 within about ±1.5 percentile points. */
  iterations: z.number().int().min(100).max(100_000).default(2000),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  overrides: z.array(Override).default([]),
};

/** What a caller may give; the fields without a default here are resolved from context. */
export const ScenarioInputSchema = z
  .object({
    name: z.string().min(1).optional(),
    /** Default: the catalog's tokenizer baseline (the vendor the catalog was built to leave). */
    exitVendor: ProviderId.optional(),
    /** Default: every catalog provider except the exited one. */
    candidateProviders: z.array(ProviderId).optional(),
    /** Default: the date the caller passes as today. */
    startDate: IsoDate.optional(),
    /** Default: start + 180 days (the "within months" of the motivating case). */
    deadline: IsoDate.optional(),
    ...baseShape,
  })
  .strict();
export type ScenarioInput = z.input<typeof ScenarioInputSchema>;

/** A resolved scenario: every parameter set. This is what the plan echoes. */
export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    exitVendor: ProviderId,
    candidateProviders: z.array(ProviderId),
    startDate: IsoDate,
    deadline: IsoDate,
    ...baseShape,
  })
  .strict();
export type Scenario = z.output<typeof ScenarioSchema>;

export const DEFAULT_DEADLINE_DAYS = 180;

export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/**
 * Fill a scenario from its input. `today` is the caller's date (core never reads the clock); it is
 * the default start. Throws ScenarioError with readable issues for invalid input.
 */
export function resolveScenario(
  input: ScenarioInput,
  context: { catalog: Catalog; today?: string },
): { scenario: Scenario; warnings: string[] } {
  const parsed = ScenarioInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'scenario'}: ${i.message}`);
    throw new ScenarioError(`invalid scenario: ${issues.join('; ')}`, issues);
  }
  const s = parsed.data;
  const warnings: string[] = [];
  const { catalog } = context;

  const exitVendor = s.exitVendor ?? catalog.meta.tokenizerBaseline;
  const providerIds = catalog.providers.map((p) => p.id);
  const candidateProviders = s.candidateProviders
    ? [...new Set(s.candidateProviders)]
    : providerIds.filter((p) => p !== exitVendor);
  const issues: string[] = [];
  if (candidateProviders.includes(exitVendor)) {
    issues.push(`candidateProviders: ${exitVendor} is the vendor being exited and cannot be a candidate`);
  }
  for (const p of candidateProviders) {
    if (!providerIds.includes(p)) warnings.push(`Candidate provider ${p} is not in the catalog; it has no offerings to plan onto.`);
  }

  if (context.today !== undefined && !IsoDate.safeParse(context.today).success) {
    issues.push(`today: ${context.today} is not a YYYY-MM-DD date`);
  }
  let startDate = s.startDate ?? (issues.length === 0 ? context.today : undefined);
  if (!startDate) {
    // Deterministic fallback rather than the clock: the catalog's own price date.
    startDate = catalog.meta.priceDate;
    warnings.push(`No start date given: the plan starts on the catalog's price date ${startDate}.`);
  }
  const deadline = s.deadline ?? addDays(startDate, DEFAULT_DEADLINE_DAYS);
  if (parseDay(deadline) <= parseDay(startDate)) issues.push(`deadline: ${deadline} is not after the start ${startDate}`);
  if (issues.length > 0) throw new ScenarioError(`invalid scenario: ${issues.join('; ')}`, issues);

  const name = s.name ?? `Exit ${exitVendor} (${s.strategy})`;
  const scenario: Scenario = {
    name,
    exitVendor,
    candidateProviders,
    startDate,
    deadline,
    strategy: s.strategy,
    contractedProviders: [...new Set(s.contractedProviders)],
    diversificationCap: s.diversificationCap,
    teamHoursPerWeek: s.teamHoursPerWeek,
    maxHoursPerWorkloadPerWeek: s.maxHoursPerWorkloadPerWeek,
    parallelRunDays: s.parallelRunDays,
    rollbackWindowDays: s.rollbackWindowDays,
    blackouts: [...s.blackouts].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
    loadedLaborRate: s.loadedLaborRate,
    weights: s.weights,
    effort: s.effort,
    volumeAssumptions: s.volumeAssumptions,
    maxConcurrentCriticalCutovers: s.maxConcurrentCriticalCutovers,
    pilotWaveSize: s.pilotWaveSize,
    maxWaveSize: s.maxWaveSize,
    iterations: s.iterations,
    seed: s.seed,
    overrides: s.overrides,
  };
  return { scenario, warnings };
}
