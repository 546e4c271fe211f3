/**
 * A context layer (参考图层: roads, rivers, land-use survey, regulatory plans, points) from a source
 * read by `readLayerFiles`: the same CRS detection, placement check and reprojection as the plan's
 * layers, any point, line or polygon geometry kept as drawn, nothing checked for analysis (a context
 * layer is never analysed). Never throws on user data.
 */

import { type CrsProposal, checkPlacement } from '../crs/check-placement.ts';
import type { Crs, CrsDetection, CrsDetectionResult } from '../crs/crs.ts';
import { userCrsDetection } from '../crs/detect-crs.ts';
import { type CoordinateBox, coordinateBox } from '../crs/detect-crs-from-coordinates.ts';
import { POSITION_DEPTH, reprojectFeatureCollection } from '../crs/reproject-feature-collection.ts';
import type { Feature, FeatureCollection, Position, Problem } from '../types.ts';
import { formatCount, isRecord } from './describe-feature.ts';
import { crsOutlierProblem, detectLayerCrs, type SoundFeature } from './detect-layer-crs.ts';
import { formatCrsDetection } from './load-layer.ts';
import { resolveFeatureId } from './resolve-feature-id.ts';

/** The geometries a context layer keeps: GeoJSON's own, without collections. */
export type ContextGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type ContextFeatureCollection = FeatureCollection<ContextGeometry, Record<string, unknown>>;

/** Array levels above the positions, per geometry type a context layer keeps (GeoJSON's own). */
export const CONTEXT_POSITION_DEPTH = POSITION_DEPTH as Readonly<Record<ContextGeometry['type'], number>>;

export type LoadContextLayerResult =
  | {
      ok: true;
      /** The features with a drawable geometry, in WGS84 lon/lat rounded to 1e-7° (about 1 cm). */
      layer: ContextFeatureCollection;
      crs: CrsDetection;
      /** Features left out (no geometry, a collection, a position that is not two numbers). */
      skipped: number;
      problems: Problem[];
    }
  | { ok: false; problems: Problem[]; crsProposals?: CrsProposal[] };

/** The source fields this loader reads (a `LayerSource` of read-layer-files.ts). */
export interface ContextSource {
  fileName: string;
  collection: unknown;
  prj?: string;
  crsFromFormat?: 'wgs84';
  problems?: Problem[];
}

/**
 * The positions of `geometry`, flat, when it is a kept type and every position is two finite
 * numbers; null otherwise. Walks by the type's depth (at most 3 levels), never by the data.
 */
export function contextPositions(geometry: unknown): Position[] | null {
  if (!isRecord(geometry) || typeof geometry.type !== 'string') return null;
  const depth = CONTEXT_POSITION_DEPTH[geometry.type as ContextGeometry['type']];
  if (depth === undefined) return null;
  const positions: Position[] = [];
  const walk = (value: unknown, level: number): boolean => {
    if (!Array.isArray(value)) return false;
    if (level === 0) {
      const [x, y] = value;
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
        return false;
      positions.push(value as Position);
      return true;
    }
    for (const item of value) if (!walk(item, level - 1)) return false;
    return true;
  };
  return walk(geometry.coordinates, depth) && positions.length > 0 ? positions : null;
}

