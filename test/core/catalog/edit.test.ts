/**
 * User edits of the catalog (core/catalog/edit.ts): each edit returns a new validated catalog,
 * stamps what it changed with the user's provenance, leaves everything else alone, and refuses a
 * bad value with an error naming the field.
 */
import { describe, expect, it } from 'vitest';
import {
  addOffering,
  applyRefresh,
  CatalogEditError,
  catalogToListJson,
  diffCatalog,
  effectivePrices,
  exportCatalog,
  filterOfferings,
  isUserAdded,
  parseCatalogFile,
  removeOffering,
  updateOffering,
  USER_EDIT_SOURCE,
  validateCatalog,
  withContractPrice,
  withoutContractPrice,
  type Catalog,
  type NewOffering,
  type Offering,
} from '../../../core/catalog';
import { MISSION_AREAS } from '../../../core/common/enums';
import { deepFreeze, defaultCatalog, readFixture } from './helpers';

const TS_AZURE = 'openai/gpt-4o@azure/azure-gov-top-secret';
const HAIKU = 'anthropic/claude-haiku-4-5@direct_api/global';
const NOVA_GOV = 'amazon/nova-pro@aws_bedrock/us-gov-west-1';
const ON = { asOf: '2026-12-01' };
const get = (c: Catalog, id: string): Offering => {
  const o = c.offerings.find((x) => x.id === id);
  if (!o) throw new Error(`no offering ${id}`);
  return o;
};
const frozen = () => deepFreeze(defaultCatalog());

/** Runs `fn`, expecting a CatalogEditError; returns it. */
function editError(fn: () => unknown): CatalogEditError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogEditError);
    return error as CatalogEditError;
  }
  throw new Error('expected a CatalogEditError, but the edit succeeded');
}

const llama: NewOffering = {
  provider: 'meta',
  model: 'llama-3.3-70b-instruct',
  displayName: 'Llama 3.3 70B (our SIPR enclave)',
  route: 'self_hosted',
  region: 'sipr-enclave-2',
  authorization: { maxClassification: 'secret', impactLevel: 'IL6', basis: 'Enclave ATO 2026-114' },
  capabilities: ['tool_use', 'code', 'tool_use'],
  contextWindow: 128_000,
  qualityByMission: { logistics: 70 },
  license: 'Llama 3.3 Community License',
};

