/**
 * Workloads in the workspace. Rows are written only inside a caller's transaction or one of ours,
 * so an import lands whole or not at all.
 */
import type { Facet, FacetName, SortKey, WorkloadFilter } from '../../core/api/inventory';
import { CLASSIFICATIONS, CRITICALITIES } from '../../core/common/enums';
import { emptyWorkload, type Workload } from '../../core/inventory/schema';
import type { SqliteDatabase } from '../driver';

/** The SQL behind each of the contract's sort keys. */
const SORTABLE: Record<SortKey, string> = {
  seq: 'seq',
  id: 'id',
  name: 'name COLLATE NOCASE',
  missionArea: 'mission_area',
  vendor: 'vendor',
  model: 'model COLLATE NOCASE',
  classification: 'classification_rank',
  criticality: 'criticality_rank',
  monthlyTokens: 'monthly_tokens',
  owner: 'owner COLLATE NOCASE',
};

export interface WorkloadQuery {
  filter?: WorkloadFilter;
  sort?: SortKey;
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/**
 * Rows store only the known values: a 100,000-row import writes half the bytes, and reading puts
 * the unknowns (null) and empty lists back.
 */
export function encodeWorkload(w: Workload): string {
  // Written by hand rather than through an intermediate object: this runs once per imported row.
  let out = '';
  for (const key in w) {
    const value = (w as unknown as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) continue;
    }
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `{${out}}`;
}

export function decodeWorkload(data: string): Workload {
  const stored = JSON.parse(data) as Pick<Workload, 'id' | 'name' | 'missionArea' | 'vendor'> & Partial<Workload>;
  return Object.assign(emptyWorkload(stored), stored);
}

/** The free-text filter's haystack, built when read so imports do not pay for it. */
const SEARCH_TEXT = `lower(id || char(1) || name || char(1) || coalesce(owner, '') || char(1) || coalesce(model, '') || char(1) ||
  coalesce(json_extract(data, '$.platform'), '') || char(1) || coalesce(json_extract(data, '$.notes'), ''))`;

function rankOf(list: readonly string[], value: string | null): number | null {
  return value === null ? null : list.indexOf(value);
}

export function countWorkloads(db: SqliteDatabase): number {
  return (db.prepare('SELECT count(*) AS n FROM workloads').get() as { n: number }).n;
}

export function allWorkloads(db: SqliteDatabase): Workload[] {
  return (db.prepare('SELECT data FROM workloads ORDER BY seq').all() as { data: string }[]).map(
    (row) => decodeWorkload(row.data),
  );
}

function whereClause(filter: WorkloadFilter | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: string[] | undefined) => {
    if (!values || values.length === 0) return;
    // '' in a filter list stands for "unknown" (NULL), which a user can filter on too.
    const known = values.filter((v) => v !== '');
    const clauses: string[] = [];
    if (known.length) {
      clauses.push(`${column} IN (${known.map(() => '?').join(',')})`);
      params.push(...known);
    }
    if (known.length !== values.length) clauses.push(`${column} IS NULL`);
    parts.push(`(${clauses.join(' OR ')})`);
  };
  inList('mission_area', filter?.missionAreas);
  inList('vendor', filter?.vendors);
  inList('classification', filter?.classifications);
  inList('criticality', filter?.criticalities);
  const text = filter?.text?.trim().toLowerCase();
  if (text) {
    parts.push(`instr(${SEARCH_TEXT}, ?) > 0`);
    params.push(text);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function queryWorkloads(db: SqliteDatabase, query: WorkloadQuery): { total: number; rows: Workload[] } {
  const { sql: where, params } = whereClause(query.filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM workloads ${where}`).get(...params) as { n: number }).n;
  const order = SORTABLE[query.sort ?? 'seq'];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  // Unknowns sort last whichever way, then file order keeps ties stable.
  const rows = db
    .prepare(
      `SELECT data FROM workloads ${where} ORDER BY (${order.split(' ')[0]} IS NULL), ${order} ${direction}, seq LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit ?? 200, query.offset ?? 0) as { data: string }[];
  return { total, rows: rows.map((r) => decodeWorkload(r.data)) };
}

export function workloadFacets(db: SqliteDatabase): Record<FacetName, Facet[]> {
  const facet = (column: string) =>
    db.prepare(`SELECT ${column} AS value, count(*) AS count FROM workloads GROUP BY ${column} ORDER BY count DESC, value`).all() as Facet[];
  return {
    missionArea: facet('mission_area'),
    vendor: facet('vendor'),
    classification: facet('classification'),
    criticality: facet('criticality'),
  };
}

export interface WriteCounts {
  added: number;
  updated: number;
}

const COLUMNS = 'id, seq, name, mission_area, vendor, model, classification, classification_rank, criticality, criticality_rank, monthly_tokens, owner, data';
const PLACEHOLDERS = COLUMNS.split(',').map(() => '?').join(', ');

/** The column values of one workload, in COLUMNS order (positional binding is the fastest). */
function rowValues(w: Workload, seq: number): unknown[] {
  const tokens =
    w.monthlyInputTokens === null && w.monthlyOutputTokens === null ? null : (w.monthlyInputTokens ?? 0) + (w.monthlyOutputTokens ?? 0);
  return [
    w.id,
    seq,
    w.name,
    w.missionArea,
    w.vendor,
    w.model,
    w.classification,
    rankOf(CLASSIFICATIONS, w.classification),
    w.criticality,
    rankOf(CRITICALITIES, w.criticality),
    tokens,
    w.owner,
    encodeWorkload(w),
  ];
}

/** Prepared writer for many rows; call inside a transaction. */
export function workloadWriter(db: SqliteDatabase): {
  insert(w: Workload, seq: number): void;
  upsert(w: Workload, seq: number): void;
  remove(id: string): void;
} {
  const insert = db.prepare(`INSERT INTO workloads (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const replace = db.prepare(`INSERT OR REPLACE INTO workloads (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const remove = db.prepare('DELETE FROM workloads WHERE id = ?');
  return {
    insert: (w, seq) => void insert.run(...rowValues(w, seq)),
    upsert: (w, seq) => void replace.run(...rowValues(w, seq)),
    remove: (id) => void remove.run(id),
  };
}

export function maxSeq(db: SqliteDatabase): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS m FROM workloads').get() as { m: number }).m;
}

export interface ImportRecord {
  fileName: string;
  sha256: string;
  encoding: string;
  mode: 'merge' | 'replace';
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  importedAt: string;
}

export function recordImport(db: SqliteDatabase, r: ImportRecord): void {
  db.prepare(
    `INSERT INTO imports (file_name, sha256, encoding, mode, added, updated, unchanged, rejected, imported_at)
     VALUES (@fileName, @sha256, @encoding, @mode, @added, @updated, @unchanged, @rejected, @importedAt)`,
  ).run(r);
}
