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

/**
 * Compares the current inventory with an import's valid rows. `incoming` is expected to have
 * unique ids (previewInventory rejects duplicates); if an id repeats, the last one counts, as it
 * would if the rows were upserted in order. Ids come out in file order (added, updated,
 * unchanged) and inventory order (missingFromFile).
 */
export function mergePlan(existing: readonly Workload[], incoming: readonly Workload[], mode: MergeMode): MergePlan {
  const current = new Map(existing.map((w) => [w.id, w] as const));
  const last = new Map(incoming.map((w) => [w.id, w] as const));
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const [id, w] of last) {
    const before = current.get(id);
    if (!before) added.push(id);
    else if (workloadsEqual(before, w)) unchanged.push(id);
    else updated.push(id);
  }
  const missingFromFile = existing.filter((w) => !last.has(w.id)).map((w) => w.id);
  return { mode, added, updated, unchanged, missingFromFile, removed: mode === 'replace' ? [...missingFromFile] : [] };
}
