/** Key/value facts about the workspace itself. */
import type { SqliteDatabase } from '../driver';

export function getMeta(db: SqliteDatabase, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

/** Binds (key, value). */
export const SET_META_SQL = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

export function setMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(SET_META_SQL).run(key, value);
}
