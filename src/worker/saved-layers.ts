/**
 * The plan's layers in IndexedDB, written by the worker (which has them) so that the page's thread
 * never copies 100,000 plots into the database; the page reads them back on start (src/app/autosave.ts).
 */

import type { PlanLayerSet } from './protocol.ts';

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

/** Stores `layers` as the autosaved ones; failures (no IndexedDB, quota) are reported, never thrown. */
export async function saveLayers(layers: PlanLayerSet): Promise<void> {
  try {
    const db = await openAutosaveDatabase();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(AUTOSAVE_STORE, 'readwrite');
      const { boundary, control, plots } = layers;
      transaction.objectStore(AUTOSAVE_STORE).put({ boundary, control, plots }, LAYERS_KEY);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  } catch (error) {
    console.warn('Autosave of the layers failed.', error);
  }
}
