/**
 * Catalog forms as text drafts, and their conversion to API requests. A draft holds what the
 * inputs hold (strings); converting parses numbers and sends only what changed. Range and shape
 * checks stay in core (core/catalog/edit.ts), which names the field when it refuses a value.
 */
import type { ContractPriceInput, NewOffering, OfferingPatch } from '../../../core/catalog/edit';
import type { EffectivePrices } from '../../../core/catalog/prices';
import type { Offering } from '../../../core/catalog/schema';
import {
  CAPABILITIES,
  MISSION_AREAS,
  type AuthorizationStatus,
  type Capability,
  type Classification,
  type FedrampLevel,
  type ImpactLevel,
  type MissionArea,
  type Route,
} from '../../../core/common/enums';

export interface OfferingDraft {
  /** Add only: an existing provider id, or a new one with `providerName`. */
  provider: string;
  providerName: string;
  displayName: string;
  model: string;
  route: Route;
  region: string;
  maxClassification: Classification;
  impactLevel: ImpactLevel | '';
  fedramp: FedrampLevel | '';
  status: AuthorizationStatus;
  leadTimeDays: string;
  basis: string;
  capabilities: Capability[];
  contextWindow: string;
  maxOutputTokens: string;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string;
  tokenizerFactor: string;
  deprecationDate: string;
  license: string;
  quality: Record<MissionArea, string>;
  /** What the user says about the edit; recorded on every fact it changes. */
  note: string;
}

export interface ContractDraft {
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string;
  reference: string;
  note: string;
}

/** A problem with a draft, naming the field as the API does (`listPrices.inputPerMTok`). */
export interface FieldError {
  field: string | null;
  message: string;
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function draftFromOffering(o: Offering): OfferingDraft {
  const a = o.authorization.value;
  return {
    provider: o.provider,
    providerName: '',
    displayName: o.displayName,
    model: o.model,
    route: o.route,
    region: o.region,
    maxClassification: a.maxClassification,
    impactLevel: a.impactLevel ?? '',
    fedramp: a.fedramp ?? '',
    status: a.status,
    leadTimeDays: num(a.leadTimeDays),
    basis: a.basis,
    capabilities: [...o.capabilities.value],
    contextWindow: num(o.contextWindow.value),
    maxOutputTokens: num(o.maxOutputTokens.value),
    inputPerMTok: num(o.listPrices.inputPerMTok.value),
    outputPerMTok: num(o.listPrices.outputPerMTok.value),
    cachedInputPerMTok: num(o.listPrices.cachedInputPerMTok.value),
    tokenizerFactor: num(o.tokenizerFactor.value),
    deprecationDate: o.deprecationDate.value ?? '',
    license: o.license?.value ?? '',
    quality: Object.fromEntries(MISSION_AREAS.map((m) => [m, num(o.qualityByMission[m].value)])) as Record<MissionArea, string>,
    note: '',
  };
}

export function emptyDraft(provider = ''): OfferingDraft {
  return {
    provider,
    providerName: '',
    displayName: '',
    model: '',
    route: 'self_hosted',
    region: '',
    maxClassification: 'unclassified',
    impactLevel: '',
    fedramp: '',
    status: 'authorized',
    leadTimeDays: '',
    basis: '',
    capabilities: [],
    contextWindow: '',
    maxOutputTokens: '',
    inputPerMTok: '',
    outputPerMTok: '',
    cachedInputPerMTok: '',
    tokenizerFactor: '',
    deprecationDate: '',
    license: '',
    quality: Object.fromEntries(MISSION_AREAS.map((m) => [m, ''])) as Record<MissionArea, string>,
    note: '',
  };
}

export function contractDraft(e: EffectivePrices | undefined): ContractDraft {
  const c = e?.contract ?? null;
  return {
    inputPerMTok: num(c?.inputPerMTok),
    outputPerMTok: num(c?.outputPerMTok),
    cachedInputPerMTok: num(c?.cachedInputPerMTok),
    reference: c?.reference ?? '',
    note: c?.note ?? '',
  };
}

class DraftError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** '' → null; "1,250", "$3.50" → numbers; anything else is an error naming the field. */
function parseNumber(text: string, field: string, what: string): number | null {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new DraftError(field, `${what}: "${text}" is not a number.`);
  return n;
}

const trimmed = (s: string): string | null => (s.trim() === '' ? null : s.trim());

const PRICE_LABELS = { inputPerMTok: 'Input price', outputPerMTok: 'Output price', cachedInputPerMTok: 'Cached input price' } as const;
const PRICES = ['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok'] as const;

function run<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: FieldError } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof DraftError) return { ok: false, error: { field: error.field, message: error.message } };
    throw error;
  }
}

