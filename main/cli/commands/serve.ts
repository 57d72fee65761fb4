import type { Command } from 'commander';
import { startHttpServer } from '../../server/http';
import { ensureRendererBuilt } from '../../server/build-ui';
import { startSession } from '../../session';
import { CliError } from '../output';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the app in a browser on 127.0.0.1 (prints the URL to open, with its token)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '7410')
    .option('--workspace <path>', 'workspace file (default: your data folder, or BRIDGEHEAD_WORKSPACE)')
    .option('--no-build', 'do not build the UI even if it is missing or stale')
    .action(async (opts: { port: string; workspace?: string; build: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535, got "${opts.port}"`);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const staticDir = opts.build ? await ensureRendererBuilt(log) : null;
      const session = await startSession({ workspace: opts.workspace, face: 'browser' });
      let running;
      try {
        running = await startHttpServer({ session, port, staticDir });
      } catch (error) {
        session.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new CliError(`Port ${port} on 127.0.0.1 is in use: choose another with --port N, or --port 0 for any free port.`);
        }
        throw error;
      }
      log(`Workspace: ${session.workspace().path}`);
      process.stdout.write(`Bridgehead is serving on ${running.url}\n`);
      const stop = () => {
        void running.close().then(() => {
          session.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
