/**
 * The import pipeline up to (not including) the commit: bytes in, an ImportPreview out, with
 * every row either a valid Workload or a list of errors. Nothing is written anywhere; the caller
 * (API handler, CLI) decides what to commit — all rows, the valid rows (`--skip-invalid`) or none.
 *
 * Work happens while the file streams through the parser, one record at a time, so memory holds
 * the workloads and the errors but never a second copy of the file as text.
 */
import { type DetectedEncoding, encodingWarning } from './decode';
import { dependencyWarnings, type DependencyNode } from './dependencies';
import { type ImportError, InventoryFileError } from './errors';
import { type ColumnAssignment, type HeaderMatch, type MappingOverride, type MappingTarget, matchHeaders } from './headers';
import { type CsvDetected, type CsvRecord, type Delimiter, type LineEnding, parseCsv } from './parse';
import { type CanonicalColumn, type Workload } from './schema';
import { checkRecord, compileRowPlan, locate, type RowPlan } from './validate';

export interface PreviewOptions {
  /** The user's column mapping (import dialog, `--mapping FILE.json`). */
  mapping?: MappingOverride;
  /** Ids already in the inventory: a depends_on naming one of them is not "unknown". */
  existingIds?: Iterable<string>;
  /** Force an encoding (iconv-lite name) instead of detecting it. */
  encoding?: string;
  /** Force a delimiter instead of sniffing it. */
  delimiter?: Delimiter;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal;
  /**
   * Most errors (and, separately, warnings) kept in the preview; the counts stay exact. A 200 MB
   * file of garbage must not turn into gigabytes of messages. Default 10,000.
   */
  maxErrors?: number;
  /** Raw data records kept for the mapping dialog's preview. Default 20. */
  sampleSize?: number;
  /**
   * Receives each valid row as soon as it is checked, in file order, instead of the preview
   * keeping them (`rows` is then empty): a commit can write rows while the file is still being
   * read, and memory does not grow with the file.
   */
  onRow?: (workload: Workload, line: number) => void;
}

export interface ImportRow {
  /** Physical line the record starts on. */
  line: number;
  workload: Workload;
}

export interface ImportPreview {
  /** Null when the file could not be decoded (e.g. a binary file). */
  encoding: DetectedEncoding | null;
  delimiter: Delimiter | null;
  lineEnding: LineEnding | null;
  /** Header cells as written (trimmed; blank ones named "Column N"). */
  headers: string[];
  columns: ColumnAssignment[];
  /** Source header -> target, the shape of a `--mapping` file. */
  mapping: Record<string, MappingTarget>;
  missingRequiredColumns: CanonicalColumn[];
  /** Valid rows in file order. Empty when `fatal`. */
  rows: ImportRow[];
  /** The first data records as parsed, for the mapping dialog. */
  sample: { line: number; cells: string[] }[];
  /** Non-blank data records in the file (header excluded). */
  recordCount: number;
  /** Data records with at least one error (all of them when `fatal`). */
  invalidRecordCount: number;
  /** File-level errors first, then row errors in file order; capped at maxErrors. */
  errors: ImportError[];
  /** Total errors found, including any beyond the cap. */
  errorCount: number;
  errorsTruncated: boolean;
  warnings: string[];
  /** A file-level error means no row can be imported (not even with skip-invalid). */
  fatal: boolean;
}

const DEFAULT_MAX_ERRORS = 10_000;
const NO_DEPENDENCIES: readonly string[] = Object.freeze([]);
const DEFAULT_SAMPLE = 20;

