/**
 * Import benchmark: a generated 100,000-row inventory into a new workspace, against a baseline
 * measured in the same run (csv-parse alone + a bare prepared insert in one transaction).
 * Targets: at most 1.5× the baseline's time and at most 500 MB peak memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigInventoryCsv } from '../test/helpers/big-inventory';

const ROWS = 100_000;
const RUNS = 3;

interface Sample {
  ms: number;
  maxRssMB: number;
  rows: number;
}

function measure(mode: 'baseline' | 'pipeline', file: string): Sample {
  const out = execFileSync(process.execPath, ['bin/run-ts.js', 'bench/_import-worker.ts', mode, file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'bridgehead-bench-import-'));
  try {
    const file = join(dir, 'inventory.csv');
    writeFileSync(file, bigInventoryCsv(ROWS));
    console.log(`file: ${ROWS.toLocaleString('en-US')} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs each, alternating`);
    const baseline: Sample[] = [];
    const pipeline: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(measure('baseline', file));
      pipeline.push(measure('pipeline', file));
    }
    const b = median(baseline.map((s) => s.ms));
    const p = median(pipeline.map((s) => s.ms));
    const peak = Math.max(...pipeline.map((s) => s.maxRssMB));
    const ratio = p / b;
    console.log(`baseline (csv-parse + bare insert): ${b.toFixed(0)} ms median, peak ${Math.max(...baseline.map((s) => s.maxRssMB)).toFixed(0)} MB`);
    console.log(`import pipeline (decode, parse, map, validate, merge, commit): ${p.toFixed(0)} ms median, peak ${peak.toFixed(0)} MB`);
    const ok = ratio <= 1.5 && peak <= 500;
    console.log(`ratio ${ratio.toFixed(2)}× (target ≤ 1.5×), peak ${peak.toFixed(0)} MB (target ≤ 500 MB): ${ok ? 'MET' : 'MISSED'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
