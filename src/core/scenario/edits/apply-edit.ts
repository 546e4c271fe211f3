/**
 * Edits of scenarios as labelled transactions (Placemark's model): applyEdit returns the next
 * state, the edit that undoes it and a label in both languages, so that undo says what it undoes.
 * State is never mutated; what an edit does not touch is shared with the previous state. An edit
 * that cannot apply (an unknown id, a bad entry) is a value: the state comes back unchanged with a
 * problem and a no-op inverse. Each kind of edit is one record of EDIT_KINDS (its label, how it
 * applies, its inverse), in the module of what it changes.
 */

import type { Message } from '../../types.ts';
import { createScenario, type ScenarioSet } from '../scenario.ts';
import { PUT_ACTIONS, SET_ACTIONS } from './action-edits.ts';
import { SET_ASSUMPTIONS } from './assumption-edits.ts';
import { ADD_DIRECT_QUOTA, ADD_TRANSFER, DELETE_DIRECT_QUOTA, DELETE_TRANSFER } from './quota-edits.ts';
import {
  type EditKindSpec,
  type EditKinds,
  type EditOf,
  type EditResult,
  findScenario,
  type ScenarioEdit,
} from './scenario-edit.ts';
import {
  ACTIVATE_SCENARIO,
  CREATE_SCENARIO,
  DELETE_SCENARIO,
  DUPLICATE_SCENARIO,
  RENAME_SCENARIO,
} from './scenario-list-edits.ts';
import { ADD_ZONE, DELETE_ZONE, UPDATE_ZONE } from './zone-edits.ts';

const NO_OP: ScenarioEdit = Object.freeze({
  type: 'batch',
  edits: [],
  label: { zh: '无操作', en: 'nothing' },
});

/** Several edits as one transaction: all apply, or none. */
const BATCH: EditKindSpec<EditOf<'batch'>> = {
  describe: (edit) => edit.label,
  apply(set, edit) {
    let next = set;
    for (const part of edit.edits) {
      const result = applyEdit(next, part);
      // All or nothing: a batch that cannot apply in full leaves the state as it was.
      if (result.problem) return { problem: result.problem };
      next = result.next;
    }
    return { next };
  },
  inverse(before, edit, label) {
    // Each part's inverse is taken on the state that part applied to, so the parts are replayed.
    let state = before;
    const inverses: ScenarioEdit[] = [];
    for (const part of edit.edits) {
      const result = applyEdit(state, part);
      state = result.next;
      inverses.push(result.inverse);
    }
    return {
      type: 'batch',
      edits: inverses.reverse(),
      label: { zh: `撤销：${label.zh}`, en: `Undo: ${label.en}` },
    };
  },
};

const EDIT_KINDS: EditKinds = {
  'set-actions': SET_ACTIONS,
  'put-actions': PUT_ACTIONS,
  'add-zone': ADD_ZONE,
  'update-zone': UPDATE_ZONE,
  'delete-zone': DELETE_ZONE,
  'set-assumptions': SET_ASSUMPTIONS,
  'add-transfer': ADD_TRANSFER,
  'delete-transfer': DELETE_TRANSFER,
  'add-direct-quota': ADD_DIRECT_QUOTA,
  'delete-direct-quota': DELETE_DIRECT_QUOTA,
  'create-scenario': CREATE_SCENARIO,
  'duplicate-scenario': DUPLICATE_SCENARIO,
  'rename-scenario': RENAME_SCENARIO,
  'delete-scenario': DELETE_SCENARIO,
  'activate-scenario': ACTIVATE_SCENARIO,
  batch: BATCH,
};

/** True for the name of a kind of edit applyEdit knows (a saved undo history is checked with it). */
export function isEditKind(type: unknown): type is ScenarioEdit['type'] {
  return typeof type === 'string' && Object.hasOwn(EDIT_KINDS, type);
}

/** The spec of the edit's kind. (TypeScript cannot tie EDIT_KINDS[edit.type] to the edit's own type.) */
function specOf<E extends ScenarioEdit>(edit: E): EditKindSpec<E> {
  return EDIT_KINDS[edit.type] as unknown as EditKindSpec<E>;
}

/** The label of an edit in both languages, naming what it changes. */
export function describeEdit(edit: ScenarioEdit, set?: ScenarioSet): Message {
  const scenario = set && 'scenarioId' in edit ? findScenario(set, edit.scenarioId) : undefined;
  return specOf(edit).describe(edit, scenario);
}

/**
 * Applies one edit.
 * @returns the next state (sharing all it does not change), the inverse edit and the label
 */
export function applyEdit(set: ScenarioSet, edit: ScenarioEdit): EditResult {
  const label = describeEdit(edit, set);
  const spec = specOf(edit);
  const applied = spec.apply(set, edit);
  if ('problem' in applied) return { next: set, inverse: NO_OP, label, problem: applied.problem };
  return { next: applied.next, inverse: spec.inverse(set, edit, label), label };
}

/** A set with one empty scenario, active. */
export function createScenarioSet(id = 'scenario-1', name = '方案一'): ScenarioSet {
  return { scenarios: [createScenario(id, name)], activeScenarioId: id };
}
