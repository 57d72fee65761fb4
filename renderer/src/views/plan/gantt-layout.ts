/**
 * Lays out the waves Gantt: a time axis from the plan's start to the later of its last date and
 * the deadline, one row a wave, wave 0's tasks, and each planned workload's migrate → parallel
 * run → cut-over (→ rollback window) under its wave. Pure geometry; GanttChart draws it.
 */
import type { Plan, WaveTask } from '../../../../core/planning/plan-schema';
import { parseDay } from '../../../../core/planning/dates';
import { offeringParts } from '../../store/plan-model';

export const GANTT = { width: 1040, label: 250, row: 18, axis: 34, pad: 8 } as const;

/** Beyond this many planned workloads, rows are per wave only (the table has every date). */
export const MAX_WORKLOAD_ROWS = 150;

export type GanttRow =
  | { kind: 'wave'; y: number; number: number; name: string; x1: number; x2: number; start: string; end: string; count: number }
  | { kind: 'task'; y: number; title: string; short: string; x1: number; x2: number; start: string; end: string }
  | {
      kind: 'workload';
      y: number;
      id: string;
      name: string;
      /** migrate start, parallel-run start, cut-over, decommission (x). */
      xs: [number, number, number, number | null];
      dates: { migrateStart: string; parallelRunStart: string; cutover: string; decommission: string | null };
      late: boolean;
    };

export interface GanttLayout {
  rows: GanttRow[];
  height: number;
  ticks: { x: number; label: string; year: boolean }[];
  deadline: { x: number; date: string };
  completion: { x: number; date: string } | null;
  workloadRowsShown: boolean;
  plannedCount: number;
}

const LEVEL: Record<string, string> = { unclassified: 'U', cui: 'CUI', secret: 'S', top_secret: 'TS' };

/** A wave-0 task in a few words that keep what tells it apart (the full title is its tooltip). */
export function shortTask(task: WaveTask): string {
  const model = task.offering ? offeringParts(task.offering) : null;
  const where = model ? `${model.model} · ${model.region}` : (task.provider ?? '');
  const level = task.level ? `${LEVEL[task.level] ?? task.level} ` : '';
  switch (task.kind) {
    case 'gateway':
      return 'Model gateway';
    case 'contract':
      return `Contract · ${task.provider ?? ''}`;
    case 'accreditation':
      return `Accreditation ${level}· ${where}`;
    case 'authorization':
      return `Authorization ${level}· ${where}`;
    case 'policy_confirmation':
      return `Policy confirmation · ${task.provider ?? where}`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function layoutGantt(plan: Plan): GanttLayout {
  const planned = plan.workloads.filter((w) => w.status === 'planned' && w.dates.migrateStart && w.dates.parallelRunStart && w.dates.cutover);
  const days: number[] = [parseDay(plan.scenario.startDate), parseDay(plan.scenario.deadline)];
  for (const w of plan.waves) days.push(parseDay(w.start), parseDay(w.end));
  for (const w of planned) for (const d of Object.values(w.dates)) if (d) days.push(parseDay(d));
  if (planned.length) days.push(parseDay(plan.totals.completion.p90));
  const first = Math.min(...days);
  const last = Math.max(...days) + 7;
  const span = Math.max(1, last - first);
  const plotWidth = GANTT.width - GANTT.label - GANTT.pad;
  const x = (iso: string): number => GANTT.label + ((parseDay(iso) - first) / span) * plotWidth;

  const showWorkloads = planned.length <= MAX_WORKLOAD_ROWS;
  const byId = new Map(planned.map((w) => [w.id, w]));
  const deadlineDay = parseDay(plan.scenario.deadline);
  const rows: GanttRow[] = [];
  let y = GANTT.axis;
  for (const wave of [...plan.waves].sort((a, b) => a.number - b.number)) {
    rows.push({ kind: 'wave', y, number: wave.number, name: wave.name, x1: x(wave.start), x2: x(wave.end), start: wave.start, end: wave.end, count: wave.workloadIds.length });
    y += GANTT.row + 2;
    for (const task of wave.tasks) {
      rows.push({ kind: 'task', y, title: task.title, short: shortTask(task), x1: x(task.start), x2: x(task.end), start: task.start, end: task.end });
      y += GANTT.row;
    }
    if (!showWorkloads) continue;
    const members = wave.workloadIds
      .map((id) => byId.get(id))
      .filter((w) => w !== undefined)
      .sort((a, b) => (a.dates.migrateStart! < b.dates.migrateStart! ? -1 : a.dates.migrateStart! > b.dates.migrateStart! ? 1 : a.id.localeCompare(b.id)));
    for (const w of members) {
      const d = w.dates;
      rows.push({
        kind: 'workload',
        y,
        id: w.id,
        name: w.name,
        xs: [x(d.migrateStart!), x(d.parallelRunStart!), x(d.cutover!), d.decommission ? x(d.decommission) : null],
        dates: { migrateStart: d.migrateStart!, parallelRunStart: d.parallelRunStart!, cutover: d.cutover!, decommission: d.decommission },
        late: parseDay(d.cutover!) > deadlineDay,
      });
      y += GANTT.row;
    }
    y += 4;
  }

  const ticks: GanttLayout['ticks'] = [];
  const firstDate = new Date(first * 86_400_000);
  let year = firstDate.getUTCFullYear();
  let month = firstDate.getUTCMonth() + 1;
  if (month === 12) {
    month = 0;
    year += 1;
  }
  for (;;) {
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    if (parseDay(iso) > last) break;
    const withYear = month === 0 || ticks.length === 0;
    ticks.push({ x: x(iso), label: withYear ? `${MONTHS[month]} ${year}` : MONTHS[month]!, year: month === 0 });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }

  return {
    rows,
    // Room at the foot for the completion line's label.
    height: y + GANTT.pad + 16,
    ticks,
    deadline: { x: x(plan.scenario.deadline), date: plan.scenario.deadline },
    completion: planned.length ? { x: x(plan.totals.completion.p50), date: plan.totals.completion.p50 } : null,
    workloadRowsShown: showWorkloads,
    plannedCount: planned.length,
  };
}
