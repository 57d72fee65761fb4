/**
 * The plan JSON (schemaVersion 1) as a zod schema: what `bridgehead plan --json` prints and the
 * exports publish as JSON Schema. The fields named in the issue are fixed; fields marked "added"
 * explain the numbers (drivers, ranges, confidence) and may grow, never be renamed.
 *
 * Money is US dollars rounded to cents; dates are ISO 8601 calendar dates (YYYY-MM-DD).
 */
import { z } from 'zod';
import { IsoDate, OfferingId } from '../catalog/schema';
import { Classification, Criticality, ProviderId, Route } from '../common/enums';
import { DRIVERS } from './effort';
import { ELIGIBILITY_STATUSES } from './eligibility';
import { RISK_CATEGORIES, RISK_LEVELS } from './risk';
import { ScenarioSchema } from './scenario';

const Usd = z.number().finite();
const Likelihood = z.number().int().min(1).max(5);

export const P3Usd = z.object({ p10: Usd, p50: Usd, p90: Usd }).strict();
export const P3Date = z.object({ p10: IsoDate, p50: IsoDate, p90: IsoDate }).strict();
export const Hours3 = z.object({ min: z.number(), likely: z.number(), max: z.number() }).strict();
export const Range3Usd = z.object({ low: Usd, likely: Usd, high: Usd }).strict();

export const WorkloadStatus = z.enum(['planned', 'blocked', 'out_of_scope']);
export const EligibilityStatusSchema = z.enum(ELIGIBILITY_STATUSES);
export const RiskCategorySchema = z.enum(RISK_CATEGORIES);
export const RiskLevelSchema = z.enum(RISK_LEVELS);
export const ConfidenceLevel = z.enum(['high', 'medium', 'low']);

export const WorkloadRisk = z
  .object({
    likelihood: Likelihood,
    consequence: Likelihood,
    score: z.number().int().min(1).max(25),
    category: RiskCategorySchema,
    drivers: z.array(z.string()),
    /** added */
    level: RiskLevelSchema,
  })
  .strict();

export const Confidence = z
  .object({ level: ConfidenceLevel, score: z.number().min(0).max(1), drivers: z.array(z.string()) })
  .strict();

export const PlanWorkload = z
  .object({
    id: z.string(),
    name: z.string(),
    status: WorkloadStatus,
    target: z
      .object({ offering: OfferingId, provider: ProviderId, model: z.string(), route: Route })
      .strict()
      .nullable(),
    eligibility: EligibilityStatusSchema,
    reasons: z.array(z.string()),
    wave: z.number().int().nonnegative().nullable(),
    dates: z
      .object({
        migrateStart: IsoDate.nullable(),
        parallelRunStart: IsoDate.nullable(),
        cutover: IsoDate.nullable(),
        decommission: IsoDate.nullable(),
      })
      .strict(),
    /** The workload's own work (shared wave-0 work is in the plan total only); zero unless planned. */
    oneTimeCost: P3Usd,
    /** USD a month today on the exited vendor (likely volume); null when unknown or out of scope. */
    monthlyCostBefore: Usd.nullable(),
    /** USD a month on the target (likely volume); null when not planned or the target has no price. */
    monthlyCostAfter: Usd.nullable(),
    risk: WorkloadRisk,
    // ---- added
    reasonCodes: z.array(z.string()),
    classification: Classification,
    criticality: Criticality,
    confidence: Confidence,
    score: z
      .object({ total: z.number(), quality: z.number(), cost: z.number(), effort: z.number(), risk: z.number() })
      .strict()
      .nullable(),
    /** The best eligible offering at each other candidate provider, best first (up to three). */
    alternatives: z.array(z.object({ offering: OfferingId, eligibility: EligibilityStatusSchema, score: z.number() }).strict()),
    effortHours: z
      .object({
        min: z.number(),
        likely: z.number(),
        max: z.number(),
        byDriver: z.record(z.enum(DRIVERS), z.object({ units: z.number(), assumption: z.string().nullable(), min: z.number(), likely: z.number(), max: z.number() }).strict()),
      })
      .strict()
      .nullable(),
    runRate: z
      .object({
        volumeKnown: z.boolean(),
        volumeBasis: z.string(),
        monthlyInputTokens: z.object({ low: z.number(), likely: z.number(), high: z.number() }).strict(),
        monthlyOutputTokens: z.object({ low: z.number(), likely: z.number(), high: z.number() }).strict(),
        cachedInputShare: z.number(),
        currentOffering: OfferingId.nullable(),
        pricedAt: OfferingId.nullable(),
        tokenizerFactor: z.number().nullable(),
        before: Range3Usd.nullable(),
        after: Range3Usd.nullable(),
      })
      .strict()
      .nullable(),
    rollbackCriterion: z.string().nullable(),
  })
  .strict();
