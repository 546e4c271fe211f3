/**
 * Autosave to IndexedDB: the worker saves the plan's layers whenever it has analysed new ones, and
 * reads them back on start (src/worker/saved-layers.ts); the page saves the scenarios, the slides, the
 * comments, a town part's origin, the undo history, the planning settings (horizon, targets,
 * suggestion) and accepted suggestions, the view, the language and the layers' label a moment after
 * every change, and at once
 * when the page goes away. A reload (or a crash and a new tab) restores them, undo history included.
 * Of two tabs, the one that saved last owns the save: the other says so and saves no more.
 */

import type { DerivedFrom } from '../core/plan/derived-from.ts';
import { type LayerOrigins, sampleOrigins } from '../core/plan/layer-origins.ts';
import type { PlanComment } from '../core/plan/plan-comments.ts';
import type { Slide } from '../core/plan/slides.ts';
import type { ScenarioSet } from '../core/scenario/scenario.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import type { PlanningSettings } from '../core/suggest/suggest-settings.ts';
import type { LayerKind, Message } from '../core/types.ts';
import type { Language } from '../i18n/messages.ts';
import { readHistory } from '../state/history.ts';
import type { History, MapView, PlannerState, SuggestionRecord } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { AUTOSAVE_STORE, getAutosavedEntries, openAutosaveDatabase } from '../worker/saved-layers.ts';
import { restorePlan } from './plan-jobs.ts';
import { readSavedAnalysisSettings, readSavedPlanning, readSavedSuggestions } from './saved-planning.ts';
import {
  clearJournal,
  type JournalStorage,
  pageStorage,
  readJournal,
  writeJournal,
} from './unload-journal.ts';

const STATE_KEY = 'state';
/** The undo history, in a record of its own written only when it changed. */
const HISTORY_KEY = 'history';
/** Edits in quick succession are saved once, this long after the last. */
const STATE_DELAY_MS = 300;
/** Tabs of the page tell each other through this channel that they saved. */
const TABS_CHANNEL = 'industrial-land-planner-autosave';

/** What the page saves (the layers themselves are saved by the worker). */
export interface SavedState {
  /** When it was saved (ms since 1970, rising within a page): of two saved states the newer wins. */
  revision?: number;
  /**
   * Where the layers came from (`origins`); states saved before origins were kept hold the plan's
   * `label` (the sample's, or null) and the imported layers' file names (`sources`) instead.
   */
  layerMeta?: {
    origins?: LayerOrigins | null;
    label?: string | null;
    sources?: Partial<Record<LayerKind, string>>;
  };
  scenarioSet: ScenarioSet;
  view: MapView | null;
  language: Language;
  planName: string;
  /** Briefing slides (absent in states saved before there were slides). */
  slides?: Slide[];
  /** The plan's comments (absent in states saved before plan file version 3: none). */
  comments?: PlanComment[];
  /** A town part's origin (absent in states saved before plan file version 3, or when the plan is not one). */
  derivedFrom?: DerivedFrom | null;
  /**
   * The undo history, whose last step made `scenarioSet` and `slides` (absent in states saved before
   * it was kept). In IndexedDB it is the record HISTORY_KEY, and `historyKept` says it is there.
   */
  history?: History;
  historyKept?: boolean;
  /** The plan's horizon, targets and suggestion settings (absent in states saved before they were kept). */
  planning?: PlanningSettings;
  /**
   * The analysis settings the plan was classified with (tolerance, screening thresholds, class
   * limits, as a plan file gave them; absent in states saved before they were kept: the defaults).
   */
  analysisSettings?: AnalysisSettings;
  /** The accepted plan suggestions by scenario id, whose plots are marked (absent: none). */
  suggestions?: Record<string, SuggestionRecord>;
}

const HISTORY_NOT_SAVED: Message = {
  zh: '规划已从本机恢复，但上次的撤销记录没有保存下来（旧版本保存的规划，或撤销记录太大），撤销从现在起重新记录。',
  en: 'The plan was restored from this computer, but its undo history was not saved (a plan saved by an older version, or a history too large to save): undo starts afresh from now.',
};

