/**
 * The one API contract. Every face (Electron IPC, the loopback HTTP server, the CLI) and the
 * renderer's client are typed from this object; per-domain parts are merged here so a later
 * feature only adds a part.
 */
import type { z } from 'zod';
import { catalogChannels } from './catalog';
import type { ChannelSpec } from './channel';
import { exportChannels } from './exports';
import { inventoryChannels } from './inventory';
import { planChannels } from './plans';
import { workspaceChannels } from './workspace';

export const contract = {
  ...workspaceChannels,
  ...inventoryChannels,
  ...planChannels,
  ...catalogChannels,
  ...exportChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

/** What the renderer calls: one async method per channel. */
export type ApiClient = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
