/**
 * Model-id normalization used to match rows of price files to catalog offerings.
 *
 * Different files spell the same model differently: `anthropic/claude-sonnet-4.5` (OpenRouter),
 * `claude-sonnet-4-5-20250929` (Anthropic), `bedrock/us-gov-west-1/anthropic.claude-sonnet-4-5-20250929-v1:0`
 * (LiteLLM), `regional.anthropic.claude-sonnet-4-5-20250929-v1:0` (genai-prices). All normalize to
 * `claude-sonnet-4-5`. Region and route are read separately by each importer.
 */
import type { ProviderId } from '../../common/enums';

/** Bedrock cross-region inference profile / endpoint prefixes (`us.`, `global.`, `regional.` …). */
export const BEDROCK_PROFILE_PREFIX = /^(us-gov|us|eu|apac|jp|au|ca|global|regional)\./;
const VENDOR_PREFIX = /^(anthropic|amazon|meta|mistral|mistralai|openai|google|cohere|ai21|deepseek|qwen|writer|nvidia|xai|x-ai)\./;

/**
 * `claude-3-5-sonnet` → `claude-sonnet-3-5`, `claude-sonnet-4-0` → `claude-sonnet-4`, `gpt-5.4` →
 * `gpt-5-4`, `amazon.nova-pro-v1:0` → `nova-pro`, `llama4-scout` → `llama-4-scout`. Dates
 * (`-20250929`, `-2024-08-06`, `@20240620`) and Bedrock version suffixes (`-v1:0`) are dropped;
 * variant suffixes after `:` that are not versions (`:free`, `:beta`) are kept, so they never match.
 */
export function normalizeModelKey(raw: string): string {
  let s = raw.trim().toLowerCase();
  // path prefixes (provider/, bedrock/region/, vertex_ai/, azure/us/ …): the model is the last segment
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  s = s.replace(/@.*$/, ''); // vertex version suffix
  while (BEDROCK_PROFILE_PREFIX.test(s)) s = s.replace(BEDROCK_PROFILE_PREFIX, '');
  s = s.replace(VENDOR_PREFIX, '');
  s = s.replace(/-v\d+(:\d+)?$/, ''); // bedrock version
  s = s.replace(/:\d+$/, '');
  s = s.replace(/-\d{8}$/, ''); // -20250929
  s = s.replace(/-\d{4}-\d{2}-\d{2}$/, ''); // -2024-08-06
  s = s.replace(/(\d)\.(?=\d)/g, '$1-'); // 4.5 → 4-5
  s = s.replace(/^llama(\d)/, 'llama-$1');
  s = s.replace(/^claude-(\d+(?:-\d+)?)-(opus|sonnet|haiku)(?=$|-)/, 'claude-$2-$1');
  s = s.replace(/^(claude-(?:opus|sonnet|haiku)-\d+)-0$/, '$1');
  return s;
}

/** The model maker (catalog provider id) implied by a model id, or null when it cannot be told. */
export function inferModelProvider(raw: string): ProviderId | null {
  let s = raw.trim().toLowerCase();
  const slash = s.lastIndexOf('/');
  if (slash >= 0) s = s.slice(slash + 1);
  while (BEDROCK_PROFILE_PREFIX.test(s)) s = s.replace(BEDROCK_PROFILE_PREFIX, '');
  if (s.startsWith('anthropic.') || s.startsWith('claude')) return 'anthropic';
  if (s.startsWith('amazon.') || /^(nova|titan)/.test(s)) return 'amazon';
  if (s.startsWith('meta.') || /^(meta-)?llama/.test(s)) return 'meta';
  if (s.startsWith('mistral.') || /^(mistral|mixtral|codestral|magistral|ministral|pixtral|devstral|voxtral)/.test(s))
    return 'mistral';
  if (s.startsWith('openai.') || /^(gpt|o1|o3|o4|chatgpt|codex|text-embedding)/.test(s)) return 'openai';
  if (s.startsWith('google.') || /^(gemini|gemma)/.test(s)) return 'google';
  if (s.startsWith('xai.') || /^grok/.test(s)) return 'xai';
  return null;
}
