/**
 * The single-file app (dist-single/index.html) that review bundles are made of, built when it is
 * missing or older than a source of the app: read by `npm run bundle` and served by the dev server
 * as planner-single.html, so that 导出 → 审阅包 works in the app `npm start` opens.
 */

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of the files under `paths` (folders walked). */
function newestChange(paths: string[]): number {
  let newest = 0;
  const stack = paths.filter((path) => existsSync(path));
  while (stack.length > 0) {
    const path = stack.pop() as string;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Where the single-file app of the project at `root` is, and whether it is older than a source. */
export function singleFileApp(root: string): { page: string; current: boolean } {
  const page = join(root, 'dist-single', 'index.html');
  const sources = ['src', 'data', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']
    .map((name) => join(root, name))
    .concat(join(root, 'scripts', 'build-single.ts'));
  return { page, current: existsSync(page) && statSync(page).mtimeMs >= newestChange(sources) };
}

/**
 * Builds the single-file app (`npm run build:single`, a minute or more) unless it is current.
 * @returns its path; rejects when the build fails
 */
export function buildSingleFileApp(root: string): Promise<string> {
  const { page, current } = singleFileApp(root);
  if (current) return Promise.resolve(page);
  console.error(
    '正在构建单文件版（npm run build:single）… / Building the single-file app (npm run build:single)…',
  );
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [tsx, join(root, 'scripts', 'build-single.ts')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // The dev server sets NODE_ENV=development, which would inline React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    build.on('error', reject);
    build.on('close', (code) =>
      code === 0 ? resolve(page) : reject(new Error(`npm run build:single exited with ${code}`)),
    );
  });
}
