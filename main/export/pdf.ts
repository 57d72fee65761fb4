/**
 * The HTML briefing to PDF. Whoever starts the session chooses the renderer:
 *
 *  - the desktop app passes one built on Electron's `webContents.printToPDF` (main/electron; this
 *    file never imports electron), e.g.
 *      `startSession({ …, pdfRenderer: (html) => printHtmlWithElectron(html) })`;
 *  - the CLI and the browser face use headless Chromium when one is installed
 *    (`CHROMIUM_PATH`, else /usr/bin/chromium, chromium-browser, google-chrome), and otherwise
 *    fail with a message that says what is needed.
 *
 * Chromium runs with a throwaway profile, no network (every host name resolves to nothing, and the
 * HTML's Content-Security-Policy allows no external resource anyway), no extensions, and a time limit.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../core/api/errors';

/** Renders a self-contained HTML document to PDF bytes. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class PdfUnavailableError extends ApiError {
  constructor(message: string) {
    super('bad_request', message);
    this.name = 'PdfUnavailableError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use: `CHROMIUM_PATH` when set (it must exist), else the first installed candidate. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) return executable(chosen) ? chosen : null;
  return CHROMIUM_CANDIDATES.find(executable) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'A PDF needs Chromium (or Chrome), and none was found: install it (on Debian/Ubuntu `apt-get install chromium`) or set CHROMIUM_PATH to its executable. ' +
  'Meanwhile, export the HTML briefing (--format html) and print it to PDF from any browser: it carries its own print layout.';

export interface ChromiumOptions {
  /** Executable; default `findChromium()`. */
  executable?: string | null;
  /** Milliseconds before Chromium is stopped. Default 120 s (a 10,000-workload briefing prints in a few seconds). */
  timeoutMs?: number;
}

/** A PdfRenderer using headless Chromium's --print-to-pdf. Throws PdfUnavailableError when there is none. */
export function chromiumPdfRenderer(options: ChromiumOptions = {}): PdfRenderer {
  return async (html) => {
    const exe = options.executable === undefined ? findChromium() : options.executable;
    if (!exe) {
      const set = process.env.CHROMIUM_PATH?.trim();
      throw new PdfUnavailableError(set ? `CHROMIUM_PATH is set to ${set}, which is not an executable. ${NO_CHROMIUM_MESSAGE}` : NO_CHROMIUM_MESSAGE);
    }
    const dir = mkdtempSync(join(tmpdir(), 'bridgehead-pdf-'));
    try {
      const input = join(dir, 'briefing.html');
      const output = join(dir, 'briefing.pdf');
      writeFileSync(input, html);
      const args = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--disable-default-apps',
        '--no-first-run',
        '--no-default-browser-check',
        '--mute-audio',
        '--hide-scrollbars',
        // Nothing resolves: the briefing is self-contained, and an air-gapped machine must not try.
        '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${output}`,
        pathToFileURL(input).href,
      ];
      await new Promise<void>((resolve, reject) => {
        execFile(exe, args, { timeout: options.timeoutMs ?? 120_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
          if (error) {
            const detail = String(stderr).trim().split('\n').slice(-3).join(' ');
            reject(new ApiError('internal', `Chromium (${exe}) could not print the briefing: ${error.killed ? 'timed out' : error.message}${detail ? ` — ${detail}` : ''}`));
          } else resolve();
        });
      });
      let bytes: Buffer;
      try {
        bytes = readFileSync(output);
      } catch {
        throw new ApiError('internal', `Chromium (${exe}) ran but wrote no PDF.`);
      }
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ApiError('internal', `Chromium (${exe}) wrote something that is not a PDF.`);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
