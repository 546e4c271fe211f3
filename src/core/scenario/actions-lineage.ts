/**
 * Where an action record came from: applyEdit notes, for each record it makes, the record it
 * started from and the plots it changed. The indicators use this to update their sums by the
 * changed plots only. Held weakly: a record no longer referenced is forgotten with its note.
 */

import type { ActionEntry } from './scenario.ts';

export interface ActionsLink {
  /** The record the child was made from. */
  parent: Readonly<Record<string, ActionEntry>>;
  /** The plots whose entry may differ between parent and child (every other entry is the same object). */
  plotIds: readonly string[];
}

const links = new WeakMap<object, ActionsLink>();

/**
 * Notes that `child` equals `parent` except for the entries of `plotIds`.
 * @param child a new action record (never mutated afterwards)
 */
export function recordActionsLineage(
  child: Readonly<Record<string, ActionEntry>>,
  parent: Readonly<Record<string, ActionEntry>>,
  plotIds: readonly string[],
): void {
  links.set(child, { parent, plotIds });
}

/** The note of an action record, if applyEdit made it. */
export function actionsLineage(child: Readonly<Record<string, ActionEntry>>): ActionsLink | undefined {
  return links.get(child);
}
