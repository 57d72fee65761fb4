/**
 * Small hand-made catalogs and workloads for the planning tests. Every catalog is parsed with the
 * catalog schema, so the tests exercise data the real loader could produce.
 */
import { Catalog, type Offering, type Provider } from '../../../core/catalog/schema';
import { type Capability, type Classification, MISSION_AREAS, type MissionArea, type Route } from '../../../core/common/enums';
import { emptyWorkload, type Workload } from '../../../core/inventory/schema';

const prov = { source: 'test fixture', asOf: '2026-01-01', confirmed: true } as const;
const fact = <T>(value: T) => ({ value, ...prov });

export interface OfferingSpec {
  provider: string;
  model: string;
  route?: Route;
  region?: string;
  maxClassification?: Classification;
  pendingLeadDays?: number | null | undefined; // undefined = authorized; number/null = pending
  capabilities?: Capability[];
  contextWindow?: number | null;
  prices?: { input: number | null; output: number | null; cached: number | null };
  quality?: Partial<Record<MissionArea, number | null>> | number | null;
  tokenizerFactor?: number;
  deprecationDate?: string | null;
}

export interface ProhibitionSpec {
  tag: string;
  appliesToTags?: string[];
  condition?: 'always' | 'unless_human_in_loop';
  exception?: string | null;
}

export interface ProviderSpec {
  id: string;
  prohibits?: ProhibitionSpec[];
}

export function offering(spec: OfferingSpec): Offering {
  const route = spec.route ?? 'direct_api';
  const region = spec.region ?? 'global';
  const pending = spec.pendingLeadDays !== undefined;
  const q = spec.quality;
  const quality = Object.fromEntries(
    MISSION_AREAS.map((m) => [m, fact(q === undefined || q === null ? null : typeof q === 'number' ? q : (q[m] ?? null))]),
  ) as Offering['qualityByMission'];
  const p = spec.prices ?? { input: 1, output: 4, cached: 0.1 };
  return {
    id: `${spec.provider}/${spec.model}@${route}/${region}`,
    provider: spec.provider,
    model: spec.model,
    displayName: `${spec.model} (${spec.provider}, ${route})`,
    route,
    region,
    listing: { ...prov },
    authorization: fact({
      maxClassification: spec.maxClassification ?? 'unclassified',
      impactLevel: null,
      fedramp: null,
      status: pending ? 'pending' : 'authorized',
      leadTimeDays: pending ? (spec.pendingLeadDays ?? null) : null,
      basis: pending ? 'test authorization in progress' : 'test authorization',
    }),
    capabilities: fact(spec.capabilities ?? ['tool_use', 'vision', 'structured_output']),
    contextWindow: fact(spec.contextWindow === undefined ? 200_000 : spec.contextWindow),
    maxOutputTokens: fact(null),
    listPrices: { inputPerMTok: fact(p.input), outputPerMTok: fact(p.output), cachedInputPerMTok: fact(p.cached) },
    priceRef: null,
    govPremium: null,
    match: { modelKeys: null, regions: [null] },
    qualityByMission: quality,
    tokenizerFactor: fact(spec.tokenizerFactor ?? 1),
    deprecationDate: fact(spec.deprecationDate ?? null),
    license: null,
  };
}

export function provider(spec: ProviderSpec): Provider {
  return {
    id: spec.id,
    name: spec.id.charAt(0).toUpperCase() + spec.id.slice(1),
    prohibitedUseTags: (spec.prohibits ?? []).map((p) => ({
      tag: p.tag,
      appliesToTags: p.appliesToTags ?? [p.tag],
      condition: p.condition ?? 'always',
      note: `${spec.id} prohibits ${p.tag}.`,
      exception: p.exception ?? null,
      ...prov,
    })),
    notices: [],
    sources: [],
  };
}

export function catalog(providers: ProviderSpec[], offerings: OfferingSpec[], baseline = 'anthropic'): Catalog {
  return Catalog.parse({
    schemaVersion: 1,
    meta: { tokenizerBaseline: baseline, priceDate: '2026-11-01', origin: 'test catalog' },
    providers: providers.map(provider),
    offerings: offerings.map(offering),
    contracts: [],
  });
}

export function workload(id: string, fields: Partial<Workload> = {}): Workload {
  return {
    ...emptyWorkload({ id, name: `Workload ${id}`, missionArea: 'intelligence_analysis', vendor: 'anthropic' }),
    ...fields,
  };
}

/** A workload with every planning field stated (so nothing is assumed). */
export function fullWorkload(id: string, fields: Partial<Workload> = {}): Workload {
  return workload(id, {
    model: 'claude-x',
    route: 'direct_api',
    classification: 'unclassified',
    criticality: 'support',
    monthlyRequests: 1000,
    monthlyInputTokens: 1_000_000,
    monthlyOutputTokens: 200_000,
    cachedInputShare: 0,
    promptTemplates: 2,
    toolSchemas: 0,
    evalCases: 50,
    humanInLoop: true,
    owner: 'owner@example.mil',
    ...fields,
  });
}

/** Effort drivers with min = likely = max, so every percentile is hand-computable. */
export const POINT_EFFORT = {
  promptTemplateHours: { min: 2, likely: 2, max: 2 },
  toolSchemaHours: { min: 4, likely: 4, max: 4 },
  evalCaseHours: { min: 0.5, likely: 0.5, max: 0.5 },
  evalCaseThreshold: 50,
  integrationHours: { min: 20, likely: 20, max: 20 },
  routeChangeHours: { min: 10, likely: 10, max: 10 },
  parallelRunOversightHoursPerDay: { min: 1, likely: 1, max: 1 },
  contractOnboardingHours: { min: 40, likely: 40, max: 40 },
  contractLeadTimeDays: { min: 14, likely: 14, max: 14 },
  accreditationHours: { min: 60, likely: 60, max: 60 },
  gatewayHours: { min: 30, likely: 30, max: 30 },
  unknownPromptTemplates: { min: 3, likely: 3, max: 3 },
  unknownToolSchemas: { min: 3, likely: 3, max: 3 },
};
