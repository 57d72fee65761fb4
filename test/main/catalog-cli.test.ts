/**
 * `bridgehead catalog list | import | export`, run as a user runs them (the real binary, a real
 * workspace file). The reference price files are read from ../shared/data beside the repository
 * (never copied into it); a missing folder fails these tests rather than skipping them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogDiff } from '../../core/catalog';
import { catalogToListJson, loadDefaultCatalog, parseCatalogExport, validateCatalog, type Catalog, type CatalogListJson } from '../../core/catalog';
import { listRefreshes, readStoredCatalog } from '../../db/repositories/catalog';
import { openWorkspace } from '../../db/workspace';
import { call } from '../../main/cli/api';
import { migrationsDir } from '../../main/paths';
import { startSession } from '../../main/session';
import { cli } from '../helpers/cli';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();
const SHARED_DATA = join(process.cwd(), '..', 'shared', 'data');
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'catalog');

const SHARED_FILES = {
  'genai-prices': 'genai-prices-v2.json',
  litellm: 'litellm-model-prices-2025-09.json',
  openrouter: 'openrouter-models-2026-05.json',
} as const;

/** A reference file from ../shared/data; its absence fails the test with what to restore. */
function shared(name: string): string {
  const path = join(SHARED_DATA, name);
  if (!existsSync(path)) {
    throw new Error(
      `Reference file ${name} is missing from ${SHARED_DATA}: the catalog CLI tests import the LiteLLM, genai-prices and ` +
        'OpenRouter files kept in ../shared/data beside the repository (deliberately not copied into it). Restore that folder.',
    );
  }
  return path;
}