function boxOf(positions: readonly Position[]): SoundFeature['box'] {
  let box: SoundFeature['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of positions)
    box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  return box;
}

/** Rounds a position to 1e-7° (about 1 cm), dropping heights: the plan file stays small. */
function roundPosition(position: Position): Position {
  return [Math.round((position[0] ?? 0) * 1e7) / 1e7, Math.round((position[1] ?? 0) * 1e7) / 1e7];
}

function roundCoordinates(value: unknown, depth: number): unknown {
  if (depth === 0) return roundPosition(value as Position);
  return (value as unknown[]).map((item) => roundCoordinates(item, depth - 1));
}

function skippedProblem(fileName: string, skipped: number[], total: number): Problem {
  const shown = skipped
    .slice(0, 5)
    .map((index) => index + 1)
    .join(', ');
  const more = skipped.length > 5 ? ' …' : '';
  return {
    code: 'context-features-skipped',
    severity: 'warning',
    featureIndex: -1,
    message: {
      zh: `${fileName}：${formatCount(total)} 个要素中有 ${formatCount(skipped.length)} 个没有可绘制的点、线或面（第 ${shown}${more} 个），已跳过；其余照常显示。`,
      en: `${fileName}: ${formatCount(skipped.length)} of ${formatCount(total)} features have no point, line or polygon that can be drawn (features ${shown}${more}); they were skipped and the rest is shown.`,
    },
  };
}

/**
 * Loads a source as a context layer: CRS from the `.prj`, the GeoJSON `crs` member or the
 * coordinates (KML: WGS84), or as chosen by hand; stopped, with the readings that would place it,
 * when it does not land on Cixi.
 * @param source a source of `readLayerFiles`; it is not mutated
 * @param options `crs`: the coordinate system chosen by hand
 * @example
 * loadContextLayer({ fileName: 'roads.geojson', collection: roads }).ok // true
 */
export function loadContextLayer(source: ContextSource, options: { crs?: Crs } = {}): LoadContextLayerResult {
  const { fileName, collection } = source;
  const readProblems = source.problems ?? [];
  if (!isRecord(collection) || !Array.isArray(collection.features)) {
    const problem: Problem = {
      code: 'not-a-feature-collection',
      severity: 'error',
      featureIndex: -1,
      message: {
        zh: `${fileName} 不是要素集合（FeatureCollection），无法作为参考图层载入；请导出为 GeoJSON、Shapefile 或 KML 后再试`,
        en: `${fileName} is not a FeatureCollection and cannot be loaded as a context layer; export it as GeoJSON, a shapefile or KML and try again`,
      },
    };
    return { ok: false, problems: [...readProblems, problem] };
  }
  const features = collection.features as unknown[];
  const sound: SoundFeature[] = [];
  const skipped: number[] = [];
  for (let featureIndex = 0; featureIndex < features.length; featureIndex++) {
    const feature = features[featureIndex];
    const positions = isRecord(feature) ? contextPositions(feature.geometry) : null;
    if (!positions) skipped.push(featureIndex);
    // The detection reads boxes and, for a stray feature's message, its positions as one ring.
    else sound.push({ featureIndex, polygons: [[positions]], isMulti: false, box: boxOf(positions) });
  }
  let detection: CrsDetectionResult;
  let box: CoordinateBox | null;
  let strays: SoundFeature[] = [];
  const strayProblems: Problem[] = [];
  if (options.crs || source.crsFromFormat === 'wgs84') {
    box = coordinateBox(sound.flatMap((feature) => [feature.box.slice(0, 2), feature.box.slice(2)]));
    detection = options.crs ? userCrsDetection(options.crs) : formatCrsDetection(box);
  } else {
    const crsMember = collection.crs;
    const layerCrs = detectLayerCrs(
      {
        ...(source.prj === undefined ? {} : { prj: source.prj }),
        ...(crsMember === undefined ? {} : { crsMember }),
      },
      sound,
    );
    ({ detection, box } = layerCrs);
    strays = layerCrs.outliers;
    // A stray feature (one the others' system does not fit) is left out and named, as in the plan's layers.
    const agreeing = sound.length - strays.length;
    for (const feature of strays)
      strayProblems.push(
        crsOutlierProblem(feature, resolveFeatureId(features[feature.featureIndex]), layerCrs, agreeing),
      );
  }
  const stop = checkPlacement(fileName, detection, box);
  if (stop || !detection.ok) {
    const problems = [...readProblems];
    if (stop) problems.push(stop.problem);
    else if (!detection.ok)
      problems.push({ code: 'crs-unknown', severity: 'error', featureIndex: -1, message: detection.message });
    return { ok: false, problems, crsProposals: stop?.proposals ?? [] };
  }
  const strayIndices = new Set(strays.map((feature) => feature.featureIndex));
  const kept: Feature<unknown, unknown>[] = sound
    .filter(({ featureIndex }) => !strayIndices.has(featureIndex))
    .map(({ featureIndex }) => {
      const feature = features[featureIndex] as Record<string, unknown>;
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: isRecord(feature.properties) ? feature.properties : {},
      };
    });
  const reprojected = reprojectFeatureCollection(
    { type: 'FeatureCollection', features: kept } as FeatureCollection,
    detection.crs,
  ) as FeatureCollection<ContextGeometry, Record<string, unknown>>;
  const layer: ContextFeatureCollection = {
    type: 'FeatureCollection',
    features: reprojected.features.map((feature) => {
      const geometry = feature.geometry as ContextGeometry;
      const depth = CONTEXT_POSITION_DEPTH[geometry.type];
      return {
        type: 'Feature',
        geometry: { type: geometry.type, coordinates: roundCoordinates(geometry.coordinates, depth) },
        properties: feature.properties ?? {},
      } as Feature<ContextGeometry, Record<string, unknown>>;
    }),
  };
  const problems = [...readProblems, ...strayProblems];
  if (skipped.length > 0) problems.push(skippedProblem(fileName, skipped, features.length));
  return { ok: true, layer, crs: detection, skipped: skipped.length + strays.length, problems };
}
