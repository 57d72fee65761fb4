/**
 * The browser face: the built renderer and the API over HTTP on 127.0.0.1.
 *   POST /api/call/<channel>   JSON body → JSON envelope (Authorization: Bearer <token>)
 *   POST /api/upload?name=…    raw file bytes → {uploadId} (the browser has no local paths)
 *   GET  /api/events?token=…   server-sent push events (EventSource cannot set headers)
 * Status codes: 403 foreign Host/Origin, 401 missing or wrong token, 404 unknown path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../dispatch';
import type { Session } from '../session';
import { bearerToken, hostAllowed, newToken, originAllowed, tokenMatches } from './security';
import { serveStatic } from './static';

export interface HttpServerOptions {
  session: Session;
  port: number;
  /** Folder with the built renderer; null serves the API only. */
  staticDir: string | null;
  token?: string;
  /** Largest request body accepted, bytes (imports send file contents). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open, carrying the token in the fragment so it never reaches logs. */
  url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/call/';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return readBytes(req, limit).then((bytes) => bytes.toString('utf8'));
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`Request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? 300 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  let port = options.port;

  const unsubscribe = options.session.events.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) {
      sendJson(res, 403, { ok: false, error: { code: 'bad_request', message: 'Forbidden host or origin.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const given = url.pathname === '/api/events' ? url.searchParams.get('token') : bearerToken(req);
      if (!tokenMatches(token, given)) {
        sendJson(res, 401, { ok: false, error: { code: 'bad_request', message: 'Missing or wrong API token.' } });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        const name = url.searchParams.get('name') ?? 'upload';
        let bytes: Buffer;
        try {
          bytes = await readBytes(req, maxBody);
        } catch (error) {
          sendJson(res, 413, { ok: false, error: { code: 'invalid_file', message: `${name}: ${String(error)}` } });
          return;
        }
        sendJson(res, 200, { ok: true, result: { uploadId: options.session.uploads.put(name, bytes) } });
        return;
      }
      if (url.pathname.startsWith(API_PREFIX) && req.method === 'POST') {
        const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
        let payload: unknown;
        try {
          const body = await readBody(req, maxBody);
          payload = body.length ? JSON.parse(body) : {};
        } catch (error) {
          sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: `Unreadable request body: ${String(error)}` } });
          return;
        }
        const envelope = await dispatch(options.session.handlers, channel, payload);
        sendJson(res, 200, envelope);
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `No API route ${req.method} ${url.pathname}` } });
      return;
    }

    if (req.method === 'GET' && options.staticDir && serveStatic(options.staticDir, url.pathname, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sseClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
