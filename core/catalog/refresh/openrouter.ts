/**
 * OpenRouter `/api/v1/models` listing: `{ data: [{ id: "anthropic/claude-opus-4.7", pricing:
 * { prompt: "0.000005", completion: "0.000025", input_cache_read?: … }, context_length,
 * top_provider: { max_completion_tokens }, supported_parameters, architecture }] }`.
 *
 * OpenRouter passes through the model maker's list price, so a row is read as the maker's own
 * route: `direct_api` (Amazon's models: `aws_bedrock`, where Amazon sells them), with no region.
 * Variants after a colon (`:free`, `:beta`, `:extended`) are skipped; so are router entries
 * priced `-1`.
 */
import { z } from 'zod';
import type { Capability, ProviderId, Route } from '../../common/enums';
import { CatalogImportError } from '../errors';
import { roundPrice } from './genai-model';
import { normalizeModelKey } from './normalize';
import type { PriceList, PriceRow } from './types';

const PriceString = z.union([z.string(), z.number()]).nullable().optional();
export const OpenRouterModel = z
  .object({
    id: z.string().min(1),
    pricing: z
      .object({ prompt: PriceString, completion: PriceString, input_cache_read: PriceString })
      .passthrough(),
    context_length: z.number().nullable().optional(),
    top_provider: z
      .object({ max_completion_tokens: z.number().nullable().optional() })
      .passthrough()
      .nullable()
      .optional(),
    supported_parameters: z.array(z.string()).nullable().optional(),
    architecture: z
      .object({ input_modalities: z.array(z.string()).nullable().optional() })
      .passthrough()
      .nullable()
      .optional(),
    expiration_date: z.string().nullable().optional(),
  })
  .passthrough();

const MAKERS: Record<string, { provider: ProviderId; route: Route }> = {
  anthropic: { provider: 'anthropic', route: 'direct_api' },
  openai: { provider: 'openai', route: 'direct_api' },
  google: { provider: 'google', route: 'direct_api' },
  'x-ai': { provider: 'xai', route: 'direct_api' },
  'meta-llama': { provider: 'meta', route: 'direct_api' },
  mistralai: { provider: 'mistral', route: 'direct_api' },
  amazon: { provider: 'amazon', route: 'aws_bedrock' },
};

const perMTok = (v: string | number | null | undefined): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n >= 0 ? roundPrice(n * 1e6) : undefined;
};

export function parseOpenRouter(json: unknown): PriceList {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new CatalogImportError('invalid', 'An OpenRouter models listing is a JSON object with a "data" array.', 'openrouter');
  }
  const rows: PriceRow[] = [];
  const coverage = new Set<string>();
  const invalid: string[] = [];
  let skipped = 0;
  data.forEach((raw, i) => {
    const parsed = OpenRouterModel.safeParse(raw);
    if (!parsed.success) {
      invalid.push(`#${i}`);
      return;
    }
    const m = parsed.data;
    const slash = m.id.indexOf('/');
    const prefix = slash > 0 ? m.id.slice(0, slash) : '';
    const model = slash > 0 ? m.id.slice(slash + 1) : m.id;
    if (prefix) coverage.add(prefix);
    const maker = MAKERS[prefix];
    if (m.id.includes(':') || !maker) {
      skipped++;
      return;
    }
    const prices: PriceRow['prices'] = {};
    const input = perMTok(m.pricing.prompt);
    const output = perMTok(m.pricing.completion);
    const cached = perMTok(m.pricing.input_cache_read);
    if (input !== undefined) prices.inputPerMTok = input;
    if (output !== undefined) prices.outputPerMTok = output;
    if (cached !== undefined) prices.cachedInputPerMTok = cached;
    if (input === undefined && output === undefined) {
      skipped++;
      return;
    }
    const params = new Set(m.supported_parameters ?? []);
    const capabilities: Capability[] = [];
    if (params.has('tools')) capabilities.push('tool_use');
    if ((m.architecture?.input_modalities ?? []).includes('image')) capabilities.push('vision');
    if (params.has('structured_outputs') || params.has('response_format')) capabilities.push('structured_output');
    if (params.has('reasoning') || params.has('include_reasoning')) capabilities.push('reasoning');
    rows.push({
      format: 'openrouter',
      key: m.id,
      provider: maker.provider,
      model,
      modelKey: normalizeModelKey(model),
      route: maker.route,
      region: null,
      prices,
      contextWindow: typeof m.context_length === 'number' && m.context_length > 0 ? m.context_length : undefined,
      maxOutputTokens:
        typeof m.top_provider?.max_completion_tokens === 'number' && m.top_provider.max_completion_tokens > 0
          ? m.top_provider.max_completion_tokens
          : undefined,
      capabilities,
      deprecated: typeof m.expiration_date === 'string',
    });
  });
  const warnings = invalid.length
    ? [`${invalid.length} entr(y/ies) were not OpenRouter model entries and were ignored (e.g. ${invalid.slice(0, 3).join(', ')})`]
    : [];
  if (rows.length === 0 && invalid.length > 0 && skipped === 0) {
    throw new CatalogImportError('no_rows', 'The OpenRouter listing has no usable model entries.', 'openrouter');
  }
  return { format: 'openrouter', rows, coverage: [...coverage].sort(), skippedRows: skipped, warnings };
}
