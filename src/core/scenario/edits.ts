/**
 * Edits of scenarios as labelled transactions (Placemark's model): applyEdit returns the next
 * state, the edit that undoes it and a label in both languages, so that undo says what it undoes.
 * State is never mutated; what an edit does not touch is shared with the previous state. An edit
 * that cannot apply (an unknown id, a bad entry) is a value: the state comes back unchanged with a
 * problem and a no-op inverse.
 */

import type { Message } from '../types.ts';
import { recordActionsLineage } from './actions-lineage.ts';
import {
  type ActionEntry,
  type Assumptions,
  createScenario,
  type DirectQuota,
  isPlanYear,
  PLOT_ACTION_LABELS,
  PLOT_ACTIONS,
  type QuotaTransfer,
  type ReceivingZone,
  type Scenario,
  type ScenarioSet,
} from './types.ts';

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

export interface EditResult {
  next: ScenarioSet;
  /** Applying it to `next` gives back the state the edit started from. */
  inverse: ScenarioEdit;
  label: Message;
  /** Set when the edit could not apply; `next` is then the unchanged state. */
  problem?: Message;
}

const NO_OP: ScenarioEdit = Object.freeze({
  type: 'batch',
  edits: [],
  label: { zh: '无操作', en: 'nothing' },
});

const ASSUMPTION_LABELS: Readonly<Record<keyof Assumptions, Message>> = {
  upliftFactor: { zh: '税收提升系数', en: 'tax uplift factor' },
  zoneTaxPerMu: { zh: '承接区块亩均税收', en: 'zone tax per mu' },
  upgradeFirmsPer100Mu: { zh: '改造每百亩新增规上企业', en: 'new firms per 100 mu upgraded' },
  zoneFirmsPer100Mu: { zh: '承接区块每百亩规上企业', en: 'new firms per 100 mu of zone' },
  relocationFloorFactor: { zh: '搬迁建筑面积系数', en: 'relocation floor factor' },
  purchaseWanPerMu: { zh: '收购单价', en: 'purchase price per mu' },
  leaseWanPerMuYear: { zh: '年租金', en: 'lease per mu and year' },
  demolitionYuanPerM2: { zh: '拆除单价', en: 'demolition cost per m²' },
  rewardWanPerMu: { zh: '奖励标准', en: 'reward per mu' },
};

function findScenario(set: ScenarioSet, scenarioId: string | undefined): Scenario | undefined {
  const id = scenarioId ?? set.activeScenarioId;
  return set.scenarios.find((scenario) => scenario.id === id);
}

function replaceScenario(set: ScenarioSet, next: Scenario): ScenarioSet {
  return { ...set, scenarios: set.scenarios.map((scenario) => (scenario.id === next.id ? next : scenario)) };
}

