/**
 * The plan file's optional `contextLayers` (参考图层): roads, rivers, survey polygons, regulatory plans
 * or points the planner placed under the plan to check it against. They are drawn, never analysed.
 * Absent means none. A damaged entry is left out with a warning naming it; the plan still opens.
 */

import {
  type ContextFeatureCollection,
  type ContextGeometry,
  contextPositions,
} from '../io/load-context-layer.ts';
import type { Feature } from '../types.ts';
import { childPath } from './plan-problems.ts';
import { isRecord, type PlanReader } from './plan-reader.ts';

/** One context layer as the plan file holds it. */
export interface ContextLayer {
  /** Shown in the layer list, e.g. 道路. */
  name: string;
  /** The file it was read from, e.g. `roads.zip › roads.shp`. */
  fileName: string;
  /** The colour it is drawn in, `#rrggbb`. */
  color: string;
  visible: boolean;
  /** WGS84 longitude/latitude (RFC 7946): points, lines and polygons. */
  data: ContextFeatureCollection;
}

/** The members of one entry, in the order they are written. */
export const CONTEXT_LAYER_KEYS = ['name', 'fileName', 'color', 'visible', 'data'] as const;

const COLOR = /^#[0-9a-f]{6}$/i;

function dropped(reader: PlanReader, path: string, zh: string, en: string): undefined {
  reader.warn('dropped-part', path, {
    zh: `方案文件 ${reader.fileName} 的参考图层 ${path} ${zh}，已略去该图层；规划本身照常打开。`,
    en: `Plan file ${reader.fileName}: context layer ${path} ${en}; that layer was left out and the plan opened as usual.`,
  });
  return undefined;
}

/** One feature of a context layer, or the reason it cannot be drawn. */
function readFeature(value: unknown): Feature<ContextGeometry, Record<string, unknown>> | string {
  if (!isRecord(value) || value.type !== 'Feature') return 'not a Feature';
  if (!contextPositions(value.geometry)) return 'no point, line or polygon of number pairs';
  const geometry = value.geometry as ContextGeometry;
  return {
    type: 'Feature',
    geometry: { type: geometry.type, coordinates: geometry.coordinates } as ContextGeometry,
    properties: isRecord(value.properties) ? value.properties : {},
  };
}

function readEntry(reader: PlanReader, value: unknown, path: string): ContextLayer | undefined {
  if (!isRecord(value)) return dropped(reader, path, '不是对象 {…}', 'is not an object {…}');
  reader.extraKeys(value, CONTEXT_LAYER_KEYS, path);
  const { name, fileName, color, visible, data } = value;
  if (typeof name !== 'string' || name.trim() === '')
    return dropped(reader, path, '缺少名称（name）', 'has no name');
  if (typeof fileName !== 'string')
    return dropped(reader, path, '缺少来源文件（fileName）', 'has no fileName');
  if (typeof color !== 'string' || !COLOR.test(color))
    return dropped(
      reader,
      path,
      `的颜色应为 #rrggbb，实际为 ${String(color)}`,
      `colour must be #rrggbb, found ${String(color)}`,
    );
  if (typeof visible !== 'boolean')
    return dropped(reader, path, '的 visible 应为 true 或 false', 'visible must be true or false');
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features))
    return dropped(reader, path, '的 data 不是 GeoJSON 要素集合', 'data is not a GeoJSON FeatureCollection');
  const features: Feature<ContextGeometry, Record<string, unknown>>[] = [];
  for (let index = 0; index < data.features.length; index++) {
    const feature = readFeature(data.features[index]);
    if (typeof feature === 'string') {
      const at = childPath(childPath(path, 'data.features'), index);
      return dropped(
        reader,
        path,
        `的第 ${index + 1} 个要素（${at}）无法绘制（应为点、线或面，坐标为经纬度数值）`,
        `has a feature that cannot be drawn at ${at} (${feature})`,
      );
    }
    features.push(feature);
  }
  return { name, fileName, color, visible, data: { type: 'FeatureCollection', features } };
}

/**
 * Reads the plan file's `contextLayers` member (present: an array). Entries that cannot be read are
 * left out with a warning; never a problem that stops the plan from opening.
 * @example
 * readContextLayers(reader, [{ name: '道路', fileName: 'roads.geojson', color: '#6b6b6b', visible: true, data }])
 * // → [{ name: '道路', … }]
 */
export function readContextLayers(reader: PlanReader, value: unknown): ContextLayer[] {
  if (!Array.isArray(value)) {
    reader.warn('dropped-part', 'contextLayers', {
      zh: `方案文件 ${reader.fileName} 的 contextLayers 应为数组 […]，已忽略（规划本身照常打开）。`,
      en: `Plan file ${reader.fileName}: contextLayers must be an array […]; it was ignored (the plan opened as usual).`,
    });
    return [];
  }
  const layers: ContextLayer[] = [];
  value.forEach((item, index) => {
    const layer = readEntry(reader, item, childPath('contextLayers', index));
    if (layer) layers.push(layer);
  });
  return layers;
}
