/**
 * Shape of core/catalog/data/default-catalog.json, the embedded default catalog kept as data.
 *
 * Facts name their sources by id (`src`) from the file's `sources` list; their `asOf` defaults to
 * the latest publication date among those sources, else to the file's `consulted` date. List prices
 * are not in the file: each offering names a `priceRef` (`genai-prices provider id/model id`) that is
 * resolved at load from the @pydantic/genai-prices package's bundled data (see load.ts).
 */
import { z } from 'zod';
import { Capability, MissionArea, ProviderId, Route } from '../common/enums';
import { Authorization, IsoDate, ProhibitionCondition, SOURCE_KINDS } from './schema';

const SrcIds = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const dataProvenanceShape = {
  src: SrcIds,
  confirmed: z.boolean(),
  note: z.string().min(1).optional(),
  asOf: IsoDate.optional(),
};

export const DataProvenance = z.object(dataProvenanceShape).strict();
export type DataProvenance = z.infer<typeof DataProvenance>;

export const dataFactOf = <S extends z.ZodType>(value: S) => z.object({ value, ...dataProvenanceShape }).strict();

export const DataSource = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    url: z.string().url().nullable(),
    kind: z.enum(SOURCE_KINDS),
    published: IsoDate.nullable(),
  })
  .strict();
export type DataSource = z.infer<typeof DataSource>;

export const DataProhibitedUse = z
  .object({
    tag: z.string().min(1),
    appliesToTags: z.array(z.string().min(1)).min(1),
    condition: ProhibitionCondition,
    exception: z.string().min(1).nullable(),
    ...dataProvenanceShape,
    note: z.string().min(1),
  })
  .strict();

export const DataProvider = z
  .object({
    id: ProviderId,
    name: z.string().min(1),
    prohibitedUses: z.array(DataProhibitedUse),
    notices: z.array(dataFactOf(z.string().min(1))),
  })
  .strict();
export type DataProvider = z.infer<typeof DataProvider>;

/** A context window given as a fact, or read from genai-prices (`true` = the offering's priceRef). */
export const DataContextWindow = z.union([
  dataFactOf(z.number().int().positive().nullable()),
  z
    .object({
      fromGenaiPrices: z.union([z.literal(true), z.string().min(1)]),
      confirmed: z.boolean().optional(),
      note: z.string().min(1).optional(),
    })
    .strict(),
]);
export type DataContextWindow = z.infer<typeof DataContextWindow>;

export const DataOffering = z
  .object({
    provider: ProviderId,
    model: z.string().min(1),
    displayName: z.string().min(1),
    route: Route,
    region: z.string().min(1),
    listing: DataProvenance,
    authorization: dataFactOf(Authorization),
    capabilities: dataFactOf(z.array(Capability)),
    contextWindow: DataContextWindow,
    maxOutputTokens: dataFactOf(z.number().int().positive().nullable()),
    /** `genai-prices provider id/model id`, or null when no public per-token price exists. */
    priceRef: z.string().regex(/^[a-z0-9_-]+\/.+$/, 'priceRef is "provider/model" of genai-prices').nullable(),
    /** Why there is no list price (required when priceRef is null). */
    noPriceNote: z.string().min(1).optional(),
    /** false when the referenced price is only assumed to apply to this offering. */
    priceConfirmed: z.boolean().optional(),
    priceNote: z.string().min(1).optional(),
    govPremium: dataFactOf(z.number().positive()).optional(),
    matchRegions: z.array(z.string().min(1).nullable()).min(1).optional(),
    modelKeys: z.array(z.string().min(1)).min(1).optional(),
    deprecationDate: dataFactOf(IsoDate.nullable()).optional(),
    license: dataFactOf(z.string().min(1)).optional(),
    tokenizerFactor: dataFactOf(z.number().positive()).optional(),
    qualityByMission: z.partialRecord(MissionArea, dataFactOf(z.number().min(0).max(100).nullable())).optional(),
  })
  .strict()
  .refine((o) => o.priceRef !== null || o.noPriceNote !== undefined, {
    message: 'an offering without a priceRef must say why (noPriceNote)',
  })
  .refine((o) => o.govPremium === undefined || o.priceRef !== null, {
    message: 'a government premium needs a priceRef to apply to',
  });
export type DataOffering = z.infer<typeof DataOffering>;

export const DefaultCatalogData = z
  .object({
    format: z.literal('bridgehead-default-catalog'),
    version: z.literal(1),
    consulted: IsoDate,
    tokenizerBaseline: ProviderId,
    pricesDataset: z
      .object({ sourceId: z.string().min(1), package: z.string().min(1), packageVersion: z.string().min(1) })
      .strict(),
    sources: z.array(DataSource),
    providers: z.array(DataProvider),
    offerings: z.array(DataOffering),
  })
  .strict();
export type DefaultCatalogData = z.infer<typeof DefaultCatalogData>;
