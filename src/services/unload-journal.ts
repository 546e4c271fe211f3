/**
 * The last state of a page that went away before IndexedDB had stored it. An IndexedDB write made
 * in `pagehide` is sometimes dropped with the page (measured in Chromium: 1 in 10 for a write made
 * on an open connection, every one for a write that first opens the database), while web storage
 * writes synchronously. So the autosave also leaves the state here when the page goes away with a
 * save not yet done; the next start takes whichever of the two is newer (by revision) and clears
 * this once IndexedDB holds a state at least as new.
 */

/** The part of the Web Storage API (localStorage) used; tests give their own. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STATE_ITEM = 'industrial-land-planner.unsaved-state';
/** The revision alone, so that clearing needs no parse of the state. */
const REVISION_ITEM = 'industrial-land-planner.unsaved-revision';

/** The page's localStorage, or null where there is none or it may not be used. */
export function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading localStorage throws where storage is blocked.
    return null;
  }
}

/**
 * Leaves `state` (JSON data) with its revision.
 * @returns false when it could not (no room: web storage holds a few megabytes)
 */
export function writeJournal(storage: JournalStorage, revision: number, state: unknown): boolean {
  try {
    // The revision last: a state without its revision is never taken.
    storage.removeItem(REVISION_ITEM);
    storage.setItem(STATE_ITEM, JSON.stringify(state));
    storage.setItem(REVISION_ITEM, String(revision));
    return true;
  } catch {
    clearJournal(storage);
    return false;
  }
}

/** The state left by a page that went away, with its revision; null when there is none or it cannot be read. */
export function readJournal(storage: JournalStorage): { revision: number; state: unknown } | null {
  try {
    const revision = Number(storage.getItem(REVISION_ITEM));
    const text = storage.getItem(STATE_ITEM);
    if (!Number.isSafeInteger(revision) || revision <= 0 || text === null) return null;
    return { revision, state: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** Clears the journal, or only when its revision is at most `upTo` (IndexedDB holds one as new). */
export function clearJournal(storage: JournalStorage, upTo = Number.POSITIVE_INFINITY): void {
  try {
    const revision = Number(storage.getItem(REVISION_ITEM) ?? 0);
    if (revision > upTo) return;
    storage.removeItem(REVISION_ITEM);
    storage.removeItem(STATE_ITEM);
  } catch {
    // Storage blocked: nothing was written either.
  }
}
