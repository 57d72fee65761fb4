import { queryWorkloads, workloadFacets } from '../../db/repositories/workloads';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

export function inventoryQueryHandlers(ctx: HandlerContext): HandlerPart<'inventory.query' | 'inventory.facets'> {
  return {
    'inventory.query': (req) => {
      const offset = req.offset ?? 0;
      const page = queryWorkloads(ctx.workspace().db, { ...req, offset, limit: req.limit ?? 200 });
      return { total: page.total, offset, rows: page.rows };
    },
    'inventory.facets': () => workloadFacets(ctx.workspace().db),
  };
}