const SAVED_IN_OTHER_TAB: Message = {
  zh: '这个规划已在另一个标签页中打开并自动保存。为免覆盖那里的修改，本页的修改不再自动保存：请在最新打开的标签页中继续，或刷新本页以打开最新保存的规划。',
  en: 'This plan was opened and autosaved in another tab. So as not to overwrite the changes made there, changes made here are no longer saved: go on in the tab opened last, or reload this page to open the plan as last saved.',
};

const HISTORY_TOO_LARGE: Message = {
  zh: '撤销记录太大，本机存储放不下：规划仍会自动保存，但刷新页面后将不能撤销之前的操作。',
  en: 'The undo history is too large for this computer’s storage: the plan is still autosaved, but after a reload earlier steps cannot be undone.',
};

function saveFailed(error: unknown): Message {
  const reason = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return {
    zh: `无法自动保存到本机（${reason}）：刷新或关闭页面会丢失修改。请先用“保存规划”把规划存为文件。`,
    en: `The plan cannot be autosaved on this computer (${reason}): a reload or closing the page loses the changes. Save the plan to a file with “Save plan” first.`,
  };
}

/** What the autosave keeps of `state`. */
function savedStateOf(state: PlannerState, revision: number): SavedState {
  return {
    revision,
    layerMeta: { origins: state.layers?.origins ?? null },
    scenarioSet: state.scenarioSet,
    view: state.view,
    language: state.language,
    planName: state.planName,
    slides: state.slides,
    comments: state.comments,
    derivedFrom: state.derivedFrom,
    history: state.history,
    planning: state.planning,
    ...(state.analysis ? { analysisSettings: state.analysis.settings } : {}),
    suggestions: state.suggestions,
  };
}

/**
 * The layers' origins as saved. A state saved before origins were kept: with the sample's label,
 * the layers that no import replaced (no file name) are sample data and the others' origin unknown;
 * without it, nothing is known.
 */
export function savedOrigins(meta: SavedState['layerMeta']): LayerOrigins | null {
  if (!meta) return null;
  if (meta.origins !== undefined) return meta.origins;
  if (!meta.label) return null;
  const sample = sampleOrigins();
  for (const kind of Object.keys(meta.sources ?? {}) as LayerKind[]) delete sample[kind];
  return sample;
}

/** True when what the autosave keeps differs between the two states. */
function hasSavedChange(state: PlannerState, previous: PlannerState): boolean {
  return (
    state.layers !== previous.layers ||
    state.scenarioSet !== previous.scenarioSet ||
    state.history !== previous.history ||
    state.view !== previous.view ||
    state.language !== previous.language ||
    state.planName !== previous.planName ||
    state.slides !== previous.slides ||
    state.comments !== previous.comments ||
    state.derivedFrom !== previous.derivedFrom ||
    state.planning !== previous.planning ||
    state.suggestions !== previous.suggestions
  );
}

export interface RestoreOptions {
  /** How the plan's layers are restored: the worker reads them (a test opens them itself). */
  restoreLayers?: typeof restorePlan;
  /** Where a page that went away left its last state (localStorage; a test gives its own). */
  storage?: JournalStorage | null;
}

/** The saved state: IndexedDB's, or the one a page left in the journal when it went away, whichever is newer. */
async function readSavedState(storage: JournalStorage | null): Promise<SavedState | undefined> {
  let saved: SavedState | undefined;
  try {
    const [state, history] = await getAutosavedEntries([STATE_KEY, HISTORY_KEY]);
    saved = state as SavedState | undefined;
    if (saved?.historyKept) saved = { ...saved, history: history as History };
  } catch {
    // No IndexedDB (a private window, a file:// page in some browsers): start afresh.
  }
  const left = storage ? readJournal(storage) : null;
  if (left && left.revision > (saved?.revision ?? 0)) return left.state as SavedState;
  return saved;
}

