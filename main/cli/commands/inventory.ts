import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { inventoryTemplateCsv, inventoryToCsv, workloadToCanonicalRecord } from '../../../core/inventory';
import { allWorkloads } from '../../../db/repositories/workloads';
import { CliError, printJson, printLine } from '../output';
import { withSession } from '../session';

function write(path: string, text: string): void {
  try {
    writeFileSync(resolve(path), text, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerInventory(program: Command): void {
  const inventory = program.command('inventory').description('List, export or template the workload inventory');

  inventory
    .command('list')
    .description('List the workloads')
    .option('--workspace <path>', 'workspace file')
    .option('--json', 'print {"workloads":[…]} with canonical snake_case columns')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      await withSession(opts.workspace, async (session) => {
        const workloads = allWorkloads(session.workspace().db);
        if (opts.json) return printJson({ workloads: workloads.map((w) => workloadToCanonicalRecord(w)) });
        if (workloads.length === 0) return printLine('The inventory is empty. Import one with `bridgehead import FILE.csv`.');
        const width = Math.min(24, Math.max(...workloads.map((w) => w.id.length)));
        for (const w of workloads) {
          printLine(`${w.id.padEnd(width)}  ${w.vendor.padEnd(9)} ${w.missionArea.padEnd(22)} ${(w.classification ?? 'unknown').padEnd(12)} ${w.name}`);
        }
        printLine(`${workloads.length} workloads`);
      });
    });

  inventory
    .command('export')
    .description('Write the inventory as CSV in canonical columns (re-importable)')
    .argument('<file.csv>', 'where to write')
    .option('--workspace <path>', 'workspace file')
    .action(async (file: string, opts: { workspace?: string }) => {
      await withSession(opts.workspace, async (session) => {
        const workloads = allWorkloads(session.workspace().db);
        write(file, inventoryToCsv(workloads));
        printLine(`Wrote ${workloads.length} workloads to ${resolve(file)}`);
      });
    });

  inventory
    .command('template')
    .description('Write a blank inventory template with the canonical columns')
    .argument('<file.csv>', 'where to write')
    .action((file: string) => {
      write(file, inventoryTemplateCsv());
      printLine(`Wrote the inventory template to ${resolve(file)}`);
    });
}
