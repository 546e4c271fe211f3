/** Edits of the list of scenarios: create, duplicate, rename, delete, and which one is active. */

import type { Message } from '../../types.ts';
import type { Scenario, ScenarioSet } from '../scenario.ts';
import {
  type EditKindSpec,
  type EditOf,
  findScenario,
  insertAt,
  NO_SCENARIO,
  quoted,
  replaceScenario,
} from './scenario-edit.ts';

function scenarioNotFound(id: string): { problem: Message } {
  return { problem: { zh: `找不到方案 ${id}`, en: `scenario ${id} was not found` } };
}

/** Inserts `scenario` at `index` and makes `active` (default: the new one) active. */
function addScenario(
  set: ScenarioSet,
  scenario: Scenario,
  index: number | undefined,
  activeScenarioId: string | undefined,
): { next: ScenarioSet } | { problem: Message } {
  if (set.scenarios.some((s) => s.id === scenario.id))
    return {
      problem: { zh: `已有编号为 ${scenario.id} 的方案`, en: `a scenario with id ${scenario.id} exists` },
    };
  const scenarios = insertAt(set.scenarios, scenario, index);
  const active = activeScenarioId ?? scenario.id;
  if (!scenarios.some((s) => s.id === active)) return scenarioNotFound(active);
  return { next: { ...set, scenarios, activeScenarioId: active } };
}

export const CREATE_SCENARIO: EditKindSpec<EditOf<'create-scenario'>> = {
  describe: (edit) => ({
    zh: `新建方案${quoted(edit.scenario.name).zh}`,
    en: `Create scenario ${quoted(edit.scenario.name).en}`,
  }),
  apply: (set, edit) => addScenario(set, edit.scenario, edit.index, edit.activeScenarioId),
  inverse: (before, edit) => ({
    type: 'delete-scenario',
    scenarioId: edit.scenario.id,
    activeScenarioId: before.activeScenarioId,
  }),
};

export const DUPLICATE_SCENARIO: EditKindSpec<EditOf<'duplicate-scenario'>> = {
  describe(edit, scenario) {
    const from = scenario?.name ?? edit.scenarioId;
    return {
      zh: `复制方案${quoted(from).zh}为${quoted(edit.name).zh}`,
      en: `Duplicate scenario ${quoted(from).en} as ${quoted(edit.name).en}`,
    };
  },
  apply(set, edit) {
    const source = set.scenarios.findIndex((s) => s.id === edit.scenarioId);
    const original = set.scenarios[source];
    if (!original) return { problem: NO_SCENARIO };
    // The copy shares every unchanged part (and zone geometry) with the original.
    const copy = { ...original, id: edit.newId, name: edit.name };
    return addScenario(set, copy, source + 1, edit.activeScenarioId);
  },
  inverse: (before, edit) => ({
    type: 'delete-scenario',
    scenarioId: edit.newId,
    activeScenarioId: before.activeScenarioId,
  }),
};

export const RENAME_SCENARIO: EditKindSpec<EditOf<'rename-scenario'>> = {
  describe(edit, scenario) {
    const from = scenario?.name ?? edit.scenarioId;
    return {
      zh: `将方案${quoted(from).zh}重命名为${quoted(edit.name).zh}`,
      en: `Rename scenario ${quoted(from).en} to ${quoted(edit.name).en}`,
    };
  },
  apply(set, edit) {
    const scenario = findScenario(set, edit.scenarioId);
    if (!scenario) return { problem: NO_SCENARIO };
    return { next: replaceScenario(set, { ...scenario, name: edit.name }) };
  },
  inverse(before, edit) {
    const scenario = findScenario(before, edit.scenarioId) as Scenario;
    return { type: 'rename-scenario', scenarioId: scenario.id, name: scenario.name };
  },
};

export const DELETE_SCENARIO: EditKindSpec<EditOf<'delete-scenario'>> = {
  describe(edit, scenario) {
    const name = scenario?.name ?? edit.scenarioId;
    return { zh: `删除方案${quoted(name).zh}`, en: `Delete scenario ${quoted(name).en}` };
  },
  apply(set, edit) {
    const index = set.scenarios.findIndex((s) => s.id === edit.scenarioId);
    const scenario = set.scenarios[index];
    if (!scenario) return { problem: NO_SCENARIO };
    const scenarios = set.scenarios.filter((_, i) => i !== index);
    const neighbour = scenarios[Math.min(index, scenarios.length - 1)]?.id ?? '';
    const active =
      edit.activeScenarioId ?? (set.activeScenarioId === scenario.id ? neighbour : set.activeScenarioId);
    if (active !== '' && !scenarios.some((s) => s.id === active)) return scenarioNotFound(active);
    return { next: { ...set, scenarios, activeScenarioId: active } };
  },
  inverse(before, edit) {
    const index = before.scenarios.findIndex((s) => s.id === edit.scenarioId);
    const scenario = before.scenarios[index] as Scenario;
    return { type: 'create-scenario', scenario, index, activeScenarioId: before.activeScenarioId };
  },
};

export const ACTIVATE_SCENARIO: EditKindSpec<EditOf<'activate-scenario'>> = {
  describe(edit, scenario) {
    const name = scenario?.name ?? edit.scenarioId;
    return { zh: `切换到方案${quoted(name).zh}`, en: `Switch to scenario ${quoted(name).en}` };
  },
  apply(set, edit) {
    if (!set.scenarios.some((s) => s.id === edit.scenarioId)) return { problem: NO_SCENARIO };
    return { next: { ...set, activeScenarioId: edit.scenarioId } };
  },
  inverse: (before) => ({ type: 'activate-scenario', scenarioId: before.activeScenarioId }),
};