/**
 * Restores the autosaved plan: its layers if any were saved (else `openDefault` opens the sample),
 * then its scenarios with their undo history, slides, view, language and name. When the history
 * could not be kept, a notice says that undo starts afresh.
 */
export async function restoreAutosave(
  store: PlannerStore,
  openDefault: () => Promise<void>,
  { restoreLayers = restorePlan, storage = pageStorage() }: RestoreOptions = {},
): Promise<void> {
  const saved = await readSavedState(storage);
  const meta = { origins: savedOrigins(saved?.layerMeta) };
  // The worker reads the layers (none saved, or no IndexedDB there: the default plan) and classifies
  // them with the settings they were classified with before the reload.
  const outcome = await restoreLayers(
    store,
    meta,
    readSavedAnalysisSettings(saved?.analysisSettings) ?? undefined,
  );
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
    const history = readHistory(saved.history);
    state.setScenarioSet(saved.scenarioSet, history ?? undefined);
    state.setLanguage(saved.language);
    state.setPlanName(saved.planName);
    state.setSlides(Array.isArray(saved.slides) ? saved.slides : []);
    state.setComments(Array.isArray(saved.comments) ? saved.comments : []);
    state.setDerivedFrom(saved.derivedFrom ?? null);
    const planning = readSavedPlanning(saved.planning);
    if (planning) state.setPlanning(planning);
    state.setSuggestions(readSavedSuggestions(saved.suggestions));
    if (saved.view) state.requestView(saved.view);
    if (!history) state.setNotice({ kind: 'info', message: HISTORY_NOT_SAVED });
  }
}

export interface AutosaveOptions {
  /** Where `pagehide` arrives: the window (a test gives its own target and dispatches it). */
  page?: EventTarget;
  /** Edits in quick succession are saved once, this long (ms) after the last. */
  delayMs?: number;
  /** Where the state goes when the page goes away with a save not yet done (localStorage). */
  storage?: JournalStorage | null;
}

export interface Autosave {
  /** Stops saving; a save waiting for its moment is dropped, as when the page is gone. */
  stop: () => void;
  /** Resolves once every write asked for so far has finished (committed or failed). */
  settled: () => Promise<void>;
}

/**
 * Saves the plan as it changes: a moment after the last change, and at once when the page is
 * hidden or goes away (a reload, a closed tab), with a write that needs no further turn of the
 * page's event loop. A failed save says so in a notice.
 */
