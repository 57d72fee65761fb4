/**
 * The provider catalog's data model (../shared/DOMAIN.md, "Provider catalog").
 *
 * Every fact carries provenance: `{ value, source, asOf, confirmed, note?, origin? }`.
 *  - `source` names where the value comes from: a URL, or a dataset name plus the row id.
 *  - `asOf` is the ISO date the source states the value for (publication / dataset date).
 *  - `confirmed: false` marks a value that no consulted source states outright (an estimate, an
 *    assumption, a default). It is never silently promoted to confirmed.
 *  - `origin` is set when the value was written by a refresh (file name, sha256, import time).
 *
 * List prices (from public datasets) and contract prices (negotiated, the user's layer) are kept
 * apart: `Catalog.contracts` sits above `Offering.listPrices` (see `effectivePrices`) and a refresh
 * never touches it.
 */
import { z } from 'zod';
import {
  AuthorizationStatus,
  Capability,
  CatalogFormat,
  Classification,
  FedrampLevel,
  ImpactLevel,
  MISSION_AREAS,
  ProviderId,
  Route,
  UseTag,
} from '../common/enums';

// ---------------------------------------------------------------------------------------------
// Primitives

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are ISO YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** A timestamp, ISO 8601 with time (e.g. `2026-11-28T15:00:00Z`). */
export const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'timestamps are ISO 8601 with a time zone');

/** Offering ids: `provider/model@route/region`, lower-case, e.g. `anthropic/claude-sonnet-4-5@aws_bedrock/us-gov-west-1`. */
export const OfferingId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9._:-]*@[a-z_]+\/[a-z0-9][a-z0-9._-]*$/,
    'offering ids look like provider/model@route/region (lower-case)',
  );
export type OfferingId = z.infer<typeof OfferingId>;

