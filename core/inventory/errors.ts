/**
 * The problems an inventory import can report. Codes are stable strings: the CLI prints them in
 * `--json`, the UI groups by them and tests assert on them, so add codes rather than rename them.
 */

/** Problems with one cell or one row; the rest of the file is still checked. */
export const ROW_ERROR_CODES = [
  'missing_required',
  'bad_number',
  'unknown_enum',
  'duplicate_id',
  'too_long',
  'bad_list_item',
  'bad_boolean',
  /** An id that cannot be referenced from depends_on (contains `;`, a line break or a control character). */
  'bad_id',
  /** More non-empty cells than the header has columns: the extra text would otherwise be lost. */
  'extra_fields',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

/** Problems that stop the file being read as an inventory at all (no rows are produced). */
export const FILE_ERROR_CODES = [
  'empty_file',
  'header_only',
  'binary_file',
  'unsupported_encoding',
  'record_too_large',
  'unterminated_quote',
  /** A quote inside an unquoted cell, or text right after a closing quote (RFC 4180 quoting broken on one line). */
  'bad_quote',
  /** Any other CSV structure csv-parse refuses (none is known with the options used; kept as a safety net). */
  'malformed_csv',
  'missing_required_column',
  /** Two columns claim the same canonical column and nothing says which one is meant. */
  'duplicate_column',
  /** A user mapping names a target that is not a canonical column, `custom` or null. */
  'bad_mapping',
  'cancelled',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export type ImportErrorCode = RowErrorCode | FileErrorCode;

/**
 * One problem, in the exact shape the CLI's `--json` prints. `line` is the physical line (1 = the
 * header) where the record starts; `column` is the header as written in the file (or the canonical
 * name for a missing column); both are null where they mean nothing (e.g. an empty file).
 */
export interface ImportError {
  line: number | null;
  column: string | null;
  value: string | null;
  code: ImportErrorCode;
  message: string;
}

const FILE_CODES: ReadonlySet<string> = new Set(FILE_ERROR_CODES);
export const isFileErrorCode = (code: string): code is FileErrorCode => FILE_CODES.has(code);

/** Thrown inside the pipeline for a file-level problem; previewInventory turns it into an ImportError. */
export class InventoryFileError extends Error {
  readonly code: FileErrorCode;
  readonly line: number | null;
  constructor(code: FileErrorCode, message: string, line: number | null = null) {
    super(message);
    this.name = 'InventoryFileError';
    this.code = code;
    this.line = line;
  }
  toImportError(): ImportError {
    return { line: this.line, column: null, value: null, code: this.code, message: this.message };
  }
}

/** Longest cell text echoed back in an error; a 1 MB cell must not make a 1 MB error message. */
export const ERROR_VALUE_PREVIEW_CHARS = 200;

/** Shortens a cell for an error's `value` and message, saying how much was cut. */
export function previewValue(value: string): string {
  if (value.length <= ERROR_VALUE_PREVIEW_CHARS) return value;
  return `${value.slice(0, ERROR_VALUE_PREVIEW_CHARS)}… (${value.length.toLocaleString('en-US')} characters)`;
}
