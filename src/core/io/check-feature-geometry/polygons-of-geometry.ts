/**
 * The first stage of checkFeatureGeometry: which polygons a geometry holds. Polygon and
 * MultiPolygon hold theirs; a GeometryCollection of polygons holds its members' (with a warning);
 * anything else is the wrong type. The coordinates themselves are not looked at yet.
 */

import type { LayerKind, Message } from '../../types.ts';
import { isRecord, layerLabel, shortText } from '../describe-feature.ts';
import { type GeometryFinding, NO_FINDINGS } from './geometry-finding.ts';

const GEOMETRY_NAMES: Record<string, Message> = {
  Point: { zh: '点（Point）', en: 'a Point' },
  MultiPoint: { zh: '多点（MultiPoint）', en: 'a MultiPoint' },
  LineString: { zh: '线（LineString）', en: 'a LineString' },
  MultiLineString: { zh: '多线（MultiLineString）', en: 'a MultiLineString' },
  GeometryCollection: { zh: '几何集合（GeometryCollection）', en: 'a GeometryCollection' },
};

/** What a geometry holds: its polygons' coordinates (unchecked), or none when it cannot be read. */
export interface GeometryParts {
  /** The coordinates of each polygon, unchecked; absent when the geometry cannot be used at all. */
  polygons?: unknown[];
  /** False for a Polygon, whose messages then name rings without a polygon number. */
  isMulti: boolean;
  /**
   * A Polygon or MultiPolygon without a `bbox` member: geojson-validation finds nothing in it that
   * these checks do not report, provided its positions hold only numbers.
   */
  isPlainType: boolean;
  findings: readonly GeometryFinding[];
}

function refused(code: string, zh: string, en: string): GeometryParts {
  return { isMulti: true, isPlainType: false, findings: [[code, 'error', { zh, en }]] };
}

function collectionParts(members: unknown, layer: LayerKind): GeometryParts {
  if (!Array.isArray(members))
    return refused(
      'invalid-geometry',
      '的几何集合（GeometryCollection）没有「geometries」数组；请重新导出该图层',
      '’s GeometryCollection has no "geometries" array; export the layer again.',
    );
  const polygons: unknown[] = [];
  for (const member of members) {
    const memberType = isRecord(member) ? member.type : undefined;
    if (memberType === 'Polygon' && isRecord(member)) polygons.push(member.coordinates);
    else if (memberType === 'MultiPolygon' && isRecord(member) && Array.isArray(member.coordinates))
      polygons.push(...member.coordinates);
    else {
      const name =
        typeof memberType === 'string'
          ? (GEOMETRY_NAMES[memberType] ?? { zh: memberType, en: memberType })
          : { zh: '无效对象', en: 'an invalid object' };
      const layerName = layerLabel(layer);
      return refused(
        'wrong-geometry-type',
        `是几何集合（GeometryCollection），其中含有${name.zh}；${layerName.zh}只接受面（Polygon/MultiPolygon），请在 GIS 软件中拆分或删除非面部分`,
        ` is a GeometryCollection containing ${name.en}; the ${layerName.en} accepts only polygons (Polygon/MultiPolygon). Split it or remove the non-polygon parts in GIS software.`,
      );
    }
  }
  const findings: GeometryFinding[] = [];
  if (members.length > 0)
    findings.push([
      'geometry-collection',
      'warning',
      {
        zh: '是几何集合（GeometryCollection），其中的面将合并为一个多面（MultiPolygon）',
        en: ' is a GeometryCollection; its polygons will be merged into one MultiPolygon.',
      },
    ]);
  return { polygons, isMulti: true, isPlainType: false, findings };
}

function wrongType(type: string, layer: LayerKind): GeometryParts {
  const layerName = layerLabel(layer);
  const name = GEOMETRY_NAMES[type];
  if (name)
    return refused(
      'wrong-geometry-type',
      `是${name.zh}，${layerName.zh}需要面（Polygon/MultiPolygon）；请检查是否选错了文件或图层`,
      ` is ${name.en}; the ${layerName.en} needs polygons (Polygon/MultiPolygon). Check that you chose the right file and layer.`,
    );
  return refused(
    'wrong-geometry-type',
    `的几何类型「${shortText(type)}」无法识别；${layerName.zh}需要面（Polygon/MultiPolygon）`,
    ` has the unknown geometry type "${shortText(type)}"; the ${layerName.en} needs polygons (Polygon/MultiPolygon).`,
  );
}

/**
 * The polygons a feature's geometry holds, or the problem that makes it unusable.
 * @param geometry the feature's `geometry` member, any value
 * @param layer the layer being imported, for messages
 */
export function polygonsOfGeometry(geometry: unknown, layer: LayerKind): GeometryParts {
  if (geometry === null || geometry === undefined)
    return refused(
      'empty-geometry',
      '没有几何图形（geometry 为空）；请在 GIS 软件中补画或删除该要素',
      ' has no geometry (geometry is null); draw it in GIS software or delete the feature.',
    );
  if (!isRecord(geometry) || typeof geometry.type !== 'string')
    return refused(
      'invalid-geometry',
      '的几何对象无效（不是含「type」的对象）；请重新导出该图层',
      '’s geometry is not a GeoJSON geometry object (no "type"); export the layer again.',
    );
  const { type, coordinates } = geometry;
  const isPlainType = !('bbox' in geometry);
  if (type === 'Polygon')
    return { polygons: [coordinates], isMulti: false, isPlainType, findings: NO_FINDINGS };
  if (type === 'MultiPolygon') {
    const polygons = !Array.isArray(coordinates)
      ? [coordinates]
      : coordinates.length === 0
        ? []
        : coordinates;
    return { polygons, isMulti: true, isPlainType, findings: NO_FINDINGS };
  }
  if (type === 'GeometryCollection') return collectionParts(geometry.geometries, layer);
  return wrongType(type, layer);
}
