/**
 * Reads the `layers` of a plan file: three GeoJSON FeatureCollections of Polygon/MultiPolygon
 * features in WGS84 longitude/latitude (a feature's geometry may be null).
 */

import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import { landCountedOnce } from '../io/repair-feature.ts';
import type { AreaGeometry, Feature, FeatureCollection, Message } from '../types.ts';
import { childPath } from './plan-problems.ts';
import { EXPECT, isRecord, type PlanReader } from './plan-reader.ts';

/** Problems of one layer reported one by one before they are summed up. */
const MAX_FEATURE_PROBLEMS = 5;

/** Checks a ring list: arrays of ≥ 4 positions of finite WGS84 longitude/latitude. */
function isPolygonCoordinates(polygon: unknown): boolean {
  if (!Array.isArray(polygon) || polygon.length === 0) return false;
  for (const ring of polygon) {
    if (!Array.isArray(ring) || ring.length < 4) return false;
    for (const position of ring) {
      if (!Array.isArray(position) || position.length < 2) return false;
      const lon = position[0];
      const lat = position[1];
      if (typeof lon !== 'number' || typeof lat !== 'number') return false;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return false;
    }
  }
  return true;
}

/** True for a Polygon or MultiPolygon with WGS84 coordinates. */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (!isRecord(value)) return false;
  if (value.type === 'Polygon') return isPolygonCoordinates(value.coordinates);
  if (value.type === 'MultiPolygon')
    return Array.isArray(value.coordinates) && value.coordinates.every(isPolygonCoordinates);
  return false;
}

/** A stored layer: a FeatureCollection of Polygon/MultiPolygon features (geometry may be null). */
function readLayer(reader: PlanReader, value: unknown, path: string): FeatureCollection | undefined {
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features))
    return reader.wrong(path, EXPECT.featureCollection, value);
  let bad = 0;
  value.features.forEach((feature: unknown, index: number) => {
    const featurePath = childPath(childPath(path, 'features'), index);
    let expected: Message | undefined;
    let found: unknown = feature;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      expected = { zh: 'GeoJSON 要素（"type": "Feature"）', en: 'a GeoJSON Feature' };
    } else if (feature.geometry !== null && !isAreaGeometry(feature.geometry)) {
      expected = EXPECT.areaGeometry;
      found = feature.geometry;
    } else if (feature.properties !== null && !isRecord(feature.properties)) {
      expected = { zh: '属性对象或 null', en: 'a properties object or null' };
      found = feature.properties;
    }
    if (!expected) return;
    bad++;
    if (bad <= MAX_FEATURE_PROBLEMS) reader.wrong(featurePath, expected, found);
  });
  if (bad > MAX_FEATURE_PROBLEMS)
    reader.problems.push({
      code: 'wrong-part',
      path,
      message: {
        zh: `方案文件 ${reader.fileName} 的 ${path} 另有 ${bad - MAX_FEATURE_PROBLEMS} 个要素有误。`,
        en: `Plan file ${reader.fileName}: ${bad - MAX_FEATURE_PROBLEMS} more features of ${path} are wrong.`,
      },
    });
  return bad > 0 ? undefined : landOnceInLayer(reader, value as unknown as FeatureCollection, path);
}

/**
 * The layer with every feature's land counted once (`landCountedOnce`: a hole outside its shell
 * dropped, overlapping parts or holes unioned), as an imported layer's would be, with a warning per
 * repaired feature; the same collection when nothing needed it.
 */
function landOnceInLayer(reader: PlanReader, layer: FeatureCollection, path: string): FeatureCollection {
  let features: Feature[] | undefined;
  layer.features.forEach((feature, index) => {
    if (!feature.geometry) return;
    const geometry = landCountedOnce(feature.geometry);
    if (geometry === feature.geometry) return;
    features ??= [...layer.features];
    features[index] = { ...feature, geometry };
    const id = feature.properties?.id ?? feature.id;
    const label = id === undefined ? '' : `（${String(id)}）`;
    reader.warn('repaired-part', childPath(childPath(path, 'features'), index), {
      zh: `方案文件 ${reader.fileName} 中 ${path} 的第 ${index + 1} 个要素${label}有落在外环之外的内环或相互重叠的部分，已合并，使每块土地只计一次（同 PostGIS ST_MakeValid/ST_Union）。`,
      en: `Plan file ${reader.fileName}, ${path} feature ${index + 1}${id === undefined ? '' : ` (${String(id)})`}: a hole outside its shell or overlapping parts were merged so that its land is counted once (as PostGIS ST_MakeValid/ST_Union would).`,
    });
  });
  return features ? { ...layer, features } : layer;
}

/** The three layers; undefined when any is missing or wrong (the reader then holds the problems). */
export function readLayers(reader: PlanReader, value: unknown, path: string): PlanLayerSet | undefined {
  const record = reader.object(value, path);
  if (!record) return undefined;
  reader.extraKeys(record, ['boundary', 'control', 'plots'], path);
  const layers: Partial<PlanLayerSet> = {};
  for (const key of ['boundary', 'control', 'plots'] as const) {
    const layer = reader.required(record, key, path);
    if (layer !== undefined) layers[key] = readLayer(reader, layer, childPath(path, key));
  }
  return layers.boundary && layers.control && layers.plots ? (layers as PlanLayerSet) : undefined;
}
