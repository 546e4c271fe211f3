/**
 * The coordinate system of a whole layer, decided from its structurally sound features only, and
 * robust to a few stray features: when the whole file cannot be read in one system, the system most
 * features agree on is taken and the others are reported one by one instead of refusing the file.
 */
import { type CrsDetectionResult, describeCrs } from '../crs/crs.ts';
import { detectCrs } from '../crs/detect-crs.ts';
import {
  type CoordinateBox,
  detectCrsFromCoordinates,
  formatCoordinate,
} from '../crs/detect-crs-from-coordinates.ts';
import type { Position, Problem } from '../types.ts';
import { polygonsOfGeometry } from './check-feature-geometry/polygons-of-geometry.ts';
import { featureLabel, formatCount, isRecord, ringLabel } from './describe-feature.ts';

/** A feature whose positions are all finite number pairs in the nesting its type allows. */
export interface SoundFeature {
  /** Index in the file. */
  featureIndex: number;
  polygons: Position[][][];
  isMulti: boolean;
  box: CoordinateBox;
}

/**
 * One pass over every feature, in loops bounded by the geometry type's nesting (no recursion on user
 * data): the features whose geometry is a sound Polygon, MultiPolygon or collection of them, with their
 * boxes. The others are left for `validateLayer`, which names what is wrong with each.
 * @param features the file's features, any values
 */
export function soundFeatures(features: readonly unknown[]): SoundFeature[] {
  const sound: SoundFeature[] = [];
  for (let featureIndex = 0; featureIndex < features.length; featureIndex++) {
    const feature = features[featureIndex];
    if (!isRecord(feature)) continue;
    const geometry = feature.geometry;
    let polygons: unknown[] | undefined;
    let isMulti = true;
    // Plain Polygon and MultiPolygon first, without allocating: this runs for every plot.
    if (isRecord(geometry) && geometry.type === 'Polygon' && Array.isArray(geometry.coordinates)) {
      polygons = [geometry.coordinates];
      isMulti = false;
    } else if (isRecord(geometry) && geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates))
      polygons = geometry.coordinates;
    else {
      const parts = polygonsOfGeometry(geometry, 'plots');
      if (!parts.polygons || parts.findings.some(([, severity]) => severity === 'error')) continue;
      polygons = parts.polygons;
    }
    const box = soundBox(polygons);
    if (box) sound.push({ featureIndex, polygons: polygons as Position[][][], isMulti, box });
  }
  return sound;
}

