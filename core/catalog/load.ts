/**
 * Builds the default catalog from core/catalog/data/default-catalog.json.
 *
 * List prices are never typed into the data file: each offering's `priceRef` is looked up in the
 * price data bundled with @pydantic/genai-prices (its network update is never enabled here — we
 * only call `findProvider`, which reads the bundled data). An offering without a reference, or
 * whose reference the bundled data lacks, gets null prices marked unconfirmed. A government-region
 * premium (a sourced multiplier) applied to a commercial price is marked unconfirmed.
 */
import { findProvider } from '@pydantic/genai-prices';
import { MISSION_AREAS } from '../common/enums';
import rawDefaultData from './data/default-catalog.json';
import { DefaultCatalogData, type DataOffering, type DataProvenance, type DataSource } from './data-file';
import { CatalogValidationError, describeZodIssues } from './errors';
import { validateCatalog } from './validate';
import { genaiPricesAt, roundPrice, type GenaiModel, type GenaiProvider } from './refresh/genai-model';
import {
  type Catalog,
  offeringSlug,

  type Fact,
  type ListPrices,
  type Offering,
  type PriceField,
  type Provenance,
  type Provider,
  type QualityByMission,
  type SourceRef,
} from './schema';

/** Context windows at or above this many tokens count as the `long_context` capability. */
export const LONG_CONTEXT_MIN_TOKENS = 200_000;

export interface LoadOptions {
  /** Date (YYYY-MM-DD) for which scheduled price changes are resolved; default: today (UTC). */
  priceDate?: string;
}

/** Looks a model up in the bundled genai-prices data by exact provider id and model id. */
export type GenaiLookup = (providerId: string, modelId: string) => GenaiModel | undefined;

export const bundledGenaiLookup: GenaiLookup = (providerId, modelId) => {
  const provider = findProvider({ providerId }) as GenaiProvider | undefined;
  // findProvider also matches on provider_match patterns; only an exact id is a reference.
  if (!provider || provider.id !== providerId) return undefined;
  return provider.models.find((m) => m.id === modelId);
};

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

const splitRef = (ref: string): [string, string] => {
  const i = ref.indexOf('/');
  return [ref.slice(0, i), ref.slice(i + 1)];
};

