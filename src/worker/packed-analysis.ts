/**
 * A plan's analysis as the worker sends it: analyzePlan's, with its rows packed as they are made, a
 * piece at a time (see packed-records.ts), so that the rows never exist all at once as objects in
 * the worker (the 172,000 rows of a 95 MB GeoJSON took 115 MB there, beside the layer, until packed).
 * Unpacked, the rows are those of analyzePlan, in the same order and pieces as packRecords packs them.
 */

import {
  type AnalyzePlanOptions,
  classifyPlan,
  type PlanAnalysis,
  type PlanLayerSet,
  plotRowOf,
} from '../core/analysis/analyze-plan.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import { type PackedRecords, PIECE_RECORDS, recordPacker } from './packed-records.ts';
import type { PlotMapInput, TownOf } from './plot-map.ts';

/** A plan's analysis as it crosses to the page: its rows packed (see packed-records.ts; the buffers are transferred). */
export interface SentAnalysis extends Omit<PlanAnalysis, 'rows'> {
  rows: PackedRecords;
}

/**
 * analyzePlan of `layers` with its rows packed, `pieceRecords` to a piece (tests), and what the map
 * needs of each plot (id, status, town: plot-map.ts), read from the classification (no object made
 * for it: 516,000 of them held 15 MB while the rows were made).
 */
export function analyzePlanPacked(
  layers: PlanLayerSet,
  settings: AnalysisSettings,
  options: AnalyzePlanOptions = {},
  pieceRecords = PIECE_RECORDS,
): { analysis: SentAnalysis; map: { results: readonly PlotMapInput[]; townOf: TownOf } } {
  const classified = classifyPlan(layers, settings, options);
  const { results, towns } = classified;
  const packer = recordPacker();
  for (let from = 0; from < results.length; from += pieceRecords) {
    const rows = [];
    for (let index = from; index < Math.min(results.length, from + pieceRecords); index++)
      rows.push(plotRowOf(layers.plots, classified, index, settings));
    packer.add(rows);
  }
  options.onProgress?.(1);
  return {
    analysis: {
      rows: packer.finish(),
      baseline: classified.baseline,
      settings,
      problems: classified.problems,
    },
    // A row's id, status and town, as the map reads them from the rows.
    map: { results, townOf: (index) => towns[index]?.town ?? '' },
  };
}
