/** Push events: the server side tells every open face about long work and data changes. */
import { z } from 'zod';

export const ProgressEvent = z.object({
  type: z.literal('progress'),
  /** Groups the events of one task (an import, a plan run). */
  taskId: z.string(),
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  finished: z.boolean(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const DataChangedEvent = z.object({
  type: z.literal('data.changed'),
  /** Which part of the workspace changed, so views reload only what they show. */
  scope: z.enum(['workspace', 'inventory', 'catalog', 'plans']),
});
export type DataChangedEvent = z.infer<typeof DataChangedEvent>;

export const PushEvent = z.discriminatedUnion('type', [ProgressEvent, DataChangedEvent]);
export type PushEvent = z.infer<typeof PushEvent>;

/** The one IPC channel name push events travel on in Electron. */
export const PUSH_EVENT_CHANNEL = 'bridgehead:event';
