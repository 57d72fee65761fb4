import { describe, expect, it } from 'vitest';
import {
  applyRefresh,
  CatalogValidationError,
  diffCatalog,
  effectivePrices,
  matchOfferings,
  parseCatalogFile,
  setContractPrice,
  validateCatalog,
  type Catalog,
  type ContractPrice,
  type PriceList,
} from '../../../core/catalog';
import { deepFreeze, defaultCatalog, PRICE_DATE, readFixture, sha256 } from './helpers';

const NOVA_GOV = 'amazon/nova-pro@aws_bedrock/us-gov-west-1';
const HAIKU = 'anthropic/claude-haiku-4-5@direct_api/global';
const HAIKU_BEDROCK = 'anthropic/claude-haiku-4-5@aws_bedrock/us-east-1';
const SONNET_GOV = 'anthropic/claude-sonnet-4-5@aws_bedrock/us-gov-west-1';

const prov = (text: string, fileName = 'prices.json') => ({ fileName, sha256: sha256(text), importedAt: '2026-11-28T15:30:00Z' });
const offering = (c: Catalog, id: string) => {
  const o = c.offerings.find((x) => x.id === id);
  if (!o) throw new Error(`no offering ${id}`);
  return o;
};

const contract: ContractPrice = {
  offeringId: HAIKU,
  inputPerMTok: 0.7,
  outputPerMTok: null,
  cachedInputPerMTok: null,
  reference: 'Enterprise agreement EA-2026-17',
  setAt: '2026-10-01',
};

