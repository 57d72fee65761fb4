import { createImportService, readImportFile, UI_ERROR_CAP } from '../inventory/import-service';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

export function inventoryImportHandlers(
  ctx: HandlerContext,
): HandlerPart<'inventory.preview' | 'inventory.commit' | 'inventory.import' | 'inventory.discardPreview'> {
  const service = createImportService({ workspace: ctx.workspace, events: ctx.events });
  return {
    'inventory.preview': async (req) => {
      const file = readImportFile(req.file, ctx.uploads, req.fileName);
      const { api } = await service.preview(file, req.mapping, { maxErrors: req.maxErrors ?? UI_ERROR_CAP });
      if (req.file.kind === 'upload') ctx.uploads.delete(req.file.uploadId);
      return api;
    },
    'inventory.commit': (req) => service.commit(req.previewId, req),
    'inventory.import': async (req) => {
      const file = readImportFile(req.file, ctx.uploads, req.fileName);
      const result = await service.importFile(file, req.mapping, { skipInvalid: req.skipInvalid, replace: req.replace, maxErrors: req.maxErrors ?? UI_ERROR_CAP });
      if (req.file.kind === 'upload') ctx.uploads.delete(req.file.uploadId);
      return result;
    },
    'inventory.discardPreview': (req) => ({ discarded: service.discard(req.previewId) }),
  };
}
