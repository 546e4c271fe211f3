/**
 * The plots marked as suggested (方案建议): of the active scenario, when it was made from an accepted
 * suggestion, the plots that still hold the very entry suggested for them. An edit of a plot (any
 * other entry, or none) takes its mark away; undoing the edit brings it back. Memoised per
 * suggestion record and action map.
 */

import type { ActionEntry, Scenario } from '../core/scenario/scenario.ts';
import type { SuggestedAction } from '../core/suggest/suggestion.ts';
import type { Message } from '../core/types.ts';
import type { PlannerState, SuggestionRecord } from './planner-state.ts';
import { selectActiveScenario } from './scenario-selectors.ts';

/** Suggested plots by id, with the suggestion's explanation of each. */
export type SuggestedMarks = ReadonlyMap<string, Message>;

const NO_MARKS: SuggestedMarks = new Map();

/** True when `entry` is the one suggested (same action, year, zone and lease). */
export function isSuggestedEntry(entry: ActionEntry | undefined, suggested: SuggestedAction): boolean {
  return (
    entry !== undefined &&
    entry.action === suggested.action &&
    entry.year === suggested.year &&
    (entry.zoneId ?? null) === (suggested.zoneId ?? null) &&
    (entry.lease?.years ?? null) === (suggested.lease?.years ?? null)
  );
}

const cache = new WeakMap<SuggestionRecord, { actions: Scenario['actions']; marks: SuggestedMarks }>();

/** The marks of `scenario` under its suggestion record (none without one). */
export function suggestedMarksOf(
  record: SuggestionRecord | undefined,
  scenario: Scenario | undefined,
): SuggestedMarks {
  if (!record || !scenario) return NO_MARKS;
  const cached = cache.get(record);
  if (cached && cached.actions === scenario.actions) return cached.marks;
  const marks = new Map<string, Message>();
  for (const suggested of record.actions) {
    if (isSuggestedEntry(scenario.actions[suggested.plotId], suggested))
      marks.set(suggested.plotId, suggested.explanation);
  }
  cache.set(record, { actions: scenario.actions, marks });
  return marks;
}

/** The active scenario's suggested plots (empty unless it was made from a suggestion). */
export function selectSuggestedMarks(state: PlannerState): SuggestedMarks {
  const scenario = selectActiveScenario(state);
  return suggestedMarksOf(scenario && state.suggestions[scenario.id], scenario);
}

/** The suggestion a scenario was made from, or undefined. */
export function selectSuggestionOf(state: PlannerState, scenarioId: string): SuggestionRecord | undefined {
  return state.suggestions[scenarioId];
}