describe('updateOffering', () => {
  it('changes only the edited facts, stamping each with "user edit", the date and the note', () => {
    const before = frozen();
    const after = updateOffering(
      before,
      TS_AZURE,
      { listPrices: { inputPerMTok: 2.75 }, contextWindow: 64_000, qualityByMission: { intelligence_analysis: 82 } },
      { ...ON, note: 'Task order 12, price sheet p.4' },
    );
    const o = get(after, TS_AZURE);
    const was = get(before, TS_AZURE);
    expect(o.listPrices.inputPerMTok).toEqual({ value: 2.75, source: USER_EDIT_SOURCE, asOf: '2026-12-01', confirmed: true, note: 'Task order 12, price sheet p.4' });
    expect(o.contextWindow).toMatchObject({ value: 64_000, source: USER_EDIT_SOURCE, confirmed: true });
    expect(o.qualityByMission.intelligence_analysis).toMatchObject({ value: 82, source: USER_EDIT_SOURCE, asOf: '2026-12-01' });
    // untouched facts keep their provenance
    expect(o.listPrices.outputPerMTok).toEqual(was.listPrices.outputPerMTok);
    expect(o.qualityByMission.logistics).toEqual(was.qualityByMission.logistics);
    expect(o.authorization).toEqual(was.authorization);
    expect(o.listing).toEqual(was.listing);
    // other offerings are untouched; the input catalog is not mutated (it is frozen)
    for (const x of before.offerings) if (x.id !== TS_AZURE) expect(get(after, x.id)).toEqual(x);
    expect(() => validateCatalog(after)).not.toThrow();
  });

  it('can edit every kind of field', () => {
    const after = updateOffering(
      frozen(),
      HAIKU,
      {
        displayName: 'Haiku (direct)',
        authorization: { maxClassification: 'cui', impactLevel: 'IL4', status: 'pending', leadTimeDays: 90, fedramp: 'high', basis: 'FedRAMP High in progress' },
        capabilities: ['vision', 'tool_use'],
        maxOutputTokens: 64_000,
        listPrices: { outputPerMTok: 4.5, cachedInputPerMTok: null },
        tokenizerFactor: 1.08,
        deprecationDate: '2027-06-30',
        license: 'proprietary',
      },
      ON,
    );
    const o = get(after, HAIKU);
    expect(o.displayName).toBe('Haiku (direct)');
    expect(o.authorization.value).toEqual({ maxClassification: 'cui', impactLevel: 'IL4', fedramp: 'high', status: 'pending', leadTimeDays: 90, basis: 'FedRAMP High in progress' });
    expect(o.authorization).toMatchObject({ source: USER_EDIT_SOURCE, confirmed: true });
    expect(o.capabilities.value).toEqual(['tool_use', 'vision']);
    expect(o.maxOutputTokens.value).toBe(64_000);
    expect(o.listPrices.outputPerMTok.value).toBe(4.5);
    expect(o.listPrices.cachedInputPerMTok).toMatchObject({ value: null, source: USER_EDIT_SOURCE, confirmed: true });
    expect(o.tokenizerFactor).toMatchObject({ value: 1.08, source: USER_EDIT_SOURCE });
    expect(o.deprecationDate).toMatchObject({ value: '2027-06-30', source: USER_EDIT_SOURCE });
    expect(o.license).toMatchObject({ value: 'proprietary', source: USER_EDIT_SOURCE });
    expect(catalogToListJson(after).offerings.find((x) => x.id === HAIKU)).toMatchObject({ maxClassification: 'cui', impactLevel: 'IL4' });
  });

  it('records a value cleared to unknown as an unconfirmed user edit', () => {
    const withScore = updateOffering(frozen(), HAIKU, { qualityByMission: { logistics: 60 } }, ON);
    const after = updateOffering(withScore, HAIKU, { contextWindow: null, qualityByMission: { logistics: null } }, { asOf: '2026-12-02', note: 'benchmark withdrawn' });
    const o = get(after, HAIKU);
    expect(o.contextWindow).toMatchObject({ value: null, source: USER_EDIT_SOURCE, asOf: '2026-12-02', confirmed: false });
    expect(o.qualityByMission.logistics).toMatchObject({ value: null, confirmed: false });
    expect(o.qualityByMission.logistics.note).toContain('benchmark withdrawn');
  });

  it('leaves a fact whose value is unchanged as it was (no re-stamping)', () => {
    const before = frozen();
    const was = get(before, HAIKU);
    const after = updateOffering(
      before,
      HAIKU,
      {
        listPrices: { inputPerMTok: was.listPrices.inputPerMTok.value },
        capabilities: [...was.capabilities.value].reverse(),
        authorization: { maxClassification: was.authorization.value.maxClassification },
      },
      ON,
    );
    expect(get(after, HAIKU)).toEqual(was);
  });

  it('moving from pending to authorized clears the lead time; a lead time on an authorized offering is refused', () => {
    const pending = 'anthropic/claude-sonnet-5@aws_bedrock/us-gov-west-1';
    const before = frozen();
    expect(get(before, pending).authorization.value.status).toBe('pending');
    const after = updateOffering(before, pending, { authorization: { status: 'authorized' } }, ON);
    expect(get(after, pending).authorization.value).toMatchObject({ status: 'authorized', leadTimeDays: null });
    const e = editError(() => updateOffering(before, HAIKU, { authorization: { leadTimeDays: 30 } }, ON));
    expect(e.field).toBe('authorization.leadTimeDays');
    expect(e.message).toContain('only for a pending authorization');
  });

  it('changing model, route or region stamps the listing and drops the dataset price reference and premium', () => {
    const before = frozen();
    expect(get(before, NOVA_GOV).govPremium).not.toBeNull();
    const after = updateOffering(before, NOVA_GOV, { region: 'us-gov-east-1' }, ON);
    const o = get(after, NOVA_GOV);
    expect(o.id).toBe(NOVA_GOV);
    expect(o.region).toBe('us-gov-east-1');
    expect(o.listing).toMatchObject({ source: USER_EDIT_SOURCE, confirmed: true });
    expect(o.listing.note).toContain('us-gov-west-1');
    expect(o.priceRef).toBeNull();
    expect(o.govPremium).toBeNull();
    expect(o.match).toEqual({ modelKeys: null, regions: ['us-gov-east-1'] });
    // the list prices themselves stay as they were
    expect(o.listPrices).toEqual(get(before, NOVA_GOV).listPrices);
  });

  it.each([
    [{ listPrices: { inputPerMTok: -1 } }, 'listPrices.inputPerMTok', 'US dollars per million tokens'],
    [{ contextWindow: 12.5 }, 'contextWindow', 'whole number of tokens'],
    [{ maxOutputTokens: 0 }, 'maxOutputTokens', 'whole number of tokens'],
    [{ qualityByMission: { cyber_operations: 140 } }, 'qualityByMission.cyber_operations', '0 to 100'],
    [{ tokenizerFactor: 0 }, 'tokenizerFactor', 'above 0'],
    [{ deprecationDate: '2027-02-30' }, 'deprecationDate', 'real calendar date'],
    [{ authorization: { maxClassification: 'cosmic' } }, 'authorization.maxClassification', ''],
    [{ capabilities: ['telepathy'] }, 'capabilities.0', ''],
    [{ route: 'carrier_pigeon' }, 'route', ''],
    [{ displayName: '   ' }, 'displayName', 'cannot be empty'],
    [{ qualityByMission: { astrology: 50 } }, 'qualityByMission.astrology', ''],
    [{ colour: 'blue' }, 'colour', 'not a field that can be set'],
  ])('refuses %j naming %s, changing nothing', (patch, field, words) => {
    const before = frozen();
    const e = editError(() => updateOffering(before, HAIKU, patch as never, ON));
    expect(e.field).toBe(field);
    expect(e.message).toContain(field);
    expect(e.message).toContain(words);
    expect(e.message).toContain(HAIKU);
    expect(e.offeringId).toBe(HAIKU);
  });

  it('refuses an unknown offering and a bad date', () => {
    expect(editError(() => updateOffering(frozen(), 'x/y@direct_api/global', { contextWindow: 5 }, ON)).message).toContain('no offering x/y@direct_api/global');
    expect(editError(() => updateOffering(frozen(), HAIKU, { contextWindow: 5 }, { asOf: '1 Dec 2026' })).field).toBe('asOf');
  });
});

