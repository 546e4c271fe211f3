/**
 * Headless Debian Chromium driven by playwright-core (no browser download), with a network
 * recorder: every request of the context is logged, and any request that would leave the app's
 * local origin is aborted and reported, so that a test can fail on it.
 */

import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { withPlannerHook } from './planner-hook.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL through SwiftShader: Chromium no longer falls back to it on its own.
  '--enable-unsafe-swiftshader',
  // A second wall behind the request routing: no host name but the local one resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Whether a missing browser fails the run (CI, REQUIRE_BROWSER=1) or skips the end-to-end tests. */
export function isBrowserRequired(): boolean {
  return Boolean(process.env.CI) || process.env.REQUIRE_BROWSER === '1';
}

/** Why the end-to-end tests cannot run here, or null when the browser is there. */
export function missingBrowserReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `No Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) or set ` +
    'CHROMIUM_PATH to a Chromium or Chrome binary.'
  );
}

/**
 * How the browser draws WebGL, both in software (no GPU here):
 * - `no-gpu` (`--disable-gpu`, the tests' default, as in DESIGN.md): software compositing. Every
 *   frame the page's thread waits while SwiftShader draws the map and reads it back, so a frame's
 *   whole drawing cost is a main-thread task: a PC whose GPU Chrome cannot use (a virtual desktop).
 * - `gpu-process` (`--use-angle=swiftshader`): WebGL and compositing run in the GPU process as on a
 *   PC with a graphics card; SwiftShader stands in for the card, so the page's thread only records
 *   the drawing commands.
 * - `none` (`--disable-3d-apis`): no WebGL at all, as on a virtual desktop, a blocklisted GPU or a
 *   locked-down browser; `getContext('webgl2')` returns null.
 */
export type GlMode = 'no-gpu' | 'gpu-process' | 'none';

const GL_ARGS: Readonly<Record<GlMode, readonly string[]>> = {
  'no-gpu': ['--disable-gpu'],
  'gpu-process': ['--use-angle=swiftshader'],
  none: ['--disable-gpu', '--disable-3d-apis'],
};

export interface LaunchOptions {
  /** See GlMode; `no-gpu` unless told. */
  gl?: GlMode;
  /**
   * Variables added to the browser's environment, e.g. `FONTCONFIG_FILE` for a machine with other
   * fonts. The rest of the environment is this process's.
   */
  env?: Record<string, string>;
}

/** Every page of the browser gets the test hook, window.__planner and window.__compare (planner-hook.ts). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...GL_ARGS[options.gl ?? 'no-gpu']],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  return withPlannerHook(browser);
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** false for a request that left the local origin (it was aborted). */
  isLocal: boolean;
}

export interface NetworkRecorder {
  requests: RecordedRequest[];
  /** Requests to anywhere but the local origin (data: and blob: URLs count as local). */
  external: () => RecordedRequest[];
  /** Throws, listing them, if any request left the local origin. */
  assertNoExternalRequests: () => void;
}

/**
 * Is `url` on the app's origin? data: and blob: URLs are made inside the page and never touch the
 * network, so they are local too.
 */
export function isLocalUrl(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Records every request of `context` and aborts those that leave `origin` (except to `allowed`
 * origins, e.g. a test tile server: let through, still listed as external). Requests of the page,
 * its frames and its dedicated workers go through the context's routing.
 */
export async function recordNetwork(
  context: BrowserContext,
  origin: string,
  allowed: readonly string[] = [],
): Promise<NetworkRecorder> {
  const requests: RecordedRequest[] = [];
  const seen = new Set<object>();
  const record = (request: { url(): string; method(): string; resourceType(): string }) => {
    if (seen.has(request)) return;
    seen.add(request);
    const url = request.url();
    requests.push({
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      isLocal: isLocalUrl(url, origin),
    });
  };
  context.on('request', record);
  await context.route('**/*', async (route, request) => {
    record(request);
    if (isLocalUrl(request.url(), origin) || allowed.some((other) => isLocalUrl(request.url(), other)))
      await route.continue();
    else await route.abort('blockedbyclient');
  });
  const external = () => requests.filter((request) => !request.isLocal);
  return {
    requests,
    external,
    assertNoExternalRequests: () => {
      const outside = external();
      if (outside.length > 0) {
        throw new Error(
          `${outside.length} request(s) left the local server ${origin}:\n` +
            outside
              .map((request) => `  ${request.method} ${request.url} (${request.resourceType})`)
              .join('\n'),
        );
      }
    },
  };
}

export interface PageProblems {
  /** console.error messages, uncaught exceptions and failed local requests. */
  errors: string[];
  warnings: string[];
}

/** Collects the page's console errors and warnings, uncaught errors and failed requests. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { errors: [], warnings: [] };
  page.on('console', (message) => {
    const where = message.location();
    const text = `${message.text()} (${where.url}:${where.lineNumber})`;
    if (message.type() === 'error') problems.errors.push(text);
    else if (message.type() === 'warning') problems.warnings.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    // Aborted external requests are the recorder's business; a local one failing is an error.
    if (isLocalUrl(request.url(), origin)) {
      problems.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Waits until the main map is idle with plots drawn (polygons up close, the raster's dots at county
 * scale) and, with `labels`, the town names too (they come once the bundled font is in).
 */
export async function waitForPlotsDrawn(page: Page, options: { labels?: boolean } = {}): Promise<void> {
  await page.waitForFunction(
    async (labels) => {
      const planner = window.__planner;
      if (!planner) return false;
      await planner.whenIdle();
      return (
        planner.renderedFeatureCount('plots-fill') + (await planner.drawnPlotDots()).count > 0 &&
        (!labels || planner.renderedFeatureCount('town-labels') > 0)
      );
    },
    options.labels ?? false,
    { timeout: 60_000, polling: 500 },
  );
}
