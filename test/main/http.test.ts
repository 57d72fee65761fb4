import { request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../main/server/http';
import { startSession } from '../../main/session';
import { useTmpDirs } from '../helpers/tmp';

const tmp = useTmpDirs();
let server: RunningServer | null = null;
let closeSession: (() => void) | null = null;
afterEach(async () => {
  await server?.close();
  closeSession?.();
  server = null;
});

async function start(): Promise<RunningServer> {
  const dir = tmp();
  const staticDir = join(dir, 'ui');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  const session = await startSession({ workspace: join(dir, 'http.bridgehead'), face: 'browser' });
  closeSession = () => session.close();
  server = await startHttpServer({ session, port: 0, staticDir });
  return server;
}

/** Raw request so the Host header can be forged (fetch does not allow it). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('bridgehead serve security', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', async () => {
    const s = await start();
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/#token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses an API request without the token, or with a wrong one, with 401', async () => {
    const s = await start();
    const host = `127.0.0.1:${s.port}`;
    expect((await raw(s.port, '/api/call/workspace.info', { Host: host })).status).toBe(401);
    expect((await raw(s.port, '/api/call/workspace.info', { Host: host, Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await raw(s.port, '/api/events?token=nope', { Host: host }, 'GET')).status).toBe(401);
    const ok = await raw(s.port, '/api/call/workspace.info', { Host: host, Authorization: `Bearer ${s.token}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { name: 'http' } });
  });

  it('refuses a foreign Host header or Origin with 403, even with the right token', async () => {
    const s = await start();
    const auth = { Authorization: `Bearer ${s.token}` };
    expect((await raw(s.port, '/api/call/workspace.info', { ...auth, Host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await raw(s.port, '/', { Host: `evil.example:${s.port}` }, 'GET')).status).toBe(403);
    expect(
      (await raw(s.port, '/api/call/workspace.info', { ...auth, Host: `127.0.0.1:${s.port}`, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect((await raw(s.port, '/api/call/workspace.info', { ...auth, Host: `localhost:${s.port}` })).status).toBe(200);
  });

  it('serves the UI but nothing outside its folder', async () => {
    const s = await start();
    const host = { Host: `127.0.0.1:${s.port}` };
    expect(await raw(s.port, '/', host, 'GET')).toMatchObject({ status: 200, body: expect.stringContaining('<title>ui</title>') });
    expect((await raw(s.port, '/../secret.txt', host, 'GET')).status).toBe(404);
    expect((await raw(s.port, '/%2e%2e/secret.txt', host, 'GET')).status).toBe(404);
  });

  it('answers an unknown channel with a not_found envelope', async () => {
    const s = await start();
    const res = await raw(s.port, '/api/call/no.such', { Host: `127.0.0.1:${s.port}`, Authorization: `Bearer ${s.token}` });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
