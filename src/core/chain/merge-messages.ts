/**
 * A merge conflict (merge-town-parts.ts) as data, and what it says in Chinese and English: the town,
 * its file, the scenario, the thing (plot, zone, transfer, direct quota, town) and what to do.
 */

import type { PlanYear } from '../scenario/scenario.ts';
import type { Message } from '../types.ts';
import type { MergeItemKind, MergeValue } from './merge-changes.ts';
import type { NegativeBalance, ZoneOverlap } from './merge-checks.ts';

export type MergeConflictKind =
  | 'city-changed'
  | 'outside-town'
  | 'zone-overlap'
  | 'unmatched-transfer'
  | 'negative-balance';

export const MERGE_CONFLICT_KINDS: readonly MergeConflictKind[] = [
  'city-changed',
  'outside-town',
  'zone-overlap',
  'unmatched-transfer',
  'negative-balance',
];

export interface MergeConflict {
  kind: MergeConflictKind;
  /** The submitting town the conflict is counted against. */
  town: string;
  scenarioId: string;
  scenarioName: string;
  /** The thing: a plot entry, zone, transfer or direct quota, or a town's balance (`town`). */
  item: MergeItemKind | 'town';
  /** The plot's, zone's, transfer's or quota's id, or the town with the negative balance. */
  id: string;
  /** The city plan's value now and the town's (null: none). */
  city: MergeValue;
  townValue: MergeValue;
  /** The other town: of the overlapping zone, of the transfer, with the negative balance. */
  otherTown?: string;
  /** The overlapping zone's id. */
  otherId?: string;
  /** The overlap, m² (ellipsoidal). */
  areaM2?: number;
  /** Negative balance: the first year, and the balance (亩) before and after the merge that year. */
  year?: PlanYear;
  balanceBefore?: number;
  balanceAfter?: number;
  /** How the town's decision settles it; null while the town is undecided (or skipped). */
  resolution: 'town' | 'city' | null;
  message: Message;
}

const ITEM: Record<MergeItemKind | 'town', Message> = {
  plot: { zh: '地块', en: 'plot' },
  zone: { zh: '承接区块', en: 'zone' },
  transfer: { zh: '指标调剂', en: 'transfer' },
  directQuota: { zh: '直接指标', en: 'direct quota' },
  town: { zh: '镇街', en: 'town' },
};

const mu = (value: number | undefined) => (value ?? 0).toFixed(2);

/** What a conflict says, naming the town, its file, the scenario and the thing. */
export function conflictMessage(
  conflict: MergeConflict,
  detail: { overlap?: ZoneOverlap; negative?: NegativeBalance; counterpart?: unknown },
  fileName: string,
): Message {
  const item = ITEM[conflict.item];
  const at = {
    zh: `${conflict.town}（${fileName}）方案“${conflict.scenarioName}”的${item.zh} ${conflict.id}`,
    en: `${conflict.town} (${fileName}), scenario "${conflict.scenarioName}", ${item.en} ${conflict.id}`,
  };
  switch (conflict.kind) {
    case 'city-changed':
      return {
        zh: `${at.zh}：上报文件生成后，市级规划也修改了它，且与镇街的修改不同。请选择以镇街或市级为准。`,
        en: `${at.en}: the city plan changed it too since the part was made, differently. Choose the town's or the city's version.`,
      };
    case 'outside-town':
      return {
        zh: `${at.zh}：该地块在市级规划中不属于${conflict.town}（或不在地块图层中），镇街不能设置它的措施。`,
        en: `${at.en}: in the city plan the plot is not ${conflict.town}'s (or not in the plot layer); the town cannot set its action.`,
      };
    case 'zone-overlap':
      return {
        zh: `${at.zh}与${conflict.otherTown || '未定镇街'}的承接区块 ${conflict.otherId} 重叠 ${mu(conflict.areaM2)} 平方米。请调整其中一个区块。`,
        en: `${at.en} overlaps zone ${conflict.otherId} of ${conflict.otherTown || 'no town'} by ${mu(conflict.areaM2)} m². Reshape one of them.`,
      };
    case 'unmatched-transfer':
      return {
        zh: `${at.zh}：另一方${detail.counterpart ? '记录的内容不同' : '没有记录这笔调剂'}（对方的上报文件，或对方未上报时的市级规划）。请双方核对一致。`,
        en: `${at.en}: the other town ${detail.counterpart ? 'records it differently' : 'does not record it'} (in its part, or in the city plan when it submits none). Agree on it with the other town.`,
      };
    case 'negative-balance':
      return {
        zh: `合并${conflict.town}（${fileName}）后，方案“${conflict.scenarioName}”中${conflict.otherTown}的用地指标余额在 ${conflict.year} 年为 ${mu(conflict.balanceAfter)} 亩（合并前 ${mu(conflict.balanceBefore)} 亩），出现负数。请调整承接区块或指标调剂。`,
        en: `With ${conflict.town} (${fileName}) merged, ${conflict.otherTown}'s quota balance in scenario "${conflict.scenarioName}" is ${mu(conflict.balanceAfter)} mu in ${conflict.year} (${mu(conflict.balanceBefore)} mu before): negative. Adjust zones or transfers.`,
      };
  }
}

/** A scenario of a part that the merge leaves out. */
export function skippedScenarioMessage(fileName: string, name: string, goneFromCity: boolean): Message {
  return goneFromCity
    ? {
        zh: `${fileName} 的方案“${name}”在市级规划中已不存在，其修改未合并。`,
        en: `Scenario "${name}" of ${fileName} is no longer in the city plan; its edits are not merged.`,
      }
    : {
        zh: `${fileName} 的方案“${name}”是镇街新建的，合并只接收市级规划已有方案的修改。`,
        en: `Scenario "${name}" of ${fileName} was made by the town; the merge takes edits of the city plan's scenarios only.`,
      };
}
