import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFormulaRisk, neutraliseCell, planToCsv } from '../../../core/export';
import { WORKLOAD_COLUMNS } from '../../../core/export/rows';
import type { Plan } from '../../../core/planning';
import { makePlan, naughtyStrings, OWASP_PAYLOADS } from './plans';

/**
 * What a spreadsheet would run as a formula, stated independently of the implementation: the
 * first character, or the first non-blank character of any line, is one of = + - @ (or a
 * full-width / small form), or the cell starts with a tab, CR or LF. A leading apostrophe makes
 * the whole cell text.
 */
function wouldRun(cell: string): boolean {
  if (cell.startsWith("'")) return false;
  if (/^[\t\r\n]/.test(cell)) return true;
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
  return cell.split(/\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/).some((line) => /^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@＝＋－＠﹦﹢﹣﹫]/u.test(line));
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const numericColumns = new Set(WORKLOAD_COLUMNS.flatMap((c, i) => (c.kind === 'text' || c.kind === 'date' ? [] : [i])));

function rows(csv: string): string[][] {
  return parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

let hostile: Plan;
let hostileNames: string[];

beforeAll(async () => {
  hostileNames = [...OWASP_PAYLOADS, ...naughtyStrings()];
  hostile = await makePlan(hostileNames.length, { names: hostileNames });
});

describe('formula neutralisation', () => {
  it('prefixes every OWASP payload with an apostrophe', () => {
    for (const p of OWASP_PAYLOADS.filter((x) => !x.startsWith('<'))) {
      expect(isFormulaRisk(p), JSON.stringify(p)).toBe(true);
      expect(neutraliseCell(p)).toBe(`'${p}`);
    }
    expect(neutraliseCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseCell('a\n=1')).toBe("'a\n=1");
    expect(neutraliseCell('＝1')).toBe("'＝1");
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['Operations order drafting', 'a-b', 'x = 1', 'C++', 'user@example.org', '', "'quoted", '1+1', 'multi\nline']) {
      expect(neutraliseCell(s), JSON.stringify(s)).toBe(s);
    }
  });
});

describe('plan CSV', () => {
  it('writes one row a workload with the documented columns, CRLF records, no BOM unless asked', async () => {
    const plan = await makePlan(60);
    const csv = planToCsv(plan);
    expect(csv.startsWith('id,name,status,')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(planToCsv(plan, { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = rows(csv);
    expect(table[0]).toEqual(WORKLOAD_COLUMNS.map((c) => c.key));
    expect(table).toHaveLength(plan.workloads.length + 1);
    const cutover = table[0]!.indexOf('cutover');
    const after = table[0]!.indexOf('monthly_cost_after');
    plan.workloads.forEach((w, i) => {
      expect(table[i + 1]![0]).toBe(w.id);
      expect(table[i + 1]![cutover]).toBe(w.dates.cutover ?? '');
      expect(table[i + 1]![after]).toBe(w.monthlyCostAfter === null ? '' : String(w.monthlyCostAfter));
    });
  });

  it('keeps negative numbers as numbers, unprefixed', async () => {
    const plan = await makePlan(120);
    const table = rows(planToCsv(plan));
    const change = table[0]!.indexOf('monthly_cost_change');
    const negatives = table.slice(1).map((r) => r[change]!).filter((v) => v.startsWith('-'));
    expect(negatives.length).toBeGreaterThan(0);
    for (const v of negatives) expect(v).toMatch(NUMBER);
  });

  it('naughty and injection names: each unchanged or apostrophe-prefixed, and no cell would run as a formula', () => {
    const table = rows(planToCsv(hostile));
    const nameCol = table[0]!.indexOf('name');
    expect(table).toHaveLength(hostile.workloads.length + 1);
    let prefixed = 0;
    hostile.workloads.forEach((w, i) => {
      const cell = table[i + 1]![nameCol]!;
      if (wouldRun(w.name)) {
        expect(cell, JSON.stringify(w.name)).toBe(`'${w.name}`);
        prefixed++;
      } else {
        expect(cell, JSON.stringify(w.name)).toBe(w.name);
      }
    });
    expect(prefixed).toBeGreaterThanOrEqual(OWASP_PAYLOADS.length - 1);
    let runnable = 0;
    table.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!wouldRun(cell)) return;
        // Only a plain number in a number column may start with "-".
        if (r > 0 && numericColumns.has(c) && NUMBER.test(cell)) return;
        runnable++;
      }),
    );
    expect(runnable).toBe(0);
  });
});