describe('addOffering', () => {
  it('adds a self-hosted model with the user’s facts confirmed and defaults unconfirmed', () => {
    const before = frozen();
    const { catalog, offeringId } = addOffering(before, llama, { ...ON, note: 'From the enclave ATO package' });
    expect(offeringId).toBe('meta/llama-3.3-70b-instruct@self_hosted/sipr-enclave-2');
    expect(catalog.offerings).toHaveLength(before.offerings.length + 1);
    const o = get(catalog, offeringId);
    expect(o.addedBy).toBe('user');
    expect(isUserAdded(o)).toBe(true);
    expect(o.listing).toMatchObject({ source: USER_EDIT_SOURCE, asOf: '2026-12-01', confirmed: true, note: 'From the enclave ATO package' });
    expect(o.authorization).toMatchObject({
      value: { maxClassification: 'secret', impactLevel: 'IL6', fedramp: null, status: 'authorized', leadTimeDays: null, basis: 'Enclave ATO 2026-114' },
      confirmed: true,
    });
    expect(o.capabilities).toMatchObject({ value: ['tool_use', 'code'], confirmed: true });
    expect(o.contextWindow).toMatchObject({ value: 128_000, confirmed: true });
    expect(o.qualityByMission.logistics).toMatchObject({ value: 70, confirmed: true });
    // not given: unknown and unconfirmed, never invented
    expect(o.maxOutputTokens).toMatchObject({ value: null, confirmed: false });
    expect(o.listPrices.inputPerMTok).toMatchObject({ value: null, confirmed: false });
    expect(o.listPrices.inputPerMTok.note).toContain('Self-hosted');
    expect(o.qualityByMission.intelligence_analysis).toMatchObject({ value: null, confirmed: false });
    expect(o.tokenizerFactor).toMatchObject({ value: 1, confirmed: false });
    expect(o.match).toEqual({ modelKeys: null, regions: ['sipr-enclave-2'] });
    // it shows up under "authorized for secret" and in the list JSON
    expect(filterOfferings(catalog.offerings, { authorizedFor: 'secret' }).map((x) => x.id)).toContain(offeringId);
    expect(catalogToListJson(catalog).offerings.find((x) => x.id === offeringId)).toMatchObject({ maxClassification: 'secret', route: 'self_hosted', confirmed: true, asOf: '2026-12-01' });
    for (const m of MISSION_AREAS) expect(o.qualityByMission[m].asOf).toBe('2026-12-01');
  });

  it('adds a new provider when its name is given, and refuses an unknown provider without one', () => {
    const qwen: NewOffering = { ...llama, provider: 'alibaba', model: 'qwen3-235b', region: 'customer-enclave' };
    const e = editError(() => addOffering(frozen(), qwen, ON));
    expect(e.field).toBe('providerName');
    expect(e.message).toContain('alibaba');
    const { catalog } = addOffering(frozen(), { ...qwen, providerName: 'Alibaba Cloud (Qwen)' }, ON);
    const p = catalog.providers.find((x) => x.id === 'alibaba');
    expect(p).toMatchObject({ name: 'Alibaba Cloud (Qwen)', prohibitedUseTags: [] });
    expect(p!.notices[0]!.value).toContain('usage policy');
  });

  it('refuses a duplicate, a bad value and a pending lead time on an authorized offering, naming the field', () => {
    const { catalog } = addOffering(frozen(), llama, ON);
    expect(editError(() => addOffering(catalog, llama, ON)).message).toContain('already in the catalog');
    expect(editError(() => addOffering(frozen(), { ...llama, contextWindow: -3 }, ON)).field).toBe('contextWindow');
    expect(editError(() => addOffering(frozen(), { ...llama, model: '' }, ON)).field).toBe('model');
    expect(editError(() => addOffering(frozen(), { ...llama, model: '!!!' }, ON)).field).toBe('model');
    expect(editError(() => addOffering(frozen(), { ...llama, authorization: { maxClassification: 'secret', leadTimeDays: 10 } }, ON)).field).toBe(
      'authorization.leadTimeDays',
    );
    const { authorization: _a, ...noAuth } = llama;
    expect(editError(() => addOffering(frozen(), noAuth as NewOffering, ON)).field).toBe('authorization');
  });

  it('survives a Bridgehead export and import unchanged', () => {
    const { catalog } = addOffering(frozen(), llama, ON);
    const list = parseCatalogFile(exportCatalog(catalog));
    const diff = diffCatalog(catalog, list);
    expect(diff.pricesChanged.length + diff.confirmations.length + diff.limitsChanged.length + diff.added.length + diff.gone.length).toBe(0);
  });
});

