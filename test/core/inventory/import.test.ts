import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, ROW_ERROR_CODES } from '../../../core/inventory/errors';
import { previewInventory, type ImportPreview } from '../../../core/inventory/import';
import { WorkloadSchema } from '../../../core/inventory/schema';
import { ERROR_LINES, FIXTURE_DIR, INTERNATIONAL_ROWS } from '../../fixtures/inventory/make-fixtures';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));
const preview = (text: string | Buffer, options?: Parameters<typeof previewInventory>[1]): Promise<ImportPreview> =>
  previewInventory(typeof text === 'string' ? Buffer.from(text) : text, options);
const HEAD = 'id,name,mission_area,vendor';

describe('encodings', () => {
  it.each([
    ['utf8.csv', 'UTF-8', ','],
    ['utf8-bom.csv', 'UTF-8 with BOM', ','],
    ['excel-unicode-text-utf16le.txt', 'UTF-16 LE with BOM', '\t'],
    ['utf16be-bom.csv', 'UTF-16 BE with BOM', ','],
    ['windows-1252.csv', 'Windows-1252', ','],
  ])('%s imports the same workloads, read as %s', async (file, label, delimiter) => {
    const p = await preview(fixture(file));
    expect(p.errors).toEqual([]);
    expect(p.encoding?.label).toBe(label);
    expect(p.delimiter).toBe(delimiter);
    expect(p.headers[0]).toBe('id'); // no BOM left on the first header
    expect(p.rows.map((r) => [r.line, r.workload.id, r.workload.name, r.workload.notes])).toEqual(
      INTERNATIONAL_ROWS.map((row, i) => [i + 2, row.id, row.name, row.notes]),
    );
    expect(p.rows[0]!.workload).toMatchObject({ classification: 'secret', criticality: 'critical', monthlyInputTokens: 2_500_000 });
  });

  it('warns when the encoding was a judgement call, and only then', async () => {
    expect((await preview(fixture('windows-1252.csv'))).warnings[0]).toMatch(/not UTF-8; it was read as Windows-1252/);
    expect((await preview(fixture('utf8.csv'))).warnings).toEqual([]);
  });
});

describe('delimiters and line endings', () => {
  it.each([
    ['comma.csv', ','],
    ['semicolon.csv', ';'],
    ['tab.tsv', '\t'],
    ['pipe.csv', '|'],
    ['sep-directive.csv', ';'],
  ])('%s imports three workloads with human headers and labels', async (file, delimiter) => {
    const p = await preview(fixture(file));
    expect(p.errors).toEqual([]);
    expect(p.delimiter).toBe(delimiter);
    expect(p.rows.map((r) => r.workload.name)).toEqual(['Alpha, Bravo; Charlie | Delta', 'Echo', 'Foxtrot']);
    expect(p.rows.map((r) => r.workload.missionArea)).toEqual(['intelligence_analysis', 'modeling_simulation', 'cyber_operations']);
    expect(p.rows.map((r) => r.workload.vendor)).toEqual(['anthropic', 'openai', 'anthropic']);
    expect(p.rows[0]!.workload.capabilities).toEqual(['tool_use', 'vision']);
    expect(p.rows[0]!.workload.custom).toEqual({ 'Notes (free text, optional)': 'tabs\tand, commas; semis | pipes' });
    expect(p.rows[2]!.workload.custom).toEqual({ 'Notes (free text, optional)': 'a "quoted" word' });
  });

  it.each([
    ['multiline-crlf.csv', 'crlf', '\r\n'],
    ['multiline-lf.csv', 'lf', '\n'],
  ])('%s: errors after multi-line records carry their physical lines', async (file, lineEnding, eol) => {
    const p = await preview(fixture(file));
    expect(p.lineEnding).toBe(lineEnding);
    expect(p.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [4, 'monthly_requests', 'oops', 'bad_number'],
      [8, 'name', '', 'missing_required'],
      [10, 'mission_area', 'Space Ops', 'unknown_enum'],
    ]);
    expect(p.errors[0]!.message).toBe(
      'Line 4 (spreadsheet row 3), column "monthly_requests": "oops" is not a number (write digits, optionally like 1,250,000, 2.5M, 750k or 1.2e6)',
    );
    expect(p.rows.map((r) => [r.line, r.workload.id])).toEqual([
      [2, 'M-1'],
      [7, 'M-3'],
    ]);
    expect(p.rows[0]!.workload.name).toBe(`Two-line${eol}name`);
    expect(p.rows[0]!.workload.notes).toBe('He said "hi"');
    expect(p.rows[1]!.workload.monthlyRequests).toBe(12_000);
    expect(p.recordCount).toBe(5);
    expect(p.invalidRecordCount).toBe(3);
  });
});

