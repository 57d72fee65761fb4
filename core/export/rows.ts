/**
 * The per-workload plan as typed columns: one definition the CSV and the workbook's Workloads
 * sheet both write, so the two never disagree about what a column holds.
 */
import type { Plan, PlanWorkload } from '../planning/plan-schema';

/**
 * How a value is typed: `text` cells are strings (neutralised in CSV), `date` cells ISO dates
 * (real dates in the workbook), the rest numbers.
 */
export type CellKind = 'text' | 'int' | 'number' | 'usd' | 'date' | 'share' | 'hours';
export type CellValue = string | number | null;

export interface ColumnSpec<Row> {
  /** snake_case name: the CSV header. */
  key: string;
  /** What the workbook shows. */
  header: string;
  kind: CellKind;
  /** Workbook column width (characters). */
  width: number;
  value(row: Row): CellValue;
  /** Text lists are joined by the writer: one per line in the workbook, `" | "` in CSV. */
  list?(row: Row): string[];
}

const round2 = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : Math.round(n * 100) / 100);

/** Change in monthly run-rate when both sides are known (negative = saving). */
export function monthlyChange(w: PlanWorkload): number | null {
  if (w.monthlyCostBefore === null || w.monthlyCostAfter === null) return null;
  return round2(w.monthlyCostAfter - w.monthlyCostBefore);
}

export const WORKLOAD_COLUMNS: ColumnSpec<PlanWorkload>[] = [
  { key: 'id', header: 'Workload ID', kind: 'text', width: 14, value: (w) => w.id },
  { key: 'name', header: 'Name', kind: 'text', width: 36, value: (w) => w.name },
  { key: 'status', header: 'Status', kind: 'text', width: 12, value: (w) => w.status },
  { key: 'eligibility', header: 'Eligibility', kind: 'text', width: 12, value: (w) => w.eligibility },
  { key: 'classification', header: 'Classification', kind: 'text', width: 14, value: (w) => w.classification },
  { key: 'criticality', header: 'Criticality', kind: 'text', width: 11, value: (w) => w.criticality },
  { key: 'target_provider', header: 'Target provider', kind: 'text', width: 14, value: (w) => w.target?.provider ?? null },
  { key: 'target_model', header: 'Target model', kind: 'text', width: 24, value: (w) => w.target?.model ?? null },
  { key: 'target_route', header: 'Target route', kind: 'text', width: 15, value: (w) => w.target?.route ?? null },
  { key: 'target_offering', header: 'Target offering', kind: 'text', width: 44, value: (w) => w.target?.offering ?? null },
  { key: 'current_offering', header: 'Current offering', kind: 'text', width: 44, value: (w) => w.runRate?.currentOffering ?? null },
  { key: 'wave', header: 'Wave', kind: 'int', width: 7, value: (w) => w.wave },
  { key: 'migrate_start', header: 'Migrate start', kind: 'date', width: 12, value: (w) => w.dates.migrateStart },
  { key: 'parallel_run_start', header: 'Parallel run start', kind: 'date', width: 12, value: (w) => w.dates.parallelRunStart },
  { key: 'cutover', header: 'Cut-over', kind: 'date', width: 12, value: (w) => w.dates.cutover },
  { key: 'decommission', header: 'Decommission', kind: 'date', width: 13, value: (w) => w.dates.decommission },
  { key: 'one_time_cost_p10', header: 'One-time cost P10', kind: 'usd', width: 14, value: (w) => w.oneTimeCost.p10 },
  { key: 'one_time_cost_p50', header: 'One-time cost P50', kind: 'usd', width: 14, value: (w) => w.oneTimeCost.p50 },
  { key: 'one_time_cost_p90', header: 'One-time cost P90', kind: 'usd', width: 14, value: (w) => w.oneTimeCost.p90 },
  { key: 'monthly_cost_before', header: 'Monthly cost before', kind: 'usd', width: 14, value: (w) => w.monthlyCostBefore },
  { key: 'monthly_cost_after', header: 'Monthly cost after', kind: 'usd', width: 14, value: (w) => w.monthlyCostAfter },
  { key: 'monthly_cost_change', header: 'Monthly change', kind: 'usd', width: 14, value: monthlyChange },
  { key: 'effort_hours_min', header: 'Effort hours min', kind: 'hours', width: 10, value: (w) => w.effortHours?.min ?? null },
  { key: 'effort_hours_likely', header: 'Effort hours likely', kind: 'hours', width: 10, value: (w) => w.effortHours?.likely ?? null },
  { key: 'effort_hours_max', header: 'Effort hours max', kind: 'hours', width: 10, value: (w) => w.effortHours?.max ?? null },
  { key: 'risk_score', header: 'Risk score', kind: 'int', width: 8, value: (w) => w.risk.score },
  { key: 'risk_level', header: 'Risk level', kind: 'text', width: 10, value: (w) => w.risk.level },
  { key: 'risk_likelihood', header: 'Likelihood', kind: 'int', width: 9, value: (w) => w.risk.likelihood },
  { key: 'risk_consequence', header: 'Consequence', kind: 'int', width: 9, value: (w) => w.risk.consequence },
  { key: 'risk_category', header: 'Risk category', kind: 'text', width: 16, value: (w) => w.risk.category },
  { key: 'risk_drivers', header: 'Risk drivers', kind: 'text', width: 40, value: (w) => w.risk.drivers.join('; '), list: (w) => w.risk.drivers },
  { key: 'confidence', header: 'Confidence', kind: 'text', width: 10, value: (w) => w.confidence.level },
  { key: 'confidence_score', header: 'Confidence score', kind: 'share', width: 10, value: (w) => w.confidence.score },
  { key: 'reasons', header: 'Reasons', kind: 'text', width: 60, value: (w) => w.reasons.join(' | '), list: (w) => w.reasons },
  { key: 'rollback_criterion', header: 'Rollback criterion', kind: 'text', width: 60, value: (w) => w.rollbackCriterion },
];

/** Workload name by id, for sheets that list ids (risks, waves). */
export function workloadNames(plan: Plan): Map<string, string> {
  return new Map(plan.workloads.map((w) => [w.id, w.name]));
}
