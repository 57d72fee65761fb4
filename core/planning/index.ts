/**
 * The planning engine (pure: plain data in, plain data out). See plan.ts for the entry point and
 * each module's header for its rules.
 */
export { planMigration, type PlanInput, type PlanOptions } from './plan';
export { PlanSchema, type Plan, type PlanWorkload, type RegisterEntry, type WaveTask } from './plan-schema';
export {
  resolveScenario,
  ScenarioError,
  ScenarioInputSchema,
  ScenarioSchema,
  STRATEGIES,
  ThreePoint,
  DEFAULT_DEADLINE_DAYS,
  type Scenario,
  type ScenarioInput,
  type Strategy,
  type Override,
  type Blackout,
} from './scenario';
export { PlanInputError } from './inventory';
export { loadHighsSolver, type MipSolver } from './mip';
export { ELIGIBILITY_CODES, ELIGIBILITY_STATUSES, type EligibilityCode, type EligibilityStatus } from './eligibility';
export { RISK_CATEGORIES, RISK_LEVELS, MITIGATIONS, riskLevel, type RiskCategory, type RiskLevel } from './risk';
export { COLUMNS as EFFORT_COLUMNS, DRIVERS as EFFORT_DRIVERS } from './effort';
