/**
 * The plan as an Excel workbook, one sheet per view: Summary, Workloads, Waves, Costs, Risks,
 * Assumptions, Catalog.
 *
 * - Numbers are number cells (money with a $ format, shares as %, hours with one decimal), dates
 *   are date cells (UTC midnight, `yyyy-mm-dd`), timestamps date-time cells; unknown is an empty
 *   cell, never 0.
 * - No formulas anywhere: totals are the plan's own figures written as values. Text that looks
 *   like a formula (`=cmd|…`) is a shared string, which Excel shows and never evaluates.
 * - Text round-trips exactly: characters XML 1.0 cannot hold (control characters, lone surrogates)
 *   and CR (which XML readers turn into LF) are written as OOXML `_xHHHH_` escapes, and a literal
 *   `_xHHHH_` in the text has its underscore escaped, as Excel does. Over-long text (Excel's limit
 *   is 32,767 characters a cell) is cut with a note.
 * - Every sheet: the header row frozen, an autofilter over the table, widths from the content.
 */
import ExcelJS from 'exceljs';
import type { Plan, PlanWorkload } from '../planning/plan-schema';
import { offeringsInPlan } from './catalog-facts';
import type { ExportContext, ExportProgress } from './context';
import { monthlyChange, WORKLOAD_COLUMNS, workloadNames, type CellKind } from './rows';

type Kind = CellKind | 'datetime';
type Value = string | number | null | readonly string[];

interface Column {
  header: string;
  kind: Kind;
  /** Widest the column may grow to (characters). */
  max: number;
}

const FORMATS: Partial<Record<Kind, string>> = {
  usd: '"$"#,##0.00;[Red]-"$"#,##0.00',
  int: '#,##0',
  hours: '#,##0.0',
  share: '0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm "UTC"',
};
const USD0 = '"$"#,##0;[Red]-"$"#,##0';

export const EXCEL_MAX_CELL_TEXT = 32_767;

/** OOXML-safe text (see the header): what exceljs writes so Excel and exceljs read back the same string. */
export function xlsxText(text: string): string {
  let s = text;
  if (s.length > EXCEL_MAX_CELL_TEXT) {
    const note = ' … [cut: over 32,767 characters]';
    s = s.slice(0, EXCEL_MAX_CELL_TEXT - note.length) + note;
  }
  s = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

function isoToDate(iso: string): Date | null {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? null : new Date(t);
}

function setCell(cell: ExcelJS.Cell, value: Value, kind: Kind, numFmt?: string): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    cell.value = xlsxText(value.join('\n'));
    cell.alignment = { wrapText: true, vertical: 'top' };
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return;
    cell.value = value;
    const fmt = numFmt ?? FORMATS[kind];
    if (fmt) cell.numFmt = fmt;
    return;
  }
  const text = value as string;
  if (kind === 'date' || kind === 'datetime') {
    const d = isoToDate(text);
    if (d) {
      cell.value = d;
      cell.numFmt = FORMATS[kind]!;
      return;
    }
  }
  cell.value = xlsxText(text);
}

function textLength(v: Value, kind: Kind): number {
  if (v === null) return 0;
  if (Array.isArray(v)) return Math.max(0, ...v.map((x) => x.length));
  if (typeof v === 'number') return kind === 'usd' ? String(Math.round(Math.abs(v))).length * 1.35 + 5 : String(v).length + 1;
  if (kind === 'date') return 10;
  if (kind === 'datetime') return 20;
  return (v as string).length;
}