describe('row errors', () => {
  it('reports every row-level error code with its line, column and value, and keeps checking after each', async () => {
    const p = await preview(fixture('row-errors.csv'));
    expect(p.fatal).toBe(false);
    expect(p.rows.map((r) => r.workload.id)).toEqual(['E-1']);
    const byCode = new Map(p.errors.map((e) => [e.code, e]));
    expect([...byCode.keys()].sort()).toEqual([...ROW_ERROR_CODES].sort());
    for (const [code, line] of Object.entries(ERROR_LINES)) {
      expect(byCode.get(code as keyof typeof ERROR_LINES)?.line, code).toBe(line);
    }
    expect(byCode.get('missing_required')).toMatchObject({ column: 'name', value: '' });
    expect(byCode.get('bad_number')).toMatchObject({ column: 'monthly_input_tokens', value: 'lots' });
    expect(byCode.get('unknown_enum')).toMatchObject({ column: 'mission_area', value: 'Space Ops' });
    expect(byCode.get('duplicate_id')).toMatchObject({ column: 'id', value: 'E-1' });
    expect(byCode.get('duplicate_id')!.message).toContain('already used on line 2');
    expect(byCode.get('too_long')).toMatchObject({ column: 'notes' });
    expect(byCode.get('too_long')!.value).toMatch(/^x{200}… \(10,001 characters\)$/);
    expect(byCode.get('bad_list_item')).toMatchObject({ column: 'capabilities', value: 'telepathy' });
    expect(byCode.get('bad_boolean')).toMatchObject({ column: 'human_in_loop', value: 'maybe' });
    expect(byCode.get('bad_id')).toMatchObject({ column: 'id', value: 'E;8' });
    expect(byCode.get('extra_fields')).toMatchObject({ column: 'Column 9', value: 'surplus' });
    expect(p.invalidRecordCount).toBe(9);
    for (const e of p.errors) expect(e.message).toMatch(new RegExp(`^Line ${e.line}\\b`));
  });

  it('reports all the errors of one row, in column order', async () => {
    const p = await preview(`${HEAD},monthly_requests,human_in_loop\nX-1,,Space,,lots,maybe\n`);
    expect(p.errors.map((e) => [e.code, e.column])).toEqual([
      ['missing_required', 'name'],
      ['unknown_enum', 'mission_area'],
      ['missing_required', 'vendor'],
      ['bad_number', 'monthly_requests'],
      ['bad_boolean', 'human_in_loop'],
    ]);
  });

  it('counts "N/A" in a required typed column as missing and says so', async () => {
    const p = await preview(`${HEAD}\nX-1,Thing,N/A,anthropic\n`);
    expect(p.errors[0]).toMatchObject({ code: 'missing_required', column: 'mission_area' });
    expect(p.errors[0]!.message).toContain('"N/A", which means unknown');
  });

  it('caps the errors kept but counts them all', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `B-${i},,logistics,anthropic`).join('\n');
    const p = await preview(`${HEAD}\n${rows}\n`, { maxErrors: 10 });
    expect(p.errors).toHaveLength(10);
    expect(p.errorCount).toBe(50);
    expect(p.errorsTruncated).toBe(true);
    expect(p.invalidRecordCount).toBe(50);
  });
});

