import type { Command } from 'commander';
import { buildRenderer } from '../../server/build-ui';

export function registerBuildUi(program: Command): void {
  program
    .command('build-ui')
    .description('Build the user interface used by `serve` (done automatically when missing)')
    .action(async () => {
      const out = await buildRenderer((line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`${out}\n`);
    });
}
