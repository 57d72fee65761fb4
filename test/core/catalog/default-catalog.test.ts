import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CLASSIFICATIONS, ROUTES } from '../../../core/common/enums';
import {
  bundledGenaiLookup,
  buildCatalogFromData,
  Catalog,
  CatalogValidationError,
  genaiPricesAt,
  IsoDate,
  loadDefaultCatalog,
  Offering,
  PRICE_FIELDS,
  prohibitedUseConflicts,
  Provider,
  roundPrice,
  type Offering as OfferingT,
} from '../../../core/catalog';
import rawData from '../../../core/catalog/data/default-catalog.json';
import { collectProvenance, defaultCatalog, PRICE_DATE, REPO_ROOT } from './helpers';

const catalog = defaultCatalog();
const byProvider = (id: string) => catalog.offerings.filter((o) => o.provider === id);
const provider = (id: string) => {
  const p = catalog.providers.find((q) => q.id === id);
  if (!p) throw new Error(`provider ${id} missing`);
  return p;
};

describe('default catalog: schema and provenance', () => {
  it('validates as a whole and offering by offering', () => {
    expect(() => Catalog.parse(catalog)).not.toThrow();
    expect(catalog.offerings.length).toBeGreaterThanOrEqual(30);
    for (const o of catalog.offerings) {
      const r = Offering.safeParse(o);
      expect(r.success, `${o.id}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))}`).toBe(true);
    }
    for (const p of catalog.providers) expect(Provider.safeParse(p).success, p.id).toBe(true);
  });

  it('gives every fact of every offering a source and an as-of date', () => {
    for (const o of catalog.offerings) {
      const facts = {
        listing: o.listing,
        authorization: o.authorization,
        capabilities: o.capabilities,
        contextWindow: o.contextWindow,
        maxOutputTokens: o.maxOutputTokens,
        tokenizerFactor: o.tokenizerFactor,
        deprecationDate: o.deprecationDate,
        ...Object.fromEntries(PRICE_FIELDS.map((f) => [f, o.listPrices[f]])),
        ...Object.fromEntries(Object.entries(o.qualityByMission).map(([m, q]) => [`quality.${m}`, q])),
        ...(o.govPremium ? { govPremium: o.govPremium } : {}),
        ...(o.license ? { license: o.license } : {}),
      };
      for (const [name, f] of Object.entries(facts)) {
        expect(f.source.trim().length, `${o.id} ${name} source`).toBeGreaterThan(0);
        expect(IsoDate.safeParse(f.asOf).success, `${o.id} ${name} asOf ${f.asOf}`).toBe(true);
        expect(typeof f.confirmed, `${o.id} ${name} confirmed`).toBe('boolean');
      }
    }
    // and nothing anywhere in the catalog carries provenance without a source or date
    for (const { path, fact } of collectProvenance(catalog)) {
      expect(String(fact.source).trim(), path).not.toBe('');
      expect(IsoDate.safeParse(fact.asOf).success, `${path} asOf`).toBe(true);
    }
  });

  it('gives every usage-policy prohibition and notice a source, a date and a note', () => {
    for (const p of catalog.providers) {
      for (const u of p.prohibitedUseTags) {
        expect(u.source, `${p.id} ${u.tag}`).toMatch(/\S/);
        expect(IsoDate.safeParse(u.asOf).success).toBe(true);
        expect(u.note.length).toBeGreaterThan(10);
        expect(u.appliesToTags).toContain(u.tag);
      }
      for (const n of p.notices) expect(n.source).toMatch(/\S/);
      // the provider lists the sources its facts cite
      expect(p.sources.length, p.id).toBeGreaterThan(0);
    }
  });

  it('uses only the shared vocabularies', () => {
    for (const o of catalog.offerings) {
      expect(ROUTES).toContain(o.route);
      expect(CLASSIFICATIONS).toContain(o.authorization.value.maxClassification);
      for (const c of o.capabilities.value) expect(CAPABILITIES).toContain(c);
      expect(o.id).toBe(`${o.provider}/${o.model}@${o.route}/${o.region}`.toLowerCase());
    }
  });
});

