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
  /** Where the folder is served: `${origin}${basePath}`, e.g. http://127.0.0.1:41234/intranet/planner/ */
  url: string;
  /** Paths requested so far, with the status served. */
  log: { path: string; status: number }[];
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * The path the folder is served under, starting and ending with `/` (default `/`): with
   * `/intranet/planner/`, `/intranet/planner/assets/a.js` is `root/assets/a.js`, `/intranet/planner`
   * redirects to `/intranet/planner/` as web servers do for a folder, and anything else is 404.
   */
  basePath?: string;
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const basePath = options.basePath ?? '/';
  if (!basePath.startsWith('/') || !basePath.endsWith('/'))
    throw new Error(`basePath must start and end with "/": ${basePath}`);
  const log: StaticServer['log'] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, body?: string) => {
      log.push({ path, status });
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(body ?? String(status));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405);
    if (`${path}/` === basePath) {
      log.push({ path, status: 301 });
      response.writeHead(301, { Location: basePath });
      return response.end();
    }
    if (!path.startsWith(basePath)) return send(404);
    const inFolder = path.slice(basePath.length - 1);
    const relative = normalize(inFolder === '/' ? '/index.html' : inFolder);
    const file = join(root, relative);
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
    url: `http://127.0.0.1:${port}${basePath}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
