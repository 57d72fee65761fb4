import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { unwrap, type PushEvent } from '../../core/api';
import { SHEETS } from '../../core/export';
import type { Plan } from '../../core/planning';
import { dispatch } from '../../main/dispatch';
import { findChromium } from '../../main/export/pdf';
import { startSession, type Session } from '../../main/session';
import { cli } from '../helpers/cli';

const DEMO = join(process.cwd(), 'examples', 'demo-inventory.csv');
const FIXED = ['--start', '2027-01-04', '--deadline', '2027-07-01', '--iterations', '300', '--seed', '42'];

const which = (cmd: string): string | null => {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

/** One workspace with the demo inventory and one plan, shared by every test in this file (made once). */
let dir: string;
let ws: string;
let planJson: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bridgehead-export-cli-'));
  ws = join(dir, 'ws.bridgehead');
  const imported = await cli(['import', DEMO, '--workspace', ws]);
  expect(imported.code, imported.stderr).toBe(0);
  const planned = await cli(['plan', '--workspace', ws, '--json', ...FIXED]);
  expect(planned.code, planned.stderr).toBe(0);
  planJson = planned.stdout;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bridgehead export', () => {
  it('writes every format from a saved plan', async () => {
    const plan = JSON.parse(planJson) as Plan;
    const out = (ext: string) => join(dir, `plan-out.${ext}`);
    for (const [format, ext] of [
      ['json', 'json'],
      ['csv', 'csv'],
      ['xlsx', 'xlsx'],
      ['md', 'md'],
      ['html', 'html'],
      ['gateway', 'litellm.yaml'],
      ['evals', 'promptfoo.yaml'],
    ] as const) {
      const res = await cli(['export', '1', '--format', format, '--out', out(ext), '--workspace', ws]);
      expect(res.code, `${format}: ${res.stderr}`).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^Wrote .*plan-out\\.${ext.replace('.', '\\.')} \\([\\d,]+ bytes, ${format}\\)`));
    }
    // JSON: exactly what `plan --json` printed.
    expect(readFileSync(out('json'), 'utf8')).toBe(planJson);
    const csv = readFileSync(out('csv'), 'utf8');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(csv)).toHaveLength(plan.workloads.length + 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out('xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([...SHEETS]);
    expect(book.getWorksheet('Workloads')!.rowCount).toBe(plan.workloads.length + 1);
    expect(readFileSync(out('md'), 'utf8')).toMatch(/^# Migration briefing: /);
    expect(readFileSync(out('html'), 'utf8')).toContain('<title>Migration briefing: ');
    const gateway = parseYaml(readFileSync(out('litellm.yaml'), 'utf8')) as { model_list: { model_name: string }[] };
    const planned = plan.workloads.filter((w) => w.status === 'planned');
    for (const w of planned) expect(gateway.model_list.map((m) => m.model_name)).toContain(`bh-${w.id.toLowerCase()}`);
    expect(parseAllDocuments(readFileSync(out('promptfoo.yaml'), 'utf8'))).toHaveLength(planned.length);
  }, 180_000);

  it('CSV with --bom, `latest`, and a relative --out', async () => {
    const res = await cli(['export', 'latest', '--format', 'csv', '--bom', '--out', 'rel.csv', '--workspace', ws], { cwd: dir });
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(join(dir, 'rel.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  }, 60_000);

  it.skipIf(!findChromium())('prints the PDF briefing with headless Chromium', async () => {
    const pdf = join(dir, 'briefing.pdf');
    const res = await cli(['export', 'latest', '--format', 'pdf', '--out', pdf, '--workspace', ws]);
    expect(res.code, res.stderr).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
    // pdftoppm (poppler-utils) renders the first page when installed.
    // CI installs it (.ci/run), so there the check is not optional.
    if (which('pdftoppm') || process.env.CI) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page1')]);
      expect(readFileSync(join(dir, 'page1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  }, 120_000);

  it('says what is needed when there is no Chromium', async () => {
    const res = await cli(['export', 'latest', '--format', 'pdf', '--out', join(dir, 'none.pdf'), '--workspace', ws], { env: { CHROMIUM_PATH: join(dir, 'no-such-chromium') } });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('A PDF needs Chromium');
    expect(res.stderr).toContain('--format html');
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
  }, 60_000);

  it('exits 2 for a bad plan reference, a missing plan, a bad format or a missing folder', async () => {
    for (const [args, message] of [
      [['export', 'first', '--format', 'csv', '--out', join(dir, 'x.csv')], 'PLAN must be a plan id'],
      [['export', '99', '--format', 'csv', '--out', join(dir, 'x.csv')], 'There is no plan 99'],
      [['export', '1', '--format', 'docx', '--out', join(dir, 'x.csv')], "argument 'docx' is invalid"],
      [['export', '1', '--format', 'csv', '--out', join(dir, 'no', 'such', 'x.csv')], 'does not exist'],
      [['export', '1', '--format', 'csv'], "required option '--out <path>'"],
    ] as const) {
      const res = await cli([...args, '--workspace', ws]);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain(message);
    }
  }, 120_000);
});

describe('bridgehead validate-plan', () => {
  it('exit 0 valid, 1 invalid with the failing paths, 2 unreadable or not JSON', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, planJson);
    const ok = await cli(['validate-plan', good]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('a valid Bridgehead plan (schemaVersion 1');

    const bad = JSON.parse(planJson) as { workloads: { risk: { score: number } }[]; waves: { start: string }[]; totals: { counts: Record<string, unknown> } };
    bad.workloads[2]!.risk.score = 40;
    bad.waves[1]!.start = '2027-02-30';
    delete bad.totals.counts.planned;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const invalid = await cli(['validate-plan', join(dir, 'bad.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('not a valid Bridgehead plan — 3 problems');
    for (const path of ['workloads[2].risk.score', 'waves[1].start', 'totals.counts.planned']) expect(invalid.stdout).toContain(`  ${path}: `);
    const asJson = await cli(['validate-plan', join(dir, 'bad.json'), '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ valid: false, issues: expect.arrayContaining([expect.objectContaining({ path: 'waves[1].start' })]) });

    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1,');
    const notJson = await cli(['validate-plan', join(dir, 'broken.json')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
    const missing = await cli(['validate-plan', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  }, 120_000);
});

describe('export channels', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ workspace: ws, face: 'browser' });
  });
  afterAll(() => session.close());

  const call = async (channel: string, payload: unknown) => unwrap(await dispatch(session.handlers, channel, payload)) as Record<string, unknown>;

  it('plan.exportDownload returns the same bytes plan.export writes, with progress events', async () => {
    const events: PushEvent[] = [];
    const off = session.events.subscribe((e) => events.push(e));
    const path = join(dir, 'channel.xlsx');
    const written = await call('plan.export', { id: 1, format: 'csv', path: path.replace(/xlsx$/, 'csv'), taskId: 'exp-1' });
    const download = await call('plan.exportDownload', { id: 'latest', format: 'csv', taskId: 'exp-2' });
    off();
    expect(written).toMatchObject({ format: 'csv', mime: 'text/csv; charset=utf-8', suggestedName: 'bridgehead-plan-1-baseline.csv' });
    const file = readFileSync(path.replace(/xlsx$/, 'csv'));
    expect(written.bytes).toBe(file.length);
    expect(Buffer.from(download.base64 as string, 'base64').equals(file)).toBe(true);
    expect(download.bytes).toBe(file.length);
    const mine = events.filter((e): e is Extract<PushEvent, { type: 'progress' }> => e.type === 'progress' && e.taskId === 'exp-2');
    expect(mine.at(-1)).toMatchObject({ finished: true });
    const xlsx = await call('plan.exportDownload', { id: 1, format: 'xlsx', taskId: 'exp-3' });
    expect(Buffer.from(xlsx.base64 as string, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  }, 60_000);

  it('refuses a relative path and reports a missing plan', async () => {
    await expect(call('plan.export', { id: 1, format: 'json', path: 'relative.json' })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('absolute') });
    await expect(call('plan.exportDownload', { id: 42, format: 'json' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('plan.exportDownload', { id: 1, format: 'docx' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
