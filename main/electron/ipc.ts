/**
 * IPC wiring: one `ipcMain.handle` per contract channel, all through the same sender check and
 * the same dispatcher as the HTTP face. Only our own window's main frame may call.
 */
import { CHANNELS, type Envelope } from '../../core/api';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';

/** The slice of Electron's IpcMain we use, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { id: number };
}

export type SenderCheck = (event: IpcEventLike) => boolean;

/** Trusts only pages loaded from the built renderer (file://) or the dev server we started. */
export function trustedSenderCheck(options: { devServerUrl?: string; allowedWebContentsIds: () => number[] }): SenderCheck {
  return (event) => {
    if (!options.allowedWebContentsIds().includes(event.sender.id)) return false;
    const url = event.senderFrame?.url;
    if (!url) return false;
    if (url.startsWith('file://')) return true;
    return options.devServerUrl !== undefined && url.startsWith(options.devServerUrl);
  };
}

export function setupIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrusted: SenderCheck): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'bad_request', message: `Refused ${channel} from an untrusted sender.` } };
      }
      return dispatch(handlers, channel, payload);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
