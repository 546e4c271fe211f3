/**
 * The plan's layers in IndexedDB, written and read back by the worker (which analyses them), so that
 * the page's thread never holds 100,000 plots as one piece: on start the worker reads them, analyses
 * them and sends them to the page in chunks (src/services/autosave.ts asks it to).
 */

import type { PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { isPackedLayer, unpackLayer } from './packed-layer.ts';
import { isLayersInParts, layersFromParts, layersInParts } from './saved-layer-parts.ts';

export const AUTOSAVE_DATABASE = 'industrial-land-planner';
export const AUTOSAVE_STORE = 'autosave';
export const LAYERS_KEY = 'layers';

/** Opens (and on first use creates) the autosave database. */
export function openAutosaveDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(AUTOSAVE_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(AUTOSAVE_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Stores `value` under `key` in the autosave store (the page's and the worker's one way in). */
export async function putAutosaved(key: string, value: unknown): Promise<void> {
  const db = await openAutosaveDatabase();
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(AUTOSAVE_STORE, 'readwrite');
      transaction.objectStore(AUTOSAVE_STORE).put(value, key);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      // A transaction can also end without an error event (the value too large for the browser's
      // storage, the quota): without this the caller would wait for ever.
      transaction.onabort = () =>
        reject(transaction.error ?? new Error('The autosave transaction was aborted.'));
    });
  } finally {
    db.close();
  }
}

/** The value stored under `key` in the autosave store; undefined when there is none. */
export async function getAutosaved(key: string): Promise<unknown> {
  const [value] = await getAutosavedEntries([key]);
  return value;
}

/** The values stored under `keys`, read in one transaction (so as one writer left them). */
export async function getAutosavedEntries(keys: readonly string[]): Promise<unknown[]> {
  const db = await openAutosaveDatabase();
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const transaction = db.transaction(AUTOSAVE_STORE, 'readonly');
      const requests = keys.map((key) => transaction.objectStore(AUTOSAVE_STORE).get(key));
      transaction.oncomplete = () => resolve(requests.map((request) => request.result));
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () =>
        reject(transaction.error ?? new Error('The autosave transaction was aborted.'));
    });
  } finally {
    db.close();
  }
}

/** The records of the layers' parts are named so (see saved-layer-parts.ts), followed by their index. */
const PART_PREFIX = 'layers-part-';

/**
 * Stores `layers` as the autosaved ones, under `key` (what names this set: see analysis-api.ts), in
 * records small enough for the browser (saved-layer-parts.ts), all written in one transaction in
 * place of the previous ones; failures (no IndexedDB, quota) are reported, never thrown.
 */
export async function saveLayers(layers: PlanLayerSet, key: string): Promise<void> {
  try {
    const { record, parts } = layersInParts(layers, key);
    const db = await openAutosaveDatabase();
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(AUTOSAVE_STORE, 'readwrite');
        const objects = transaction.objectStore(AUTOSAVE_STORE);
        // The parts of the previous save beyond this one's are deleted.
        const previous = objects.get(LAYERS_KEY);
        previous.onsuccess = () => {
          const before = isLayersInParts(previous.result) ? Number(previous.result.partCount) : 0;
          for (let index = parts.length; index < before; index++) objects.delete(`${PART_PREFIX}${index}`);
        };
        parts.forEach((part, index) => {
          objects.put(part, `${PART_PREFIX}${index}`);
        });
        objects.put(record, LAYERS_KEY);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () =>
          reject(transaction.error ?? new Error('The autosave transaction was aborted.'));
      });
    } finally {
      db.close();
    }
  } catch (error) {
    console.warn('Autosave of the layers failed.', error);
  }
}

/**
 * The autosaved layers and their key ('' for layers saved before keys were); null when there are
 * none or IndexedDB cannot be read (reported, never thrown).
 */
export async function loadSavedLayers(): Promise<{ layers: PlanLayerSet; key: string } | null> {
  try {
    const value = await getAutosaved(LAYERS_KEY);
    if (isLayersInParts(value)) {
      const count = Number(value.partCount);
      const keys = Array.from({ length: count }, (_, index) => `${PART_PREFIX}${index}`);
      const [record, ...parts] = await getAutosavedEntries([LAYERS_KEY, ...keys]);
      // Read again with its parts in one transaction: another save may have come in between.
      if (!isLayersInParts(record) || record.key !== value.key) return null;
      return layersFromParts(record, (index) => parts[index]);
    }
    // Layers saved as one value (before they were saved in parts).
    if (!isLayerSet(value)) return null;
    const { boundary, control, plots, key } = value as PlanLayerSet & { key?: unknown };
    return {
      layers: { boundary, control, plots: isPackedLayer(plots) ? unpackLayer(plots) : plots },
      key: typeof key === 'string' ? key : '',
    };
  } catch (error) {
    console.warn('The autosaved layers could not be read.', error);
    return null;
  }
}

function isLayerSet(value: unknown): value is PlanLayerSet {
  if (typeof value !== 'object' || value === null) return false;
  const set = value as Record<string, { features?: unknown } | undefined>;
  return ['boundary', 'control', 'plots'].every((kind) => Array.isArray(set[kind]?.features));
}
