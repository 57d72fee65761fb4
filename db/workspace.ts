/**
 * Opening a workspace file: check first (read-only), then migrate. The handle is returned to the
 * caller and passed to repositories; nothing here is global.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { loadSqlite, type SqliteDatabase } from './driver';
import { DEFAULT_MIGRATIONS_DIR, applyPending, incompatibility, loadMigrations, readApplied } from './migrations';
import { getMeta, setMeta } from './repositories/meta';

export class WorkspaceRefusedError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`Cannot open workspace ${path}: ${reason}`);
    this.name = 'WorkspaceRefusedError';
    this.path = path;
  }
}

export interface Workspace {
  readonly db: SqliteDatabase;
  readonly path: string;
  readonly name: string;
  /** True when this open created the file. */
  readonly created: boolean;
  readonly schemaVersion: string;
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Clock for migration and creation stamps; tests fix it. */
  now?: () => string;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readMagic(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const Database = loadSqlite();
  const now = options.now ?? (() => new Date().toISOString());
  const migrations = loadMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  if (!existsSync(dirname(path))) throw new WorkspaceRefusedError(path, `its folder ${dirname(path)} does not exist.`);
  const exists = existsSync(path) && statSync(path).size > 0;

  if (exists) {
    if (statSync(path).isDirectory()) throw new WorkspaceRefusedError(path, 'it is a folder, not a workspace file.');
    if (readMagic(path) !== SQLITE_MAGIC) {
      throw new WorkspaceRefusedError(path, 'it is not a Bridgehead workspace (not a SQLite database file).');
    }
    // Inspect read-only so a refused file is never modified.
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const applied = readApplied(probe);
      if (applied === null) {
        const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
        if (tables.n > 0) {
          throw new WorkspaceRefusedError(path, 'it is a SQLite database but not a Bridgehead workspace (no schema_migrations table).');
        }
      } else {
        const reason = incompatibility(applied, migrations);
        if (reason) throw new WorkspaceRefusedError(path, reason);
      }
    } finally {
      probe.close();
    }
  }

  const db = new Database(path);
  try {
    // Larger pages and cache: a 100,000-row import then writes fewer, fuller pages and does not
    // spill dirty pages mid-transaction. page_size only takes effect on a new file.
    if (!exists) db.pragma('page_size = 8192');
    db.pragma('cache_size = -65536');
    db.pragma('journal_mode = WAL');
    // FULL keeps committed imports on power loss; the cost is small next to parsing.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyPending(db, migrations, now);
    if (getMeta(db, 'created_at') === null) setMeta(db, 'created_at', now());
  } catch (error) {
    db.close();
    throw error;
  }
  const newest = migrations[migrations.length - 1]!;
  return {
    db,
    path,
    name: basename(path, extname(path)),
    created: !exists,
    schemaVersion: newest.id,
    close: () => db.close(),
  };
}
