/**
 * What the Electron preload puts on `window.bridgehead`: one method per channel (generated from
 * the contract's channel list) and a push-event subscription. No raw ipcRenderer reaches the page.
 */
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Envelope } from './errors';
import type { PushEvent } from './events';

export type BridgeApi = { [C in Channel]: (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>> };

export interface Bridge {
  api: BridgeApi;
  onEvent(listener: (event: PushEvent) => void): () => void;
  /** Desktop-only helpers the browser face does without (native dialogs). */
  desktop: {
    openFileDialog(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
    saveFileDialog(options: { title: string; defaultPath: string }): Promise<string | null>;
    /** The local path of a dropped or picked File (Electron's webUtils), or null. */
    pathForFile(file: File): string | null;
  };
}
