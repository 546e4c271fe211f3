/**
 * The app under test: built (see build-app.ts) and served by the small static server on 127.0.0.1
 * and a free port, at `/` or under a sub-path as an intranet server might.
 */

import { type BuiltApp, buildApp } from './build-app.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Where the app is served: `${origin}${basePath}`. */
  url: string;
  /** The folder served (index.html, assets/). */
  dir: string;
  server: StaticServer;
  /** Closes the server and removes a build made for this app alone. */
  stop: () => Promise<void>;
}

export interface StartAppOptions {
  /** A built folder to serve (left in place); else the app is built (buildApp). */
  dir?: string;
  /** The sub-path the folder is served under, starting and ending with `/` (default `/`). */
  basePath?: string;
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const built: BuiltApp = options.dir ? { outDir: options.dir, remove: () => {} } : await buildApp();
  const server = await serveStatic(built.outDir, { basePath: options.basePath ?? '/' });
  return {
    origin: server.origin,
    url: server.url,
    dir: built.outDir,
    server,
    stop: async () => {
      await server.close();
      built.remove();
    },
  };
}
