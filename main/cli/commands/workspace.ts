import type { Command } from 'commander';
import { call } from '../api';
import { printJson, printLine } from '../output';
import { withSession } from '../session';

export function registerWorkspace(program: Command): void {
  const workspace = program.command('workspace').description('Show the workspace in use');
  workspace
    .command('info')
    .description('Name, path, schema version and counts of the workspace')
    .option('--workspace <path>', 'workspace file')
    .option('--json', 'print one JSON object')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      await withSession(opts.workspace, async (session) => {
        const info = await call(session, 'workspace.info', {});
        if (opts.json) return printJson(info);
        printLine(`Workspace  ${info.name}${info.isDemo ? ' (demo)' : ''}`);
        printLine(`Path       ${info.path}`);
        printLine(`Schema     ${info.schemaVersion}`);
        printLine(`Workloads  ${info.counts.workloads}`);
      });
    });
}
