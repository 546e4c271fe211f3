/**
 * The version-comparison worker, started from a module of its own that version-diff.ts imports only
 * when a comparison is first asked for: the worker's file is then a lazy asset, not first-view code.
 */

export function startDiffWorker(): Worker {
  return new Worker(new URL('../worker/diff-worker.ts', import.meta.url), { type: 'module' });
}
