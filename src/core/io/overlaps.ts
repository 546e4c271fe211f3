/**
 * Land counted once: finds the rings of a (Multi)Polygon that would make an area sum wrong without
 * crossing anything (a hole outside its shell, holes over holes, a part over another part, a part
 * repeated) and merges them away as PostGIS's ST_MakeValid/ST_Union would. Proper crossings are not
 * looked at here: `findRingIntersections` refuses those first.
 */
import polygonClipping, { type Polygon as ClipPolygon, type Ring as ClipRing } from 'polygon-clipping';
import { clearTurn, convexRingsApart } from '../geometry/clear-turn.ts';
import type { PolygonCoords, Position } from '../types.ts';

/** An overlap smaller than this share of the smaller ring's area is rounding, not land counted twice. */
const OVERLAP_RATIO = 1e-9;

/** What {@link findOverlaps} found; indices are 0-based (polygon, ring). */
export interface Overlaps {
  /** Holes lying wholly outside their shell: they remove no land and are dropped. */
  holesOutside: { polygon: number; ring: number }[];
  /** Holes partly inside and partly outside their shell (crossing it at a vertex): refused. */
  holesAcross: { polygon: number; ring: number }[];
  /** Pairs of holes of one polygon that overlap. */
  overlappingHoles: { polygon: number; rings: [number, number] }[];
  /** Pairs of parts that overlap. */
  overlappingParts: [number, number][];
}

type Box = [number, number, number, number];

function ringBox(ring: readonly Position[]): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x = 0, y = 0] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** +1 strictly inside, -1 strictly outside, 0 on the boundary (crossing number, ring taken as closed). */
function pointInRing(x: number, y: number, ring: readonly Position[]): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Position;
    const [xj = 0, yj = 0] = ring[j] as Position;
    const cross = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
    const onSegment =
      Math.abs(cross) <=
        1e-12 * (Math.abs(xj - xi) + Math.abs(yj - yi)) * (Math.abs(x - xi) + Math.abs(y - yi)) &&
      x >= Math.min(xi, xj) &&
      x <= Math.max(xi, xj) &&
      y >= Math.min(yi, yj) &&
      y <= Math.max(yi, yj);
    if (onSegment) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Planar |area| of a ring in its own units (only compared with other areas of the same feature). */
function planarArea(ring: readonly Position[]): number {
  let twice = 0;
  const [ox = 0, oy = 0] = ring[0] ?? [];
  for (let i = 0; i < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] as Position;
    const [bx = 0, by = 0] = ring[(i + 1) % ring.length] as Position;
    twice += (ax - ox) * (by - oy) - (bx - ox) * (ay - oy);
  }
  return Math.abs(twice) / 2;
}

function multiPolygonArea(multi: readonly ClipPolygon[]): number {
  let area = 0;
  for (const polygon of multi)
    polygon.forEach((ring, index) => {
      area += index === 0 ? planarArea(ring) : -planarArea(ring);
    });
  return area;
}

function asClipRing(ring: readonly Position[]): ClipRing {
  return ring.map(([x = 0, y = 0]) => [x, y] as [number, number]);
}

/** True when the two areas share more than rounding. */
function overlap(a: ClipPolygon, b: ClipPolygon, smallerArea: number): boolean {
  const common = multiPolygonArea(polygonClipping.intersection(a, b));
  return common > OVERLAP_RATIO * smallerArea;
}

/** Where a hole lies against its shell: inside (possibly touching), outside, or across. */
function holePlace(hole: readonly Position[], shell: readonly Position[]): 'inside' | 'outside' | 'across' {
  let inside = false;
  let outside = false;
  for (const [x = 0, y = 0] of hole) {
    const place = pointInRing(x, y, shell);
    if (place > 0) inside = true;
    else if (place < 0) outside = true;
  }
  if (inside && outside) return 'across';
  if (outside) return 'outside';
  if (inside) return 'inside';
  // Every vertex on the shell: the hole is the shell itself, or a piece along it.
  return overlap([asClipRing(hole)], [asClipRing(shell)], planarArea(hole)) ? 'inside' : 'outside';
}

/**
 * Finds holes outside or across their shell, overlapping holes and overlapping parts. Cheap for the
 * usual plot: one part and no hole cost nothing, and polygon overlays run only for rings whose boxes
 * overlap.
 * @param polygons the polygons' rings (numeric positions, no proper crossings), any planar units
 */
