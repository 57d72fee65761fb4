/**
 * Picks the better-sqlite3 build for the running runtime. The plain `better-sqlite3` copy is
 * rebuilt for Electron's ABI by the postinstall script (when the Electron binary exists); the
 * npm-alias copy `better-sqlite3-node` keeps Node's ABI for the CLI, `serve` and the tests.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;
export type SqliteConstructor = typeof BetterSqlite3;

const require = createRequire(import.meta.url);
let cached: SqliteConstructor | undefined;

/** The package this runtime loads (a worker thread that opens its own connection loads the same). */
export const sqliteModuleName = (): string => (process.versions.electron ? 'better-sqlite3' : 'better-sqlite3-node');

export function loadSqlite(): SqliteConstructor {
  if (cached) return cached;
  const moduleName = sqliteModuleName();
  try {
    cached = require(moduleName) as SqliteConstructor;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not load the SQLite driver (${moduleName}) for ${process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.version}`}: ${reason}. ` +
        'Run `npm rebuild` (or `npm install`) so the native module matches this runtime.',
    );
  }
  return cached;
}
