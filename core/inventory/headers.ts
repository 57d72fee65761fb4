/**
 * Header matching (DOMAIN.md): a header names a canonical column when they are equal ignoring
 * case, spaces, `_` and `-`, with or without a leading workload/current/monthly word — so
 * "Workload ID", "Mission Area", "Monthly Input Tokens", "Input Tokens" and "Current Vendor" all
 * map. A few common synonyms are accepted too (see HEADER_ALIASES). Everything else is kept as a
 * custom attribute under its own header, unless the user's mapping says otherwise.
 *
 * When two columns claim the same canonical column the importer must not pick one silently:
 * a user mapping decides; failing that, a header spelled exactly as the canonical name wins (so a
 * file this app exported always re-imports the same way); failing that it is a duplicate_column
 * error the user resolves in the mapping step.
 */
import { type ImportError } from './errors';
import { CANONICAL_COLUMNS, COLUMN_SPEC_BY_COLUMN, REQUIRED_COLUMNS, type CanonicalColumn } from './schema';

/** Where a source column goes: a canonical column, a custom attribute, or nowhere (null = ignore). */
export type MappingTarget = CanonicalColumn | 'custom' | null;
/** A user's mapping, keyed by source header as written in the file (`--mapping FILE.json`). */
export type MappingOverride = Readonly<Record<string, MappingTarget>>;

export interface ColumnAssignment {
  /** 0-based position in the file. */
  index: number;
  /** Header as written (trimmed), or "Column N" when the header cell is blank. */
  header: string;
  target: MappingTarget;
  /** The custom attribute name when target is 'custom' (unique within the file). */
  customKey: string | null;
  by: 'auto' | 'user';
}

export interface HeaderMatch {
  columns: ColumnAssignment[];
  /** Source header -> target, as a user mapping file would write it (first column wins for repeated headers). */
  mapping: Record<string, MappingTarget>;
  missingRequired: CanonicalColumn[];
  /** File-level problems: missing_required_column, duplicate_column, bad_mapping. */
  errors: ImportError[];
  warnings: string[];
}

const PREFIX_WORDS = ['workload', 'current', 'monthly'] as const;

/** Case, spaces, `_`, `-` (and a stray BOM) do not matter. */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[\s_\-\uFEFF]+/g, '');

/** The key with leading prefix words removed, as long as something is left. */
function withoutPrefixes(key: string): string {
  let k = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIX_WORDS) {
      if (k.startsWith(p) && k.length > p.length) {
        k = k.slice(p.length);
        changed = true;
      }
    }
  }
  return k;
}

/**
 * Synonyms beyond DOMAIN.md's rule, for headers common in real inventories. Kept short on
 * purpose: a wrong automatic match is worse than asking the user to map a column.
 */
export const HEADER_ALIASES: Readonly<Record<string, CanonicalColumn>> = {
  'Provider': 'vendor',
  'Mission': 'mission_area',
  'Model ID': 'model',
  'Model Name': 'model',
  'Classification Level': 'classification',
  'Security Classification': 'classification',
  'HITL': 'human_in_loop',
  'Human in the Loop': 'human_in_loop',
  'Dependencies': 'depends_on',
  'Latency SLO': 'latency_slo_ms',
  'Latency SLO (ms)': 'latency_slo_ms',
  'Max Downtime': 'max_downtime_hours',
  'Max Downtime (hours)': 'max_downtime_hours',
  'Cached Share': 'cached_input_share',
};

const LOOKUP: ReadonlyMap<string, CanonicalColumn> = (() => {
  const m = new Map<string, CanonicalColumn>();
  for (const c of CANONICAL_COLUMNS) {
    m.set(headerKey(c), c);
    m.set(withoutPrefixes(headerKey(c)), c);
  }
  for (const [alias, c] of Object.entries(HEADER_ALIASES)) m.set(headerKey(alias), c);
  return m;
})();

/** The canonical column a header names by the automatic rules, or null. */
export function matchHeader(header: string): CanonicalColumn | null {
  const key = headerKey(header);
  if (key === '') return null;
  return LOOKUP.get(key) ?? LOOKUP.get(withoutPrefixes(key)) ?? null;
}

const isTarget = (v: unknown): v is MappingTarget =>
  v === null || v === 'custom' || (typeof v === 'string' && (CANONICAL_COLUMNS as readonly string[]).includes(v));

const q = (s: string): string => JSON.stringify(s);