/** Lower-case slug for an offering id. The id is stable: editing the model later does not rename it. */
export const offeringSlug = (provider: string, model: string, route: string, region: string): string => {
  const clean = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._:-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${clean(provider)}/${clean(model)}@${route}/${clean(region) || 'default'}`;
};

/** USD per million tokens; `null` = no per-token price (unknown, contract-only, self-hosted). */
export const PricePerMTok = z.number().finite().nonnegative().nullable();

// ---------------------------------------------------------------------------------------------
// Provenance

/** Written on a fact by `applyRefresh`: which file set this value. */
export const ImportOrigin = z
  .object({
    format: CatalogFormat,
    fileName: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits'),
    importedAt: IsoDateTime,
    /** The row of the file (model key, provider/model, offering id) the value came from. */
    rowKey: z.string().min(1),
  })
  .strict();
export type ImportOrigin = z.infer<typeof ImportOrigin>;

const provenanceShape = {
  source: z.string().trim().min(1, 'every fact names its source'),
  asOf: IsoDate,
  confirmed: z.boolean(),
  note: z.string().min(1).optional(),
  origin: ImportOrigin.optional(),
};

export const Provenance = z.object(provenanceShape).strict();
export type Provenance = z.infer<typeof Provenance>;

export interface Fact<T> extends Provenance {
  value: T;
}

/** Schema of a fact holding a value of the given schema. */
export const factOf = <S extends z.ZodType>(value: S) => z.object({ value, ...provenanceShape }).strict();

// ---------------------------------------------------------------------------------------------
// Providers and their usage policies

/**
 * `always`: the provider prohibits the use outright.
 * `unless_human_in_loop`: prohibited when no human is in the loop (e.g. autonomous targeting); a
 * workload with `humanInLoop = true` is not in conflict, unknown counts as a conflict.
 */
export const PROHIBITION_CONDITIONS = ['always', 'unless_human_in_loop'] as const;
export const ProhibitionCondition = z.enum(PROHIBITION_CONDITIONS);
export type ProhibitionCondition = z.infer<typeof ProhibitionCondition>;

export const ProhibitedUse = z
  .object({
    /** The policy's own category, e.g. `autonomous_weapons`. */
    tag: UseTag,
    /** Workload use tags that fall under it (includes `tag`), e.g. autonomous_weapons + weapons_targeting. */
    appliesToTags: z.array(UseTag).min(1),
    condition: ProhibitionCondition,
    /** A documented carve-out (e.g. for US national-security customers), or null. */
    exception: z.string().min(1).nullable(),
    ...provenanceShape,
    /** What the policy says, in a sentence. */
    note: z.string().min(1),
  })
  .strict()
  .refine((p) => p.appliesToTags.includes(p.tag), { message: 'appliesToTags must include the tag itself' });
export type ProhibitedUse = z.infer<typeof ProhibitedUse>;

export const SOURCE_KINDS = ['vendor', 'government', 'press', 'third_party', 'dataset', 'bridgehead'] as const;
export const SourceRef = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    url: z.string().url().nullable(),
    kind: z.enum(SOURCE_KINDS),
    /** Publication date the source shows, when it shows one. */
    published: IsoDate.nullable(),
    /** When Bridgehead's maintainers consulted it. */
    consulted: IsoDate,
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const Provider = z
  .object({
    id: ProviderId,
    name: z.string().min(1),
    prohibitedUseTags: z.array(ProhibitedUse),
    /** Facts about the provider that bear on a plan (e.g. a supply-chain-risk designation). */
    notices: z.array(factOf(z.string().min(1))),
    sources: z.array(SourceRef),
  })
  .strict();
export type Provider = z.infer<typeof Provider>;

// ---------------------------------------------------------------------------------------------
// Offerings

export const Authorization = z
  .object({
    /** Highest classification the offering is (or, when pending, will be) authorized for. */
    maxClassification: Classification,
    impactLevel: ImpactLevel.nullable(),
    fedramp: FedrampLevel.nullable(),
    status: AuthorizationStatus,
    /** Pending only: days until authorized; null = unknown. */
    leadTimeDays: z.number().int().nonnegative().nullable(),
    /** The boundary or accreditation this rests on, in a phrase. */
    basis: z.string().min(1),
  })
  .strict()
  .refine((a) => a.status === 'pending' || a.leadTimeDays === null, {
    message: 'leadTimeDays is only for pending authorizations',
  });
export type Authorization = z.infer<typeof Authorization>;

export const PRICE_FIELDS = ['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

export const ListPrices = z
  .object({
    inputPerMTok: factOf(PricePerMTok),
    outputPerMTok: factOf(PricePerMTok),
    cachedInputPerMTok: factOf(PricePerMTok),
  })
  .strict();
export type ListPrices = z.infer<typeof ListPrices>;

/**
 * Where an offering's list price is looked up: a row of a dataset (`genai-prices`: `provider/model`).
 * `proxy`: the row is not this offering's own price but a stand-in (a commercial price assumed to
 * apply, or multiplied by `govPremium`); prices read through a proxy stay unconfirmed.
 */
export const PriceRef = z.object({ format: CatalogFormat, key: z.string().min(1), proxy: z.boolean() }).strict();
export type PriceRef = z.infer<typeof PriceRef>;

/**
 * How rows of a price file are matched to this offering when no reference or id matches (see
 * refresh/match.ts): the row's normalized model key must be one of `modelKeys` (default: the
 * normalized `model`), and the row's region one of `regions` (`null` = rows that name no region,
 * i.e. the commercial default).
 */
export const MatchSpec = z
  .object({
    modelKeys: z.array(z.string().min(1)).min(1).nullable(),
    regions: z.array(z.string().min(1).nullable()).min(1),
  })
  .strict();
export type MatchSpec = z.infer<typeof MatchSpec>;

const qualityShape = Object.fromEntries(
  MISSION_AREAS.map((m) => [m, factOf(z.number().min(0).max(100).nullable())]),
) as { [K in (typeof MISSION_AREAS)[number]]: ReturnType<typeof factOf<z.ZodNullable<z.ZodNumber>>> };
export const QualityByMission = z.object(qualityShape).strict();
export type QualityByMission = z.infer<typeof QualityByMission>;

export const Offering = z
  .object({
    id: OfferingId,
    provider: ProviderId,
    model: z.string().min(1),
    displayName: z.string().min(1),
    route: Route,
    region: z.string().min(1),
    /** Evidence that this model is offered on this route in this region. */
    listing: Provenance,
    authorization: factOf(Authorization),
    capabilities: factOf(z.array(Capability)),
    contextWindow: factOf(z.number().int().positive().nullable()),
    maxOutputTokens: factOf(z.number().int().positive().nullable()),
    listPrices: ListPrices,
    priceRef: PriceRef.nullable(),
    /** Multiplier applied to the referenced commercial price (government-region premium), or null. */
    govPremium: factOf(z.number().positive()).nullable(),
    match: MatchSpec,
    qualityByMission: QualityByMission,
    /** Tokens for the same text relative to the exited vendor's tokenizer (Catalog.meta.tokenizerBaseline). */
    tokenizerFactor: factOf(z.number().positive()),
    deprecationDate: factOf(IsoDate.nullable()),
    /** Licence of open weights (self-hosted), or null. */
    license: factOf(z.string().min(1)).nullable(),
    /** Set on offerings the user added (core/catalog/edit.ts); absent on default and refreshed ones. */
    addedBy: z.literal('user').optional(),
  })
  .strict();
export type Offering = z.infer<typeof Offering>;

// ---------------------------------------------------------------------------------------------
// The user layer: contract prices

/** A negotiated price. A null field is not negotiated: the list price applies to it. */
export const ContractPrice = z
  .object({
    offeringId: OfferingId,
    inputPerMTok: PricePerMTok,
    outputPerMTok: PricePerMTok,
    cachedInputPerMTok: PricePerMTok,
    /** Contract or vehicle, e.g. "GSA OneGov 2026 task order 12". */
    reference: z.string().min(1),
    setAt: IsoDate,
    note: z.string().min(1).optional(),
  })
  .strict();
export type ContractPrice = z.infer<typeof ContractPrice>;

// ---------------------------------------------------------------------------------------------
// The catalog

export const CatalogMeta = z
  .object({
    /** Provider whose tokenizer tokenizer factors are relative to (the usual vendor to exit). */
    tokenizerBaseline: ProviderId,
    /** Date list prices with scheduled changes were resolved for. */
    priceDate: IsoDate,
    /** What the catalog was built from, e.g. "bridgehead default catalog v1". */
    origin: z.string().min(1),
  })
  .strict();
export type CatalogMeta = z.infer<typeof CatalogMeta>;

export const Catalog = z
  .object({
    schemaVersion: z.literal(1),
    meta: CatalogMeta,
    providers: z.array(Provider),
    offerings: z.array(Offering),
    contracts: z.array(ContractPrice),
  })
  .strict()
  .superRefine((c, ctx) => {
    const providerIds = new Set<string>();
    c.providers.forEach((p, i) => {
      if (providerIds.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['providers', i, 'id'], message: `duplicate provider id ${p.id}` });
      providerIds.add(p.id);
    });
    const offeringIds = new Set<string>();
    c.offerings.forEach((o, i) => {
      if (offeringIds.has(o.id))
        ctx.addIssue({ code: 'custom', path: ['offerings', i, 'id'], message: `duplicate offering id ${o.id}` });
      offeringIds.add(o.id);
      if (!providerIds.has(o.provider))
        ctx.addIssue({
          code: 'custom',
          path: ['offerings', i, 'provider'],
          message: `offering ${o.id} names unknown provider ${o.provider}`,
        });
    });
    const contracted = new Set<string>();
    c.contracts.forEach((k, i) => {
      if (!offeringIds.has(k.offeringId))
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'offeringId'],
          message: `contract price for unknown offering ${k.offeringId}`,
        });
      if (contracted.has(k.offeringId))
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'offeringId'],
          message: `more than one contract price for ${k.offeringId}`,
        });
      contracted.add(k.offeringId);
    });
  });
export type Catalog = z.infer<typeof Catalog>;

// ---------------------------------------------------------------------------------------------
// `bridgehead catalog list --json`

export interface ListJsonProhibitedUse {
  tag: string;
  appliesToTags: string[];
  condition: ProhibitionCondition;
  note: string;
  exception: string | null;
  source: string;
  asOf: string;
  confirmed: boolean;
}

export interface ListJsonProvider {
  id: string;
  name: string;
  prohibitedUseTags: ListJsonProhibitedUse[];
  sources: { title: string; url: string | null; published: string | null }[];
}

export interface ListJsonOffering {
  id: string;
  provider: string;
  model: string;
  route: Route;
  region: string;
  maxClassification: Classification;
  impactLevel: ImpactLevel | null;
  capabilities: Capability[];
  contextWindow: number | null;
  /** Effective prices: contract price where negotiated, else list price. */
  prices: { inputPerMTok: number | null; outputPerMTok: number | null; cachedInputPerMTok: number | null };
  qualityByMission: Record<(typeof MISSION_AREAS)[number], number | null>;
  tokenizerFactor: number;
  source: string;
  asOf: string;
  confirmed: boolean;
}

export interface CatalogListJson {
  providers: ListJsonProvider[];
  offerings: ListJsonOffering[];
}