/** The fields of `d` that differ from `o`, as an OfferingPatch (empty when nothing changed). */
export function draftToPatch(o: Offering, d: OfferingDraft) {
  return run((): OfferingPatch => {
    const patch: OfferingPatch = {};
    const was = draftFromOffering(o);
    for (const k of ['displayName', 'model', 'region'] as const) if (d[k].trim() !== was[k]) patch[k] = d[k].trim();
    if (d.route !== was.route) patch.route = d.route;

    const auth: NonNullable<OfferingPatch['authorization']> = {};
    if (d.maxClassification !== was.maxClassification) auth.maxClassification = d.maxClassification;
    if (d.impactLevel !== was.impactLevel) auth.impactLevel = d.impactLevel || null;
    if (d.fedramp !== was.fedramp) auth.fedramp = d.fedramp || null;
    if (d.status !== was.status) auth.status = d.status;
    if (d.leadTimeDays.trim() !== was.leadTimeDays) auth.leadTimeDays = parseNumber(d.leadTimeDays, 'authorization.leadTimeDays', 'Lead time');
    if (d.basis.trim() !== was.basis) auth.basis = d.basis.trim();
    if (Object.keys(auth).length) patch.authorization = auth;

    const caps = CAPABILITIES.filter((c) => d.capabilities.includes(c));
    const wasCaps = CAPABILITIES.filter((c) => was.capabilities.includes(c));
    if (caps.join() !== wasCaps.join()) patch.capabilities = caps;

    if (d.contextWindow.trim() !== was.contextWindow) patch.contextWindow = parseNumber(d.contextWindow, 'contextWindow', 'Context window');
    if (d.maxOutputTokens.trim() !== was.maxOutputTokens) patch.maxOutputTokens = parseNumber(d.maxOutputTokens, 'maxOutputTokens', 'Maximum output');

    const prices: NonNullable<OfferingPatch['listPrices']> = {};
    for (const f of PRICES) {
      if (d[f].trim() === was[f]) continue;
      const v = parseNumber(d[f], `listPrices.${f}`, PRICE_LABELS[f]);
      if (v !== o.listPrices[f].value) prices[f] = v;
    }
    if (Object.keys(prices).length) patch.listPrices = prices;

    if (d.tokenizerFactor.trim() !== was.tokenizerFactor) {
      const v = parseNumber(d.tokenizerFactor, 'tokenizerFactor', 'Tokenizer factor');
      if (v === null) throw new DraftError('tokenizerFactor', 'Tokenizer factor: give a number (1 = as many tokens as the baseline vendor).');
      patch.tokenizerFactor = v;
    }
    if (d.deprecationDate !== was.deprecationDate) patch.deprecationDate = trimmed(d.deprecationDate);
    if (d.license.trim() !== was.license) patch.license = trimmed(d.license);

    const quality: NonNullable<OfferingPatch['qualityByMission']> = {};
    for (const m of MISSION_AREAS) {
      if (d.quality[m].trim() !== was.quality[m]) quality[m] = parseNumber(d.quality[m], `qualityByMission.${m}`, 'Quality score');
    }
    if (Object.keys(quality).length) patch.qualityByMission = quality;
    return patch;
  });
}

/** The API's NewOffering for an add form. */
export function draftToNewOffering(d: OfferingDraft, knownProviders: readonly string[]) {
  return run((): NewOffering => {
    const provider = d.provider.trim().toLowerCase();
    if (!provider) throw new DraftError('provider', 'Provider: choose one, or give the id of a new one.');
    const offering: NewOffering = {
      provider,
      model: d.model.trim(),
      route: d.route,
      region: d.region.trim(),
      authorization: {
        maxClassification: d.maxClassification,
        impactLevel: d.impactLevel || null,
        fedramp: d.fedramp || null,
        status: d.status,
        leadTimeDays: parseNumber(d.leadTimeDays, 'authorization.leadTimeDays', 'Lead time'),
        ...(trimmed(d.basis) ? { basis: d.basis.trim() } : {}),
      },
      capabilities: CAPABILITIES.filter((c) => d.capabilities.includes(c)),
      contextWindow: parseNumber(d.contextWindow, 'contextWindow', 'Context window'),
      maxOutputTokens: parseNumber(d.maxOutputTokens, 'maxOutputTokens', 'Maximum output'),
      listPrices: Object.fromEntries(PRICES.map((f) => [f, parseNumber(d[f], `listPrices.${f}`, PRICE_LABELS[f])])),
      tokenizerFactor: parseNumber(d.tokenizerFactor, 'tokenizerFactor', 'Tokenizer factor'),
      deprecationDate: trimmed(d.deprecationDate),
      license: trimmed(d.license),
      qualityByMission: Object.fromEntries(
        MISSION_AREAS.map((m) => [m, parseNumber(d.quality[m], `qualityByMission.${m}`, 'Quality score')] as const).filter(([, v]) => v !== null),
      ),
    };
    if (trimmed(d.displayName)) offering.displayName = d.displayName.trim();
    if (!knownProviders.includes(provider)) offering.providerName = d.providerName.trim();
    return offering;
  });
}

export function draftToContract(offeringId: string, d: ContractDraft) {
  return run((): ContractPriceInput => ({
    offeringId,
    inputPerMTok: parseNumber(d.inputPerMTok, 'inputPerMTok', 'Contract input price'),
    outputPerMTok: parseNumber(d.outputPerMTok, 'outputPerMTok', 'Contract output price'),
    cachedInputPerMTok: parseNumber(d.cachedInputPerMTok, 'cachedInputPerMTok', 'Contract cached input price'),
    reference: d.reference.trim(),
    ...(trimmed(d.note) ? { note: d.note.trim() } : {}),
  }));
}