/**
 * A sheet holding one table: header row frozen (and `freezeColumns` frozen on the left), an
 * autofilter over the header and data rows, widths from the content. Rows after the table
 * (`trailer`) are outside the filter so sorting never moves them.
 */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Value[])[],
  options: { freezeColumns?: number; trailer?: readonly { values: readonly Value[]; formats?: readonly (string | undefined)[]; bold?: boolean }[]; formats?: (row: number, col: number) => string | undefined } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: options.freezeColumns ?? 0 }] });
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
  });
  const widths = columns.map((c) => Math.min(c.max, Math.max(8, ...c.header.split(' ').map((w) => w.length + 2))));
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((c, i) => {
      const v = values[i] ?? null;
      setCell(row.getCell(i + 1), v, c.kind, options.formats?.(r, i));
      if (r < 2000) widths[i] = Math.min(c.max, Math.max(widths[i]!, Math.ceil(textLength(v, c.kind)) + 2));
    });
  });
  const last = rows.length + 1;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: Math.max(1, columns.length) } };
  let at = last + 2;
  for (const t of options.trailer ?? []) {
    const row = ws.getRow(at++);
    t.values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      setCell(cell, v, columns[i]?.kind ?? 'text', t.formats?.[i]);
      if (t.bold) cell.font = { bold: true };
    });
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const S = (header: string, kind: Kind, max = 40): Column => ({ header, kind, max });

