/**
 * Reads the parsed JSON of a version-1 plan file into typed data, checking every part and naming
 * the part that is missing or wrong. Required parts that are wrong are problems (the plan is not
 * read); optional parts that are wrong are left out with a warning. Never throws. The layers,
 * scenarios and slides are read by their own modules; the settings and the view here.
 */

import type { AnalysisSettings } from '../settings.ts';
import { PLAN_KEYS, type PlanFile, type PlanView } from './plan-file.ts';
import { childPath } from './plan-problems.ts';
import { EXPECT, isRecord, type PlanReader, readList } from './plan-reader.ts';
import { readLayers } from './read-plan-layers.ts';
import { readScenario } from './read-scenario.ts';
import { readSlides } from './slides.ts';

function readSettings(reader: PlanReader, value: unknown, path: string): AnalysisSettings | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['tolerance', 'screening', 'classLimits'], path);
  const tolerance = reader.number(record, 'tolerance', path, (n) => n >= 0 && n < 0.5, EXPECT.tolerance);
  const screeningValue = reader.required(record, 'screening', path);
  const screeningPath = childPath(path, 'screening');
  const screening = screeningValue === undefined ? undefined : reader.object(screeningValue, screeningPath);
  const limitsValue = reader.required(record, 'classLimits', path);
  const limitsPath = childPath(path, 'classLimits');
  const limits = limitsValue === undefined ? undefined : reader.object(limitsValue, limitsPath);
  if (screening)
    reader.extraKeys(screening, ['investmentPerMu', 'far', 'coverage', 'taxPerMu'], screeningPath);
  if (limits) reader.extraKeys(limits, ['A', 'B', 'C'], limitsPath);
  const investmentPerMu = screening && reader.number(screening, 'investmentPerMu', screeningPath);
  const far = screening && reader.number(screening, 'far', screeningPath);
  const coverage = screening && reader.number(screening, 'coverage', screeningPath);
  const taxPerMu = screening && reader.number(screening, 'taxPerMu', screeningPath);
  const A = limits && reader.number(limits, 'A', limitsPath);
  const B = limits && reader.number(limits, 'B', limitsPath);
  const C = limits && reader.number(limits, 'C', limitsPath);
  if (
    tolerance === undefined ||
    investmentPerMu === undefined ||
    far === undefined ||
    coverage === undefined ||
    taxPerMu === undefined ||
    A === undefined ||
    B === undefined ||
    C === undefined
  )
    return undefined;
  return { tolerance, screening: { investmentPerMu, far, coverage, taxPerMu }, classLimits: { A, B, C } };
}

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
 * Reads a version-1 plan object. Returns undefined when a required part is missing or wrong (the
 * reader then holds the problems).
 */
export function readPlanV1(reader: PlanReader, data: Record<string, unknown>): PlanFile | undefined {
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
  if (
    name === undefined ||
    createdAt === undefined ||
    !settings ||
    !layers ||
    !scenarios ||
    activeScenarioId === undefined ||
    (data.slides !== undefined && !slides)
  )
    return undefined;
  const plan: PlanFile = {
    format: 'industrial-land-plan',
    version: 1,
    name,
    createdAt,
    settings,
    layers,
    scenarios,
    activeScenarioId,
  };
  if (view) plan.view = view;
  if (slides) plan.slides = slides;
  return plan;
}
