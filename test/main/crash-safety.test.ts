/**
 * An import killed at any moment leaves the workspace intact and holding all of that import or
 * none of it: the commit is one SQLite transaction (WAL, synchronous=FULL).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlite } from '../../db/driver';
import { bigInventoryCsv } from '../helpers/big-inventory';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();
const BIN = join(process.cwd(), 'bin', 'bridgehead.js');
const ROWS = 100_000;
const SEEDED = 5;

function runImport(file: string, ws: string, killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'import', file, '--workspace', ws], { stdio: 'ignore' });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

function inspect(ws: string): { integrity: string; rows: number } {
  const Database = loadSqlite();
  const db = new Database(ws);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = (db.prepare('SELECT count(*) AS n FROM workloads').get() as { n: number }).n;
    return { integrity, rows };
  } finally {
    db.close();
  }
}

describe('crash safety of import', () => {
  it('survives SIGKILL at random points of a 100,000-row import', { timeout: 240_000 }, async () => {
    const dir = tmp();
    const big = join(dir, 'big.csv');
    writeFileSync(big, bigInventoryCsv(ROWS));
    const seed = join(dir, 'seed.csv');
    writeFileSync(seed, bigInventoryCsv(SEEDED, 'SEED'));

    // An uninterrupted run gives the time span to aim the kills at.
    const reference = join(dir, 'reference.bridgehead');
    await runImport(seed, reference, null);
    const full = await runImport(big, reference, null);
    expect(full.code).toBe(0);
    expect(inspect(reference)).toEqual({ integrity: 'ok', rows: SEEDED + ROWS });

    // Random points over the later two thirds of the run (parsing, then the commit); each is
    // printed, so a failure names the point that broke it.
    const fractions = Array.from({ length: 5 }, (_, i) => Number((0.3 + (i + Math.random()) * 0.14).toFixed(3)));
    const outcomes: string[] = [];
    for (const [i, fraction] of fractions.entries()) {
      const ws = join(dir, `killed-${i}.bridgehead`);
      await runImport(seed, ws, null);
      const killed = await runImport(big, ws, Math.round(full.ms * fraction));
      const state = inspect(ws);
      expect(state.integrity, `kill at ${fraction}`).toBe('ok');
      expect([SEEDED, SEEDED + ROWS], `kill at ${fraction}: ${state.rows} rows`).toContain(state.rows);
      outcomes.push(`${fraction}: ${killed.signal ?? `exit ${killed.code}`} → ${state.rows === SEEDED ? 'none' : 'all'}`);
    }
    console.log(`[crash safety] reference run ${full.ms} ms; ${outcomes.join('; ')}`);
    expect(outcomes.some((o) => o.includes('SIGKILL'))).toBe(true);
  });
});
