/** Edits of a scenario's receiving zones: add, replace (same id) and delete. */

import type { Message } from '../../types.ts';
import type { ReceivingZone, Scenario } from '../scenario.ts';
import {
  type EditKindSpec,
  type EditOf,
  editedScenario,
  findScenario,
  insertAt,
  NO_SCENARIO,
  quoted,
  replaceScenario,
} from './scenario-edit.ts';

function zoneNotFound(zoneId: string): { problem: Message } {
  return { problem: { zh: `找不到承接区块 ${zoneId}`, en: `zone ${zoneId} was not found` } };
}

/** The zone with this id and its index (−1 and undefined when there is none). */
function zoneAt(scenario: Scenario, zoneId: string): { index: number; zone: ReceivingZone | undefined } {
  const index = scenario.zones.findIndex((zone) => zone.id === zoneId);
  return { index, zone: scenario.zones[index] };
}

export const ADD_ZONE: EditKindSpec<EditOf<'add-zone'>> = {
  describe: (edit) => ({
    zh: `新增承接区块${quoted(edit.zone.name).zh}`,
    en: `Add receiving zone ${quoted(edit.zone.name).en}`,
  }),
  apply(set, edit) {
    const scenario = findScenario(set, edit.scenarioId);
    if (!scenario) return { problem: NO_SCENARIO };
    const zoneId = edit.zone.id;
    if (zoneAt(scenario, zoneId).zone)
      return { problem: { zh: `已有编号为 ${zoneId} 的承接区块`, en: `a zone with id ${zoneId} exists` } };
    return {
      next: replaceScenario(set, { ...scenario, zones: insertAt(scenario.zones, edit.zone, edit.index) }),
    };
  },
  inverse: (before, edit) => ({
    type: 'delete-zone',
    scenarioId: editedScenario(before, edit.scenarioId).id,
    zoneId: edit.zone.id,
  }),
};

export const UPDATE_ZONE: EditKindSpec<EditOf<'update-zone'>> = {
  describe: (edit) => ({
    zh: `修改承接区块${quoted(edit.zone.name).zh}`,
    en: `Edit receiving zone ${quoted(edit.zone.name).en}`,
  }),
  apply(set, edit) {
    const scenario = findScenario(set, edit.scenarioId);
    if (!scenario) return { problem: NO_SCENARIO };
    const { index, zone: old } = zoneAt(scenario, edit.zone.id);
    if (!old) return zoneNotFound(edit.zone.id);
    const zones = scenario.zones.map((zone, i) => (i === index ? edit.zone : zone));
    return { next: replaceScenario(set, { ...scenario, zones }) };
  },
  inverse(before, edit) {
    const scenario = editedScenario(before, edit.scenarioId);
    const old = zoneAt(scenario, edit.zone.id).zone as ReceivingZone;
    return { type: 'update-zone', scenarioId: scenario.id, zone: old };
  },
};

export const DELETE_ZONE: EditKindSpec<EditOf<'delete-zone'>> = {
  describe(edit, scenario) {
    const name = scenario?.zones.find((zone) => zone.id === edit.zoneId)?.name ?? edit.zoneId;
    return { zh: `删除承接区块${quoted(name).zh}`, en: `Delete receiving zone ${quoted(name).en}` };
  },
  apply(set, edit) {
    const scenario = findScenario(set, edit.scenarioId);
    if (!scenario) return { problem: NO_SCENARIO };
    const { index, zone: old } = zoneAt(scenario, edit.zoneId);
    if (!old) return zoneNotFound(edit.zoneId);
    return {
      next: replaceScenario(set, { ...scenario, zones: scenario.zones.filter((_, i) => i !== index) }),
    };
  },
  inverse(before, edit) {
    const scenario = editedScenario(before, edit.scenarioId);
    const { index, zone } = zoneAt(scenario, edit.zoneId);
    return { type: 'add-zone', scenarioId: scenario.id, zone: zone as ReceivingZone, index };
  },
};
