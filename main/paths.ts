/**
 * Where things live on disk. The default workspace sits in the same per-user folder Electron
 * uses as userData for "Bridgehead", so the desktop app, `serve` and the CLI share it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Bridgehead';
export const WORKSPACE_EXTENSION = '.bridgehead';

let root: string | undefined;

/** The checkout (or installed package) root: the nearest folder up with our package.json. */
export function appRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (pkg.name === 'bridgehead') return (root = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Bridgehead installation folder (package.json named "bridgehead").');
    dir = parent;
  }
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Per-user data folder; BRIDGEHEAD_DATA_DIR overrides it (tests, portable installs). */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BRIDGEHEAD_DATA_DIR) return resolve(env.BRIDGEHEAD_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), `workspace${WORKSPACE_EXTENSION}`);
}

export interface WorkspaceChoice {
  path: string;
  /** The default workspace starts as a demo; an explicitly named one starts empty. */
  isDefault: boolean;
}

/** `--workspace PATH` beats BRIDGEHEAD_WORKSPACE beats the default file. */
export function chooseWorkspace(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): WorkspaceChoice {
  if (flag) return { path: resolve(flag), isDefault: false };
  if (env.BRIDGEHEAD_WORKSPACE) return { path: resolve(env.BRIDGEHEAD_WORKSPACE), isDefault: false };
  return { path: defaultWorkspacePath(env), isDefault: true };
}

export const migrationsDir = (): string => join(appRoot(), 'db', 'migrations');
export const examplesDir = (): string => join(appRoot(), 'examples');
export const rendererOutDir = (): string => join(appRoot(), 'out', 'renderer');