export type PlanWorkload = z.infer<typeof PlanWorkload>;

export const WaveTask = z
  .object({
    kind: z.enum(['gateway', 'contract', 'accreditation', 'authorization', 'policy_confirmation']),
    key: z.string(),
    title: z.string(),
    provider: ProviderId.nullable(),
    offering: OfferingId.nullable(),
    level: Classification.nullable(),
    hours: Hours3,
    cost: Range3Usd,
    start: IsoDate,
    end: IsoDate,
  })
  .strict();
export type WaveTask = z.infer<typeof WaveTask>;

export const PlanWave = z
  .object({
    number: z.number().int().nonnegative(),
    name: z.string(),
    start: IsoDate,
    end: IsoDate,
    workloadIds: z.array(z.string()),
    /** added: wave 0's tasks (empty for workload waves). */
    tasks: z.array(WaveTask),
  })
  .strict();

export const RegisterEntry = z
  .object({
    id: z.string(),
    workloadId: z.string().nullable(),
    category: RiskCategorySchema,
    likelihood: Likelihood,
    consequence: Likelihood,
    score: z.number().int().min(1).max(25),
    level: RiskLevelSchema,
    owner: z.string().nullable(),
    mitigation: z.string(),
    drivers: z.array(z.string()),
  })
  .strict();
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const PlanSchema = z
  .object({
    schemaVersion: z.literal(1),
    scenario: ScenarioSchema,
    catalog: z.object({ source: z.string(), asOf: IsoDate }).strict(),
    workloads: z.array(PlanWorkload),
    waves: z.array(PlanWave),
    totals: z
      .object({
        oneTimeCost: P3Usd,
        monthlyCostBefore: Usd,
        monthlyCostAfter: Usd,
        completion: P3Date,
        deadlineProbability: z.number().min(0).max(1),
        counts: z.object({ planned: z.number().int(), blocked: z.number().int(), outOfScope: z.number().int() }).strict(),
        // ---- added
        /** Today's run-rate of the planned workloads only: compare with monthlyCostAfter like for like. */
        monthlyCostBeforePlanned: Usd,
        /** Workloads whose before / after run-rate is unknown (no catalog price) and so not in the sums. */
        unpriced: z.object({ before: z.number().int(), after: z.number().int() }).strict(),
        effortHours: z.object({ p10: z.number(), p50: z.number(), p90: z.number() }).strict(),
        /** Wave-0 work counted once (contracts, accreditation, gateway), USD low/likely/high. */
        sharedOneTimeCost: Range3Usd,
        byProvider: z.array(
          z.object({ provider: ProviderId, planned: z.number().int(), critical: z.number().int(), monthlyCostAfter: Usd }).strict(),
        ),
        confidence: z.object({ level: ConfidenceLevel, score: z.number().min(0).max(1) }).strict(),
      })
      .strict(),
    risks: z.array(RegisterEntry),
    warnings: z.array(z.string()),
    // ---- added
    assignment: z
      .object({
        strategy: z.enum(['best-fit', 'single-provider', 'diversified']),
        method: z.enum(['best-fit', 'single-provider', 'mip', 'greedy']),
        chosenProvider: ProviderId.nullable(),
        providerEvaluations: z.array(
          z.object({ provider: ProviderId, covered: z.number().int(), blocked: z.number().int(), totalScore: z.number() }).strict(),
        ),
        cap: z
          .object({ share: z.number(), limit: z.number().int(), criticalCount: z.number().int(), byProvider: z.record(z.string(), z.number().int()), exceeded: z.array(z.string()) })
          .strict()
          .nullable(),
      })
      .strict(),
    schedule: z
      .object({
        /** Engineer-hours booked per planning week (7 days from the start); never above teamHoursPerWeek. */
        capacityLedger: z.array(z.object({ week: z.number().int(), start: IsoDate, hours: z.number() }).strict()),
        bindingShare: z.number().min(0).max(1),
      })
      .strict(),
  })
  .strict();
export type Plan = z.infer<typeof PlanSchema>;
