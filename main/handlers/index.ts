/** All handlers, merged from per-domain parts; `satisfies` makes a missing channel a type error. */
import type { HandlerContext } from './context';
import type { Handlers } from './types';
import { catalogHandlers } from './catalog';
import { exportHandlers } from './exports';
import { inventoryImportHandlers } from './inventory-import';
import { inventoryQueryHandlers } from './inventory-query';
import { inventoryVendorHandlers } from './inventory-vendor';
import { planHandlers } from './plans';
import { workspaceHandlers } from './workspace';

export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...workspaceHandlers(ctx),
    ...inventoryQueryHandlers(ctx),
    ...inventoryImportHandlers(ctx),
    ...inventoryVendorHandlers(ctx),
    ...planHandlers(ctx),
    ...catalogHandlers(ctx),
    ...exportHandlers(ctx),
  } satisfies Handlers;
}

export type { HandlerContext } from './context';
export type { Handlers } from './types';
