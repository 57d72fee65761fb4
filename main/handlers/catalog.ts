/**
 * Catalog handlers: every read and write goes through the workspace's catalog store; edits are
 * pure core functions (core/catalog/edit.ts) stamped with today's date.
 */
import type { catalogChannels } from '../../core/api/catalog';
import {
  addOffering,
  exportCatalog,
  removeOffering,
  updateOffering,
  withContractPrice,
  withoutContractPrice,
  type Catalog,
} from '../../core/catalog';
import { getCatalog, updateCatalog } from '../catalog/catalog-store';
import { createRefreshService } from '../catalog/refresh-service';
import { asApiErrors, catalogState } from '../catalog/state';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

const today = (): string => new Date().toISOString().slice(0, 10);

export function catalogHandlers(ctx: HandlerContext): HandlerPart<keyof typeof catalogChannels> {
  const refresh = createRefreshService({ workspace: ctx.workspace, uploads: ctx.uploads, events: ctx.events });

  /** Applies a pure edit in one transaction, tells every face, and answers with the new state. */
  const edit = (change: (current: Catalog) => Catalog) =>
    asApiErrors(() => {
      const ws = ctx.workspace();
      const next = updateCatalog(ws, change);
      ctx.events.emit({ type: 'data.changed', scope: 'catalog' });
      return catalogState(ws, next);
    });

  return {
    'catalog.get': () => {
      const ws = ctx.workspace();
      return catalogState(ws, getCatalog(ws));
    },
    'catalog.updateOffering': (req) => edit((c) => updateOffering(c, req.offeringId, req.patch, { asOf: today(), note: req.note })),
    'catalog.addOffering': (req) => {
      let offeringId = '';
      const state = edit((c) => {
        const result = addOffering(c, req.offering, { asOf: today(), note: req.note });
        offeringId = result.offeringId;
        return result.catalog;
      });
      return { ...state, offeringId };
    },
    'catalog.removeOffering': (req) => edit((c) => removeOffering(c, req.offeringId)),
    'catalog.setContractPrice': (req) => edit((c) => withContractPrice(c, req, { asOf: today() })),
    'catalog.removeContractPrice': (req) => edit((c) => withoutContractPrice(c, req.offeringId)),
    'catalog.refreshPreview': (req) => asApiErrors(() => refresh.preview(req.file, { fileName: req.fileName, format: req.format })),
    'catalog.refreshApply': (req) => asApiErrors(() => refresh.apply(req.previewId, req.add)),
    'catalog.discardRefresh': (req) => ({ discarded: refresh.discard(req.previewId) }),
    'catalog.export': () => {
      const ws = ctx.workspace();
      const catalog = getCatalog(ws);
      const exportedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      return {
        fileName: `${ws.name}-catalog-${exportedAt.slice(0, 10)}.json`,
        text: exportCatalog(catalog, { exportedAt }),
        offerings: catalog.offerings.length,
      };
    },
  };
}
