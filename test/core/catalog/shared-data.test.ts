/**
 * Importing each reference file in ../shared/data (read from there, never copied into the repo):
 * the diff reports its differences, applying it changes exactly what the diff reported, records the
 * file's name and sha256, and leaves contract prices alone.
 */
import { describe, expect, it } from 'vitest';
import {
  applyRefresh,
  diffCatalog,
  effectivePrices,
  parseCatalogFile,
  PRICE_FIELDS,
  validateCatalog,
  type Catalog,
  type ContractPrice,
} from '../../../core/catalog';
import { deepFreeze, defaultCatalog, PRICE_DATE, readShared, sha256, SHARED_FILES } from './helpers';

const IMPORTED_AT = '2026-11-28T16:00:00Z';
const get = (c: Catalog, id: string) => {
  const o = c.offerings.find((x) => x.id === id);
  if (!o) throw new Error(`no offering ${id}`);
  return o;
};

const contracts: ContractPrice[] = [
  { offeringId: 'anthropic/claude-sonnet-5@direct_api/global', inputPerMTok: 1.5, outputPerMTok: 7.5, cachedInputPerMTok: null, reference: 'EA-1', setAt: '2026-10-01' },
  { offeringId: 'amazon/nova-pro@aws_bedrock/us-gov-west-1', inputPerMTok: 0.5, outputPerMTok: null, cachedInputPerMTok: null, reference: 'GovCloud EDP', setAt: '2026-09-15' },
  { offeringId: 'mistral/mistral-large-2512@direct_api/global', inputPerMTok: null, outputPerMTok: 1, cachedInputPerMTok: null, reference: 'Mistral MSA', setAt: '2026-08-01' },
];

it('finds the reference data folder ../shared/data', () => {
  for (const file of Object.values(SHARED_FILES)) expect(readShared(file).length).toBeGreaterThan(1000);
});

describe.each(Object.entries(SHARED_FILES))('importing %s (%s)', (format, file) => {
  const bytes = readShared(file);
  const list = parseCatalogFile(bytes.toString('utf8'), { at: PRICE_DATE });
  const current = deepFreeze(validateCatalog({ ...defaultCatalog(), contracts }));
  const before = structuredClone(current);
  const diff = diffCatalog(current, list);
  const next = applyRefresh(current, list, { fileName: file, sha256: sha256(bytes), importedAt: IMPORTED_AT });

  it('is detected as its format and matches catalog offerings', () => {
    expect(list.format).toBe(format);
    expect(diff.matched.length).toBeGreaterThan(0);
    expect(list.rows.length).toBeGreaterThan(100);
  });

  it('reports its differences', () => {
    const reported = diff.pricesChanged.length + diff.confirmations.length + diff.limitsChanged.length + diff.added.length + diff.gone.length;
    expect(reported).toBeGreaterThan(0);
    const changed = new Set([...diff.pricesChanged, ...diff.confirmations, ...diff.limitsChanged].map((c) => c.offeringId));
    expect(diff.unchanged + changed.size).toBe(diff.matched.length);
  });

  it('applies exactly the reported price and limit changes, stamped with the file', () => {
    for (const c of diff.pricesChanged) {
      const fact = get(next, c.offeringId).listPrices[c.field];
      expect(fact.value, `${c.offeringId} ${c.field}`).toBe(c.to);
      expect(fact.confirmed).toBe(!c.estimated);
      expect(fact.origin).toEqual({ format, fileName: file, sha256: sha256(bytes), importedAt: IMPORTED_AT, rowKey: c.rowKey });
    }
    for (const c of diff.confirmations) expect(get(next, c.offeringId).listPrices[c.field]).toMatchObject({ value: c.value, confirmed: true });
    for (const c of diff.limitsChanged) expect(get(next, c.offeringId)[c.field].value).toBe(c.to);
    const touched = new Set([...diff.pricesChanged, ...diff.confirmations, ...diff.limitsChanged].map((c) => c.offeringId));
    for (const o of before.offerings) if (!touched.has(o.id)) expect(get(next, o.id)).toEqual(o);
    // the diff of the applied catalog against the same file has nothing left to change
    const again = diffCatalog(next, list);
    expect(again.pricesChanged).toEqual([]);
    expect(again.confirmations).toEqual([]);
    expect(again.limitsChanged).toEqual([]);
  });

  it('keeps contract prices above the refreshed list prices', () => {
    expect(next.contracts).toEqual(contracts);
    for (const k of contracts) {
      const eff = effectivePrices(get(next, k.offeringId), next.contracts);
      for (const f of PRICE_FIELDS) {
        if (k[f] !== null) expect(eff[f]).toBe(k[f]);
        else expect(eff[f]).toBe(get(next, k.offeringId).listPrices[f].value);
      }
    }
  });

  it('does not touch the catalog it was given', () => {
    expect(current).toEqual(before);
  });

  it('adds the suggested offerings with the file’s prices when asked', () => {
    if (diff.added.length === 0) return expect(format).toBe('bridgehead');
    const pick = diff.added.slice(0, 5).map((a) => a.id);
    const withAdded = applyRefresh(current, list, { fileName: file, sha256: sha256(bytes), importedAt: IMPORTED_AT }, { add: pick });
    expect(withAdded.offerings.length).toBe(current.offerings.length + pick.length);
    for (const id of pick) {
      const a = diff.added.find((x) => x.id === id)!;
      const o = get(withAdded, id);
      for (const f of PRICE_FIELDS) expect(o.listPrices[f].value).toBe(a.prices[f]);
      expect(o.authorization.confirmed).toBe(false);
      expect(o.listing.origin?.sha256).toBe(sha256(bytes));
    }
  });
});

