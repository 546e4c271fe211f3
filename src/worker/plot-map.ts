/**
 * The plots as the map draws them: geometry, index, id, status and town, nothing else, so that the
 * copy sent to MapLibre's worker stays small.
 */

import { geometryBox } from '../core/analysis/classify-plots.ts';
import type { FeatureCollection, PlotStatus } from '../core/types.ts';

export type PlotMapStatus = PlotStatus | 'unclassified';

/** What the map needs of a plot's analysis (a PlotRow or a PlotResult). */
export interface PlotMapInput {
  id: string;
  status: PlotStatus | null;
  town?: string;
}

export interface PlotMapProperties {
  index: number;
  id: string;
  status: PlotMapStatus;
  town: string;
}

/**
 * @param plots the plot layer, WGS84 lon/lat
 * @param results classification results, `results[i]` for `plots.features[i]`
 * @returns a new collection; plots without a polygon geometry are left out
 */
export function plotFeatures(
  plots: FeatureCollection,
  results: readonly PlotMapInput[],
): FeatureCollection<NonNullable<FeatureCollection['features'][number]['geometry']>, PlotMapProperties> {
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const geometry = plots.features[index]?.geometry;
    const result = results[index];
    if (!geometry || !result) continue;
    features.push({
      type: 'Feature' as const,
      properties: {
        index,
        id: result.id,
        status: result.status ?? ('unclassified' as const),
        town: result.town ?? '',
      },
      geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * One point per plot with one of `statuses` (the centre of its bounding box), so that a few such
 * plots stay visible as rings at county scale, where a plot is a speck of a pixel or two.
 */
export function plotMarkers(
  plots: FeatureCollection,
  results: readonly PlotMapInput[],
  statuses: readonly PlotMapStatus[],
): FeatureCollection<{ type: 'Point'; coordinates: number[] }, PlotMapProperties> {
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const geometry = plots.features[index]?.geometry;
    const result = results[index];
    const status: PlotMapStatus = result?.status ?? 'unclassified';
    if (!geometry || !result || !statuses.includes(status)) continue;
    const box = geometryBox(geometry);
    features.push({
      type: 'Feature' as const,
      properties: { index, id: result.id, status, town: result.town ?? '' },
      geometry: { type: 'Point' as const, coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] },
    });
  }
  return { type: 'FeatureCollection', features };
}
