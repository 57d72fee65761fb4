/**
 * Monte Carlo over the three-point estimates: P10/P50/P90 of one-time cost (plan and per workload)
 * and of the completion date, and the probability of finishing by the deadline.
 *
 * Model
 *  - Distribution: triangular(min, likely, max) per driver (random.ts says why).
 *  - Correlation: each driver's per-unit hours are drawn ONCE per iteration and shared by every
 *    workload. Estimating error is systematic — if prompt porting takes longer than thought, it
 *    does for every prompt — and independent per-workload draws would average out over thousands
 *    of workloads into a falsely narrow range. Drivers are independent of each other. Unknown
 *    counts (prompt templates, tool schemas) are likewise one draw per iteration.
 *  - One-time cost = loaded labour rate × hours; hours are a dot product of each workload's
 *    coefficients (effort.ts) with the iteration's draws, so any total is a dot product too.
 *
 * Completion approximation (no per-iteration re-scheduling: that would be 2,000 × 10,000 list
 * schedules). The deterministic schedule is built with likely hours. In an iteration, wave k's last
 * cut-over moves from its planned date by the larger of
 *  - labour slip: b × (extra hours of wave 0 and waves 1…k over their likely hours) ÷ weekly team
 *    hours × 7 days, where b is the share of planned weeks in which the team was fully booked
 *    (extra work delays cut-overs only to the extent capacity is the bottleneck; with b = 0 the
 *    plan is driven by lead times and parallel runs and absorbs it). Never earlier than by the
 *    wave's planned migration window (parallel runs do not shrink);
 *  - contract slip: for waves with workloads on newly contracted providers, how far the drawn
 *    contract lead time lands after the wave's planned start.
 * The completion date is the latest wave's moved cut-over.
 */
import type { Day } from './dates';
import { COL, COLUMNS, type Hours, WORKLOAD_COLUMN_COUNT } from './effort';
import { createRng, selectPercentiles, triangular } from './random';

export interface SimulationWave {
  start: Day;
  migrationEnd: Day;
  end: Day;
  /** Sum of the coefficients of the wave's workloads (first WORKLOAD_COLUMN_COUNT columns). */
  coef: Float64Array;
  newProvider: boolean;
}

export interface SimulationInput {
  iterations: number;
  seed: number;
  rate: number;
  teamHoursPerWeek: number;
  columns: readonly Hours[];
  contractLeadDays: Hours;
  /** Counts assumed when the inventory does not state them (drawn once per iteration). */
  unknownPromptTemplates: Hours;
  unknownToolSchemas: Hours;
  /** Coefficients of each planned workload. */
  workloadCoef: readonly Float64Array[];
  /** Counts of the shared drivers over all COLUMNS (zeros in the workload columns). */
  sharedCoef: Float64Array;
  waves: readonly SimulationWave[];
  startDay: Day;
  deadlineDay: Day;
  bindingShare: number;
  onProgress?: (done: number, total: number) => void;
  checkAbort?: () => void;
}

export interface P3 {
  p10: number;
  p50: number;
  p90: number;
}

export interface SimulationResult {
  /** USD */
  oneTimeCost: P3;
  /** Engineer-hours */
  hours: P3;
  /** Days */
  completion: P3;
  deadlineProbability: number;
  /** USD per planned workload (its own work; shared work is in the plan total only). */
  workloadCost: P3[];
}

const PS = [0.1, 0.5, 0.9] as const;

