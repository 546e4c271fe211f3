/**
 * A minimal static file server on 127.0.0.1 and a free port, standing in for a planner's intranet
 * server: plain files, correct MIME types, nothing else (no SPA fallback, no compression, no
 * special headers). It logs every request so that a test can see what the page fetched.
 */

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Paths requested so far, with the status served. */
  log: { path: string; status: number }[];
  close: () => Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const log: StaticServer['log'] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = normalize(path === '/' ? '/index.html' : path);
    const file = join(root, relative);
    const send = (status: number, body?: string) => {
      log.push({ path, status });
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(body ?? String(status));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405);
    // Nothing outside the served folder.
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return send(403);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return send(404);
      size = stat.size;
    } catch {
      return send(404);
    }
    log.push({ path, status: 200 });
    response.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the system picks a free port.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
