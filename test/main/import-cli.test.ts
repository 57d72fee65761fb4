import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();

const GOOD = [
  'Workload ID,Name,Mission Area,Current Vendor,Classification,Monthly Input Tokens,Region Code',
  'A1,"=HYPERLINK(""http://x"")",Intelligence Analysis,Anthropic,TS/SCI,"1,250,000",east',
  'A2,Route planner,Operations Planning,anthropic,S,2.5M,west',
].join('\n');

describe('bridgehead import', () => {
  it('imports a clean file, prints exactly one JSON object and exits 0', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.csv'), GOOD);
    const ws = join(dir, 'ws.bridgehead');
    const res = await cli(['import', join(dir, 'good.csv'), '--workspace', ws, '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: 0, errors: [], warnings: [] });

    const list = JSON.parse((await cli(['inventory', 'list', '--workspace', ws, '--json'])).stdout) as { workloads: Record<string, unknown>[] };
    expect(list.workloads).toHaveLength(2);
    expect(list.workloads[0]).toMatchObject({ id: 'A1', name: '=HYPERLINK("http://x")', vendor: 'anthropic', classification: 'top_secret', monthly_input_tokens: 1_250_000, model: null, capabilities: [] });
    expect(Object.keys(list.workloads[0]!)).toContain('mission_area');
  });

  it('re-import merges by id and reports updated, unchanged; --replace removes the rest', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    writeFileSync(join(dir, 'good.csv'), GOOD);
    await cli(['import', join(dir, 'good.csv'), '--workspace', ws]);
    writeFileSync(join(dir, 'next.csv'), GOOD.replace('Route planner', 'Route planner v2').replace(/\nA1.*\n/, '\n') + '\nA3,New one,Logistics,openai,U,1k,north');
    const merged = JSON.parse((await cli(['import', join(dir, 'next.csv'), '--workspace', ws, '--json'])).stdout);
    expect(merged).toMatchObject({ imported: 1, updated: 1, unchanged: 0, rejected: 0 });
    const again = JSON.parse((await cli(['import', join(dir, 'next.csv'), '--workspace', ws, '--json'])).stdout);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    let ids = JSON.parse((await cli(['inventory', 'list', '--workspace', ws, '--json'])).stdout).workloads.map((w: { id: string }) => w.id);
    expect(ids).toEqual(['A1', 'A2', 'A3']);
    await cli(['import', join(dir, 'next.csv'), '--workspace', ws, '--replace']);
    ids = JSON.parse((await cli(['inventory', 'list', '--workspace', ws, '--json'])).stdout).workloads.map((w: { id: string }) => w.id);
    expect(ids).toEqual(['A2', 'A3']);
  });

  it('imports nothing from a file with errors unless --skip-invalid, exiting 1 either way', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    writeFileSync(join(dir, 'bad.csv'), `${GOOD}\nA9,,Nowhere,anthropic,U,lots,x`);
    const strict = await cli(['import', join(dir, 'bad.csv'), '--workspace', ws, '--json']);
    expect(strict.code).toBe(1);
    const body = JSON.parse(strict.stdout);
    expect(body).toMatchObject({ imported: 0, rejected: 1 });
    expect(body.errors.map((e: { code: string; line: number }) => `${e.line}:${e.code}`)).toEqual(
      expect.arrayContaining(['4:missing_required', '4:unknown_enum', '4:bad_number']),
    );
    expect(JSON.parse((await cli(['inventory', 'list', '--workspace', ws, '--json'])).stdout).workloads).toHaveLength(0);
    const lenient = await cli(['import', join(dir, 'bad.csv'), '--workspace', ws, '--json', '--skip-invalid']);
    expect(lenient.code).toBe(1);
    expect(JSON.parse(lenient.stdout)).toMatchObject({ imported: 2, rejected: 1 });
  });

  it('exits 2 for an unreadable file, an empty file and bad usage, changing nothing', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    const missing = await cli(['import', join(dir, 'nope.csv'), '--workspace', ws]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    writeFileSync(join(dir, 'empty.csv'), '');
    const empty = await cli(['import', join(dir, 'empty.csv'), '--workspace', ws, '--json']);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.stdout).errors[0].code).toBe('empty_file');
    expect((await cli(['import', '--workspace', ws])).code).toBe(2);
  });

  it('applies a --mapping file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'odd.csv'), 'Ref,Title,Area,Supplier\nX1,Odd headers,Cyber Ops,anthropic\n');
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ Ref: 'id', Title: 'name', Area: 'mission_area', Supplier: 'vendor' }));
    const res = await cli(['import', join(dir, 'odd.csv'), '--workspace', join(dir, 'ws.bridgehead'), '--mapping', join(dir, 'map.json'), '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ imported: 1 });
  });

  it('exports the inventory and re-imports it unchanged; writes a template', async () => {
    const dir = tmp();
    const ws = join(dir, 'ws.bridgehead');
    writeFileSync(join(dir, 'good.csv'), GOOD);
    await cli(['import', join(dir, 'good.csv'), '--workspace', ws]);
    expect((await cli(['inventory', 'export', join(dir, 'out.csv'), '--workspace', ws])).code).toBe(0);
    const again = JSON.parse((await cli(['import', join(dir, 'out.csv'), '--workspace', ws, '--json'])).stdout);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rejected: 0 });
    await cli(['inventory', 'template', join(dir, 'template.csv')]);
    expect(readFileSync(join(dir, 'template.csv'), 'utf8').split(/\r?\n/)[0]).toMatch(/^\uFEFF?id,name,mission_area,vendor,model/);
  });
});
