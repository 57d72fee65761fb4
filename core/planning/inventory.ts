/**
 * The inventory as the planner reads it: which workloads are in scope, and the conservative
 * stand-ins for unknowns (DOMAIN.md: unknown criticality plans as essential, unknown
 * classification as the strictest level seen in that mission area).
 */
import {
  CLASSIFICATIONS,
  type Classification,
  type Criticality,
  type MissionArea,
  classificationRank,
} from '../common/enums';
import type { Workload } from '../inventory/schema';
import type { Scenario } from './scenario';

export interface PlannedWorkload {
  index: number;
  workload: Workload;
  /** On the exited vendor and not excluded by an override. */
  inScope: boolean;
  excluded: boolean;
  classification: Classification;
  /** How an unknown classification was filled, or null when the inventory states it. */
  classificationAssumption: string | null;
  criticality: Criticality;
  criticalityAssumed: boolean;
}

export class PlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanInputError';
  }
}

export interface PreparedInventory {
  workloads: PlannedWorkload[];
  indexById: Map<string, number>;
  warnings: string[];
}

export function prepareInventory(inventory: readonly Workload[], scenario: Scenario): PreparedInventory {
  const indexById = new Map<string, number>();
  const duplicates: string[] = [];
  inventory.forEach((w, i) => {
    if (indexById.has(w.id)) duplicates.push(w.id);
    else indexById.set(w.id, i);
  });
  if (duplicates.length > 0) {
    // Two rows with one id cannot both "appear exactly once"; the import guarantees uniqueness,
    // so this is a caller error, not something to plan around.
    throw new PlanInputError(`duplicate workload ids: ${[...new Set(duplicates)].slice(0, 10).join(', ')}`);
  }

  const excluded = new Set(scenario.overrides.filter((o) => o.exclude).map((o) => o.workloadId));
  const warnings: string[] = [];
  for (const o of scenario.overrides) {
    if (!indexById.has(o.workloadId)) warnings.push(`Override for unknown workload ${o.workloadId} ignored.`);
  }

  // Strictest known classification per mission area, and across the inventory.
  const strictestByArea = new Map<MissionArea, number>();
  let strictestOverall = -1;
  for (const w of inventory) {
    if (w.classification === null) continue;
    const r = classificationRank(w.classification);
    strictestOverall = Math.max(strictestOverall, r);
    strictestByArea.set(w.missionArea, Math.max(strictestByArea.get(w.missionArea) ?? -1, r));
  }

  let unknownClassification = 0;
  let unknownCriticality = 0;
  const workloads = inventory.map((w, index): PlannedWorkload => {
    const inScope = w.vendor === scenario.exitVendor && !excluded.has(w.id);
    let classification: Classification;
    let classificationAssumption: string | null = null;
    if (w.classification !== null) classification = w.classification;
    else {
      const area = strictestByArea.get(w.missionArea);
      if (area !== undefined) {
        classification = CLASSIFICATIONS[area]!;
        classificationAssumption = `Classification unknown: planned as ${label(classification)}, the strictest level seen in ${w.missionArea}.`;
      } else if (strictestOverall >= 0) {
        classification = CLASSIFICATIONS[strictestOverall]!;
        classificationAssumption = `Classification unknown and none known in ${w.missionArea}: planned as ${label(classification)}, the strictest level in the inventory.`;
      } else {
        classification = 'top_secret';
        classificationAssumption = 'Classification unknown and none known in the inventory: planned as TOP SECRET.';
      }
      if (inScope) unknownClassification++;
    }
    const criticalityAssumed = w.criticality === null;
    if (criticalityAssumed && inScope) unknownCriticality++;
    return {
      index,
      workload: w,
      inScope,
      excluded: excluded.has(w.id),
      classification,
      classificationAssumption,
      criticality: w.criticality ?? 'essential',
      criticalityAssumed,
    };
  });
  if (unknownClassification > 0)
    warnings.push(
      `${unknownClassification} in-scope workload(s) have no classification: each is planned at the strictest level seen in its mission area.`,
    );
  if (unknownCriticality > 0)
    warnings.push(`${unknownCriticality} in-scope workload(s) have no criticality: each is planned as mission essential.`);
  return { workloads, indexById, warnings };
}

const LABELS: Record<Classification, string> = {
  unclassified: 'UNCLASSIFIED',
  cui: 'CUI',
  secret: 'SECRET',
  top_secret: 'TOP SECRET',
};
export const label = (c: Classification): string => LABELS[c];
