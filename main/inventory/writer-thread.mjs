// The import writer thread. Plain JavaScript that loads only the SQLite driver, so it is ready in
// a few milliseconds: everything it needs (which driver, the connection settings, the SQL) comes
// from import-writer.ts in workerData.
//
// It opens its own connection to the workspace, takes the write lock at once (BEGIN IMMEDIATE),
// runs each batch of [statement, params] as it arrives and, when told, commits or rolls back.
// Everything lands in that one transaction, so a crash at any point leaves the workspace as it was.
// Messages out: 'ready'; 'error' (the first failure; later batches are ignored); 'done' (always last).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
const { path, driver, pragmas, statements } = workerData;

let failure = null;
const fail = (error) => {
  if (failure !== null) return;
  failure = error instanceof Error ? error.message : String(error);
  port.postMessage({ type: 'error', message: failure });
};

let db = null;
let prepared = null;
try {
  const Database = createRequire(import.meta.url)(driver);
  db = new Database(path, { fileMustExist: true });
  for (const pragma of pragmas) db.pragma(pragma);
  db.exec('BEGIN IMMEDIATE');
  prepared = new Map(Object.entries(statements).map(([name, sql]) => [name, db.prepare(sql)]));
  port.postMessage({ type: 'ready' });
} catch (error) {
  fail(error);
}

port.on('message', (message) => {
  if (message.type === 'ops') {
    if (failure !== null) return;
    try {
      for (const [name, params] of JSON.parse(message.json)) prepared.get(name).run(params);
    } catch (error) {
      fail(error);
    }
    return;
  }
  // 'end'
  let committed = false;
  if (db !== null) {
    try {
      committed = message.commit && failure === null;
      db.exec(committed ? 'COMMIT' : 'ROLLBACK');
    } catch (error) {
      committed = false;
      fail(error);
      if (db.inTransaction) db.exec('ROLLBACK');
    }
    db.close();
  }
  port.postMessage({ type: 'done', committed });
  port.close();
});
