/**
 * Choosing a target for each in-scope workload, by strategy, over its scored eligible offerings
 * (score.ts).
 *
 *  - best-fit: each workload takes its best-scoring offering.
 *  - single-provider: every candidate provider is evaluated as the only one; the one with the
 *    highest total score (a workload it cannot take scores 0, so coverage counts) wins, and the
 *    workloads it cannot take are blocked with the reasons.
 *  - diversified: no provider may carry more than `diversificationCap` of the critical workloads.
 *    The cap only concerns critical workloads, so the rest take their best fit and the critical
 *    ones are assigned by a mixed-integer program (HiGHS): maximise total score subject to one
 *    provider per workload and the cap per provider. A greedy answer (take the best provider with
 *    room) can be beaten when two workloads want the same provider; the MIP cannot. Identical
 *    workloads are grouped into one integer variable per provider to keep the model small.
 *    The cap may be unattainable (too few providers can take critical work); the model then
 *    exceeds it as little as possible (penalised slack) and the plan says so.
 */
import { type MipSolver, solveCapAssignment } from './mip';
import type { Candidate } from './score';

export interface AssignInput {
  /** Per in-scope workload, the best eligible offering of each candidate provider, best first. */
  options: Candidate[][];
  /** A valid pinned choice per workload, or null. Pins are kept whatever the strategy. */
  pinned: (Candidate | null)[];
  critical: boolean[];
  providers: readonly string[];
}

export interface Assignment {
  choice: (Candidate | null)[];
  /** For workloads left without a target by the strategy although some offering was eligible. */
  strategyBlock: (string | null)[];
  warnings: string[];
  /** Single-provider: each provider's evaluation, best first; the first is chosen. */
  providerEvaluations: ProviderEvaluation[] | null;
  /** Diversified: how the critical workloads were assigned. */
  method: 'best-fit' | 'single-provider' | 'mip' | 'greedy' | null;
  /** Diversified: the cap in workloads and each provider's count of critical workloads. */
  cap: { limit: number; criticalCount: number; byProvider: Record<string, number>; exceeded: string[] } | null;
}

export interface ProviderEvaluation {
  provider: string;
  covered: number;
  blocked: number;
  totalScore: number;
}

export function bestFit(input: AssignInput): Assignment {
  return {
    choice: input.options.map((opts, i) => input.pinned[i] ?? opts[0] ?? null),
    strategyBlock: input.options.map(() => null),
    warnings: [],
    providerEvaluations: null,
    method: 'best-fit',
    cap: null,
  };
}

export function singleProvider(input: AssignInput): Assignment {
  const evaluations: ProviderEvaluation[] = input.providers.map((provider) => {
    let covered = 0;
    let totalScore = 0;
    input.options.forEach((opts, i) => {
      const c = input.pinned[i] ?? opts.find((o) => o.provider === provider);
      if (c) {
        covered++;
        totalScore += c.score;
      }
    });
    return { provider, covered, blocked: input.options.length - covered, totalScore };
  });
  // Highest total, then coverage, then the scenario's provider order.
  const ranked = evaluations
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.totalScore - a.e.totalScore || b.e.covered - a.e.covered || a.i - b.i)
    .map((x) => x.e);
  const chosen = ranked[0]?.provider ?? null;
  const warnings: string[] = [];
  const choice: (Candidate | null)[] = [];
  const strategyBlock: (string | null)[] = [];
  input.options.forEach((opts, i) => {
    const pin = input.pinned[i];
    if (pin) {
      choice.push(pin);
      strategyBlock.push(null);
      if (pin.provider !== chosen) warnings.push(`pinned:${pin.provider}`);
      return;
    }
    const c = chosen === null ? undefined : opts.find((o) => o.provider === chosen);
    choice.push(c ?? null);
    if (c || opts.length === 0) strategyBlock.push(null);
    else {
      const others = [...new Set(opts.map((o) => o.provider))];
      strategyBlock.push(
        `${chosen} (the single provider chosen) has no eligible offering for it; eligible elsewhere: ${others.join(', ')}.`,
      );
    }
  });
  const pinnedElsewhere = warnings.length;
  return {
    choice,
    strategyBlock,
    warnings:
      pinnedElsewhere > 0 ? [`${pinnedElsewhere} workload(s) pinned to a provider other than the single provider ${chosen}; the pins are kept.`] : [],
    providerEvaluations: ranked,
    method: 'single-provider',
    cap: null,
  };
}

/** Best candidate of each provider for one workload, in provider order (null = none). */
export function bestByProvider(opts: readonly Candidate[], providers: readonly string[]): (Candidate | null)[] {
  return providers.map((p) => opts.find((o) => o.provider === p) ?? null);
}

