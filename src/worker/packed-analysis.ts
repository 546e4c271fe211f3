/**
 * A plan's analysis as the worker sends it: analyzePlan's, with its rows written into columns as
 * they are made (see plot-row-columns.ts), so that the rows never exist all at once as objects in
 * the worker (the 172,000 rows of a 95 MB GeoJSON took 115 MB there, beside the layer) nor in the
 * page. Read back, the rows are those of analyzePlan.
 */

import {
  type AnalyzePlanOptions,
  classifyPlan,
  type PlanAnalysis,
  type PlanLayerSet,
  plotRowOf,
} from '../core/analysis/analyze-plan.ts';
import { type PlotRowColumns, plotRowColumnWriter } from '../core/analysis/plot-row-columns.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import { keptOutlines, packedBoxReader, packedGeometryReader } from './packed-layer.ts';
import type { PlotMapInput, TownOf } from './plot-map.ts';

/** A plan's analysis as it crosses to the page: its rows as columns (their arrays are transferred). */
export interface SentAnalysis extends Omit<PlanAnalysis, 'rows'> {
  rows: PlotRowColumns;
}

/**
 * analyzePlan of `layers` with its rows as columns, and what the map needs of each plot (status,
 * town: plot-map.ts), read from the classification (no object made for it: 516,000 of them held
 * 15 MB while the rows were made).
 */
export function analyzePlanPacked(
  layers: PlanLayerSet,
  settings: AnalysisSettings,
  options: AnalyzePlanOptions = {},
): { analysis: SentAnalysis; map: { results: readonly PlotMapInput[]; townOf: TownOf } } {
  const classified = classifyPlan(layers, settings, {
    ...options,
    compactResults: true,
    geometryOf: packedGeometryReader(layers.plots),
  });
  const { results, towns } = classified;
  // The page reads the rows' boxes from the outlines it gets (plotOutlinesOf: these, copied).
  const writer = plotRowColumnWriter(results.length, keptOutlines(layers.plots)?.outlines);
  const boxOf = packedBoxReader(layers.plots);
  for (let index = 0; index < results.length; index++)
    writer.add(plotRowOf(layers.plots, classified, index, settings, boxOf));
  options.onProgress?.(1);
  return {
    analysis: {
      rows: writer.finish(),
      baseline: classified.baseline,
      settings,
      problems: classified.problems,
    },
    // A row's status and town, as the map reads them from the rows.
    map: { results, townOf: (index) => towns[index]?.town ?? '' },
  };
}
