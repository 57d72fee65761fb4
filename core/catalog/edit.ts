/**
 * User edits of the catalog: change any fact of an offering, add an offering (e.g. a model
 * self-hosted on the customer's own accredited hardware), remove an offering the user added, and
 * set or remove a contract price.
 *
 * Pure: each function takes a catalog and returns a new, validated one (the input is never
 * mutated), or throws a CatalogEditError naming the field. The date of the edit is passed in
 * (`asOf`); nothing here reads the clock.
 *
 * Provenance: an edited fact becomes `{ value, source: "user edit", asOf, confirmed: true, note? }`,
 * the note being what the user typed. A value the user clears to unknown (context window, maximum
 * output, a quality score) is recorded as an *unconfirmed* user edit: an unknown is never
 * "confirmed". A value an edit leaves as it was keeps its provenance.
 *
 * Changing what an offering is — its model, route or region — drops its dataset price reference
 * and government-region premium (both were researched for the original listing) and resets how price
 * files match it (refresh/match.ts) to the defaults for the new model, route and region. The id stays
 * (ids are stable, see `offeringSlug`).
 */
import { z } from 'zod';
import {
  AuthorizationStatus,
  Capability,
  CAPABILITIES,
  Classification,
  FedrampLevel,
  ImpactLevel,
  MISSION_AREAS,
  MissionArea,
  ProviderId,
  Route,
} from '../common/enums';
import { CatalogValidationError } from './errors';
import { removeContractPrice, setContractPrice } from './prices';
import {
  IsoDate,
  Offering,
  OfferingId,
  offeringSlug,
  PRICE_FIELDS,
  type Authorization,
  type Catalog,
  type ContractPrice,
  type Fact,
  type MatchSpec,
  type Provenance,
  type Provider,
  type QualityByMission,
} from './schema';
import { validateCatalog } from './validate';

/** The `source` of every fact a user edit writes. */
export const USER_EDIT_SOURCE = 'user edit';
/** The `source` of defaults an added offering gets for what the user did not give. */
export const USER_ADDED_DEFAULT_SOURCE = 'Bridgehead default for offerings added by the user';

