/** The edit of a scenario's assumptions (example figures the indicators are computed with). */

import type { Message } from '../../types.ts';
import type { Assumptions } from '../scenario.ts';
import {
  type EditKindSpec,
  type EditOf,
  editedScenario,
  findScenario,
  NO_SCENARIO,
  replaceScenario,
} from './scenario-edit.ts';

/** The name of each assumption, as edit labels and the plan diff say it. */
export const ASSUMPTION_LABELS: Readonly<Record<keyof Assumptions, Message>> = {
  upliftFactor: { zh: '税收提升系数', en: 'tax uplift factor' },
  zoneTaxPerMu: { zh: '承接区块亩均税收', en: 'zone tax per mu' },
  upgradeFirmsPer100Mu: { zh: '改造每百亩新增规上企业', en: 'new firms per 100 mu upgraded' },
  zoneFirmsPer100Mu: { zh: '承接区块每百亩规上企业', en: 'new firms per 100 mu of zone' },
  relocationFloorFactor: { zh: '搬迁建筑面积系数', en: 'relocation floor factor' },
  purchaseWanPerMu: { zh: '收购单价', en: 'purchase price per mu' },
  leaseWanPerMuYear: { zh: '年租金', en: 'lease per mu and year' },
  demolitionYuanPerM2: { zh: '拆除单价', en: 'demolition cost per m²' },
  rewardWanPerMu: { zh: '奖励标准', en: 'reward per mu' },
  upgradeSubsidyWanPerMu: { zh: '改造补助标准', en: 'upgrade subsidy per mu' },
  relocationSubsidyWanPerMu: { zh: '搬迁补助标准', en: 'relocation subsidy per mu' },
};

function changed(edit: EditOf<'set-assumptions'>): [keyof Assumptions, number][] {
  return Object.entries(edit.assumptions) as [keyof Assumptions, number][];
}

export const SET_ASSUMPTIONS: EditKindSpec<EditOf<'set-assumptions'>> = {
  describe(edit) {
    const keys = Object.keys(edit.assumptions) as (keyof Assumptions)[];
    const names = keys.map((key) => ASSUMPTION_LABELS[key] ?? { zh: key, en: key });
    return {
      zh: `修改测算假设：${names.map((n) => n.zh).join('、')}`,
      en: `Change assumption${keys.length === 1 ? '' : 's'}: ${names.map((n) => n.en).join(', ')}`,
    };
  },
  apply(set, edit) {
    const scenario = findScenario(set, edit.scenarioId);
    if (!scenario) return { problem: NO_SCENARIO };
    for (const [key, value] of changed(edit)) {
      if (!Object.hasOwn(scenario.assumptions, key))
        return { problem: { zh: `未知的测算假设：${key}`, en: `unknown assumption: ${key}` } };
      if (!Number.isFinite(value))
        return {
          problem: {
            zh: `测算假设须为有限数值：${key}`,
            en: `an assumption must be a finite number: ${key}`,
          },
        };
    }
    return {
      next: replaceScenario(set, {
        ...scenario,
        assumptions: { ...scenario.assumptions, ...edit.assumptions },
      }),
    };
  },
  inverse(before, edit) {
    const scenario = editedScenario(before, edit.scenarioId);
    const previous: Partial<Assumptions> = {};
    for (const [key] of changed(edit)) previous[key] = scenario.assumptions[key];
    return { type: 'set-assumptions', scenarioId: scenario.id, assumptions: previous };
  },
};
