import { describe, expect, it } from 'vitest';
import {
  applyRefresh,
  catalogToPriceList,
  CatalogValidationError,
  diffCatalog,
  exportCatalog,
  parseCatalogExport,
  parseCatalogFile,
  setContractPrice,
  validateCatalog,
} from '../../../core/catalog';
import { deepFreeze, defaultCatalog, sha256 } from './helpers';

const provenance = (text: string) => ({ fileName: 'catalog.json', sha256: sha256(text), importedAt: '2026-11-28T10:00:00+01:00' });

describe('Bridgehead catalog export', () => {
  it('writes the versioned marker', () => {
    const doc = JSON.parse(exportCatalog(defaultCatalog(), { exportedAt: '2026-11-28T10:00:00Z' }));
    expect(doc.format).toBe('bridgehead-catalog');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2026-11-28T10:00:00Z');
  });

  it('export then import is the identity, user layer included', () => {
    const c = defaultCatalog();
    c.contracts = setContractPrice(c.contracts, {
      offeringId: c.offerings[0]!.id,
      inputPerMTok: 1.25,
      outputPerMTok: null,
      cachedInputPerMTok: 0,
      reference: 'task order 7',
      setAt: '2026-11-01',
      note: 'volume tier 2',
    });
    c.offerings[1]!.qualityByMission.cyber_operations = { value: 72, source: 'internal eval run 2026-11-20', asOf: '2026-11-20', confirmed: true };
    const text = exportCatalog(c);
    const back = parseCatalogExport(text);
    expect(back).toEqual(c);
    expect(exportCatalog(back)).toBe(text);
    expect(parseCatalogExport(JSON.parse(text))).toEqual(c);
  });

  it('as a refresh of the catalog it came from, changes nothing', () => {
    const c = deepFreeze(defaultCatalog());
    const text = exportCatalog(c);
    const list = parseCatalogFile(text);
    expect(list.format).toBe('bridgehead');
    const d = diffCatalog(c, list);
    expect([d.pricesChanged, d.confirmations, d.limitsChanged, d.added, d.gone]).toEqual([[], [], [], [], []]);
    expect(d.unchanged).toBe(c.offerings.length);
    expect(applyRefresh(c, list, provenance(text))).toEqual(c);
  });

  it('carries the provenance of imported values and never the exporter’s contracts', () => {
    const mine = validateCatalog({
      ...defaultCatalog(),
      contracts: [{ offeringId: 'openai/gpt-6-sol@direct_api/global', inputPerMTok: 1, outputPerMTok: 5, cachedInputPerMTok: null, reference: 'ours', setAt: '2026-10-10' }],
    });
    const theirs = defaultCatalog();
    const target = theirs.offerings.find((o) => o.id === 'openai/gpt-6-sol@direct_api/global')!;
    target.listPrices.inputPerMTok = { value: 2.5, source: 'https://example.gov/price-notice', asOf: '2026-11-15', confirmed: false, note: 'announced' };
    theirs.contracts = [{ offeringId: target.id, inputPerMTok: 0.1, outputPerMTok: 0.1, cachedInputPerMTok: 0.1, reference: 'theirs', setAt: '2026-11-01' }];
    theirs.offerings = theirs.offerings.filter((o) => o.id !== 'xai/grok-4.3@direct_api/global');
    const text = exportCatalog(theirs);
    const list = parseCatalogFile(text);
    const d = diffCatalog(mine, list);
    expect(d.pricesChanged).toEqual([
      { offeringId: target.id, field: 'inputPerMTok', from: 2, to: 2.5, rowKey: target.id, match: 'offering-id', estimated: false },
    ]);
    expect(d.gone).toEqual([{ offeringId: 'xai/grok-4.3@direct_api/global', reason: 'not in the imported Bridgehead catalog' }]);
    const next = applyRefresh(mine, list, provenance(text));
    const fact = next.offerings.find((o) => o.id === target.id)!.listPrices.inputPerMTok;
    expect(fact).toMatchObject({ value: 2.5, source: 'https://example.gov/price-notice', asOf: '2026-11-15', confirmed: false, note: 'announced' });
    expect(fact.origin).toMatchObject({ format: 'bridgehead', fileName: 'catalog.json', rowKey: target.id });
    expect(next.contracts).toEqual(mine.contracts);
    expect(next.offerings.some((o) => o.id === 'xai/grok-4.3@direct_api/global')).toBe(true);
  });

  it('adds offerings (and their providers) from an export only when asked', () => {
    const mine = defaultCatalog();
    mine.offerings = mine.offerings.filter((o) => o.provider !== 'mistral');
    mine.providers = mine.providers.filter((p) => p.id !== 'mistral');
    const list = catalogToPriceList(defaultCatalog());
    const d = diffCatalog(mine, list);
    expect(d.added.map((a) => a.id).sort()).toEqual(defaultCatalog().offerings.filter((o) => o.provider === 'mistral').map((o) => o.id).sort());
    const next = applyRefresh(mine, list, provenance('x'), { add: 'all' });
    expect(next.providers.some((p) => p.id === 'mistral')).toBe(true);
    expect(next.offerings.filter((o) => o.provider === 'mistral')).toEqual(defaultCatalog().offerings.filter((o) => o.provider === 'mistral'));
  });

  it('refuses to export an invalid catalog', () => {
    const c = defaultCatalog();
    c.contracts = [{ offeringId: 'nobody/nothing@direct_api/global', inputPerMTok: 1, outputPerMTok: 1, cachedInputPerMTok: 1, reference: 'x', setAt: '2026-01-01' }];
    expect(() => exportCatalog(c)).toThrow(CatalogValidationError);
    expect(() => exportCatalog(c)).toThrow(/contract price for unknown offering/);
  });
});