function summarySheet(wb: ExcelJS.Workbook, plan: Plan, ctx: ExportContext): void {
  const t = plan.totals;
  const s = plan.scenario;
  const planned = plan.workloads.filter((w) => w.status === 'planned');
  type Row = { section: string; figure: string; value?: Value; kind?: Kind; low?: number | string; mid?: number | string; high?: number | string; rangeKind?: Kind; note?: string; fmt?: string };
  const rows: Row[] = [
    { section: 'Plan', figure: 'Scenario', value: s.name },
    ...(ctx.planId != null ? [{ section: 'Plan', figure: 'Plan id', value: ctx.planId, kind: 'int' as const }] : []),
    ...(ctx.createdAt ? [{ section: 'Plan', figure: 'Plan made', value: ctx.createdAt, kind: 'datetime' as const }] : []),
    ...(ctx.generatedAt ? [{ section: 'Plan', figure: 'Exported', value: ctx.generatedAt, kind: 'datetime' as const }] : []),
    { section: 'Plan', figure: 'Vendor to exit', value: s.exitVendor },
    { section: 'Plan', figure: 'Strategy', value: s.strategy },
    { section: 'Plan', figure: 'Start date', value: s.startDate, kind: 'date' },
    { section: 'Plan', figure: 'Deadline', value: s.deadline, kind: 'date' },
    { section: 'Plan', figure: 'Catalog', value: plan.catalog.source },
    { section: 'Plan', figure: 'Catalog as of', value: plan.catalog.asOf, kind: 'date' },
    { section: 'Plan', figure: 'Plan JSON schema version', value: plan.schemaVersion, kind: 'int' },
    { section: 'Workloads', figure: 'Total', value: plan.workloads.length, kind: 'int' },
    { section: 'Workloads', figure: 'Planned', value: t.counts.planned, kind: 'int' },
    { section: 'Workloads', figure: 'Blocked', value: t.counts.blocked, kind: 'int', note: 'No eligible offering among the candidate providers; see Workloads.' },
    { section: 'Workloads', figure: 'Out of scope', value: t.counts.outOfScope, kind: 'int', note: 'On other vendors: counted, not moved.' },
    { section: 'Workloads', figure: 'High-risk planned', value: planned.filter((w) => w.risk.level === 'high').length, kind: 'int' },
    {
      section: 'Cost',
      figure: 'One-time cost (simulated)',
      kind: 'usd',
      low: t.oneTimeCost.p10,
      mid: t.oneTimeCost.p50,
      high: t.oneTimeCost.p90,
      rangeKind: 'usd',
      fmt: USD0,
      note: 'P10 / P50 / P90 of the Monte Carlo simulation, shared wave-0 work included.',
    },
    {
      section: 'Cost',
      figure: 'Shared wave-0 work',
      kind: 'usd',
      low: t.sharedOneTimeCost.low,
      mid: t.sharedOneTimeCost.likely,
      high: t.sharedOneTimeCost.high,
      rangeKind: 'usd',
      fmt: USD0,
      note: 'Contracts, accreditation and the gateway, counted once (low / likely / high).',
    },
    { section: 'Cost', figure: 'Monthly cost before, all in-scope', value: t.monthlyCostBefore, kind: 'usd', fmt: USD0 },
    { section: 'Cost', figure: 'Monthly cost before, planned', value: t.monthlyCostBeforePlanned, kind: 'usd', fmt: USD0, note: 'Compare with the after figure like for like.' },
    { section: 'Cost', figure: 'Monthly cost after, planned', value: t.monthlyCostAfter, kind: 'usd', fmt: USD0, note: t.unpriced.after ? `${t.unpriced.after} planned workloads move to unpriced offerings and are not included.` : undefined },
    { section: 'Cost', figure: 'Workloads unpriced before', value: t.unpriced.before, kind: 'int' },
    { section: 'Cost', figure: 'Workloads unpriced after', value: t.unpriced.after, kind: 'int' },
    { section: 'Schedule', figure: 'Completion', kind: 'date', low: t.completion.p10, mid: t.completion.p50, high: t.completion.p90, rangeKind: 'date', note: 'Last cut-over, P10 / P50 / P90.' },
    { section: 'Schedule', figure: 'Probability of meeting the deadline', value: t.deadlineProbability, kind: 'share' },
    { section: 'Schedule', figure: 'Engineering effort (hours)', kind: 'hours', low: t.effortHours.p10, mid: t.effortHours.p50, high: t.effortHours.p90, rangeKind: 'hours' },
    { section: 'Schedule', figure: 'Waves', value: plan.waves.length, kind: 'int', note: 'Wave 0 is contracts, accreditation and the gateway.' },
    { section: 'Confidence', figure: 'Confidence', value: t.confidence.level },
    { section: 'Confidence', figure: 'Confidence score', value: t.confidence.score, kind: 'share' },
    { section: 'Assignment', figure: 'Method', value: plan.assignment.method },
    ...(plan.assignment.chosenProvider ? [{ section: 'Assignment', figure: 'Chosen provider', value: plan.assignment.chosenProvider }] : []),
    ...[...t.byProvider]
      .sort((a, b) => b.planned - a.planned)
      .flatMap((p) => [
        { section: 'By provider', figure: `${p.provider}: planned workloads`, value: p.planned, kind: 'int' as const, note: `${p.critical} critical` },
        { section: 'By provider', figure: `${p.provider}: monthly cost after`, value: p.monthlyCostAfter, kind: 'usd' as const, fmt: USD0 },
      ]),
    ...plan.warnings.map((w) => ({ section: 'Warnings', figure: 'Warning', value: w })),
  ];
  const columns = [S('Section', 'text', 14), S('Figure', 'text', 40), S('Value', 'text', 60), S('P10 / low', 'text', 16), S('P50 / likely', 'text', 16), S('P90 / high', 'text', 16), S('Note', 'text', 70)];
  const ws = tableSheet(
    wb,
    'Summary',
    columns,
    rows.map((r) => [r.section, r.figure, r.value ?? null, r.low ?? null, r.mid ?? null, r.high ?? null, r.note ?? null]),
  );
  // Per-cell types: the Value column mixes kinds, so set each cell's own format.
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    if (r.value !== undefined && r.kind && r.kind !== 'text') {
      const cell = row.getCell(3);
      cell.value = null;
      setCell(cell, r.value, r.kind, r.fmt);
      cell.alignment = { horizontal: 'left' };
    }
    if (r.rangeKind) {
      [r.low, r.mid, r.high].forEach((v, k) => {
        const cell = row.getCell(4 + k);
        cell.value = null;
        setCell(cell, v ?? null, r.rangeKind!, r.fmt);
      });
    }
  });
  ws.getColumn(3).width = 44;
  ws.getColumn(4).width = 14;
  ws.getColumn(5).width = 14;
  ws.getColumn(6).width = 14;
}

function workloadsSheet(wb: ExcelJS.Workbook, plan: Plan): void {
  tableSheet(
    wb,
    'Workloads',
    WORKLOAD_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, max: c.width })),
    plan.workloads.map((w) => WORKLOAD_COLUMNS.map((c) => (c.list ? c.list(w) : c.value(w)))),
    { freezeColumns: 2 },
  );
}

