/**
 * LiteLLM `model_prices_and_context_window.json`: an object of model key → row, prices in USD per
 * token, `litellm_provider`, `max_input_tokens`, `max_output_tokens`, `mode`, `supports_*` flags.
 *
 * Keys carry route and region: `bedrock/us-gov-west-1/anthropic.claude-3-haiku-20240307-v1:0`,
 * `us.anthropic.claude-…` (Bedrock cross-region profile), `azure/us/gpt-4o-2024-08-06`,
 * `vertex_ai/claude-opus-4-1@20250805`. Provisioned-throughput (`…/1-month-commitment/…`) and
 * non-chat rows (embeddings, images, audio) are skipped.
 */
import { z } from 'zod';
import type { Capability, ProviderId, Route } from '../../common/enums';
import { CatalogImportError } from '../errors';
import { roundPrice } from './genai-model';
import { BEDROCK_PROFILE_PREFIX, inferModelProvider, normalizeModelKey } from './normalize';
import type { PriceList, PriceRow } from './types';

const num = z.number().finite().optional();
export const LiteLlmRow = z
  .object({
    litellm_provider: z.string().min(1),
    mode: z.string().optional(),
    input_cost_per_token: num,
    output_cost_per_token: num,
    cache_read_input_token_cost: num,
    max_input_tokens: z.number().optional(),
    max_output_tokens: z.number().optional(),
    supports_function_calling: z.boolean().optional(),
    supports_vision: z.boolean().optional(),
    supports_response_schema: z.boolean().optional(),
    supports_reasoning: z.boolean().optional(),
    deprecation_date: z.string().optional(),
  })
  .passthrough();

const CHAT_MODES = new Set(['chat', 'responses', 'completion']);
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d+$/;
const PATH_PREFIXES = new Set([
  'anthropic',
  'openai',
  'gemini',
  'xai',
  'mistral',
  'codestral',
  'meta_llama',
  'azure',
  'azure_ai',
  'vertex_ai',
  'bedrock',
  'bedrock_converse',
]);

const routeFor = (litellmProvider: string): { route: Route; maker: ProviderId | null } | null => {
  switch (litellmProvider) {
    case 'anthropic':
      return { route: 'direct_api', maker: 'anthropic' };
    case 'openai':
      return { route: 'direct_api', maker: 'openai' };
    case 'gemini':
      return { route: 'direct_api', maker: 'google' };
    case 'xai':
      return { route: 'direct_api', maker: 'xai' };
    case 'mistral':
    case 'codestral':
      return { route: 'direct_api', maker: 'mistral' };
    case 'meta_llama':
      return { route: 'direct_api', maker: 'meta' };
    case 'bedrock':
    case 'bedrock_converse':
      return { route: 'aws_bedrock', maker: null };
    case 'azure':
    case 'azure_ai':
      return { route: 'azure', maker: null };
    default:
      return litellmProvider.startsWith('vertex_ai') ? { route: 'google_vertex', maker: null } : null;
  }
};

const perMTok = (perToken: number | undefined): number | undefined =>
  perToken === undefined || perToken < 0 ? undefined : roundPrice(perToken * 1e6);

/** Splits a LiteLLM key into model id and region; null for provisioned-throughput rows. */
export function splitLiteLlmKey(key: string, route: Route): { model: string; region: string | null } | null {
  let segs = key.split('/');
  let region: string | null = null;
  if (segs[0] === 'bedrock' || segs[0] === 'bedrock_converse') {
    segs = segs.slice(1);
    if (segs.length > 1 && REGION.test(segs[0]!)) region = segs.shift()!;
    if (segs.length > 1 && /commitment/.test(segs[0]!)) return null;
    if (segs.length > 1 && (segs[0] === 'invoke' || segs[0] === 'converse')) segs.shift();
  } else if (segs[0] === 'azure' && segs.length === 3) {
    region = segs[1]!;
    segs = segs.slice(2);
  } else if (segs.length > 1 && PATH_PREFIXES.has(segs[0]!)) {
    segs = segs.slice(1);
  }
  const model = segs.join('/');
  const profile = BEDROCK_PROFILE_PREFIX.exec(model);
  if (route === 'aws_bedrock' && profile && region === null) region = profile[1]!;
  return { model, region };
}

export function parseLiteLlm(json: unknown): PriceList {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new CatalogImportError('invalid', 'A LiteLLM model_prices file is a JSON object of model name → price row.', 'litellm');
  }
  const rows: PriceRow[] = [];
  const coverage = new Set<string>();
  const invalid: string[] = [];
  let skipped = 0;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'sample_spec') continue;
    const parsed = LiteLlmRow.safeParse(value);
    if (!parsed.success) {
      invalid.push(key);
      continue;
    }
    const r = parsed.data;
    coverage.add(r.litellm_provider);
    const target = routeFor(r.litellm_provider);
    if (r.mode !== undefined && !CHAT_MODES.has(r.mode)) {
      skipped++;
      continue;
    }
    const route = target?.route ?? null;
    const split = route ? splitLiteLlmKey(key, route) : { model: key.split('/').pop() ?? key, region: null };
    if (!split) {
      skipped++;
      continue;
    }
    const capabilities: Capability[] = [];
    if (r.supports_function_calling) capabilities.push('tool_use');
    if (r.supports_vision) capabilities.push('vision');
    if (r.supports_response_schema) capabilities.push('structured_output');
    if (r.supports_reasoning) capabilities.push('reasoning');
    const prices: PriceRow['prices'] = {};
    const input = perMTok(r.input_cost_per_token);
    const output = perMTok(r.output_cost_per_token);
    const cached = perMTok(r.cache_read_input_token_cost);
    if (input !== undefined) prices.inputPerMTok = input;
    if (output !== undefined) prices.outputPerMTok = output;
    if (cached !== undefined) prices.cachedInputPerMTok = cached;
    rows.push({
      format: 'litellm',
      key,
      provider: target?.maker ?? inferModelProvider(split.model),
      model: split.model,
      modelKey: normalizeModelKey(split.model),
      route,
      region: split.region,
      prices,
      contextWindow: r.max_input_tokens !== undefined && r.max_input_tokens > 0 ? Math.round(r.max_input_tokens) : undefined,
      maxOutputTokens: r.max_output_tokens !== undefined && r.max_output_tokens > 0 ? Math.round(r.max_output_tokens) : undefined,
      capabilities,
      deprecated: r.deprecation_date !== undefined,
    });
  }
  const warnings = invalid.length
    ? [`${invalid.length} row(s) were not LiteLLM price rows and were ignored (e.g. ${invalid.slice(0, 3).join(', ')})`]
    : [];
  if (rows.length === 0) {
    throw new CatalogImportError(
      'no_rows',
      `The LiteLLM file has no usable price rows${invalid.length ? ` (${invalid.length} malformed)` : ''}.`,
      'litellm',
    );
  }
  return { format: 'litellm', rows, coverage: [...coverage].sort(), skippedRows: skipped, warnings };
}