describe('removeOffering', () => {
  it('removes an offering the user added, with its contract price', () => {
    const { catalog, offeringId } = addOffering(frozen(), llama, ON);
    const priced = withContractPrice(catalog, { offeringId, inputPerMTok: 0.4, reference: 'hosting O&M' }, ON);
    const after = removeOffering(priced, offeringId);
    expect(after.offerings.map((o) => o.id)).not.toContain(offeringId);
    expect(after.contracts).toEqual([]);
  });

  it('removes an offering added from a price file’s suggestions', () => {
    const list = parseCatalogFile(readFixture('tiny-openrouter.json'));
    const base = frozen();
    const suggestion = diffCatalog(base, list).added[0];
    expect(suggestion).toBeDefined();
    const added = applyRefresh(base, list, { fileName: 'tiny-openrouter.json', sha256: 'a'.repeat(64), importedAt: '2026-12-01T10:00:00Z' }, { add: [suggestion!.id] });
    expect(isUserAdded(get(added, suggestion!.id))).toBe(true);
    expect(removeOffering(added, suggestion!.id).offerings).toHaveLength(base.offerings.length);
  });

  it('refuses to remove a default offering or an unknown one', () => {
    const e = editError(() => removeOffering(frozen(), HAIKU));
    expect(e.field).toBe('offeringId');
    expect(e.message).toContain('default catalog');
    expect(editError(() => removeOffering(frozen(), 'nope/x@direct_api/global')).message).toContain('no offering');
  });
});

