/**
 * What an import writes, as plain data: a statement's name and its parameters. Plain data so the
 * same list can be applied on the calling thread or sent to the writer thread (writer-thread.mjs),
 * which prepares the same statements on its own connection.
 */
import type { SqliteDatabase } from '../../db/driver';
import { SET_META_SQL } from '../../db/repositories/meta';
import { RECORD_IMPORT_SQL, WORKLOAD_WRITE_SQL, type ImportRecord, type WorkloadRow } from '../../db/repositories/workloads';

export const IMPORT_STATEMENTS = {
  insert: WORKLOAD_WRITE_SQL.insert,
  replace: WORKLOAD_WRITE_SQL.replace,
  remove: WORKLOAD_WRITE_SQL.remove,
  record: RECORD_IMPORT_SQL,
  meta: SET_META_SQL,
} as const;

export type WriteOp =
  | readonly ['insert' | 'replace', WorkloadRow]
  | readonly ['remove', [id: string]]
  | readonly ['record', ImportRecord]
  | readonly ['meta', [key: string, value: string]];

/** Applies ops in order; the caller owns the transaction. */
export function applyWriteOps(db: SqliteDatabase, ops: readonly WriteOp[]): void {
  const prepared = new Map(Object.entries(IMPORT_STATEMENTS).map(([name, sql]) => [name, db.prepare(sql)]));
  for (const [name, params] of ops) prepared.get(name)!.run(params);
}
