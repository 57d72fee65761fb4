/**
 * Telling which kind of price/catalog file a JSON document is, and reading it into a PriceList.
 * A file that is not one of the supported kinds — truncated JSON, an inventory CSV, some other
 * JSON — is refused with a CatalogImportError saying what was expected.
 */
import { CATALOG_FORMATS, type CatalogFormat } from '../../common/enums';
import { CatalogImportError } from '../errors';
import { BRIDGEHEAD_EXPORT_FORMAT, parseBridgehead } from './bridgehead';
import { parseGenaiPrices } from './genai-prices';
import { parseLiteLlm } from './litellm';
import { parseOpenRouter } from './openrouter';
import type { PriceList } from './types';

export const FORMAT_LABELS: Record<CatalogFormat, string> = {
  litellm: 'LiteLLM model_prices JSON',
  'genai-prices': 'genai-prices data.json',
  openrouter: 'OpenRouter models listing',
  bridgehead: 'Bridgehead catalog export',
};

export const FORMAT_DESCRIPTIONS: Record<CatalogFormat, string> = {
  litellm:
    'a LiteLLM model_prices JSON (--format litellm): an object of model name → { "litellm_provider", "input_cost_per_token", "output_cost_per_token", … }',
  'genai-prices':
    'a genai-prices data.json (--format genai-prices): an array of providers, each { "id", "name", "models": [{ "id", "prices", … }] }',
  openrouter:
    'an OpenRouter /api/v1/models listing (--format openrouter): { "data": [{ "id", "pricing": { "prompt", "completion" }, … }] }',
  bridgehead:
    'a Bridgehead catalog export (--format bridgehead): { "format": "bridgehead-catalog", "version": 1, "catalog": … }',
};

const expectedAll = (): string => CATALOG_FORMATS.map((f) => `  - ${FORMAT_DESCRIPTIONS[f]}`).join('\n');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The supported format a parsed JSON document is, or null when it is none of them. */
export function detectCatalogFormat(json: unknown): CatalogFormat | null {
  if (isObject(json) && json.format === BRIDGEHEAD_EXPORT_FORMAT) return 'bridgehead';
  if (isObject(json) && Array.isArray(json.data)) {
    const sample = json.data.slice(0, 25);
    if (sample.length > 0 && sample.every((e) => isObject(e) && typeof e.id === 'string' && isObject(e.pricing))) return 'openrouter';
  }
  if (Array.isArray(json)) {
    const sample = json.slice(0, 25);
    if (sample.length > 0 && sample.every((p) => isObject(p) && typeof p.id === 'string' && Array.isArray(p.models)))
      return 'genai-prices';
  }
  if (isObject(json)) {
    const values = Object.entries(json)
      .filter(([k]) => k !== 'sample_spec')
      .slice(0, 50)
      .map(([, v]) => v);
    const rows = values.filter((v) => isObject(v) && typeof v.litellm_provider === 'string');
    if (values.length > 0 && rows.length >= Math.ceil(values.length * 0.8)) return 'litellm';
  }
  return null;
}

/** A short description of a JSON value, for error messages. */
export function describeJson(json: unknown): string {
  if (Array.isArray(json)) {
    if (json.length === 0) return 'an empty JSON array';
    const kinds = [...new Set(json.slice(0, 20).map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)))];
    return `a JSON array of ${json.length} ${kinds.join('/')} value(s)`;
  }
  if (isObject(json)) {
    const keys = Object.keys(json);
    if (keys.length === 0) return 'an empty JSON object';
    return `a JSON object with key(s) ${keys.slice(0, 6).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 6 ? ', …' : ''}`;
  }
  return `a JSON ${json === null ? 'null' : typeof json}`;
}

export interface ParseOptions {
  /** Skip detection and read the file as this format (`--format`). */
  format?: CatalogFormat | undefined;
  /** Date (YYYY-MM-DD) for date-conditional prices (genai-prices); default: today (UTC). */
  at?: string | undefined;
}

const looksDelimited = (text: string): boolean => {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return !/^[[{]/.test(first.trim()) && /[,;\t].*[,;\t]/.test(first);
};

/** Parses file text as JSON, refusing empty, truncated and non-JSON (e.g. CSV) input clearly. */
export function parseJsonText(text: string, expected: CatalogFormat | null = null): unknown {
  const body = text.replace(/^\uFEFF/, '');
  const what = expected ? FORMAT_DESCRIPTIONS[expected] : `one of:\n${expectedAll()}`;
  if (body.trim() === '') throw new CatalogImportError('empty', `The file is empty. Expected ${what}`, expected);
  try {
    return JSON.parse(body);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (looksDelimited(body)) {
      throw new CatalogImportError(
        'not_json',
        `This looks like a CSV or other delimited text file (for example a workload inventory), not a catalog price file. Expected ${what}`,
        expected,
      );
    }
    throw new CatalogImportError(
      'not_json',
      `The file is not valid JSON (${reason}); it may be truncated or damaged. Expected ${what}`,
      expected,
    );
  }
}

/**
 * Reads a price/catalog file — its text, or already-parsed JSON — into a PriceList. With
 * `options.format` the file must be that format; without it the format is detected.
 */
export function parseCatalogFile(input: string | unknown, options: ParseOptions = {}): PriceList {
  const json = typeof input === 'string' ? parseJsonText(input, options.format ?? null) : input;
  const detected = detectCatalogFormat(json);
  let format: CatalogFormat;
  if (options.format) {
    if (detected && detected !== options.format) {
      throw new CatalogImportError(
        'format_mismatch',
        `You asked to read ${FORMAT_LABELS[options.format]}, but the file looks like ${FORMAT_LABELS[detected]}. ` +
          `Use --format ${detected}, or leave --format out to detect it. Expected ${FORMAT_DESCRIPTIONS[options.format]}`,
        options.format,
      );
    }
    if (!detected) {
      throw new CatalogImportError(
        'wrong_kind',
        `This is not ${FORMAT_LABELS[options.format]}: the file is ${describeJson(json)}. Expected ${FORMAT_DESCRIPTIONS[options.format]}`,
        options.format,
      );
    }
    format = options.format;
  } else {
    if (!detected) {
      throw new CatalogImportError(
        'wrong_kind',
        `Not a catalog price file Bridgehead can read: the file is ${describeJson(json)}. Expected one of:\n${expectedAll()}`,
      );
    }
    format = detected;
  }
  switch (format) {
    case 'litellm':
      return parseLiteLlm(json);
    case 'genai-prices':
      return parseGenaiPrices(json, options.at ?? new Date().toISOString().slice(0, 10));
    case 'openrouter':
      return parseOpenRouter(json);
    case 'bridgehead':
      return parseBridgehead(json);
  }
}
