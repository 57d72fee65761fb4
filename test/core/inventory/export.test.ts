import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryTemplateCsv, inventoryToCsv } from '../../../core/inventory/export';
import { previewInventory } from '../../../core/inventory/import';
import { CANONICAL_COLUMNS, emptyWorkload, WorkloadSchema, type Workload } from '../../../core/inventory/schema';
import { arbitraryWorkloads, workload } from '../../helpers/arbitrary-workloads';

const w = (id: string, extra: Partial<Workload> = {}): Workload => ({
  ...emptyWorkload({ id, name: `Workload ${id}`, missionArea: 'logistics', vendor: 'anthropic' }),
  ...extra,
});

const reimport = async (workloads: Workload[]): Promise<Workload[]> => {
  const p = await previewInventory(Buffer.from(inventoryToCsv(workloads), 'utf8'));
  if (p.errors.length > 0) throw new Error(`re-import failed: ${JSON.stringify(p.errors.slice(0, 3))}`);
  return p.rows.map((r) => r.workload);
};

describe('inventoryToCsv', () => {
  it('writes canonical columns, then custom ones, with a BOM, CRLF and RFC 4180 quoting', () => {
    const csv = inventoryToCsv([
      w('A', { capabilities: ['tool_use', 'vision'], humanInLoop: true, cachedInputShare: 0.35, notes: 'say "hi",\nbye', custom: { Team: 'J6' } }),
      w('B', { humanInLoop: false, custom: { Funding: 'O&M' } }),
    ]);
    expect(csv.startsWith('\uFEFFid,name,mission_area,vendor,model,')).toBe(true);
    const [header, a, b] = csv.slice(1).split('\r\n');
    expect(header).toBe([...CANONICAL_COLUMNS, 'Team', 'Funding'].join(','));
    expect(a).toBe('A,Workload A,logistics,anthropic,,,,,,,,,0.35,tool_use;vision,,,,,yes,,,,"say ""hi"",\nbye",,,J6,');
    // (the embedded \n stays inside the quoted cell; the record ends at the next CRLF)
    expect(csv.slice(1).split('\r\n')).toHaveLength(4);
    expect(b).toBe('B,Workload B,logistics,anthropic,,,,,,,,,,,,,,,no,,,,,,,,O&M');
  });

  it('does not neutralise formulas: the round trip must give the same text back', () => {
    expect(inventoryToCsv([w('F', { name: '=HYPERLINK("x")' })], { bom: false })).toContain('"=HYPERLINK(""x"")"');
  });

  it('writes a header-only template that imports as "header only"', async () => {
    const template = inventoryTemplateCsv();
    expect(template).toBe(`\uFEFF${CANONICAL_COLUMNS.join(',')}\r\n`);
    const p = await previewInventory(Buffer.from(template));
    expect(p.errors.map((e) => e.code)).toEqual(['header_only']);
    expect(p.missingRequiredColumns).toEqual([]);
  });

  it('round-trips awkward but realistic values exactly', async () => {
    const workloads = [
      w('WL-1', { name: '  leading and trailing  ', notes: 'line 1\r\nline 2\nline 3\rline 4', owner: 'J2, "Intel"', platform: 'a|b;c\td' }),
      w('WL-2', { name: '=1+1', notes: '@SUM(A1)', model: 'claude-sonnet-4-5', monthlyInputTokens: 1e21, cachedInputShare: 1e-7 }),
      w('WL-4', { name: 'lone\nLF', notes: 'a\rb', owner: 'x\ny' }),
      w('WL-3', { name: 'N/A', notes: 'TBD', dependsOn: ['WL-1', 'WL-2'], useTags: ['a__b', 'x'], custom: { 'Workload Name': 'custom, not the name' } }),
    ];
    expect(await reimport(workloads)).toEqual(workloads);
  });
});

// ---- property: export then import gives back the same inventory ----

describe('round trip property', () => {
  it('inventoryToCsv then previewInventory gives back the same workloads, for any inventory', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryWorkloads(), async (workloads) => {
        for (const x of workloads) expect(WorkloadSchema.safeParse(x).success).toBe(true);
        const back = await reimport(workloads);
        expect(back).toEqual(workloads);
      }),
      { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 300) },
    );
  });

  it('the generator really produces the awkward cases it is meant to', () => {
    const sample = fc.sample(workload, { numRuns: 300, seed: 1 });
    const all = sample.flatMap((x) => [x.name, x.notes ?? '', x.owner ?? '', ...Object.keys(x.custom)]).join('');
    for (const needle of ['"', ',', '\n', '\r', ';', '\t', '=']) expect(all).toContain(needle);
    expect(sample.some((x) => Object.keys(x.custom).length > 0)).toBe(true);
    expect(sample.some((x) => x.dependsOn.length > 0 && x.useTags.length > 0)).toBe(true);
  });
});
