import { describe, expect, it } from 'vitest';
import { matchHeader, matchHeaders } from '../../../core/inventory/headers';
import { CANONICAL_COLUMNS } from '../../../core/inventory/schema';

describe('matchHeader', () => {
  it.each([
    ['id', 'id'],
    ['ID', 'id'],
    ['Workload ID', 'id'],
    ['workload_id', 'id'],
    ['Workload-Id', 'id'],
    ['WorkloadID', 'id'],
    ['Name', 'name'],
    ['Workload Name', 'name'],
    ['Mission Area', 'mission_area'],
    ['MISSION_AREA', 'mission_area'],
    ['Current Vendor', 'vendor'],
    ['Vendor', 'vendor'],
    ['Current Model', 'model'],
    ['Monthly Input Tokens', 'monthly_input_tokens'],
    ['Input Tokens', 'monthly_input_tokens'],
    ['monthly-output-tokens', 'monthly_output_tokens'],
    ['Requests', 'monthly_requests'],
    ['Current Monthly Requests', 'monthly_requests'],
    ['Cached Input Share', 'cached_input_share'],
    ['Human in Loop', 'human_in_loop'],
    ['Human in the Loop', 'human_in_loop'],
    ['Depends On', 'depends_on'],
    ['Use Tags', 'use_tags'],
    ['Latency SLO ms', 'latency_slo_ms'],
    ['Latency SLO (ms)', 'latency_slo_ms'],
    ['Provider', 'vendor'],
    ['\uFEFFid', 'id'],
  ])('%j -> %s', (header, column) => {
    expect(matchHeader(header)).toBe(column);
  });

  it.each(['Identifier', 'Workload', 'Program Element', 'Input Tokens (M)', '', 'Monthly'])('%j matches nothing', (header) => {
    expect(matchHeader(header)).toBeNull();
  });

  it('matches every canonical column by its own name', () => {
    for (const c of CANONICAL_COLUMNS) expect(matchHeader(c)).toBe(c);
  });
});

describe('matchHeaders', () => {
  it('maps known headers, keeps the rest as custom attributes and reports nothing missing', () => {
    const m = matchHeaders(['Workload ID', 'Name', 'Mission Area', 'Current Vendor', 'Program Element']);
    expect(m.mapping).toEqual({
      'Workload ID': 'id',
      'Name': 'name',
      'Mission Area': 'mission_area',
      'Current Vendor': 'vendor',
      'Program Element': 'custom',
    });
    expect(m.columns[4]).toMatchObject({ target: 'custom', customKey: 'Program Element', by: 'auto' });
    expect(m.missingRequired).toEqual([]);
    expect(m.errors).toEqual([]);
  });

  it('lists each missing required column as a file-level error naming the headers found', () => {
    const m = matchHeaders(['Identifier', 'Title', 'Vendor'], {}, 3);
    expect(m.missingRequired).toEqual(['id', 'name', 'mission_area']);
    expect(m.errors.map((e) => [e.code, e.column, e.line])).toEqual([
      ['missing_required_column', 'id', 3],
      ['missing_required_column', 'name', 3],
      ['missing_required_column', 'mission_area', 3],
    ]);
    expect(m.errors[0]!.message).toContain('"Identifier", "Title", "Vendor"');
  });

  it('applies a user mapping: a column to a canonical field, one to ignore, one kept as custom', () => {
    const m = matchHeaders(['Identifier', 'Title', 'Mission', 'Vendor', 'Internal Notes', 'Notes'], {
      Identifier: 'id',
      Title: 'name',
      'Internal Notes': null,
      Notes: 'custom',
    });
    expect(m.mapping).toEqual({
      Identifier: 'id',
      Title: 'name',
      Mission: 'mission_area',
      Vendor: 'vendor',
      'Internal Notes': null,
      Notes: 'custom',
    });
    expect(m.columns.filter((c) => c.by === 'user').map((c) => c.header)).toEqual(['Identifier', 'Title', 'Internal Notes', 'Notes']);
    expect(m.errors).toEqual([]);
  });

  it('finds a mapped header ignoring case and spacing, and warns about a header the file lacks', () => {
    const m = matchHeaders(['id', 'name', 'mission_area', 'VENDOR NAME'], { 'vendor name': 'vendor', 'Not There': null });
    expect(m.mapping['VENDOR NAME']).toBe('vendor');
    expect(m.warnings).toEqual(['The mapping mentions the column "Not There", but the file has no such column.']);
  });

  it('refuses a mapping target that is not a column, custom or null', () => {
    const m = matchHeaders(['id', 'name', 'mission_area', 'vendor'], { name: 'title' as never });
    expect(m.errors.map((e) => e.code)).toEqual(['bad_mapping']);
    expect(m.errors[0]!.message).toContain('"title"');
  });

  it('refuses two columns that both look like the id, until a mapping settles it', () => {
    const headers = ['ID', 'Workload ID', 'name', 'mission_area', 'vendor'];
    const m = matchHeaders(headers);
    expect(m.errors.map((e) => [e.code, e.column])).toEqual([['duplicate_column', 'id']]);
    expect(m.errors[0]!.message).toContain('"ID" (column 1) and "Workload ID" (column 2) both map to id');

    const settled = matchHeaders(headers, { 'Workload ID': 'id' });
    expect(settled.errors).toEqual([]);
    expect(settled.mapping).toMatchObject({ 'Workload ID': 'id', ID: 'custom' });
    expect(settled.warnings[0]).toContain('"ID" is kept as a custom attribute');
  });

  it('lets a header spelled exactly as the canonical name win (so exported files re-import)', () => {
    const m = matchHeaders(['id', 'name', 'mission_area', 'vendor', 'Workload Name']);
    expect(m.errors).toEqual([]);
    expect(m.mapping).toMatchObject({ name: 'name', 'Workload Name': 'custom' });
  });

  it('refuses two user mappings to the same column', () => {
    const m = matchHeaders(['a', 'b', 'name', 'mission_area', 'vendor'], { a: 'id', b: 'id' });
    expect(m.errors.map((e) => e.code)).toEqual(['duplicate_column']);
  });

  it('names blank header cells "Column N" and makes repeated custom headers unique', () => {
    const m = matchHeaders(['id', 'name', 'mission_area', 'vendor', '', 'Tag', 'Tag']);
    expect(m.columns.slice(4).map((c) => c.customKey)).toEqual(['Column 5', 'Tag', 'Tag (2)']);
  });

  it('keeps a header such as "__proto__" as an ordinary key', () => {
    const m = matchHeaders(['id', 'name', 'mission_area', 'vendor', '__proto__']);
    expect(Object.keys(m.mapping)).toContain('__proto__');
    expect(Object.getPrototypeOf(m.mapping)).toBe(Object.prototype);
  });
});
