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

type PlotMapGeometry =
  | NonNullable<FeatureCollection['features'][number]['geometry']>
  | { type: 'Point'; coordinates: number[] };

/**
 * @param plots the plot layer, WGS84 lon/lat
 * @param results classification results, `results[i]` for `plots.features[i]`
 * @param options `dots`: also one point per plot (its box centre) with the same properties, which
 *   the map draws instead of the polygons at county scale, where 100,000 polygons of a pixel or two
 *   would cost seconds of tiling and drawing for the same picture
 * @returns a new collection; plots without a polygon geometry are left out
 */
export function plotFeatures(
  plots: FeatureCollection,
  results: readonly PlotMapInput[],
  options: { dots?: boolean; roundTo?: number } = {},
): FeatureCollection<PlotMapGeometry, PlotMapProperties> {
  const round = options.roundTo === undefined ? null : roundPositions(options.roundTo);
  const features: FeatureCollection<PlotMapGeometry, PlotMapProperties>['features'] = [];
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
      geometry: round ? round(geometry) : geometry,
    });
  }
  if (options.dots) {
    const polygons = features.length;
    for (let k = 0; k < polygons; k++) {
      const feature = features[k] as (typeof features)[number];
      const box = geometryBox(
        feature.geometry as NonNullable<FeatureCollection['features'][number]['geometry']>,
      );
      features.push({
        type: 'Feature',
        properties: feature.properties,
        geometry: {
          type: 'Point',
          coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2].map((v) =>
            round ? roundNumber(v) : v,
          ),
        },
      });
    }
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

let roundFactor = 1e7;

function roundNumber(value: number): number {
  return Math.round(value * roundFactor) / roundFactor;
}

/**
 * A copy of a polygon geometry with coordinates rounded to `digits` decimals of a degree (7: about
 * a centimetre), for the map only: the GeoJSON handed to MapLibre is then a third shorter.
 */
function roundPositions(digits: number) {
  roundFactor = 10 ** digits;
  return (geometry: NonNullable<FeatureCollection['features'][number]['geometry']>) => {
    const ring = (r: number[][]) => r.map((p) => p.map(roundNumber));
    return geometry.type === 'Polygon'
      ? { type: 'Polygon' as const, coordinates: geometry.coordinates.map(ring) }
      : {
          type: 'MultiPolygon' as const,
          coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)),
        };
  };
}
