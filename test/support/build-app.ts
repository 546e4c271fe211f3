/**
 * Builds the app with `vite build` (or `npm run build:single`) so that the end-to-end tests
 * exercise the files a planner's intranet server would get. Within one e2e run (E2E_BUILD_CACHE,
 * set by test/e2e/global-setup.ts) each build is made once and shared by every suite.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltApp {
  /** The folder holding index.html and assets/. */
  outDir: string;
  /** Removes the folder (nothing for a shared build). */
  remove: () => void;
}

/** Runs `node args…` in the project folder; throws with its output when it fails. */
async function runNode(label: string, args: string[]): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`${label} exited with ${code}:\n${output.join('')}`);
}

/** Runs `vite build` into `outDir` in a child process (not inside Vitest's own Vite). */
async function viteBuild(outDir: string): Promise<void> {
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  await runNode('vite build', [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
}

/**
 * Makes `name` in the run's build cache once: the first caller runs `make(folder)`, later ones
 * (in this or another test file) find it done. A lock folder keeps two callers from building at once.
 */
async function onceInCache(cache: string, name: string, make: (folder: string) => Promise<void>) {
  const folder = join(cache, name);
  const done = join(cache, `${name}.done`);
  const lock = join(cache, `${name}.lock`);
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!existsSync(done)) {
        await make(folder);
        writeFileSync(done, '');
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return folder;
}

/**
 * The built app: E2E_APP_DIR when set (an existing build), else the run's shared build
 * (E2E_BUILD_CACHE), else a fresh build in a temp folder that `remove` deletes.
 */
export async function buildApp(): Promise<BuiltApp> {
  const existing = process.env.E2E_APP_DIR;
  if (existing) return { outDir: existing, remove: () => {} };
  const cache = process.env.E2E_BUILD_CACHE;
  if (cache) return { outDir: await onceInCache(cache, 'app', viteBuild), remove: () => {} };
  const outDir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  try {
    await viteBuild(outDir);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Runs `npm run build:single` (scripts/build-single.ts through tsx), once per e2e run, and returns
 * the path of dist-single/index.html. Set E2E_SINGLE_FILE to use an existing single file instead.
 */
export async function buildSingleFile(): Promise<string> {
  const existing = process.env.E2E_SINGLE_FILE;
  if (existing) return existing;
  const build = () =>
    runNode('build:single', [
      join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(projectRoot, 'scripts', 'build-single.ts'),
    ]);
  const cache = process.env.E2E_BUILD_CACHE;
  if (cache) await onceInCache(cache, 'single-file', build);
  else await build();
  return join(projectRoot, 'dist-single', 'index.html');
}
