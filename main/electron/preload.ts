/**
 * The preload: builds `window.bridgehead` from the contract's channel list — one method per
 * channel — plus push events and the two native dialogs. The page never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../../core/api/contract';
import { PUSH_EVENT_CHANNEL, type PushEvent } from '../../core/api/events';
import type { Bridge, BridgeApi } from '../../core/api/bridge';
import { DIALOG_CHANNELS } from './dialog-channels';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as unknown as BridgeApi;

const bridge: Bridge = {
  api,
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: PushEvent) => listener(payload);
    ipcRenderer.on(PUSH_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(PUSH_EVENT_CHANNEL, wrapped);
  },
  desktop: {
    openFileDialog: (options) => ipcRenderer.invoke(DIALOG_CHANNELS.open, options) as Promise<string | null>,
    saveFileDialog: (options) => ipcRenderer.invoke(DIALOG_CHANNELS.save, options) as Promise<string | null>,
    pathForFile: (file) => webUtils.getPathForFile(file) || null,
  },
};

contextBridge.exposeInMainWorld('bridgehead', bridge);
