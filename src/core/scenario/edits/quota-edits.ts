/** Edits of a scenario's quota: transfers between towns and direct quota for key projects. */

import type { Message } from '../../types.ts';
import type { DirectQuota, QuotaTransfer, Scenario, ScenarioSet } from '../scenario.ts';
import {
  type EditKindSpec,
  type EditOf,
  editedScenario,
  findScenario,
  insertAt,
  NO_SCENARIO,
  replaceScenario,
} from './scenario-edit.ts';

/** The scenario's lists of items with ids that these edits change. */
type QuotaList = 'transfers' | 'directQuota';
type Applied = { next: ScenarioSet } | { problem: Message };

function indexIn(scenario: Scenario, list: QuotaList, id: string): number {
  return (scenario[list] as readonly { id: string }[]).findIndex((item) => item.id === id);
}

function addItem<L extends QuotaList>(
  set: ScenarioSet,
  scenarioId: string | undefined,
  list: L,
  item: Scenario[L][number],
  index: number | undefined,
  exists: Message,
): Applied {
  const scenario = findScenario(set, scenarioId);
  if (!scenario) return { problem: NO_SCENARIO };
  if (indexIn(scenario, list, item.id) >= 0) return { problem: exists };
  const items = insertAt(scenario[list] as Scenario[L][number][], item, index);
  return { next: replaceScenario(set, { ...scenario, [list]: items }) };
}

function deleteItem(
  set: ScenarioSet,
  scenarioId: string | undefined,
  list: QuotaList,
  id: string,
  notFound: Message,
): Applied {
  const scenario = findScenario(set, scenarioId);
  if (!scenario) return { problem: NO_SCENARIO };
  const index = indexIn(scenario, list, id);
  if (index < 0) return { problem: notFound };
  const items = (scenario[list] as readonly unknown[]).filter((_, i) => i !== index);
  return { next: replaceScenario(set, { ...scenario, [list]: items }) };
}

export const ADD_TRANSFER: EditKindSpec<EditOf<'add-transfer'>> = {
  describe: ({ transfer }) => ({
    zh: `新增指标调剂：${transfer.from} → ${transfer.to} ${transfer.mu} 亩（${transfer.year}）`,
    en: `Add quota transfer ${transfer.from} → ${transfer.to}, ${transfer.mu} mu (${transfer.year})`,
  }),
  apply: (set, edit) =>
    addItem(set, edit.scenarioId, 'transfers', edit.transfer, edit.index, {
      zh: `已有编号为 ${edit.transfer.id} 的调剂`,
      en: `a transfer with id ${edit.transfer.id} exists`,
    }),
  inverse: (before, edit) => ({
    type: 'delete-transfer',
    scenarioId: editedScenario(before, edit.scenarioId).id,
    transferId: edit.transfer.id,
  }),
};

export const DELETE_TRANSFER: EditKindSpec<EditOf<'delete-transfer'>> = {
  describe(edit, scenario) {
    const transfer = scenario?.transfers.find((t) => t.id === edit.transferId);
    const what = transfer ? `${transfer.from} → ${transfer.to} ${transfer.mu}` : edit.transferId;
    return {
      zh: `删除指标调剂：${what}${transfer ? ' 亩' : ''}`,
      en: `Delete quota transfer ${what}${transfer ? ' mu' : ''}`,
    };
  },
  apply: (set, edit) =>
    deleteItem(set, edit.scenarioId, 'transfers', edit.transferId, {
      zh: `找不到调剂 ${edit.transferId}`,
      en: `transfer ${edit.transferId} was not found`,
    }),
  inverse(before, edit) {
    const scenario = editedScenario(before, edit.scenarioId);
    const index = indexIn(scenario, 'transfers', edit.transferId);
    const transfer = scenario.transfers[index] as QuotaTransfer;
    return { type: 'add-transfer', scenarioId: scenario.id, transfer, index };
  },
};

export const ADD_DIRECT_QUOTA: EditKindSpec<EditOf<'add-direct-quota'>> = {
  describe: ({ quota }) => ({
    zh: `新增重点项目直接指标：${quota.town} ${quota.mu} 亩（${quota.year}）`,
    en: `Add direct quota: ${quota.town}, ${quota.mu} mu (${quota.year})`,
  }),
  apply: (set, edit) =>
    addItem(set, edit.scenarioId, 'directQuota', edit.quota, edit.index, {
      zh: `已有编号为 ${edit.quota.id} 的直接指标`,
      en: `a direct quota with id ${edit.quota.id} exists`,
    }),
  inverse: (before, edit) => ({
    type: 'delete-direct-quota',
    scenarioId: editedScenario(before, edit.scenarioId).id,
    quotaId: edit.quota.id,
  }),
};

export const DELETE_DIRECT_QUOTA: EditKindSpec<EditOf<'delete-direct-quota'>> = {
  describe(edit, scenario) {
    const quota = scenario?.directQuota.find((q) => q.id === edit.quotaId);
    const what = quota ? `${quota.town} ${quota.mu}` : edit.quotaId;
    return {
      zh: `删除重点项目直接指标：${what}${quota ? ' 亩' : ''}`,
      en: `Delete direct quota ${what}${quota ? ' mu' : ''}`,
    };
  },
  apply: (set, edit) =>
    deleteItem(set, edit.scenarioId, 'directQuota', edit.quotaId, {
      zh: `找不到直接指标 ${edit.quotaId}`,
      en: `direct quota ${edit.quotaId} was not found`,
    }),
  inverse(before, edit) {
    const scenario = editedScenario(before, edit.scenarioId);
    const index = indexIn(scenario, 'directQuota', edit.quotaId);
    const quota = scenario.directQuota[index] as DirectQuota;
    return { type: 'add-direct-quota', scenarioId: scenario.id, quota, index };
  },
};
