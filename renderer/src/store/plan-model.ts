/**
 * The plan views' logic, kept out of the components and free of React and the store so it can be
 * tested on its own: the scenario form and its validation, override changes, the run-rate read of
 * a plan (honest about unpriced targets), the risk heat map, and the side-by-side comparison.
 */
import type { PlanListItem } from '../../../core/api/plans';
import type { Plan, PlanWorkload, RegisterEntry } from '../../../core/planning/plan-schema';
import { addDays, parseDay } from '../../../core/planning/dates';
import { formatMoney } from '../format';
import { riskLevel, type RiskLevel } from '../../../core/planning/risk';
import {
  DEFAULT_DEADLINE_DAYS,
  ScenarioInputSchema,
  STRATEGIES,
  type Override,
  type Scenario,
  type ScenarioInput,
  type Strategy,
} from '../../../core/planning/scenario';

export { STRATEGIES, type Strategy };

// ---------------------------------------------------------------------------------------------
// The scenario form

/** What the form edits. Numbers are kept as typed text so a half-typed value is not lost. */
export interface PlanForm {
  name: string;
  exitVendor: string;
  strategy: Strategy;
  /** Diversified only: the largest share of critical workloads on one provider, in percent. */
  capPercent: string;
  /** null = every catalog provider except the exited one (the engine's default). */
  candidateProviders: string[] | null;
  startDate: string;
  deadline: string;
  teamHoursPerWeek: string;
  iterations: string;
  seed: string;
}

export type PlanFormField = keyof PlanForm;
export type PlanFormErrors = Partial<Record<PlanFormField | 'scenario', string>>;

/** The scenario name the API uses when none is given. */
export const DEFAULT_SCENARIO_NAME = 'Baseline';

/** Today as a calendar date in the user's time zone (the engine's start default). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form as the engine's defaults fill it (core/planning/scenario.ts). */
export function defaultPlanForm(exitVendor: string, today: string): PlanForm {
  return {
    name: DEFAULT_SCENARIO_NAME,
    exitVendor,
    strategy: 'best-fit',
    capPercent: '50',
    candidateProviders: null,
    startDate: today,
    deadline: addDays(today, DEFAULT_DEADLINE_DAYS),
    teamHoursPerWeek: '160',
    iterations: '2000',
    seed: '1',
  };
}

/** The form filled from a plan's scenario, to re-run it with changes. */
export function formFromScenario(s: Scenario): PlanForm {
  return {
    name: s.name,
    exitVendor: s.exitVendor,
    strategy: s.strategy,
    capPercent: String(Math.round(s.diversificationCap * 1000) / 10),
    candidateProviders: [...s.candidateProviders],
    startDate: s.startDate,
    deadline: s.deadline,
    teamHoursPerWeek: String(s.teamHoursPerWeek),
    iterations: String(s.iterations),
    seed: String(s.seed),
  };
}

const FIELD_OF_PATH: Record<string, PlanFormField> = {
  name: 'name',
  exitVendor: 'exitVendor',
  strategy: 'strategy',
  diversificationCap: 'capPercent',
  candidateProviders: 'candidateProviders',
  startDate: 'startDate',
  deadline: 'deadline',
  teamHoursPerWeek: 'teamHoursPerWeek',
  iterations: 'iterations',
  seed: 'seed',
};

const numberOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The scenario input for the form, checked against the engine's own schema; errors are keyed by
 * form field. Only what the form shows is set: everything else keeps the engine's defaults.
 */