describe('values', () => {
  it('stores text exactly as given: formulas, spaces, quotes, line breaks and unicode', async () => {
    const p = await preview(
      `${HEAD},notes,owner\n` + `T-1,"=HYPERLINK(""http://x"",""y"")",logistics,anthropic,"  two\nlines  ",  J4 Office \n` + `T-2,+SUM(A1),logistics,anthropic,@cmd,"-1+1 Ω 🚀"\n`,
    );
    expect(p.errors).toEqual([]);
    expect(p.rows[0]!.workload).toMatchObject({ name: '=HYPERLINK("http://x","y")', notes: '  two\nlines  ', owner: '  J4 Office ' });
    expect(p.rows[1]!.workload).toMatchObject({ name: '+SUM(A1)', notes: '@cmd', owner: '-1+1 Ω 🚀' });
  });

  it('reads every optional column, with unknowns as null and empty lists as []', async () => {
    const header =
      'Workload ID,Workload Name,Mission Area,Current Vendor,Current Model,Route,Platform,Classification,Criticality,Monthly Requests,Monthly Input Tokens,Monthly Output Tokens,Cached Input Share,Capabilities,Min Context Tokens,Prompt Templates,Tool Schemas,Eval Cases,Human in Loop,Use Tags,Depends On,Owner,Notes,Max Downtime Hours,Latency SLO ms';
    const full = 'F-1,Full,Cyber Ops,Anthropic, claude-x ,AWS Bedrock,GovCloud,TS/SCI,Mission Critical,"1,250,000",2.5M,750k,35%,tool_use;vision,200k,4,2,150,yes,cyber_defense;training,F-2,J6,note,4,1500';
    const sparse = 'F-2,Sparse,logistics,openai,,,,,,,,,,,,,,,,,,,,,';
    const p = await preview(`${header}\n${full}\n${sparse}\n`);
    expect(p.errors).toEqual([]);
    expect(p.columns.every((c) => c.target !== 'custom')).toBe(true);
    expect(p.rows[0]!.workload).toEqual({
      id: 'F-1',
      name: 'Full',
      missionArea: 'cyber_operations',
      vendor: 'anthropic',
      model: 'claude-x',
      route: 'aws_bedrock',
      platform: 'GovCloud',
      classification: 'top_secret',
      criticality: 'critical',
      monthlyRequests: 1_250_000,
      monthlyInputTokens: 2_500_000,
      monthlyOutputTokens: 750_000,
      cachedInputShare: 0.35,
      capabilities: ['tool_use', 'vision'],
      minContextTokens: 200_000,
      promptTemplates: 4,
      toolSchemas: 2,
      evalCases: 150,
      humanInLoop: true,
      useTags: ['cyber_defense', 'training'],
      dependsOn: ['F-2'],
      owner: 'J6',
      notes: 'note',
      maxDowntimeHours: 4,
      latencySloMs: 1500,
      custom: {},
    });
    expect(p.rows[1]!.workload).toMatchObject({
      model: null,
      route: null,
      classification: null,
      criticality: null,
      monthlyRequests: null,
      cachedInputShare: null,
      capabilities: [],
      humanInLoop: null,
      useTags: [],
      dependsOn: [],
      notes: null,
      latencySloMs: null,
    });
    for (const row of p.rows) expect(WorkloadSchema.safeParse(row.workload).success).toBe(true);
  });

  it('keeps unknown columns as custom attributes, leaving empty cells out', async () => {
    const p = await preview(`${HEAD},Program Element,Funding\nC-1,A,logistics,anthropic,PE 0305208,\nC-2,B,logistics,anthropic,,O&M\n`);
    expect(p.rows.map((r) => r.workload.custom)).toEqual([{ 'Program Element': 'PE 0305208' }, { Funding: 'O&M' }]);
  });

  it('treats short rows as having blank trailing cells', async () => {
    const p = await preview(`${HEAD},notes\nS-1,Short,logistics,anthropic\n`);
    expect(p.errors).toEqual([]);
    expect(p.rows[0]!.workload.notes).toBeNull();
  });
});

