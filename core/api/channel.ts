/**
 * The building block of the API contract: a channel is a zod schema for its request and a
 * phantom type for its response. Requests are validated at every boundary (IPC, HTTP, CLI);
 * responses are produced by our own handlers, so a type is enough for them.
 */
import type { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  readonly description: string;
  /** Never set at run time: carries the response type for inference. */
  readonly __response?: Res;
}

/** `channel<Response>()(requestSchema, 'what it does')` — curried so Res can be explicit. */
export const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req, description: string): ChannelSpec<Req, Res> => ({
    request,
    description,
  });
