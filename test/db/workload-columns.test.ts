/**
 * Migration 0004 moves workloads from "copied columns + a JSON blob" to one column per field. A
 * workspace written before it must read back exactly the same workloads afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, CRITICALITIES } from '../../core/common/enums';
import { emptyWorkload, type Workload } from '../../core/inventory/schema';
import { loadMigrations } from '../../db/migrations';
import { allWorkloads, queryWorkloads, workloadRow, WORKLOAD_WRITE_SQL } from '../../db/repositories/workloads';
import { openWorkspace } from '../../db/workspace';
import { arbitraryWorkloads } from '../helpers/arbitrary-workloads';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

/** How 0001–0003 stored a workload: a few columns copied out, the rest as compact JSON (nulls and empties left out). */
function legacyRow(w: Workload, seq: number): unknown[] {
  const compact = Object.fromEntries(
    Object.entries(w).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)),
  );
  const classRank = w.classification === null ? null : CLASSIFICATIONS.indexOf(w.classification);
  const critRank = w.criticality === null ? null : CRITICALITIES.indexOf(w.criticality);
  const tokens = w.monthlyInputTokens === null && w.monthlyOutputTokens === null ? null : (w.monthlyInputTokens ?? 0) + (w.monthlyOutputTokens ?? 0);
  return [w.id, seq, w.name, w.missionArea, w.vendor, w.model, w.classification, classRank, w.criticality, critRank, tokens, w.owner, JSON.stringify(compact)];
}

function workspaceBefore0004(dir: string): string {
  const migrations = join(dir, 'migrations');
  mkdirSync(migrations);
  for (const m of loadMigrations().filter((m) => m.version < 4)) writeFileSync(join(migrations, `${m.id}.sql`), m.sql);
  const path = join(dir, 'old.bridgehead');
  openWorkspace(path, { migrationsDir: migrations }).close();
  return path;
}

describe('migration 0004_workload_columns', () => {
  it('reads back every workload of an older workspace unchanged', () => {
    fc.assert(
      fc.property(arbitraryWorkloads(), (workloads) => {
        const path = workspaceBefore0004(tmp());
        const old = openWorkspace(path, { migrationsDir: join(path, '..', 'migrations') });
        const insert = old.db.prepare(
          'INSERT INTO workloads (id, seq, name, mission_area, vendor, model, classification, classification_rank, criticality, criticality_rank, monthly_tokens, owner, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
        );
        old.db.transaction(() => workloads.forEach((w, i) => insert.run(legacyRow(w, i + 1))))();
        old.close();

        const ws = openWorkspace(path);
        expect(allWorkloads(ws.db)).toEqual(workloads);
        ws.close();
      }),
      { numRuns: 15 },
    );
  });

  it('stores each value once, in its own column, and sorts by the computed monthly tokens', () => {
    const ws = openWorkspace(join(tmp(), 'new.bridgehead'));
    const a = { ...emptyWorkload({ id: 'A', name: 'a', missionArea: 'logistics', vendor: 'anthropic' }), monthlyInputTokens: 5, capabilities: ['vision'], notes: 'Runs on the JWICS enclave' } as Workload;
    const b = { ...emptyWorkload({ id: 'B', name: 'b', missionArea: 'logistics', vendor: 'openai' }), monthlyInputTokens: 1, monthlyOutputTokens: 1, humanInLoop: false } as Workload;
    const insert = ws.db.prepare(WORKLOAD_WRITE_SQL.insert);
    insert.run(workloadRow(a, 1));
    insert.run(workloadRow(b, 2));
    expect(ws.db.prepare('SELECT id, capabilities, human_in_loop, monthly_tokens, custom FROM workloads ORDER BY seq').all()).toEqual([
      { id: 'A', capabilities: '["vision"]', human_in_loop: null, monthly_tokens: 5, custom: null },
      { id: 'B', capabilities: null, human_in_loop: 0, monthly_tokens: 2, custom: null },
    ]);
    expect(queryWorkloads(ws.db, { sort: 'monthlyTokens' }).rows.map((w) => w.id)).toEqual(['B', 'A']);
    // Free text searches the notes column too.
    expect(queryWorkloads(ws.db, { filter: { text: 'jwics' } }).rows.map((w) => w.id)).toEqual(['A']);
    ws.close();
  });
});

describe('workload storage', () => {
  it('gives back exactly the workload written, for any workload', () => {
    const ws = openWorkspace(join(tmp(), 'roundtrip.bridgehead'));
    const insert = ws.db.prepare(WORKLOAD_WRITE_SQL.insert);
    fc.assert(
      fc.property(arbitraryWorkloads(), (workloads) => {
        ws.db.exec('DELETE FROM workloads');
        ws.db.transaction(() => workloads.forEach((w, i) => insert.run(workloadRow(w, i + 1))))();
        expect(allWorkloads(ws.db)).toEqual(workloads);
      }),
      { numRuns: 200 },
    );
    ws.close();
  });
});