/** Validates raw default-catalog data and builds a Catalog. Exposed for tests and for other data files. */
export function buildCatalogFromData(raw: unknown, lookup: GenaiLookup, options: LoadOptions = {}): Catalog {
  const parsed = DefaultCatalogData.safeParse(raw);
  if (!parsed.success) {
    const issues = describeZodIssues(parsed.error);
    throw new CatalogValidationError(`The default catalog data is invalid:\n${issues.join('\n')}`, issues);
  }
  const data = parsed.data;
  const priceDate = options.priceDate ?? todayUtc();
  const sources = new Map<string, DataSource>(data.sources.map((s) => [s.id, s]));
  const problems: string[] = [];

  const srcList = (src: string | string[], where: string): DataSource[] => {
    const ids = typeof src === 'string' ? [src] : src;
    return ids.flatMap((id) => {
      const s = sources.get(id);
      if (!s) problems.push(`${where}: unknown source id "${id}"`);
      return s ? [s] : [];
    });
  };
  const sourceText = (list: DataSource[]): string =>
    list.map((s) => (s.url ? (s.kind === 'dataset' ? `${s.title} <${s.url}>` : s.url) : s.title)).join(' ; ');
  const asOfFor = (list: DataSource[], explicit?: string): string => {
    if (explicit) return explicit;
    const dates = list.map((s) => s.published).filter((d): d is string => d !== null);
    return dates.length ? dates.sort()[dates.length - 1]! : data.consulted;
  };
  const provenance = (p: DataProvenance, where: string): Provenance => {
    const list = srcList(p.src, where);
    return {
      source: sourceText(list),
      asOf: asOfFor(list, p.asOf),
      confirmed: p.confirmed,
      ...(p.note ? { note: p.note } : {}),
    };
  };
  const fact = <T>(f: DataProvenance & { value: T }, where: string): Fact<T> => ({
    value: f.value,
    ...provenance(f, where),
  });
  const bridgeheadDefault = <T>(value: T, note: string): Fact<T> => ({
    value,
    source: 'Bridgehead default (no source consulted for this fact)',
    asOf: data.consulted,
    confirmed: false,
    note,
  });

  const priceSource = sources.get(data.pricesDataset.sourceId);
  if (!priceSource) problems.push(`pricesDataset.sourceId "${data.pricesDataset.sourceId}" is not a listed source`);
  const priceDatasetLabel = `genai-prices (bundled in ${data.pricesDataset.package} ${data.pricesDataset.packageVersion})`;
  const priceAsOf = priceSource?.published ?? data.consulted;

  const usedSources = new Map<string, Set<string>>(); // provider id → source ids
  const use = (providerId: string, src: string | string[]) => {
    const set = usedSources.get(providerId) ?? new Set<string>();
    for (const id of typeof src === 'string' ? [src] : src) set.add(id);
    usedSources.set(providerId, set);
  };

  const buildPrices = (o: DataOffering, where: string): ListPrices => {
    if (o.priceRef === null) {
      const none = (): Fact<number | null> => ({
        value: null,
        source: 'No public per-token list price',
        asOf: data.consulted,
        confirmed: false,
        note: o.noPriceNote ?? 'no price reference',
      });
      return { inputPerMTok: none(), outputPerMTok: none(), cachedInputPerMTok: none() };
    }
    const [pid, mid] = splitRef(o.priceRef);
    const model = lookup(pid, mid);
    if (!model) {
      const missing = (): Fact<number | null> => ({
        value: null,
        source: `${priceDatasetLabel}: ${o.priceRef}`,
        asOf: priceAsOf,
        confirmed: false,
        note: `The bundled price data has no model ${o.priceRef}; price unknown.`,
      });
      return { inputPerMTok: missing(), outputPerMTok: missing(), cachedInputPerMTok: missing() };
    }
    use(o.provider, data.pricesDataset.sourceId);
    const resolved = genaiPricesAt(model, priceDate);
    const premium = o.govPremium;
    if (premium) use(o.provider, premium.src);
    const premiumSource = premium ? sourceText(srcList(premium.src, `${where}.govPremium`)) : '';
    const one = (field: PriceField): Fact<number | null> => {
      const base = resolved[field];
      const notes = [...resolved.notes.filter((n) => !n.includes('PerMTok is the base') || n.startsWith(field))];
      if (o.priceNote) notes.unshift(o.priceNote);
      if (base === undefined) {
        return {
          value: null,
          source: `${priceDatasetLabel}: ${o.priceRef}`,
          asOf: priceAsOf,
          confirmed: false,
          note: [`The dataset lists no ${field} for ${o.priceRef}.`, ...notes].join(' '),
        };
      }
      if (premium) {
        return {
          value: roundPrice(base * premium.value),
          source: `${priceDatasetLabel}: ${o.priceRef} × ${premium.value} (${premiumSource})`,
          asOf: priceAsOf,
          confirmed: false,
          note: [`Estimate: commercial price ${base} × government-region premium ${premium.value}.`, premium.note ?? '', ...notes]
            .filter(Boolean)
            .join(' '),
        };
      }
      return {
        value: base,
        source: `${priceDatasetLabel}: ${o.priceRef}`,
        asOf: priceAsOf,
        confirmed: o.priceConfirmed ?? true,
        ...(notes.length ? { note: notes.join('; ') } : {}),
      };
    };
    return { inputPerMTok: one('inputPerMTok'), outputPerMTok: one('outputPerMTok'), cachedInputPerMTok: one('cachedInputPerMTok') };
  };

  const buildContext = (o: DataOffering, where: string): Fact<number | null> => {
    const c = o.contextWindow;
    if (!('fromGenaiPrices' in c)) {
      use(o.provider, c.src);
      return fact(c, `${where}.contextWindow`);
    }
    const ref = c.fromGenaiPrices === true ? o.priceRef : c.fromGenaiPrices;
    if (!ref) {
      problems.push(`${where}.contextWindow: fromGenaiPrices: true needs a priceRef`);
      return bridgeheadDefault(null, 'no reference');
    }
    const [pid, mid] = splitRef(ref);
    const model = lookup(pid, mid);
    if (!model || typeof model.context_window !== 'number') {
      problems.push(`${where}.contextWindow: the bundled price data has no context window for ${ref}`);
      return bridgeheadDefault(null, `no context window for ${ref}`);
    }
    use(o.provider, data.pricesDataset.sourceId);
    return {
      value: model.context_window,
      source: `${priceDatasetLabel}: ${ref} context_window`,
      asOf: priceAsOf,
      confirmed: c.confirmed ?? true,
      ...(c.note ? { note: c.note } : {}),
    };
  };

  const unrated = (): QualityByMission =>
    Object.fromEntries(
      MISSION_AREAS.map((m) => [
        m,
        {
          value: null,
          source: 'Bridgehead default (unrated)',
          asOf: data.consulted,
          confirmed: false,
          note: 'No cited quality score; rate it per mission area in the catalog.',
        },
      ]),
    ) as QualityByMission;

  const offerings: Offering[] = data.offerings.map((o, i) => {
    const where = `offerings.${i} (${o.provider}/${o.model}@${o.route}/${o.region})`;
    for (const f of [o.listing, o.authorization, o.capabilities, o.maxOutputTokens]) use(o.provider, f.src);
    const contextWindow = buildContext(o, where);
    const capabilities = fact(o.capabilities, `${where}.capabilities`);
    if (typeof contextWindow.value === 'number' && contextWindow.value >= LONG_CONTEXT_MIN_TOKENS && !capabilities.value.includes('long_context')) {
      capabilities.value = [...capabilities.value, 'long_context'];
      capabilities.note = [capabilities.note, `long_context: context window of ${contextWindow.value} tokens is at least ${LONG_CONTEXT_MIN_TOKENS} (Bridgehead rule).`]
        .filter(Boolean)
        .join(' ');
    }
    const quality = unrated();
    for (const [mission, q] of Object.entries(o.qualityByMission ?? {})) {
      if (q) {
        use(o.provider, q.src);
        quality[mission as keyof QualityByMission] = fact(q, `${where}.qualityByMission.${mission}`);
      }
    }
    const extra = [o.govPremium, o.deprecationDate, o.license, o.tokenizerFactor].filter((x) => x !== undefined);
    for (const f of extra) use(o.provider, f.src);
    return {
      id: offeringSlug(o.provider, o.model, o.route, o.region),
      provider: o.provider,
      model: o.model,
      displayName: o.displayName,
      route: o.route,
      region: o.region,
      listing: provenance(o.listing, `${where}.listing`),
      authorization: fact(o.authorization, `${where}.authorization`),
      capabilities,
      contextWindow,
      maxOutputTokens: fact(o.maxOutputTokens, `${where}.maxOutputTokens`),
      listPrices: buildPrices(o, where),
      priceRef: o.priceRef
        ? { format: 'genai-prices', key: o.priceRef, proxy: o.priceConfirmed === false || o.govPremium !== undefined }
        : null,
      govPremium: o.govPremium ? fact(o.govPremium, `${where}.govPremium`) : null,
      match: {
        modelKeys: o.modelKeys ?? null,
        regions: o.matchRegions ?? (o.route === 'direct_api' ? [null] : [o.region]),
      },
      qualityByMission: quality,
      tokenizerFactor: o.tokenizerFactor
        ? fact(o.tokenizerFactor, `${where}.tokenizerFactor`)
        : bridgeheadDefault(1, `Tokens relative to the ${data.tokenizerBaseline} tokenizer; 1.0 until measured.`),
      deprecationDate: o.deprecationDate
        ? fact(o.deprecationDate, `${where}.deprecationDate`)
        : bridgeheadDefault<string | null>(null, 'No deprecation date found in the sources consulted.'),
      license: o.license ? fact(o.license, `${where}.license`) : null,
    };
  });

  const providers: Provider[] = data.providers.map((p, i) => {
    const where = `providers.${i} (${p.id})`;
    for (const u of p.prohibitedUses) use(p.id, u.src);
    for (const n of p.notices) use(p.id, n.src);
    const refs: SourceRef[] = [...(usedSources.get(p.id) ?? [])].flatMap((id) => {
      const s = sources.get(id);
      return s ? [{ id: s.id, title: s.title, url: s.url, kind: s.kind, published: s.published, consulted: data.consulted }] : [];
    });
    return {
      id: p.id,
      name: p.name,
      prohibitedUseTags: p.prohibitedUses.map((u, j) => ({
        tag: u.tag,
        appliesToTags: u.appliesToTags,
        condition: u.condition,
        note: u.note,
        exception: u.exception,
        ...provenance(u, `${where}.prohibitedUses.${j}`),
      })),
      notices: p.notices.map((n, j) => fact(n, `${where}.notices.${j}`)),
      sources: refs,
    };
  });

  if (problems.length) throw new CatalogValidationError(`The default catalog data is inconsistent:\n${problems.join('\n')}`, problems);

  const catalog = {
    schemaVersion: 1 as const,
    meta: {
      tokenizerBaseline: data.tokenizerBaseline,
      priceDate,
      origin: `Bridgehead default catalog (data v${data.version}, consulted ${data.consulted}; list prices: ${priceDatasetLabel})`,
    },
    providers,
    offerings,
    contracts: [],
  };
  return validateCatalog(catalog);
}

/** The embedded default catalog, with list prices from the bundled genai-prices data. */
export function loadDefaultCatalog(options: LoadOptions = {}): Catalog {
  return buildCatalogFromData(rawDefaultData, bundledGenaiLookup, options);
}