export async function diversified(
  input: AssignInput,
  cap: number,
  solver: MipSolver | null,
): Promise<Assignment> {
  const base = bestFit(input);
  const providers = [...input.providers];
  const warnings: string[] = [];

  // The critical workloads that will be planned, and the pinned ones among them (fixed).
  const critical: number[] = [];
  const pinnedCount: Record<string, number> = Object.fromEntries(providers.map((p) => [p, 0]));
  let criticalCount = 0;
  input.options.forEach((opts, i) => {
    if (!input.critical[i]) return;
    const pin = input.pinned[i];
    if (pin) {
      criticalCount++;
      pinnedCount[pin.provider] = (pinnedCount[pin.provider] ?? 0) + 1;
    } else if (opts.length > 0) {
      criticalCount++;
      critical.push(i);
    }
  });
  // Counts are whole workloads: at most floor(cap × N) each (a tiny tolerance for cap × N landing on an integer).
  const limit = Math.floor(cap * criticalCount + 1e-9);

  const rows = critical.map((i) => bestByProvider(input.options[i]!, providers).map((c) => (c ? c.score : null)));
  let picks: number[] | null = null;
  let method: 'mip' | 'greedy' = 'mip';
  if (critical.length > 0) {
    if (solver) {
      try {
        picks = solveCapAssignment(rows, providers, limit, pinnedCount, solver);
        if (!picks) warnings.push('The MIP solver found no solution for the diversification cap; critical workloads were assigned greedily instead.');
      } catch (e) {
        warnings.push(`The MIP solver failed (${e instanceof Error ? e.message : String(e)}); critical workloads were assigned greedily instead.`);
      }
    } else {
      warnings.push('No MIP solver available; critical workloads were assigned greedily under the diversification cap.');
    }
    if (!picks) {
      method = 'greedy';
      picks = greedyCapAssignment(rows, limit, providers.map((p) => pinnedCount[p] ?? 0));
    }
  }
  const choice = [...base.choice];
  critical.forEach((i, k) => {
    const p = providers[picks![k]!]!;
    choice[i] = input.options[i]!.find((o) => o.provider === p)!;
  });

  const byProvider: Record<string, number> = Object.fromEntries(providers.map((p) => [p, 0]));
  input.options.forEach((_, i) => {
    const c = choice[i];
    if (c && input.critical[i]) byProvider[c.provider] = (byProvider[c.provider] ?? 0) + 1;
  });
  const exceeded = providers.filter((p) => (byProvider[p] ?? 0) > limit);
  if (exceeded.length > 0) {
    warnings.push(
      `The diversification cap (${(cap * 100).toFixed(0)} % = ${limit} of ${criticalCount} critical workloads per provider) cannot be met: ${exceeded
        .map((p) => `${p} carries ${byProvider[p]}`)
        .join(', ')} because too few other providers can take those workloads (or pins require it).`,
    );
  }
  return {
    choice,
    strategyBlock: base.strategyBlock,
    warnings,
    providerEvaluations: null,
    method,
    cap: { limit, criticalCount, byProvider, exceeded },
  };
}

/**
 * The fallback: repeatedly take the workload that loses most if it does not get its best
 * provider with room (largest regret first), and give it that provider. When no provider with room
 * can take a workload it goes to its best provider over the cap (reported as exceeded).
 * Returns the chosen provider index per row.
 */
export function greedyCapAssignment(rows: readonly (readonly (number | null)[])[], limit: number, already: readonly number[]): number[] {
  const load = [...already];
  const result = new Array<number>(rows.length).fill(-1);
  const open = new Set(rows.map((_, i) => i));
  while (open.size > 0) {
    let pick = -1;
    let pickProvider = -1;
    let bestRegret = -Infinity;
    for (const i of open) {
      const row = rows[i]!;
      let first = -1;
      let second = -1;
      for (let p = 0; p < row.length; p++) {
        const s = row[p];
        if (s === null || s === undefined || load[p]! >= limit) continue;
        if (first === -1 || s > row[first]!) {
          second = first;
          first = p;
        } else if (second === -1 || s > row[second]!) second = p;
      }
      if (first === -1) {
        // Nowhere with room: best provider regardless of the cap.
        let best = -1;
        row.forEach((s, p) => {
          if (s !== null && (best === -1 || s > row[best]!)) best = p;
        });
        first = best;
      }
      const regret = second === -1 ? Infinity : row[first]! - row[second]!;
      if (regret > bestRegret || (regret === bestRegret && i < pick)) {
        bestRegret = regret;
        pick = i;
        pickProvider = first;
      }
    }
    result[pick] = pickProvider;
    load[pickProvider] = load[pickProvider]! + 1;
    open.delete(pick);
  }
  return result;
}

