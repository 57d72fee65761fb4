import { describe, expect, it } from 'vitest';
import {
  applyRefresh,
  CatalogImportError,
  detectCatalogFormat,
  diffCatalog,
  exportCatalog,
  parseCatalogExport,
  parseCatalogFile,
  type CatalogImportErrorCode,
} from '../../../core/catalog';
import { deepFreeze, defaultCatalog, PRICE_DATE, readFixture, readShared, sha256, SHARED_FILES } from './helpers';

const refused = (fn: () => unknown): CatalogImportError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogImportError);
    return e as CatalogImportError;
  }
  throw new Error('expected the file to be refused');
};

describe('format detection', () => {
  it('recognises each reference file in ../shared/data', () => {
    for (const [format, file] of Object.entries(SHARED_FILES)) {
      expect(detectCatalogFormat(JSON.parse(readShared(file).toString('utf8'))), file).toBe(format);
    }
  });

  it('recognises the small fixtures and a Bridgehead export', () => {
    expect(detectCatalogFormat(JSON.parse(readFixture('tiny-litellm.json')))).toBe('litellm');
    expect(detectCatalogFormat(JSON.parse(readFixture('tiny-genai.json')))).toBe('genai-prices');
    expect(detectCatalogFormat(JSON.parse(readFixture('tiny-openrouter.json')))).toBe('openrouter');
    expect(detectCatalogFormat(JSON.parse(exportCatalog(defaultCatalog())))).toBe('bridgehead');
  });

  it('recognises nothing else', () => {
    for (const v of [null, 3, 'x', [], {}, [1, 2], { data: [] }, { data: [{ id: 'a' }] }, [{ id: 'p' }], JSON.parse(readFixture('random.json'))]) {
      expect(detectCatalogFormat(v), JSON.stringify(v)).toBeNull();
    }
  });
});

