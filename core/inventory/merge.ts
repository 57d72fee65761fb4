/**
 * What a re-import would change, computed before anything is written so the preview and the
 * CLI can report it: rows are matched by id, and a row is unchanged only when every field
 * (custom attributes included) is deeply equal.
 */
import { type Workload } from './schema';

export type MergeMode = 'merge' | 'replace';

export interface MergePlan {
  mode: MergeMode;
  /** Ids in the file but not in the inventory. */
  added: string[];
  /** Ids in both whose values differ. */
  updated: string[];
  /** Ids in both with identical values. */
  unchanged: string[];
  /** Ids in the inventory but not in the file. */
  missingFromFile: string[];
  /** Ids the commit deletes: missingFromFile in replace mode, none in merge mode. */
  removed: string[];
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // 0 and -0 are the same quantity; Object.is alone would call them different.
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Deep equality of two workloads (list order matters: it is stored as given). */
export const workloadsEqual = (a: Workload, b: Workload): boolean => valuesEqual(a, b);

export type MergeOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Classifies incoming rows one at a time against the current inventory, so an import can decide
 * each row's fate while the file is still being read (nothing but the inventory is held).
 */
export interface MergeTracker {
  classify(w: Workload): MergeOutcome;
  /** Ids in the inventory that no classified row had, in inventory order. */
  missingFromFile(): string[];
}

export function createMergeTracker(existing: readonly Workload[]): MergeTracker {
  const current = new Map(existing.map((w) => [w.id, w] as const));
  const seen = new Set<string>();
  return {
    classify(w) {
      const before = current.get(w.id);
      if (current.size > 0) seen.add(w.id);
      if (!before) return 'added';
      return workloadsEqual(before, w) ? 'unchanged' : 'updated';
    },
    missingFromFile: () => existing.filter((w) => !seen.has(w.id)).map((w) => w.id),
  };
}

/**
 * Compares the current inventory with an import's valid rows. `incoming` is expected to have
 * unique ids (previewInventory rejects duplicates); if an id repeats, the last one counts, as it
 * would if the rows were upserted in order. Ids come out in file order (added, updated,
 * unchanged) and inventory order (missingFromFile).
 */
export function mergePlan(existing: readonly Workload[], incoming: readonly Workload[], mode: MergeMode): MergePlan {
  const tracker = createMergeTracker(existing);
  const last = new Map(incoming.map((w) => [w.id, w] as const));
  const outcome: Record<MergeOutcome, string[]> = { added: [], updated: [], unchanged: [] };
  for (const [id, w] of last) outcome[tracker.classify(w)].push(id);
  const missingFromFile = tracker.missingFromFile();
  return { mode, ...outcome, missingFromFile, removed: mode === 'replace' ? [...missingFromFile] : [] };
}
