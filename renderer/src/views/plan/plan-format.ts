/** Words and number formats of the plan views (the shared ones are in ../../format). */

const PLAN_LABELS: Record<string, string> = {
  planned: 'Planned',
  blocked: 'Blocked',
  out_of_scope: 'Out of scope',
  ready: 'Ready',
  conditional: 'Conditional',
  not_ready: 'Not ready',
  'best-fit': 'Best fit per workload',
  'single-provider': 'Single provider',
  diversified: 'Diversified',
  capability_gap: 'Capability gap',
  accreditation: 'Accreditation',
  schedule: 'Schedule',
  dependency_fan_in: 'Dependency fan-in',
  data_quality: 'Data quality',
  operational: 'Operational',
  concentration: 'Concentration',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  medium: 'Medium',
  gateway: 'Gateway',
  contract: 'Contract',
  authorization: 'Authorization',
  policy_confirmation: 'Policy confirmation',
};

export const planLabel = (value: string | null | undefined): string =>
  value === null || value === undefined ? '—' : (PLAN_LABELS[value] ?? value);

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
export const formatPercent = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : percent.format(n));

/** A date as the plan states it, or — when unknown. */
export const formatDate = (iso: string | null | undefined): string => iso ?? '—';

/** "2026-11-28 16:20" in local time, from an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatHours = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${hours.format(n)} h`);

/** A date against the deadline, in words. */
export function relativeToDeadline(days: number): string {
  if (days === 0) return 'on the deadline';
  return days > 0 ? `${days} days late` : `${-days} days early`;
}
