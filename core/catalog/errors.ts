import type { z } from 'zod';
import type { CatalogFormat } from '../common/enums';

export type CatalogImportErrorCode =
  | 'empty' // nothing in the file
  | 'not_json' // not parseable JSON (truncated, CSV, …)
  | 'wrong_kind' // JSON, but none of the supported formats
  | 'format_mismatch' // the format asked for is not what the file is
  | 'unsupported_version' // a Bridgehead export of another version
  | 'invalid' // the right kind of file, but its content does not validate
  | 'no_rows'; // the right kind of file with nothing usable in it

/** A price or catalog file that is refused. Nothing is changed when this is thrown. */
export class CatalogImportError extends Error {
  override readonly name = 'CatalogImportError';
  constructor(
    readonly code: CatalogImportErrorCode,
    message: string,
    /** The format that was expected, when one was (explicit --format or the detected one). */
    readonly expected: CatalogFormat | null = null,
  ) {
    super(message);
  }
}

/** The catalog (or the embedded default data) does not satisfy the schema. */
export class CatalogValidationError extends Error {
  override readonly name = 'CatalogValidationError';
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

/** `path.to.field: message` lines for the first `max` issues. */
export function describeZodIssues(error: z.ZodError, max = 8): string[] {
  const lines = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines;
}