const listJson = async (ws: string): Promise<CatalogListJson> => {
  const res = await cli(['catalog', 'list', '--workspace', ws, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as CatalogListJson;
};

/** The stored catalog (none until a command needed one) and refresh log, read straight from the workspace file. */
function stored(ws: string): { catalog: Catalog; refreshes: ReturnType<typeof listRefreshes> } {
  const w = openWorkspace(ws, { migrationsDir: migrationsDir() });
  try {
    const data = readStoredCatalog(w.db);
    return { catalog: (data === null ? null : validateCatalog(data)) as Catalog, refreshes: listRefreshes(w.db) };
  } finally {
    w.close();
  }
}

interface ImportJson {
  file: string;
  format: string;
  sha256: string;
  diff: CatalogDiff;
  applied: null | { pricesChanged: number; confirmations: number; limitsChanged: number; added: number; gone: number };
}

const changeCount = (d: CatalogDiff) => d.pricesChanged.length + d.confirmations.length + d.limitsChanged.length;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const SONNET = 'anthropic/claude-sonnet-5@direct_api/global';

describe('bridgehead catalog list', () => {
  it('--json prints exactly catalogToListJson of the workspace’s snapshot of the default catalog', async () => {
    const ws = join(tmp(), 'ws.bridgehead');
    const res = await cli(['catalog', 'list', '--workspace', ws, '--json']);
    expect(res.code).toBe(0);
    const printed = JSON.parse(res.stdout) as CatalogListJson;
    // the snapshot resolves scheduled price changes for the day the workspace was created
    const created = stored(ws).catalog.meta.priceDate;
    expect(printed).toEqual(catalogToListJson(loadDefaultCatalog({ priceDate: created })));
    expect(Object.keys(printed)).toEqual(['providers', 'offerings']);
    expect(Object.keys(printed.providers[0]!).sort()).toEqual(['id', 'name', 'prohibitedUseTags', 'sources'].sort());
    expect(Object.keys(printed.offerings[0]!).sort()).toEqual(
      ['id', 'provider', 'model', 'route', 'region', 'maxClassification', 'impactLevel', 'capabilities', 'contextWindow', 'prices', 'qualityByMission', 'tokenizerFactor', 'source', 'asOf', 'confirmed'].sort(),
    );
    expect(Object.keys(printed.offerings[0]!.prices)).toEqual(['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok']);
    expect(printed.offerings.filter((o) => o.maxClassification === 'top_secret').length).toBeGreaterThan(0);
  });

  it('prints a readable table without --json', async () => {
    const ws = join(tmp(), 'ws.bridgehead');
    const res = await cli(['catalog', 'list', '--workspace', ws]);
    expect(res.code).toBe(0);
    const n = (await listJson(ws)).offerings.length;
    expect(res.stdout).toContain(`Offerings (${n})`);
    expect(res.stdout).toMatch(/openai\/gpt-4o@azure\/azure-gov-top-secret\s+top_secret/);
    expect(res.stdout).toContain('prohibits: autonomous_weapons (unless a human is in the loop)');
  });
});

describe.each(Object.entries(SHARED_FILES))('bridgehead catalog import (%s: %s)', (format, name) => {
  it('reports the differences and changes nothing without --yes; applies them with --yes and records the file', async () => {
    const file = shared(name);
    const ws = join(tmp(), 'ws.bridgehead');
    const before = await listJson(ws);

    const dry = await cli(['catalog', 'import', file, '--workspace', ws]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`${name}: `);
    expect(dry.stdout).toContain('Nothing was changed. Run again with --yes');
    const report = JSON.parse((await cli(['catalog', 'import', file, '--workspace', ws, '--json'])).stdout) as ImportJson;
    expect(report).toMatchObject({ file: name, format, sha256: sha256(file), applied: null });
    expect(changeCount(report.diff) + report.diff.added.length + report.diff.gone.length).toBeGreaterThan(0);
    for (const c of report.diff.pricesChanged.slice(0, 3)) expect(dry.stdout).toContain(c.offeringId);
    expect(await listJson(ws)).toEqual(before);
    expect(stored(ws).refreshes).toEqual([]);

    const wet = await cli(['catalog', 'import', file, '--workspace', ws, '--yes']);
    expect(wet.code, wet.stderr).toBe(0);
    expect(wet.stdout).toContain('Applied:');
    const after = await listJson(ws);
    const byId = new Map(after.offerings.map((o) => [o.id, o]));
    for (const c of report.diff.pricesChanged) expect(byId.get(c.offeringId)!.prices[c.field], `${c.offeringId} ${c.field}`).toBe(c.to);
    for (const c of report.diff.limitsChanged) if (c.field === 'contextWindow') expect(byId.get(c.offeringId)!.contextWindow).toBe(c.to);
    // suggestions are not added without --add
    expect(after.offerings.map((o) => o.id)).toEqual(before.offerings.map((o) => o.id));

    const { catalog, refreshes } = stored(ws);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ fileName: name, sha256: sha256(file), format });
    const stamped = report.diff.pricesChanged[0] ?? report.diff.confirmations[0];
    if (stamped) {
      const fact = catalog.offerings.find((o) => o.id === stamped.offeringId)!.listPrices[stamped.field];
      expect(fact.origin).toMatchObject({ format, fileName: name, sha256: sha256(file) });
    }

    // applied: the same file has nothing left to change
    const again = JSON.parse((await cli(['catalog', 'import', file, '--workspace', ws, '--json'])).stdout) as ImportJson;
    expect(changeCount(again.diff)).toBe(0);
  });
});