describe('what the reference files say about the default catalog', () => {
  const diffOf = (file: string) => {
    const list = parseCatalogFile(readShared(file).toString('utf8'), { at: PRICE_DATE });
    return { list, diff: diffCatalog(defaultCatalog(), list) };
  };

  it('genai-prices (2026-08-21): Claude Sonnet 5 was due to rise to $3/$15 on 2026-09-01; newer models are gone from it', () => {
    const { diff } = diffOf(SHARED_FILES['genai-prices']);
    const sonnet = diff.pricesChanged.filter((c) => c.offeringId === 'anthropic/claude-sonnet-5@direct_api/global');
    expect(sonnet.map((c) => [c.field, c.from, c.to])).toEqual([
      ['inputPerMTok', 2, 3],
      ['outputPerMTok', 10, 15],
      ['cachedInputPerMTok', 0.2, 0.3],
    ]);
    // the GovCloud estimate follows its commercial reference, still as an estimate
    expect(diff.pricesChanged.find((c) => c.offeringId === 'anthropic/claude-sonnet-5@aws_bedrock/us-gov-west-1' && c.field === 'inputPerMTok')).toMatchObject({ to: 3.6, estimated: true });
    expect(diff.gone.map((g) => g.offeringId)).toContain('openai/gpt-6-sol@direct_api/global');
  });

  it('LiteLLM (2025-09): the us-gov-west-1 Nova Pro row confirms the 1.2× GovCloud estimate', () => {
    const { diff } = diffOf(SHARED_FILES.litellm);
    expect(diff.matched.find((m) => m.offeringId === 'amazon/nova-pro@aws_bedrock/us-gov-west-1')?.match).toBe('region-row');
    expect(diff.confirmations.filter((c) => c.offeringId === 'amazon/nova-pro@aws_bedrock/us-gov-west-1').map((c) => [c.field, c.value])).toEqual([
      ['inputPerMTok', 0.96],
      ['outputPerMTok', 3.84],
    ]);
  });

  it('OpenRouter (2026-05): maker list prices agree with the bundled data for the models it has', () => {
    const { diff } = diffOf(SHARED_FILES.openrouter);
    expect(diff.matched.map((m) => m.offeringId)).toEqual(expect.arrayContaining(['mistral/mistral-large-2512@direct_api/global', 'anthropic/claude-haiku-4-5@direct_api/global']));
    expect(diff.pricesChanged).toEqual([]);
    expect(diff.added.length).toBeGreaterThan(0);
  });
});
