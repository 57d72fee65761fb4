import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CLASSIFICATIONS, IMPACT_LEVELS, MISSION_AREAS, ROUTES } from '../../../core/common/enums';
import {
  catalogToListJson,
  contractFor,
  effectivePrices,
  removeContractPrice,
  setContractPrice,
  validateCatalog,
  type ContractPrice,
} from '../../../core/catalog';
import { defaultCatalog } from './helpers';

const OFFERING_KEYS = [
  'id',
  'provider',
  'model',
  'route',
  'region',
  'maxClassification',
  'impactLevel',
  'capabilities',
  'contextWindow',
  'prices',
  'qualityByMission',
  'tokenizerFactor',
  'source',
  'asOf',
  'confirmed',
].sort();

describe('catalog list --json', () => {
  const catalog = defaultCatalog();
  const json = catalogToListJson(catalog);

  it('has exactly the documented field names', () => {
    expect(Object.keys(json).sort()).toEqual(['offerings', 'providers']);
    for (const p of json.providers) {
      expect(Object.keys(p).sort()).toEqual(['id', 'name', 'prohibitedUseTags', 'sources']);
      for (const u of p.prohibitedUseTags) expect(u).toEqual(expect.objectContaining({ tag: expect.any(String), source: expect.any(String), asOf: expect.any(String) }));
    }
    for (const o of json.offerings) {
      expect(Object.keys(o).sort()).toEqual(OFFERING_KEYS);
      expect(Object.keys(o.prices).sort()).toEqual(['cachedInputPerMTok', 'inputPerMTok', 'outputPerMTok']);
      expect(Object.keys(o.qualityByMission).sort()).toEqual([...MISSION_AREAS].sort());
    }
  });

  it('uses the domain vocabularies and survives JSON', () => {
    for (const o of json.offerings) {
      expect(ROUTES).toContain(o.route);
      expect(CLASSIFICATIONS).toContain(o.maxClassification);
      if (o.impactLevel !== null) expect(IMPACT_LEVELS).toContain(o.impactLevel);
      for (const c of o.capabilities) expect(CAPABILITIES).toContain(c);
    }
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.offerings.map((o) => o.id)).toEqual(catalog.offerings.map((o) => o.id));
  });

  it('is confirmed only when every value it shows rests on confirmed facts, and dated by the oldest', () => {
    const row = (id: string, contracts: ContractPrice[] = []) => catalogToListJson(catalog, contracts).offerings.find((o) => o.id === id)!;
    // sourced authorization, listing, capabilities, context; no per-token price shown
    const azureGov = row('openai/gpt-4o@azure/usgovvirginia');
    expect(azureGov.prices.inputPerMTok).toBeNull();
    expect(azureGov.confirmed).toBe(true);
    // a commercial API whose authorization is only a conservative default
    expect(row('anthropic/claude-haiku-4-5@direct_api/global').confirmed).toBe(false);
    // a GovCloud price that is an estimate …
    const nova = 'amazon/nova-pro@aws_bedrock/us-gov-west-1';
    expect(row(nova).confirmed).toBe(false);
    // … is no longer shown once a contract price covers every field
    const k: ContractPrice = { offeringId: nova, inputPerMTok: 0.9, outputPerMTok: 3.5, cachedInputPerMTok: 0.2, reference: 'EDP', setAt: '2026-11-01' };
    expect(row(nova, [k]).confirmed).toBe(true);
    for (const [i, o] of json.offerings.entries()) {
      const src = catalog.offerings[i]!;
      const shown = [src.listing, src.authorization, src.capabilities, src.contextWindow, src.listPrices.inputPerMTok, src.listPrices.outputPerMTok, src.listPrices.cachedInputPerMTok].filter(
        (f) => !('value' in f) || f.value !== null,
      );
      expect(o.asOf, o.id).toBe(shown.map((f) => f.asOf).sort()[0]);
      if (shown.some((f) => !f.confirmed)) expect(o.confirmed, o.id).toBe(false);
      expect(o.source).toBe(src.listing.source);
    }
  });

  it('prints contract prices over list prices', () => {
    const id = 'openai/gpt-6-sol@direct_api/global';
    const contracts: ContractPrice[] = [{ offeringId: id, inputPerMTok: 1.1, outputPerMTok: null, cachedInputPerMTok: null, reference: 'OneGov', setAt: '2026-11-01' }];
    const listed = json.offerings.find((o) => o.id === id)!;
    const withContract = catalogToListJson(catalog, contracts).offerings.find((o) => o.id === id)!;
    expect(withContract.prices).toEqual({ ...listed.prices, inputPerMTok: 1.1 });
    // contracts stored in the catalog are used by default
    const stored = validateCatalog({ ...catalog, contracts });
    expect(catalogToListJson(stored).offerings.find((o) => o.id === id)!.prices.inputPerMTok).toBe(1.1);
  });
});