function insertAt<T>(items: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

function quoted(name: string): { zh: string; en: string } {
  return { zh: `“${name}”`, en: `"${name}"` };
}

function plotCount(n: number): Message {
  return { zh: `${n} 个地块`, en: n === 1 ? '1 plot' : `${n} plots` };
}

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

/** The label of an edit in both languages, naming what it changes. */
export function describeEdit(edit: ScenarioEdit, set?: ScenarioSet): Message {
  const scenario = set && 'scenarioId' in edit ? findScenario(set, edit.scenarioId) : undefined;
  switch (edit.type) {
    case 'set-actions': {
      const count = plotCount(new Set(edit.plotIds).size);
      if (edit.entry === null) return { zh: `将 ${count.zh}恢复为保留`, en: `Reset ${count.en} to keep` };
      const action = PLOT_ACTION_LABELS[edit.entry.action];
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
    }
    case 'put-actions': {
      if (edit.label) return edit.label;
      const count = plotCount(Object.keys(edit.entries).length);
      return { zh: `恢复 ${count.zh}的措施`, en: `Restore the actions of ${count.en}` };
    }
    case 'add-zone':
      return {
        zh: `新增承接区块${quoted(edit.zone.name).zh}`,
        en: `Add receiving zone ${quoted(edit.zone.name).en}`,
      };
    case 'update-zone':
      return {
        zh: `修改承接区块${quoted(edit.zone.name).zh}`,
        en: `Edit receiving zone ${quoted(edit.zone.name).en}`,
      };
    case 'delete-zone': {
      const name = scenario?.zones.find((zone) => zone.id === edit.zoneId)?.name ?? edit.zoneId;
      return { zh: `删除承接区块${quoted(name).zh}`, en: `Delete receiving zone ${quoted(name).en}` };
    }
    case 'set-assumptions': {
      const keys = Object.keys(edit.assumptions) as (keyof Assumptions)[];
      const names = keys.map((key) => ASSUMPTION_LABELS[key] ?? { zh: key, en: key });
      return {
        zh: `修改测算假设：${names.map((n) => n.zh).join('、')}`,
        en: `Change assumption${keys.length === 1 ? '' : 's'}: ${names.map((n) => n.en).join(', ')}`,
      };
    }
    case 'add-transfer':
      return {
        zh: `新增指标调剂：${edit.transfer.from} → ${edit.transfer.to} ${edit.transfer.mu} 亩（${edit.transfer.year}）`,
        en: `Add quota transfer ${edit.transfer.from} → ${edit.transfer.to}, ${edit.transfer.mu} mu (${edit.transfer.year})`,
      };
    case 'delete-transfer': {
      const transfer = scenario?.transfers.find((t) => t.id === edit.transferId);
      const what = transfer ? `${transfer.from} → ${transfer.to} ${transfer.mu}` : edit.transferId;
      return {
        zh: `删除指标调剂：${what}${transfer ? ' 亩' : ''}`,
        en: `Delete quota transfer ${what}${transfer ? ' mu' : ''}`,
      };
    }
    case 'add-direct-quota':
      return {
        zh: `新增重点项目直接指标：${edit.quota.town} ${edit.quota.mu} 亩（${edit.quota.year}）`,
        en: `Add direct quota: ${edit.quota.town}, ${edit.quota.mu} mu (${edit.quota.year})`,
      };
    case 'delete-direct-quota': {
      const quota = scenario?.directQuota.find((q) => q.id === edit.quotaId);
      const what = quota ? `${quota.town} ${quota.mu}` : edit.quotaId;
      return {
        zh: `删除重点项目直接指标：${what}${quota ? ' 亩' : ''}`,
        en: `Delete direct quota ${what}${quota ? ' mu' : ''}`,
      };
    }
    case 'create-scenario':
      return {
        zh: `新建方案${quoted(edit.scenario.name).zh}`,
        en: `Create scenario ${quoted(edit.scenario.name).en}`,
      };
    case 'duplicate-scenario': {
      const from = scenario?.name ?? edit.scenarioId;
      return {
        zh: `复制方案${quoted(from).zh}为${quoted(edit.name).zh}`,
        en: `Duplicate scenario ${quoted(from).en} as ${quoted(edit.name).en}`,
      };
    }
    case 'rename-scenario': {
      const from = scenario?.name ?? edit.scenarioId;
      return {
        zh: `将方案${quoted(from).zh}重命名为${quoted(edit.name).zh}`,
        en: `Rename scenario ${quoted(from).en} to ${quoted(edit.name).en}`,
      };
    }
    case 'delete-scenario': {
      const name = scenario?.name ?? edit.scenarioId;
      return { zh: `删除方案${quoted(name).zh}`, en: `Delete scenario ${quoted(name).en}` };
    }
    case 'activate-scenario': {
      const name = scenario?.name ?? edit.scenarioId;
      return { zh: `切换到方案${quoted(name).zh}`, en: `Switch to scenario ${quoted(name).en}` };
    }
    case 'batch':
      return edit.label;
  }
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

function refused(set: ScenarioSet, label: Message, problem: Message): EditResult {
  return { next: set, inverse: NO_OP, label, problem };
}

const NO_SCENARIO: Message = { zh: '找不到要修改的方案', en: 'the scenario to change was not found' };

/**
 * Applies one edit.
 * @returns the next state (sharing all it does not change), the inverse edit and the label
 */
export function applyEdit(set: ScenarioSet, edit: ScenarioEdit): EditResult {
  const label = describeEdit(edit, set);
  switch (edit.type) {
    case 'set-actions':
    case 'put-actions': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const entries: Record<string, ActionEntry | null> =
        edit.type === 'put-actions' ? { ...edit.entries } : {};
      if (edit.type === 'set-actions') for (const plotId of edit.plotIds) setOwn(entries, plotId, edit.entry);
      for (const entry of Object.values(entries)) {
        const problem = entry === null ? undefined : checkActionEntry(entry);
        if (problem) return refused(set, label, problem);
      }
      const actions = copyRecord(scenario.actions);
      const previous: Record<string, ActionEntry | null> = {};
      const plotIds = Object.keys(entries);
      for (const plotId of plotIds) {
        const entry = entries[plotId] as ActionEntry | null;
        setOwn(previous, plotId, Object.hasOwn(actions, plotId) ? (actions[plotId] as ActionEntry) : null);
        if (entry === null) delete actions[plotId];
        else setOwn(actions, plotId, entry);
      }
      recordActionsLineage(actions, scenario.actions, plotIds);
      return {
        next: replaceScenario(set, { ...scenario, actions }),
        inverse: { type: 'put-actions', scenarioId: scenario.id, entries: previous },
        label,
      };
    }
    case 'add-zone':
    case 'update-zone':
    case 'delete-zone': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const zoneId = edit.type === 'delete-zone' ? edit.zoneId : edit.zone.id;
      const index = scenario.zones.findIndex((zone) => zone.id === zoneId);
      const old = scenario.zones[index];
      if (edit.type === 'add-zone') {
        if (old)
          return refused(set, label, {
            zh: `已有编号为 ${zoneId} 的承接区块`,
            en: `a zone with id ${zoneId} exists`,
          });
        return {
          next: replaceScenario(set, { ...scenario, zones: insertAt(scenario.zones, edit.zone, edit.index) }),
          inverse: { type: 'delete-zone', scenarioId: scenario.id, zoneId },
          label,
        };
      }
      if (!old)
        return refused(set, label, { zh: `找不到承接区块 ${zoneId}`, en: `zone ${zoneId} was not found` });
      if (edit.type === 'update-zone') {
        const zones = scenario.zones.map((zone, i) => (i === index ? edit.zone : zone));
        return {
          next: replaceScenario(set, { ...scenario, zones }),
          inverse: { type: 'update-zone', scenarioId: scenario.id, zone: old },
          label,
        };
      }
      return {
        next: replaceScenario(set, { ...scenario, zones: scenario.zones.filter((_, i) => i !== index) }),
        inverse: { type: 'add-zone', scenarioId: scenario.id, zone: old, index },
        label,
      };
    }
    case 'set-assumptions': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const previous: Partial<Assumptions> = {};
      for (const [key, value] of Object.entries(edit.assumptions) as [keyof Assumptions, number][]) {
        if (!Object.hasOwn(scenario.assumptions, key))
          return refused(set, label, { zh: `未知的测算假设：${key}`, en: `unknown assumption: ${key}` });
        if (!Number.isFinite(value))
          return refused(set, label, {
            zh: `测算假设须为有限数值：${key}`,
            en: `an assumption must be a finite number: ${key}`,
          });
        previous[key] = scenario.assumptions[key];
      }
      return {
        next: replaceScenario(set, {
          ...scenario,
          assumptions: { ...scenario.assumptions, ...edit.assumptions },
        }),
        inverse: { type: 'set-assumptions', scenarioId: scenario.id, assumptions: previous },
        label,
      };
    }
    case 'add-transfer':
    case 'delete-transfer': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const id = edit.type === 'add-transfer' ? edit.transfer.id : edit.transferId;
      const index = scenario.transfers.findIndex((t) => t.id === id);
      const old = scenario.transfers[index];
      if (edit.type === 'add-transfer') {
        if (old)
          return refused(set, label, {
            zh: `已有编号为 ${id} 的调剂`,
            en: `a transfer with id ${id} exists`,
          });
        return {
          next: replaceScenario(set, {
            ...scenario,
            transfers: insertAt(scenario.transfers, edit.transfer, edit.index),
          }),
          inverse: { type: 'delete-transfer', scenarioId: scenario.id, transferId: id },
          label,
        };
      }
      if (!old) return refused(set, label, { zh: `找不到调剂 ${id}`, en: `transfer ${id} was not found` });
      return {
        next: replaceScenario(set, {
          ...scenario,
          transfers: scenario.transfers.filter((_, i) => i !== index),
        }),
        inverse: { type: 'add-transfer', scenarioId: scenario.id, transfer: old, index },
        label,
      };
    }
    case 'add-direct-quota':
    case 'delete-direct-quota': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const id = edit.type === 'add-direct-quota' ? edit.quota.id : edit.quotaId;
      const index = scenario.directQuota.findIndex((q) => q.id === id);
      const old = scenario.directQuota[index];
      if (edit.type === 'add-direct-quota') {
        if (old)
          return refused(set, label, {
            zh: `已有编号为 ${id} 的直接指标`,
            en: `a direct quota with id ${id} exists`,
          });
        return {
          next: replaceScenario(set, {
            ...scenario,
            directQuota: insertAt(scenario.directQuota, edit.quota, edit.index),
          }),
          inverse: { type: 'delete-direct-quota', scenarioId: scenario.id, quotaId: id },
          label,
        };
      }
      if (!old)
        return refused(set, label, { zh: `找不到直接指标 ${id}`, en: `direct quota ${id} was not found` });
      return {
        next: replaceScenario(set, {
          ...scenario,
          directQuota: scenario.directQuota.filter((_, i) => i !== index),
        }),
        inverse: { type: 'add-direct-quota', scenarioId: scenario.id, quota: old, index },
        label,
      };
    }
    case 'create-scenario':
    case 'duplicate-scenario': {
      let scenario: Scenario;
      let index: number | undefined;
      if (edit.type === 'create-scenario') {
        scenario = edit.scenario;
        index = edit.index;
      } else {
        const source = set.scenarios.findIndex((s) => s.id === edit.scenarioId);
        const original = set.scenarios[source];
        if (!original) return refused(set, label, NO_SCENARIO);
        // The copy shares every unchanged part (and zone geometry) with the original.
        scenario = { ...original, id: edit.newId, name: edit.name };
        index = source + 1;
      }
      if (set.scenarios.some((s) => s.id === scenario.id))
        return refused(set, label, {
          zh: `已有编号为 ${scenario.id} 的方案`,
          en: `a scenario with id ${scenario.id} exists`,
        });
      const scenarios = insertAt(set.scenarios, scenario, index);
      const active = edit.activeScenarioId ?? scenario.id;
      if (!scenarios.some((s) => s.id === active))
        return refused(set, label, { zh: `找不到方案 ${active}`, en: `scenario ${active} was not found` });
      return {
        next: { ...set, scenarios, activeScenarioId: active },
        inverse: { type: 'delete-scenario', scenarioId: scenario.id, activeScenarioId: set.activeScenarioId },
        label,
      };
    }
    case 'rename-scenario': {
      const scenario = findScenario(set, edit.scenarioId);
      if (!scenario) return refused(set, label, NO_SCENARIO);
      return {
        next: replaceScenario(set, { ...scenario, name: edit.name }),
        inverse: { type: 'rename-scenario', scenarioId: scenario.id, name: scenario.name },
        label,
      };
    }
    case 'delete-scenario': {
      const index = set.scenarios.findIndex((s) => s.id === edit.scenarioId);
      const scenario = set.scenarios[index];
      if (!scenario) return refused(set, label, NO_SCENARIO);
      const scenarios = set.scenarios.filter((_, i) => i !== index);
      const neighbour = scenarios[Math.min(index, scenarios.length - 1)]?.id ?? '';
      const active =
        edit.activeScenarioId ?? (set.activeScenarioId === scenario.id ? neighbour : set.activeScenarioId);
      if (active !== '' && !scenarios.some((s) => s.id === active))
        return refused(set, label, { zh: `找不到方案 ${active}`, en: `scenario ${active} was not found` });
      return {
        next: { ...set, scenarios, activeScenarioId: active },
        inverse: { type: 'create-scenario', scenario, index, activeScenarioId: set.activeScenarioId },
        label,
      };
    }
    case 'activate-scenario': {
      if (!set.scenarios.some((s) => s.id === edit.scenarioId)) return refused(set, label, NO_SCENARIO);
      return {
        next: { ...set, activeScenarioId: edit.scenarioId },
        inverse: { type: 'activate-scenario', scenarioId: set.activeScenarioId },
        label,
      };
    }
    case 'batch': {
      let next = set;
      const inverses: ScenarioEdit[] = [];
      for (const part of edit.edits) {
        const result = applyEdit(next, part);
        // All or nothing: a batch that cannot apply in full leaves the state as it was.
        if (result.problem) return refused(set, label, result.problem);
        next = result.next;
        inverses.push(result.inverse);
      }
      return {
        next,
        inverse: {
          type: 'batch',
          edits: inverses.reverse(),
          label: { zh: `撤销：${label.zh}`, en: `Undo: ${label.en}` },
        },
        label,
      };
    }
  }
}

/** A set with one empty scenario, active. */
export function createScenarioSet(id = 'scenario-1', name = '方案一'): ScenarioSet {
  return { scenarios: [createScenario(id, name)], activeScenarioId: id };
}