/**
 * Assigns every source column. `headerLine` is the physical line of the header, for errors.
 * Headers are trimmed (and a BOM removed) before matching and before becoming custom keys.
 */
export function matchHeaders(rawHeaders: readonly string[], override: MappingOverride = {}, headerLine = 1): HeaderMatch {
  const errors: ImportError[] = [];
  const warnings: string[] = [];
  const fileError = (code: ImportError['code'], column: string | null, message: string): void => {
    errors.push({ line: headerLine, column, value: null, code, message: `Line ${headerLine}: ${message}` });
  };

  const headers = rawHeaders.map((h, i) => {
    const t = h.replace(/\uFEFF/g, '').trim();
    return t === '' ? `Column ${i + 1}` : t;
  });

  // Resolve the user's mapping to column indices: exact header first, else the same header ignoring case and spacing.
  const userTarget = new Map<number, MappingTarget>();
  for (const [source, target] of Object.entries(override)) {
    if (!isTarget(target)) {
      fileError(
        'bad_mapping',
        source,
        `the mapping sends ${q(source)} to ${q(String(target))}, which is not a canonical column, "custom" or null (ignore)`,
      );
      continue;
    }
    let hits = headers.flatMap((h, i) => (h === source ? [i] : []));
    if (hits.length === 0) hits = headers.flatMap((h, i) => (headerKey(h) === headerKey(source) ? [i] : []));
    if (hits.length === 0) {
      warnings.push(`The mapping mentions the column ${q(source)}, but the file has no such column.`);
      continue;
    }
    for (const i of hits) userTarget.set(i, target);
  }

  const columns: ColumnAssignment[] = headers.map((header, index) => {
    if (userTarget.has(index)) {
      return { index, header, target: userTarget.get(index) ?? null, customKey: null, by: 'user' as const };
    }
    // A blank header cell is kept as custom "Column N": its cells may still hold data.
    const blank = (rawHeaders[index] ?? '').trim() === '';
    return { index, header, target: blank ? 'custom' : (matchHeader(header) ?? 'custom'), customKey: null, by: 'auto' as const };
  });

  // Settle columns that claim the same canonical column.
  for (const column of CANONICAL_COLUMNS) {
    const claim = columns.filter((c) => c.target === column);
    if (claim.length < 2) continue;
    const byUser = claim.filter((c) => c.by === 'user');
    const exact = claim.filter((c) => (rawHeaders[c.index] ?? '').trim() === column);
    const winner = byUser.length === 1 ? byUser[0] : byUser.length === 0 && exact.length === 1 ? exact[0] : undefined;
    if (!winner) {
      const list = claim.map((c) => `${q(c.header)} (column ${c.index + 1})`).join(' and ');
      fileError(
        'duplicate_column',
        column,
        `${list} ${claim.length === 2 ? 'both' : 'all'} map to ${column}; map all but one of them to another column, "custom" or ignore`,
      );
      continue;
    }
    for (const c of claim) {
      if (c === winner) continue;
      c.target = 'custom';
      warnings.push(
        `Column ${q(c.header)} also looks like ${column}; ${q(winner.header)} is used for ${column} and ${q(c.header)} is kept as a custom attribute.`,
      );
    }
  }

  // Custom attribute names: the header, made unique with " (2)", " (3)" for repeated headers.
  const used = new Set<string>();
  for (const c of columns) {
    if (c.target !== 'custom') continue;
    let key = c.header;
    for (let n = 2; used.has(key); n++) key = `${c.header} (${n})`;
    used.add(key);
    c.customKey = key;
  }

  const mapped = new Set(columns.map((c) => c.target));
  const missingRequired = REQUIRED_COLUMNS.filter((c) => !mapped.has(c));
  const shown = headers.slice(0, 30).map(q).join(', ') + (headers.length > 30 ? `, … (${headers.length} columns)` : '');
  for (const c of missingRequired) {
    fileError(
      'missing_required_column',
      c,
      `the required column ${c} (${COLUMN_SPEC_BY_COLUMN[c].label}) is missing. The file's columns are ${shown}. Rename a header or map a column to ${c}.`,
    );
  }

  // fromEntries (not assignment) so a header such as "__proto__" is an ordinary key.
  const seenHeaders = new Set<string>();
  const firstByHeader = columns.filter((c) => !seenHeaders.has(c.header) && seenHeaders.add(c.header));
  const mapping: Record<string, MappingTarget> = Object.fromEntries(firstByHeader.map((c) => [c.header, c.target]));

  return { columns, mapping, missingRequired, errors, warnings };
}