describe('file-level problems', () => {
  it.each([
    ['empty.csv', 'empty_file', null],
    ['blank-lines.csv', 'empty_file', null],
    ['header-only.csv', 'header_only', 1],
    ['binary.bin', 'binary_file', null],
    ['workbook.xlsx', 'binary_file', null],
    ['utf32le-bom.csv', 'unsupported_encoding', null],
    ['unterminated-quote.csv', 'unterminated_quote', 3],
    ['duplicate-columns.csv', 'duplicate_column', 1],
  ])('%s: %s', async (file, code, line) => {
    const p = await preview(fixture(file));
    expect(p.fatal).toBe(true);
    expect(p.rows).toEqual([]);
    expect(p.errors[0]).toMatchObject({ code, line });
    expect(p.errors[0]!.message.length).toBeGreaterThan(20);
  });

  it('lists each missing required column, but still shows the headers and a sample for the mapping step', async () => {
    const p = await preview(fixture('missing-columns.csv'));
    expect(p.fatal).toBe(true);
    expect(p.errors.map((e) => [e.code, e.column])).toEqual([
      ['missing_required_column', 'id'],
      ['missing_required_column', 'name'],
      ['missing_required_column', 'mission_area'],
    ]);
    expect(p.missingRequiredColumns).toEqual(['id', 'name', 'mission_area']);
    expect(p.headers).toEqual(['Identifier', 'Title', 'Vendor']);
    expect(p.sample).toEqual([{ line: 2, cells: ['X-1', 'Thing', 'anthropic'] }]);
    expect(p.recordCount).toBe(1);
  });

  it('imports the same file once the user maps the columns', async () => {
    const p = await preview(fixture('missing-columns.csv'), { mapping: { Identifier: 'id', Title: 'name', Vendor: 'vendor' } });
    expect(p.errors.map((e) => e.code)).toEqual(['missing_required_column']); // mission_area still has no column
    const mapped = await preview('Identifier,Title,Vendor,Area\nX-1,Thing,anthropic,Logistics\n', {
      mapping: { Identifier: 'id', Title: 'name', Area: 'mission_area' },
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows[0]!.workload).toMatchObject({ id: 'X-1', name: 'Thing', missionArea: 'logistics', vendor: 'anthropic' });
  });

  it('refuses a bad mapping', async () => {
    const p = await preview(`${HEAD}\nA,B,logistics,anthropic\n`, { mapping: { name: 'title' as never } });
    expect(p).toMatchObject({ fatal: true, rows: [] });
    expect(p.errors[0]).toMatchObject({ code: 'bad_mapping', line: 1 });
  });

  it('refuses a quote problem with its line', async () => {
    const p = await preview(`${HEAD}\nA,ok,logistics,anthropic\nB,12" screen,logistics,anthropic\n`);
    expect(p.errors).toMatchObject([{ code: 'bad_quote', line: 3 }]);
    expect(p.fatal).toBe(true);
  });

  it('refuses a record over 1 MB, naming its line, and keeps the encoding and delimiter it found', async () => {
    const p = await preview(`${HEAD},notes\nA,ok,logistics,anthropic,\nB,big,logistics,anthropic,"${'y'.repeat(1_100_000)}"\n`);
    expect(p.errors[0]).toMatchObject({ code: 'record_too_large', line: 3 });
    expect(p.encoding?.name).toBe('utf-8');
    expect(p.delimiter).toBe(',');
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const p = await preview(fixture('utf8.csv'), { signal: controller.signal });
    expect(p.errors[0]).toMatchObject({ code: 'cancelled' });
  });
});

describe('dependencies', () => {
  it('warns about ids that are not in the file, suggesting a near miss', async () => {
    const p = await preview(`${HEAD},depends_on\nA,a,logistics,anthropic,B;ghost\nB,b,logistics,anthropic,a\n`);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([
      'Line 2: "A" depends on "ghost", which is not in this file.',
      'Line 3: "B" depends on "a" (did you mean "A"?), which is not in this file.',
    ]);
  });

  it('does not warn about ids already in the inventory', async () => {
    const p = await preview(`${HEAD},depends_on\nA,a,logistics,anthropic,OLD-1;ghost\n`, { existingIds: ['OLD-1'] });
    expect(p.warnings).toEqual(['Line 2: "A" depends on "ghost", which is not in this file or the current inventory.']);
  });

  it('names the ids of every dependency cycle', async () => {
    const p = await preview(
      `${HEAD},depends_on\n` +
        'A,a,logistics,anthropic,B\nB,b,logistics,anthropic,A\n' +
        'S,s,logistics,anthropic,S\n' +
        'X,x,logistics,anthropic,Y\nY,y,logistics,anthropic,Z\nZ,z,logistics,anthropic,X\n' +
        'N,n,logistics,anthropic,A\n',
    );
    expect(p.warnings).toEqual([
      'Dependency cycle: "A" and "B" depend on each other; they will have to move in the same wave.',
      'Dependency cycle: "S" depends on itself.',
      'Dependency cycle among 3 workloads: "X", "Y", "Z" (for example "X" → "Y" → "Z" → "X"); they will have to move in the same wave.',
    ]);
  });
});

describe('progress and sample', () => {
  it('reports progress to the end of the file and keeps the first records as a sample', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `P-${i},Name ${i},logistics,anthropic`).join('\n');
    const bytes = Buffer.from(`${HEAD}\n${rows}\n`);
    const progress: number[] = [];
    const p = await previewInventory(bytes, { onProgress: (done, total) => progress.push(done / total), sampleSize: 5 });
    expect(p.rows).toHaveLength(3000);
    expect(progress.at(-1)).toBe(1);
    expect(p.sample.map((s) => s.line)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('error codes', () => {
  it('every file-level code is produced by some input (malformed_csv is a safety net no known input reaches)', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    const inputs: [Buffer | string, Parameters<typeof previewInventory>[1]?][] = [
      [fixture('empty.csv')],
      [fixture('header-only.csv')],
      [fixture('binary.bin')],
      [fixture('utf32le-bom.csv')],
      [`${HEAD}\nA,"${'z'.repeat(1_100_000)}",logistics,anthropic\n`],
      [fixture('unterminated-quote.csv')],
      [`${HEAD}\nA,12" screen,logistics,anthropic\n`],
      [fixture('missing-columns.csv')],
      [fixture('duplicate-columns.csv')],
      [`${HEAD}\nA,B,logistics,anthropic\n`, { mapping: { name: 'nope' as never } }],
      [fixture('utf8.csv'), { signal: cancelled.signal }],
    ];
    const produced = new Set<string>();
    for (const [input, options] of inputs) for (const e of (await preview(input, options)).errors) produced.add(e.code);
    expect([...produced].sort()).toEqual(FILE_ERROR_CODES.filter((c) => c !== 'malformed_csv').sort());
  });
});
