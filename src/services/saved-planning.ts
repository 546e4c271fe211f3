/**
 * The planning settings (horizon, targets, suggestion settings), the analysis settings and the
 * accepted suggestions as the autosave wrote them, read back with the plan file's own readers: a state saved before they were
 * kept, or damaged, gives none (the plan's defaults stay).
 */

import type { PlanSettings } from '../core/plan/plan-file.ts';
import { isRecord, PlanReader } from '../core/plan/plan-reader.ts';
import { readPlanSuggestion } from '../core/plan/plan-suggestions.ts';
import { readSettings } from '../core/plan/read-plan-settings.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/settings.ts';
import { defaultPlanningSettings, type PlanningSettings } from '../core/suggest/suggest-settings.ts';
import type { SuggestionRecord } from '../state/planner-state.ts';

/** Settings as a plan file has them (`settings`), read by the plan file's reader; null at any problem. */
function readWholeSettings(value: Record<string, unknown>): PlanSettings | null {
  const reader = new PlanReader('autosave');
  const settings = readSettings(reader, value, 'settings');
  return settings && reader.problems.length === 0 ? settings : null;
}

/** `value` as planning settings when the plan file's reader accepts it, else null. */
export function readSavedPlanning(value: unknown): PlanningSettings | null {
  if (!isRecord(value)) return null;
  const { tolerance, screening, classLimits } = DEFAULT_SETTINGS;
  const { horizon, targets, suggestion } = value;
  const settings = readWholeSettings({ tolerance, screening, classLimits, horizon, targets, suggestion });
  return (
    settings && { horizon: settings.horizon, targets: settings.targets, suggestion: settings.suggestion }
  );
}

/**
 * `value` as the analysis settings (tolerance, screening thresholds, class limits) when the plan
 * file's reader accepts it, else null (a state saved before they were kept: the defaults).
 */
export function readSavedAnalysisSettings(value: unknown): AnalysisSettings | null {
  if (!isRecord(value)) return null;
  const { tolerance, screening, classLimits } = value;
  const settings = readWholeSettings({ ...defaultPlanningSettings(), tolerance, screening, classLimits });
  return (
    settings && {
      tolerance: settings.tolerance,
      screening: settings.screening,
      classLimits: settings.classLimits,
    }
  );
}

/** The saved suggestions that read as such (others are dropped: their plots are just not marked). */
export function readSavedSuggestions(value: unknown): Record<string, SuggestionRecord> {
  if (!isRecord(value)) return {};
  const records: Record<string, SuggestionRecord> = {};
  for (const [id, entry] of Object.entries(value)) {
    const record = readPlanSuggestion(entry);
    if (record) records[id] = record;
  }
  return records;
}
