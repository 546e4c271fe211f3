/**
 * Builds the app once per test run with `vite build` into a fresh folder under the OS temp
 * directory, so that the end-to-end tests exercise the files a planner's intranet server would get.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltApp {
  /** The folder holding index.html and assets/. */
  outDir: string;
  /** Removes the folder. */
  remove: () => void;
}

/** Runs `vite build` in a child process (not inside Vitest's own Vite) and returns the output folder. */
export async function buildApp(): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build exited with ${code}:\n${output.join('')}`);
  }
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Runs `npm run build:single` (scripts/build-single.ts through tsx) and returns the path of
 * dist-single/index.html. Set E2E_SINGLE_FILE to use an existing single file instead.
 */
export async function buildSingleFile(): Promise<string> {
  const existing = process.env.E2E_SINGLE_FILE;
  if (existing) return existing;
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(projectRoot, 'scripts', 'build-single.ts'),
      ],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`build:single exited with ${code}:\n${output.join('')}`);
  return join(projectRoot, 'dist-single', 'index.html');
}
