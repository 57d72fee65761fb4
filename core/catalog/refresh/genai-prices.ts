/**
 * genai-prices `data.json` (v2, ../shared/data/genai-prices-v2.schema.json): an array of providers,
 * each with models whose prices are USD per million tokens, possibly tiered by prompt size or
 * conditional on a start date. Row keys are `providerId/modelId`, the same form as the default
 * catalog's price references.
 */
import { z } from 'zod';
import type { ProviderId, Route } from '../../common/enums';
import { CatalogImportError } from '../errors';
import { genaiPricesAt, type GenaiModel } from './genai-model';
import { BEDROCK_PROFILE_PREFIX, inferModelProvider, normalizeModelKey } from './normalize';
import type { PriceList, PriceRow } from './types';

const Tiered = z.object({ base: z.number(), tiers: z.array(z.object({ start: z.number(), price: z.number() })) });
const ModelPrice = z.record(z.string(), z.union([z.number(), Tiered]));
const Conditional = z.object({
  constraint: z
    .object({
      start_date: z.string().optional(),
      type: z.string().optional(),
      start_time: z.string().optional(),
      end_time: z.string().optional(),
    })
    .optional(),
  prices: ModelPrice,
});
export const GenaiModelSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    context_window: z.number().optional(),
    deprecated: z.boolean().optional(),
    prices: z.union([ModelPrice, z.array(Conditional).min(1)]),
  })
  .passthrough();
export const GenaiProviderSchema = z
  .object({ id: z.string().min(1), name: z.string().optional(), models: z.array(z.unknown()) })
  .passthrough();

/** Route and model maker a genai-prices provider's rows stand for (null: not a catalog route). */
export function genaiRoute(providerId: string, modelId: string): { route: Route; maker: ProviderId | null; region: string | null } | null {
  const profile = BEDROCK_PROFILE_PREFIX.exec(modelId);
  switch (providerId) {
    case 'anthropic':
      return { route: 'direct_api', maker: 'anthropic', region: null };
    case 'openai':
      return { route: 'direct_api', maker: 'openai', region: null };
    case 'x-ai':
      return { route: 'direct_api', maker: 'xai', region: null };
    case 'mistral':
      return { route: 'direct_api', maker: 'mistral', region: null };
    case 'google':
      // The google provider prices the Gemini API (and cites Vertex AI); its Claude rows are Claude on Vertex AI.
      return modelId.startsWith('claude')
        ? { route: 'google_vertex', maker: 'anthropic', region: null }
        : { route: 'direct_api', maker: inferModelProvider(modelId) ?? 'google', region: null };
    case 'aws':
      return { route: 'aws_bedrock', maker: inferModelProvider(modelId), region: profile ? profile[1]! : null };
    case 'azure':
      return { route: 'azure', maker: inferModelProvider(modelId), region: null };
    default:
      return null;
  }
}

/** `at`: the date (YYYY-MM-DD) for which date-conditional prices are resolved. */
export function parseGenaiPrices(json: unknown, at: string): PriceList {
  if (!Array.isArray(json)) {
    throw new CatalogImportError('invalid', 'A genai-prices data.json is a JSON array of providers.', 'genai-prices');
  }
  const rows: PriceRow[] = [];
  const coverage: string[] = [];
  const invalid: string[] = [];
  let skipped = 0;
  json.forEach((rawProvider, i) => {
    const p = GenaiProviderSchema.safeParse(rawProvider);
    if (!p.success) {
      invalid.push(`provider #${i}`);
      return;
    }
    coverage.push(p.data.id);
    for (const rawModel of p.data.models) {
      const m = GenaiModelSchema.safeParse(rawModel);
      if (!m.success) {
        invalid.push(`${p.data.id}/${(rawModel as { id?: unknown })?.id ?? '?'}`);
        continue;
      }
      const model = m.data as GenaiModel;
      const resolved = genaiPricesAt(model, at);
      const prices: PriceRow['prices'] = {};
      if (resolved.inputPerMTok !== undefined) prices.inputPerMTok = resolved.inputPerMTok;
      if (resolved.outputPerMTok !== undefined) prices.outputPerMTok = resolved.outputPerMTok;
      if (resolved.cachedInputPerMTok !== undefined) prices.cachedInputPerMTok = resolved.cachedInputPerMTok;
      if (prices.inputPerMTok === undefined && prices.outputPerMTok === undefined) {
        skipped++; // not priced per token (pages, audio hours, free tiers)
        continue;
      }
      const target = genaiRoute(p.data.id, model.id);
      rows.push({
        format: 'genai-prices',
        key: `${p.data.id}/${model.id}`,
        provider: target?.maker ?? inferModelProvider(model.id),
        model: model.id,
        modelKey: normalizeModelKey(model.id),
        route: target?.route ?? null,
        region: target?.region ?? null,
        prices,
        contextWindow: typeof model.context_window === 'number' && model.context_window > 0 ? model.context_window : undefined,
        deprecated: model.deprecated === true,
      });
    }
  });
  const warnings = invalid.length
    ? [`${invalid.length} entr(y/ies) did not match the genai-prices schema and were ignored (e.g. ${invalid.slice(0, 3).join(', ')})`]
    : [];
  if (rows.length === 0) {
    throw new CatalogImportError('no_rows', 'The genai-prices file has no per-token prices.', 'genai-prices');
  }
  return { format: 'genai-prices', rows, coverage, skippedRows: skipped, warnings };
}