describe('default catalog: coverage', () => {
  const has = (providerId: string, pred: (o: OfferingT) => boolean, what: string) =>
    expect(byProvider(providerId).some(pred), `${providerId}: ${what}`).toBe(true);

  it('covers Anthropic on its direct API, Bedrock incl. GovCloud, Vertex and a partner platform', () => {
    has('anthropic', (o) => o.route === 'direct_api', 'direct API');
    has('anthropic', (o) => o.route === 'aws_bedrock' && o.region === 'us-east-1', 'Bedrock commercial');
    has('anthropic', (o) => o.route === 'aws_bedrock' && o.region === 'us-gov-west-1' && o.authorization.value.status === 'authorized', 'Bedrock GovCloud');
    has('anthropic', (o) => o.route === 'google_vertex', 'Vertex AI');
    has('anthropic', (o) => o.route === 'partner_platform', 'partner platform');
  });

  it('covers OpenAI direct, Azure OpenAI incl. Azure Government, and its classified-network offering', () => {
    has('openai', (o) => o.route === 'direct_api', 'direct API');
    has('openai', (o) => o.route === 'azure' && !o.region.startsWith('usgov') && o.authorization.value.maxClassification === 'unclassified', 'Azure commercial');
    has('openai', (o) => o.route === 'azure' && o.region.startsWith('usgov') && o.authorization.value.maxClassification === 'cui', 'Azure Government');
    has('openai', (o) => o.route === 'azure' && o.authorization.value.maxClassification === 'top_secret', 'Azure Government Top Secret');
  });

  it('covers Gemini direct, on Vertex, Gemini for Government and Google Distributed Cloud air-gapped', () => {
    has('google', (o) => o.route === 'direct_api', 'Gemini API');
    has('google', (o) => o.route === 'google_vertex' && o.region === 'global', 'Vertex AI');
    has('google', (o) => o.displayName.includes('Gemini for Government') && o.authorization.value.fedramp === 'high', 'Gemini for Government');
    has('google', (o) => o.region === 'gdc-air-gapped' && o.authorization.value.maxClassification === 'top_secret', 'GDC air-gapped');
  });

  it('covers xAI Grok direct and Grok for Government', () => {
    has('xai', (o) => o.route === 'direct_api', 'direct API');
    has('xai', (o) => o.displayName.includes('Grok for Government') && o.authorization.value.impactLevel === 'IL5', 'Grok for Government');
  });

  it('covers Meta Llama and another open-weight family self-hosted, authorized up to top_secret', () => {
    const selfHosted = catalog.offerings.filter((o) => o.route === 'self_hosted');
    expect(selfHosted.some((o) => o.provider === 'meta' && o.model.startsWith('llama'))).toBe(true);
    expect(selfHosted.some((o) => o.provider !== 'meta')).toBe(true);
    for (const o of selfHosted) {
      expect(o.authorization.value.maxClassification, o.id).toBe('top_secret');
      // the customer's ATO cannot be confirmed by the catalog
      expect(o.authorization.confirmed, o.id).toBe(false);
      for (const f of PRICE_FIELDS) {
        expect(o.listPrices[f].value, `${o.id} has no per-token list price`).toBeNull();
        expect(o.listPrices[f].confirmed).toBe(false);
        expect(o.listPrices[f].note).toMatch(/self-hosted/i);
      }
      expect(o.license).not.toBeNull();
    }
  });

  it('covers Mistral and Amazon Nova', () => {
    has('mistral', (o) => o.route === 'direct_api', 'Mistral API');
    has('amazon', (o) => o.model.startsWith('nova') && o.route === 'aws_bedrock', 'Nova on Bedrock');
  });

  it('has a flagship and a cheaper tier for each vendor', () => {
    for (const id of ['anthropic', 'openai', 'google', 'xai', 'mistral', 'amazon']) {
      const priced = byProvider(id).filter((o) => o.listPrices.inputPerMTok.value !== null && o.route !== 'self_hosted');
      const models = new Map(priced.map((o) => [o.model, o.listPrices.inputPerMTok.value!]));
      expect(models.size, `${id} priced models`).toBeGreaterThanOrEqual(2);
      const prices = [...models.values()];
      expect(Math.max(...prices), id).toBeGreaterThan(Math.min(...prices));
    }
  });

  it('has at least one pending authorization with a lead time', () => {
    const pending = catalog.offerings.filter((o) => o.authorization.value.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    for (const o of pending) {
      expect(o.authorization.value.leadTimeDays === null || o.authorization.value.leadTimeDays > 0).toBe(true);
      expect(o.authorization.confirmed, 'an estimated lead time is not confirmed').toBe(false);
    }
  });
});

describe('default catalog: prices come from the bundled genai-prices data', () => {
  it('keeps no prices in the data file', () => {
    const text = readFileSync(resolve(REPO_ROOT, 'core/catalog/data/default-catalog.json'), 'utf8');
    expect(text).not.toMatch(/PerMTok|_mtok|cost_per_token/);
  });

  it('pins the package version it dates bundled prices by', () => {
    const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'node_modules/@pydantic/genai-prices/package.json'), 'utf8'));
    expect(rawData.pricesDataset.packageVersion, 'update pricesDataset and the source date after upgrading the package').toBe(pkg.version);
  });

  it('resolves each reference from the bundled data, proxies as unconfirmed estimates', () => {
    for (const o of catalog.offerings) {
      if (!o.priceRef) {
        for (const f of PRICE_FIELDS) {
          expect(o.listPrices[f].value, o.id).toBeNull();
          expect(o.listPrices[f].confirmed).toBe(false);
          expect(o.listPrices[f].note, `${o.id} says why it has no price`).toBeTruthy();
        }
        continue;
      }
      const [pid, ...rest] = o.priceRef.key.split('/');
      const model = bundledGenaiLookup(pid!, rest.join('/'));
      expect(model, `${o.id}: ${o.priceRef.key} is in the bundled data`).toBeDefined();
      const expected = genaiPricesAt(model!, PRICE_DATE);
      for (const f of PRICE_FIELDS) {
        const base = expected[f];
        const fact = o.listPrices[f];
        if (base === undefined) {
          expect(fact.value).toBeNull();
          expect(fact.confirmed).toBe(false);
          continue;
        }
        const want = o.govPremium ? roundPrice(base * o.govPremium.value) : base;
        expect(fact.value, `${o.id} ${f}`).toBe(want);
        expect(fact.source).toContain(o.priceRef.key);
        expect(fact.confirmed, `${o.id} ${f}`).toBe(!o.priceRef.proxy);
      }
      if (o.govPremium) {
        expect(o.priceRef.proxy).toBe(true);
        expect(o.govPremium.confirmed).toBe(false);
        expect(o.govPremium.source).toMatch(/LiteLLM/);
      }
    }
  });

  it('resolves date-conditional prices for the load date and notes scheduled changes', () => {
    const model = {
      id: 'x',
      prices: [
        { prices: { input_mtok: 2, output_mtok: 10 } },
        { constraint: { start_date: '2027-01-01', type: 'start_date' }, prices: { input_mtok: 3, output_mtok: 15 } },
        { constraint: { start_time: '16:30', end_time: '00:30', type: 'time_of_date' }, prices: { input_mtok: 1, output_mtok: 5 } },
      ],
    };
    const before = genaiPricesAt(model, '2026-12-31');
    expect([before.inputPerMTok, before.outputPerMTok]).toEqual([2, 10]);
    expect(before.notes.join(' ')).toMatch(/scheduled from 2027-01-01/);
    expect(before.notes.join(' ')).toMatch(/time-of-day/);
    const after = genaiPricesAt(model, '2027-01-01');
    expect([after.inputPerMTok, after.outputPerMTok]).toEqual([3, 15]);
    expect(after.cachedInputPerMTok).toBeUndefined();
  });

  it('is deterministic for a given price date', () => {
    expect(loadDefaultCatalog({ priceDate: PRICE_DATE })).toEqual(loadDefaultCatalog({ priceDate: PRICE_DATE }));
  });
});

