import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToXlsx, SHEETS, xlsxText } from '../../../core/export';
import type { Plan } from '../../../core/planning';
import { CTX, defaultCatalog, makePlan, naughtyStrings, OWASP_PAYLOADS } from './plans';

let plan: Plan;
let wb: ExcelJS.Workbook;
let bytes: Uint8Array;

async function load(b: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
  return book;
}

/** Column number by header text on row 1. */
function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  if (!found) throw new Error(`no column "${header}" in ${ws.name}`);
  return found;
}

/** The row whose column `c` holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, c: number, text: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(c).value === text) return ws.getRow(r);
  throw new Error(`no row with "${text}" in ${ws.name}`);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  plan = await makePlan(160);
  bytes = await planToXlsx(plan, { ...CTX, catalog: defaultCatalog() });
  wb = await load(bytes);
});

describe('Excel workbook', () => {
  it('has the seven sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS]);
    expect(SHEETS).toEqual(['Summary', 'Workloads', 'Waves', 'Costs', 'Risks', 'Assumptions', 'Catalog']);
  });

  it('writes numbers as numbers and dates as dates on the Workloads sheet, unknown as empty', () => {
    const ws = wb.getWorksheet('Workloads')!;
    expect(ws.rowCount).toBe(plan.workloads.length + 1);
    const [cId, cName, cWave, cCut, cP50, cBefore, cAfter, cScore] = ['Workload ID', 'Name', 'Wave', 'Cut-over', 'One-time cost P50', 'Monthly cost before', 'Monthly cost after', 'Risk score'].map((h) =>
      col(ws, h),
    );
    let dates = 0;
    let empties = 0;
    plan.workloads.forEach((w, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(cId!).value).toBe(w.id);
      expect(row.getCell(cName!).value).toBe(w.name);
      expect(row.getCell(cP50!).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(cP50!).value).toBe(w.oneTimeCost.p50);
      expect(row.getCell(cP50!).numFmt).toContain('$');
      expect(row.getCell(cScore!).value).toBe(w.risk.score);
      if (w.dates.cutover) {
        expect(row.getCell(cCut!).type).toBe(ExcelJS.ValueType.Date);
        expect(row.getCell(cCut!).value).toEqual(day(w.dates.cutover));
        expect(row.getCell(cCut!).numFmt).toBe('yyyy-mm-dd');
        expect(row.getCell(cWave!).type).toBe(ExcelJS.ValueType.Number);
        dates++;
      } else {
        expect(row.getCell(cCut!).type).toBe(ExcelJS.ValueType.Null);
      }
      if (w.monthlyCostAfter === null) {
        expect(row.getCell(cAfter!).type).toBe(ExcelJS.ValueType.Null);
        empties++;
      } else expect(row.getCell(cAfter!).value).toBe(w.monthlyCostAfter);
      if (w.monthlyCostBefore !== null) expect(row.getCell(cBefore!).value).toBe(w.monthlyCostBefore);
    });
    expect(dates).toBeGreaterThan(50);
    expect(empties).toBeGreaterThan(0);
  });

  it("puts the plan's totals on the Summary sheet as typed cells", () => {
    const ws = wb.getWorksheet('Summary')!;
    const t = plan.totals;
    const oneTime = rowWith(ws, 2, 'One-time cost (simulated)');
    expect([4, 5, 6].map((c) => oneTime.getCell(c).value)).toEqual([t.oneTimeCost.p10, t.oneTimeCost.p50, t.oneTimeCost.p90]);
    expect(oneTime.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    const completion = rowWith(ws, 2, 'Completion');
    expect([4, 5, 6].map((c) => completion.getCell(c).value)).toEqual([day(t.completion.p10), day(t.completion.p50), day(t.completion.p90)]);
    expect(completion.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(rowWith(ws, 2, 'Monthly cost after, planned').getCell(3).value).toBe(t.monthlyCostAfter);
    expect(rowWith(ws, 2, 'Monthly cost before, all in-scope').getCell(3).value).toBe(t.monthlyCostBefore);
    const prob = rowWith(ws, 2, 'Probability of meeting the deadline').getCell(3);
    expect(prob.value).toBe(t.deadlineProbability);
    expect(prob.numFmt).toBe('0%');
    expect(rowWith(ws, 2, 'Planned').getCell(3).value).toBe(t.counts.planned);
    expect(rowWith(ws, 2, 'Blocked').getCell(3).value).toBe(t.counts.blocked);
    expect(rowWith(ws, 2, 'Deadline').getCell(3).value).toEqual(day(plan.scenario.deadline));
    expect(rowWith(ws, 2, 'Exported').getCell(3).value).toEqual(new Date(CTX.generatedAt));
  });

  it('Costs: the workload columns add up to the plan totals written under the table', () => {
    const ws = wb.getWorksheet('Costs')!;
    const before = col(ws, 'Monthly before');
    const after = col(ws, 'Monthly after');
    let sumBefore = 0;
    let sumAfter = 0;
    for (let r = 2; r <= plan.workloads.length + 1; r++) {
      sumBefore += Number(ws.getRow(r).getCell(before).value ?? 0);
      sumAfter += Number(ws.getRow(r).getCell(after).value ?? 0);
    }
    expect(sumBefore).toBeCloseTo(plan.totals.monthlyCostBefore, 1);
    expect(sumAfter).toBeCloseTo(plan.totals.monthlyCostAfter, 1);
    const total = ws.getRow(plan.workloads.length + 3);
    expect(total.getCell(1).value).toBe('Plan total');
    expect(total.getCell(before).value).toBe(plan.totals.monthlyCostBefore);
    expect(total.getCell(after).value).toBe(plan.totals.monthlyCostAfter);
    expect(ws.getRow(plan.workloads.length + 4).getCell(before).value).toBe(plan.totals.monthlyCostBeforePlanned);
  });

  it('Waves, Risks, Assumptions and Catalog hold the plan’s rows with typed cells', () => {
    const waves = wb.getWorksheet('Waves')!;
    const taskCount = plan.waves.reduce((n, w) => n + w.tasks.length, 0);
    expect(waves.rowCount).toBe(1 + plan.waves.length + taskCount);
    expect(waves.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Date);
    const risks = wb.getWorksheet('Risks')!;
    expect(risks.rowCount).toBe(plan.risks.length + 1);
    plan.risks.forEach((r, i) => {
      expect(risks.getRow(i + 2).getCell(1).value).toBe(r.id);
      expect(risks.getRow(i + 2).getCell(7).value).toBe(r.score);
    });
    const assumptions = wb.getWorksheet('Assumptions')!;
    const rate = rowWith(assumptions, 2, 'Loaded labour rate').getCell(3);
    expect(rate.value).toBe(plan.scenario.loadedLaborRate);
    expect(rate.type).toBe(ExcelJS.ValueType.Number);
    const integration = rowWith(assumptions, 2, 'Integration per workload');
    expect([4, 5, 6].map((c) => integration.getCell(c).value)).toEqual([
      plan.scenario.effort.integrationHours.min,
      plan.scenario.effort.integrationHours.likely,
      plan.scenario.effort.integrationHours.max,
    ]);
    const catalog = wb.getWorksheet('Catalog')!;
    const target = plan.workloads.find((w) => w.status === 'planned')!.target!.offering;
    const row = rowWith(catalog, 1, target);
    expect(Number(row.getCell(col(catalog, 'Target of (workloads)')).value)).toBe(plan.workloads.filter((w) => w.target?.offering === target).length);
    expect(row.getCell(col(catalog, 'In catalog at export')).value).toBe('yes');
    expect(typeof row.getCell(col(catalog, 'Authorization source')).value).toBe('string');
  });

  it('freezes the header row and sets an autofilter on every sheet; no formulas anywhere', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(7);
    for (const f of sheets) {
      const xml = await zip.file(f)!.async('string');
      expect(xml, f).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml, f).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      expect(xml, f).not.toMatch(/<f[ >]/);
      expect(xml, f).not.toMatch(/t="str"/);
    }
    const all = await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xml')).map((f) => zip.file(f)!.async('string')));
    for (const xml of all) expect(xml).not.toMatch(/<f[ >]/);
  });
});

describe('hostile text in the workbook', () => {
  it('keeps formula-looking and naughty workload names as exact text, never as formulas', async () => {
    const names = [...OWASP_PAYLOADS, ...naughtyStrings()];
    const hostile = await makePlan(names.length, { names });
    const out = await planToXlsx(hostile, CTX);
    const book = await load(out);
    const ws = book.getWorksheet('Workloads')!;
    const nameCol = col(ws, 'Name');
    hostile.workloads.forEach((w, i) => {
      const cell = ws.getRow(i + 2).getCell(nameCol);
      expect(cell.type, JSON.stringify(w.name)).toBe(ExcelJS.ValueType.String);
      expect(cell.value, JSON.stringify(w.name)).toBe(w.name);
    });
    const zip = await JSZip.loadAsync(out);
    for (const f of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(f)!.async('string');
      expect(xml, f).not.toMatch(/<f[ >]/);
      // Every character in the XML is one XML 1.0 allows (control characters are _xHHHH_ escapes).
      // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
      expect(xml, f).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(shared).toContain('=cmd|&apos; /C calc&apos;!A0');
  });

  it('escapes what OOXML text cannot hold so it reads back the same', async () => {
    const samples = ['a\u0001b', 'x\ry', 'tab\tand\nnewline', 'literal _x0041_ stays', '_x005F_', 'del\u007f', 'lone \ud800 surrogate', 'end\r\n'];
    expect(xlsxText('a\u0001b')).toBe('a_x0001_b');
    expect(xlsxText('literal _x0041_')).toBe('literal _x005F_x0041_');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('T');
    samples.forEach((s, i) => (ws.getRow(i + 1).getCell(1).value = xlsxText(s)));
    const back = await load(new Uint8Array((await book.xlsx.writeBuffer()) as unknown as ArrayBuffer));
    samples.forEach((s, i) => expect(back.getWorksheet('T')!.getRow(i + 1).getCell(1).value, JSON.stringify(s)).toBe(s));
  });
});
