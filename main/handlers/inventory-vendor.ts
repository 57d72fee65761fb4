import { currentPriceLookup } from '../../core/analysis/current-offering';
import { vendorDependency } from '../../core/analysis/vendor-dependency';
import { ApiError } from '../../core/api/errors';
import { allWorkloads, workloadFacets } from '../../db/repositories/workloads';
import { getCatalog } from '../catalog/catalog-store';
import type { HandlerContext } from './context';
import type { HandlerPart } from './types';

export function inventoryVendorHandlers(ctx: HandlerContext): HandlerPart<'inventory.vendorDependency'> {
  return {
    'inventory.vendorDependency': (req) => {
      const ws = ctx.workspace();
      const vendors = workloadFacets(ws.db).vendor;
      // Default: the vendor most workloads depend on (the usual one to exit).
      const vendor = req.vendor ?? vendors[0]?.value ?? null;
      if (vendor === null) {
        return { ...vendorDependency([], '', () => null), vendors };
      }
      if (req.vendor && !vendors.some((v) => v.value === req.vendor)) {
        throw new ApiError('not_found', `No workload in this inventory is on vendor "${req.vendor}".`);
      }
      const catalog = getCatalog(ws);
      return { ...vendorDependency(allWorkloads(ws.db), vendor, currentPriceLookup(catalog)), vendors };
    },
  };
}
