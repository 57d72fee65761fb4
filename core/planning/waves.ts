/**
 * Phasing: waves and dates.
 *
 * Waves
 *  - Wave 0: contracts with new providers, accreditation packages, pending authorizations, policy
 *    confirmations and the gateway — everything the workload waves wait on.
 *  - Wave 1, the pilot: up to `pilotWaveSize` low-risk workloads — routine or support, ready (not
 *    conditional), depending on no other moved workload — lowest risk score first.
 *  - Then routine and support, mission essential, and mission critical workloads, in that order
 *    (critical work moves last, once the process is proven). A workload is never in an earlier
 *    wave than anything it depends on: dependency cycles (Tarjan SCCs) move as one unit, and a
 *    unit's phase is at least that of its dependencies. Phases larger than `maxWaveSize` are split
 *    in dependency order.
 *  - Overrides put a workload in a given wave; a dependency can push it later (never earlier) and
 *    dependents move with it. Each adjustment is reported.
 *
 * Dates (one engineer-hour ledger by planning week — 7 days from the start date)
 *  - migrate: the likely migration hours are booked week by week into the ledger, at most
 *    `maxHoursPerWorkloadPerWeek` per workload and never more than `teamHoursPerWeek` in total.
 *    Migration starts once the provider's contract is in place and, after the pilot, once the
 *    pilot has cut over (lessons first).
 *  - parallel run: can start when migration is done, the gateway is up, the accreditation
 *    package and any pending authorization or policy confirmation are in, and every dependency
 *    has cut over; it lasts `parallelRunDays` for the criticality, and its oversight hours are
 *    booked in the ledger for the weeks it spans.
 *  - cut-over: the first day after that run outside blackout windows, for critical workloads in
 *    a week with fewer than `maxConcurrentCriticalCutovers` critical cut-overs, and with room in
 *    the ledger for the run's oversight (else a week later). A later cut-over moves the parallel
 *    run with it, so a run always covers exactly the days just before cut-over. A dependency
 *    cycle cuts over together, on the first day that suits every member.
 *  - decommission: `rollbackWindowDays` after cut-over, also outside blackouts.
 * Within the last week of a workload's migration the finish day is prorated by its hours.
 */
import type { Criticality } from '../common/enums';
import type { Day } from './dates';
import { stronglyConnected } from './graph';

export interface ScheduleItem {
  id: string;
  criticality: Criticality;
  /** Score of the workload's highest risk before scheduling (pilot choice). */
  riskScore: number;
  ready: boolean;
  provider: string;
  migrationHours: number;
  oversightPerDay: number;
  parallelRunDays: number;
  /** Item indices this one depends on (moved workloads only). */
  dependsOn: number[];
  /** Keys of wave-0 tasks that must finish before the parallel run (accreditation, authorization, policy). */
  gates: string[];
  /** Key of the contract task that must finish before migration, or null. */
  contract: string | null;
  overrideWave: number | null;
}

export interface TaskInput {
  key: string;
  /** Likely engineer-hours (0 for calendar-only tasks). */
  hours: number;
  /** Earliest finish, days after the start (lead time). */
  leadDays: number;
  /** Another task that must finish first, or null. */
  after: string | null;
}

export interface ScheduledTask {
  key: string;
  start: Day;
  end: Day;
}

export interface WaveInfo {
  number: number;
  name: string;
  start: Day;
  /** Last migration finish in the wave (Monte Carlo: where extra hours land). */
  migrationEnd: Day;
  /** Last cut-over in the wave. */
  end: Day;
  items: number[];
}

export interface Schedule {
  wave: number[];
  migrateStart: Day[];
  migrationEnd: Day[];
  parallelRunStart: Day[];
  cutover: Day[];
  decommission: Day[];
  /** Size of the item's dependency cycle (1 = none). */
  cycleSize: number[];
  tasks: ScheduledTask[];
  waves: WaveInfo[];
  /** Wave 0's end: every task done. */
  wave0End: Day;
  /** Engineer-hours booked per planning week. */
  ledger: number[];
  /** Share of the weeks up to the last cut-over in which the team was fully booked (≥ 95 %). */
  bindingShare: number;
  warnings: string[];
}

