/**
 * The undo history as values: a new step is added at the end (the oldest dropped past the limit).
 * A history read back from the autosave is checked step by step before it is used.
 */

import { isEditKind } from '../core/scenario/edits/apply-edit.ts';
import type { History, HistoryStep } from './planner-state.ts';

/** At most this many steps are kept for undo. */
export const HISTORY_LIMIT = 200;

/** `history` with `step` done last: nothing left to redo. */
export function pushHistoryStep(history: History, step: HistoryStep): History {
  return { past: [...history.past, step].slice(-HISTORY_LIMIT), future: [] };
}

/**
 * `value` as an undo history when it is one (as the autosave wrote it: every step labelled in both
 * languages, each a scenario edit of a known kind with its inverse or the slides before and after),
 * else null. The steps are the saved objects themselves, not copies.
 */
export function readHistory(value: unknown): History | null {
  if (!isRecord(value)) return null;
  const { past, future } = value;
  if (!Array.isArray(past) || !Array.isArray(future)) return null;
  if (past.length + future.length > 2 * HISTORY_LIMIT) return null;
  if (!past.every(isHistoryStep) || !future.every(isHistoryStep)) return null;
  return { past, future };
}

function isHistoryStep(value: unknown): value is HistoryStep {
  if (!isRecord(value) || !isRecord(value.label)) return false;
  if (typeof value.label.zh !== 'string' || typeof value.label.en !== 'string') return false;
  if ('slides' in value) {
    const slides = value.slides;
    return isRecord(slides) && Array.isArray(slides.before) && Array.isArray(slides.after);
  }
  return isEdit(value.forward) && isEdit(value.inverse);
}

/** An edit of a known kind, the parts of a batch too (walked with a stack, not by recursion). */
function isEdit(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const edit = stack.pop();
    if (!isRecord(edit) || !isEditKind(edit.type)) return false;
    if (edit.type === 'batch') {
      if (!Array.isArray(edit.edits)) return false;
      for (const part of edit.edits) stack.push(part);
    }
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