function wavesSheet(wb: ExcelJS.Workbook, plan: Plan): void {
  const byId = new Map(plan.workloads.map((w) => [w.id, w]));
  const columns = [
    S('Wave', 'int', 7),
    S('Item', 'text', 14),
    S('Name', 'text', 50),
    S('Start', 'date', 12),
    S('End', 'date', 12),
    S('Days', 'int', 7),
    S('Workloads', 'int', 10),
    S('Critical', 'int', 9),
    S('Provider', 'text', 12),
    S('Offering', 'text', 44),
    S('Level', 'text', 12),
    S('Hours min', 'hours', 10),
    S('Hours likely', 'hours', 10),
    S('Hours max', 'hours', 10),
    S('Cost low', 'usd', 13),
    S('Cost likely', 'usd', 13),
    S('Cost high', 'usd', 13),
    S('Workload IDs', 'text', 80),
  ];
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const rows: Value[][] = [];
  for (const wave of plan.waves) {
    const members = wave.workloadIds.map((id) => byId.get(id)).filter((w): w is PlanWorkload => w !== undefined);
    rows.push([
      wave.number,
      'wave',
      wave.name,
      wave.start,
      wave.end,
      days(wave.start, wave.end),
      wave.workloadIds.length,
      members.filter((w) => w.criticality === 'critical').length,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      wave.workloadIds.join(', '),
    ]);
    for (const task of wave.tasks) {
      rows.push([
        wave.number,
        task.kind,
        task.title,
        task.start,
        task.end,
        days(task.start, task.end),
        null,
        null,
        task.provider,
        task.offering,
        task.level,
        task.hours.min,
        task.hours.likely,
        task.hours.max,
        task.cost.low,
        task.cost.likely,
        task.cost.high,
        null,
      ]);
    }
  }
  tableSheet(wb, 'Waves', columns, rows, { freezeColumns: 1 });
}

function costsSheet(wb: ExcelJS.Workbook, plan: Plan): void {
  const t = plan.totals;
  const columns = [
    S('Workload ID', 'text', 14),
    S('Name', 'text', 36),
    S('Status', 'text', 12),
    S('Target provider', 'text', 14),
    S('Wave', 'int', 7),
    S('One-time P10', 'usd', 14),
    S('One-time P50', 'usd', 14),
    S('One-time P90', 'usd', 14),
    S('Effort hours min', 'hours', 10),
    S('Effort hours likely', 'hours', 10),
    S('Effort hours max', 'hours', 10),
    S('Monthly before', 'usd', 14),
    S('Monthly after', 'usd', 14),
    S('Monthly change', 'usd', 14),
    S('Before low', 'usd', 13),
    S('Before high', 'usd', 13),
    S('After low', 'usd', 13),
    S('After high', 'usd', 13),
    S('Input tokens a month (likely)', 'int', 16),
    S('Output tokens a month (likely)', 'int', 16),
    S('Cached input share', 'share', 9),
    S('Volume basis', 'text', 24),
    S('Tokenizer factor', 'number', 9),
    S('Current offering', 'text', 44),
    S('Priced at', 'text', 44),
  ];
  const rows: Value[][] = plan.workloads.map((w) => [
    w.id,
    w.name,
    w.status,
    w.target?.provider ?? null,
    w.wave,
    w.oneTimeCost.p10,
    w.oneTimeCost.p50,
    w.oneTimeCost.p90,
    w.effortHours?.min ?? null,
    w.effortHours?.likely ?? null,
    w.effortHours?.max ?? null,
    w.monthlyCostBefore,
    w.monthlyCostAfter,
    monthlyChange(w),
    w.runRate?.before?.low ?? null,
    w.runRate?.before?.high ?? null,
    w.runRate?.after?.low ?? null,
    w.runRate?.after?.high ?? null,
    w.runRate?.monthlyInputTokens.likely ?? null,
    w.runRate?.monthlyOutputTokens.likely ?? null,
    w.runRate?.cachedInputShare ?? null,
    w.runRate?.volumeBasis ?? null,
    w.runRate?.tokenizerFactor ?? null,
    w.runRate?.currentOffering ?? null,
    w.runRate?.pricedAt ?? null,
  ]);
  const blank = (n: number): Value[] => Array.from({ length: n }, () => null);
  tableSheet(wb, 'Costs', columns, rows, {
    freezeColumns: 2,
    trailer: [
      {
        values: ['Plan total', 'monthly cost of all in-scope workloads before; of the planned workloads after', ...blank(9), t.monthlyCostBefore, t.monthlyCostAfter],
        bold: true,
      },
      {
        values: ['Plan total', 'monthly cost of the planned workloads before (like for like)', ...blank(9), t.monthlyCostBeforePlanned],
        bold: true,
      },
      {
        values: [
          'Note',
          `One-time totals (P10 ${Math.round(t.oneTimeCost.p10)}, P50 ${Math.round(t.oneTimeCost.p50)}, P90 ${Math.round(t.oneTimeCost.p90)} USD) are on the Summary sheet: they come from the simulation and include shared wave-0 work, and workload percentiles do not add up.`,
        ],
      },
    ],
  });
}

