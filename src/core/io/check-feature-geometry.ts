/**
 * Checks one feature's geometry for an area layer: type, coordinate structure, ring closure and
 * size, self-intersections and zero area. Coordinate ranges are judged by `validateLayer`, which
 * needs the whole file to tell projected data from a few bad features.
 */
import type { LayerKind, Message, Position, Problem } from '../types.ts';
import {
  featureLabel,
  formatCount,
  formatPoint,
  isRecord,
  layerLabel,
  ringLabel,
  shortText,
} from './describe-feature.ts';
import { findRingIntersections, type RingIntersection } from './self-intersections.ts';

/** Rings whose |2 × area| is at most this times the square of their extent count as zero-area. */
export const ZERO_AREA_RATIO = 1e-10;

/** At most this many intersections are looked for per feature; the message then says "at least". */
const MAX_INTERSECTIONS = 100;

/** What {@link checkFeatureGeometry} found. */
export interface GeometryCheck {
  problems: Problem[];
  /** False when a problem of severity `error` was found. */
  usable: boolean;
  /** [minX, minY, maxX, maxY] over all positions, when all positions hold finite numbers. */
  bbox?: [number, number, number, number];
  /** The first position outside longitude/latitude range, if any. */
  firstOutOfRange?: [number, number];
  /**
   * True for a usable Polygon or MultiPolygon without a `bbox` member whose positions hold only
   * numbers: geojson-validation then finds nothing in it that these checks do not report.
   */
  isPlain?: boolean;
}

const GEOMETRY_NAMES: Record<string, Message> = {
  Point: { zh: '点（Point）', en: 'a Point' },
  MultiPoint: { zh: '多点（MultiPoint）', en: 'a MultiPoint' },
  LineString: { zh: '线（LineString）', en: 'a LineString' },
  MultiLineString: { zh: '多线（MultiLineString）', en: 'a MultiLineString' },
  GeometryCollection: { zh: '几何集合（GeometryCollection）', en: 'a GeometryCollection' },
};

const REPAIR_HINT: Message = {
  zh: '请在 GIS 软件中修复（如 ArcGIS「修复几何」/ QGIS「修复几何图形」）',
  en: 'repair it in GIS software (e.g. ArcGIS "Repair Geometry" / QGIS "Fix Geometries")',
};

interface RingAt {
  polygon: number;
  ring: number;
}

/*
 * The helpers below are module functions rather than closures inside checkFeatureGeometry: it runs
 * once per feature, and under tsx (the command-line tool) every named closure costs a
 * defineProperty call for its name, a third of the check's time on 100,000 plots.
 */

function addProblem(
  problems: Problem[],
  featureIndex: number,
  featureId: string | number | undefined,
  code: string,
  severity: Problem['severity'],
  zh: string,
  en: string,
): void {
  const label = featureLabel(featureIndex, featureId);
  const problem: Problem = {
    code,
    severity,
    featureIndex,
    message: { zh: label.zh + zh, en: label.en + en },
  };
  if (featureId !== undefined) problem.featureId = featureId;
  problems.push(problem);
}

/** True when the values of a position after x and y (a height, say) are numbers, as GeoJSON wants. */
function extraValuesAreNumbers(position: readonly unknown[]): boolean {
  for (let i = 2; i < position.length; i++) if (typeof position[i] !== 'number') return false;
  return true;
}

function isUsable(problems: readonly Problem[]): boolean {
  return !problems.some((p) => p.severity === 'error');
}

/**
 * Checks the geometry of one feature of an area layer (all three layers need Polygon/MultiPolygon).
 *
 * A GeometryCollection whose members are all Polygon/MultiPolygon is accepted with the warning
 * `geometry-collection` (repairFeature merges it into a MultiPolygon); any other member, or a nested
 * collection, makes it `wrong-geometry-type`.
 *
 * @param geometry the feature's `geometry` member, any value
 * @param layer the layer being imported, for messages
 * @param featureIndex 0-based index of the feature in its file
 * @param featureId the feature's id, for messages
 */
