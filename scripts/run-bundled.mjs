/**
 * Runs a command-line script of this folder (`scripts/<name>.ts`) as one ES module that esbuild
 * bundles from the same sources, instead of through tsx's loader: the same code, but started in a
 * third of the time (tsx compiles and resolves every module through a worker thread on each run,
 * about 1 s of CPU for the analysis tool), and without tsx's per-call function naming on hot paths.
 *
 * The bundle is kept in `.cache/cli/` with the size and modification time of every source it was
 * built from, and built again (a fraction of a second) whenever one of them changes. Packages from
 * node_modules are bundled too (their files are among the sources checked), except HiGHS.
 *
 * Usage (package.json): node scripts/run-bundled.mjs <name> [arguments of the script…]
 */

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'cli');

/** What identifies a file's content cheaply: its size and modification time. */
export function fileStamp(path) {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * True when every source recorded in the manifest still has the stamp it had at build time.
 * @param manifestPath JSON of { inputs: { path relative to root: stamp } }
 */
export function isBundleFresh(root, manifestPath) {
  if (!existsSync(manifestPath)) return false;
  try {
    const { inputs } = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const entries = Object.entries(inputs ?? {});
    return entries.length > 0 && entries.every(([path, stamp]) => fileStamp(join(root, path)) === stamp);
  } catch {
    return false;
  }
}

/** Writes through a file of this process's own, so that runs at the same time never see half a file. */
function writeAtomically(path, content) {
  const temporary = `${path}.${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * The path of an up-to-date bundle of `scripts/<name>.ts`, built when needed.
 * @param name e.g. `analyze`
 */
export async function bundledScript(name, root = ROOT, cache = CACHE) {
  const out = join(cache, `${name}.mjs`);
  const manifestPath = join(cache, `${name}.json`);
  if (existsSync(out) && isBundleFresh(root, manifestPath)) return out;
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'scripts', `${name}.ts`)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are bundled too: node's loader took about 0.15 s of CPU to find, read and scan their
    // CommonJS files on every run. HiGHS stays outside: it finds its .wasm beside its own files.
    external: ['highs'],
    // Bundled CommonJS packages may require node's modules.
    banner: {
      js: "import { createRequire as createRequire$bundled } from 'node:module'; const require = createRequire$bundled(import.meta.url);",
    },
    write: false,
    metafile: true,
    logLevel: 'error',
    outfile: out,
  });
  // This file too: a change of how bundles are built builds them again.
  const sources = [...Object.keys(result.metafile.inputs), 'scripts/run-bundled.mjs'];
  const inputs = Object.fromEntries(sources.map((path) => [path, fileStamp(join(root, path))]));
  writeAtomically(out, result.outputFiles[0].contents);
  writeAtomically(manifestPath, `${JSON.stringify({ inputs }, null, 1)}\n`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2];
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(ROOT, 'scripts', `${name}.ts`))) {
    console.error(`usage: node scripts/run-bundled.mjs <script name in scripts/> [arguments…]`);
    process.exit(2);
  }
  const bundle = await bundledScript(name);
  // The script reads its own arguments from process.argv, as it would when run directly.
  process.argv.splice(2, 1);
  await import(pathToFileURL(bundle).href);
}
