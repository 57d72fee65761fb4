/** Entry point run by bin/bridgehead.js. Long-running commands (serve) keep the process alive. */
import { runCli } from './index';

// `bridgehead … | head` closes stdout early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