/** The box of the polygons' positions, or null when any is not two finite numbers (or there are none). */
function soundBox(polygons: readonly unknown[]): CoordinateBox | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p];
    if (!Array.isArray(polygon)) return null;
    for (let r = 0; r < polygon.length; r++) {
      const ring: unknown = polygon[r];
      if (!Array.isArray(ring)) return null;
      for (let k = 0; k < ring.length; k++) {
        const position: unknown = ring[k];
        if (!Array.isArray(position)) return null;
        const x: unknown = position[0];
        const y: unknown = position[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
          return null;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** The box around the boxes of `features`; null when there are none. */
export function unionBox(features: readonly { box: CoordinateBox }[]): CoordinateBox | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { box } of features) {
    if (box[0] < minX) minX = box[0];
    if (box[1] < minY) minY = box[1];
    if (box[2] > maxX) maxX = box[2];
    if (box[3] > maxY) maxY = box[3];
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** What {@link detectLayerCrs} decided. */
export interface LayerCrs {
  detection: CrsDetectionResult;
  /** Features whose coordinates do not fit the system the other features agree on. */
  outliers: SoundFeature[];
  /** The box of the features the system was decided from. */
  box: CoordinateBox | null;
}

/** A detection a layer can be placed by: found, and not a far-fetched guess from the numbers alone. */
export function isUsableDetection(detection: CrsDetectionResult): boolean {
  return detection.ok && !(detection.confidence === 'assumed' && detection.warning !== undefined);
}

/**
 * Detects the layer's CRS from its `.prj` or `crs` member and the boxes of its sound features. When
 * that gives no usable answer, each feature is read alone; if more than half of them agree on one
 * usable system, the detection is repeated on their box and the rest are outliers.
 * @param declared the `.prj` text and the GeoJSON `crs` member, when there are any
 * @param sound the result of {@link soundFeatures}
 */
export function detectLayerCrs(
  declared: { prj?: string; crsMember?: unknown },
  sound: readonly SoundFeature[],
): LayerCrs {
  const box = unionBox(sound);
  const detection = detectCrs({ ...declared, positions: box ?? [] });
  const declaredUnsupported = !detection.ok && detection.reason === 'unsupported-crs';
  if (isUsableDetection(detection) || declaredUnsupported || sound.length < 2)
    return { detection, outliers: [], box };
  const groups = new Map<string, SoundFeature[]>();
  for (const feature of sound) {
    const alone = detectCrsFromCoordinates(feature.box);
    if (!alone.ok || !isUsableDetection(alone) || alone.warning !== undefined) continue;
    const key = JSON.stringify(alone.crs);
    const group = groups.get(key);
    if (group) group.push(feature);
    else groups.set(key, [feature]);
  }
  let majority: SoundFeature[] = [];
  for (const group of groups.values()) if (group.length > majority.length) majority = group;
  if (majority.length * 2 <= sound.length) return { detection, outliers: [], box };
  const majorityBox = unionBox(majority);
  const retried = detectCrs({ ...declared, positions: majorityBox ?? [] });
  if (!isUsableDetection(retried)) return { detection, outliers: [], box };
  const agreeing = new Set(majority);
  return {
    detection: retried,
    outliers: sound.filter((feature) => !agreeing.has(feature)),
    box: majorityBox,
  };
}

/** The vertex of `feature` lying farthest outside `box`, and where it is. */
function farthestVertex(
  feature: SoundFeature,
  [minX, minY, maxX, maxY]: CoordinateBox,
): { position: Position; polygon: number; ring: number; vertex: number } {
  let best = { position: [Number.NaN, Number.NaN], polygon: 0, ring: 0, vertex: 0 };
  let bestDistance = -1;
  feature.polygons.forEach((polygon, polygonIndex) => {
    polygon.forEach((ring, ringIndex) => {
      for (let vertex = 0; vertex < ring.length; vertex++) {
        const position = ring[vertex] as Position;
        const x = position[0] as number;
        const y = position[1] as number;
        const distance = Math.max(minX - x, x - maxX, minY - y, y - maxY);
        if (distance > bestDistance) {
          bestDistance = distance;
          best = { position, polygon: polygonIndex, ring: ringIndex, vertex };
        }
      }
    });
  });
  return best;
}

/**
 * The error for a feature whose coordinates do not fit the system of the rest of the file: it names
 * the vertex farthest from the others and the system they agree on.
 * @param agreeing how many features decided the system
 */
export function crsOutlierProblem(
  feature: SoundFeature,
  featureId: string | number | undefined,
  layer: LayerCrs,
  agreeing: number,
): Problem {
  const { detection, box } = layer;
  const name = detection.ok ? describeCrs(detection.crs) : { zh: '', en: '' };
  const far = farthestVertex(feature, box ?? feature.box);
  const where = ringLabel(far.ring, feature.isMulti ? far.polygon : undefined);
  const value = `${formatCoordinate(far.position[0] ?? Number.NaN)}, ${formatCoordinate(far.position[1] ?? Number.NaN)}`;
  const label = featureLabel(feature.featureIndex, featureId);
  const problem: Problem = {
    code: 'crs-outlier',
    severity: 'error',
    featureIndex: feature.featureIndex,
    message: {
      zh: `${label.zh}的${where.zh}第 ${far.vertex + 1} 个点（${value}）与文件中其余 ${formatCount(agreeing)} 个要素的坐标系（${name.zh}）不符，该要素已跳过；请检查并改正这个点的坐标`,
      en: `${label.en}: position ${far.vertex + 1} of ${where.en} (${value}) does not fit the coordinate system of the other ${formatCount(agreeing)} features (${name.en}); the feature was skipped. Check and correct that position.`,
    },
  };
  if (featureId !== undefined) problem.featureId = featureId;
  return problem;
}