describe('contract prices', () => {
  const catalog = defaultCatalog();
  const selfHosted = catalog.offerings.find((o) => o.route === 'self_hosted')!;
  const listed = catalog.offerings.find((o) => o.listPrices.inputPerMTok.value !== null)!;

  it('take precedence field by field, with the basis reported', () => {
    const k: ContractPrice = { offeringId: listed.id, inputPerMTok: 0, outputPerMTok: null, cachedInputPerMTok: null, reference: 'pilot', setAt: '2026-11-01' };
    const eff = effectivePrices(listed, [k]);
    expect(eff.inputPerMTok).toBe(0);
    expect(eff.outputPerMTok).toBe(listed.listPrices.outputPerMTok.value);
    expect(eff.basis).toEqual({ inputPerMTok: 'contract', outputPerMTok: 'list', cachedInputPerMTok: listed.listPrices.cachedInputPerMTok.value === null ? 'none' : 'list' });
    expect(eff.contract).toEqual(k);
    expect(effectivePrices(listed).basis.inputPerMTok).toBe('list');
  });

  it('price a self-hosted offering that has no list price', () => {
    expect(effectivePrices(selfHosted).basis).toEqual({ inputPerMTok: 'none', outputPerMTok: 'none', cachedInputPerMTok: 'none' });
    const k: ContractPrice = { offeringId: selfHosted.id, inputPerMTok: 0.4, outputPerMTok: 0.4, cachedInputPerMTok: null, reference: 'hosting estimate FY27', setAt: '2026-11-01' };
    expect(effectivePrices(selfHosted, [k])).toMatchObject({ inputPerMTok: 0.4, outputPerMTok: 0.4, cachedInputPerMTok: null });
  });

  it('are set, replaced and removed without mutating the layer', () => {
    const a: ContractPrice = { offeringId: listed.id, inputPerMTok: 1, outputPerMTok: 2, cachedInputPerMTok: null, reference: 'a', setAt: '2026-01-01' };
    const b = { ...a, inputPerMTok: 0.5, reference: 'b' };
    const one = Object.freeze(setContractPrice([], a));
    const two = setContractPrice(one, b);
    expect(two).toEqual([b]);
    expect(one).toEqual([a]);
    expect(contractFor(listed.id, two)).toEqual(b);
    expect(removeContractPrice(two, listed.id)).toEqual([]);
  });

  it('must name an offering of the catalog, once', () => {
    const k: ContractPrice = { offeringId: listed.id, inputPerMTok: 1, outputPerMTok: 1, cachedInputPerMTok: 1, reference: 'x', setAt: '2026-01-01' };
    expect(() => validateCatalog({ ...catalog, contracts: [k, k] })).toThrow(/more than one contract price/);
    expect(() => validateCatalog({ ...catalog, contracts: [{ ...k, offeringId: 'acme/x@direct_api/global' }] })).toThrow(/unknown offering/);
  });
});
