/**
 * The context layers in the autosave: a record of their own in the autosave store, written a
 * moment after they change (never with each pan or edit: a survey layer can be large), read back
 * once the start plan is open. The page's other autosave (autosave.ts) is not touched.
 */

import { PlanReader } from '../core/plan/plan-reader.ts';
import type { ContextLayer } from '../core/plan/read-context-layers.ts';
import { readContextLayers } from '../core/plan/read-context-layers.ts';
import type { PlannerStore } from '../state/store.ts';
import { getAutosaved, putAutosaved } from '../worker/saved-layers.ts';

const CONTEXT_KEY = 'context-layers';
const DELAY_MS = 300;

/**
 * Restores the saved context layers (when the store has none yet: a plan file opened meanwhile
 * wins), then saves them whenever they change. Returns a function that stops saving.
 */
export async function restoreAndSaveContextLayers(store: PlannerStore): Promise<() => void> {
  try {
    const saved = await getAutosaved(CONTEXT_KEY);
    if (saved !== undefined && store.getState().contextLayers.length === 0) {
      // Read as a plan file's member: whatever is stored, only drawable layers come back.
      const layers = readContextLayers(new PlanReader('autosave'), saved);
      if (layers.length > 0) store.getState().setContextLayers(layers);
    }
  } catch {
    // No IndexedDB (a private window, some file:// pages): nothing to restore, nothing saved.
    return () => undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const layers: ContextLayer[] = store.getState().contextLayers.map(({ id: _id, ...layer }) => layer);
    putAutosaved(CONTEXT_KEY, layers).catch((error: unknown) =>
      console.warn('Context layers not saved.', error),
    );
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.contextLayers === previous.contextLayers) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    if (timer !== undefined) clearTimeout(timer);
  };
}