export function findOverlaps(polygons: readonly PolygonCoords[]): Overlaps {
  const found: Overlaps = { holesOutside: [], holesAcross: [], overlappingHoles: [], overlappingParts: [] };
  const insideHoles: number[][] = [];
  polygons.forEach((polygon, polygonIndex) => {
    const shell = polygon[0] ?? [];
    const kept: number[] = [];
    for (let ring = 1; ring < polygon.length; ring++) {
      const place = holePlace(polygon[ring] ?? [], shell);
      if (place === 'outside') found.holesOutside.push({ polygon: polygonIndex, ring });
      else if (place === 'across') found.holesAcross.push({ polygon: polygonIndex, ring });
      else kept.push(ring);
    }
    insideHoles.push(kept);
    const boxes = kept.map((ring) => ringBox(polygon[ring] ?? []));
    for (let i = 0; i < kept.length; i++)
      for (let j = i + 1; j < kept.length; j++) {
        if (!boxesOverlap(boxes[i] as Box, boxes[j] as Box)) continue;
        const a = polygon[kept[i] as number] ?? [];
        const b = polygon[kept[j] as number] ?? [];
        if (overlap([asClipRing(a)], [asClipRing(b)], Math.min(planarArea(a), planarArea(b))))
          found.overlappingHoles.push({
            polygon: polygonIndex,
            rings: [kept[i] as number, kept[j] as number],
          });
      }
  });
  if (polygons.length < 2) return found;
  const partBoxes = polygons.map((polygon) => ringBox(polygon[0] ?? []));
  // Parts of one clearly convex ring (no hole kept) are told apart without an overlay when a line
  // through an edge of one has the other wholly on its far side: most parts that meet only share an edge.
  const turns = polygons.map((polygon, index) =>
    (insideHoles[index]?.length ?? 0) === 0 ? clearTurn(polygon[0] ?? []) : 0,
  );
  const parts = polygons.map((polygon, index) =>
    [polygon[0] ?? [], ...(insideHoles[index] ?? []).map((ring) => polygon[ring] ?? [])].map(asClipRing),
  );
  for (let i = 0; i < polygons.length; i++)
    for (let j = i + 1; j < polygons.length; j++) {
      if (!boxesOverlap(partBoxes[i] as Box, partBoxes[j] as Box)) continue;
      const turnI = turns[i] as number;
      const turnJ = turns[j] as number;
      if (
        turnI !== 0 &&
        turnJ !== 0 &&
        convexRingsApart(polygons[i]?.[0] ?? [], turnI, polygons[j]?.[0] ?? [], turnJ)
      )
        continue;
      const a = parts[i] as ClipPolygon;
      const b = parts[j] as ClipPolygon;
      if (overlap(a, b, Math.min(multiPolygonArea([a]), multiPolygonArea([b]))))
        found.overlappingParts.push([i, j]);
    }
  return found;
}

/** True when {@link mergeOverlaps} would change something. */
export function hasRepairableOverlaps(found: Overlaps): boolean {
  return found.holesOutside.length + found.overlappingHoles.length + found.overlappingParts.length > 0;
}

/**
 * The polygons with holes outside their shell dropped and, when holes or parts overlap, each part's
 * holes subtracted once and all parts unioned (polygon-clipping), so that every square metre of land
 * is counted once. Polygons without anything to repair come back as they are.
 * @param polygons closed rings as {@link findOverlaps} took them
 * @param found what {@link findOverlaps} found in them
 */
export function mergeOverlaps(polygons: readonly PolygonCoords[], found: Overlaps): PolygonCoords[] {
  const dropped = new Set(found.holesOutside.map(({ polygon, ring }) => `${polygon}:${ring}`));
  const cleaned = polygons.map((polygon, polygonIndex) =>
    polygon.filter((_, ring) => !dropped.has(`${polygonIndex}:${ring}`)),
  );
  if (found.overlappingHoles.length + found.overlappingParts.length === 0) return cleaned;
  const pieces = cleaned.map(([shell = [], ...holes]) =>
    holes.length === 0
      ? [[asClipRing(shell)]]
      : polygonClipping.difference([asClipRing(shell)], ...holes.map((hole) => [asClipRing(hole)])),
  );
  const [first = [], ...rest] = pieces;
  return polygonClipping.union(first, ...rest) as PolygonCoords[];
}