function risksSheet(wb: ExcelJS.Workbook, plan: Plan): void {
  const names = workloadNames(plan);
  const columns = [
    S('Risk ID', 'text', 10),
    S('Workload ID', 'text', 14),
    S('Workload', 'text', 36),
    S('Category', 'text', 18),
    S('Likelihood', 'int', 10),
    S('Consequence', 'int', 11),
    S('Score', 'int', 7),
    S('Level', 'text', 10),
    S('Owner', 'text', 24),
    S('Mitigation', 'text', 70),
    S('Drivers', 'text', 70),
  ];
  tableSheet(
    wb,
    'Risks',
    columns,
    plan.risks.map((r) => [
      r.id,
      r.workloadId,
      r.workloadId ? (names.get(r.workloadId) ?? null) : 'programme',
      r.category,
      r.likelihood,
      r.consequence,
      r.score,
      r.level,
      r.owner,
      r.mitigation,
      r.drivers,
    ]),
    { freezeColumns: 1 },
  );
}

function assumptionsSheet(wb: ExcelJS.Workbook, plan: Plan): void {
  const s = plan.scenario;
  const columns = [S('Group', 'text', 16), S('Parameter', 'text', 44), S('Value', 'text', 50), S('Min', 'number', 10), S('Likely', 'number', 10), S('Max', 'number', 10), S('Unit', 'text', 22)];
  const rows: Value[][] = [];
  const formats: Record<number, string> = {};
  const one = (group: string, p: string, value: Value, unit: string | null = null, fmt?: string) => {
    if (fmt) formats[rows.length] = fmt;
    rows.push([group, p, value, null, null, null, unit]);
  };
  const three = (group: string, p: string, t: { min: number; likely: number; max: number }, unit: string) => rows.push([group, p, null, t.min, t.likely, t.max, unit]);
  one('Scenario', 'Name', s.name);
  one('Scenario', 'Vendor to exit', s.exitVendor);
  one('Scenario', 'Candidate providers', s.candidateProviders.join(', '));
  one('Scenario', 'Strategy', s.strategy);
  one('Scenario', 'Providers already under contract', s.contractedProviders.join(', ') || 'none');
  one('Scenario', 'Diversification cap (share of critical workloads)', s.diversificationCap, null, '0%');
  one('Scenario', 'Start date', s.startDate, null, 'date');
  one('Scenario', 'Deadline', s.deadline, null, 'date');
  one('Team', 'Team capacity', s.teamHoursPerWeek, 'engineer-hours a week', '#,##0');
  one('Team', 'Most hours on one workload', s.maxHoursPerWorkloadPerWeek, 'engineer-hours a week', '#,##0');
  one('Team', 'Loaded labour rate', s.loadedLaborRate, 'USD an engineer-hour', FORMATS.usd);
  for (const c of ['routine', 'support', 'essential', 'critical'] as const) one('Schedule', `Parallel run, ${c}`, s.parallelRunDays[c], 'days', '#,##0');
  one('Schedule', 'Rollback window after cut-over', s.rollbackWindowDays, 'days', '#,##0');
  one('Schedule', 'Critical cut-overs in one week', s.maxConcurrentCriticalCutovers, 'workloads', '#,##0');
  one('Schedule', 'Pilot wave size', s.pilotWaveSize, 'workloads', '#,##0');
  one('Schedule', 'Largest wave', s.maxWaveSize, 'workloads', '#,##0');
  for (const b of s.blackouts) one('Schedule', `Blackout ${b.start} to ${b.end}`, b.reason);
  for (const [k, v] of Object.entries(s.weights)) one('Scoring weights', k, v, null, '0.00');
  const e = s.effort;
  three('Effort', 'Porting a prompt template', e.promptTemplateHours, 'hours each');
  three('Effort', 'Porting a tool schema', e.toolSchemaHours, 'hours each');
  three('Effort', 'Building an evaluation case', e.evalCaseHours, 'hours each');
  one('Effort', 'Evaluation cases needed before cut-over', e.evalCaseThreshold, 'cases', '#,##0');
  three('Effort', 'Integration per workload', e.integrationHours, 'hours');
  three('Effort', 'Route change', e.routeChangeHours, 'hours');
  three('Effort', 'Parallel-run oversight', e.parallelRunOversightHoursPerDay, 'hours a day');
  three('Effort', 'Contract onboarding per new provider', e.contractOnboardingHours, 'hours');
  three('Effort', 'Contract lead time', e.contractLeadTimeDays, 'days');
  three('Effort', 'Accreditation per offering and level', e.accreditationHours, 'hours');
  three('Effort', 'Model gateway (once)', e.gatewayHours, 'hours');
  three('Effort', 'Prompt templates when unknown', e.unknownPromptTemplates, 'a workload');
  three('Effort', 'Tool schemas when unknown', e.unknownToolSchemas, 'a workload');
  const v = s.volumeAssumptions;
  three('Volumes', 'Input tokens a request (when only requests are known)', v.inputTokensPerRequest, 'tokens');
  three('Volumes', 'Output tokens a request (when only requests are known)', v.outputTokensPerRequest, 'tokens');
  three('Volumes', 'Input tokens a month (when nothing is known)', v.monthlyInputTokens, 'tokens');
  three('Volumes', 'Output tokens per input token (when one side is known)', v.outputPerInputToken, 'ratio');
  one('Simulation', 'Monte Carlo iterations', s.iterations, null, '#,##0');
  one('Simulation', 'Seed', s.seed, null, '0');
  for (const o of s.overrides) {
    const parts = [o.pinOffering ? `pin ${o.pinOffering}` : null, o.wave !== undefined ? `wave ≥ ${o.wave}` : null, o.exclude ? 'exclude' : null, o.note ? `note: ${o.note}` : null].filter(Boolean);
    one('Overrides', o.workloadId, parts.join('; '));
  }
  const ws = tableSheet(wb, 'Assumptions', columns, rows);
  // Numbers and dates in the Value column, each with its own format.
  rows.forEach((r, i) => {
    const fmt = formats[i];
    if (!fmt) return;
    const cell = ws.getRow(i + 2).getCell(3);
    cell.value = null;
    if (fmt === 'date') setCell(cell, r[2] as string, 'date');
    else setCell(cell, r[2] as number, 'number', fmt);
    cell.alignment = { horizontal: 'left' };
  });
}

