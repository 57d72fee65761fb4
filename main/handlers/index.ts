/** All handlers, merged from per-domain parts; `satisfies` makes a missing channel a type error. */
import type { HandlerContext } from './context';
import type { Handlers } from './types';
import { workspaceHandlers } from './workspace';

export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...workspaceHandlers(ctx),
  } satisfies Handlers;
}

export type { HandlerContext } from './context';
export type { Handlers } from './types';