export function checkFeatureGeometry(
  geometry: unknown,
  layer: LayerKind,
  featureIndex: number,
  featureId?: string | number,
): GeometryCheck {
  const problems: Problem[] = [];
  if (geometry === null || geometry === undefined) {
    addProblem(
      problems,
      featureIndex,
      featureId,
      'empty-geometry',
      'error',
      '没有几何图形（geometry 为空）；请在 GIS 软件中补画或删除该要素',
      ' has no geometry (geometry is null); draw it in GIS software or delete the feature.',
    );
    return { problems, usable: isUsable(problems) };
  }
  if (!isRecord(geometry) || typeof geometry.type !== 'string') {
    addProblem(
      problems,
      featureIndex,
      featureId,
      'invalid-geometry',
      'error',
      '的几何对象无效（不是含「type」的对象）；请重新导出该图层',
      '’s geometry is not a GeoJSON geometry object (no "type"); export the layer again.',
    );
    return { problems, usable: isUsable(problems) };
  }

  const layerName = layerLabel(layer);
  const type = geometry.type;
  let polygonsValue: unknown[];
  let isMulti = true;
  if (type === 'Polygon') {
    polygonsValue = [geometry.coordinates];
    isMulti = false;
  } else if (type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates)) polygonsValue = [geometry.coordinates];
    else if (geometry.coordinates.length === 0) polygonsValue = [];
    else polygonsValue = geometry.coordinates;
  } else if (type === 'GeometryCollection') {
    const members = geometry.geometries;
    if (!Array.isArray(members)) {
      addProblem(
        problems,
        featureIndex,
        featureId,
        'invalid-geometry',
        'error',
        '的几何集合（GeometryCollection）没有「geometries」数组；请重新导出该图层',
        '’s GeometryCollection has no "geometries" array; export the layer again.',
      );
      return { problems, usable: isUsable(problems) };
    }
    polygonsValue = [];
    for (const member of members) {
      const memberType = isRecord(member) ? member.type : undefined;
      if (memberType === 'Polygon' && isRecord(member)) polygonsValue.push(member.coordinates);
      else if (memberType === 'MultiPolygon' && isRecord(member) && Array.isArray(member.coordinates))
        polygonsValue.push(...member.coordinates);
      else {
        const name =
          typeof memberType === 'string'
            ? (GEOMETRY_NAMES[memberType] ?? { zh: memberType, en: memberType })
            : { zh: '无效对象', en: 'an invalid object' };
        addProblem(
          problems,
          featureIndex,
          featureId,
          'wrong-geometry-type',
          'error',
          `是几何集合（GeometryCollection），其中含有${name.zh}；${layerName.zh}只接受面（Polygon/MultiPolygon），请在 GIS 软件中拆分或删除非面部分`,
          ` is a GeometryCollection containing ${name.en}; the ${layerName.en} accepts only polygons (Polygon/MultiPolygon). Split it or remove the non-polygon parts in GIS software.`,
        );
        return { problems, usable: isUsable(problems) };
      }
    }
    if (members.length > 0)
      addProblem(
        problems,
        featureIndex,
        featureId,
        'geometry-collection',
        'warning',
        '是几何集合（GeometryCollection），其中的面将合并为一个多面（MultiPolygon）',
        ' is a GeometryCollection; its polygons will be merged into one MultiPolygon.',
      );
  } else {
    const name = GEOMETRY_NAMES[type];
    if (name)
      addProblem(
        problems,
        featureIndex,
        featureId,
        'wrong-geometry-type',
        'error',
        `是${name.zh}，${layerName.zh}需要面（Polygon/MultiPolygon）；请检查是否选错了文件或图层`,
        ` is ${name.en}; the ${layerName.en} needs polygons (Polygon/MultiPolygon). Check that you chose the right file and layer.`,
      );
    else
      addProblem(
        problems,
        featureIndex,
        featureId,
        'wrong-geometry-type',
        'error',
        `的几何类型「${shortText(type)}」无法识别；${layerName.zh}需要面（Polygon/MultiPolygon）`,
        ` has the unknown geometry type "${shortText(type)}"; the ${layerName.en} needs polygons (Polygon/MultiPolygon).`,
      );
    return { problems, usable: isUsable(problems) };
  }

  // Structure: arrays of arrays of positions with at least two finite numbers.
  let ringCount = 0;
  let emptyParts = 0;
  let badCount = 0;
  let firstBad: { zh: string; en: string } | undefined;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let firstOutOfRange: [number, number] | undefined;
  let hasOnlyNumbers = true;
  const polygons: Position[][][] = [];
  // Plain loops and labels built only on failure: this runs for every vertex of every feature.
  for (let polygonIndex = 0; polygonIndex < polygonsValue.length; polygonIndex++) {
    const polygon = polygonsValue[polygonIndex];
    if (!Array.isArray(polygon)) {
      badCount++;
      firstBad ??= {
        zh: isMulti ? `第 ${polygonIndex + 1} 个面不是数组` : '坐标不是数组',
        en: isMulti ? `polygon ${polygonIndex + 1} is not an array` : 'the coordinates are not an array',
      };
      continue;
    }
    if (polygon.length === 0) emptyParts++;
    for (let ringIndex = 0; ringIndex < polygon.length; ringIndex++) {
      ringCount++;
      const ring: unknown = polygon[ringIndex];
      if (!Array.isArray(ring)) {
        const where = ringLabel(ringIndex, isMulti ? polygonIndex : undefined);
        badCount++;
        firstBad ??= { zh: `${where.zh}不是坐标数组`, en: `${where.en} is not an array of positions` };
        continue;
      }
      for (let positionIndex = 0; positionIndex < ring.length; positionIndex++) {
        const position: unknown = ring[positionIndex];
        const x = Array.isArray(position) ? position[0] : undefined;
        const y = Array.isArray(position) ? position[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          if (badCount === 0) {
            const where = ringLabel(ringIndex, isMulti ? polygonIndex : undefined);
            const shown = Array.isArray(position)
              ? `[${shortText(position.map((v) => shortText(v, 20)).join(', '))}]`
              : shortText(position);
            firstBad = {
              zh: `${where.zh}第 ${positionIndex + 1} 个点的坐标无效（值：${shown}）`,
              en: `position ${positionIndex + 1} of ${where.en} is invalid (value: ${shown})`,
            };
          }
          badCount++;
          continue;
        }
        if ((position as unknown[]).length > 2 && !extraValuesAreNumbers(position as unknown[]))
          hasOnlyNumbers = false;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        if (!firstOutOfRange && (x < -180 || x > 180 || y < -90 || y > 90)) firstOutOfRange = [x, y];
      }
    }
    polygons.push(polygon as Position[][]);
  }

  if (firstBad) {
    const more =
      badCount > 1
        ? { zh: `（共 ${formatCount(badCount)} 处）`, en: ` (${formatCount(badCount)} in all)` }
        : { zh: '', en: '' };
    addProblem(
      problems,
      featureIndex,
      featureId,
      'invalid-coordinates',
      'error',
      `的${firstBad.zh}${more.zh}；坐标必须是至少含两个数字的 [经度, 纬度]，请重新导出该图层`,
      `: ${firstBad.en}${more.en}; each position must be [longitude, latitude] with at least two numbers. Export the layer again.`,
    );
    return { problems, usable: isUsable(problems) };
  }
  if (ringCount === 0) {
    addProblem(
      problems,
      featureIndex,
      featureId,
      'empty-geometry',
      'error',
      '的几何图形没有坐标（coordinates 为空）；请在 GIS 软件中补画或删除该要素',
      '’s geometry has no coordinates; draw it in GIS software or delete the feature.',
    );
    return { problems, usable: isUsable(problems) };
  }
  if (emptyParts > 0)
    addProblem(
      problems,
      featureIndex,
      featureId,
      'empty-part',
      'warning',
      `的多面中有 ${emptyParts} 个空的面，将被忽略`,
      `’s MultiPolygon has ${emptyParts} empty polygon(s); they will be ignored.`,
    );

  const check = checkRings(polygons, isMulti);
  for (const [code, severity, message] of check)
    addProblem(problems, featureIndex, featureId, code, severity, message.zh, message.en);
  const bbox: [number, number, number, number] = [minX, minY, maxX, maxY];
  const usable = isUsable(problems);
  const isPlain = usable && hasOnlyNumbers && type !== 'GeometryCollection' && !('bbox' in geometry);
  return { problems, usable, bbox, isPlain, ...(firstOutOfRange ? { firstOutOfRange } : {}) };
}