describe('refused files change nothing (exit 2)', () => {
  it.each([
    ['truncated-litellm.json', [], /not valid JSON .*truncated/s],
    ['inventory.csv', [], /looks like a CSV/],
    ['random.json', [], /Not a catalog price file/],
    ['tiny-litellm.json', ['--format', 'openrouter'], /looks like LiteLLM/],
    ['no-such-file.json', [], /no such file/],
  ] as const)('%s %j', async (name, extra, message) => {
    const ws = join(tmp(), 'ws.bridgehead');
    const before = await listJson(ws);
    const res = await cli(['catalog', 'import', join(FIXTURES, name), '--workspace', ws, '--yes', ...extra]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
    expect(await listJson(ws)).toEqual(before);
    expect(stored(ws).refreshes).toEqual([]);
  });

  it('the JSON Schema beside the genai-prices data is not a price file', async () => {
    const ws = join(tmp(), 'ws.bridgehead');
    const res = await cli(['catalog', 'import', shared('genai-prices-v2.schema.json'), '--workspace', ws, '--yes']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Not a catalog price file');
    expect(stored(ws).refreshes).toEqual([]);
  });

  it('an unknown --format is a usage error', async () => {
    const res = await cli(['catalog', 'import', join(FIXTURES, 'tiny-litellm.json'), '--format', 'csv', '--workspace', join(tmp(), 'ws.bridgehead')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('litellm, genai-prices, openrouter, bridgehead');
  });
});

describe('contract prices and export', () => {
  it('contract prices survive a refresh that changes the list price under them', async () => {
    const ws = join(tmp(), 'ws.bridgehead');
    const session = await startSession({ workspace: ws, face: 'cli' });
    try {
      await call(session, 'catalog.setContractPrice', { offeringId: SONNET, inputPerMTok: 1.25, reference: 'Enterprise agreement EA-7' });
    } finally {
      session.close();
    }
    const file = shared(SHARED_FILES['genai-prices']);
    const report = JSON.parse((await cli(['catalog', 'import', file, '--workspace', ws, '--json', '--yes'])).stdout) as ImportJson;
    const listChange = report.diff.pricesChanged.find((c) => c.offeringId === SONNET && c.field === 'inputPerMTok');
    expect(listChange, 'the genai-prices file changes Sonnet 5’s input list price').toBeDefined();

    const { catalog } = stored(ws);
    expect(catalog.contracts).toEqual([
      expect.objectContaining({ offeringId: SONNET, inputPerMTok: 1.25, outputPerMTok: null, reference: 'Enterprise agreement EA-7' }),
    ]);
    const o = catalog.offerings.find((x) => x.id === SONNET)!;
    expect(o.listPrices.inputPerMTok.value).toBe(listChange!.to);
    const listed = (await listJson(ws)).offerings.find((x) => x.id === SONNET)!;
    expect(listed.prices.inputPerMTok).toBe(1.25);
    expect(listed.prices.outputPerMTok).toBe(o.listPrices.outputPerMTok.value);
  });

  it('export then import is a no-op diff, after edits, contract prices, an added offering and a refresh', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    const session = await startSession({ workspace: ws, face: 'cli' });
    try {
      await call(session, 'catalog.updateOffering', { offeringId: SONNET, patch: { qualityByMission: { intelligence_analysis: 88 }, tokenizerFactor: 1.1 } });
      await call(session, 'catalog.setContractPrice', { offeringId: SONNET, outputPerMTok: 9, reference: 'EA-7' });
      await call(session, 'catalog.addOffering', {
        offering: { provider: 'meta', model: 'llama-3.3-70b', route: 'self_hosted', region: 'jwics-enclave', authorization: { maxClassification: 'top_secret' } },
      });
    } finally {
      session.close();
    }
    expect((await cli(['catalog', 'import', shared(SHARED_FILES.openrouter), '--workspace', ws, '--yes'])).code).toBe(0);

    const out = join(dir, 'catalog.json');
    const exported = await cli(['catalog', 'export', out, '--workspace', ws]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(out);
    const roundTrip = parseCatalogExport(readFileSync(out, 'utf8'));
    expect(roundTrip).toEqual(stored(ws).catalog);

    const res = await cli(['catalog', 'import', out, '--workspace', ws, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as ImportJson;
    expect(report.format).toBe('bridgehead');
    expect(changeCount(report.diff)).toBe(0);
    expect(report.diff.added).toEqual([]);
    expect(report.diff.gone).toEqual([]);
    expect(report.diff.unchanged).toBe(roundTrip.offerings.length);
  });
});
