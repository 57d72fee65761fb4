import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefaultCatalog, type Catalog } from '../../../core/catalog';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root (/work/main in the workplace). */
export const REPO_ROOT = resolve(here, '../../..');
/** ../shared/data relative to the repository root: the reference price files (not copied into the repo). */
export const SHARED_DATA_DIR = resolve(REPO_ROOT, '../shared/data');
export const FIXTURES_DIR = resolve(REPO_ROOT, 'test/fixtures/catalog');

/** Prices with scheduled changes are resolved for this date in tests, so results do not drift. */
export const PRICE_DATE = '2026-11-28';

export const SHARED_FILES = {
  'genai-prices': 'genai-prices-v2.json',
  litellm: 'litellm-model-prices-2025-09.json',
  openrouter: 'openrouter-models-2026-05.json',
} as const;

/** Reads a file from ../shared/data; a missing folder or file fails the test with a clear message. */
export function readShared(name: string): Buffer {
  if (!existsSync(SHARED_DATA_DIR)) {
    throw new Error(
      `The reference data folder ../shared/data was not found at ${SHARED_DATA_DIR}. ` +
        'The catalog refresh tests import the LiteLLM, genai-prices and OpenRouter files kept there ' +
        '(they are deliberately not copied into the repository); restore the folder beside the repository.',
    );
  }
  const path = resolve(SHARED_DATA_DIR, name);
  if (!existsSync(path)) throw new Error(`Expected reference file ${name} in ${SHARED_DATA_DIR}, but it is not there.`);
  return readFileSync(path);
}

export const readFixture = (name: string): string => readFileSync(resolve(FIXTURES_DIR, name), 'utf8');

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Freezes an object graph so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

let cached: Catalog | undefined;
/** A fresh, mutable copy of the default catalog with prices resolved for PRICE_DATE. */
export function defaultCatalog(): Catalog {
  cached ??= loadDefaultCatalog({ priceDate: PRICE_DATE });
  return structuredClone(cached);
}

/** Every `{ source, asOf, confirmed }` object in a value, with its path. */
export function collectProvenance(value: unknown, path = '$'): { path: string; fact: Record<string, unknown> }[] {
  if (!value || typeof value !== 'object') return [];
  const out: { path: string; fact: Record<string, unknown> }[] = [];
  const obj = value as Record<string, unknown>;
  if ('source' in obj && 'asOf' in obj && 'confirmed' in obj) out.push({ path, fact: obj });
  for (const [k, v] of Object.entries(obj)) out.push(...collectProvenance(v, `${path}.${k}`));
  return out;
}