/** Reads and checks an inventory CSV without committing anything. Never throws for a bad file. */
export async function previewInventory(bytes: Uint8Array, options: PreviewOptions = {}): Promise<ImportPreview> {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE;

  const fileErrors: ImportError[] = [];
  const rowErrors: ImportError[] = [];
  let errorCount = 0;
  const addRowErrors = (errs: readonly ImportError[]): void => {
    errorCount += errs.length;
    for (const e of errs) if (rowErrors.length < maxErrors) rowErrors.push(e);
  };

  let header: CsvRecord | null = null;
  let match: HeaderMatch | null = null;
  let plan: RowPlan | null = null;
  const rows: ImportRow[] = [];
  const sample: ImportPreview['sample'] = [];
  let recordCount = 0;
  let invalid = 0;
  const onRow = options.onRow;
  /** One node per distinct id (first occurrence), and where each id's node is: for duplicate_id and the dependency checks. */
  // Kept as columns rather than an object per row, and lists only when not empty: these live
  // for the whole file, and 100,000 small objects surviving every young-generation collection
  // cost more than the checks themselves.
  const nodeIds: string[] = [];
  let nodeLines = new Int32Array(1024);
  const nodeDeps = new Map<number, readonly string[]>();
  const nodeIndex = new Map<string, number>();

  const onRecord = (record: CsvRecord): void => {
    if (!header) {
      header = record;
      match = matchHeaders(record.cells, options.mapping, record.line);
      if (match.errors.length === 0) plan = compileRowPlan(match.columns);
      return;
    }
    recordCount++;
    if (sample.length < sampleSize) sample.push({ line: record.line, cells: record.cells });
    if (!plan) return; // the header is unusable; the file-level errors say why
    const row = record.row;
    const check = checkRecord(plan, record.cells, record.line, row);
    const errs = check.errors;
    if (check.id !== null) {
      // A repeated id is an error on the later rows; the first stays valid (and is the one a
      // skip-invalid import keeps), since it is the one the user most likely meant.
      const seenAt = nodeIndex.get(check.id);
      if (seenAt !== undefined) {
        const seen = nodeLines[seenAt]!;
        errs.push({
          line: record.line,
          column: plan.idHeader,
          value: check.id,
          code: 'duplicate_id',
          message: `${locate(record.line, row)}: the id ${JSON.stringify(check.id)} is already used on line ${seen}; ids must be unique (re-import updates by id).`,
        });
      } else {
        const n = nodeIds.length;
        nodeIndex.set(check.id, n);
        nodeIds.push(check.id);
        if (n === nodeLines.length) {
          const grown = new Int32Array(n * 2);
          grown.set(nodeLines);
          nodeLines = grown;
        }
        nodeLines[n] = record.line;
        if (check.dependsOn.length > 0) nodeDeps.set(n, check.dependsOn);
      }
    }
    if (errs.length > 0) {
      invalid++;
      addRowErrors(errs);
    } else if (check.workload) {
      if (onRow) onRow(check.workload, record.line);
      else rows.push({ line: record.line, workload: check.workload });
    }
  };

  let detected: CsvDetected | null = null;
  try {
    await parseCsv(bytes, onRecord, {
      encoding: options.encoding,
      delimiter: options.delimiter,
      onProgress: options.onProgress,
      onDetected: (d) => {
        detected = d;
      },
      signal: options.signal,
    });
  } catch (e) {
    if (!(e instanceof InventoryFileError)) throw e; // a bug, not a bad file: let it surface
    fileErrors.push(e.toImportError());
  }

  // Re-read through typed aliases: TypeScript cannot see the callbacks' assignments.
  const headerRecord = header as CsvRecord | null;
  const headerMatch = match as HeaderMatch | null;
  const parsed = detected as CsvDetected | null;
  const unreadable = fileErrors.length > 0;
  if (headerMatch) fileErrors.push(...headerMatch.errors);
  if (headerRecord && recordCount === 0 && !unreadable) {
    fileErrors.unshift({
      line: headerRecord.line,
      column: null,
      value: null,
      code: 'header_only',
      message: `Line ${headerRecord.line}: the file has a header row but no workloads below it.`,
    });
  }
  const fatal = fileErrors.length > 0;
  errorCount += fileErrors.length;

  const warnings: string[] = [];
  if (parsed) {
    const w = encodingWarning(parsed.encoding);
    if (w) warnings.push(w);
  }
  if (headerMatch) warnings.push(...headerMatch.warnings);
  if (!fatal) {
    const existing = options.existingIds ? new Set(options.existingIds) : undefined;
    const nodes: DependencyNode[] = nodeIds.map((id, i) => ({ id, line: nodeLines[i]!, dependsOn: nodeDeps.get(i) ?? NO_DEPENDENCIES }));
    const depWarnings = dependencyWarnings(nodes, existing, nodeIndex);
    const room = Math.max(0, maxErrors - warnings.length);
    warnings.push(...depWarnings.slice(0, room));
    if (depWarnings.length > room) warnings.push(`… and ${depWarnings.length - room} more dependency warnings.`);
  }

  const errors = [...fileErrors, ...rowErrors].slice(0, Math.max(maxErrors, fileErrors.length));
  return {
    encoding: parsed?.encoding ?? null,
    delimiter: parsed?.delimiter ?? null,
    lineEnding: parsed?.lineEnding ?? null,
    headers: headerMatch?.columns.map((c) => c.header) ?? [],
    columns: headerMatch?.columns ?? [],
    mapping: headerMatch?.mapping ?? {},
    missingRequiredColumns: headerMatch?.missingRequired ?? [],
    rows: fatal ? [] : rows,
    sample,
    recordCount,
    invalidRecordCount: fatal ? recordCount : invalid,
    errors,
    errorCount,
    errorsTruncated: errorCount > errors.length,
    warnings,
    fatal,
  };
}
