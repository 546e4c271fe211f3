/**
 * The accepted plan suggestions (方案建议) a plan keeps, by the id of the scenario made of each: the
 * proof of its quality (status, objective, bound, gap) and the suggested entries with their
 * explanations. A plot of that scenario is marked as suggested while it holds the very entry
 * suggested for it. An optional top-level member of the plan file (`suggestions`, absent: none);
 * the autosave keeps it too.
 */

import { PLOT_ACTIONS } from '../catalogue/action-catalogue.ts';
import { PLAN_YEARS } from '../scenario/scenario.ts';
import type { SuggestedAction, Suggestion } from '../suggest/suggestion.ts';
import type { Message } from '../types.ts';
import { isRecord, type PlanReader } from './plan-reader.ts';

/** One accepted suggestion, kept under the id of the scenario made of it. */
export interface PlanSuggestion {
  /** The scenario it started from. */
  baseScenarioId: string;
  status: Suggestion['status'];
  objective: number;
  bound: number | null;
  gap: number | null;
  /** The suggested entries (plots kept are not listed), each with its explanation. */
  actions: SuggestedAction[];
}

const STATUSES: readonly string[] = ['optimal', 'feasible', 'infeasible'];

function isMessage(value: unknown): value is Message {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

function isNumberOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

function isSuggestedAction(value: unknown): value is SuggestedAction {
  if (!isRecord(value)) return false;
  const { plotId, action, year, zoneId, lease, explanation } = value;
  return (
    typeof plotId === 'string' &&
    typeof action === 'string' &&
    (PLOT_ACTIONS as readonly string[]).includes(action) &&
    typeof year === 'number' &&
    (PLAN_YEARS as readonly number[]).includes(year) &&
    (zoneId === undefined || typeof zoneId === 'string') &&
    (lease === undefined || (isRecord(lease) && typeof lease.years === 'number')) &&
    isMessage(explanation)
  );
}

/** `value` as one accepted suggestion, or undefined when any part is not what it must be. */
export function readPlanSuggestion(value: unknown): PlanSuggestion | undefined {
  if (!isRecord(value)) return undefined;
  const { baseScenarioId, status, objective, bound, gap, actions } = value;
  if (
    typeof baseScenarioId !== 'string' ||
    typeof status !== 'string' ||
    !STATUSES.includes(status) ||
    typeof objective !== 'number' ||
    !Number.isFinite(objective) ||
    !isNumberOrNull(bound) ||
    !isNumberOrNull(gap) ||
    !Array.isArray(actions) ||
    !actions.every(isSuggestedAction)
  )
    return undefined;
  return { baseScenarioId, status: status as PlanSuggestion['status'], objective, bound, gap, actions };
}

/**
 * The plan file's `suggestions`: each entry read on its own; a damaged one, or one whose scenario
 * is not in the plan, is left out with a warning (its plots are just not marked).
 * @param scenarioIds the plan's scenarios
 */
export function readPlanSuggestions(
  reader: PlanReader,
  value: unknown,
  scenarioIds: readonly string[],
  path = 'suggestions',
): Record<string, PlanSuggestion> {
  const out: Record<string, PlanSuggestion> = {};
  if (!isRecord(value)) {
    reader.warn('dropped-part', path, {
      zh: `方案文件 ${reader.fileName} 的 ${path} 应为按方案编号列出的方案建议，已忽略：建议的地块不再标记。`,
      en: `Plan file ${reader.fileName}: ${path} must list plan suggestions by scenario id; it was ignored, so no plot is marked as suggested.`,
    });
    return out;
  }
  for (const [id, entry] of Object.entries(value)) {
    const suggestion = readPlanSuggestion(entry);
    if (suggestion && scenarioIds.includes(id)) {
      out[id] = suggestion;
      continue;
    }
    const where = `${path}.${id}`;
    reader.warn('dropped-part', where, {
      zh: `方案文件 ${reader.fileName} 的 ${where} ${suggestion ? '所指的方案不存在' : '不是完整的方案建议'}，已忽略：该方案的地块不再标记为建议。`,
      en: `Plan file ${reader.fileName}: ${where} ${suggestion ? 'names no scenario of the plan' : 'is not a whole plan suggestion'}; it was ignored, so that scenario's plots are not marked as suggested.`,
    });
  }
  return out;
}
