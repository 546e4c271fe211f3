/**
 * Edits of the plots' actions: the same entry for many plots (set-actions) and an entry per plot
 * (put-actions, the inverse of both). The new actions record is linked to its parent
 * (actions-lineage.ts) so that the indicators are updated by the plots that changed.
 */

import { actionName, PLOT_ACTIONS } from '../../catalogue/action-catalogue.ts';
import type { Message } from '../../types.ts';
import { recordActionsLineage } from '../actions-lineage.ts';
import { type ActionEntry, isPlanYear, type ScenarioSet } from '../scenario.ts';
import {
  type EditKindSpec,
  type EditOf,
  editedScenario,
  findScenario,
  NO_SCENARIO,
  quoted,
  replaceScenario,
  type ScenarioEdit,
} from './scenario-edit.ts';

type ActionEdit = EditOf<'set-actions'> | EditOf<'put-actions'>;

/** Why an action entry is not usable, or undefined when it is. */
export function checkActionEntry(entry: ActionEntry): Message | undefined {
  if (!PLOT_ACTIONS.includes(entry.action))
    return { zh: `未知的措施：${String(entry.action)}`, en: `unknown action: ${String(entry.action)}` };
  if (!isPlanYear(entry.year))
    return {
      zh: `年份须为 2022–2026：${String(entry.year)}`,
      en: `the year must be 2022–2026: ${String(entry.year)}`,
    };
  if (entry.lease !== undefined && !(Number.isFinite(entry.lease.years) && entry.lease.years > 0))
    return {
      zh: `租赁年限须为正数：${String(entry.lease.years)}`,
      en: `the lease must last a positive number of years: ${String(entry.lease.years)}`,
    };
  return undefined;
}

function plotCount(n: number): Message {
  return { zh: `${n} 个地块`, en: n === 1 ? '1 plot' : `${n} plots` };
}

/**
 * A shallow copy of a record. On records of tens of thousands of keys (dictionary mode in V8) a loop
 * over Object.keys is about twice as fast as spreading.
 */
function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const copy: Record<string, T> = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    setOwn(copy, key, record[key] as T);
  }
  return copy;
}

/** record[key] = value, as an own property even for a plot id such as "__proto__". */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // A plain assignment is much faster on large records; only this one key needs the slow way.
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** The entry each plot gets (null: none), one key per plot. */
function entriesOf(edit: ActionEdit): Record<string, ActionEntry | null> {
  if (edit.type === 'put-actions') return { ...edit.entries };
  const entries: Record<string, ActionEntry | null> = {};
  for (const plotId of edit.plotIds) setOwn(entries, plotId, edit.entry);
  return entries;
}

function applyActions(set: ScenarioSet, edit: ActionEdit): { next: ScenarioSet } | { problem: Message } {
  const scenario = findScenario(set, edit.scenarioId);
  if (!scenario) return { problem: NO_SCENARIO };
  const entries = entriesOf(edit);
  for (const entry of Object.values(entries)) {
    const problem = entry === null ? undefined : checkActionEntry(entry);
    if (problem) return { problem };
  }
  const actions = copyRecord(scenario.actions);
  const plotIds = Object.keys(entries);
  for (const plotId of plotIds) {
    const entry = entries[plotId] as ActionEntry | null;
    if (entry === null) delete actions[plotId];
    else setOwn(actions, plotId, entry);
  }
  recordActionsLineage(actions, scenario.actions, plotIds);
  return { next: replaceScenario(set, { ...scenario, actions }) };
}

/** Puts back the entries (or none) the plots had before. */
function inverseActions(before: ScenarioSet, edit: ActionEdit): ScenarioEdit {
  const scenario = editedScenario(before, edit.scenarioId);
  const previous: Record<string, ActionEntry | null> = {};
  for (const plotId of Object.keys(entriesOf(edit)))
    setOwn(
      previous,
      plotId,
      Object.hasOwn(scenario.actions, plotId) ? (scenario.actions[plotId] as ActionEntry) : null,
    );
  return { type: 'put-actions', scenarioId: scenario.id, entries: previous };
}

export const SET_ACTIONS: EditKindSpec<EditOf<'set-actions'>> = {
  describe(edit, scenario) {
    const count = plotCount(new Set(edit.plotIds).size);
    if (edit.entry === null) {
      const keep = actionName('keep');
      return { zh: `将 ${count.zh}恢复为${keep.zh}`, en: `Reset ${count.en} to ${keep.en}` };
    }
    const action = actionName(edit.entry.action);
    const zoneId = edit.entry.zoneId;
    const zone = zoneId === undefined ? undefined : scenario?.zones.find((z) => z.id === zoneId);
    const into = zone
      ? { zh: `，迁入${quoted(zone.name).zh}`, en: ` into ${quoted(zone.name).en}` }
      : { zh: '', en: '' };
    const lease = edit.entry.lease
      ? { zh: `，租赁 ${edit.entry.lease.years} 年`, en: `, lease ${edit.entry.lease.years} years` }
      : { zh: '', en: '' };
    return {
      zh: `将 ${count.zh}设为${action.zh} ${edit.entry.year}${into.zh}${lease.zh}`,
      en: `Set ${count.en} to ${action.en} (${edit.entry.year})${into.en}${lease.en}`,
    };
  },
  apply: applyActions,
  inverse: inverseActions,
};

export const PUT_ACTIONS: EditKindSpec<EditOf<'put-actions'>> = {
  describe(edit) {
    if (edit.label) return edit.label;
    const count = plotCount(Object.keys(edit.entries).length);
    return { zh: `恢复 ${count.zh}的措施`, en: `Restore the actions of ${count.en}` };
  },
  apply: applyActions,
  inverse: inverseActions,
};
