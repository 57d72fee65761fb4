/**
 * Errors that cross the API boundary. Electron's IPC drops custom error properties, so every
 * face sends the same envelope ({ok:false, error}) rather than throwing across the wire.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'not_found',
  'conflict',
  'workspace_refused',
  'invalid_file',
  'cancelled',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Structured detail a view can show, e.g. zod issues with their paths. */
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** Unwraps an envelope on the client side, re-raising the server's error with its code. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
}
