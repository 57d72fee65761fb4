#!/usr/bin/env node
/**
 * Native module set-up after `npm install` / `npm ci`.
 *
 * better-sqlite3 is installed twice: `better-sqlite3` for Electron and the npm alias
 * `better-sqlite3-node` for Node (CLI, `serve`, tests). When the Electron binary is present the
 * first copy is rebuilt for Electron's ABI; where it is absent (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on
 * machines that cannot download it) that step is skipped and says why. Both copies are then
 * loaded once to prove each matches its runtime's ABI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const log = (line) => process.stdout.write(`[bridgehead postinstall] ${line}\n`);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws without it
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function checkNodeCopy() {
  const Database = require('better-sqlite3-node');
  new Database(':memory:').close();
  log(`better-sqlite3-node loads in Node ${process.version} (ABI ${process.versions.modules}).`);
}

async function rebuildForElectron(binary) {
  const electronVersion = require('electron/package.json').version;
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    log('@electron/rebuild is not installed (production install?): skipping the Electron rebuild.');
    return;
  }
  // A global npm_config_nodedir points node-gyp at Node's headers, which would silently build
  // for Node's ABI instead of Electron's: drop it for this step.
  delete process.env.npm_config_nodedir;
  delete process.env.NPM_CONFIG_NODEDIR;
  log(`Rebuilding better-sqlite3 for Electron ${electronVersion}…`);
  await rebuild({ buildPath: process.cwd(), electronVersion, onlyModules: ['better-sqlite3'], force: true });
  // Prove it: load the rebuilt copy inside Electron running as Node.
  const abi = execFileSync(
    binary,
    ['-e', "const D=require('better-sqlite3'); new D(':memory:').close(); process.stdout.write(process.versions.modules)"],
    { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' },
  );
  log(`better-sqlite3 loads in Electron ${electronVersion} (ABI ${abi.trim()}).`);
}

try {
  const binary = electronBinary();
  if (binary) await rebuildForElectron(binary);
  else {
    log(
      'Electron binary not present (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?): skipping the Electron rebuild. ' +
        'The CLI, `bridgehead serve` and the tests do not need it; `npm start` does.',
    );
  }
  checkNodeCopy();
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
