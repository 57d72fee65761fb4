/**
 * One side of the import benchmark, in its own process so its peak memory is its own.
 * Prints one JSON line: {"ms":…, "maxRssMB":…, "rows":…}.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadSqlite } from '../db/driver';
import { openWorkspace } from '../db/workspace';
import { createEventHub } from '../main/events';
import { createImportService } from '../main/inventory/import-service';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'baseline' && mode !== 'pipeline')) throw new Error('usage: _import-worker baseline|pipeline FILE');
const dir = mkdtempSync(join(tmpdir(), 'bridgehead-bench-'));

const started = performance.now();
let rows = 0;
if (mode === 'baseline') {
  // The floor: the parser alone, then a bare prepared insert of the same rows, cell for cell,
  // into a table of the file's own shape (keyed by its id column), in one transaction, with the
  // same durability settings as a workspace.
  const bytes = readFileSync(file);
  const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  const width = records[0]!.length;
  const Database = loadSqlite();
  const db = new Database(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  db.exec(`CREATE TABLE rows (${columns.map((c, i) => (i === 0 ? `${c} TEXT PRIMARY KEY` : `${c} TEXT`)).join(', ')})`);
  const insert = db.prepare(`INSERT INTO rows VALUES (${columns.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const record of records.slice(1)) insert.run(...record);
  })();
  rows = records.length - 1;
  db.close();
} else {
  const workspace = openWorkspace(join(dir, 'pipeline.bridgehead'));
  const service = createImportService({ workspace: () => workspace, events: createEventHub() });
  const bytes = readFileSync(file);
  // What `bridgehead import FILE` does: one pass, rows written as they are checked.
  const result = await service.importFile({ name: 'bench.csv', bytes }, undefined, { skipInvalid: false, replace: false });
  if (!result.committed) throw new Error(`pipeline import did not commit: ${result.errors[0]?.message}`);
  rows = result.imported;
  workspace.close();
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, rows })}\n`);
