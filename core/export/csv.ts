/**
 * The per-workload plan as CSV, safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with `=`, `+`,
 * `-` or `@` (tab, CR and LF too) as a formula, and Excel in East Asian locales also reads the
 * full-width forms ＝ ＋ － ＠. Every TEXT cell that begins with one of them — after any leading
 * blanks — or has a line that does (a multi-line value pasted or split by a line-oriented tool),
 * gets a leading apostrophe, which spreadsheets show as a text marker. Number columns are written as
 * plain numbers and never prefixed: `-1250.5` in a money column is a number, not a formula.
 *
 * RFC 4180: CRLF between records, quotes only where needed; `bom: true` starts the file with a
 * UTF-8 byte-order mark so Excel does not read it in the machine's legacy code page.
 */
import { stringify } from 'csv-stringify/sync';
import type { Plan } from '../planning/plan-schema';
import { WORKLOAD_COLUMNS, type CellKind, type CellValue } from './rows';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (for Excel). Default false. */
  bom?: boolean;
}

/** Characters a spreadsheet starts a formula with, full-width and small forms included. */
const TRIGGERS = '=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B';
/** Blanks a spreadsheet may skip before the trigger (spaces, NBSP, zero-width, BOM). */
const BLANKS = '\\s\\u200B-\\u200D\\u2060\\uFEFF';
const LINE_STARTS_WITH_TRIGGER = new RegExp(`(?:^|[\\r\\n\\u000B\\u000C\\u0085\\u2028\\u2029])[${BLANKS}]*[${escapeClass(TRIGGERS)}]`, 'u');

function escapeClass(chars: string): string {
  return chars.replace(/[-\\\]^]/g, '\\$&');
}

/** True when a spreadsheet could read this text cell as a formula. */
export function isFormulaRisk(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  if (first === 0x09 || first === 0x0d || first === 0x0a) return true;
  return LINE_STARTS_WITH_TRIGGER.test(text);
}

/** A text cell as written: with a leading apostrophe when a spreadsheet could run it. */
export function neutraliseCell(text: string): string {
  return isFormulaRisk(text) ? `'${text}` : text;
}

/** A number in plain decimal form (no exponent below 1e21, no thousands separators). */
function numberText(n: number, kind: CellKind): string {
  if (!Number.isFinite(n)) return '';
  const rounded = kind === 'usd' ? Math.round(n * 100) / 100 : kind === 'share' ? Math.round(n * 10_000) / 10_000 : kind === 'hours' ? Math.round(n * 100) / 100 : n;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function cellText(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value, kind);
  if (kind === 'date') return value;
  return neutraliseCell(value);
}

const STRINGIFY_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true, eof: true } as const;

/** One row a workload, in plan order, every column of `WORKLOAD_COLUMNS`. */
export function planToCsv(plan: Plan, options: CsvOptions = {}): string {
  const records: string[][] = [WORKLOAD_COLUMNS.map((c) => c.key)];
  for (const w of plan.workloads) records.push(WORKLOAD_COLUMNS.map((c) => cellText(c.value(w), c.kind)));
  const text = stringify(records, STRINGIFY_OPTIONS);
  return options.bom ? `\uFEFF${text}` : text;
}
