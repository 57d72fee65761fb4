/**
 * The diversified assignment as a mixed-integer program, solved with HiGHS (WebAssembly).
 *
 *   maximise   Σ score[g,p] · x[g,p]  −  Ms · Σ s[p]  −  Mz · z
 *   subject to Σ_p x[g,p] = size[g]                      (every workload of group g gets one provider)
 *              Σ_g x[g,p] − s[p] ≤ limit − pinned[p]     (the cap, softened by slack s[p] ≥ 0)
 *              s[p] − z ≤ 0                               (z = the largest excess over the cap)
 *              x[g,p] ∈ {0, …, size[g]} integer, only where provider p can take group g
 *
 * g groups workloads whose best score per provider is identical (they are interchangeable, so one
 * integer per provider replaces one binary per workload). The penalties are lexicographic: one
 * workload of excess (Ms = n + 1) outweighs every score (each in [0, 1]), and one more of the
 * largest excess (Mz = Ms · (n + 1)) outweighs any total excess — so the cap is exceeded only when
 * it cannot be met, then spread as evenly as possible, then by as little as possible in total.
 * Without the z rows the matrix is a transportation problem's (LP relaxation already integral).
 */

/** The part of the `highs` package API used here (highs' `solve(lpText, options)`). */
export interface MipSolver {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal?: number }> };
}

let loading: Promise<MipSolver> | null = null;

/** Loads HiGHS once per process (it is async: the WebAssembly module is compiled on first use). */
export function loadHighsSolver(): Promise<MipSolver> {
  loading ??= import('highs').then(async (m) => (await m.default()) as unknown as MipSolver);
  return loading;
}


/**
 * Returns the provider index chosen for each row, or null when the solver reports no optimum.
 * rows[i][p] = best score of workload i on provider p, null = provider cannot take it.
 */
export function solveCapAssignment(
  rows: readonly (readonly (number | null)[])[],
  providers: readonly string[],
  limit: number,
  pinned: Readonly<Record<string, number>>,
  solver: MipSolver,
): number[] | null {
  // Group identical rows (first occurrence order, so the answer is deterministic).
  const groupIndex = new Map<string, number>();
  const groups: { row: readonly (number | null)[]; members: number[] }[] = [];
  rows.forEach((row, i) => {
    const key = row.map((s) => (s === null ? '-' : String(s))).join('|');
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(key, g);
      groups.push({ row, members: [] });
    }
    groups[g]!.members.push(i);
  });

  // Terms are "coef name"; written eight to a line (the LP reader limits line length).
  const objective: string[] = [];
  const constraints: { name: string; terms: string[]; sense: '=' | '<='; rhs: number }[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  const capTerms: string[][] = providers.map(() => []);
  groups.forEach((g, gi) => {
    const terms: string[] = [];
    g.row.forEach((s, p) => {
      if (s === null) return;
      const v = `x${gi}_${p}`;
      objective.push(`+ ${s.toFixed(9)} ${v}`);
      terms.push(`+ ${v}`);
      capTerms[p]!.push(`+ ${v}`);
      bounds.push(`0 <= ${v} <= ${g.members.length}`);
      generals.push(v);
    });
    if (terms.length === 0) throw new Error(`group ${gi} has no provider`);
    constraints.push({ name: `g${gi}`, terms, sense: '=', rhs: g.members.length });
  });
  const slackPenalty = rows.length + 1;
  const maxPenalty = slackPenalty * (rows.length + 1);
  objective.push(`- ${maxPenalty} z`);
  bounds.push('z >= 0');
  providers.forEach((p, pi) => {
    if (capTerms[pi]!.length === 0) return;
    objective.push(`- ${slackPenalty} s${pi}`);
    bounds.push(`s${pi} >= 0`);
    constraints.push({ name: `c${pi}`, terms: [...capTerms[pi]!, `- s${pi}`], sense: '<=', rhs: limit - (pinned[p] ?? 0) });
    constraints.push({ name: `m${pi}`, terms: [`+ s${pi}`, '- z'], sense: '<=', rhs: 0 });
  });
  const lines = (terms: string[]): string => chunk(terms, 8).map((c) => c.join(' ')).join('\n   ');
  const lp = [
    'Maximize',
    ` obj: ${lines(objective)}`,
    'Subject To',
    ...constraints.map((c) => ` ${c.name}: ${lines(c.terms)} ${c.sense} ${c.rhs}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'General',
    ...chunk(generals, 10).map((c) => ` ${c.join(' ')}`),
    'End',
  ].join('\n');

  const result = solver.solve(lp, { output_flag: false, random_seed: 0, threads: 1, mip_rel_gap: 0 });
  if (result.Status !== 'Optimal') return null;

  const picks = new Array<number>(rows.length).fill(-1);
  groups.forEach((g, gi) => {
    let next = 0;
    g.row.forEach((s, p) => {
      if (s === null) return;
      const n = Math.round(result.Columns[`x${gi}_${p}`]?.Primal ?? 0);
      for (let k = 0; k < n && next < g.members.length; k++) picks[g.members[next++]!] = p;
    });
    // Guard against a rounding shortfall: any member left takes its best provider.
    for (; next < g.members.length; next++) {
      let best = -1;
      g.row.forEach((s, p) => {
        if (s !== null && (best === -1 || s > g.row[best]!)) best = p;
      });
      picks[g.members[next]!] = best;
    }
  });
  return picks;
}

function chunk<T>(list: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}
