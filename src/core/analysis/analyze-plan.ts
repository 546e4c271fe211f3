/**
 * The whole baseline analysis of a plan in one call, shared by the page's worker and the
 * command-line tool: classification, town of each plot, canonical properties, efficiency measures
 * and the baseline indicators. Everything it returns is plain data (structured-clonable).
 */

import type { Box } from '../geometry/clip-to-box.ts';
import { m2ToMu } from '../geometry/ellipsoidal-area.ts';
import { normalizePlotProperties } from '../io/normalize-plot-properties.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../settings.ts';
import type { FeatureCollection, PlotProperties, PlotStatus, Problem } from '../types.ts';
import { assignTowns, type TownAssignment } from './assign-towns.ts';
import { type BaselineIndicators, baselineIndicators } from './baseline-indicators.ts';
import { type ClassifyOptions, classifyPlots, geometryBox, type PlotResult } from './classify-plots.ts';
import { type PlotMeasures, plotMeasures } from './plot-measures.ts';

/** One plot as the tables, panels and exports see it. */
export interface PlotRow {
  /** Index of the plot in the plot layer. */
  index: number;
  id: string;
  name?: string;
  /** The town the plot is counted under ('' when none could be found). */
  town: string;
  townSource: TownAssignment['source'];
  village?: string;
  status: PlotStatus | null;
  areaM2: number;
  areaMu: number;
  inBoundaryM2: number;
  inControlM2: number;
  /** Canonical properties (DESIGN.md). */
  properties: PlotProperties;
  measures: PlotMeasures;
  /** [west, south, east, north] of the plot, WGS84; null without geometry. */
  box: Box | null;
}

export interface PlanAnalysis {
  rows: PlotRow[];
  baseline: BaselineIndicators;
  settings: AnalysisSettings;
  /** Problems met by the classification (and property warnings), feature by feature. */
  problems: Problem[];
}

export interface PlanLayerSet {
  plots: FeatureCollection;
  boundary: FeatureCollection;
  control: FeatureCollection;
}

export interface AnalyzePlanOptions {
  /** Share of the work done, 0…1, now and then. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  /** The classification's results read from columns (see ClassifyOptions.compact). */
  compactResults?: boolean;
  /** Reads the plots' geometries for the classification (see ClassifyOptions.geometryOf). */
  geometryOf?: ClassifyOptions['geometryOf'];
}

/**
 * A plan classified: what its rows (plotRowOf) and baseline indicators are made from. The page's
 * worker makes the rows from it a few thousand at a time, never all at once (see classifyPlan).
 */
export interface ClassifiedPlan {
  results: PlotResult[];
  towns: TownAssignment[];
  baseline: BaselineIndicators;
  problems: Problem[];
}

/** Classifies the plots and works out every per-plot figure and the baseline indicators. */
export function analyzePlan(
  layers: PlanLayerSet,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
  options: AnalyzePlanOptions = {},
): PlanAnalysis {
  const classified = classifyPlan(layers, settings, options);
  const rows = classified.results.map((_, index) => plotRowOf(layers.plots, classified, index, settings));
  options.onProgress?.(1);
  return { rows, baseline: classified.baseline, settings, problems: classified.problems };
}

/**
 * analyzePlan without its rows: the classification, town of each plot and baseline indicators
 * (progress up to 0.95; the rows are the rest). The row of plot `index` is plotRowOf.
 */
export function classifyPlan(
  layers: PlanLayerSet,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
  options: AnalyzePlanOptions = {},
): ClassifiedPlan {
  const { onProgress, signal } = options;
  const classification = classifyPlots(layers.plots, layers.boundary, layers.control, {
    tolerance: settings.tolerance,
    signal,
    compact: options.compactResults,
    geometryOf: options.geometryOf,
    onProgress: onProgress ? (done) => onProgress(0.9 * done) : undefined,
  });
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  const towns = assignTowns(layers.plots, layers.boundary);
  onProgress?.(0.95);
  const baseline = baselineIndicators(
    classification.results,
    towns.map((t) => t.town),
  );
  return { results: classification.results, towns, baseline, problems: classification.problems };
}

/**
 * The row of plot `index` of a classified plan (`plots`: the plan's plot layer), as analyzePlan makes
 * it; `boxOf`: the plot's box as geometryBox gives it, where it is known without its geometry.
 */
export function plotRowOf(
  plots: FeatureCollection,
  { results, towns }: Pick<ClassifiedPlan, 'results' | 'towns'>,
  index: number,
  settings: AnalysisSettings,
  boxOf?: (index: number) => Box | undefined,
): PlotRow {
  const result = results[index] as PlotResult;
  const feature = plots.features[index];
  const { properties } = normalizePlotProperties((feature?.properties ?? {}) as Record<string, unknown>, {
    featureIndex: index,
    featureId: feature?.id,
  });
  const known = boxOf?.(index);
  const geometry = known ? null : feature?.geometry;
  const row: PlotRow = {
    index,
    id: result.id,
    town: towns[index]?.town ?? '',
    townSource: towns[index]?.source ?? 'none',
    status: result.status,
    areaM2: result.areaM2,
    areaMu: m2ToMu(result.areaM2),
    inBoundaryM2: result.inBoundaryM2,
    inControlM2: result.inControlM2,
    properties,
    measures: plotMeasures(properties, result.areaM2, settings),
    box: known ?? (geometry ? geometryBox(geometry) : null),
  };
  if (properties.name !== undefined) row.name = properties.name;
  if (properties.village !== undefined) row.village = properties.village;
  return row;
}
