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

/**
 * Runs `work` in a read-write transaction of the autosave store; settles when the transaction is
 * committed, or rejects when it fails or is aborted (Chromium aborts one whose value is too large
 * without an error event: without `onabort` the caller would wait for ever).
 */
function writeTransaction(db: IDBDatabase, work: (objects: IDBObjectStore) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(AUTOSAVE_STORE, 'readwrite');
    work(transaction.objectStore(AUTOSAVE_STORE));
    transaction.oncomplete = () => resolve();
    transaction.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? transaction.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('The autosave transaction was aborted.'));
  });
}

/** Stores `value` under `key` in the autosave store (the page's and the worker's one way in). */
export async function putAutosaved(key: string, value: unknown): Promise<void> {
  const db = await openAutosaveDatabase();
  try {
    await writeTransaction(db, (objects) => objects.put(value, key));
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
    return await readEntries(db, keys);
  } finally {
    db.close();
  }
}

/** The values stored under `keys` in the autosave store of `db`, read in one transaction of their own. */
function readEntries(db: IDBDatabase, keys: readonly string[]): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    const transaction = db.transaction(AUTOSAVE_STORE, 'readonly');
    const requests = keys.map((key) => transaction.objectStore(AUTOSAVE_STORE).get(key));
    transaction.oncomplete = () => resolve(requests.map((request) => request.result));
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('The autosave transaction was aborted.'));
  });
}

/** The records of the layers' parts are named so (see saved-layer-parts.ts), then the key and index. */
const PART_PREFIX = 'layers-part-';

/**
 * Stores `layers` as the autosaved ones, under `key` (what names this set: see analysis-api.ts), in
 * records small enough for the browser (saved-layer-parts.ts). Each part is written in a transaction
 * of its own, so that the browser holds one part serialized at a time, not all the layers; the
 * record naming them comes last, in place of the previous one, whose parts (and any a failed save
 * left) go with it. Failures (no IndexedDB, quota) are reported, never thrown.
 */
export async function saveLayers(layers: PlanLayerSet, key: string): Promise<void> {
  try {
    const { record, parts } = layersInParts(layers, key);
    const partKeys = parts.map((_, index) => `${PART_PREFIX}${key}-${index}`);
    const db = await openAutosaveDatabase();
    try {
      for (const [index, part] of parts.entries())
        await writeTransaction(db, (objects) => objects.put(part(), partKeys[index] as string));
      await writeTransaction(db, (objects) => {
        const keys = objects.getAllKeys();
        keys.onsuccess = () => {
          const kept = new Set(partKeys);
          for (const stored of keys.result)
            if (typeof stored === 'string' && stored.startsWith(PART_PREFIX) && !kept.has(stored))
              objects.delete(stored);
        };
        objects.put({ ...record, partKeys }, LAYERS_KEY);
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
      // Each part read when it is taken in, in a transaction of its own: all of them read at once
      // lay as read beside the layers made of them. A part's key names the save it belongs to: one
      // that another save replaced meanwhile is missing (no layers), never another save's.
      const keys = value.partKeys;
      const db = await openAutosaveDatabase();
      try {
        return await layersFromParts(value, (index) => {
          const key = keys[index];
          return key === undefined ? undefined : readEntries(db, [key]).then(([part]) => part);
        });
      } finally {
        db.close();
      }
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
