/**
 * Autosave to IndexedDB: the worker saves the plan's layers whenever it has analysed new ones, and
 * reads them back on start (src/worker/saved-layers.ts); the page saves the scenarios, the slides, the view, the language and
 * the layers' label a moment after every change. A reload (or a crash and a new tab) restores them.
 */

import type { Slide } from '../core/plan/slides.ts';
import type { ScenarioSet } from '../core/scenario/scenario.ts';
import type { Language } from '../i18n/messages.ts';
import type { MapView, PlanLayers } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { getAutosaved, putAutosaved } from '../worker/saved-layers.ts';
import { restorePlan } from './plan-jobs.ts';

const STATE_KEY = 'state';
/** Edits in quick succession are saved once. */
const STATE_DELAY_MS = 300;

interface SavedState {
  /** The layers' label and file names (the layers themselves are saved by the worker). */
  layerMeta?: Pick<PlanLayers, 'label' | 'sources'>;
  scenarioSet: ScenarioSet;
  view: MapView | null;
  language: Language;
  planName: string;
  /** Briefing slides (absent in states saved before there were slides). */
  slides?: Slide[];
}

/**
 * Restores the autosaved plan: its layers if any were saved (else `openDefault` opens the sample),
 * then its scenarios, view, language and name.
 */
export async function restoreAutosave(store: PlannerStore, openDefault: () => Promise<void>): Promise<void> {
  let saved: SavedState | undefined;
  try {
    saved = (await getAutosaved(STATE_KEY)) as SavedState | undefined;
  } catch {
    // No IndexedDB (a private window, a file:// page in some browsers): start afresh.
  }
  const meta = saved?.layerMeta ?? { label: null };
  // The worker reads the layers (none saved, or no IndexedDB there: the default plan).
  const outcome = await restorePlan(store, meta);
  if (outcome === 'nothing-saved') await openDefault();
  if (outcome === 'not-restored') {
    // Cancelled or failed: no sample in its place, whose autosave would overwrite the saved plan.
    const failure = store.getState().notice?.message;
    store.getState().setNotice({
      kind: failure ? 'error' : 'info',
      message: {
        zh: `${failure ? `${failure.zh}\n` : ''}上次保存的规划没有打开，它仍保存在本机：刷新页面即可再次打开。`,
        en: `${failure ? `${failure.en}\n` : ''}The last saved plan was not opened. It is still saved on this computer: reload the page to open it.`,
      },
    });
    return;
  }
  if (saved && store.getState().layers) {
    const state = store.getState();
    state.setScenarioSet(saved.scenarioSet);
    state.setLanguage(saved.language);
    state.setPlanName(saved.planName);
    state.setSlides(Array.isArray(saved.slides) ? saved.slides : []);
    if (saved.view) state.requestView(saved.view);
  }
}

/**
 * Saves the plan as it changes.
 * @returns a function that stops saving
 */
export function startAutosave(store: PlannerStore): () => void {
  let timer: number | undefined;
  let writing: Promise<void> = Promise.resolve();
  const saveState = () => {
    const state = store.getState();
    const saved: SavedState = {
      layerMeta: { label: state.layers?.label ?? null, sources: state.layers?.sources ?? {} },
      scenarioSet: state.scenarioSet,
      view: state.view,
      language: state.language,
      planName: state.planName,
      slides: state.slides,
    };
    // One write after the other, so that an older state never lands after a newer one.
    writing = writing
      .then(() => putAutosaved(STATE_KEY, saved))
      .catch((error: unknown) => console.warn('Autosave failed.', error));
  };
  const unsubscribe = store.subscribe((state, previous) => {
    // No plan (a saved one that was not opened): nothing to save, and the saved plan stays as it is.
    if (!state.layers) return;
    if (
      state.layers !== previous.layers ||
      state.scenarioSet !== previous.scenarioSet ||
      state.view !== previous.view ||
      state.language !== previous.language ||
      state.planName !== previous.planName ||
      state.slides !== previous.slides
    ) {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = undefined;
        saveState();
      }, STATE_DELAY_MS);
    }
  });
  // A tab being closed saves at once rather than after the delay.
  const flush = () => {
    if (timer !== undefined) {
      window.clearTimeout(timer);
      saveState();
    }
  };
  window.addEventListener('pagehide', flush);
  // The plan just opened (its label, the view) is saved even if nothing changes.
  timer = window.setTimeout(() => {
    timer = undefined;
    saveState();
  }, STATE_DELAY_MS);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