export function startAutosave(store: PlannerStore, options: AutosaveOptions = {}): Autosave {
  const page = options.page ?? window;
  const delayMs = options.delayMs ?? STATE_DELAY_MS;
  const storage = options.storage === undefined ? pageStorage() : options.storage;
  const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(TABS_CHANNEL) : null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let superseded = false;
  let failureShown = false;
  let historyTooLarge = false;
  let lastWrite: Promise<void> = Promise.resolve();
  let lastRevision = 0;
  /** Saves made and not yet done (stored or failed). */
  let writing = 0;
  /** A journal may be there (a previous page's, or this one's from a `pagehide` it came back from). */
  let journalLeft = storage !== null;

  const reportFailure = (error: unknown) => {
    console.warn('Autosave failed.', error);
    if (failureShown) return;
    failureShown = true;
    store.getState().setNotice({ kind: 'error', message: saveFailed(error) });
  };
  // One connection for the page's life, so that a save needs no open first: on `pagehide` the
  // transaction is made, filled and committed before the handler returns.
  let database: IDBDatabase | null = null;
  const opened = openAutosaveDatabase().then((db) => {
    database = db;
    // A newer version of the app upgrading the database: let it.
    db.onversionchange = () => db.close();
  });
  opened.catch(reportFailure);

  /** The history as last written (its steps never change: a new history is a new object). */
  let storedHistory: History | undefined;

  /**
   * Writes `saved` in a transaction committed at once; the promise settles when it is done. The
   * history goes into its own record only when it changed: a save after a pan does not copy it.
   */
  const write = (saved: SavedState): Promise<void> => {
    const db = database;
    if (!db)
      return opened.then(
        () => write(saved),
        () => undefined,
      );
    const { history, ...record } = saved;
    return new Promise<void>((resolve) => {
      try {
        const transaction = db.transaction(AUTOSAVE_STORE, 'readwrite');
        const objects = transaction.objectStore(AUTOSAVE_STORE);
        objects.put(history ? { ...record, historyKept: true } : record, STATE_KEY);
        if (history && history !== storedHistory) objects.put(history, HISTORY_KEY);
        storedHistory = history;
        transaction.oncomplete = () => {
          if (journalLeft && storage) {
            clearJournal(storage, saved.revision);
            journalLeft = false;
          }
          resolve();
        };
        transaction.onabort = () => {
          storedHistory = undefined;
          resolve(writeFailed(saved, transaction.error));
        };
        transaction.commit();
      } catch (error) {
        storedHistory = undefined;
        resolve(writeFailed(saved, error));
      }
    });
  };

  /** Saves again without the undo history when it is what does not fit; else reports. */
  const writeFailed = (saved: SavedState, error: unknown): Promise<void> | undefined => {
    const quota = (error as { name?: string } | null)?.name === 'QuotaExceededError';
    if (quota && saved.history) {
      historyTooLarge = true;
      store.getState().setNotice({ kind: 'info', message: HISTORY_TOO_LARGE });
      const { history: _dropped, ...withoutHistory } = saved;
      return write(withoutHistory);
    }
    reportFailure(error);
    return undefined;
  };

  /** Saves the store's state now; returns what was saved (nothing when superseded or without a plan). */
  const saveState = (): SavedState | undefined => {
    timer = undefined;
    const state = store.getState();
    // No plan (a saved one whose opening was cancelled): the saved plan stays as it is.
    if (superseded || !state.layers) return undefined;
    lastRevision = Math.max(Date.now(), lastRevision + 1);
    const saved = savedStateOf(state, lastRevision);
    if (historyTooLarge) delete saved.history;
    // The database keeps the order in which writes are made: an older state never lands last.
    writing++;
    lastWrite = write(saved).finally(() => {
      writing--;
    });
    channel?.postMessage({ tab });
    return saved;
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveState, delayMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    // No plan (a saved one that was not opened): nothing to save, and the saved plan stays as it is.
    if (!state.layers || !hasSavedChange(state, previous)) return;
    if (!superseded) return schedule();
    // Saved elsewhere: each change made here is a reminder that it is not saved.
    if (!state.notice) state.setNotice({ kind: 'error', message: SAVED_IN_OTHER_TAB });
  });

  if (channel) {
    channel.onmessage = (event: MessageEvent<{ tab?: string }>) => {
      if (event.data?.tab === tab || superseded) return;
      // Another tab saved its plan over this one's: saving here again would overwrite its changes.
      superseded = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      store.getState().setNotice({ kind: 'error', message: SAVED_IN_OTHER_TAB });
    };
  }

  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    saveState();
  };
  // A reload or a closed tab saves at once: a field still being typed in stores its text on blur
  // (no blur comes when the page goes away), then the waiting save is made, and left in the
  // journal as well while IndexedDB has not stored it.
  const onPageHide = () => {
    if (typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
    if (timer === undefined && writing === 0) return;
    if (timer !== undefined) clearTimeout(timer);
    const saved = saveState();
    if (saved && storage) journalLeft = writeJournal(storage, lastRevision, saved) || journalLeft;
  };
  // A hidden tab may be discarded without `pagehide` (phones, memory pressure).
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  page.addEventListener('pagehide', onPageHide);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibilityChange);
  // The plan just opened (its label, the view) is saved even if nothing changes.
  schedule();

  return {
    stop: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      page.removeEventListener('pagehide', onPageHide);
      if (typeof document !== 'undefined')
        document.removeEventListener('visibilitychange', onVisibilityChange);
      channel?.close();
      opened.then(
        () => database?.close(),
        () => undefined,
      );
    },
    settled: () => lastWrite,
  };
}
