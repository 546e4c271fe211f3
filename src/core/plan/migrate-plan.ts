/**
 * Converts plan files of older versions to the current one (version 3), step by step, so that a
 * newer app always reads an older file. Each step states what changed in the format.
 *
 * Version 2 differed from version 3 only by what version 3 adds: `comments` (none in an older file)
 * and the optional `derivedFrom` (an older file was not made as a town's part). Nothing computed
 * depends on either, so every figure of a version-2 plan stays as it was.
 *
 * Version 1 differed from version 2 only by what version 2 adds, so the step fills it in silently
 * (every figure of a version-1 plan stays as it was):
 * - `settings.horizon` (2022–2026), `settings.targets` (the four targets of the policy, enabled,
 *   no milestones) and `settings.suggestion` (the suggestion's default rules and objective);
 * - the assumptions `upgradeSubsidyWanPerMu` and `relocationSubsidyWanPerMu` of every scenario, at
 *   their example values (they only feed the new money figures upgradeSubsidyWan and
 *   relocationSubsidyWan).
 *
 * Version 0 (the first prototype) differed from version 1 in two ways:
 * - `scenarios[].actions` was an array of `{ plotId, action, year, zoneId?, lease? }`; version 1
 *   keys the entries by plot id. Where a plot occurred twice, the later entry won (as the prototype
 *   applied them in order).
 * - there was no `scenarios[].directQuota`; version 1 starts it empty.
 */

import { DEFAULT_ASSUMPTIONS } from '../scenario/scenario.ts';
import { defaultPlanningSettings } from '../suggest/suggest-settings.ts';
import type { Message } from '../types.ts';
import { childPath, type PlanProblem } from './plan-problems.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Migration {
  data: Record<string, unknown>;
  warnings: PlanProblem[];
  problems: PlanProblem[];
}

/**
 * Version 0 → 1. Leaves everything it does not convert to the version-1 reader, which names any
 * part that is still wrong.
 * @param data the parsed JSON of a version-0 file
 * @param fileName named in messages
 */
export function migrateV0toV1(data: Record<string, unknown>, fileName: string): Migration {
  const problems: PlanProblem[] = [];
  const warnings: PlanProblem[] = [];
  let repeated = 0;
  const scenarios = Array.isArray(data.scenarios)
    ? data.scenarios.map((scenario: unknown, s: number) => {
        if (!isRecord(scenario)) return scenario;
        const path = childPath(childPath('scenarios', s), 'actions');
        const migrated: Record<string, unknown> = { ...scenario };
        if (Array.isArray(scenario.actions)) {
          const entries: [string, unknown][] = [];
          const seen = new Set<string>();
          scenario.actions.forEach((item: unknown, i: number) => {
            const itemPath = childPath(path, i);
            if (!isRecord(item) || typeof item.plotId !== 'string' || item.plotId === '') {
              problems.push({
                code: 'wrong-part',
                path: itemPath,
                message: {
                  zh: `方案文件 ${fileName}（第 0 版）的 ${itemPath} 应为 { plotId, action, year }。`,
                  en: `Plan file ${fileName} (version 0): ${itemPath} must be { plotId, action, year }.`,
                },
              });
              return;
            }
            const { plotId, ...entry } = item;
            if (seen.has(plotId)) repeated++;
            seen.add(plotId);
            entries.push([plotId, entry]);
          });
          migrated.actions = Object.fromEntries(entries);
        }
        if (migrated.directQuota === undefined) migrated.directQuota = [];
        return migrated;
      })
    : data.scenarios;
  const message: Message = {
    zh: `方案文件 ${fileName} 是旧版本（第 0 版），已转换为第 1 版：地块措施改为按地块编号存放，新增“重点项目直接指标”（为空）。${repeated > 0 ? `有 ${repeated} 个地块的措施重复出现，以后一条为准。` : ''}保存后将写为最新版本。`,
    en: `Plan file ${fileName} is an older version (0) and was converted to version 1: actions are keyed by plot id and an empty list of direct quota was added.${repeated > 0 ? ` ${repeated} plots had more than one action; the later one was kept.` : ''} Saving writes the current version.`,
  };
  warnings.push({ code: 'migrated', message });
  return { data: { ...data, version: 1, scenarios }, warnings, problems };
}

/** The assumptions version 2 added, at their example values. */
const ADDED_IN_V2 = ['upgradeSubsidyWanPerMu', 'relocationSubsidyWanPerMu'] as const;

/**
 * Version 1 → 2: adds the planning settings and the two subsidy assumptions with their defaults,
 * and nothing else. Parts that are missing or wrong for other reasons are left to the reader.
 * @param data the parsed JSON of a version-1 file (or one migrated from version 0)
 */
export function migrateV1toV2(data: Record<string, unknown>): Record<string, unknown> {
  const planning = defaultPlanningSettings();
  const settings = isRecord(data.settings)
    ? {
        ...data.settings,
        horizon: data.settings.horizon ?? planning.horizon,
        targets: data.settings.targets ?? planning.targets,
        suggestion: data.settings.suggestion ?? planning.suggestion,
      }
    : data.settings;
  const scenarios = Array.isArray(data.scenarios)
    ? data.scenarios.map((scenario: unknown) => {
        if (!isRecord(scenario) || !isRecord(scenario.assumptions)) return scenario;
        const assumptions: Record<string, unknown> = { ...scenario.assumptions };
        for (const key of ADDED_IN_V2)
          if (assumptions[key] === undefined) assumptions[key] = DEFAULT_ASSUMPTIONS[key];
        return { ...scenario, assumptions };
      })
    : data.scenarios;
  return { ...data, version: 2, settings, scenarios };
}

/**
 * Version 2 → 3: adds an empty `comments` list, and nothing else (`derivedFrom` stays absent).
 * @param data the parsed JSON of a version-2 file (or one migrated from an older version)
 */
export function migrateV2toV3(data: Record<string, unknown>): Record<string, unknown> {
  return { ...data, version: 3, comments: data.comments ?? [] };
}
