/** Number, money, date and label formatting shared by the text exports (Markdown, HTML, YAML comments). */

/** US dollars: whole dollars from $100 up (a briefing's scale), cents below (unit prices). */
export function usd(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const digits = abs >= 100 || abs === 0 ? 0 : 2;
  const text = abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${n < 0 ? '−' : ''}$${text}`;
}

/** Compact dollars for chart labels: $1.2M, $650k, $940. */
export function usdShort(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${trim(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}$${trim(abs / 1e6)}M`;
  if (abs >= 1e4) return `${sign}$${Math.round(abs / 1e3)}k`;
  if (abs >= 1e3) return `${sign}$${trim(abs / 1e3)}k`;
  return `${sign}$${Math.round(abs)}`;
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '');
}

export function int(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return Math.round(n).toLocaleString('en-US');
}

/** `1 workload`, `3 workloads` (the count formatted with separators). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${int(n)} ${Math.round(n) === 1 ? one : many}`;
}

export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function hours(n: number): string {
  return `${int(n)} h`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-03-09` → `9 Mar 2027` (unambiguous on both sides of the Atlantic). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function monthLabel(year: number, month0: number): string {
  return `${MONTHS[month0]} ${String(year).slice(2)}`;
}

/** Whole days from a to b (ISO dates, UTC). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** `top_secret` → `TOP SECRET`; `cui` → `CUI`. */
export function classificationLabel(c: string): string {
  return c.replace(/_/g, ' ').toUpperCase();
}

/** `capability_gap` → `Capability gap`. */
export function humanize(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The parts of an offering id `provider/model@route/region`; null for anything else. */
export function parseOfferingId(id: string): { provider: string; model: string; route: string; region: string } | null {
  const m = /^([^/@]+)\/(.+)@([^/@]+)\/([^/@]+)$/.exec(id);
  if (!m) return null;
  return { provider: m[1]!, model: m[2]!, route: m[3]!, region: m[4]! };
}

/**
 * A lower-case slug of a workload id, unique within one export: `IA-001` → `ia-001`; ids that slug
 * to the same text (`A_1`, `a-1`) or to nothing get a numeric suffix, in plan order.
 */
export function uniqueSlugs(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const base =
      id
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48)
        .replace(/-+$/, '') || 'workload';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(id, slug);
  }
  return out;
}

/**
 * Text safe inside a one-line comment or label: line breaks (including the ones YAML 1.1 readers
 * such as PyYAML honour: NEL, LS, PS), control characters, lone surrogates and non-characters are
 * shown as `\uXXXX` rather than written raw.
 */
export function visible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
        continue;
      }
    }
    const unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
    out += unsafe ? `\\u${c.toString(16).padStart(4, '0')}` : text[i]!;
  }
  return out;
}
