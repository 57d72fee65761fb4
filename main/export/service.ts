/**
 * The export service: a plan and a format in, the file's bytes, a suggested file name and a MIME
 * type out. The `plan.export` / `plan.exportDownload` handlers and `bridgehead export` all come
 * through here, so every face writes the same bytes.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { ApiError } from '../../core/api/errors';
import {
  FORMAT_INFO,
  planToCsv,
  planToEvalsYaml,
  planToGatewayYaml,
  planToHtml,
  planToJson,
  planToMarkdown,
  planToXlsx,
  suggestedFileName,
  validatePlan,
  type ExportContext,
  type ExportFormat,
  type ExportProgress,
} from '../../core/export';
import type { Plan } from '../../core/planning';
import { APP_NAME, appVersion } from '../paths';
import { chromiumPdfRenderer, type PdfRenderer } from './pdf';

export interface ExportOptions {
  /** CSV only: start with a UTF-8 byte-order mark, for Excel. */
  csvBom?: boolean;
  /** HTML and PDF: the paper the print layout names (both fit either way). Default letter for PDF. */
  paper?: 'a4' | 'letter';
  /** Plan id, dates and the workspace catalog (for the offerings' facts). */
  context?: ExportContext;
  /** PDF: how HTML becomes PDF. Default headless Chromium; the desktop app passes Electron's printToPDF. */
  pdfRenderer?: PdfRenderer;
  onProgress?: ExportProgress;
}

export interface ExportResult {
  bytes: Uint8Array;
  suggestedName: string;
  mime: string;
  format: ExportFormat;
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Checks the plan against its schema first, so an old or damaged plan fails with its paths named. */
export async function exportPlan(plan: Plan, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  const checked = validatePlan(plan);
  if (!checked.ok) {
    const shown = checked.issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`);
    throw new ApiError(
      'invalid_file',
      `The plan does not match the plan schema, so it cannot be exported (${checked.issues.length} problems): ${shown.join('; ')}${checked.issues.length > 10 ? '; …' : ''}. Re-run the plan with this Bridgehead.`,
      checked.issues,
    );
  }
  const ctx: ExportContext = {
    generatedAt: new Date().toISOString(),
    generator: `${APP_NAME} ${appVersion()}`,
    ...options.context,
  };
  const progress = options.onProgress ?? (() => {});
  let bytes: Uint8Array;
  switch (format) {
    case 'xlsx':
      bytes = await planToXlsx(plan, ctx, progress);
      break;
    case 'csv':
      bytes = utf8(planToCsv(plan, { bom: options.csvBom ?? false }));
      break;
    case 'md':
      bytes = utf8(planToMarkdown(plan, ctx));
      break;
    case 'html':
      bytes = utf8(planToHtml(plan, ctx, { paper: options.paper ?? null }));
      break;
    case 'pdf': {
      progress(1, 3, 'briefing laid out');
      const html = planToHtml(plan, ctx, { paper: options.paper ?? 'letter' });
      progress(2, 3, 'printing to PDF');
      bytes = await (options.pdfRenderer ?? chromiumPdfRenderer())(html);
      progress(3, 3, 'PDF written');
      break;
    }
    case 'json':
      bytes = utf8(planToJson(plan));
      break;
    case 'gateway':
      bytes = utf8(planToGatewayYaml(plan, ctx));
      break;
    case 'evals':
      bytes = utf8(planToEvalsYaml(plan, ctx));
      break;
  }
  return {
    bytes,
    suggestedName: suggestedFileName(format, { scenarioName: plan.scenario.name, planId: ctx.planId ?? null }),
    mime: FORMAT_INFO[format].mime,
    format,
  };
}

/**
 * Writes an export where the user chose: the path must be absolute and its folder must exist.
 * The bytes go to a temporary file beside it first and are renamed into place, so a failed write
 * never leaves half a file under the chosen name.
 */
export function writeExportFile(path: string, bytes: Uint8Array): void {
  if (!isAbsolute(path)) throw new ApiError('bad_request', `The export path must be absolute, got "${path}".`);
  let dirOk = false;
  try {
    dirOk = statSync(dirname(path)).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new ApiError('not_found', `The folder ${dirname(path)} does not exist.`);
  try {
    if (statSync(path).isDirectory()) throw new ApiError('bad_request', `${path} is a folder: give a file name.`);
  } catch (error) {
    if (error instanceof ApiError) throw error;
  }
  const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ApiError('internal', `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
