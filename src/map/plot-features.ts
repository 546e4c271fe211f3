/**
 * The plots as the map draws them: geometry, id and the status from the classification, nothing
 * else, so that the copy sent to MapLibre's worker stays small.
 */

import { geometryBox, type PlotResult } from '../core/analysis/classify-plots.ts';
import type { FeatureCollection } from '../core/types.ts';

export type PlotMapStatus = NonNullable<PlotResult['status']> | 'unclassified';

/**
 * @param plots the plot layer, WGS84 lon/lat
 * @param results classification results, `results[i]` for `plots.features[i]`
 * @returns a new collection; plots without a polygon geometry are left out
 */
export function plotFeatures(
  plots: FeatureCollection,
  results: readonly PlotResult[],
): FeatureCollection<
  NonNullable<FeatureCollection['features'][number]['geometry']>,
  { id: string; status: PlotMapStatus }
> {
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const geometry = plots.features[index]?.geometry;
    const result = results[index];
    if (!geometry || !result) continue;
    features.push({
      type: 'Feature' as const,
      properties: { id: result.id, status: result.status ?? ('unclassified' as const) },
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
  results: readonly PlotResult[],
  statuses: readonly PlotMapStatus[],
): FeatureCollection<{ type: 'Point'; coordinates: number[] }, { id: string; status: PlotMapStatus }> {
  const features = [];
  for (let index = 0; index < plots.features.length; index++) {
    const geometry = plots.features[index]?.geometry;
    const result = results[index];
    const status: PlotMapStatus = result?.status ?? 'unclassified';
    if (!geometry || !result || !statuses.includes(status)) continue;
    const box = geometryBox(geometry);
    features.push({
      type: 'Feature' as const,
      properties: { id: result.id, status },
      geometry: { type: 'Point' as const, coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] },
    });
  }
  return { type: 'FeatureCollection', features };
}