export function scenarioFromForm(form: PlanForm): { input: ScenarioInput; errors: null } | { input: null; errors: PlanFormErrors } {
  const errors: PlanFormErrors = {};
  const numeric = (field: PlanFormField, text: string, what: string): number => {
    const n = numberOrNaN(text);
    if (!Number.isFinite(n)) errors[field] = `${what} must be a number`;
    return n;
  };
  const teamHoursPerWeek = numeric('teamHoursPerWeek', form.teamHoursPerWeek, 'Team hours a week');
  const iterations = numeric('iterations', form.iterations, 'Iterations');
  const seed = numeric('seed', form.seed, 'Seed');
  const capPercent = form.strategy === 'diversified' ? numeric('capPercent', form.capPercent, 'The cap') : Number.NaN;
  if (!form.name.trim()) errors.name = 'Give the scenario a name';
  if (!form.exitVendor) errors.exitVendor = 'Choose the vendor to exit';
  if (form.candidateProviders && form.candidateProviders.length === 0) errors.candidateProviders = 'Choose at least one candidate provider';

  const input: ScenarioInput = {
    name: form.name.trim(),
    exitVendor: form.exitVendor,
    strategy: form.strategy,
    startDate: form.startDate,
    deadline: form.deadline,
    teamHoursPerWeek,
    iterations,
    seed,
  };
  if (form.candidateProviders) input.candidateProviders = form.candidateProviders.filter((p) => p !== form.exitVendor);
  if (form.strategy === 'diversified') input.diversificationCap = capPercent / 100;

  // Every problem at once: the engine's own schema adds its limits to what was found above.
  const parsed = ScenarioInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[String(issue.path[0] ?? '')];
      const message = field === 'capPercent' ? 'The cap must be above 0 % and at most 100 %' : issue.message;
      if (field) errors[field] ??= message;
      else errors.scenario ??= `${issue.path.join('.')}: ${issue.message}`;
    }
  }
  if (!errors.deadline && !errors.startDate && form.deadline <= form.startDate) errors.deadline = 'The deadline must be after the start';
  return Object.keys(errors).length ? { input: null, errors } : { input, errors: null };
}

// ---------------------------------------------------------------------------------------------
// Overrides

/** One user decision about a workload, as the views ask for it. */
export type OverrideChange = { pinOffering: string } | { wave: number } | { exclude: true } | 'clear';

/**
 * The workload's override after a change, merged with what it already had (the API keeps one
 * override a workload and replaces it whole). Pinning brings an excluded workload back.
 */
export function mergeOverride(existing: Override | undefined, workloadId: string, change: Exclude<OverrideChange, 'clear'>): Override {
  const base: Override = { ...(existing ?? {}), workloadId };
  if ('pinOffering' in change) {
    delete base.exclude;
    return { ...base, pinOffering: change.pinOffering };
  }
  if ('wave' in change) {
    delete base.exclude;
    return { ...base, wave: change.wave };
  }
  return { ...base, exclude: true };
}

/** Short words for an override, for a badge in the workloads table. */
export function describeOverride(o: Override | undefined): string | null {
  if (!o) return null;
  const parts: string[] = [];
  if (o.exclude) parts.push('excluded');
  if (o.pinOffering) parts.push('pinned');
  if (o.wave !== undefined) parts.push(`wave ≥ ${o.wave}`);
  return parts.length ? parts.join(', ') : null;
}

/** The offerings a planned workload can be pinned to: its target and the eligible alternatives. */
export function pinChoices(w: PlanWorkload): { offering: string; eligibility: string; current: boolean }[] {
  const seen = new Set<string>();
  const out: { offering: string; eligibility: string; current: boolean }[] = [];
  if (w.target) {
    seen.add(w.target.offering);
    out.push({ offering: w.target.offering, eligibility: w.eligibility, current: true });
  }
  for (const a of w.alternatives) {
    if (seen.has(a.offering) || a.eligibility === 'not_ready') continue;
    seen.add(a.offering);
    out.push({ offering: a.offering, eligibility: a.eligibility, current: false });
  }
  return out;
}

/** Waves a planned workload can move to: any later one, up to one past the plan's last. */
export function laterWaves(w: PlanWorkload, plan: Plan): number[] {
  if (w.wave === null) return [];
  const last = Math.max(0, ...plan.waves.map((x) => x.number));
  const out: number[] = [];
  for (let n = Math.max(1, w.wave + 1); n <= last + 1; n++) out.push(n);
  return out;
}