function catalogSheet(wb: ExcelJS.Workbook, plan: Plan, ctx: ExportContext): void {
  const uses = offeringsInPlan(plan, ctx.catalog);
  const columns = [
    S('Offering', 'text', 50),
    S('Provider', 'text', 12),
    S('Model', 'text', 26),
    S('Route', 'text', 16),
    S('Region', 'text', 22),
    S('Target of (workloads)', 'int', 10),
    S('Current for (workloads)', 'int', 10),
    S('Prices current run-rate of', 'int', 10),
    S('Alternative for', 'int', 10),
    S('In catalog at export', 'text', 10),
    S('Display name', 'text', 30),
    S('Max classification', 'text', 14),
    S('Authorization', 'text', 12),
    S('Impact level', 'text', 8),
    S('Authorization basis', 'text', 40),
    S('Authorization source', 'text', 50),
    S('Authorization as of', 'date', 12),
    S('Authorization confirmed', 'text', 10),
    S('Input USD / MTok', 'usd', 12),
    S('Output USD / MTok', 'usd', 12),
    S('Cached input USD / MTok', 'usd', 12),
    S('Price basis', 'text', 10),
    S('Price source', 'text', 50),
    S('Price as of', 'date', 12),
    S('Price confirmed', 'text', 10),
    S('Context window', 'int', 12),
    S('Tokenizer factor', 'number', 9),
    S('Deprecation date', 'date', 12),
    S('Listing source', 'text', 50),
    S('Listing as of', 'date', 12),
  ];
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const rows: Value[][] = uses.map((u) => {
    const f = u.facts;
    return [
      u.id,
      u.provider,
      u.model,
      u.route,
      u.region,
      u.targetOf,
      u.currentOf,
      u.pricedFor,
      u.alternativeOf,
      ctx.catalog ? yes(f !== null) : 'no catalog given',
      f?.displayName ?? null,
      f?.authorization.value.maxClassification ?? null,
      f?.authorization.value.status ?? null,
      f?.authorization.value.impactLevel ?? null,
      f?.authorization.value.basis ?? null,
      f?.authorization.source ?? null,
      f?.authorization.asOf ?? null,
      f ? yes(f.authorization.confirmed) : null,
      f?.prices.input ?? null,
      f?.prices.output ?? null,
      f?.prices.cachedInput ?? null,
      f?.prices.basis ?? null,
      f?.prices.source ?? null,
      f?.prices.asOf ?? null,
      f ? yes(f.prices.confirmed) : null,
      f?.contextWindow.value ?? null,
      f?.tokenizerFactor.value ?? null,
      f?.deprecationDate.value ?? null,
      f?.listing.source ?? null,
      f?.listing.asOf ?? null,
    ];
  });
  const note = ctx.catalog
    ? `Facts from the workspace catalog at export (${ctx.catalog.meta.origin}, prices resolved for ${ctx.catalog.meta.priceDate}); the plan was computed on: ${plan.catalog.source}, as of ${plan.catalog.asOf}.`
    : `No catalog was given to this export; the plan was computed on: ${plan.catalog.source}, as of ${plan.catalog.asOf}.`;
  tableSheet(wb, 'Catalog', columns, rows, { freezeColumns: 1, trailer: [{ values: ['Note', note] }] });
}

