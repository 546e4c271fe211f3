/**
 * The app under test: built once with `vite build` into a temp folder and served by the small
 * static server on 127.0.0.1 and a free port. Set E2E_APP_DIR to serve an existing build instead.
 */

import { type BuiltApp, buildApp } from './build-app.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

export interface RunningApp {
  origin: string;
  server: StaticServer;
  stop: () => Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const existing = process.env.E2E_APP_DIR;
  const built: BuiltApp = existing ? { outDir: existing, remove: () => {} } : await buildApp();
  const server = await serveStatic(built.outDir);
  return {
    origin: server.origin,
    server,
    stop: async () => {
      await server.close();
      built.remove();
    },
  };
}
