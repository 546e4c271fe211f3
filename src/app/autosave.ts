/**
 * Autosave to IndexedDB: the plan's layers whenever they change, and the scenarios, the view and
 * the language a moment after every edit; a reload (or a crash and a new tab) restores them.
 */

import type { ScenarioSet } from '../core/scenario/types.ts';
import type { Language } from '../i18n/messages.ts';
import type { MapView, PlanLayers, PlannerStore } from '../state/store.ts';
import { openPlan } from './plan-jobs.ts';

const DATABASE = 'industrial-land-planner';
const STORE = 'autosave';
const LAYERS_KEY = 'layers';
const STATE_KEY = 'state';
/** Edits in quick succession are saved once. */
const STATE_DELAY_MS = 300;

interface SavedState {
  scenarioSet: ScenarioSet;
  view: MapView | null;
  language: Language;
  planName: string;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function put(key: string, value: unknown): Promise<void> {
  const db = await openDatabase();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

async function get<T>(key: string): Promise<T | undefined> {
  const db = await openDatabase();
  const value = await new Promise<T | undefined>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return value;
}

/**
 * Restores the autosaved plan: its layers if any were saved (else `openDefault` opens the sample),
 * then its scenarios, view, language and name.
 */
export async function restoreAutosave(store: PlannerStore, openDefault: () => Promise<void>): Promise<void> {
  let layers: PlanLayers | undefined;
  let saved: SavedState | undefined;
  try {
    [layers, saved] = await Promise.all([get<PlanLayers>(LAYERS_KEY), get<SavedState>(STATE_KEY)]);
  } catch {
    // No IndexedDB (a private window, a file:// page in some browsers): start afresh.
  }
  if (!(layers && (await openPlan(store, layers)))) await openDefault();
  if (saved && store.getState().layers) {
    const state = store.getState();
    state.setScenarioSet(saved.scenarioSet);
    state.setLanguage(saved.language);
    state.setPlanName(saved.planName);
    if (saved.view) state.requestView(saved.view);
  }
}

/**
 * Saves the plan as it changes.
 * @returns a function that stops saving
 */
export function startAutosave(store: PlannerStore): () => void {
  let layers = store.getState().layers;
  let timer: number | undefined;
  const saveState = () => {
    const state = store.getState();
    const saved: SavedState = {
      scenarioSet: state.scenarioSet,
      view: state.view,
      language: state.language,
      planName: state.planName,
    };
    put(STATE_KEY, saved).catch((error: unknown) => console.warn('Autosave failed.', error));
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.layers && state.layers !== layers) {
      layers = state.layers;
      put(LAYERS_KEY, state.layers).catch((error: unknown) => console.warn('Autosave failed.', error));
    }
    if (
      state.scenarioSet !== previous.scenarioSet ||
      state.view !== previous.view ||
      state.language !== previous.language ||
      state.planName !== previous.planName
    ) {
      window.clearTimeout(timer);
      timer = window.setTimeout(saveState, STATE_DELAY_MS);
    }
  });
  // A tab being closed saves at once rather than after the delay.
  const flush = () => {
    if (timer !== undefined) saveState();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
