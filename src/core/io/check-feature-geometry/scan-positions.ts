/**
 * The second stage of checkFeatureGeometry: the coordinate structure. Arrays of arrays of
 * positions, each with at least two finite numbers; the bounding box and the first position out of
 * longitude/latitude range are gathered on the way, since this runs for every vertex of every feature.
 */

import type { Position } from '../../types.ts';
import { formatCount, ringLabel, shortText } from '../describe-feature.ts';
import { type GeometryFinding, NO_FINDINGS } from './geometry-finding.ts';

/** What one pass over every position found. */
export interface PositionScan {
  /** The polygons that are arrays (their rings still unchecked for closure and size). */
  polygons: Position[][][];
  ringCount: number;
  /** Polygons without rings. */
  emptyParts: number;
  /** Polygons, rings or positions that are not what they should be. */
  badCount: number;
  /** Where the first of them is. */
  firstBad?: { zh: string; en: string };
  bbox: [number, number, number, number];
  firstOutOfRange?: [number, number];
  /** False when a position holds a value other than a number after x and y. */
  hasOnlyNumbers: boolean;
}

/** True when the values of a position after x and y (a height, say) are numbers, as GeoJSON wants. */
function extraValuesAreNumbers(position: readonly unknown[]): boolean {
  for (let i = 2; i < position.length; i++) if (typeof position[i] !== 'number') return false;
  return true;
}

function describeBadPosition(
  position: unknown,
  positionIndex: number,
  ringIndex: number,
  polygonIndex: number | undefined,
): { zh: string; en: string } {
  const where = ringLabel(ringIndex, polygonIndex);
  if (Array.isArray(position) && Array.isArray(position[0]))
    return {
      zh: `${where.zh}第 ${positionIndex + 1} 个点嵌套了过多层数组（应为 [经度, 纬度]）`,
      en: `position ${positionIndex + 1} of ${where.en} is nested in more arrays than a polygon allows (it should be [longitude, latitude])`,
    };
  // Text is shown in quotes: ["121.2", "30.2"] must not read like the valid [121.2, 30.2].
  const shown = Array.isArray(position)
    ? `[${shortText(position.map((v) => (typeof v === 'string' ? JSON.stringify(shortText(v, 20)) : shortText(v, 20))).join(', '))}]`
    : shortText(position);
  const text =
    Array.isArray(position) && position.some((v) => typeof v === 'string')
      ? { zh: '，坐标写成了文本而不是数字', en: '; the coordinates are written as text, not numbers' }
      : { zh: '', en: '' };
  return {
    zh: `${where.zh}第 ${positionIndex + 1} 个点的坐标无效（值：${shown}${text.zh}）`,
    en: `position ${positionIndex + 1} of ${where.en} is invalid (value: ${shown}${text.en})`,
  };
}

/**
 * One pass over the positions of `polygonsValue` (as polygonsOfGeometry gives them).
 * @param isMulti whether messages number the polygons
 */
export function scanPositions(polygonsValue: readonly unknown[], isMulti: boolean): PositionScan {
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
          if (badCount === 0)
            firstBad = describeBadPosition(
              position,
              positionIndex,
              ringIndex,
              isMulti ? polygonIndex : undefined,
            );
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
  const scan: PositionScan = {
    polygons,
    ringCount,
    emptyParts,
    badCount,
    bbox: [minX, minY, maxX, maxY],
    hasOnlyNumbers,
  };
  if (firstBad) scan.firstBad = firstBad;
  if (firstOutOfRange) scan.firstOutOfRange = firstOutOfRange;
  return scan;
}

const NOTHING_WRONG = Object.freeze({ findings: NO_FINDINGS, isFatal: false });

/**
 * Problems of the structure: invalid positions and no coordinates at all (both make the feature
 * unusable, and the later stages are skipped), then empty parts of a MultiPolygon.
 */
export function structureFindings(scan: PositionScan): {
  findings: readonly GeometryFinding[];
  isFatal: boolean;
} {
  const { firstBad, badCount } = scan;
  if (firstBad) {
    const more =
      badCount > 1
        ? { zh: `（共 ${formatCount(badCount)} 处）`, en: ` (${formatCount(badCount)} in all)` }
        : { zh: '', en: '' };
    const message = {
      zh: `的${firstBad.zh}${more.zh}；坐标必须是至少含两个数字的 [经度, 纬度]，请重新导出该图层`,
      en: `: ${firstBad.en}${more.en}; each position must be [longitude, latitude] with at least two numbers. Export the layer again.`,
    };
    return { findings: [['invalid-coordinates', 'error', message]], isFatal: true };
  }
  if (scan.ringCount === 0) {
    const message = {
      zh: '的几何图形没有坐标（coordinates 为空）；请在 GIS 软件中补画或删除该要素',
      en: '’s geometry has no coordinates; draw it in GIS software or delete the feature.',
    };
    return { findings: [['empty-geometry', 'error', message]], isFatal: true };
  }
  if (scan.emptyParts === 0) return NOTHING_WRONG;
  const message = {
    zh: `的多面中有 ${scan.emptyParts} 个空的面，将被忽略`,
    en: `’s MultiPolygon has ${scan.emptyParts} empty polygon(s); they will be ignored.`,
  };
  return { findings: [['empty-part', 'warning', message]], isFatal: false };
}
