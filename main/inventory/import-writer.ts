/**
 * Where an import's writes go while the file is read. Two ways, one interface:
 *
 * - on this thread, buffered: the ops are kept and applied at the end in one transaction. For
 *   small files (the demo, most spreadsheets) this is immediate and needs no thread.
 * - on a writer thread (writer-thread.mjs) with its own connection: rows are sent in batches as
 *   they are checked and written in one open transaction while parsing goes on here, so a large
 *   import uses both cores, memory does not grow with the file, and this thread is free between
 *   segments. Crash safety is the same: nothing is committed until `end(true)`.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../core/api/errors';
import { sqliteModuleName, type SqliteDatabase } from '../../db/driver';
import { CONNECTION_PRAGMAS } from '../../db/workspace';
import { appRoot } from '../paths';
import { applyWriteOps, IMPORT_STATEMENTS, type WriteOp } from './write-ops';

/** The writer thread's protocol (writer-thread.mjs). */
type ToWriter = { type: 'ops'; json: string } | { type: 'end'; commit: boolean };
type FromWriter = { type: 'ready' } | { type: 'done'; committed: boolean } | { type: 'error'; message: string };

export interface ImportSink {
  push(op: WriteOp): void;
  /** Commits everything pushed (`commit`) or drops it; resolves to whether it was committed. */
  end(commit: boolean): Promise<boolean>;
}

export function bufferedSink(db: SqliteDatabase): ImportSink {
  const ops: WriteOp[] = [];
  return {
    push: (op) => void ops.push(op),
    end(commit) {
      if (commit) db.transaction(() => applyWriteOps(db, ops))();
      ops.length = 0;
      return Promise.resolve(commit);
    },
  };
}

/** Rows per message: large enough that messaging costs little, small enough to keep both threads busy. */
const BATCH = 2000;

/** `workspacePath` must be a workspace this process has opened (and so checked and migrated). */
export function threadSink(workspacePath: string): ImportSink {
  const worker = new Worker(join(appRoot(), 'main', 'inventory', 'writer-thread.mjs'), {
    workerData: { path: workspacePath, driver: sqliteModuleName(), pragmas: CONNECTION_PRAGMAS, statements: IMPORT_STATEMENTS },
  });
  let batch: WriteOp[] = [];
  let failure: string | null = null;
  let finished: ((committed: boolean) => void) | null = null;
  let settled: boolean | null = null;
  const send = (message: ToWriter): void => worker.postMessage(message);
  const settle = (committed: boolean): void => {
    if (settled !== null) return;
    settled = committed;
    finished?.(committed);
  };
  worker.on('message', (m: FromWriter) => {
    if (m.type === 'error') failure ??= m.message;
    else if (m.type === 'done') settle(m.committed);
  });
  worker.on('error', (error) => {
    failure ??= error.message;
    settle(false);
  });
  worker.on('exit', () => settle(false));

  return {
    push(op) {
      batch.push(op);
      if (batch.length >= BATCH) {
        send({ type: 'ops', json: JSON.stringify(batch) });
        batch = [];
      }
    },
    async end(commit) {
      if (batch.length > 0 && settled === null) send({ type: 'ops', json: JSON.stringify(batch) });
      batch = [];
      if (settled === null) send({ type: 'end', commit });
      const committed = settled ?? (await new Promise<boolean>((resolve) => (finished = resolve)));
      await worker.terminate();
      if (failure !== null) throw new ApiError('internal', `The import could not be written, so nothing was stored: ${failure}`);
      return committed;
    },
  };
}
