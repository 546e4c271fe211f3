/**
 * The last stage of checkFeatureGeometry, on rings whose positions are known to be numeric:
 * closure and size, then (when every ring has at least 4 positions) crossings and zero area, then
 * (when nothing crosses) holes outside their shell and overlapping holes or parts.
 */

import { clearTurn } from '../../geometry/clear-turn.ts';
import type { Message, Position } from '../../types.ts';
import { formatCount, formatPoint, ringLabel } from '../describe-feature.ts';
import { findRingIntersections, type RingIntersection } from '../self-intersections.ts';
import type { GeometryFinding } from './geometry-finding.ts';
import { overlapFindings } from './overlap-findings.ts';

/** Rings whose |2 × area| is at most this times the square of their extent count as zero-area. */
export const ZERO_AREA_RATIO = 1e-10;

/** At most this many intersections are looked for per feature; the message then says "at least". */
const MAX_INTERSECTIONS = 100;

const REPAIR_HINT: Message = {
  zh: '请在 GIS 软件中修复（如 ArcGIS「修复几何」/ QGIS「修复几何图形」）',
  en: 'repair it in GIS software (e.g. ArcGIS "Repair Geometry" / QGIS "Fix Geometries")',
};

interface RingAt {
  polygon: number;
  ring: number;
}

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

function ringAtLabel(at: RingAt, isMulti: boolean): Message {
  return ringLabel(at.ring, isMulti ? at.polygon : undefined);
}

function sameRing(a: RingAt, b: RingAt): boolean {
  return a.polygon === b.polygon && a.ring === b.ring;
}

/**
 * Unclosed rings (closed on import: a warning) and rings of fewer than 4 positions (an error).
 * Appends to `findings`; returns true when a ring is too small for the later checks.
 */
function checkClosureAndSize(
  findings: GeometryFinding[],
  polygons: Position[][][],
  isMulti: boolean,
): boolean {
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
  if (!firstDegenerate) return false;
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
  return true;
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

/** Rings of zero area, leaving out those that cross themselves (already reported). */
function zeroAreaFinding(
  polygons: Position[][][],
  intersections: readonly RingIntersection[],
  isMulti: boolean,
): GeometryFinding | undefined {
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
  if (!firstFlat) return undefined;
  const where = ringAtLabel(firstFlat, isMulti);
  const more = ringsSuffix(flat.length);
  return [
    'zero-area',
    'error',
    {
      zh: `的${where.zh}面积为零（各点重合或在一条直线上）${more.zh}；请在 GIS 软件中删除或重画`,
      en: `: ${where.en} has zero area (its points coincide or lie on one line)${more.en}; delete or redraw it in GIS software.`,
    },
  ];
}

const NO_INTERSECTIONS: readonly RingIntersection[] = [];

/**
 * True when the polygons are one closed ring without holes that is clearly convex ({@link clearTurn}):
 * no edge of its own crosses or touches another, so findRingIntersections finds nothing in it. Most
 * plots are; the sweep is then skipped.
 */
export function isClearlyConvex(polygons: Position[][][]): boolean {
  return polygons.length === 1 && polygons[0]?.length === 1 && clearTurn(polygons[0][0] as Position[]) !== 0;
}

/**
 * Closure, size, crossings and area of rings whose positions are known to be numeric.
 * @param isMulti whether messages number the polygons
 */
export function checkRings(polygons: Position[][][], isMulti: boolean): GeometryFinding[] {
  const findings: GeometryFinding[] = [];
  // Crossings and area mean nothing on a ring of fewer than 4 positions.
  if (checkClosureAndSize(findings, polygons, isMulti)) return findings;
  const intersections = isClearlyConvex(polygons)
    ? NO_INTERSECTIONS
    : findRingIntersections(polygons, { maxResults: MAX_INTERSECTIONS });
  const first = intersections[0];
  if (first)
    findings.push(['self-intersection', 'error', intersectionMessage(first, intersections.length, isMulti)]);
  const flat = zeroAreaFinding(polygons, intersections, isMulti);
  if (flat) findings.push(flat);
  // Rings that count land wrongly without crossing: only meaningful once nothing crosses.
  if (findings.every(([, severity]) => severity !== 'error'))
    findings.push(...overlapFindings(polygons, isMulti));
  return findings;
}
