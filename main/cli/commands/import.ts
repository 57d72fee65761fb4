import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ColumnMapping } from '../../../core/api/inventory';
import { isFileErrorCode } from '../../../core/inventory/errors';
import { call } from '../api';
import { CliError, EXIT, printJson, printLine } from '../output';
import { withSession } from '../session';

/**
 * A file-level problem means the file could not be read as a CSV inventory at all (exit 2, like
 * an unreadable file) — except a column mapping problem, which is about rows (exit 1).
 */
const MAPPING_PROBLEMS = new Set(['missing_required_column', 'duplicate_column', 'bad_mapping']);
const unreadableFile = (code: string): boolean => isFileErrorCode(code) && !MAPPING_PROBLEMS.has(code);

interface ImportOptions {
  workspace?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  mapping?: string;
  json?: boolean;
}

function readMapping(path: string): ColumnMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read the mapping file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ColumnMapping.safeParse(raw);
  if (!parsed.success) {
    throw new CliError(`The mapping file ${path} must be a JSON object of "Header in file": "canonical_column" | "custom" | null.`);
  }
  return parsed.data;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import a workload inventory CSV (all or nothing unless --skip-invalid)')
    .argument('<file>', 'CSV or tab-separated file (UTF-8, UTF-16 with BOM, or Windows-1252)')
    .option('--workspace <path>', 'workspace file')
    .option('--skip-invalid', 'import the valid rows even when some rows have errors')
    .option('--replace', 'replace the inventory instead of merging by id')
    .option('--mapping <file.json>', 'column mapping: {"Header in file": "canonical_column" | "custom" | null}')
    .option('--json', 'print exactly one JSON object')
    .action(async (file: string, opts: ImportOptions) => {
      const mapping = opts.mapping ? readMapping(opts.mapping) : undefined;
      await withSession(opts.workspace, async (session) => {
        // One pass: rows are written as they are checked, and kept only if the whole import may be.
        const result = await call(session, 'inventory.import', {
          file: { kind: 'path', path: resolve(file) },
          ...(mapping ? { mapping } : {}),
          skipInvalid: Boolean(opts.skipInvalid),
          replace: Boolean(opts.replace),
          maxErrors: 10_000,
        });
        const unreadable = result.errors.some((e) => unreadableFile(e.code));
        if (opts.json) {
          printJson({
            imported: result.imported,
            updated: result.updated,
            unchanged: result.unchanged,
            rejected: result.rejected,
            errors: result.errors,
            warnings: result.warnings,
          });
        } else {
          printLine(`${result.fileName}: ${result.rowCount} rows (${result.encoding}, ${result.delimiter === '\t' ? 'tab' : `"${result.delimiter}"`}-separated)`);
          for (const e of result.errors.slice(0, 50)) {
            printLine(`  ${e.message} [${e.code}]`);
          }
          if (result.errorCount > 50) printLine(`  … and ${result.errorCount - 50} more errors (use --json for all)`);
          for (const w of result.warnings) printLine(`  warning: ${w}`);
          if (result.committed) {
            printLine(
              `Imported ${result.imported} new, updated ${result.updated}, unchanged ${result.unchanged}` +
                (result.rejected ? `, rejected ${result.rejected}` : '') +
                (result.removed ? `, removed ${result.removed}` : result.missingFromFile ? `; ${result.missingFromFile} stored workloads are not in this file (kept)` : '') +
                '.',
            );
          } else {
            printLine(
              unreadable || result.validCount === 0
                ? 'Nothing was imported.'
                : `Nothing was imported: ${result.rejected} rows have errors. Fix them, or use --skip-invalid to import the ${result.validCount} valid rows.`,
            );
          }
        }
        // 2: the file cannot be read as CSV at all; 1: it was read but rows were rejected.
        if (unreadable) process.exitCode = EXIT.usage;
        else if (result.rejected > 0 || !result.committed) process.exitCode = EXIT.rejected;
      });
    });
}
