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

/**
 * Settings of every connection to a workspace, including a second one a writer thread opens.
 * FULL keeps committed imports on power loss; the cost is small next to parsing. The 64 MiB
 * cache keeps a large import from spilling dirty pages mid-transaction.
 */
export const CONNECTION_PRAGMAS = [
  'cache_size = -65536',
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
] as const;

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
    // Larger pages: a 100,000-row import then writes fewer, fuller pages. Only a new file takes it.
    if (!exists) db.pragma('page_size = 8192');
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
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
