/**
 * The one place a request meets a handler, whichever face it came through: the channel is
 * checked, the payload validated against the contract, and any failure becomes an envelope.
 */
import { ZodError } from 'zod';
import { ApiError, contract, isChannel, type Channel, type Envelope, type ResponseOf } from '../core/api';
import type { Handlers } from './handlers';

export async function dispatch(handlers: Handlers, channelName: string, payload: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channelName)) throw new ApiError('not_found', `Unknown API channel "${channelName}".`);
    const parsed = contract[channelName].request.safeParse(payload ?? {});
    if (!parsed.success) {
      throw new ApiError('bad_request', `Invalid request for ${channelName}: ${describeZod(parsed.error)}`, parsed.error.issues);
    }
    const handler = handlers[channelName] as (req: unknown) => Promise<ResponseOf<Channel>> | ResponseOf<Channel>;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(error).toBody() };
  }
}

export function describeZod(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return new ApiError('bad_request', describeZod(error), error.issues);
  if (error instanceof Error) {
    if (error.name === 'WorkspaceRefusedError') return new ApiError('workspace_refused', error.message);
    // Another connection holds the write lock past the busy timeout: in practice a large import
    // being written by its writer thread. Nothing was changed; the user can simply retry.
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      return new ApiError('conflict', 'The workspace is busy: another change (such as a large import) is being written. Nothing was changed; try again when it finishes.');
    }
    return new ApiError('internal', error.message);
  }
  return new ApiError('internal', String(error));
}
