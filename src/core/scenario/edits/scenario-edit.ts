/**
 * The edits of scenarios (labelled transactions, applied by applyEdit) and what every edit kind
 * provides: its label, how it applies and the edit that undoes it. Helpers the kinds share.
 */

import type { Message } from '../../types.ts';
import type {
  ActionEntry,
  Assumptions,
  DirectQuota,
  QuotaTransfer,
  ReceivingZone,
  Scenario,
  ScenarioSet,
} from '../scenario.ts';

/** Edits of one scenario; without scenarioId they apply to the active one. */
type InScenario = { scenarioId?: string };

export type ScenarioEdit =
  /** The same entry for many plots (null: back to keep, i.e. no entry). */
  | ({ type: 'set-actions'; plotIds: readonly string[]; entry: ActionEntry | null } & InScenario)
  /** An entry per plot (null: no entry); the inverse of set-actions. */
  | ({
      type: 'put-actions';
      entries: Readonly<Record<string, ActionEntry | null>>;
      label?: Message;
    } & InScenario)
  | ({ type: 'add-zone'; zone: ReceivingZone; index?: number } & InScenario)
  /** Replaces the zone with the same id. */
  | ({ type: 'update-zone'; zone: ReceivingZone } & InScenario)
  | ({ type: 'delete-zone'; zoneId: string } & InScenario)
  | ({ type: 'set-assumptions'; assumptions: Partial<Assumptions> } & InScenario)
  | ({ type: 'add-transfer'; transfer: QuotaTransfer; index?: number } & InScenario)
  | ({ type: 'delete-transfer'; transferId: string } & InScenario)
  | ({ type: 'add-direct-quota'; quota: DirectQuota; index?: number } & InScenario)
  | ({ type: 'delete-direct-quota'; quotaId: string } & InScenario)
  /** Adds a scenario (an empty one from createScenario, or a given one) and makes it active unless told otherwise. */
  | { type: 'create-scenario'; scenario: Scenario; index?: number; activeScenarioId?: string }
  | { type: 'duplicate-scenario'; scenarioId: string; newId: string; name: string; activeScenarioId?: string }
  | { type: 'rename-scenario'; scenarioId: string; name: string }
  /** Removes a scenario; when it was active, its neighbour becomes active unless told otherwise. */
  | { type: 'delete-scenario'; scenarioId: string; activeScenarioId?: string }
  | { type: 'activate-scenario'; scenarioId: string }
  /** Several edits as one transaction. */
  | { type: 'batch'; edits: readonly ScenarioEdit[]; label: Message };

/** The edit of one kind, e.g. `EditOf<'add-zone'>`. */
export type EditOf<K extends ScenarioEdit['type']> = Extract<ScenarioEdit, { type: K }>;

export interface EditResult {
  next: ScenarioSet;
  /** Applying it to `next` gives back the state the edit started from. */
  inverse: ScenarioEdit;
  label: Message;
  /** Set when the edit could not apply; `next` is then the unchanged state. */
  problem?: Message;
}

/** What one kind of edit does. */
export interface EditKindSpec<E extends ScenarioEdit> {
  /**
   * The label in both languages, naming what the edit changes.
   * @param scenario the scenario the edit names by scenarioId, when the state is known
   */
  describe(edit: E, scenario: Scenario | undefined): Message;
  /** The next state, sharing all it does not change, or why the edit cannot apply. */
  apply(set: ScenarioSet, edit: E): { next: ScenarioSet } | { problem: Message };
  /**
   * The edit that undoes `edit`, given the state it applied to (called only when it applied).
   * @param label the edit's own label (describe's)
   */
  inverse(before: ScenarioSet, edit: E, label: Message): ScenarioEdit;
}

/** Every edit kind's spec, each typed with its own kind of edit. */
export type EditKinds = { [K in ScenarioEdit['type']]: EditKindSpec<EditOf<K>> };

export const NO_SCENARIO: Message = { zh: '找不到要修改的方案', en: 'the scenario to change was not found' };

export function findScenario(set: ScenarioSet, scenarioId: string | undefined): Scenario | undefined {
  const id = scenarioId ?? set.activeScenarioId;
  return set.scenarios.find((scenario) => scenario.id === id);
}

/** The scenario an edit that applied started from (apply found it, so it exists). */
export function editedScenario(before: ScenarioSet, scenarioId: string | undefined): Scenario {
  return findScenario(before, scenarioId) as Scenario;
}

export function replaceScenario(set: ScenarioSet, next: Scenario): ScenarioSet {
  return { ...set, scenarios: set.scenarios.map((scenario) => (scenario.id === next.id ? next : scenario)) };
}

export function insertAt<T>(items: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

export function quoted(name: string): { zh: string; en: string } {
  return { zh: `“${name}”`, en: `"${name}"` };
}