export interface ScheduleParams {
  startDay: Day;
  teamHoursPerWeek: number;
  maxHoursPerWorkloadPerWeek: number;
  maxConcurrentCriticalCutovers: number;
  pilotWaveSize: number;
  maxWaveSize: number;
  rollbackWindowDays: number;
  blackouts: { start: Day; end: Day }[];
}

const EPS = 1e-9;
const TIER_OF: Record<Criticality, number> = { routine: 0, support: 0, essential: 1, critical: 2 };
const TIER_NAMES = ['Routine and support', 'Mission essential', 'Mission critical'];

/** The weekly engineer-hour ledger, with a union-find "next week with room" for speed. */
class Ledger {
  readonly hours: number[] = [];
  private readonly next: number[] = [];
  constructor(
    private readonly cap: number,
    private readonly perItem: number,
  ) {}
  private ensure(w: number): void {
    while (this.hours.length <= w) {
      this.next.push(this.hours.length);
      this.hours.push(0);
    }
  }
  /** First week ≥ w that is not full. */
  open(w: number): number {
    this.ensure(w);
    let r = w;
    while (this.next[r] !== r) {
      r = this.next[r]!;
      this.ensure(r);
    }
    // path compression
    let x = w;
    while (this.next[x] !== r) {
      const n = this.next[x]!;
      this.next[x] = r;
      x = n;
    }
    return r;
  }
  room(w: number): number {
    this.ensure(w);
    return Math.max(0, this.cap - this.hours[w]!);
  }
  book(w: number, h: number): void {
    this.ensure(w);
    this.hours[w] = this.hours[w]! + h;
    if (this.hours[w]! >= this.cap - EPS) {
      this.ensure(w + 1);
      this.next[w] = w + 1;
    }
  }
  /** Book `hours` from week `from`, at most perItem a week. Returns first/last week and last week's hours. */
  bookWork(from: number, hours: number): { first: number; last: number; lastHours: number } | null {
    let remaining = hours;
    let w = from;
    let first = -1;
    let last = -1;
    let lastHours = 0;
    while (remaining > EPS) {
      w = this.open(w);
      const take = Math.min(this.room(w), this.perItem, remaining);
      this.book(w, take);
      remaining -= take;
      if (first === -1) first = w;
      last = w;
      lastHours = take;
      w++;
    }
    return first === -1 ? null : { first, last, lastHours };
  }
}