describe('matching rows to offerings', () => {
  const litellm = parseCatalogFile(readFixture('tiny-litellm.json'));

  it('prefers a row for the offering’s own region; never prices a government region from a commercial row', () => {
    const m = matchOfferings(defaultCatalog(), litellm);
    expect(m.get(NOVA_GOV)).toMatchObject({ kind: 'region-row', row: { key: 'bedrock/us-gov-west-1/amazon.nova-pro-v1:0' } });
    // the commercial nova-pro row (no region) must not match the GovCloud offering on its own
    const onlyCommercial: PriceList = { ...litellm, rows: litellm.rows.filter((r) => r.key === 'amazon.nova-pro-v1:0') };
    expect(matchOfferings(defaultCatalog(), onlyCommercial).has(NOVA_GOV)).toBe(false);
  });

  it('prefers the undated alias over a dated snapshot of the same model', () => {
    expect(matchOfferings(defaultCatalog(), litellm).get(HAIKU)).toMatchObject({ kind: 'model', row: { key: 'claude-haiku-4-5' } });
  });

  it('does not match a Bedrock offering priced at the in-region rate to rows without a region', () => {
    expect(matchOfferings(defaultCatalog(), litellm).has(HAIKU_BEDROCK)).toBe(false);
  });

  it('matches a proxy reference as an unconfirmed estimate, with the government premium applied', () => {
    const genai = parseCatalogFile(
      JSON.stringify([{ id: 'aws', models: [{ id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', prices: { input_mtok: 4, output_mtok: 20 } }] }]),
      { at: PRICE_DATE },
    );
    const c = defaultCatalog();
    const d = diffCatalog(c, genai);
    const changes = d.pricesChanged.filter((x) => x.offeringId === SONNET_GOV);
    expect(changes.map((x) => [x.field, x.to, x.estimated, x.match])).toEqual([
      ['inputPerMTok', 4.8, true, 'price-ref'],
      ['outputPerMTok', 24, true, 'price-ref'],
    ]);
    const next = applyRefresh(c, genai, prov('g'));
    const fact = offering(next, SONNET_GOV).listPrices.inputPerMTok;
    expect(fact).toMatchObject({ value: 4.8, confirmed: false, origin: { rowKey: 'aws/global.anthropic.claude-sonnet-4-5-20250929-v1:0' } });
    expect(fact.note).toMatch(/Estimate: 4 .* 1\.2/);
  });
});

describe('diff and apply', () => {
  const text = readFixture('tiny-litellm.json');
  const list = parseCatalogFile(text);

  it('reports price changes, confirmations, limit changes and suggestions', () => {
    const d = diffCatalog(defaultCatalog(), list);
    expect(d.format).toBe('litellm');
    expect(d.pricesChanged.filter((c) => c.offeringId === NOVA_GOV).map((c) => [c.field, c.from, c.to])).toEqual([
      ['inputPerMTok', 0.96, 1.1],
      ['outputPerMTok', 3.84, 4.4],
    ]);
    // the file gives no cached price for the GovCloud row: not a change
    expect(d.pricesChanged.some((c) => c.offeringId === NOVA_GOV && c.field === 'cachedInputPerMTok')).toBe(false);
    expect(d.limitsChanged.find((c) => c.offeringId === NOVA_GOV && c.field === 'maxOutputTokens')).toMatchObject({ from: 5120, to: 10000 });
    expect(d.added.map((a) => a.id)).toContain('anthropic/claude-opus-4-1@direct_api/global');
    expect(d.added.map((a) => a.id)).toContain('amazon/nova-premier@aws_bedrock/us');
    // not a catalog provider/route, or an alias of something the catalog has: not suggested
    expect(d.added.some((a) => a.model.toLowerCase().includes('llama'))).toBe(false);
    expect(d.added.some((a) => a.id.startsWith('anthropic/claude-haiku-4-5@direct_api'))).toBe(false);
    expect(d.matched.length).toBe(d.unchanged + new Set([...d.pricesChanged, ...d.confirmations, ...d.limitsChanged].map((c) => c.offeringId)).size);
    expect(d.gone).toEqual([]);
  });

  it('applies exactly the reported changes, stamps provenance, keeps contracts, mutates nothing', () => {
    const current = deepFreeze(validateCatalog({ ...defaultCatalog(), contracts: [contract] }));
    const d = diffCatalog(current, list);
    const next = applyRefresh(current, list, prov(text, 'litellm-tiny.json'));
    for (const c of d.pricesChanged) {
      const fact = offering(next, c.offeringId).listPrices[c.field];
      expect(fact.value).toBe(c.to);
      expect(fact.origin).toEqual({ format: 'litellm', fileName: 'litellm-tiny.json', sha256: sha256(text), importedAt: '2026-11-28T15:30:00Z', rowKey: c.rowKey });
      expect(fact.source).toContain(sha256(text));
      expect(fact.asOf).toBe('2026-11-28');
    }
    const changed = new Set([...d.pricesChanged, ...d.confirmations, ...d.limitsChanged].map((c) => c.offeringId));
    for (const o of current.offerings) if (!changed.has(o.id)) expect(offering(next, o.id)).toEqual(o);
    expect(next.contracts).toEqual([contract]);
    expect(next.offerings.length).toBe(current.offerings.length);
    expect(diffCatalog(next, list).pricesChanged).toEqual([]);
  });

  it('records a confirmation when the file states an estimated value', () => {
    const c = defaultCatalog();
    const sameAsEstimate = parseCatalogFile(
      JSON.stringify({ 'bedrock/us-gov-west-1/amazon.nova-pro-v1:0': { litellm_provider: 'bedrock', mode: 'chat', input_cost_per_token: 9.6e-7, output_cost_per_token: 3.84e-6 } }),
    );
    const d = diffCatalog(c, sameAsEstimate);
    expect(d.pricesChanged).toEqual([]);
    expect(d.confirmations.map((x) => [x.offeringId, x.field])).toEqual([
      [NOVA_GOV, 'inputPerMTok'],
      [NOVA_GOV, 'outputPerMTok'],
    ]);
    const next = applyRefresh(c, sameAsEstimate, prov('s'));
    expect(offering(next, NOVA_GOV).listPrices.inputPerMTok).toMatchObject({ value: 0.96, confirmed: true });
    expect(offering(next, NOVA_GOV).listPrices.cachedInputPerMTok.confirmed).toBe(false);
  });

  it('adds suggestions only when asked, with conservative unconfirmed authorization', () => {
    const c = defaultCatalog();
    expect(applyRefresh(c, list, prov(text)).offerings.length).toBe(c.offerings.length);
    const id = 'anthropic/claude-opus-4-1@direct_api/global';
    const next = applyRefresh(c, list, prov(text), { add: [id] });
    const added = offering(next, id);
    expect(added.listPrices.inputPerMTok).toMatchObject({ value: 15, confirmed: true });
    expect(added.listPrices.cachedInputPerMTok).toMatchObject({ value: null, confirmed: false });
    expect(added.authorization).toMatchObject({ value: { maxClassification: 'unclassified' }, confirmed: false });
    expect(added.capabilities.value).toEqual(['tool_use', 'vision']);
    // a refresh of the same file now matches the added offering and finds nothing to change
    expect(diffCatalog(next, list).matched.some((m) => m.offeringId === id)).toBe(true);
    expect(applyRefresh(c, list, prov(text), { add: 'all' }).offerings.length).toBe(c.offerings.length + diffCatalog(c, list).added.length);
    expect(() => applyRefresh(c, list, prov(text), { add: ['anthropic/not-suggested@direct_api/global'] })).toThrow(/Not among the suggested additions/);
  });

  it('reports offerings whose price source no longer lists them as gone, and keeps them', () => {
    const c = defaultCatalog();
    const genai = parseCatalogFile(readFixture('tiny-genai.json'), { at: PRICE_DATE });
    const d = diffCatalog(c, genai);
    const gone = new Set(d.gone.map((g) => g.offeringId));
    // references into providers the file has (anthropic, aws) but models it lacks
    expect(gone.has('anthropic/claude-opus-5-5@direct_api/global')).toBe(true);
    expect(gone.has('amazon/nova-premier@aws_bedrock/us-east-1')).toBe(true);
    // references into providers the file does not cover are not "gone"
    expect(gone.has('openai/gpt-6-sol@direct_api/global')).toBe(false);
    // no price source of this kind: not gone
    expect(gone.has('meta/llama-4-maverick@self_hosted/customer-enclave')).toBe(false);
    expect(applyRefresh(c, genai, prov('t')).offerings.map((o) => o.id)).toEqual(c.offerings.map((o) => o.id));
  });

  it('refuses a refresh without complete provenance', () => {
    const c = defaultCatalog();
    expect(() => applyRefresh(c, list, { fileName: '', sha256: 'abc', importedAt: 'yesterday' })).toThrow(CatalogValidationError);
  });

  it('never overwrites contract prices, whatever the file says', () => {
    const c = validateCatalog({ ...defaultCatalog(), contracts: setContractPrice([], contract) });
    const dearer = JSON.stringify({ 'claude-haiku-4-5': { litellm_provider: 'anthropic', mode: 'chat', input_cost_per_token: 2e-6, output_cost_per_token: 1e-5 } });
    const next = applyRefresh(c, parseCatalogFile(dearer), prov(dearer), { add: 'all' });
    expect(next.contracts).toEqual([contract]);
    const haiku = offering(next, HAIKU);
    expect([haiku.listPrices.inputPerMTok.value, haiku.listPrices.outputPerMTok.value]).toEqual([2, 10]);
    const eff = effectivePrices(haiku, next.contracts);
    expect([eff.inputPerMTok, eff.outputPerMTok, eff.basis.inputPerMTok, eff.basis.outputPerMTok]).toEqual([0.7, 10, 'contract', 'list']);
  });
});
