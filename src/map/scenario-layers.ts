/**
 * The active scenario as the map shows it: receiving zones as features (with their R2 verdict),
 * and the plot actions that changed between two scenarios (for feature state).
 */

import type { ActionEntry, Scenario, ScenarioSet } from '../core/scenario/types.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { FeatureCollection } from '../core/types.ts';

/** The scenario being edited. */
export function activeScenario(set: ScenarioSet): Scenario | undefined {
  return set.scenarios.find((scenario) => scenario.id === set.activeScenarioId) ?? set.scenarios[0];
}

/** Receiving zones with `id`, `name` and `r2` ('ok' until measured). */
export function zoneFeatures(
  scenario: Scenario | undefined,
  measures: Readonly<Record<string, ZoneMeasures>> | undefined,
): FeatureCollection<unknown, { id: string; name: string; r2: string }> {
  return {
    type: 'FeatureCollection',
    features: (scenario?.zones ?? []).map((zone) => ({
      type: 'Feature' as const,
      id: zone.id,
      properties: { id: zone.id, name: zone.name, r2: measures?.[zone.id]?.r2 ?? 'ok' },
      geometry: zone.geometry,
    })),
  };
}

/**
 * Plot ids whose action differs between two action maps, with the new action (null: keep).
 * Entries are compared by identity: edits replace the entries they change and share the rest.
 */
export function changedActions(
  before: Readonly<Record<string, ActionEntry>>,
  after: Readonly<Record<string, ActionEntry>>,
): Map<string, ActionEntry['action'] | null> {
  const changed = new Map<string, ActionEntry['action'] | null>();
  if (before === after) return changed;
  for (const id in before) if (!Object.hasOwn(after, id)) changed.set(id, null);
  for (const id in after) {
    if (before[id] !== after[id]) changed.set(id, after[id]?.action ?? null);
  }
  return changed;
}
