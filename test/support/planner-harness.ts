/**
 * One way into the planner for the end-to-end suites and the UI benches: the app built and served
 * (or the single file from file://), headless Chromium, a context, the network recorder that blocks
 * and reports every request leaving the app's origin, the page's problems, screenshots to
 * test/output/, and teardown. A caller names only what differs (viewport, locale, sub-path, GPU
 * mode, browser environment, init scripts); no Vitest here, so that scripts can use it too.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type GlMode,
  launchBrowser,
  missingBrowserReason,
  type NetworkRecorder,
  type PageProblems,
  recordNetwork,
  waitForPlotsDrawn,
  watchPage,
} from './browser.ts';
import { buildSingleFile, projectRoot } from './build-app.ts';
import { type RunningApp, startApp } from './start-app.ts';

/** Where tests and benches leave screenshots, PDFs and exports for a reviewer. */
export const OUTPUT_DIR = join(projectRoot, 'test', 'output');

/**
 * What the planner waits for after opening the page: nothing more than its `load` event; the
 * legend's total (the sample plan classified); that and the plots drawn; that and the town labels.
 */
export type PlannerReady = 'load' | 'legend' | 'plots' | 'labels';

type InitScript = Parameters<BrowserContext['addInitScript']>[0];

export interface PlannerOptions {
  /**
   * Open a file:// page instead of a served app: `true` for the single-file build
   * (dist-single/index.html, built once per run), or the path of an HTML file.
   */
  singleFile?: true | string;
  /** An app being served already (startApp), e.g. shared by several planners; else one is served for this planner and stopped on close. */
  app?: RunningApp;
  /** The sub-path the app is served under when this planner serves it (default `/`). */
  basePath?: string;
  /** The path on the server the page opens (default: where the app is served). */
  path?: string;
  /** Default 1920 × 1080. */
  viewport?: { width: number; height: number };
  /** The browser's language (default zh-CN, the planners' own). */
  locale?: 'zh-CN' | 'en';
  /** Default 1. */
  deviceScaleFactor?: number;
  /** How the browser draws WebGL (see GlMode; default no-gpu, as in DESIGN.md). */
  gl?: GlMode;
  /** Variables added to the browser's environment, e.g. FONTCONFIG_FILE. */
  browserEnv?: Record<string, string>;
  /** Scripts run in every page before its own (context.addInitScript). */
  initScripts?: InitScript[];
  /**
   * Route every request through the recorder (default true). Off only where a bench times the page
   * loading: the routing adds a round trip through the driver to each request.
   */
  recordNetwork?: boolean;
  /** Origins requests may also go to (a test tile server); they are still listed as external. */
  allowOrigins?: string[];
  /** Default `plots`. */
  waitFor?: PlannerReady;
  /** How long the legend may take to show (default 60 s). */
  legendTimeoutMs?: number;
}

export interface Planner {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The URL opened. */
  url: string;
  /** The only origin requests may go to (`null` for a file:// page; data: and blob: count as local). */
  origin: string;
  /** The served app; undefined for a file:// page. */
  app: RunningApp | undefined;
  /** The HTML file opened from file://; undefined for a served app. */
  pageFile: string | undefined;
  /** Every request of the context; those to another origin were aborted. */
  network: NetworkRecorder;
  /** The page's console errors and warnings, uncaught errors and failed requests. */
  problems: PageProblems;
  /** A screenshot of the page, saved as test/output/`name` when named; returns the PNG. */
  screenshot: (name?: string) => Promise<Buffer>;
  /** Closes the browser, and the app when this planner served it. */
  close: () => Promise<void>;
}

/** Saves `bytes` as test/output/`name` (a download, a PDF, a screenshot) and returns the path. */
export function saveOutput(name: string, bytes: Uint8Array): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  writeFileSync(path, bytes);
  return path;
}

/** A recorder for a planner that does not record: any use of it is a mistake of the caller. */
function notRecorded(): NetworkRecorder {
  const refuse = (): never => {
    throw new Error('This planner was opened with recordNetwork: false.');
  };
  return {
    get requests() {
      return refuse();
    },
    external: refuse,
    assertNoExternalRequests: refuse,
  };
}

/** Opens the planner as `options` say and waits until it is ready; the caller closes it. */
export async function openPlanner(options: PlannerOptions = {}): Promise<Planner> {
  const missing = missingBrowserReason();
  if (missing) throw new Error(missing);
  let app = options.app;
  const ownApp = !app && !options.singleFile;
  const pageFile =
    options.singleFile === true ? await buildSingleFile() : (options.singleFile as string | undefined);
  if (ownApp) app = await startApp({ basePath: options.basePath ?? '/' });
  const url = pageFile
    ? pathToFileURL(pageFile).href
    : `${app?.origin}${options.path ?? new URL(app?.url ?? '').pathname}`;
  // A file:// page has the opaque origin "null"; file:, data: and blob: URLs are its own.
  const origin = pageFile ? 'null' : (app?.origin ?? '');
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser({
      ...(options.gl ? { gl: options.gl } : {}),
      ...(options.browserEnv ? { env: options.browserEnv } : {}),
    });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1920, height: 1080 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      locale: options.locale ?? 'zh-CN',
      acceptDownloads: true,
    });
    for (const script of options.initScripts ?? []) await context.addInitScript(script);
    const network =
      options.recordNetwork === false
        ? notRecorded()
        : await recordNetwork(context, origin, options.allowOrigins);
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const opened = browser;
    const planner: Planner = {
      browser: opened,
      context,
      page,
      url,
      origin,
      app,
      pageFile,
      network,
      problems,
      screenshot: async (name) => {
        const png = await page.screenshot({ type: 'png' });
        if (name) saveOutput(name, png);
        return png;
      },
      close: async () => {
        await opened.close();
        if (ownApp) await app?.stop();
      },
    };
    await page.goto(url);
    await waitForPlanner(page, options.waitFor ?? 'plots', options.legendTimeoutMs);
    return planner;
  } catch (error) {
    await browser?.close();
    if (ownApp) await app?.stop();
    throw error;
  }
}

/** Waits until the page is `ready` (after opening it, or after a reload). */
export async function waitForPlanner(
  page: Page,
  ready: PlannerReady,
  legendTimeoutMs = 60_000,
): Promise<void> {
  if (ready === 'load') return;
  // The legend shows its total once the sample plan is classified.
  await page.locator('.legend-total').waitFor({ timeout: legendTimeoutMs });
  if (ready === 'legend') return;
  await waitForPlotsDrawn(page, { labels: ready === 'labels' });
}
