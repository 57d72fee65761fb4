/** The workspace's stored catalog (one JSON document) and its refresh log. */
import type { SqliteDatabase } from '../driver';

export function readStoredCatalog(db: SqliteDatabase): unknown | null {
  const row = db.prepare('SELECT data FROM catalog WHERE id = 1').get() as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as unknown) : null;
}

export function writeStoredCatalog(db: SqliteDatabase, catalog: unknown, now: string): void {
  db.prepare(
    'INSERT INTO catalog (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  ).run(JSON.stringify(catalog), now);
}

export interface RefreshRecord {
  fileName: string;
  sha256: string;
  format: string;
  summary: string;
  appliedAt: string;
}

export function recordRefresh(db: SqliteDatabase, r: RefreshRecord): void {
  db.prepare('INSERT INTO catalog_refreshes (file_name, sha256, format, summary, applied_at) VALUES (?, ?, ?, ?, ?)').run(
    r.fileName,
    r.sha256,
    r.format,
    r.summary,
    r.appliedAt,
  );
}

export function listRefreshes(db: SqliteDatabase): RefreshRecord[] {
  return db
    .prepare('SELECT file_name AS fileName, sha256, format, summary, applied_at AS appliedAt FROM catalog_refreshes ORDER BY id DESC')
    .all() as RefreshRecord[];
}
