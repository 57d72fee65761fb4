/**
 * The `bridgehead` command line. Exit codes: 0 success, 1 rows rejected or a check failed,
 * 2 usage errors or unreadable input.
 */
import { Command, CommanderError } from 'commander';
import { ApiError } from '../../core/api';
import { APP_NAME, appVersion } from '../paths';
import { registerBuildUi } from './commands/build-ui';
import { registerCatalog } from './commands/catalog';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerInventory } from './commands/inventory';
import { registerPlan } from './commands/plan';
import { registerServe } from './commands/serve';
import { registerWorkspace } from './commands/workspace';
import { CliError, EXIT } from './output';

export function buildProgram(): Command {
  const program = new Command('bridgehead')
    .description(`${APP_NAME}: plan the move of AI workloads off one model vendor.`)
    .version(appVersion())
    .showHelpAfterError()
    .exitOverride();
  registerImport(program);
  registerInventory(program);
  registerPlan(program);
  registerExport(program);
  registerCatalog(program);
  registerServe(program);
  registerWorkspace(program);
  registerBuildUi(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`bridgehead: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ApiError) {
      process.stderr.write(`bridgehead: ${error.message}\n`);
      return error.code === 'internal' ? EXIT.rejected : EXIT.usage;
    }
    process.stderr.write(`bridgehead: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}