export const SHEETS = ['Summary', 'Workloads', 'Waves', 'Costs', 'Risks', 'Assumptions', 'Catalog'] as const;

/** The workbook's bytes. `onProgress` is called after each sheet and before the file is written. */
export async function planToXlsx(plan: Plan, ctx: ExportContext = {}, onProgress?: ExportProgress): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = ctx.generator ?? 'Bridgehead';
  wb.title = `Bridgehead plan: ${plan.scenario.name}`.slice(0, 250);
  // Core never reads the clock: the workbook is dated by the export (or the plan's start).
  const when = isoToDate(ctx.generatedAt ?? ctx.createdAt ?? plan.scenario.startDate) ?? new Date(0);
  wb.created = when;
  wb.modified = when;
  const steps: [string, () => void][] = [
    ['Summary', () => summarySheet(wb, plan, ctx)],
    ['Workloads', () => workloadsSheet(wb, plan)],
    ['Waves', () => wavesSheet(wb, plan)],
    ['Costs', () => costsSheet(wb, plan)],
    ['Risks', () => risksSheet(wb, plan)],
    ['Assumptions', () => assumptionsSheet(wb, plan)],
    ['Catalog', () => catalogSheet(wb, plan, ctx)],
  ];
  const total = steps.length + 1;
  steps.forEach(([name, build], i) => {
    build();
    onProgress?.(i + 1, total, `${name} sheet`);
  });
  const buffer: unknown = await wb.xlsx.writeBuffer();
  onProgress?.(total, total, 'workbook written');
  // exceljs types it as its own Buffer interface; in Node it is a Buffer, which is a Uint8Array.
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
