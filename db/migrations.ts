/**
 * Numbered SQL migrations (db/migrations/NNNN_name.sql), recorded with a checksum in
 * `schema_migrations`. A workspace whose history is not a prefix of this app's list — written by
 * a newer app, or by a build whose migration text differs — is refused before anything is
 * written, so the user's file stays byte-identical.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqliteDatabase } from './driver';

export interface Migration {
  version: number;
  name: string;
  /** e.g. "0002_catalog", as shown to users. */
  id: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export function loadMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name "${file}" in ${dir} is not NNNN_name.sql`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2]!,
        id: `${match[1]}_${match[2]}`,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${m.id}`);
  });
  if (migrations.length === 0) throw new Error(`No migrations found in ${dir}`);
  return migrations;
}

export const MIGRATIONS_TABLE = 'schema_migrations';

export function readApplied(db: SqliteDatabase): AppliedMigration[] | null {
  const table = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!table) return null;
  return db
    .prepare(`SELECT version, name, checksum, applied_at AS appliedAt FROM ${MIGRATIONS_TABLE} ORDER BY version`)
    .all() as AppliedMigration[];
}

/** Returns why this app must not touch the workspace, or null when it may migrate it. */
export function incompatibility(applied: AppliedMigration[], known: Migration[]): string | null {
  const newest = known[known.length - 1]!;
  for (const row of applied) {
    const mine = known.find((m) => m.version === row.version);
    const label = `${String(row.version).padStart(4, '0')}_${row.name}`;
    if (!mine) {
      return (
        `it was written by a newer version of Bridgehead (it has migration ${label}; ` +
        `this app knows migrations up to ${newest.id}). Open it with that newer version.`
      );
    }
    if (mine.name !== row.name || mine.checksum !== row.checksum) {
      return `its migration ${label} differs from this app's ${mine.id} (another build wrote it); it will not be changed.`;
    }
  }
  return null;
}

export function applyPending(db: SqliteDatabase, known: Migration[], now: () => string): Migration[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
       version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
     ) STRICT`,
  );
  const applied = new Set((readApplied(db) ?? []).map((m) => m.version));
  const pending = known.filter((m) => !applied.has(m.version));
  const record = db.prepare(
    `INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)`,
  );
  for (const migration of pending) {
    // Each migration and its record commit together: a crash leaves the previous version intact.
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migration.checksum, now());
    })();
  }
  return pending;
}
