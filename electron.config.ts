/**
 * The one build config (electron-vite): main, preload and renderer. `bridgehead serve` builds the
 * renderer from the same `rendererConfig`, so the desktop and browser faces ship the same UI.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export const rendererConfig = {
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    // The UI must work air-gapped: no CDN, everything in the bundle.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: here('./renderer/index.html') },
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      rolldownOptions: { input: { index: here('./main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // A sandboxed preload cannot require modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: here('./main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
