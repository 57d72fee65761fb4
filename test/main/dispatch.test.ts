import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setMeta } from '../../db/repositories/meta';
import { loadSqlite } from '../../db/driver';
import { openWorkspace } from '../../db/workspace';
import { dispatch } from '../../main/dispatch';
import type { Handlers } from '../../main/handlers';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

describe('dispatch', () => {
  it('answers a write that meets another writer (a large import) with a clear "busy" conflict, changing nothing', async () => {
    const path = join(tmp(), 'ws.bridgehead');
    const ws = openWorkspace(path);
    ws.db.pragma('busy_timeout = 50');
    // What the import writer thread does: its own connection, holding the write lock.
    const Database = loadSqlite();
    const importer = new Database(path);
    importer.exec('BEGIN IMMEDIATE');
    const handlers = { 'app.info': () => void setMeta(ws.db, 'name', 'renamed') } as unknown as Handlers;
    const envelope = await dispatch(handlers, 'app.info', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^The workspace is busy: .* try again when it finishes\.$/) } });
    importer.exec('ROLLBACK');
    importer.close();
    expect(ws.db.prepare("SELECT value FROM meta WHERE key = 'name'").get()).toBeUndefined();
    ws.close();
  });
});
