/**
 * Reads the parsed JSON of a plan file of the current version (3) into typed data, checking every part and naming
 * the part that is missing or wrong. Required parts that are wrong are problems (the plan is not
 * read); optional parts that are wrong are left out with a warning. Never throws. The layers,
 * scenarios and slides are read by their own modules; the settings and the view here.
 */

import { readDerivedFrom } from './derived-from.ts';
import { readComments } from './plan-comments.ts';
import { PLAN_KEYS, type PlanFile, type PlanView } from './plan-file.ts';
import { isRecord, type PlanReader, readList } from './plan-reader.ts';
import { readPlanSuggestions } from './plan-suggestions.ts';
import { readContextLayers } from './read-context-layers.ts';
import { readLayerOrigins } from './read-layer-origins.ts';
import { readLayers } from './read-plan-layers.ts';
import { readSettings } from './read-plan-settings.ts';
import { readScenario } from './read-scenario.ts';
import { readSlides } from './slides.ts';

function readView(reader: PlanReader, value: unknown): PlanView | undefined {
  const center = isRecord(value) ? value.center : undefined;
  const zoom = isRecord(value) ? value.zoom : undefined;
  if (
    Array.isArray(center) &&
    center.length === 2 &&
    center.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    typeof zoom === 'number' &&
    Number.isFinite(zoom)
  )
    return { center: [center[0] as number, center[1] as number], zoom };
  reader.warn('dropped-part', 'view', {
    zh: `方案文件 ${reader.fileName} 的 view 应为 { center: [经度, 纬度], zoom }，已忽略。`,
    en: `Plan file ${reader.fileName}: view must be { center: [lon, lat], zoom }; it was ignored.`,
  });
  return undefined;
}

/**
 * Reads a plan object of the current version (older ones are migrated first). Returns undefined when a required part is missing or wrong (the
 * reader then holds the problems).
 */
export function readPlanV3(reader: PlanReader, data: Record<string, unknown>): PlanFile | undefined {
  reader.extraKeys(data, PLAN_KEYS, '');
  const name = reader.string(data, 'name', '');
  const createdAt = reader.string(data, 'createdAt', '');
  const settingsValue = reader.required(data, 'settings', '');
  const settings = settingsValue === undefined ? undefined : readSettings(reader, settingsValue, 'settings');
  const layersValue = reader.required(data, 'layers', '');
  const layers = layersValue === undefined ? undefined : readLayers(reader, layersValue, 'layers');
  const scenarios = readList(reader, data, 'scenarios', '', readScenario);
  const activeScenarioId = reader.string(data, 'activeScenarioId', '');
  let view: PlanView | undefined;
  if (data.view !== undefined) view = readView(reader, data.view);
  // Optional, but the planner's own work: a damaged slide stops the file from opening (slides.ts).
  const slides = data.slides === undefined ? undefined : readSlides(reader, data.slides);
  // Also the planner's and reviewers' own words: a damaged comment stops the file from opening (plan-comments.ts).
  const comments = data.comments === undefined ? [] : readComments(reader, data.comments);
  if (
    name === undefined ||
    createdAt === undefined ||
    !settings ||
    !layers ||
    !scenarios ||
    activeScenarioId === undefined ||
    (data.slides !== undefined && !slides) ||
    !comments
  )
    return undefined;
  const plan: PlanFile = {
    format: 'industrial-land-plan',
    version: 3,
    name,
    createdAt,
    settings,
    layers,
    scenarios,
    activeScenarioId,
    comments,
  };
  if (view) plan.view = view;
  if (slides) plan.slides = slides;
  // Optional, and only drawn: a damaged entry is left out with a warning (read-context-layers.ts).
  if (data.contextLayers !== undefined) plan.contextLayers = readContextLayers(reader, data.contextLayers);
  const layerOrigins =
    data.layerOrigins === undefined ? undefined : readLayerOrigins(reader, data.layerOrigins, 'layerOrigins');
  if (layerOrigins) plan.layerOrigins = layerOrigins;
  const derivedFrom = data.derivedFrom === undefined ? undefined : readDerivedFrom(reader, data.derivedFrom);
  if (derivedFrom) plan.derivedFrom = derivedFrom;
  if (data.suggestions !== undefined) {
    const suggestions = readPlanSuggestions(
      reader,
      data.suggestions,
      scenarios.map((scenario) => scenario.id),
    );
    if (Object.keys(suggestions).length > 0) plan.suggestions = suggestions;
  }
  return plan;
}
