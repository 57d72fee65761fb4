/**
 * Calendar arithmetic on whole UTC days. The engine never reads the clock: every date comes from
 * the scenario, so the same inputs give the same plan on any machine and in any time zone.
 */

/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function parseDay(iso: string): Day {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

const formatted = new Map<Day, string>();

/** YYYY-MM-DD; memoised (a 20,000-workload plan formats the same few hundred days 100,000 times). */
export function formatDay(day: Day): string {
  let s = formatted.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 100_000) formatted.set(day, s);
  }
  return s;
}

export function addDays(iso: string, days: number): string {
  return formatDay(parseDay(iso) + days);
}
