/**
 * What depends on one vendor: its workloads broken down by mission area, classification and
 * criticality with monthly tokens and spend, and the dependency graph among them (cycles marked).
 * Unknown volumes and unpriced models are counted, never treated as zero spend.
 */
import { findCycles } from '../inventory/dependencies';
import type { Workload } from '../inventory/schema';

export interface UnitPrices {
  inputPerMTok: number | null;
  outputPerMTok: number | null;
  cachedInputPerMTok: number | null;
}

/** The price a workload pays today and where it came from (an offering id, say). */
export type PriceLookup = (w: Workload) => { prices: UnitPrices; basis: string } | null;

export interface Breakdown {
  key: string | null;
  count: number;
  /** Input + output tokens a month of the workloads whose volume is known. */
  tokens: number;
  /** Monthly spend of the workloads with known volume and price. */
  spend: number;
  /** Workloads in this group whose spend is unknown (volume or price missing). */
  spendUnknown: number;
}

export interface GraphNode {
  id: string;
  name: string;
  missionArea: string;
  criticality: string | null;
  /** A dependency on another vendor's workload, or an id outside the inventory. */
  external: boolean;
  inCycle: boolean;
}

export interface GraphEdge {
  /** The dependent workload. */
  from: string;
  /** The workload it depends on. */
  to: string;
  inCycle: boolean;
}

export interface VendorDependency {
  vendor: string;
  workloadCount: number;
  tokens: { input: number; output: number; unknownVolume: number };
  spend: { monthly: number; unknown: number; bases: string[] };
  byMission: Breakdown[];
  byClassification: Breakdown[];
  byCriticality: Breakdown[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[]; cycles: string[][]; truncated: boolean; totalNodes: number };
}

/** Monthly cost of a workload at given prices: tokens × price per million, cached input at its own rate. */
export function monthlySpend(w: Workload, p: UnitPrices): number | null {
  if (w.monthlyInputTokens === null && w.monthlyOutputTokens === null) return null;
  const input = w.monthlyInputTokens ?? 0;
  const output = w.monthlyOutputTokens ?? 0;
  if ((input > 0 && p.inputPerMTok === null) || (output > 0 && p.outputPerMTok === null)) return null;
  const cachedShare = w.cachedInputShare ?? 0;
  const cachedRate = p.cachedInputPerMTok ?? p.inputPerMTok ?? 0;
  const inputCost = (input * (1 - cachedShare) * (p.inputPerMTok ?? 0) + input * cachedShare * cachedRate) / 1e6;
  return inputCost + (output * (p.outputPerMTok ?? 0)) / 1e6;
}

export const GRAPH_NODE_LIMIT = 400;

function breakdown(workloads: readonly Workload[], keyOf: (w: Workload) => string | null, spendOf: Map<string, number | null>): Breakdown[] {
  const groups = new Map<string | null, Breakdown>();
  for (const w of workloads) {
    const key = keyOf(w);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, count: 0, tokens: 0, spend: 0, spendUnknown: 0 }));
    g.count++;
    g.tokens += (w.monthlyInputTokens ?? 0) + (w.monthlyOutputTokens ?? 0);
    const spend = spendOf.get(w.id);
    if (spend === null || spend === undefined) g.spendUnknown++;
    else g.spend += spend;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

export function vendorDependency(inventory: readonly Workload[], vendor: string, priceOf: PriceLookup): VendorDependency {
  const mine = inventory.filter((w) => w.vendor === vendor);
  const byId = new Map(inventory.map((w) => [w.id, w]));
  const spendOf = new Map<string, number | null>();
  const bases = new Set<string>();
  let monthly = 0;
  let unknown = 0;
  let input = 0;
  let output = 0;
  let unknownVolume = 0;
  for (const w of mine) {
    const price = priceOf(w);
    const spend = price ? monthlySpend(w, price.prices) : null;
    if (price) bases.add(price.basis);
    spendOf.set(w.id, spend);
    if (spend === null) unknown++;
    else monthly += spend;
    if (w.monthlyInputTokens === null && w.monthlyOutputTokens === null) unknownVolume++;
    input += w.monthlyInputTokens ?? 0;
    output += w.monthlyOutputTokens ?? 0;
  }

  // The graph: the vendor's workloads and whatever they depend on (possibly elsewhere).
  const mineIds = new Set(mine.map((w) => w.id));
  const adjacency = new Map<string, string[]>();
  for (const w of mine) adjacency.set(w.id, [...w.dependsOn]);
  for (const w of mine) for (const d of w.dependsOn) if (!adjacency.has(d)) adjacency.set(d, byId.get(d)?.dependsOn.filter((x) => mineIds.has(x)) ?? []);
  const cycles = findCycles(adjacency);
  const cycleOf = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((id) => cycleOf.set(id, i)));

  // Nodes that take part in a dependency come first, so a truncated graph still shows the structure.
  const linked = new Set<string>();
  for (const [id, deps] of adjacency) if (deps.length) [id, ...deps].forEach((x) => linked.add(x));
  const order = [...adjacency.keys()].sort((a, b) => Number(linked.has(b)) - Number(linked.has(a)));
  const kept = new Set(order.slice(0, GRAPH_NODE_LIMIT));
  const nodes: GraphNode[] = [...kept].map((id) => {
    const w = byId.get(id);
    return {
      id,
      name: w?.name ?? id,
      missionArea: w?.missionArea ?? 'other',
      criticality: w?.criticality ?? null,
      external: !mineIds.has(id),
      inCycle: cycleOf.has(id),
    };
  });
  const edges: GraphEdge[] = [];
  for (const [from, deps] of adjacency) {
    if (!kept.has(from)) continue;
    for (const to of deps) {
      if (!kept.has(to)) continue;
      const c = cycleOf.get(from);
      edges.push({ from, to, inCycle: c !== undefined && c === cycleOf.get(to) });
    }
  }

  return {
    vendor,
    workloadCount: mine.length,
    tokens: { input, output, unknownVolume },
    spend: { monthly, unknown, bases: [...bases].sort() },
    byMission: breakdown(mine, (w) => w.missionArea, spendOf),
    byClassification: breakdown(mine, (w) => w.classification, spendOf),
    byCriticality: breakdown(mine, (w) => w.criticality, spendOf),
    graph: { nodes, edges, cycles, truncated: adjacency.size > kept.size, totalNodes: adjacency.size },
  };
}
