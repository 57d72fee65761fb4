/**
 * Workloads in the workspace. Rows are written only inside a caller's transaction or one of ours,
 * so an import lands whole or not at all.
 */
import type { Facet, FacetName, SortKey, WorkloadFilter } from '../../core/api/inventory';
import { CLASSIFICATIONS, CRITICALITIES } from '../../core/common/enums';
import { CANONICAL_COLUMNS, COLUMN_SPECS, type ColumnKind, type Workload } from '../../core/inventory/schema';
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
 * A workload is stored one column per field, named as DOMAIN.md's canonical columns; lists and
 * custom attributes as JSON text, and NULL for an empty list, no custom attributes or unknown.
 * Then the two enum ranks the table sorts by. (monthly_tokens is a generated column.)
 */
const STORED_COLUMNS = [...CANONICAL_COLUMNS, 'custom', 'classification_rank', 'criticality_rank'] as const;
const LIST_KINDS = new Set<ColumnKind>(['capabilities', 'use_tags', 'ids']);

const encodeList = (list: readonly string[]): string | null => (list.length === 0 ? null : JSON.stringify(list));

/**
 * A workload's column values in STORED_COLUMNS order, then its seq: what the writer binds
 * (positionally, the fastest), and plain data that can be handed to a writer thread.
 */
export type WorkloadRow = unknown[];

export function workloadRow(w: Workload, seq: number): WorkloadRow {
  // Written out field by field (this runs for every imported row); checked against
  // STORED_COLUMNS and COLUMN_SPECS below, at load.
  return [
    w.id,
    w.name,
    w.missionArea,
    w.vendor,
    w.model,
    w.route,
    w.platform,
    w.classification,
    w.criticality,
    w.monthlyRequests,
    w.monthlyInputTokens,
    w.monthlyOutputTokens,
    w.cachedInputShare,
    encodeList(w.capabilities),
    w.minContextTokens,
    w.promptTemplates,
    w.toolSchemas,
    w.evalCases,
    w.humanInLoop === null ? null : w.humanInLoop ? 1 : 0,
    encodeList(w.useTags),
    encodeList(w.dependsOn),
    w.owner,
    w.notes,
    w.maxDowntimeHours,
    w.latencySloMs,
    hasKeys(w.custom) ? JSON.stringify(w.custom) : null,
    rankOf(CLASSIFICATIONS, w.classification),
    rankOf(CRITICALITIES, w.criticality),
    seq,
  ];
}

// workloadRow lists fields by position: fail at load, not with shuffled columns, if the order drifts.
{
  const probe = Object.fromEntries(COLUMN_SPECS.map((spec, i) => [spec.field, spec.kind === 'boolean' ? i % 2 === 1 : LIST_KINDS.has(spec.kind) ? [String(i)] : i]));
  const row = workloadRow({ ...probe, custom: { k: 'v' } } as unknown as Workload, -1);
  COLUMN_SPECS.forEach((spec, i) => {
    const expected = spec.kind === 'boolean' ? i % 2 : LIST_KINDS.has(spec.kind) ? JSON.stringify([String(i)]) : i;
    if (row[i] !== expected || STORED_COLUMNS[i] !== spec.column) throw new Error(`workloads.ts: workloadRow is out of step with ${spec.column}`);
  });
  if (row.length !== STORED_COLUMNS.length + 1 || row[COLUMN_SPECS.length] !== '{"k":"v"}') throw new Error('workloads.ts: workloadRow is out of step with STORED_COLUMNS');
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** A row read with SELECT_COLUMNS (raw, in order) back to the Workload it was written from. */
function fromRow(row: readonly unknown[]): Workload {
  const w: Record<string, unknown> = {};
  for (let i = 0; i < COLUMN_SPECS.length; i++) {
    const spec = COLUMN_SPECS[i]!;
    const v = row[i];
    w[spec.field] = LIST_KINDS.has(spec.kind) ? (v === null ? [] : JSON.parse(v as string)) : spec.kind === 'boolean' && v !== null ? v === 1 : v;
  }
  const custom = row[COLUMN_SPECS.length];
  w.custom = custom === null ? {} : JSON.parse(custom as string);
  return w as Workload;
}

const SELECT_COLUMNS = [...CANONICAL_COLUMNS, 'custom'].join(', ');

/** The free-text filter's haystack, built when read so imports do not pay for it. */
const SEARCH_TEXT = `lower(id || char(1) || name || char(1) || coalesce(owner, '') || char(1) || coalesce(model, '') || char(1) ||
  coalesce(platform, '') || char(1) || coalesce(notes, ''))`;

function rankOf(list: readonly string[], value: string | null): number | null {
  return value === null ? null : list.indexOf(value);
}

export function countWorkloads(db: SqliteDatabase): number {
  return (db.prepare('SELECT count(*) AS n FROM workloads').get() as { n: number }).n;
}

export function allWorkloads(db: SqliteDatabase): Workload[] {
  return (db.prepare(`SELECT ${SELECT_COLUMNS} FROM workloads ORDER BY seq`).raw().all() as unknown[][]).map(fromRow);
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
      `SELECT ${SELECT_COLUMNS} FROM workloads ${where} ORDER BY (${order.split(' ')[0]} IS NULL), ${order} ${direction}, seq LIMIT ? OFFSET ?`,
    )
    .raw()
    .all(...params, query.limit ?? 200, query.offset ?? 0) as unknown[][];
  return { total, rows: rows.map(fromRow) };
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

const INSERT_COLUMNS = [...STORED_COLUMNS, 'seq'].join(', ');
const PLACEHOLDERS = [...STORED_COLUMNS, 'seq'].map(() => '?').join(', ');

/**
 * The statements that write workloads; run inside a transaction. insert and replace bind a
 * workloadRow (replace writes over the row with the same seq: an updated workload keeps its
 * place); remove binds an id.
 */
export const WORKLOAD_WRITE_SQL = {
  insert: `INSERT INTO workloads (${INSERT_COLUMNS}) VALUES (${PLACEHOLDERS})`,
  replace: `INSERT OR REPLACE INTO workloads (${INSERT_COLUMNS}) VALUES (${PLACEHOLDERS})`,
  remove: 'DELETE FROM workloads WHERE id = ?',
} as const;

/** Each stored workload's seq by id (an update keeps the seq, so the row keeps its place). */
export function seqById(db: SqliteDatabase): Map<string, number> {
  return new Map((db.prepare('SELECT id, seq FROM workloads').raw().all() as [string, number][]));
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

/** Binds an ImportRecord by name. */
export const RECORD_IMPORT_SQL = `INSERT INTO imports (file_name, sha256, encoding, mode, added, updated, unchanged, rejected, imported_at)
  VALUES (@fileName, @sha256, @encoding, @mode, @added, @updated, @unchanged, @rejected, @importedAt)`;
