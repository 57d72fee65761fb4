/**
 * Deterministic synthetic inventories for benchmarks (and anyone who needs a realistic one):
 * the same (n, seed) always gives the same workloads.
 *
 * The mix mirrors the motivating case: ~80 % of workloads on the exited vendor, classification
 * skewed by mission area (intelligence and cyber mostly SECRET and above, business admin mostly
 * unclassified), a spread of criticality, volumes spanning five orders of magnitude, a few
 * percent of each optional field unknown, and a sparse dependency graph with local clusters and
 * the occasional cycle.
 */
import type { Capability, Classification, Criticality, MissionArea, Route } from '../core/common/enums';
import { emptyWorkload, type Workload } from '../core/inventory/schema';
import { createRng } from '../core/planning/random';

export interface GenerateOptions {
  exitVendor?: string;
  /** Share of workloads on the exited vendor. */
  exitShare?: number;
  seed?: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

const MISSIONS: Weighted<MissionArea> = [
  ['intelligence_analysis', 0.2],
  ['modeling_simulation', 0.12],
  ['operations_planning', 0.15],
  ['cyber_operations', 0.13],
  ['logistics', 0.15],
  ['business_admin', 0.2],
  ['other', 0.05],
];

const CLASSIFICATION_BY_MISSION: Record<MissionArea, Weighted<Classification | null>> = {
  intelligence_analysis: [['top_secret', 0.3], ['secret', 0.4], ['cui', 0.2], ['unclassified', 0.05], [null, 0.05]],
  cyber_operations: [['top_secret', 0.2], ['secret', 0.4], ['cui', 0.3], ['unclassified', 0.05], [null, 0.05]],
  operations_planning: [['top_secret', 0.1], ['secret', 0.5], ['cui', 0.3], ['unclassified', 0.05], [null, 0.05]],
  modeling_simulation: [['top_secret', 0.05], ['secret', 0.3], ['cui', 0.4], ['unclassified', 0.2], [null, 0.05]],
  logistics: [['secret', 0.05], ['cui', 0.5], ['unclassified', 0.4], [null, 0.05]],
  business_admin: [['cui', 0.35], ['unclassified', 0.6], [null, 0.05]],
  other: [['cui', 0.4], ['unclassified', 0.5], [null, 0.1]],
};

const CRITICALITY: Weighted<Criticality | null> = [
  ['routine', 0.25],
  ['support', 0.3],
  ['essential', 0.25],
  ['critical', 0.15],
  [null, 0.05],
];

const ROUTES: Weighted<Route | null> = [
  ['direct_api', 0.3],
  ['aws_bedrock', 0.35],
  ['google_vertex', 0.1],
  ['partner_platform', 0.15],
  [null, 0.1],
];

const EXIT_MODELS: Weighted<string | null> = [
  ['claude-sonnet-4-5', 0.35],
  ['claude-sonnet-5', 0.2],
  ['claude-opus-5-5', 0.15],
  ['claude-haiku-4-5', 0.2],
  ['claude-3-haiku-20240307', 0.05],
  [null, 0.05],
];

const OTHER_VENDORS: Weighted<string> = [
  ['openai', 0.4],
  ['google', 0.25],
  ['meta', 0.15],
  ['mistral', 0.1],
  ['amazon', 0.1],
];

const CAPABILITY_RATES: readonly (readonly [Capability, number])[] = [
  ['tool_use', 0.5],
  ['structured_output', 0.4],
  ['vision', 0.15],
  ['long_context', 0.1],
  ['reasoning', 0.2],
  // Rare: the default catalog lists no offering with these, so they block.
  ['fine_tuned', 0.01],
  ['streaming', 0.03],
  ['code', 0.03],
  ['batch', 0.02],
  ['embeddings', 0.005],
];

const TAGS_BY_MISSION: Record<MissionArea, readonly (readonly [string, number])[]> = {
  intelligence_analysis: [['foreign_intelligence', 0.7]],
  cyber_operations: [['cyber_defense', 0.7], ['cyber_offense', 0.15]],
  operations_planning: [['weapons_targeting', 0.15]],
  modeling_simulation: [['training', 0.5]],
  logistics: [['logistics', 0.8]],
  business_admin: [],
  other: [],
};

export function generateInventory(n: number, options: GenerateOptions = {}): Workload[] {
  const rng = createRng(options.seed ?? 42);
  const exitVendor = options.exitVendor ?? 'anthropic';
  const exitShare = options.exitShare ?? 0.8;
  const pick = <T>(list: Weighted<T>): T => {
    let u = rng();
    for (const [v, w] of list) {
      if (u < w) return v;
      u -= w;
    }
    return list[list.length - 1]![0];
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const maybe = <T>(p: number, f: () => T): T | null => (rng() < p ? f() : null);
  const pad = String(n).length;

  const out: Workload[] = [];
  for (let i = 0; i < n; i++) {
    const id = `WL-${String(i + 1).padStart(pad, '0')}`;
    const missionArea = pick(MISSIONS);
    const onExit = rng() < exitShare;
    const w = emptyWorkload({ id, name: `${missionArea.replace(/_/g, ' ')} workload ${i + 1}`, missionArea, vendor: onExit ? exitVendor : pick(OTHER_VENDORS) });
    w.model = onExit ? pick(EXIT_MODELS) : null;
    w.route = pick(ROUTES);
    w.classification = pick(CLASSIFICATION_BY_MISSION[missionArea]);
    w.criticality = pick(CRITICALITY);
    const volumeKind = rng();
    if (volumeKind < 0.85) {
      w.monthlyInputTokens = Math.round(10 ** (5 + 5 * rng()));
      w.monthlyOutputTokens = Math.round(w.monthlyInputTokens * (0.05 + 0.45 * rng()));
      w.monthlyRequests = Math.round(w.monthlyInputTokens / int(500, 5000));
    } else if (volumeKind < 0.9) {
      w.monthlyRequests = Math.round(10 ** (2 + 4 * rng()));
    }
    w.cachedInputShare = maybe(0.5, () => Math.round(rng() * 60) / 100);
    w.capabilities = CAPABILITY_RATES.filter(([, p]) => rng() < p).map(([c]) => c);
    w.minContextTokens = maybe(0.4, () => [8_000, 32_000, 128_000, 200_000, 500_000][int(0, 4)]!);
    w.promptTemplates = maybe(0.9, () => int(1, 30));
    w.toolSchemas = w.capabilities.includes('tool_use') ? maybe(0.9, () => int(1, 15)) : maybe(0.5, () => 0);
    w.evalCases = maybe(0.8, () => int(0, 200));
    const hil = rng();
    w.humanInLoop = hil < 0.7 ? true : hil < 0.9 ? false : null;
    w.useTags = TAGS_BY_MISSION[missionArea].filter(([, p]) => rng() < p).map(([t]) => t);
    // Sparse, local dependencies on earlier workloads; now and then a later one (a possible cycle).
    const deps = new Set<string>();
    const d = rng();
    const count = d < 0.6 ? 0 : d < 0.9 ? 1 : d < 0.98 ? 2 : 3;
    for (let k = 0; k < count && i > 0; k++) deps.add(`WL-${String(int(Math.max(1, i - 200), i)).padStart(pad, '0')}`);
    if (rng() < 0.005 && i + 1 < n) deps.add(`WL-${String(int(i + 2, Math.min(n, i + 20))).padStart(pad, '0')}`);
    deps.delete(id);
    w.dependsOn = [...deps];
    w.owner = maybe(0.9, () => `owner-${int(1, Math.max(1, Math.round(n / 25)))}`);
    w.maxDowntimeHours = maybe(0.3, () => [1, 2, 4, 8, 24][int(0, 4)]!);
    w.latencySloMs = maybe(0.3, () => [500, 800, 1500, 3000, 10000][int(0, 4)]!);
    out.push(w);
  }
  return out;
}