describe('default catalog: nothing unconfirmed is presented as confirmed', () => {
  it('leaves quality unrated and tokenizer factors unmeasured', () => {
    for (const o of catalog.offerings) {
      for (const q of Object.values(o.qualityByMission)) {
        expect(q.value).toBeNull();
        expect(q.confirmed).toBe(false);
      }
      expect(o.tokenizerFactor.value).toBe(1);
      expect(o.tokenizerFactor.confirmed).toBe(false);
    }
  });

  it('treats commercial APIs without a found authorization as unclassified-only, unconfirmed', () => {
    const commercial = catalog.offerings.filter((o) => o.authorization.value.basis.includes('commercial'));
    expect(commercial.length).toBeGreaterThan(5);
    for (const o of commercial) {
      expect(o.authorization.value.maxClassification).toBe('unclassified');
      expect(o.authorization.confirmed).toBe(false);
    }
  });

  it('marks capabilities assumed from a predecessor as unconfirmed', () => {
    const assumed = catalog.offerings.filter((o) => /assumed/i.test(o.capabilities.note ?? ''));
    expect(assumed.length).toBeGreaterThan(0);
    for (const o of assumed) expect(o.capabilities.confirmed, o.id).toBe(false);
  });
});

describe('usage policies', () => {
  it('models autonomous targeting as prohibited without a human in the loop', () => {
    const anthropic = provider('anthropic');
    const rule = anthropic.prohibitedUseTags.find((u) => u.tag === 'autonomous_weapons');
    expect(rule?.condition).toBe('unless_human_in_loop');
    expect(rule?.source).toMatch(/^https:\/\//);
    const targeting = { useTags: ['weapons_targeting'] };
    expect(prohibitedUseConflicts(anthropic, { ...targeting, humanInLoop: false }).map((c) => c.prohibition.tag)).toEqual(['autonomous_weapons']);
    expect(prohibitedUseConflicts(anthropic, { ...targeting, humanInLoop: true })).toEqual([]);
    const unknown = prohibitedUseConflicts(anthropic, { ...targeting, humanInLoop: null });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.reason).toMatch(/does not say whether a human is in the loop/);
  });

  it('reports unconditional prohibitions and carve-outs', () => {
    const anthropic = provider('anthropic');
    expect(prohibitedUseConflicts(anthropic, { useTags: ['Domestic_Surveillance'], humanInLoop: true })[0]?.prohibition.condition).toBe('always');
    expect(prohibitedUseConflicts(anthropic, { useTags: ['logistics', 'cyber_defense'], humanInLoop: false })).toEqual([]);
    const meta = prohibitedUseConflicts(provider('meta'), { useTags: ['foreign_intelligence'], humanInLoop: true });
    expect(meta).toHaveLength(1);
    expect(meta[0]!.exception).toMatch(/national security/);
  });

  it('records the supply-chain-risk designation of the usual vendor to exit', () => {
    expect(provider('anthropic').notices.some((n) => /supply-chain risk/.test(n.value) && n.confirmed)).toBe(true);
  });
});

describe('data validation', () => {
  it('refuses data whose facts cite unknown sources', () => {
    const bad = structuredClone(rawData) as typeof rawData;
    (bad.offerings[0]!.listing as { src: unknown }).src = 'no-such-source';
    expect(() => buildCatalogFromData(bad, bundledGenaiLookup, { priceDate: PRICE_DATE })).toThrow(/unknown source id "no-such-source"/);
  });

  it('refuses an offering without a price reference that does not say why', () => {
    const bad = structuredClone(rawData) as typeof rawData;
    const o = bad.offerings.find((x) => x.priceRef !== null)! as Record<string, unknown>;
    o.priceRef = null;
    delete o.noPriceNote;
    delete o.govPremium;
    expect(() => buildCatalogFromData(bad, bundledGenaiLookup)).toThrow(CatalogValidationError);
  });

  it('marks prices the bundled data lacks as unknown, not invented', () => {
    const c = buildCatalogFromData(rawData, (_p, id) => ({ id, prices: {}, context_window: 128000 }), { priceDate: PRICE_DATE });
    for (const o of c.offerings) for (const f of PRICE_FIELDS) expect(o.listPrices[f].value === null && !o.listPrices[f].confirmed).toBe(true);
  });
});
