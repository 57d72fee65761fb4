/**
 * Checking a workload's use tags against a provider's prohibited uses.
 */
import type { ProhibitedUse, Provider } from './schema';

export interface WorkloadUse {
  useTags: readonly string[];
  /** true / false, or null/undefined when the inventory does not say. */
  humanInLoop?: boolean | null | undefined;
}

export interface UseConflict {
  prohibition: ProhibitedUse;
  /** The workload's tags that fall under the prohibition. */
  workloadTags: string[];
  /** Why it conflicts, in a sentence. */
  reason: string;
  /** The policy's documented carve-out, if any: the planner may treat the conflict as conditional. */
  exception: string | null;
}

/**
 * The provider's prohibitions a workload falls under. `unless_human_in_loop` prohibitions
 * conflict when the workload has no human in the loop — and, conservatively, when that is unknown.
 */
export function prohibitedUseConflicts(provider: Provider, workload: WorkloadUse): UseConflict[] {
  const tags = new Set(workload.useTags.map((t) => t.trim().toLowerCase()));
  const conflicts: UseConflict[] = [];
  for (const p of provider.prohibitedUseTags) {
    const hits = p.appliesToTags.filter((t) => tags.has(t));
    if (hits.length === 0) continue;
    if (p.condition === 'unless_human_in_loop' && workload.humanInLoop === true) continue;
    const hil =
      p.condition === 'always'
        ? ''
        : workload.humanInLoop === false
          ? ' without a human in the loop'
          : ' and the workload does not say whether a human is in the loop';
    conflicts.push({
      prohibition: p,
      workloadTags: hits,
      reason: `${provider.name} prohibits ${p.tag.replace(/_/g, ' ')}: the workload is tagged ${hits.join(', ')}${hil}. ${p.note}`,
      exception: p.exception,
    });
  }
  return conflicts;
}