export function simulate(input: SimulationInput): SimulationResult {
  const N = input.iterations;
  const C = COLUMNS.length;
  const rng = createRng(input.seed);
  const cols = input.columns;

  // Draws, column-major. Order of draws per iteration is fixed: the base drivers in column order
  // (unknown-count columns draw their count), then the contract lead time.
  const Y = COLUMNS.map(() => new Float64Array(N));
  const lead = new Float64Array(N);
  const perUnit = (j: number, u: number): number => triangular(u, cols[j]!.min, cols[j]!.likely, cols[j]!.max);
  const promptCount = input.unknownPromptTemplates;
  const toolCount = input.unknownToolSchemas;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < C; j++) {
      const u = rng();
      if (j === COL.prompt_templates_unknown) Y[j]![i] = Y[COL.prompt_templates]![i]! * triangular(u, promptCount.min, promptCount.likely, promptCount.max);
      else if (j === COL.tool_schemas_unknown) Y[j]![i] = Y[COL.tool_schemas]![i]! * triangular(u, toolCount.min, toolCount.likely, toolCount.max);
      else Y[j]![i] = perUnit(j, u);
    }
    const l = input.contractLeadDays;
    lead[i] = triangular(rng(), l.min, l.likely, l.max);
  }

  // Totals per iteration.
  const total = new Float64Array(C);
  for (const c of input.workloadCoef) for (let j = 0; j < WORKLOAD_COLUMN_COUNT; j++) total[j]! += c[j]!;
  for (let j = 0; j < C; j++) total[j]! += input.sharedCoef[j]!;
  const hours = new Float64Array(N);
  for (let j = 0; j < C; j++) {
    const a = total[j]!;
    if (a === 0) continue;
    const y = Y[j]!;
    for (let i = 0; i < N; i++) hours[i]! += a * y[i]!;
  }

  // Completion per iteration.
  const likely = cols.map((c) => c.likely);
  const completion = new Float64Array(N);
  const sharedExtra = new Float64Array(N);
  for (let j = 0; j < C; j++) {
    const a = input.sharedCoef[j]!;
    if (a === 0) continue;
    for (let i = 0; i < N; i++) sharedExtra[i]! += a * (Y[j]![i]! - likely[j]!);
  }
  const cumulative = Float64Array.from(sharedExtra);
  const daysPerHour = (input.bindingShare * 7) / input.teamHoursPerWeek;
  completion.fill(input.waves.length === 0 ? input.startDay : -Infinity);
  for (const w of input.waves) {
    for (let j = 0; j < WORKLOAD_COLUMN_COUNT; j++) {
      const a = w.coef[j]!;
      if (a === 0) continue;
      const y = Y[j]!;
      const l = likely[j]!;
      for (let i = 0; i < N; i++) cumulative[i]! += a * (y[i]! - l);
    }
    const floor = -(w.migrationEnd - w.start);
    for (let i = 0; i < N; i++) {
      const labour = Math.max(floor, cumulative[i]! * daysPerHour);
      const gate = w.newProvider ? Math.max(0, input.startDay + lead[i]! - w.start) : 0;
      const done = w.end + Math.max(labour, gate);
      if (done > completion[i]!) completion[i] = done;
    }
  }
  input.checkAbort?.();

  const cost = hours.map((h) => h * input.rate);
  const [c10, c50, c90] = selectPercentiles(Float64Array.from(cost), PS);
  const [h10, h50, h90] = selectPercentiles(Float64Array.from(hours), PS);
  let onTime = 0;
  for (let i = 0; i < N; i++) if (Math.ceil(completion[i]! - 1e-9) <= input.deadlineDay) onTime++;
  const [d10, d50, d90] = selectPercentiles(Float64Array.from(completion, (d) => Math.ceil(d - 1e-9)), PS);

  // Per workload: the same draws, its own coefficients. Identical coefficient vectors share a result.
  const buf = new Float64Array(N);
  if (WORKLOAD_COLUMN_COUNT !== 8) throw new Error('simulate: the unrolled loop below expects 8 workload columns');
  const [y0, y1, y2, y3, y4, y5, y6, y7] = Y as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const memo = new Map<string, P3>();
  const workloadCost: P3[] = [];
  const W = input.workloadCoef.length;
  const step = Math.max(1, Math.ceil(W / 20));
  for (let k = 0; k < W; k++) {
    const c = input.workloadCoef[k]!;
    const key = Array.prototype.join.call(c, ',');
    let r = memo.get(key);
    if (!r) {
      // One pass over the iterations with all eight columns (zeros included): cheaper than a
      // pass per non-zero column for the JIT, and allocation-free.
      const [a0, a1, a2, a3, a4, a5, a6, a7] = c as unknown as number[];
      for (let i = 0; i < N; i++) {
        buf[i] = a0! * y0[i]! + a1! * y1[i]! + a2! * y2[i]! + a3! * y3[i]! + a4! * y4[i]! + a5! * y5[i]! + a6! * y6[i]! + a7! * y7[i]!;
      }
      const [p10, p50, p90] = selectPercentiles(buf, PS);
      r = { p10: p10! * input.rate, p50: p50! * input.rate, p90: p90! * input.rate };
      memo.set(key, r);
    }
    workloadCost.push(r);
    if ((k + 1) % step === 0 || k + 1 === W) {
      input.checkAbort?.();
      input.onProgress?.(k + 1, W);
    }
  }

  return {
    oneTimeCost: { p10: c10!, p50: c50!, p90: c90! },
    hours: { p10: h10!, p50: h50!, p90: h90! },
    completion: { p10: d10!, p50: d50!, p90: d90! },
    deadlineProbability: onTime / N,
    workloadCost,
  };
}
