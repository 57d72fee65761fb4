/**
 * Every channel of the contract is registered on a (fake) ipcMain and answered over HTTP with
 * the same result: the two faces are the same handlers behind the same dispatcher.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../core/api';
import { setupIpc, type IpcEventLike, type IpcMainLike } from '../../main/electron/ipc';
import { startHttpServer, type RunningServer } from '../../main/server/http';
import { startSession, type Session } from '../../main/session';
import { useTmpDirs } from '../helpers/tmp';
import { callScript, type ScriptState } from './sample-requests';

const tmp = useTmpDirs();
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, payload: unknown, frameUrl = 'file:///app/index.html') {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: { url: frameUrl }, sender: { id: 1 } }, payload);
  }
}

async function open(): Promise<{ session: Session; ipc: FakeIpcMain; server: RunningServer }> {
  const session = await startSession({ workspace: join(tmp(), 'contract.bridgehead'), face: 'browser' });
  const ipc = new FakeIpcMain();
  const dispose = setupIpc(ipc, session.handlers, (event) => event.senderFrame?.url.startsWith('file://') ?? false);
  const server = await startHttpServer({ session, port: 0, staticDir: null });
  cleanup.push(() => server.close(), dispose, () => session.close());
  return { session, ipc, server };
}

async function overHttp(server: RunningServer, channel: string, payload: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Ids and paths differ between two workspaces by design; everything else must match. */
function normalise(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .replace(/"previewId":"[^"]+"/g, '"previewId":"…"')
      .replace(/"(createdAt|updatedAt)":"[^"]+"/g, '"$1":"…"')
      // Times of catalog refreshes and exports (dates stay compared).
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '…T…Z')
      .replace(/"(path|name|createdAt)":"[^"]*contract-(ipc|http)[^"]*"/g, '"$1":"…"')
      .replace(/contract-(ipc|http)/g, 'contract-…'),
  );
}

describe('API contract', () => {
  it('has a script call for every channel, each request valid against its schema', () => {
    expect([...new Set(callScript.map((c) => c.channel))].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers every channel identically over IPC and HTTP', async () => {
    const dir = tmp();
    const ipcSession = await startSession({ workspace: join(dir, 'contract-ipc.bridgehead'), face: 'browser' });
    const httpSession = await startSession({ workspace: join(dir, 'contract-http.bridgehead'), face: 'browser' });
    const ipc = new FakeIpcMain();
    const dispose = setupIpc(ipc, ipcSession.handlers, () => true);
    const server = await startHttpServer({ session: httpSession, port: 0, staticDir: null });
    cleanup.push(() => server.close(), dispose, () => ipcSession.close(), () => httpSession.close());
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const ipcState: ScriptState = {};
    const httpState: ScriptState = {};
    for (const step of callScript) {
      const ipcRequest = step.request(ipcState);
      expect(contract[step.channel].request.safeParse(ipcRequest).success, step.channel).toBe(true);
      const viaIpc = (await ipc.invoke(step.channel, ipcRequest)) as { ok: boolean; result?: unknown };
      const viaHttp = (await overHttp(server, step.channel, step.request(httpState))) as { ok: boolean; result?: unknown };
      expect(viaIpc, step.channel).toMatchObject({ ok: true });
      expect(normalise(viaHttp), step.channel).toEqual(normalise(viaIpc));
      step.keep?.(viaIpc.result, ipcState);
      step.keep?.(viaHttp.result, httpState);
    }
  });

  it('rejects an invalid payload the same way on both faces, naming the field', async () => {
    const { ipc, server } = await open();
    const viaIpc = await ipc.invoke('workspace.info', { unexpected: 1 });
    const viaHttp = await overHttp(server, 'workspace.info', { unexpected: 1 });
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(JSON.stringify(viaIpc)).toContain('unexpected');
    expect(viaHttp).toEqual(viaIpc);
  });

  it('refuses IPC from a sender that is not our page', async () => {
    const { ipc } = await open();
    const result = await ipc.invoke('workspace.info', {}, 'https://evil.example/');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('untrusted sender') } });
  });
});