/** "provider/model@route/region" in parts, for display. */
export function offeringParts(id: string): { provider: string; model: string; route: string; region: string } {
  const [left = '', right = ''] = id.split('@');
  const slash = left.indexOf('/');
  const rslash = right.indexOf('/');
  return {
    provider: slash >= 0 ? left.slice(0, slash) : left,
    model: slash >= 0 ? left.slice(slash + 1) : left,
    route: rslash >= 0 ? right.slice(0, rslash) : right,
    region: rslash >= 0 ? right.slice(rslash + 1) : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a plan

export interface RunRateRead {
  /** Today, every in-scope workload on the exited vendor (blocked ones too). */
  beforeAll: number;
  /** Today, the planned workloads only: the like-for-like "before". */
  beforePlanned: number;
  /** After, or null when some planned target has no price (the sum would understate it). */
  after: number | null;
  /** The priced part of the after sum, whatever is unpriced. */
  afterPriced: number;
  unpricedAfter: number;
  unpricedBefore: number;
  planned: number;
  /** Before and after over the planned workloads priced on both sides. */
  likeForLike: { count: number; before: number; after: number } | null;
}

const cents = (n: number): number => Math.round(n * 100) / 100;

export function readRunRate(plan: Plan): RunRateRead {
  const t = plan.totals;
  const planned = plan.workloads.filter((w) => w.status === 'planned');
  const priced = planned.filter((w) => w.monthlyCostBefore !== null && w.monthlyCostAfter !== null);
  return {
    beforeAll: t.monthlyCostBefore,
    beforePlanned: t.monthlyCostBeforePlanned,
    after: t.unpriced.after > 0 ? null : t.monthlyCostAfter,
    afterPriced: t.monthlyCostAfter,
    unpricedAfter: t.unpriced.after,
    unpricedBefore: t.unpriced.before,
    planned: planned.length,
    likeForLike: priced.length
      ? {
          count: priced.length,
          before: cents(priced.reduce((s, w) => s + (w.monthlyCostBefore ?? 0), 0)),
          after: cents(priced.reduce((s, w) => s + (w.monthlyCostAfter ?? 0), 0)),
        }
      : null,
  };
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => parseDay(to) - parseDay(from);

/** Counts of register entries in each cell of the 5×5 matrix: [likelihood-1][consequence-1]. */
export function heatMap(risks: RegisterEntry[]): number[][] {
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const r of risks) grid[r.likelihood - 1]![r.consequence - 1]! += 1;
  return grid;
}

export const cellLevel = (likelihood: number, consequence: number): RiskLevel => riskLevel(likelihood * consequence);

/** Register entries, highest score first (ties: higher consequence, then id). */
export function topRisks(risks: RegisterEntry[], cell: { likelihood: number; consequence: number } | null): RegisterEntry[] {
  return risks
    .filter((r) => !cell || (r.likelihood === cell.likelihood && r.consequence === cell.consequence))
    .sort((a, b) => b.score - a.score || b.consequence - a.consequence || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface CompareEntry {
  item: PlanListItem;
  /** The whole plan, when loaded (for like-for-like run-rate and unpriced counts). */
  plan: Plan | null;
}

export type CellValue = number | string | null;
export interface CompareRow {
  key: string;
  label: string;
  group: string;
  cells: { value: CellValue; sub?: string }[];
  /** How to read "best"; null when no value is better than another (e.g. strategy). */
  better: 'lower' | 'higher' | null;
  format: 'money' | 'date' | 'percent' | 'count' | 'score' | 'text' | 'confidence';
  /** Which columns hold the best value (none when all are equal or not comparable). */
  best: boolean[];
  note?: string;
}

const CONFIDENCE_RANK: Record<string, number> = { low: 1, medium: 2, high: 3 };

function markBest(row: Omit<CompareRow, 'best'>): CompareRow {
  const keyOf = (v: CellValue): number | null =>
    v === null ? null : typeof v === 'number' ? v : row.format === 'date' ? parseDay(v) : row.format === 'confidence' ? (CONFIDENCE_RANK[v] ?? null) : null;
  const keys = row.cells.map((c) => keyOf(c.value));
  const known = keys.filter((k): k is number => k !== null);
  if (!row.better || known.length < 2 || known.every((k) => k === known[0])) return { ...row, best: keys.map(() => false) };
  const target = row.better === 'lower' ? Math.min(...known) : Math.max(...known);
  return { ...row, best: keys.map((k) => k === target) };
}

/** The comparison table: one row a figure, one column a plan, the best of each row marked. */
export function compareRows(entries: CompareEntry[]): CompareRow[] {
  const rows: Omit<CompareRow, 'best'>[] = [];
  const row = (r: Omit<CompareRow, 'best' | 'cells'>, cell: (e: CompareEntry) => { value: CellValue; sub?: string }) =>
    rows.push({ ...r, cells: entries.map(cell) });
  const s = (e: CompareEntry) => e.item.summary;

  row({ key: 'strategy', label: 'Strategy', group: 'Scenario', better: null, format: 'text' }, (e) => ({
    value: s(e).strategy,
    ...(e.plan?.assignment.chosenProvider ? { sub: `all on ${e.plan.assignment.chosenProvider}` } : {}),
  }));
  row({ key: 'exit', label: 'Exit vendor', group: 'Scenario', better: null, format: 'text' }, (e) => ({ value: s(e).exitVendor }));
  row({ key: 'window', label: 'Start → deadline', group: 'Scenario', better: null, format: 'text' }, (e) => ({ value: `${s(e).startDate} → ${s(e).deadline}` }));
  row({ key: 'team', label: 'Team hours a week', group: 'Scenario', better: null, format: 'count' }, (e) => ({ value: e.plan?.scenario.teamHoursPerWeek ?? null }));

  for (const p of ['p10', 'p50', 'p90'] as const) {
    row({ key: `cost-${p}`, label: `One-time cost ${p.toUpperCase()}`, group: 'Cost', better: 'lower', format: 'money' }, (e) => ({ value: s(e).oneTimeCost[p] }));
  }
  row({ key: 'before', label: 'Run-rate before (planned workloads)', group: 'Cost', better: null, format: 'money' }, (e) => ({
    value: e.plan ? e.plan.totals.monthlyCostBeforePlanned : null,
    sub: `all in scope ${formatMoney(s(e).monthlyCostBefore)}${e.plan?.totals.unpriced.before ? `; ${e.plan.totals.unpriced.before} with no known cost, not in the sums` : ''}`,
  }));
  row({ key: 'after', label: 'Run-rate after', group: 'Cost', better: 'lower', format: 'money' }, (e) => {
    if (!e.plan) return { value: null };
    const unpriced = e.plan.totals.unpriced.after;
    return unpriced > 0
      ? { value: null, sub: `${unpriced} unpriced; priced part ${formatMoney(e.plan.totals.monthlyCostAfter)}` }
      : { value: e.plan.totals.monthlyCostAfter };
  });

  // With nothing planned there is no completion to speak of: unknown, not the start date or 0 %.
  const none = (e: CompareEntry) => s(e).counts.planned === 0;
  row({ key: 'completion-p50', label: 'Completion P50', group: 'Schedule', better: 'lower', format: 'date' }, (e) => ({ value: none(e) ? null : s(e).completion.p50 }));
  row({ key: 'completion-p90', label: 'Completion P90', group: 'Schedule', better: 'lower', format: 'date' }, (e) => ({ value: none(e) ? null : s(e).completion.p90 }));
  row({ key: 'deadline-probability', label: 'Probability of meeting the deadline', group: 'Schedule', better: 'higher', format: 'percent' }, (e) => ({
    value: none(e) ? null : s(e).deadlineProbability,
  }));
  row({ key: 'waves', label: 'Waves (incl. wave 0)', group: 'Schedule', better: null, format: 'count' }, (e) => ({ value: s(e).waves }));

  row({ key: 'planned', label: 'Planned', group: 'Scope', better: 'higher', format: 'count' }, (e) => ({ value: s(e).counts.planned }));
  row({ key: 'blocked', label: 'Blocked', group: 'Scope', better: 'lower', format: 'count' }, (e) => ({ value: s(e).counts.blocked }));
  row({ key: 'out-of-scope', label: 'Out of scope', group: 'Scope', better: null, format: 'count' }, (e) => ({ value: s(e).counts.outOfScope }));

  row({ key: 'high-risk', label: 'High-risk workloads', group: 'Risk', better: 'lower', format: 'count' }, (e) => ({ value: s(e).highRisk }));
  row({ key: 'mean-risk', label: 'Mean risk score (planned)', group: 'Risk', better: 'lower', format: 'score' }, (e) => ({
    value: s(e).counts.planned > 0 ? s(e).meanRiskScore : null,
  }));
  row({ key: 'confidence', label: 'Confidence', group: 'Risk', better: 'higher', format: 'confidence' }, (e) => ({
    value: s(e).confidence,
    ...(e.plan ? { sub: `score ${e.plan.totals.confidence.score.toFixed(2)}` } : {}),
  }));

  const marked = rows.map(markBest);
  // Sums over different scopes are not comparable: say so rather than crown one.
  const scopes = new Set(entries.map((e) => `${e.item.summary.counts.planned}/${e.item.summary.exitVendor}`));
  if (scopes.size > 1) {
    for (const r of marked) {
      if (r.group === 'Cost') r.note = 'The plans move different sets of workloads: cost sums cover different scopes.';
    }
  }
  return marked;
}
