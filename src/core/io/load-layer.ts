/**
 * From a file's text to a layer ready for analysis: parse, find the coordinate system, reproject to
 * WGS84 lon/lat, check every feature and repair what can be repaired. Shared by the command-line
 * tool and the page's import; never throws on user data.
 */

import type { CrsDetection } from '../crs/crs.ts';
import { detectCrs } from '../crs/detect-crs.ts';
import { reprojectFeatureCollection } from '../crs/reproject-feature-collection.ts';
import type { Feature, FeatureCollection, LayerKind, Position, Problem } from '../types.ts';
import { parseGeoJsonText } from './parse-geojson.ts';
import { repairFeature } from './repair-feature.ts';
import { validateLayer } from './validate-layer.ts';

export interface LoadedLayer {
  ok: true;
  /** The usable features, repaired, in WGS84 lon/lat. */
  layer: FeatureCollection;
  /** For each feature of `layer`, its index in the file. */
  sourceIndex: number[];
  /** Features left out because of errors. */
  skipped: number;
  crs: CrsDetection;
  problems: Problem[];
}

export type LoadLayerResult = LoadedLayer | { ok: false; problems: Problem[] };

function* positionsOf(collection: FeatureCollection): Generator<Position> {
  for (const feature of collection.features) {
    const geometry = feature?.geometry as { type?: string; coordinates?: unknown } | null;
    if (!geometry || !Array.isArray(geometry.coordinates)) continue;
    const stack: unknown[] = [geometry.coordinates];
    while (stack.length > 0) {
      const item = stack.pop();
      if (!Array.isArray(item)) continue;
      if (typeof item[0] === 'number') yield item as Position;
      else for (const child of item) stack.push(child);
    }
  }
}

/**
 * Loads one layer from GeoJSON text.
 * @param text the file's content
 * @param fileName named in every message
 * @param kind which layer the file is
 * @param prj text of a `.prj` beside the data, when there is one
 */
export function loadLayerFromGeoJson(
  text: string,
  fileName: string,
  kind: LayerKind,
  prj?: string,
): LoadLayerResult {
  const parsed = parseGeoJsonText(text, fileName);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const crsMember = (parsed.value as unknown as { crs?: unknown }).crs;
  const detection = detectCrs({
    ...(prj === undefined ? {} : { prj }),
    ...(crsMember === undefined ? {} : { crsMember }),
    positions: positionsOf(parsed.value),
  });
  // A guess from the numbers alone that lands far from Cixi is more likely broken data than a
  // real layer: refuse it rather than place plots on the wrong continent.
  const implausibleGuess =
    detection.ok && detection.confidence === 'assumed' && detection.warning !== undefined;
  if (!detection.ok || implausibleGuess) {
    return {
      ok: false,
      problems: [
        ...parsed.problems,
        {
          code: 'crs',
          severity: 'error',
          featureIndex: -1,
          message: implausibleGuess
            ? {
                zh: `文件 ${fileName}：无法确定坐标系。${detection.message.zh} 请检查坐标是否有误，或提供 .prj 文件 / crs 成员说明坐标系。`,
                en: `File ${fileName}: the coordinate system cannot be determined. ${detection.message.en} Check the coordinates, or provide a .prj file or a crs member.`,
              }
            : {
                zh: `文件 ${fileName}：${detection.message.zh}`,
                en: `File ${fileName}: ${detection.message.en}`,
              },
        },
      ],
    };
  }
  const reprojected = reprojectFeatureCollection(parsed.value, detection.crs) as FeatureCollection;
  const { valid, problems } = validateLayer(reprojected, kind, { fileName });
  const features: Feature[] = [];
  for (const index of valid) {
    features.push(repairFeature(reprojected.features[index] as Feature<unknown, unknown>) as Feature);
  }
  return {
    ok: true,
    layer: { type: 'FeatureCollection', features },
    sourceIndex: valid,
    skipped: reprojected.features.length - valid.length,
    crs: detection,
    problems: [...parsed.problems, ...problems],
  };
}