/** An edit that cannot be made. `field` is the patch path (`listPrices.inputPerMTok`, `authorization.status`, …). */
export class CatalogEditError extends Error {
  override readonly name = 'CatalogEditError';
  constructor(
    readonly field: string,
    message: string,
    readonly offeringId: string | null = null,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Input schemas (also the API's request schemas), with messages that say what is expected

const PRICE_MSG = 'a price is US dollars per million tokens: a number of at least 0, or empty for no per-token price';
const TOKENS_MSG = 'a whole number of tokens above 0, or empty for unknown';
const QUALITY_MSG = 'a quality score is a number from 0 to 100, or empty for unrated';
const TOKENIZER_MSG = 'the tokenizer factor is a number above 0 (1 = as many tokens as the baseline vendor for the same text)';
const LEAD_MSG = 'the lead time is a whole number of days, 0 or more, or empty for unknown';

const text = (what: string) => z.string({ error: `${what} is text` }).trim().min(1, `${what} cannot be empty`);
const price = z.number({ error: PRICE_MSG }).finite(PRICE_MSG).nonnegative(PRICE_MSG).nullable();
const tokens = z.number({ error: TOKENS_MSG }).int(TOKENS_MSG).positive(TOKENS_MSG).nullable();
const quality = z.number({ error: QUALITY_MSG }).min(0, QUALITY_MSG).max(100, QUALITY_MSG).nullable();
const tokenizer = z.number({ error: TOKENIZER_MSG }).finite(TOKENIZER_MSG).positive(TOKENIZER_MSG);
const leadTime = z.number({ error: LEAD_MSG }).int(LEAD_MSG).nonnegative(LEAD_MSG).nullable();

export const AuthorizationPatch = z
  .object({
    maxClassification: Classification.optional(),
    impactLevel: ImpactLevel.nullable().optional(),
    fedramp: FedrampLevel.nullable().optional(),
    status: AuthorizationStatus.optional(),
    leadTimeDays: leadTime.optional(),
    basis: text('the authorization basis').optional(),
  })
  .strict();

export const PricesPatch = z
  .object({ inputPerMTok: price.optional(), outputPerMTok: price.optional(), cachedInputPerMTok: price.optional() })
  .strict();

export const QualityPatch = z.partialRecord(MissionArea, quality);

/** A change to an offering: only the fields given change. `null` clears a value that may be unknown. */
export const OfferingPatch = z
  .object({
    displayName: text('the display name').optional(),
    model: text('the model').optional(),
    route: Route.optional(),
    region: text('the region').optional(),
    authorization: AuthorizationPatch.optional(),
    capabilities: z.array(Capability).optional(),
    contextWindow: tokens.optional(),
    maxOutputTokens: tokens.optional(),
    listPrices: PricesPatch.optional(),
    tokenizerFactor: tokenizer.optional(),
    deprecationDate: IsoDate.nullable().optional(),
    qualityByMission: QualityPatch.optional(),
    license: text('the licence').nullable().optional(),
  })
  .strict();
export type OfferingPatch = z.input<typeof OfferingPatch>;

/** An offering the user adds. What is not given gets an unconfirmed default (unknown, unrated, 1.0). */
export const NewOffering = z
  .object({
    provider: ProviderId,
    /** Needed when `provider` is not in the catalog yet: the provider is added with this name. */
    providerName: text('the provider name').optional(),
    model: text('the model'),
    displayName: text('the display name').optional(),
    route: Route,
    region: text('the region'),
    authorization: z
      .object({
        maxClassification: Classification,
        impactLevel: ImpactLevel.nullable().optional(),
        fedramp: FedrampLevel.nullable().optional(),
        status: AuthorizationStatus.optional(),
        leadTimeDays: leadTime.optional(),
        basis: text('the authorization basis').optional(),
      })
      .strict(),
    capabilities: z.array(Capability).optional(),
    contextWindow: tokens.optional(),
    maxOutputTokens: tokens.optional(),
    listPrices: PricesPatch.optional(),
    tokenizerFactor: tokenizer.nullable().optional(),
    deprecationDate: IsoDate.nullable().optional(),
    qualityByMission: QualityPatch.optional(),
    license: text('the licence').nullable().optional(),
  })
  .strict();
export type NewOffering = z.input<typeof NewOffering>;

/** A negotiated price. A price left empty is not negotiated: the list price applies to it. */
export const ContractPriceInput = z
  .object({
    offeringId: OfferingId,
    inputPerMTok: price.optional(),
    outputPerMTok: price.optional(),
    cachedInputPerMTok: price.optional(),
    reference: text('the contract reference (contract or vehicle, e.g. "GSA OneGov task order 12")'),
    note: z.string().optional(),
  })
  .strict();
export type ContractPriceInput = z.input<typeof ContractPriceInput>;

export interface EditOptions {
  /** The date of the edit, YYYY-MM-DD: the `asOf` of every fact it writes. */
  asOf: string;
  /** What the user typed about the edit (where the value comes from, why). */
  note?: string | null | undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const fieldOf = (path: readonly PropertyKey[]): string =>
  path
    .filter((p) => p !== 'value')
    .map(String)
    .join('.');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const show = (v: unknown): string => {
  if (v === undefined) return '';
  const s = JSON.stringify(v);
  return ` (got ${s.length > 60 ? `${s.slice(0, 57)}…` : s})`;
};

/** Throws a CatalogEditError for the first problem zod found, naming the field. */
function throwIssue(error: z.ZodError, input: unknown, where: string, offeringId: string | null): never {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = fieldOf([...issue.path, issue.keys[0] ?? '']);
    throw new CatalogEditError(field, `${where}: ${field} is not a field that can be set here.`, offeringId);
  }
  const field = fieldOf(issue.path) || '(input)';
  throw new CatalogEditError(field, `${where}: ${field}: ${issue.message}${show(valueAt(input, issue.path))}.`, offeringId);
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string, offeringId: string | null): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throwIssue(parsed.error, input, where, offeringId);
  return parsed.data;
}

function checkOptions(options: EditOptions): { asOf: string; note: string | undefined } {
  if (!IsoDate.safeParse(options.asOf).success) {
    throw new CatalogEditError('asOf', `The date of the edit must be a real date, YYYY-MM-DD${show(options.asOf)}.`);
  }
  const note = options.note?.trim();
  return { asOf: options.asOf, note: note ? note : undefined };
}

type Opts = ReturnType<typeof checkOptions>;

/** A fact the user stated. */
const userFact = <T>(value: T, o: Opts): Fact<T> => ({
  value,
  source: USER_EDIT_SOURCE,
  asOf: o.asOf,
  confirmed: true,
  ...(o.note ? { note: o.note } : {}),
});

/** A value the user cleared: recorded as theirs, but an unknown is not confirmed. */
const userCleared = <T>(value: T, o: Opts, what: string): Fact<T> => ({
  value,
  source: USER_EDIT_SOURCE,
  asOf: o.asOf,
  confirmed: false,
  note: `Cleared by the user: ${what}.${o.note ? ` ${o.note}` : ''}`,
});

const userListing = (o: Opts, fallbackNote: string): Provenance => ({
  source: USER_EDIT_SOURCE,
  asOf: o.asOf,
  confirmed: true,
  note: o.note ?? fallbackNote,
});

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Capabilities without duplicates, in the order of `CAPABILITIES`. */
export const normalizeCapabilities = (caps: readonly Capability[]): Capability[] => CAPABILITIES.filter((c) => caps.includes(c));

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** How price files match an offering when nothing else is known (the default catalog's rule). */
export const defaultMatchSpec = (route: string, region: string): MatchSpec => ({
  modelKeys: null,
  regions: route === 'direct_api' ? [null] : [region],
});

/** True for offerings the user added, by hand or by choosing a price file's suggestion: these can be removed. */
export const isUserAdded = (o: Offering): boolean => o.addedBy === 'user' || o.listing.origin !== undefined;

const findOffering = (catalog: Catalog, offeringId: string): number => {
  const index = catalog.offerings.findIndex((o) => o.id === offeringId);
  if (index < 0) throw new CatalogEditError('offeringId', `There is no offering ${offeringId} in the catalog.`, offeringId);
  return index;
};

/** Checks the offering against the schema (naming the field), then the whole catalog. */
function withOffering(catalog: Catalog, offering: Offering, index: number | null, where: string): Catalog {
  const checked = Offering.safeParse(offering);
  if (!checked.success) throwIssue(checked.error, offering, where, offering.id);
  const offerings = catalog.offerings.map((o) => structuredClone(o));
  if (index === null) offerings.push(checked.data);
  else offerings[index] = checked.data;
  return finish(catalog, { offerings }, offering.id);
}

function finish(catalog: Catalog, change: Partial<Pick<Catalog, 'providers' | 'offerings' | 'contracts'>>, offeringId: string | null): Catalog {
  try {
    return validateCatalog({
      schemaVersion: catalog.schemaVersion,
      meta: structuredClone(catalog.meta),
      providers: change.providers ?? structuredClone(catalog.providers),
      offerings: change.offerings ?? structuredClone(catalog.offerings),
      contracts: change.contracts ?? structuredClone(catalog.contracts),
    });
  } catch (error) {
    if (error instanceof CatalogValidationError) {
      throw new CatalogEditError(error.issues[0]?.split(':')[0] ?? '(catalog)', error.message, offeringId);
    }
    throw error;
  }
}

function checkLeadTime(a: Authorization, where: string, offeringId: string | null): void {
  if (a.status !== 'pending' && a.leadTimeDays !== null) {
    throw new CatalogEditError(
      'authorization.leadTimeDays',
      `${where}: authorization.leadTimeDays: a lead time is only for a pending authorization; set the status to pending, or clear the lead time.`,
      offeringId,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Changes the fields the patch gives; each changed fact gets the user's provenance. */
export function updateOffering(catalog: Catalog, offeringId: string, patch: OfferingPatch, options: EditOptions): Catalog {
  const o = checkOptions(options);
  const index = findOffering(catalog, offeringId);
  const where = `Offering ${offeringId}`;
  const p = parseInput(OfferingPatch, patch, where, offeringId);
  const current = catalog.offerings[index]!;
  const next: Offering = structuredClone(current);

  if (p.displayName !== undefined) next.displayName = p.displayName;

  const identity = { model: p.model ?? current.model, route: p.route ?? current.route, region: p.region ?? current.region };
  if (identity.model !== current.model || identity.route !== current.route || identity.region !== current.region) {
    Object.assign(next, identity);
    next.listing = userListing(o, `Changed by the user from ${current.model} on ${current.route} in ${current.region}.`);
    next.priceRef = null;
    next.govPremium = null;
    next.match = defaultMatchSpec(identity.route, identity.region);
  }

  if (p.authorization) {
    const given = Object.fromEntries(Object.entries(p.authorization).filter(([, v]) => v !== undefined)) as Partial<Authorization>;
    const auth: Authorization = { ...current.authorization.value, ...given };
    // Authorized now: a lead time no longer applies, unless the user gave one (which is refused below).
    if (given.status !== undefined && given.status !== 'pending' && given.leadTimeDays === undefined) auth.leadTimeDays = null;
    checkLeadTime(auth, where, offeringId);
    if (!sameJson(auth, current.authorization.value)) next.authorization = userFact(auth, o);
  }

  if (p.capabilities) {
    const caps = normalizeCapabilities(p.capabilities);
    if (!sameSet(caps, current.capabilities.value)) next.capabilities = userFact(caps, o);
  }

  for (const field of ['contextWindow', 'maxOutputTokens'] as const) {
    const v = p[field];
    if (v === undefined || v === current[field].value) continue;
    next[field] = v === null ? userCleared(null, o, 'not known') : userFact(v, o);
  }

  for (const field of PRICE_FIELDS) {
    const v = p.listPrices?.[field];
    if (v === undefined || v === current.listPrices[field].value) continue;
    next.listPrices[field] = userFact(v, o);
  }

  if (p.tokenizerFactor !== undefined && p.tokenizerFactor !== current.tokenizerFactor.value) {
    next.tokenizerFactor = userFact(p.tokenizerFactor, o);
  }
  if (p.deprecationDate !== undefined && p.deprecationDate !== current.deprecationDate.value) {
    next.deprecationDate = userFact(p.deprecationDate, o);
  }

  for (const area of MISSION_AREAS) {
    const v = p.qualityByMission?.[area];
    if (v === undefined || v === current.qualityByMission[area].value) continue;
    next.qualityByMission[area] = v === null ? userCleared(null, o, 'unrated') : userFact(v, o);
  }

  if (p.license !== undefined && p.license !== (current.license?.value ?? null)) {
    next.license = p.license === null ? null : userFact(p.license, o);
  }

  if (sameJson(next, current)) return finish(catalog, {}, offeringId);
  return withOffering(catalog, next, index, where);
}

/** The id an added offering gets. */
export function newOfferingId(input: Pick<NewOffering, 'provider' | 'model' | 'route' | 'region'>): string {
  return offeringSlug(input.provider, input.model, input.route, input.region);
}

/** Adds an offering the user describes. Returns the new catalog and the new offering's id. */
export function addOffering(catalog: Catalog, input: NewOffering, options: EditOptions): { catalog: Catalog; offeringId: string } {
  const o = checkOptions(options);
  const p = parseInput(NewOffering, input, 'New offering', null);
  const id = newOfferingId(p);
  const where = `New offering ${id}`;
  if (!OfferingId.safeParse(id).success) {
    throw new CatalogEditError(
      'model',
      `New offering: model "${p.model}" and region "${p.region}" must contain letters or digits to make an offering id (provider/model@route/region).`,
    );
  }
  if (catalog.offerings.some((x) => x.id === id)) {
    throw new CatalogEditError('model', `${where}: an offering ${id} is already in the catalog; edit it, or choose another model, route or region.`, id);
  }

  const providers = structuredClone(catalog.providers);
  if (!providers.some((x) => x.id === p.provider)) {
    if (!p.providerName) {
      throw new CatalogEditError(
        'providerName',
        `${where}: provider "${p.provider}" is not in the catalog; give its name (providerName) to add it, or choose one of: ${providers.map((x) => x.id).join(', ')}.`,
        id,
      );
    }
    const provider: Provider = {
      id: p.provider,
      name: p.providerName,
      prohibitedUseTags: [],
      notices: [
        userFact(
          'Added by the user. Its usage policy (prohibited uses) is not recorded in the catalog, so no policy conflict can be found for it.',
          o,
        ),
      ],
      sources: [],
    };
    providers.push(provider);
  }

  const unknown = <T>(value: T, note: string): Fact<T> => ({ value, source: USER_ADDED_DEFAULT_SOURCE, asOf: o.asOf, confirmed: false, note });
  const auth: Authorization = {
    maxClassification: p.authorization.maxClassification,
    impactLevel: p.authorization.impactLevel ?? null,
    fedramp: p.authorization.fedramp ?? null,
    status: p.authorization.status ?? 'authorized',
    leadTimeDays: p.authorization.leadTimeDays ?? null,
    basis: p.authorization.basis ?? 'Stated by the user when adding the offering',
  };
  checkLeadTime(auth, where, id);
  const caps = normalizeCapabilities(p.capabilities ?? []);
  const noPrice =
    p.route === 'self_hosted'
      ? 'Self-hosted: no per-token list price was given (the cost is the hosting).'
      : 'No list price was given when the offering was added.';
  const priceFact = (v: number | null | undefined): Fact<number | null> => (v === undefined || v === null ? unknown(null, noPrice) : userFact(v, o));
  const qualityByMission = Object.fromEntries(
    MISSION_AREAS.map((m) => {
      const v = p.qualityByMission?.[m];
      return [m, v === undefined || v === null ? unknown(null, 'No quality score was given; rate it per mission area.') : userFact(v, o)];
    }),
  ) as QualityByMission;

  const offering: Offering = {
    id,
    provider: p.provider,
    model: p.model,
    displayName: p.displayName ?? p.model,
    route: p.route,
    region: p.region,
    listing: userListing(o, 'Added by the user.'),
    authorization: userFact(auth, o),
    capabilities: caps.length ? userFact(caps, o) : unknown([], 'No capabilities were given when the offering was added.'),
    contextWindow:
      p.contextWindow === undefined || p.contextWindow === null ? unknown(null, 'No context window was given.') : userFact(p.contextWindow, o),
    maxOutputTokens:
      p.maxOutputTokens === undefined || p.maxOutputTokens === null ? unknown(null, 'No maximum output was given.') : userFact(p.maxOutputTokens, o),
    listPrices: {
      inputPerMTok: priceFact(p.listPrices?.inputPerMTok),
      outputPerMTok: priceFact(p.listPrices?.outputPerMTok),
      cachedInputPerMTok: priceFact(p.listPrices?.cachedInputPerMTok),
    },
    priceRef: null,
    govPremium: null,
    match: defaultMatchSpec(p.route, p.region),
    qualityByMission,
    tokenizerFactor:
      p.tokenizerFactor === undefined || p.tokenizerFactor === null
        ? unknown(1, 'Tokenizer factor not measured; 1.0 assumed.')
        : userFact(p.tokenizerFactor, o),
    deprecationDate:
      p.deprecationDate === undefined || p.deprecationDate === null
        ? unknown(null, 'No deprecation date recorded.')
        : userFact(p.deprecationDate, o),
    license: p.license ? userFact(p.license, o) : null,
    addedBy: 'user',
  };

  const checked = Offering.safeParse(offering);
  if (!checked.success) throwIssue(checked.error, offering, where, id);
  const offerings = [...structuredClone(catalog.offerings), checked.data];
  return { catalog: finish(catalog, { providers, offerings }, id), offeringId: id };
}

/** Removes an offering the user added (and its contract price). Default offerings cannot be removed. */
export function removeOffering(catalog: Catalog, offeringId: string): Catalog {
  const index = findOffering(catalog, offeringId);
  const offering = catalog.offerings[index]!;
  if (!isUserAdded(offering)) {
    throw new CatalogEditError(
      'offeringId',
      `Offering ${offeringId} comes from the default catalog and cannot be removed; edit it instead (for example set a deprecation date, or lower its authorization).`,
      offeringId,
    );
  }
  return finish(
    catalog,
    {
      offerings: catalog.offerings.filter((o) => o.id !== offeringId).map((o) => structuredClone(o)),
      contracts: removeContractPrice(structuredClone(catalog.contracts), offeringId),
    },
    offeringId,
  );
}

/** Sets (or replaces) the contract price of an offering. At least one price must be given. */
export function withContractPrice(catalog: Catalog, input: ContractPriceInput, options: EditOptions): Catalog {
  const o = checkOptions(options);
  const where = `Contract price${typeof input?.offeringId === 'string' ? ` for ${input.offeringId}` : ''}`;
  const p = parseInput(ContractPriceInput, input, where, null);
  findOffering(catalog, p.offeringId);
  const prices = { inputPerMTok: p.inputPerMTok ?? null, outputPerMTok: p.outputPerMTok ?? null, cachedInputPerMTok: p.cachedInputPerMTok ?? null };
  if (PRICE_FIELDS.every((f) => prices[f] === null)) {
    throw new CatalogEditError(
      'inputPerMTok',
      `${where}: give at least one negotiated price (input, output or cached input, US dollars per million tokens); to drop the contract price, remove it.`,
      p.offeringId,
    );
  }
  const note = p.note?.trim() || o.note;
  const price: ContractPrice = { offeringId: p.offeringId, ...prices, reference: p.reference, setAt: o.asOf, ...(note ? { note } : {}) };
  return finish(catalog, { contracts: setContractPrice(structuredClone(catalog.contracts), price) }, p.offeringId);
}

/** Removes the contract price of an offering; the list prices apply again. */
export function withoutContractPrice(catalog: Catalog, offeringId: string): Catalog {
  if (!catalog.contracts.some((c) => c.offeringId === offeringId)) {
    throw new CatalogEditError('offeringId', `There is no contract price for ${offeringId} to remove.`, offeringId);
  }
  return finish(catalog, { contracts: removeContractPrice(structuredClone(catalog.contracts), offeringId) }, offeringId);
}
