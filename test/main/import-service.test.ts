/**
 * The import service writes rows as they are checked, either buffered on this thread (small
 * files) or through the writer thread (large ones). Both must store exactly the same thing and
 * obey the same all-or-nothing rules; here every case runs through both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewInventory } from '../../core/inventory';
import { getMeta } from '../../db/repositories/meta';
import { allWorkloads } from '../../db/repositories/workloads';
import { openWorkspace, type Workspace } from '../../db/workspace';
import { createEventHub } from '../../main/events';
import { createImportService } from '../../main/inventory/import-service';
import { bigInventoryCsv } from '../helpers/big-inventory';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

const MESSY = [
  'Workload ID,Name,Mission Area,Current Vendor,Depends On,Program Element',
  'A-1,"Alpha, first",Intelligence Analysis,anthropic,,PE 1',
  'A-2,"=HYPERLINK(""x"")",Logistics,openai,A-1,',
  'A-3,Broken,Not a mission,anthropic,,',
  'A-1,Duplicate,Logistics,anthropic,,',
].join('\n');

const csv = (text: string) => ({ name: 'inventory.csv', bytes: Buffer.from(text) });

function setup(mode: 'buffered' | 'thread'): { ws: Workspace; service: ReturnType<typeof createImportService> } {
  const ws = openWorkspace(join(tmp(), 'ws.bridgehead'));
  const service = createImportService({
    workspace: () => ws,
    events: createEventHub(),
    now: () => '2026-11-28T00:00:00.000Z',
    writerThreadBytes: mode === 'thread' ? 0 : Number.POSITIVE_INFINITY,
  });
  return { ws, service };
}

describe.each(['buffered', 'thread'] as const)('import service (%s writes)', (mode) => {
  it('stores nothing from a file with errors unless skip-invalid, then only the valid rows', async () => {
    const { ws, service } = setup(mode);
    const refused = await service.importFile(csv(MESSY), undefined, { skipInvalid: false, replace: false });
    expect(refused).toMatchObject({ committed: false, imported: 0, rejected: 2, rowCount: 4, validCount: 2, errorCount: 2 });
    expect(allWorkloads(ws.db)).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });

    const kept = await service.importFile(csv(MESSY), undefined, { skipInvalid: true, replace: false });
    expect(kept).toMatchObject({ committed: true, imported: 2, rejected: 2 });
    const stored = allWorkloads(ws.db);
    expect(stored.map((w) => [w.id, w.name, w.dependsOn, w.custom])).toEqual([
      ['A-1', 'Alpha, first', [], { 'Program Element': 'PE 1' }],
      ['A-2', '=HYPERLINK("x")', ['A-1'], {}],
    ]);
    expect(getMeta(ws.db, 'demo')).toBe('0');
    ws.close();
  });

  it('stores exactly the workloads the preview read, and re-import merges by id', async () => {
    const { ws, service } = setup(mode);
    const text = bigInventoryCsv(300);
    const first = await service.importFile(csv(text), undefined, { skipInvalid: false, replace: false });
    expect(first).toMatchObject({ committed: true, imported: 300, updated: 0, unchanged: 0 });
    const expected = (await previewInventory(Buffer.from(text))).rows.map((r) => r.workload);
    expect(allWorkloads(ws.db)).toEqual(expected);

    // Change one row, drop the last, add one: a merge keeps the dropped row, a replace removes it.
    const edited = `${bigInventoryCsv(299).replace('"Workload 4, analysis', '"Workload four, analysis')}WL-NEW,New one,Logistics,openai,,,,,,,,,,\r\n`;
    const merged = await service.importFile(csv(edited), undefined, { skipInvalid: false, replace: false });
    expect(merged).toMatchObject({ committed: true, imported: 1, updated: 1, unchanged: 298, missingFromFile: 1, removed: 0 });
    expect(allWorkloads(ws.db)).toHaveLength(301);
    const replaced = await service.importFile(csv(edited), undefined, { skipInvalid: false, replace: true });
    expect(replaced).toMatchObject({ committed: true, imported: 0, updated: 0, unchanged: 300, missingFromFile: 1, removed: 1 });
    const after = allWorkloads(ws.db);
    expect(after).toHaveLength(300);
    // An updated workload keeps its place; new ones go last.
    expect(after[4]).toMatchObject({ id: 'WL-000004', name: 'Workload four, analysis "cell" 4' });
    expect(after.at(-1)!.id).toBe('WL-NEW');
    ws.close();
  });

  it('commits a held preview by reading its file again, with the counts the preview promised', async () => {
    const { ws, service } = setup(mode);
    const { api } = await service.preview(csv(MESSY), undefined);
    expect(api).toMatchObject({ validCount: 2, rejectedCount: 2, merge: { added: 2, updated: 0, unchanged: 0, missingFromFile: 0 } });
    expect(api.sampleRows.map((w) => w.id)).toEqual(['A-1', 'A-2']);
    expect(allWorkloads(ws.db)).toEqual([]);
    const refused = await service.commit(api.previewId, { skipInvalid: false, replace: false });
    expect(refused).toMatchObject({ committed: false, rejected: 2 });
    const result = await service.commit(api.previewId, { skipInvalid: true, replace: false });
    expect(result).toMatchObject({ committed: true, imported: 2 });
    expect(result.errors.map((e) => e.code)).toEqual(['unknown_enum', 'duplicate_id']);
    await expect(service.commit(api.previewId, { skipInvalid: true, replace: false })).rejects.toThrow(/expired/);
    ws.close();
  });
});

describe('writer thread', () => {
  it('leaves the workspace untouched and says why when the rows cannot be written', async () => {
    const { ws, service } = setup('thread');
    await service.importFile(csv(MESSY), undefined, { skipInvalid: true, replace: false });
    // A trigger stands in for a failing disk: the second insert of this import fails.
    ws.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON workloads WHEN NEW.id = 'WL-000001' BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    await expect(service.importFile(csv(bigInventoryCsv(50)), undefined, { skipInvalid: false, replace: false })).rejects.toThrow(
      /nothing was stored: disk says no/,
    );
    expect(allWorkloads(ws.db).map((w) => w.id)).toEqual(['A-1', 'A-2']);
    expect(ws.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 1 });
    ws.close();
  });

  it('refuses a workspace file that is gone, storing nothing', async () => {
    const dir = tmp();
    const ws = openWorkspace(join(dir, 'ws.bridgehead'));
    const service = createImportService({ workspace: () => ({ ...ws, path: join(dir, 'missing', 'ws.bridgehead') }), events: createEventHub(), writerThreadBytes: 0 });
    const file = join(dir, 'in.csv');
    writeFileSync(file, MESSY);
    await expect(service.importFile(csv(MESSY), undefined, { skipInvalid: true, replace: false })).rejects.toThrow(/could not be written/);
    expect(allWorkloads(ws.db)).toEqual([]);
    ws.close();
  });
});
