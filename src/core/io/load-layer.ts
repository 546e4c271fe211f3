/**
 * From a file's text, or a source read by `readLayerFiles`, to a layer ready for analysis: find the
 * coordinate system, reproject to WGS84 lon/lat, check every feature and repair what can be repaired.
 * Shared by the command-line tool and the page's import; never throws on user data.
 */

import { type CrsProposal, checkPlacement } from '../crs/check-placement.ts';
import { type Crs, type CrsDetection, describeCrs } from '../crs/crs.ts';
import { userCrsDetection } from '../crs/detect-crs.ts';
import {
  type CoordinateBox,
  coordinateBox,
  distanceWarning,
  isDegreeBox,
  joinMessages,
  placeBox,
} from '../crs/detect-crs-from-coordinates.ts';
import { reprojectFeatureCollection } from '../crs/reproject-feature-collection.ts';
import type { Feature, FeatureCollection, LayerKind, PlotProperties, Problem } from '../types.ts';
import { applyColumnMapping, type ColumnMapping } from './column-mapping.ts';
import { isRecord } from './describe-feature.ts';
import { crsOutlierProblem, detectLayerCrs, type LayerCrs, soundFeatures } from './detect-layer-crs.ts';
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
  /**
   * With the option `plotProperties`, for each feature of a plot `layer`: its canonical properties
   * as the checks read them, undefined where the file's properties are not an object.
   */
  plotProperties?: (PlotProperties | undefined)[];
}

export type LoadLayerResult =
  | LoadedLayer
  | {
      ok: false;
      problems: Problem[];
      /** Readings of the coordinates that would place the layer on Cixi, when its CRS stopped it. */
      crsProposals?: CrsProposal[];
    };

/** What the shared loading needs to know about where a collection came from. */
interface CollectionOrigin {
  fileName: string;
  prj?: string;
  crsFromFormat?: 'wgs84';
  /** The CRS the user chose, in place of any detection. */
  crs?: Crs;
  /** Keep the plots' canonical properties (see LoadLayerOptions). */
  plotProperties?: boolean;
  /** Problems found while reading the file, reported before the checks' own. */
  problems: Problem[];
}

/** The CRS a format fixes (KML: WGS84, OGC KML 2.2 §16.9), with a warning when the data lies far from Cixi. */
export function formatCrsDetection(box: CoordinateBox | null): CrsDetection {
  const crs = { kind: 'wgs84' } as const;
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
  if (origin.crs || origin.crsFromFormat === 'wgs84') {
    const box = coordinateBox(sound.flatMap((feature) => [feature.box.slice(0, 2), feature.box.slice(2)]));
    const detection = origin.crs ? userCrsDetection(origin.crs) : formatCrsDetection(box);
    layerCrs = { detection, outliers: [], box };
  } else {
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
  // A layer that does not land on Cixi is a wrong CRS (zone prefix, meridian, swapped axes), whoever
  // declared it: stopped, with the readings that would place it.
  const stop = checkPlacement(fileName, detection, layerCrs.box);
  if (stop || !detection.ok) {
    const problems = [...origin.problems, ...(stop ? [stop.problem] : [])];
    return { ok: false, problems, crsProposals: stop?.proposals ?? [] };
  }
  const reprojected = reprojectFeatureCollection(parsed, detection.crs) as FeatureCollection;
  const checked = validateLayer(reprojected, kind, {
    fileName,
    ...(origin.plotProperties ? { plotProperties: true } : {}),
  });
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
  const { plotProperties } = checked;
  return {
    ok: true,
    layer: { type: 'FeatureCollection', features },
    sourceIndex: valid,
    skipped: reprojected.features.length - valid.length,
    crs: detection,
    problems: [...origin.problems, ...problems],
    ...(plotProperties ? { plotProperties: valid.map((index) => plotProperties[index]) } : {}),
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
  /** The coordinate system chosen by hand: overrides `.prj`, `crs` member, KML and the coordinates. */
  crs?: Crs;
  /** Give the plots' canonical properties (`LoadedLayer.plotProperties`), read once by the checks. */
  plotProperties?: boolean;
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
    ...(options.crs === undefined ? {} : { crs: options.crs }),
    ...(options.plotProperties ? { plotProperties: true } : {}),
    problems: source.problems ?? [],
  });
}
