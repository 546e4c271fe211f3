/**
 * A piece of a plot layer (some of its features, read apart from the rest) taken through what
 * loadLayerFromSource does to the whole layer: columns mapped, reprojected, checked, repaired. Only a
 * clean piece is taken: at any problem (error or warning) or a feature without an id, the answer is
 * null, and the caller reads the file the ordinary way, with its exact messages. Used where a large
 * file is read in pieces: `npm run analyze` in parts (scripts/lib/plot-part.ts) and the page's
 * streamed plot reading (src/worker/stream-plot-source.ts).
 */

import type { Crs } from '../crs/crs.ts';
import { reprojectFeatureCollection } from '../crs/reproject-feature-collection.ts';
import type { Feature, FeatureCollection, PlotProperties } from '../types.ts';
import { applyColumnMapping, type ColumnMapping } from './column-mapping.ts';
import { repairFeature } from './repair-feature.ts';
import { idKey, resolveFeatureId } from './resolve-feature-id.ts';
import { validateLayer } from './validate-layer.ts';

export interface CleanPiece {
  /** The features as loaded (WGS84 lon/lat, repaired). */
  features: Feature[];
  /** Each feature's id as the duplicate check keys it (unique within the piece). */
  idKeys: string[];
  /** The plot attributes the checks read, when asked for. */
  plotProperties?: (PlotProperties | undefined)[];
}

/**
 * @param features the piece's features, as parsed
 * @param fileName for the checks' messages (never shown: a piece with a message is not taken)
 * @param options.transient the features serve only this run's figures, never shown or saved: a
 *   canonical column a feature lacks stays absent (see applyColumnMapping's `absentStays`)
 */
export function loadCleanPiece(
  features: readonly unknown[],
  mapping: ColumnMapping,
  crs: Crs,
  fileName: string,
  { plotProperties = false, transient = false }: { plotProperties?: boolean; transient?: boolean } = {},
): CleanPiece | null {
  const mapped = applyColumnMapping({ type: 'FeatureCollection', features } as FeatureCollection, mapping, {
    absentStays: transient,
  });
  const reprojected = reprojectFeatureCollection(mapped, crs);
  const checked = validateLayer(reprojected, 'plots', { fileName, plotProperties });
  if (checked.problems.length > 0) return null;
  const loaded: Feature[] = new Array(reprojected.features.length);
  const idKeys: string[] = new Array(loaded.length);
  for (let i = 0; i < loaded.length; i++) {
    const feature = reprojected.features[i] as Feature;
    const id = resolveFeatureId(feature);
    if (id === undefined) return null;
    idKeys[i] = idKey(id);
    loaded[i] = repairFeature(feature as Feature<unknown, unknown>) as Feature;
  }
  return {
    features: loaded,
    idKeys,
    ...(checked.plotProperties ? { plotProperties: checked.plotProperties } : {}),
  };
}
