/**
 * A merge of town parts as ONE scenario edit (a batch, one undo step in the app): per scenario the
 * plot entries, zones, transfers and direct quotas in which the merged plan differs from the city
 * plan, each as the edit that makes the city's value the merged one.
 */

import { fingerprintOf } from '../plan/plan-fingerprint.ts';
import type { ScenarioEdit } from '../scenario/edits/scenario-edit.ts';
import type { ActionEntry, Scenario } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';

/** Edits that turn the list `before` into `after` (by id): deleted, changed (deleted and added at its place), added. */
function listEdits<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  remove: (id: string) => ScenarioEdit,
  add: (item: T, index: number) => ScenarioEdit,
): ScenarioEdit[] {
  const edits: ScenarioEdit[] = [];
  const kept = new Map(after.map((item) => [item.id, item]));
  for (const item of before) {
    const next = kept.get(item.id);
    if (!next || fingerprintOf(next) !== fingerprintOf(item)) edits.push(remove(item.id));
  }
  const was = new Map(before.map((item) => [item.id, item]));
  after.forEach((item, index) => {
    const previous = was.get(item.id);
    if (!previous || fingerprintOf(previous) !== fingerprintOf(item)) edits.push(add(item, index));
  });
  return edits;
}

/** The edits turning `city` into `merged` (the same scenario, by id). */
function scenarioEdits(city: Scenario, merged: Scenario): ScenarioEdit[] {
  const scenarioId = city.id;
  const entries: Record<string, ActionEntry | null> = {};
  for (const plotId of new Set([...Object.keys(city.actions), ...Object.keys(merged.actions)])) {
    const before = Object.hasOwn(city.actions, plotId) ? city.actions[plotId] : undefined;
    const after = Object.hasOwn(merged.actions, plotId) ? merged.actions[plotId] : undefined;
    if ((before ? fingerprintOf(before) : '') !== (after ? fingerprintOf(after) : ''))
      entries[plotId] = after ?? null;
  }
  const edits: ScenarioEdit[] = [];
  if (Object.keys(entries).length > 0) edits.push({ type: 'put-actions', entries, scenarioId });
  edits.push(
    ...listEdits(
      city.zones,
      merged.zones,
      (zoneId) => ({ type: 'delete-zone', zoneId, scenarioId }),
      (zone, index) => ({ type: 'add-zone', zone, index, scenarioId }),
    ),
    ...listEdits(
      city.transfers,
      merged.transfers,
      (transferId) => ({ type: 'delete-transfer', transferId, scenarioId }),
      (transfer, index) => ({ type: 'add-transfer', transfer, index, scenarioId }),
    ),
    ...listEdits(
      city.directQuota,
      merged.directQuota,
      (quotaId) => ({ type: 'delete-direct-quota', quotaId, scenarioId }),
      (quota, index) => ({ type: 'add-direct-quota', quota, index, scenarioId }),
    ),
  );
  return edits;
}

/**
 * The merge as one labelled batch edit, or null when it changes nothing.
 * @param city the scenarios before the merge
 * @param merged the merged plan's scenarios (the same ids, in the same order)
 */
export function mergeEdit(
  city: readonly Scenario[],
  merged: readonly Scenario[],
  label: Message,
): ScenarioEdit | null {
  const byId = new Map(merged.map((scenario) => [scenario.id, scenario]));
  const edits = city.flatMap((scenario) => {
    const after = byId.get(scenario.id);
    return after ? scenarioEdits(scenario, after) : [];
  });
  return edits.length > 0 ? { type: 'batch', edits, label } : null;
}