export function schedule(items: readonly ScheduleItem[], tasks: readonly TaskInput[], p: ScheduleParams): Schedule {
  const n = items.length;
  const warnings: string[] = [];
  const perItem = Math.min(p.maxHoursPerWorkloadPerWeek, p.teamHoursPerWeek);
  const ledger = new Ledger(p.teamHoursPerWeek, perItem);
  const weekOf = (d: Day): number => Math.max(0, Math.floor((d - p.startDay) / 7));
  const weekStart = (w: number): Day => p.startDay + 7 * w;

  // ---- Wave 0 tasks: booked first, in the order given.
  const taskEnd = new Map<string, Day>();
  const scheduledTasks: ScheduledTask[] = [];
  for (const t of tasks) {
    const earliest = t.after ? (taskEnd.get(t.after) ?? p.startDay) : p.startDay;
    let end = Math.max(p.startDay + t.leadDays, earliest);
    let start = t.after && t.hours === 0 ? earliest : p.startDay;
    if (t.hours > 0) {
      const booked = ledger.bookWork(weekOf(earliest), t.hours)!;
      start = Math.max(earliest, weekStart(booked.first));
      end = Math.max(end, weekStart(booked.last) + Math.max(1, Math.ceil((7 * booked.lastHours) / perItem)));
    }
    taskEnd.set(t.key, end);
    scheduledTasks.push({ key: t.key, start, end });
  }
  const wave0End = scheduledTasks.reduce((m, t) => Math.max(m, t.end), p.startDay);

  // ---- Waves
  const edges = items.map((it) => it.dependsOn);
  const { componentOf, members } = stronglyConnected(n, edges);
  const compCount = members.length;
  const compDeps: number[][] = members.map((ms, c) => {
    const set = new Set<number>();
    for (const m of ms) for (const d of items[m]!.dependsOn) if (componentOf[d] !== c) set.add(componentOf[d]!);
    return [...set].sort((a, b) => a - b);
  });
  // Tier: at least each member's own, and at least each dependency's.
  const tier = new Int32Array(compCount);
  for (let c = 0; c < compCount; c++) {
    let t = 0;
    for (const m of members[c]!) t = Math.max(t, TIER_OF[items[m]!.criticality]);
    for (const d of compDeps[c]!) t = Math.max(t, tier[d]!);
    tier[c] = t;
  }

  // Pilot: singleton sources, routine/support, ready, no override to another wave.
  const pilotCandidates: number[] = [];
  for (let c = 0; c < compCount; c++) {
    const ms = members[c]!;
    if (ms.length !== 1) continue;
    const it = items[ms[0]!]!;
    if (it.dependsOn.length > 0 || TIER_OF[it.criticality] !== 0 || !it.ready) continue;
    if (it.overrideWave !== null && it.overrideWave !== 1) continue;
    pilotCandidates.push(c);
  }
  const critRank = (c: Criticality): number => (c === 'routine' ? 0 : c === 'support' ? 1 : c === 'essential' ? 2 : 3);
  pilotCandidates.sort((a, b) => {
    const x = items[members[a]![0]!]!;
    const y = items[members[b]![0]!]!;
    return x.riskScore - y.riskScore || critRank(x.criticality) - critRank(y.criticality) || x.migrationHours - y.migrationHours || a - b;
  });
  const pilot = new Set(pilotCandidates.slice(0, p.pilotWaveSize));
  if (n > 0 && p.pilotWaveSize > 0 && pilot.size === 0) {
    warnings.push('No workload qualifies for a low-risk pilot (routine or support, ready, with no dependencies): the plan starts without a pilot wave.');
  }

  // Base waves: pilot = 1, then each tier in dependency order, split by maxWaveSize.
  const baseWave = new Int32Array(compCount);
  const waveNames = new Map<number, string>();
  let nextWave = 1;
  if (pilot.size > 0) {
    waveNames.set(1, 'Pilot');
    nextWave = 2;
    for (const c of pilot) baseWave[c] = 1;
  }
  for (let t = 0; t < 3; t++) {
    const comps: number[] = [];
    for (let c = 0; c < compCount; c++) if (!pilot.has(c) && tier[c] === t) comps.push(c);
    if (comps.length === 0) continue;
    const chunks: number[][] = [[]];
    let size = 0;
    for (const c of comps) {
      const m = members[c]!.length;
      if (size > 0 && size + m > p.maxWaveSize) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]!.push(c);
      size += m;
    }
    chunks.forEach((chunk, i) => {
      const number = nextWave++;
      waveNames.set(number, chunks.length > 1 ? `${TIER_NAMES[t]} (part ${i + 1} of ${chunks.length})` : TIER_NAMES[t]!);
      for (const c of chunk) baseWave[c] = number;
    });
  }

  // Overrides, then dependencies: a unit is never before any of its dependencies.
  const compWave = new Int32Array(compCount);
  let pushed = 0;
  for (let c = 0; c < compCount; c++) {
    let requested: number | null = null;
    for (const m of members[c]!) {
      const o = items[m]!.overrideWave;
      if (o !== null) requested = Math.max(requested ?? 0, o);
    }
    let w = requested ?? baseWave[c]!;
    let blocker: number | null = null;
    for (const d of compDeps[c]!) {
      if (compWave[d]! > w) {
        w = compWave[d]!;
        blocker = d;
      }
    }
    if (requested !== null && w > requested) {
      const dep = items[members[blocker!]![0]!]!;
      warnings.push(
        `Override: ${members[c]!.map((m) => items[m]!.id).join(', ')} kept in wave ${w}, not ${requested}, because it depends on ${dep.id} in wave ${w}.`,
      );
    } else if (requested === null && w > baseWave[c]!) pushed++;
    if (requested !== null && members[c]!.length > 1) {
      warnings.push(`Override: the dependency cycle ${members[c]!.map((m) => items[m]!.id).join(', ')} moves together to wave ${w}.`);
    }
    compWave[c] = w;
    if (!waveNames.has(w)) waveNames.set(w, 'Set by override');
  }
  if (pushed > 0) warnings.push(`${pushed} workload group(s) moved to a later wave to stay with or after dependencies moved by overrides.`);

  // ---- Dates, in wave order then dependency order.
  const order = Array.from({ length: compCount }, (_, c) => c).sort((a, b) => compWave[a]! - compWave[b]! || a - b);
  const wave = new Array<number>(n).fill(0);
  const migrateStart = new Array<Day>(n).fill(0);
  const migrationEnd = new Array<Day>(n).fill(0);
  const parallelRunStart = new Array<Day>(n).fill(0);
  const cutover = new Array<Day>(n).fill(0);
  const decommission = new Array<Day>(n).fill(0);
  const cycleSize = new Array<number>(n).fill(1);
  const criticalInWeek: number[] = [];
  const criticalDelayed = { count: 0, days: 0 };
  const pilotWave = pilot.size > 0 ? 1 : null;
  let pilotEnd: Day | null = null;
  const gatewayEnd = taskEnd.get('gateway') ?? p.startDay;

  const outOfBlackout = (d: Day): Day => {
    for (const b of p.blackouts) if (d >= b.start && d <= b.end) d = b.end + 1;
    return d;
  };

  for (const c of order) {
    const w = compWave[c]!;
    if (pilotWave !== null && w > pilotWave && pilotEnd === null) {
      // Every pilot item precedes the first later-wave item in `order`.
      pilotEnd = p.startDay;
      for (let i = 0; i < n; i++) if (wave[i] === pilotWave) pilotEnd = Math.max(pilotEnd, cutover[i]!);
    }
    const ms = members[c]!;
    let natural = p.startDay;
    let groupCritical = 0;
    for (const i of ms) {
      const it = items[i]!;
      wave[i] = w;
      cycleSize[i] = ms.length;
      let t0 = p.startDay;
      if (it.contract) t0 = Math.max(t0, taskEnd.get(it.contract) ?? p.startDay);
      if (pilotEnd !== null && w > pilotWave!) t0 = Math.max(t0, pilotEnd);

      const booked = ledger.bookWork(weekOf(t0), it.migrationHours);
      if (booked) {
        migrateStart[i] = Math.max(t0, weekStart(booked.first));
        const finish =
          booked.first === booked.last
            ? migrateStart[i]! + Math.ceil((7 * booked.lastHours) / perItem)
            : weekStart(booked.last) + Math.ceil((7 * booked.lastHours) / perItem);
        migrationEnd[i] = Math.max(migrateStart[i]! + 1, finish);
      } else {
        migrateStart[i] = t0;
        migrationEnd[i] = t0;
      }
      // Earliest parallel-run start: migrated, gateway up, wave-0 gates in, dependencies cut over.
      let prs = Math.max(migrationEnd[i]!, gatewayEnd);
      for (const g of it.gates) prs = Math.max(prs, taskEnd.get(g) ?? p.startDay);
      for (const d of it.dependsOn) if (componentOf[d] !== c) prs = Math.max(prs, cutover[d]!);
      natural = Math.max(natural, prs + it.parallelRunDays);
      if (it.criticality === 'critical') groupCritical++;
    }

    // Cut-over: the first day ≥ `natural` outside blackouts, in a week with room for the group's
    // critical cut-overs, and such that every member's parallel run — the days just before it —
    // fits the ledger. A later cut-over moves the parallel runs with it (never longer runs).
    let target = natural;
    let d = natural;
    let capDelayed = false;
    for (let guard = 0; ; guard++) {
      d = outOfBlackout(target);
      if (groupCritical > 0) {
        let wk = weekOf(d);
        // A cycle with more critical members than the cap cuts over alone in an empty week.
        while (!((criticalInWeek[wk] ?? 0) + groupCritical <= p.maxConcurrentCriticalCutovers || ((criticalInWeek[wk] ?? 0) === 0 && groupCritical > p.maxConcurrentCriticalCutovers))) {
          wk++;
          capDelayed = true;
        }
        if (wk !== weekOf(d)) {
          target = weekStart(wk);
          continue; // re-check blackouts from the new week
        }
      }
      const needs = ms.map((i) => oversightNeeds(d - items[i]!.parallelRunDays, items[i]!, weekOf));
      const fit = oversightFits(ledger, needs, p.maxHoursPerWorkloadPerWeek, p.teamHoursPerWeek);
      if (fit === 'fits') {
        for (const need of needs) for (const [wk, h] of need) ledger.book(wk, h);
        break;
      }
      if (fit === 'never' || guard > 5200) {
        warnings.push(
          `Parallel-run oversight for ${ms.map((i) => items[i]!.id).join(', ')} can never fit the weekly limits (team or per workload); it is scheduled without booking it.`,
        );
        break;
      }
      target = d + 7;
    }
    if (capDelayed) {
      criticalDelayed.count += groupCritical;
      criticalDelayed.days += d - outOfBlackout(natural);
    }
    if (groupCritical > 0) {
      const wk = weekOf(d);
      criticalInWeek[wk] = (criticalInWeek[wk] ?? 0) + groupCritical;
      if (groupCritical > p.maxConcurrentCriticalCutovers) {
        warnings.push(
          `The dependency cycle ${ms.map((m) => items[m]!.id).join(', ')} has ${groupCritical} critical workloads that must cut over together, more than the ${p.maxConcurrentCriticalCutovers} allowed at once.`,
        );
      }
    }
    ms.forEach((i) => {
      parallelRunStart[i] = d - items[i]!.parallelRunDays;
      cutover[i] = d;
      decommission[i] = outOfBlackout(d + p.rollbackWindowDays);
    });
  }
  if (criticalDelayed.count > 0) {
    warnings.push(
      `${criticalDelayed.count} critical cut-over(s) waited for a slot under the limit of ${p.maxConcurrentCriticalCutovers} a week (${Math.round(criticalDelayed.days / criticalDelayed.count)} days on average); raise maxConcurrentCriticalCutovers to finish sooner.`,
    );
  }

  // ---- Waves summary
  const byWave = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let list = byWave.get(wave[i]!);
    if (!list) byWave.set(wave[i]!, (list = []));
    list.push(i);
  }
  const waves: WaveInfo[] = [...byWave.keys()]
    .sort((a, b) => a - b)
    .map((number) => {
      const its = byWave.get(number)!;
      let start = Infinity;
      let mEnd = -Infinity;
      let end = -Infinity;
      for (const i of its) {
        start = Math.min(start, migrateStart[i]!);
        mEnd = Math.max(mEnd, migrationEnd[i]!);
        end = Math.max(end, cutover[i]!);
      }
      return { number, name: waveNames.get(number) ?? `Wave ${number}`, start, migrationEnd: mEnd, end, items: its };
    });

  const lastCutover = n > 0 ? Math.max(...waves.map((w) => w.end)) : wave0End;
  const lastWeek = weekOf(Math.max(lastCutover - 1, p.startDay));
  let full = 0;
  for (let wk = 0; wk <= lastWeek; wk++) if ((ledger.hours[wk] ?? 0) >= 0.95 * p.teamHoursPerWeek) full++;

  return {
    wave,
    migrateStart,
    migrationEnd,
    parallelRunStart,
    cutover,
    decommission,
    cycleSize,
    tasks: scheduledTasks,
    waves,
    wave0End,
    ledger: ledger.hours,
    bindingShare: full / (lastWeek + 1),
    warnings,
  };
}

/** Oversight hours a parallel run starting on `start` needs, by planning week. */
function oversightNeeds(start: Day, it: ScheduleItem, weekOf: (d: Day) => number): Map<number, number> {
  const need = new Map<number, number>();
  if (it.oversightPerDay <= 0) return need;
  for (let d = start; d < start + it.parallelRunDays; d++) need.set(weekOf(d), (need.get(weekOf(d)) ?? 0) + it.oversightPerDay);
  return need;
}

/**
 * Whether these runs fit together in the ledger now ('fits'), not now ('full'), or never — a run
 * needs more in a week than one workload may take or the whole team has ('never').
 */
function oversightFits(ledger: Ledger, needs: readonly Map<number, number>[], perWorkload: number, team: number): 'fits' | 'full' | 'never' {
  const total = new Map<number, number>();
  for (const need of needs) {
    for (const [wk, h] of need) {
      if (h > perWorkload + EPS) return 'never';
      total.set(wk, (total.get(wk) ?? 0) + h);
    }
  }
  let result: 'fits' | 'full' = 'fits';
  for (const [wk, h] of total) {
    if (h > team + EPS) return 'never';
    if (h > ledger.room(wk) + EPS) result = 'full';
  }
  return result;
}