describe('refusing malformed or wrong-kind files', () => {
  const cases: { name: string; text: () => string; format?: 'litellm' | 'genai-prices' | 'openrouter' | 'bridgehead'; code: CatalogImportErrorCode; message: RegExp }[] = [
    { name: 'truncated JSON', text: () => readFixture('truncated-litellm.json'), code: 'not_json', message: /not valid JSON.*truncated/s },
    { name: 'an inventory CSV', text: () => readFixture('inventory.csv'), code: 'not_json', message: /CSV.*workload inventory/s },
    { name: 'random JSON', text: () => readFixture('random.json'), code: 'wrong_kind', message: /JSON object with key\(s\) "hello"/ },
    { name: 'an empty file', text: () => '  \n', code: 'empty', message: /empty/ },
    { name: 'a JSON array of numbers', text: () => '[1,2,3]', code: 'wrong_kind', message: /array of 3 number/ },
    {
      name: 'a genai-prices file read as LiteLLM',
      text: () => readFixture('tiny-genai.json'),
      format: 'litellm',
      code: 'format_mismatch',
      message: /asked to read LiteLLM.*looks like genai-prices.*--format genai-prices/s,
    },
    {
      name: 'random JSON read as OpenRouter',
      text: () => readFixture('random.json'),
      format: 'openrouter',
      code: 'wrong_kind',
      message: /not OpenRouter models listing.*Expected an OpenRouter/s,
    },
    {
      name: 'a Bridgehead export of another version',
      text: () => JSON.stringify({ format: 'bridgehead-catalog', version: 2, catalog: {} }),
      code: 'unsupported_version',
      message: /version 2; this Bridgehead reads version 1/,
    },
    {
      name: 'a Bridgehead export whose catalog is damaged',
      text: () => JSON.stringify({ format: 'bridgehead-catalog', version: 1, exportedAt: null, catalog: { schemaVersion: 1 } }),
      code: 'invalid',
      message: /does not validate/,
    },
    {
      name: 'a LiteLLM file without one usable row',
      text: () => JSON.stringify({ a: { litellm_provider: 'openai', input_cost_per_token: 'free' }, b: { litellm_provider: 'x', input_cost_per_token: [] } }),
      code: 'no_rows',
      message: /no usable price rows/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with a clear message and changes nothing`, () => {
      const catalog = deepFreeze(defaultCatalog());
      const before = structuredClone(catalog);
      const err = refused(() => {
        const list = parseCatalogFile(c.text(), { format: c.format, at: PRICE_DATE });
        // not reached for a refused file; if it were, the refresh would run on the frozen catalog
        applyRefresh(catalog, list, { fileName: 'x.json', sha256: sha256('x'), importedAt: '2026-11-28T12:00:00Z' });
      });
      expect(err.code).toBe(c.code);
      expect(err.message).toMatch(c.message);
      if (c.code !== 'empty' && c.code !== 'not_json' && c.code !== 'wrong_kind') expect(err.expected).not.toBeNull();
      expect(catalog).toEqual(before);
    });
  }

  it('names every supported format when it cannot tell what a file is', () => {
    const err = refused(() => parseCatalogFile(readFixture('random.json')));
    for (const f of ['--format litellm', '--format genai-prices', '--format openrouter', '--format bridgehead']) expect(err.message).toContain(f);
  });

  it('refuses a truncated copy of each reference file', () => {
    for (const file of Object.values(SHARED_FILES)) {
      const text = readShared(file).toString('utf8');
      const err = refused(() => parseCatalogFile(text.slice(0, Math.floor(text.length / 2)), { at: PRICE_DATE }));
      expect(err.code, file).toBe('not_json');
    }
  });

  it('refuses a truncated Bridgehead export through parseCatalogExport', () => {
    const text = exportCatalog(defaultCatalog());
    expect(refused(() => parseCatalogExport(text.slice(0, 500))).code).toBe('not_json');
  });
});

describe('reading the small fixtures', () => {
  it('reads LiteLLM rows: per-token to per-MTok, regions, skipping commitments, embeddings and non-rows', () => {
    const list = parseCatalogFile(readFixture('tiny-litellm.json'));
    const byKey = new Map(list.rows.map((r) => [r.key, r]));
    expect(byKey.get('amazon.nova-pro-v1:0')).toMatchObject({
      provider: 'amazon',
      route: 'aws_bedrock',
      region: null,
      modelKey: 'nova-pro',
      prices: { inputPerMTok: 0.8, outputPerMTok: 3.2 },
      contextWindow: 300000,
      maxOutputTokens: 10000,
      capabilities: ['tool_use', 'vision'],
    });
    expect(byKey.get('bedrock/us-gov-west-1/amazon.nova-pro-v1:0')).toMatchObject({ region: 'us-gov-west-1', prices: { inputPerMTok: 1.1, outputPerMTok: 4.4 } });
    expect(byKey.get('us.amazon.nova-premier-v1:0')).toMatchObject({ region: 'us', modelKey: 'nova-premier' });
    expect(byKey.get('claude-haiku-4-5')).toMatchObject({ provider: 'anthropic', route: 'direct_api', modelKey: 'claude-haiku-4-5' });
    expect(byKey.get('deepinfra/meta-llama/Llama-3.3-70B-Instruct')?.route).toBeNull();
    expect(byKey.has('bedrock/us-gov-west-1/1-month-commitment/amazon.nova-pro-v1:0')).toBe(false);
    expect(byKey.has('amazon.titan-embed-text-v2:0')).toBe(false);
    expect(byKey.has('sample_spec')).toBe(false);
    expect(list.warnings.join(' ')).toMatch(/1 row\(s\) were not LiteLLM price rows.*not-a-row/);
  });

  it('reads genai-prices conditional prices for the given date', () => {
    const before = parseCatalogFile(readFixture('tiny-genai.json'), { at: '2026-08-31' });
    const after = parseCatalogFile(readFixture('tiny-genai.json'), { at: '2026-09-01' });
    const sonnet = (l: typeof before) => l.rows.find((r) => r.key === 'anthropic/claude-sonnet-5')!.prices;
    expect(sonnet(before)).toEqual({ inputPerMTok: 2, outputPerMTok: 10 });
    expect(sonnet(after)).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(before.coverage).toEqual(['anthropic', 'aws']);
  });

  it('reads OpenRouter strings, skipping variants and routers', () => {
    const list = parseCatalogFile(readFixture('tiny-openrouter.json'));
    expect(list.rows.map((r) => r.key)).toEqual(['anthropic/claude-haiku-4.5', 'mistralai/magistral-medium']);
    expect(list.rows[0]).toMatchObject({
      provider: 'anthropic',
      route: 'direct_api',
      modelKey: 'claude-haiku-4-5',
      prices: { inputPerMTok: 1.1, outputPerMTok: 5.5 },
      capabilities: ['tool_use', 'vision', 'reasoning'],
    });
    expect(list.skippedRows).toBe(2);
  });

  it('diffs against the catalog without touching it', () => {
    const catalog = deepFreeze(defaultCatalog());
    const d = diffCatalog(catalog, parseCatalogFile(readFixture('tiny-openrouter.json')));
    expect(d.pricesChanged.filter((c) => c.offeringId === 'anthropic/claude-haiku-4-5@direct_api/global').map((c) => [c.field, c.from, c.to])).toEqual([
      ['inputPerMTok', 1, 1.1],
      ['outputPerMTok', 5, 5.5],
    ]);
  });
});