describe('contract prices', () => {
  it('sets, replaces and removes a contract price above the list price', () => {
    const before = frozen();
    const list = get(before, HAIKU).listPrices;
    const set = withContractPrice(before, { offeringId: HAIKU, inputPerMTok: 0.7, reference: 'GSA OneGov TO-12' }, { ...ON, note: 'negotiated Q4' });
    expect(set.contracts).toEqual([
      { offeringId: HAIKU, inputPerMTok: 0.7, outputPerMTok: null, cachedInputPerMTok: null, reference: 'GSA OneGov TO-12', setAt: '2026-12-01', note: 'negotiated Q4' },
    ]);
    const eff = effectivePrices(get(set, HAIKU), set.contracts);
    expect(eff).toMatchObject({ inputPerMTok: 0.7, outputPerMTok: list.outputPerMTok.value, basis: { inputPerMTok: 'contract', outputPerMTok: 'list' } });
    // the list layer is untouched
    expect(get(set, HAIKU).listPrices).toEqual(list);

    const replaced = withContractPrice(set, { offeringId: HAIKU, outputPerMTok: 3, reference: 'TO-13' }, { asOf: '2026-12-05' });
    expect(replaced.contracts).toHaveLength(1);
    expect(replaced.contracts[0]).toMatchObject({ inputPerMTok: null, outputPerMTok: 3, reference: 'TO-13', setAt: '2026-12-05' });
    expect(withoutContractPrice(replaced, HAIKU).contracts).toEqual([]);
  });

  it('refuses a contract price with no price, no reference, a negative price or an unknown offering', () => {
    expect(editError(() => withContractPrice(frozen(), { offeringId: HAIKU, reference: 'TO-1' }, ON)).field).toBe('inputPerMTok');
    expect(editError(() => withContractPrice(frozen(), { offeringId: HAIKU, inputPerMTok: 1, reference: ' ' }, ON)).field).toBe('reference');
    expect(editError(() => withContractPrice(frozen(), { offeringId: HAIKU, outputPerMTok: -2, reference: 'TO-1' }, ON)).field).toBe('outputPerMTok');
    expect(editError(() => withContractPrice(frozen(), { offeringId: 'a/b@direct_api/global', inputPerMTok: 1, reference: 'TO-1' }, ON)).field).toBe('offeringId');
    expect(editError(() => withoutContractPrice(frozen(), HAIKU)).message).toContain('no contract price');
  });

  it('survive a refresh that changes the list price', () => {
    const sonnet = 'anthropic/claude-sonnet-5@direct_api/global';
    const base = withContractPrice(frozen(), { offeringId: sonnet, inputPerMTok: 1.5, reference: 'EA-1' }, ON);
    const list = parseCatalogFile(readFixture('tiny-genai.json'), { at: '2026-11-28' });
    const next = applyRefresh(base, list, { fileName: 'tiny-genai.json', sha256: 'b'.repeat(64), importedAt: '2026-12-02T09:00:00Z' });
    expect(next.contracts).toEqual(base.contracts);
    expect(effectivePrices(get(next, sonnet), next.contracts).inputPerMTok).toBe(1.5);
  });
});

describe('filterOfferings', () => {
  const c = defaultCatalog();
  it('"authorized for top_secret" keeps exactly the offerings whose highest classification is top_secret', () => {
    const ids = filterOfferings(c.offerings, { authorizedFor: 'top_secret' }).map((o) => o.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(c.offerings.filter((o) => o.authorization.value.maxClassification === 'top_secret').map((o) => o.id));
    expect(ids).toContain(TS_AZURE);
  });

  it('"authorized for cui" includes secret and top_secret offerings; pending ones only without authorizedNow', () => {
    const cui = filterOfferings(c.offerings, { authorizedFor: 'cui' });
    expect(cui.every((o) => o.authorization.value.maxClassification !== 'unclassified')).toBe(true);
    expect(cui.some((o) => o.authorization.value.maxClassification === 'top_secret')).toBe(true);
    expect(cui.some((o) => o.authorization.value.status === 'pending')).toBe(true);
    expect(filterOfferings(c.offerings, { authorizedFor: 'cui', authorizedNow: true }).every((o) => o.authorization.value.status === 'authorized')).toBe(true);
  });

  it('filters by route, capability (all of), provider and text', () => {
    const selfHosted = filterOfferings(c.offerings, { routes: ['self_hosted'] });
    expect(selfHosted.length).toBeGreaterThan(0);
    expect(selfHosted.every((o) => o.route === 'self_hosted')).toBe(true);
    const visionTools = filterOfferings(c.offerings, { capabilities: ['vision', 'tool_use'] });
    expect(visionTools.every((o) => o.capabilities.value.includes('vision') && o.capabilities.value.includes('tool_use'))).toBe(true);
    expect(visionTools.length).toBeLessThan(c.offerings.length);
    expect(filterOfferings(c.offerings, { providers: ['meta'] }).every((o) => o.provider === 'meta')).toBe(true);
    expect(filterOfferings(c.offerings, { text: 'GOV  nova' }).map((o) => o.id)).toEqual([NOVA_GOV]);
  });
});
