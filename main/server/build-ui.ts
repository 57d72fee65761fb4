/**
 * `bridgehead serve` needs the built renderer. In a checkout right after `npm ci` there is none,
 * so it is built on first use (and again when renderer or core sources are newer than it).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, rendererOutDir } from '../paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(): boolean {
  const index = join(rendererOutDir(), 'index.html');
  if (!existsSync(index)) return true;
  const root = appRoot();
  const sources = ['renderer', 'core'].map((d) => join(root, d)).filter((d) => existsSync(d));
  if (sources.length === 0) return false; // an installed package ships only the build
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

export async function buildRenderer(log: (line: string) => void = () => {}): Promise<string> {
  const root = appRoot();
  log('Building the user interface…');
  const started = Date.now();
  const [{ build }, { rendererConfig }] = await Promise.all([import('vite'), import(join(root, 'electron.config.ts'))]);
  await build({ ...(rendererConfig as object), configFile: false, logLevel: 'warn' });
  log(`Built the user interface in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return rendererOutDir();
}

export async function ensureRendererBuilt(log: (line: string) => void = () => {}): Promise<string> {
  if (rendererIsStale()) await buildRenderer(log);
  return rendererOutDir();
}
