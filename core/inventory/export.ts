/**
 * Inventory to CSV, for round trips: `bridgehead inventory export` and the blank template.
 * Importing the output gives back the same workloads, so values are written in the form the
 * importer reads them: canonical values, lists joined with `;`, unknown as an empty cell, numbers
 * in JavaScript's shortest round-trip form, text exactly as stored.
 *
 * Deliberately NOT formula-neutralised: a name `=HYPERLINK(...)` is written as is, because
 * prefixing it would change the data on re-import. The plan exports (which people open in Excel
 * to read, not to re-import) neutralise formulas.
 */
import { stringify } from 'csv-stringify/sync';
import { CANONICAL_COLUMNS, COLUMN_SPECS, type Workload } from './schema';

export interface CsvExportOptions {
  /**
   * Start with a UTF-8 byte-order mark (default true): without it Excel reads UTF-8 as the
   * machine's legacy code page and garbles accented letters. The importer strips it.
   */
  bom?: boolean;
}

/**
 * CRLF between records (RFC 4180, and what Excel writes). `quote_record_delimiter` must be set:
 * with an explicit record_delimiter, csv-stringify otherwise quotes only cells containing the
 * whole "\r\n" and writes a lone "\n" or "\r" unquoted, which splits the record on re-import.
 */
const STRINGIFY_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true, eof: true } as const;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return String(value);
}

/**
 * Custom attribute columns in order of first appearance, after the canonical ones. A missing
 * attribute is an empty cell, which the importer reads back as absent.
 */
export function customColumns(workloads: readonly Workload[]): string[] {
  const seen = new Set<string>();
  for (const w of workloads) for (const k of Object.keys(w.custom)) seen.add(k);
  return [...seen];
}

/** RFC 4180 CSV (CRLF line ends, quotes only where needed) in canonical columns. */
export function inventoryToCsv(workloads: readonly Workload[], options: CsvExportOptions = {}): string {
  const custom = customColumns(workloads);
  const records: string[][] = [[...CANONICAL_COLUMNS, ...custom]];
  for (const w of workloads) {
    const row = COLUMN_SPECS.map((s) => cellText(w[s.field]));
    for (const key of custom) row.push(Object.prototype.hasOwnProperty.call(w.custom, key) ? (w.custom[key] ?? '') : '');
    records.push(row);
  }
  const text = stringify(records, STRINGIFY_OPTIONS);
  return (options.bom ?? true) ? `\uFEFF${text}` : text;
}

/** A header-only CSV with every canonical column, for users starting an inventory from scratch. */
export function inventoryTemplateCsv(options: CsvExportOptions = {}): string {
  const text = stringify([[...CANONICAL_COLUMNS]], STRINGIFY_OPTIONS);
  return (options.bom ?? true) ? `\uFEFF${text}` : text;
}
