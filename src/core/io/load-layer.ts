/**
 * From a file's text, or a source read by `readLayerFiles`, to a layer ready for analysis: find the
 * coordinate system, reproject to WGS84 lon/lat, check every feature and repair what can be repaired.
 * Shared by the command-line tool and the page's import; never throws on user data.
 */

import { type CrsDetection, type CrsDetectionResult, describeCrs } from '../crs/crs.ts';
import {
  coordinateBox,
  distanceWarning,
  isDegreeBox,
  joinMessages,
  placeBox,
} from '../crs/detect-crs-from-coordinates.ts';
import { reprojectFeatureCollection } from '../crs/reproject-feature-collection.ts';
import type { Feature, FeatureCollection, LayerKind, Problem } from '../types.ts';
import { applyColumnMapping, type ColumnMapping } from './column-mapping.ts';
import { isRecord } from './describe-feature.ts';
import {
  crsOutlierProblem,
  detectLayerCrs,
  isUsableDetection,
  type LayerCrs,
  type SoundFeature,
  soundFeatures,
} from './detect-layer-crs.ts';
import { parseGeoJsonText } from './parse-geojson.ts';
import type { LayerSource } from './read-layer-files.ts';
import { repairFeature } from './repair-feature.ts';
import { resolveFeatureId } from './resolve-feature-id.ts';
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

/** What the shared loading needs to know about where a collection came from. */
interface CollectionOrigin {
  fileName: string;
  prj?: string;
  crsFromFormat?: 'wgs84';
  /** Problems found while reading the file, reported before the checks' own. */
  problems: Problem[];
}

function crsProblem(fileName: string, detection: CrsDetectionResult, implausibleGuess: boolean): Problem {
  return {
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
  };
}

/** The CRS a format fixes (KML: WGS84, OGC KML 2.2 §16.9), with a warning when the data lies far from Cixi. */
function formatCrsDetection(sound: readonly SoundFeature[]): CrsDetection {
  const crs = { kind: 'wgs84' } as const;
  const box = coordinateBox(sound.flatMap((feature) => [feature.box.slice(0, 2), feature.box.slice(2)]));
  const placement = box && isDegreeBox(box) ? placeBox(crs, box) : null;
  const warning = placement ? distanceWarning(placement) : undefined;
  return {
    ok: true,
    crs,
    source: 'prj',
    confidence: 'certain',
    message: joinMessages(
      {
        zh: `KML 规定坐标为 WGS84 经纬度，按 ${describeCrs(crs).zh}读取。`,
        en: `KML coordinates are WGS 84 by definition; read as ${describeCrs(crs).en}.`,
      },
      warning,
    ),
    ...(warning ? { warning } : {}),
  };
}

/** Detection, reprojection, checks and repairs of an already parsed collection. */
function loadCollection(collection: unknown, kind: LayerKind, origin: CollectionOrigin): LoadLayerResult {
  const { fileName } = origin;
  if (!isRecord(collection) || !Array.isArray(collection.features)) {
    const { problems } = validateLayer(collection as FeatureCollection, kind, { fileName });
    return { ok: false, problems: [...origin.problems, ...problems] };
  }
  const parsed = collection as unknown as FeatureCollection;
  // Only features whose coordinates are sound number pairs take part in the detection; the others
  // are reported by validateLayer, each as a problem of its own feature.
  const sound = soundFeatures(parsed.features);
  let layerCrs: LayerCrs;
  if (origin.crsFromFormat === 'wgs84')
    layerCrs = { detection: formatCrsDetection(sound), outliers: [], box: null };
  else {
    const crsMember = (collection as { crs?: unknown }).crs;
    layerCrs = detectLayerCrs(
      {
        ...(origin.prj === undefined ? {} : { prj: origin.prj }),
        ...(crsMember === undefined ? {} : { crsMember }),
      },
      sound,
    );
  }
  const { detection } = layerCrs;
  // A guess from the numbers alone that lands far from Cixi is more likely broken data than a
  // real layer: refuse it rather than place plots on the wrong continent.
  if (!detection.ok || !isUsableDetection(detection)) {
    const implausibleGuess = detection.ok;
    return { ok: false, problems: [...origin.problems, crsProblem(fileName, detection, implausibleGuess)] };
  }
  const reprojected = reprojectFeatureCollection(parsed, detection.crs) as FeatureCollection;
  const checked = validateLayer(reprojected, kind, { fileName });
  let { valid, problems } = checked;
  if (layerCrs.outliers.length > 0) {
    // A stray feature's own findings (read in a system it is not in) would only mislead.
    const stray = new Set(layerCrs.outliers.map((feature) => feature.featureIndex));
    const agreeing = sound.length - stray.size;
    valid = valid.filter((index) => !stray.has(index));
    problems = [
      ...problems.filter((problem) => !stray.has(problem.featureIndex)),
      ...layerCrs.outliers.map((feature) =>
        crsOutlierProblem(
          feature,
          resolveFeatureId(parsed.features[feature.featureIndex]),
          layerCrs,
          agreeing,
        ),
      ),
    ].sort((a, b) => a.featureIndex - b.featureIndex);
  }
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
    problems: [...origin.problems, ...problems],
  };
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
  return loadCollection(parsed.value, kind, {
    fileName,
    ...(prj === undefined ? {} : { prj }),
    problems: parsed.problems,
  });
}

/** Options of {@link loadLayerFromSource}. */
export interface LoadLayerOptions {
  /** Canonical plot property → column, applied before the checks (see `applyColumnMapping`). */
  columnMapping?: ColumnMapping;
}

/**
 * Loads one layer from a source found by `readLayerFiles` (GeoJSON, shapefile, KML): the same
 * detection, reprojection, checks and repairs as {@link loadLayerFromGeoJson}. The CRS comes from the
 * `.prj`, then a GeoJSON `crs` member, then the coordinates; KML is WGS84 by definition ('certain').
 * The source's reading problems come first in the result.
 * @param source a source of `readLayerFiles`; it is not mutated
 * @param kind which layer the source is
 * @param options `columnMapping`: applied to the features' properties before the checks
 */
export function loadLayerFromSource(
  source: LayerSource,
  kind: LayerKind,
  options: LoadLayerOptions = {},
): LoadLayerResult {
  const collection = options.columnMapping
    ? applyColumnMapping(source.collection, options.columnMapping)
    : source.collection;
  return loadCollection(collection, kind, {
    fileName: source.fileName,
    ...(source.prj === undefined ? {} : { prj: source.prj }),
    ...(source.crsFromFormat === undefined ? {} : { crsFromFormat: source.crsFromFormat }),
    problems: source.problems ?? [],
  });
}
