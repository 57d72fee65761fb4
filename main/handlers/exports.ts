/**
 * Export handlers: load a saved plan and the workspace catalog, export through the export service
 * (progress as push events), then write the file or hand the bytes back (see core/api/exports.ts).
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../core/api/errors';
import type { ParsedRequestOf } from '../../core/api';
import type { ExportFormat } from '../../core/export';
import type { Plan } from '../../core/planning';
import { getPlanData } from '../../db/repositories/plans';
import { getCatalog } from '../catalog/catalog-store';
import { exportPlan, writeExportFile, type ExportResult } from '../export/service';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

const LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook',
  csv: 'CSV',
  md: 'Markdown briefing',
  html: 'HTML briefing',
  pdf: 'PDF briefing',
  json: 'plan JSON',
  gateway: 'gateway config',
  evals: 'evaluation configs',
};

export function exportHandlers(ctx: HandlerContext): HandlerPart<'plan.export' | 'plan.exportDownload'> {
  async function run(req: ParsedRequestOf<'plan.exportDownload'>): Promise<ExportResult> {
    const ws = ctx.workspace();
    const found = getPlanData(ws.db, req.id);
    if (!found) throw new ApiError('not_found', req.id === 'latest' ? 'There is no plan yet: run one first.' : `There is no plan ${req.id}.`);
    const taskId = req.taskId ?? `export:${randomUUID()}`;
    const label = `Exporting plan ${found.meta.id} as ${LABELS[req.format]}`;
    ctx.events.emit({ type: 'progress', taskId, label, done: 0, total: null, finished: false });
    try {
      return await exportPlan(found.plan as Plan, req.format, {
        csvBom: req.csvBom,
        paper: req.paper,
        context: { planId: found.meta.id, createdAt: found.meta.createdAt, catalog: getCatalog(ws) },
        pdfRenderer: ctx.pdfRenderer,
        onProgress: (done, total, step) => ctx.events.emit({ type: 'progress', taskId, label: `${label}: ${step}`, done, total, finished: false }),
      });
    } finally {
      ctx.events.emit({ type: 'progress', taskId, label, done: 1, total: 1, finished: true });
    }
  }

  return {
    'plan.export': async (req) => {
      const result = await run(req);
      writeExportFile(req.path, result.bytes);
      return { path: req.path, bytes: result.bytes.byteLength, format: result.format, mime: result.mime, suggestedName: result.suggestedName };
    },
    'plan.exportDownload': async (req) => {
      const result = await run(req);
      return {
        format: result.format,
        mime: result.mime,
        suggestedName: result.suggestedName,
        bytes: result.bytes.byteLength,
        base64: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength).toString('base64'),
      };
    },
  };
}
