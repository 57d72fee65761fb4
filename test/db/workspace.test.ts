import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlite } from '../../db/driver';
import { loadMigrations } from '../../db/migrations';
import { openWorkspace, WorkspaceRefusedError } from '../../db/workspace';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

describe('openWorkspace', () => {
  it('creates a workspace with WAL, foreign keys and every migration recorded', () => {
    const path = join(tmp(), 'new.bridgehead');
    const ws = openWorkspace(path);
    expect(ws.created).toBe(true);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = ws.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    ws.close();
    const again = openWorkspace(path);
    expect(again.created).toBe(false);
    again.close();
  });

  it('refuses a workspace with an unknown future migration and leaves it byte-identical', () => {
    const path = join(tmp(), 'future.bridgehead');
    const ws = openWorkspace(path);
    ws.db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'from_the_future', 'x', 'now')").run();
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.pragma('journal_mode = DELETE'); // a settled single file, as a user would copy it
    ws.close();
    const before = readFileSync(path);
    const filesBefore = readdirSync(join(path, '..')).sort();

    expect(() => openWorkspace(path)).toThrowError(WorkspaceRefusedError);
    expect(() => openWorkspace(path)).toThrowError(/newer version of Bridgehead \(it has migration 0999_from_the_future/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(path, '..')).sort()).toEqual(filesBefore);
  });

  it('refuses a workspace whose migration text differs from this build', () => {
    const dir = tmp();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const m of loadMigrations()) writeFileSync(join(migrations, `${m.id}.sql`), m.sql);
    const path = join(dir, 'ws.bridgehead');
    openWorkspace(path, { migrationsDir: migrations }).close();
    writeFileSync(join(migrations, '0001_workspace.sql'), `${loadMigrations()[0]!.sql}\n-- edited`);
    expect(() => openWorkspace(path, { migrationsDir: migrations })).toThrowError(/differs from this app's 0001_workspace/);
  });

  it('refuses files that are not Bridgehead workspaces, naming the file', () => {
    const dir = tmp();
    const text = join(dir, 'inventory.csv');
    writeFileSync(text, 'id,name\n1,a\n');
    expect(() => openWorkspace(text)).toThrowError(`Cannot open workspace ${text}: it is not a Bridgehead workspace`);
    expect(readFileSync(text, 'utf8')).toBe('id,name\n1,a\n');

    const foreign = join(dir, 'other.sqlite');
    const Database = loadSqlite();
    const db = new Database(foreign);
    db.exec('CREATE TABLE things (x)');
    db.close();
    const before = readFileSync(foreign);
    expect(() => openWorkspace(foreign)).toThrowError(/not a Bridgehead workspace \(no schema_migrations table\)/);
    expect(readFileSync(foreign).equals(before)).toBe(true);
  });

  it('names a missing folder instead of failing obscurely', () => {
    const path = join(tmp(), 'no', 'such', 'dir', 'ws.bridgehead');
    expect(() => openWorkspace(path)).toThrowError(/its folder .* does not exist/);
  });

  it('migrates an older workspace forward when this app has newer migrations', () => {
    const dir = tmp();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    const all = loadMigrations();
    copyFileSync(join('db', 'migrations', `${all[0]!.id}.sql`), join(migrations, `${all[0]!.id}.sql`));
    const path = join(dir, 'old.bridgehead');
    openWorkspace(path, { migrationsDir: migrations }).close();
    writeFileSync(join(migrations, '0002_added_later.sql'), 'CREATE TABLE added_later (x INTEGER) STRICT;');
    const ws = openWorkspace(path, { migrationsDir: migrations });
    expect(ws.schemaVersion).toBe('0002_added_later');
    expect(ws.db.prepare("SELECT name FROM sqlite_master WHERE name = 'added_later'").get()).toBeTruthy();
    ws.close();
  });
});
