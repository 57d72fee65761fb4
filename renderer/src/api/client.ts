/**
 * The renderer's only way to the data: a typed client over the contract. In Electron it calls the
 * preload bridge; in a browser it calls `bridgehead serve` over HTTP with the per-start token.
 */
import { CHANNELS, unwrap, type ApiClient, type Bridge, type Channel, type Envelope, type PushEvent } from '../../../core/api';
import type { FileRef } from '../../../core/api/inventory';

export interface Transport {
  client: ApiClient;
  onEvent(listener: (event: PushEvent) => void): () => void;
  kind: 'electron' | 'browser';
  desktop: Bridge['desktop'] | null;
  /** Makes a picked or dropped file readable by the handlers: its path, or an upload. */
  fileRef(file: File): Promise<FileRef>;
}

declare global {
  interface Window {
    bridgehead?: Bridge;
  }
}

function buildClient(call: (channel: Channel, request: unknown) => Promise<Envelope<unknown>>): ApiClient {
  const client: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) client[channel] = async (request) => unwrap(await call(channel, request ?? {}));
  return client as unknown as ApiClient;
}

export function electronTransport(bridge: Bridge): Transport {
  const api = bridge.api as unknown as Record<Channel, (request: unknown) => Promise<Envelope<unknown>>>;
  return {
    client: buildClient((channel, request) => api[channel](request)),
    onEvent: (listener) => bridge.onEvent(listener),
    kind: 'electron',
    desktop: bridge.desktop,
    async fileRef(file) {
      const path = bridge.desktop.pathForFile(file);
      if (!path) throw new Error(`Cannot read "${file.name}": it has no local path.`);
      return { kind: 'path', path };
    },
  };
}

/** The token arrives in the URL fragment (never sent to the server in logs); it is kept per tab. */
export function readToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('bridgehead.token', fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem('bridgehead.token');
}

export function httpTransport(token: string, base = ''): Transport {
  return {
    client: buildClient(async (channel, request) => {
      const response = await fetch(`${base}/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
      if (response.status === 401) {
        return { ok: false, error: { code: 'bad_request', message: 'The server refused the API token: open the URL that `bridgehead serve` printed.' } };
      }
      return (await response.json()) as Envelope<unknown>;
    }),
    onEvent(listener) {
      const source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as PushEvent);
      return () => source.close();
    },
    kind: 'browser',
    desktop: null,
    async fileRef(file) {
      // The browser cannot hand over a path, so the bytes go to the server as they are.
      const response = await fetch(`${base}/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const envelope = (await response.json()) as Envelope<{ uploadId: string }>;
      return { kind: 'upload', uploadId: unwrap(envelope).uploadId };
    },
  };
}

export function detectTransport(): Transport | { error: string } {
  if (window.bridgehead) return electronTransport(window.bridgehead);
  const token = readToken();
  if (!token) return { error: 'No API token. Open the full address that `bridgehead serve` printed (it ends in #token=…).' };
  return httpTransport(token);
}