type RingFinding = [code: string, severity: Problem['severity'], message: Message];

function countSuffix(count: number, atLeast = false): Message {
  if (count <= 1) return { zh: '', en: '' };
  const shown = formatCount(count);
  return atLeast
    ? { zh: `（至少 ${shown} 处）`, en: ` (at least ${shown} places)` }
    : { zh: `（共 ${shown} 处）`, en: ` (${shown} in all)` };
}

function ringsSuffix(count: number): Message {
  return count <= 1
    ? { zh: '', en: '' }
    : { zh: `（共 ${formatCount(count)} 个环）`, en: ` (${formatCount(count)} rings in all)` };
}

/** Closure, size, crossings and area of rings whose positions are known to be numeric. */
function checkRings(polygons: Position[][][], isMulti: boolean): RingFinding[] {
  const findings: RingFinding[] = [];
  const unclosed: RingAt[] = [];
  const degenerate: { at: RingAt; positions: number }[] = [];
  for (let polygonIndex = 0; polygonIndex < polygons.length; polygonIndex++) {
    const polygon = polygons[polygonIndex] as Position[][];
    for (let ringIndex = 0; ringIndex < polygon.length; ringIndex++) {
      const ring = polygon[ringIndex] as Position[];
      const first = ring[0];
      const last = ring[ring.length - 1];
      const closed =
        first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
      if (!closed && ring.length > 0) unclosed.push({ polygon: polygonIndex, ring: ringIndex });
      const closedLength = closed || ring.length === 0 ? ring.length : ring.length + 1;
      if (closedLength < 4)
        degenerate.push({ at: { polygon: polygonIndex, ring: ringIndex }, positions: ring.length });
    }
  }
  const firstUnclosed = unclosed[0];
  if (firstUnclosed) {
    const where = ringAtLabel(firstUnclosed, isMulti);
    const more = ringsSuffix(unclosed.length);
    findings.push([
      'unclosed-ring',
      'warning',
      {
        zh: `的${where.zh}首尾点不一致（未闭合）${more.zh}；导入时将自动闭合`,
        en: `: ${where.en} is not closed (first and last positions differ)${more.en}; it will be closed automatically.`,
      },
    ]);
  }
  const firstDegenerate = degenerate[0];
  if (firstDegenerate) {
    const where = ringAtLabel(firstDegenerate.at, isMulti);
    const more = ringsSuffix(degenerate.length);
    findings.push([
      'degenerate-ring',
      'error',
      {
        zh: `的${where.zh}只有 ${firstDegenerate.positions} 个点${more.zh}，一个环至少需要 4 个点（首尾相同）；请在 GIS 软件中删除或重画`,
        en: `: ${where.en} has only ${firstDegenerate.positions} positions${more.en}; a ring needs at least 4 (first = last). Delete or redraw it in GIS software.`,
      },
    ]);
    return findings;
  }

  const intersections = findRingIntersections(polygons, { maxResults: MAX_INTERSECTIONS });
  const first = intersections[0];
  if (first)
    findings.push(['self-intersection', 'error', intersectionMessage(first, intersections.length, isMulti)]);

  const crossedRings =
    intersections.length === 0
      ? undefined
      : new Set(intersections.filter((i) => sameRing(i.a, i.b)).map((i) => `${i.a.polygon}:${i.a.ring}`));
  const flat: RingAt[] = [];
  polygons.forEach((polygon, polygonIndex) => {
    polygon.forEach((ring, ringIndex) => {
      if (!crossedRings?.has(`${polygonIndex}:${ringIndex}`) && isZeroArea(ring))
        flat.push({ polygon: polygonIndex, ring: ringIndex });
    });
  });
  const firstFlat = flat[0];
  if (firstFlat) {
    const where = ringAtLabel(firstFlat, isMulti);
    const more = ringsSuffix(flat.length);
    findings.push([
      'zero-area',
      'error',
      {
        zh: `的${where.zh}面积为零（各点重合或在一条直线上）${more.zh}；请在 GIS 软件中删除或重画`,
        en: `: ${where.en} has zero area (its points coincide or lie on one line)${more.en}; delete or redraw it in GIS software.`,
      },
    ]);
  }
  return findings;
}

