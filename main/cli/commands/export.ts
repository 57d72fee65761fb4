/**
 * `bridgehead export PLAN --format F --out PATH`: a saved plan to a file, through the same
 * `plan.export` channel the desktop app calls. `bridgehead validate-plan FILE`: a plan JSON file
 * against the plan schema (exit 0 valid, 1 invalid with the failing paths, 2 unreadable or not JSON).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, validatePlan, type ExportFormat } from '../../../core/export';
import { call } from '../api';
import { CliError, EXIT, printJson, printLine } from '../output';
import { withSession } from '../session';

interface ExportOptions {
  format: ExportFormat;
  out: string;
  workspace?: string;
  bom?: boolean;
  paper?: 'a4' | 'letter';
}

export function planRef(value: string): number | 'latest' {
  if (value === 'latest') return 'latest';
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`PLAN must be a plan id (a whole number from 1) or "latest", got "${value}"`);
  return n;
}

/** Issues shown on the terminal for an invalid plan; `--json` gives all of them. */
const SHOWN_ISSUES = 200;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export a saved plan: Excel workbook, CSV, Markdown/HTML/PDF briefing, plan JSON, gateway (LiteLLM) or evaluation (promptfoo) config')
    .argument('<plan>', 'plan id, or "latest"')
    .addOption(new Option('--format <format>', 'what to write').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <path>', 'file to write (replaced if it exists)')
    .option('--workspace <path>', 'workspace file')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark, for Excel')
    .addOption(new Option('--paper <size>', 'HTML/PDF: paper size for printing').choices(['a4', 'letter']))
    .action(async (plan: string, opts: ExportOptions) => {
      const id = planRef(plan);
      const path = resolve(opts.out);
      await withSession(opts.workspace, async (session) => {
        const showProgress = process.stderr.isTTY;
        const unsubscribe = session.events.subscribe((event) => {
          if (showProgress && event.type === 'progress' && !event.finished) process.stderr.write(`\r\x1b[K${event.label}`);
        });
        try {
          const result = await call(session, 'plan.export', {
            id,
            format: opts.format,
            path,
            ...(opts.bom ? { csvBom: true } : {}),
            ...(opts.paper ? { paper: opts.paper } : {}),
          });
          if (showProgress) process.stderr.write('\r\x1b[K');
          printLine(`Wrote ${result.path} (${result.bytes.toLocaleString('en-US')} bytes, ${result.format})`);
        } finally {
          unsubscribe();
        }
      });
    });

  program
    .command('validate-plan')
    .description('Check a plan JSON file against the plan schema (exit 0 valid, 1 invalid with the failing paths, 2 unreadable or not JSON)')
    .argument('<file>', 'plan JSON file, e.g. from `bridgehead plan --out` or `bridgehead export --format json`')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(resolve(file), 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
      }
      let value: unknown;
      try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new CliError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
      }
      const result = validatePlan(value);
      if (opts.json) {
        printJson(result.ok ? { valid: true, schemaVersion: result.plan.schemaVersion, workloads: result.plan.workloads.length } : { valid: false, issues: result.issues });
      } else if (result.ok) {
        printLine(`${file}: a valid Bridgehead plan (schemaVersion ${result.plan.schemaVersion}, ${result.plan.workloads.length} workloads)`);
      } else {
        printLine(`${file}: not a valid Bridgehead plan — ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}:`);
        for (const issue of result.issues.slice(0, SHOWN_ISSUES)) printLine(`  ${issue.path}: ${issue.message}`);
        if (result.issues.length > SHOWN_ISSUES) printLine(`  … and ${result.issues.length - SHOWN_ISSUES} more (--json lists all)`);
      }
      if (!result.ok) process.exitCode = EXIT.rejected;
    });
}
