/** The undo history as values: a new step is added at the end (the oldest dropped past the limit). */

import type { History, HistoryStep } from './planner-state.ts';

/** At most this many steps are kept for undo. */
export const HISTORY_LIMIT = 200;

/** `history` with `step` done last: nothing left to redo. */
export function pushHistoryStep(history: History, step: HistoryStep): History {
  return { past: [...history.past, step].slice(-HISTORY_LIMIT), future: [] };
}
