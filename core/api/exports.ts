/**
 * Export channels. Two ways out, because the faces differ in who can write a file:
 *
 *  - `plan.export` writes to an absolute path the caller chose (the desktop save dialog, the CLI's
 *    --out) and answers with the path and size;
 *  - `plan.exportDownload` answers with the file itself, base64-encoded, for the browser face, which
 *    cannot hand the server a path the user picked: the page turns it into a Blob and downloads it
 *    under `suggestedName`. It goes through the same dispatcher, token and Host/Origin checks as
 *    every other call — no extra HTTP route, and no token in a download URL.
 *
 * Long exports report progress as push events under `taskId` (generated when not given).
 */
import { z } from 'zod';
import { ExportFormat } from '../export/formats';
import { channel } from './channel';

const PlanRef = z.union([z.number().int().positive(), z.literal('latest')]);

const common = {
  id: PlanRef,
  format: ExportFormat,
  /** CSV: start with a UTF-8 byte-order mark (for Excel). */
  csvBom: z.boolean().optional(),
  /** HTML/PDF: the paper size the print layout names. */
  paper: z.enum(['a4', 'letter']).optional(),
  /** Chosen by the caller to follow progress events. */
  taskId: z.string().min(1).max(100).optional(),
};

export interface PlanExportResult {
  /** Where the file was written. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
  format: ExportFormat;
  mime: string;
  suggestedName: string;
}

export interface PlanDownloadResult {
  format: ExportFormat;
  mime: string;
  suggestedName: string;
  bytes: number;
  /** The file, base64-encoded. */
  base64: string;
}

export const exportChannels = {
  'plan.export': channel<PlanExportResult>()(
    z
      .object({
        ...common,
        /** Absolute path of the file to write (its folder must exist); an existing file is replaced. */
        path: z.string().min(1).max(4096),
      })
      .strict(),
    'Exports a saved plan (xlsx, csv, md, html, pdf, json, gateway, evals) to a file at an absolute path.',
  ),
  'plan.exportDownload': channel<PlanDownloadResult>()(
    z.object(common).strict(),
    'Exports a saved plan and returns the file base64-encoded, for faces that cannot write to a chosen path (the browser).',
  ),
} as const;
