/**
 * Reading one model's prices out of genai-prices data (the v2 `data.json` shape, which the
 * @pydantic/genai-prices package also bundles). Shared by the default-catalog loader and the
 * genai-prices importer.
 */

export interface GenaiTieredPrice {
  base: number;
  tiers: readonly { start: number; price: number }[];
}
export type GenaiPriceValue = number | GenaiTieredPrice | undefined;
export type GenaiModelPrice = Readonly<Record<string, GenaiPriceValue>>;
export interface GenaiConditionalPrice {
  constraint?: { start_date?: string; type?: string; start_time?: string; end_time?: string } | undefined;
  prices: GenaiModelPrice;
}
export interface GenaiModel {
  id: string;
  name?: string | undefined;
  prices: GenaiModelPrice | readonly GenaiConditionalPrice[];
  context_window?: number | undefined;
  deprecated?: boolean | undefined;
}
export interface GenaiProvider {
  id: string;
  name?: string | undefined;
  models: readonly GenaiModel[];
}

export interface GenaiResolvedPrices {
  /** USD per million tokens; undefined when the dataset gives no such price. */
  inputPerMTok: number | undefined;
  outputPerMTok: number | undefined;
  cachedInputPerMTok: number | undefined;
  /** Tiers, scheduled changes and dropped time-of-day variants, in words. */
  notes: string[];
}

/** Prices are rounded to 12 significant digits so that 3e-6 × 1e6 reads 3, not 2.9999999999999996. */
export const roundPrice = (x: number): number => Number(x.toPrecision(12));

const FIELD_KEYS = {
  inputPerMTok: 'input_mtok',
  outputPerMTok: 'output_mtok',
  cachedInputPerMTok: 'cache_read_mtok',
} as const;

const describe = (p: GenaiModelPrice): string =>
  (Object.keys(FIELD_KEYS) as (keyof typeof FIELD_KEYS)[])
    .map((f) => {
      const v = p[FIELD_KEYS[f]];
      const n = typeof v === 'number' ? v : v && typeof v === 'object' ? v.base : undefined;
      return n === undefined ? null : `${f.replace('PerMTok', '')} ${roundPrice(n)}`;
    })
    .filter((s): s is string => s !== null)
    .join(', ');

/**
 * The prices in force on `at` (YYYY-MM-DD). Conditional price lists choose the latest entry whose
 * `start_date` is on or before `at` (an entry with no constraint is the base); entries starting
 * later are reported as scheduled changes; time-of-day discounts are not modelled. Tiered prices
 * (by prompt size) give their base rate, the tiers are noted.
 */
export function genaiPricesAt(model: GenaiModel, at: string): GenaiResolvedPrices {
  const notes: string[] = [];
  let chosen: GenaiModelPrice;
  if (Array.isArray(model.prices)) {
    const entries = model.prices as readonly GenaiConditionalPrice[];
    const timeOfDay = entries.filter((e) => e.constraint && e.constraint.start_date === undefined);
    if (timeOfDay.length > 0) notes.push('time-of-day discounts in the dataset are not modelled');
    const dated = entries
      .filter((e) => !e.constraint || e.constraint.start_date !== undefined)
      .map((e, i) => ({ start: e.constraint?.start_date ?? '', i, prices: e.prices }))
      .sort((a, b) => (a.start === b.start ? a.i - b.i : a.start < b.start ? -1 : 1));
    const inForce = dated.filter((e) => e.start <= at);
    const current = inForce[inForce.length - 1] ?? dated[0];
    if (!current) return { inputPerMTok: undefined, outputPerMTok: undefined, cachedInputPerMTok: undefined, notes };
    chosen = current.prices;
    if (current.start) notes.push(`price in force since ${current.start}`);
    for (const e of dated.filter((d) => d.start > at)) notes.push(`scheduled from ${e.start}: ${describe(e.prices)}`);
  } else {
    chosen = model.prices as GenaiModelPrice;
  }
  const read = (field: keyof typeof FIELD_KEYS): number | undefined => {
    const v = chosen[FIELD_KEYS[field]];
    if (typeof v === 'number') return roundPrice(v);
    if (v && typeof v === 'object' && typeof v.base === 'number') {
      const tiers = v.tiers.map((t) => `above ${t.start} prompt tokens ${roundPrice(t.price)}`).join('; ');
      if (tiers) notes.push(`${field} is the base rate; ${tiers}`);
      return roundPrice(v.base);
    }
    return undefined;
  };
  return {
    inputPerMTok: read('inputPerMTok'),
    outputPerMTok: read('outputPerMTok'),
    cachedInputPerMTok: read('cachedInputPerMTok'),
    notes,
  };
}