function ringAtLabel(at: RingAt, isMulti: boolean): Message {
  return ringLabel(at.ring, isMulti ? at.polygon : undefined);
}

function sameRing(a: RingAt, b: RingAt): boolean {
  return a.polygon === b.polygon && a.ring === b.ring;
}

function intersectionMessage(first: RingIntersection, count: number, isMulti: boolean): Message {
  const where = formatPoint(first.point[0], first.point[1]);
  const more = countSuffix(count, count >= MAX_INTERSECTIONS);
  if (sameRing(first.a, first.b)) {
    const ring = ringAtLabel(first.a, isMulti);
    return {
      zh: `的${ring.zh}在 ${where} 附近自相交${more.zh}；${REPAIR_HINT.zh}`,
      en: `: ${ring.en} intersects itself near ${where}${more.en}; ${REPAIR_HINT.en}.`,
    };
  }
  const a = ringAtLabel(first.a, isMulti);
  const b = ringAtLabel(first.b, isMulti);
  return {
    zh: `的${a.zh}与${b.zh}在 ${where} 附近相交${more.zh}；${REPAIR_HINT.zh}`,
    en: `: ${a.en} crosses ${b.en} near ${where}${more.en}; ${REPAIR_HINT.en}.`,
  };
}

/** Shoelace area relative to the first vertex (for precision), compared with the ring's extent. */
function isZeroArea(ring: Position[]): boolean {
  const origin = ring[0];
  if (!origin) return true;
  const ox = origin[0] as number;
  const oy = origin[1] as number;
  let twiceArea = 0;
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k] as Position;
    const b = ring[(k + 1) % ring.length] as Position;
    const ax = (a[0] as number) - ox;
    const ay = (a[1] as number) - oy;
    twiceArea += ax * ((b[1] as number) - oy) - ((b[0] as number) - ox) * ay;
    if (ax < minX) minX = ax;
    if (ax > maxX) maxX = ax;
    if (ay < minY) minY = ay;
    if (ay > maxY) maxY = ay;
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  return !(Math.abs(twiceArea) > ZERO_AREA_RATIO * extent * extent);
}
