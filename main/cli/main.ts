/** Entry point run by bin/bridgehead.js. Long-running commands (serve) keep the process alive. */
import { runCli } from './index';

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
