/**
 * Reads the geometry file (.shp) of a polygon shapefile into GeoJSON geometries, one per record, in
 * the file's own coordinates (reprojection comes later). Rings are sorted into outer rings and holes
 * and wound as RFC 7946 wants. Never throws: damage is reported as problems naming the record.
 */
import type { AreaGeometry, Message, PolygonCoords, Position, Problem, Ring } from '../types.ts';

/** Result of {@link readShp}. `geometries[i]` belongs to record i (null for a Null shape or a bad record). */
export type ReadShpResult<G = AreaGeometry> =
  | { ok: true; shapeType: number; geometries: (G | null)[]; problems: Problem[] }
  | { ok: false; problems: Problem[] };

const POLYGON_TYPES = new Set([5, 15, 25]);
const LINE_TYPES = new Set([3, 13, 23]);
const POINT_TYPES = new Set([1, 11, 21]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);

/** What a record becomes: a polygon, or (read with `anyGeometry`, for context layers) a point or a line. */
export type ShapeGeometry =
  | AreaGeometry
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

/** Options of {@link readShp}. */
export interface ReadShpOptions {
  /** Read point, multipoint and line files too (context layers); else they are refused. */
  anyGeometry?: boolean;
}

/** Shape types that are not polygons, named for the message. */
const OTHER_TYPES: ReadonlyMap<number, Message> = new Map([
  [1, { zh: '点', en: 'point' }],
  [11, { zh: '点（带 Z 值）', en: 'point (Z)' }],
  [21, { zh: '点（带 M 值）', en: 'point (M)' }],
  [8, { zh: '多点', en: 'multipoint' }],
  [18, { zh: '多点（带 Z 值）', en: 'multipoint (Z)' }],
  [28, { zh: '多点（带 M 值）', en: 'multipoint (M)' }],
  [3, { zh: '线', en: 'line' }],
  [13, { zh: '线（带 Z 值）', en: 'line (Z)' }],
  [23, { zh: '线（带 M 值）', en: 'line (M)' }],
  [31, { zh: '多面体（MultiPatch）', en: 'MultiPatch' }],
]);

/** Twice the signed area of a ring in its own units; positive when counter-clockwise (y up). */
function doubleSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as number[];
    const [xj = 0, yj = 0] = ring[j] as number[];
    sum += (xj - xi) * (yj + yi);
  }
  return sum;
}

/** 1 inside, -1 outside, 0 on the boundary (ray crossing; W. R. Franklin's PNPOLY with an edge test). */
function pointInRing(x: number, y: number, ring: Ring): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as number[];
    const [xj = 0, yj = 0] = ring[j] as number[];
    const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
    if (
      cross === 0 &&
      x >= Math.min(xi, xj) &&
      x <= Math.max(xi, xj) &&
      y >= Math.min(yi, yj) &&
      y <= Math.max(yi, yj)
    )
      return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Whether `inner` lies inside `outer`, judged by its first vertex that is not on `outer`'s boundary. */
function ringInside(inner: Ring, outer: Ring): boolean {
  for (const [x = 0, y = 0] of inner) {
    const where = pointInRing(x, y, outer);
    if (where !== 0) return where > 0;
  }
  return true;
}

/**
 * The ring wound the requested way (x east, y north): itself when it already is, else a reversed
 * copy. A ring without area is returned as it is.
 * @param ring positions in any planar or longitude/latitude coordinates
 * @param counterClockwise true for an RFC 7946 outer ring, false for a hole
 */
export function windRing(ring: Ring, counterClockwise: boolean): Ring {
  const area = doubleSignedArea(ring);
  return area === 0 || area > 0 === counterClockwise ? ring : [...ring].reverse();
}

/**
 * Builds a GeoJSON geometry from the rings of one shapefile polygon record.
 *
 * Shapefile outer rings are clockwise and holes counter-clockwise (ESRI Shapefile Technical
 * Description, 1998). Each hole goes to the smallest outer ring that contains it; a hole that no outer
 * ring contains becomes an outer ring of its own. When no ring is clockwise at all (a writer that
 * ignored the rule), rings are sorted by nesting instead: inside an odd number of others → hole.
 * Output rings are wound as RFC 7946 says: outer counter-clockwise, holes clockwise.
 *
 * @param rings the record's parts, in any planar coordinates (x east, y north)
 * @returns a Polygon for one outer ring, a MultiPolygon for several, null for none
 */
export function polygonFromRings(rings: Ring[]): AreaGeometry | null {
  const used = rings.filter((ring) => ring.length > 0);
  if (used.length === 0) return null;
  const areas = used.map(doubleSignedArea);
  let isHole = areas.map((area) => area > 0);
  if (isHole.every(Boolean)) {
    isHole = used.map(
      (ring, i) => used.filter((other, k) => k !== i && ringInside(ring, other)).length % 2 === 1,
    );
  }
  const outers = used
    .map((ring, i) => ({ ring, area: Math.abs(areas[i] as number), holes: [] as Ring[] }))
    .filter((_, i) => !isHole[i]);
  used.forEach((ring, i) => {
    if (!isHole[i]) return;
    let best: (typeof outers)[number] | undefined;
    for (const outer of outers) {
      if ((best === undefined || outer.area < best.area) && ringInside(ring, outer.ring)) best = outer;
    }
    if (best) best.holes.push(ring);
    else outers.push({ ring, area: Math.abs(areas[i] as number), holes: [] });
  });
  const polygons: PolygonCoords[] = outers.map((outer) => [
    windRing(outer.ring, true),
    ...outer.holes.map((hole) => windRing(hole, false)),
  ]);
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as PolygonCoords };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** The rings of one polygon record, or a reason why the record cannot be read. */
function readPolygonRecord(view: DataView, start: number, length: number): Ring[] | Message {
  if (length < 44) return { zh: '记录太短', en: 'the record is too short' };
  const numParts = view.getInt32(start + 36, true);
  const numPoints = view.getInt32(start + 40, true);
  if (numParts < 0 || numPoints < 0 || 44 + 4 * numParts + 16 * numPoints > length)
    return {
      zh: `记录声明 ${numParts} 个环、${numPoints} 个点，超出记录长度`,
      en: `it declares ${numParts} rings and ${numPoints} points, more than the record holds`,
    };
  const pointsAt = start + 44 + 4 * numParts;
  const rings: Ring[] = [];
  for (let part = 0; part < numParts; part++) {
    const from = view.getInt32(start + 44 + 4 * part, true);
    const to = part + 1 < numParts ? view.getInt32(start + 48 + 4 * part, true) : numPoints;
    if (from < 0 || to > numPoints || from > to)
      return { zh: `第 ${part + 1} 个环的起点编号无效`, en: `ring ${part + 1} has an invalid start index` };
    const ring: Ring = [];
    for (let k = from; k < to; k++) {
      ring.push([view.getFloat64(pointsAt + 16 * k, true), view.getFloat64(pointsAt + 16 * k + 8, true)]);
    }
    rings.push(ring);
  }
  return rings;
}

/**
 * Reads a `.shp` of shape type Polygon (5), PolygonZ (15) or PolygonM (25); Z and M values are
 * dropped. Null shapes give null geometries. Point, line and MultiPatch files give one
 * `not-a-polygon-layer` problem; a damaged header `not-a-shapefile`. A record that cannot be read
 * gives a null geometry and a `truncated-shapefile` error at its feature index; a file cut short
 * keeps the records before the cut, with a file-level `truncated-shapefile` error naming the record.
 *
 * @param bytes the .shp file
 * @param fileName named in every message, e.g. `plots.zip › 地块.shp`
 * @param options `anyGeometry`: points and lines are read too (Z and M dropped)
 */
export function readShp(bytes: Uint8Array, fileName: string): ReadShpResult;
export function readShp(
  bytes: Uint8Array,
  fileName: string,
  options: ReadShpOptions,
): ReadShpResult<ShapeGeometry>;
export function readShp(
  bytes: Uint8Array,
  fileName: string,
  options: ReadShpOptions = {},
): ReadShpResult<ShapeGeometry> {
  const fail = (code: string, zh: string, en: string): ReadShpResult<ShapeGeometry> => ({
    ok: false,
    problems: [{ code, severity: 'error', featureIndex: -1, message: { zh, en } }],
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994)
    return fail(
      'not-a-shapefile',
      `文件 ${fileName} 不是有效的 .shp 文件（文件头不对）；请从 GIS 软件重新导出 Shapefile`,
      `File ${fileName} is not a valid .shp file (wrong header); export the shapefile again from GIS software.`,
    );
  const shapeType = view.getInt32(32, true);
  const other = OTHER_TYPES.get(shapeType);
  const isOtherRead = options.anyGeometry === true && isPointOrLine(shapeType);
  if (other && !isOtherRead)
    return fail(
      'not-a-polygon-layer',
      `文件 ${fileName} 是${other.zh}图层，这里需要面图层（地块、边界、控制线都是面）；请选择面状的 Shapefile`,
      `File ${fileName} is a ${other.en} layer; a polygon layer is needed here (plots, boundaries and control zones are polygons). Choose a polygon shapefile.`,
    );
  if (shapeType !== 0 && !POLYGON_TYPES.has(shapeType) && !isOtherRead)
    return fail(
      'not-a-shapefile',
      `文件 ${fileName} 的图形类型编号 ${shapeType} 无效；文件可能已损坏，请重新导出`,
      `File ${fileName} has an invalid shape type ${shapeType}; the file may be damaged. Export it again.`,
    );

  const problems: Problem[] = [];
  const geometries: (ShapeGeometry | null)[] = [];
  const declaredEnd = view.getInt32(24, false) * 2;
  const end = declaredEnd >= 100 && declaredEnd <= bytes.length ? declaredEnd : bytes.length;
  let offset = 100;
  while (offset + 8 <= end) {
    const index = geometries.length;
    const length = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (length < 4 || start + length > bytes.length) {
      problems.push({
        code: 'truncated-shapefile',
        severity: 'error',
        featureIndex: -1,
        message: {
          zh: `文件 ${fileName} 在第 ${index + 1} 条记录处中断，文件不完整或已损坏；已读取前 ${index} 条。请重新复制或导出 .shp`,
          en: `File ${fileName} breaks off at record ${index + 1}; it is incomplete or damaged. The first ${index} records were read. Copy or export the .shp again.`,
        },
      });
      break;
    }
    const recordType = view.getInt32(start, true);
    let geometry: ShapeGeometry | null = null;
    if (recordType !== 0) {
      const read: ShapeGeometry | null | Message = POLYGON_TYPES.has(recordType)
        ? polygonOrReason(readPolygonRecord(view, start, length))
        : isOtherRead && isPointOrLine(recordType)
          ? readPointOrLineRecord(view, start, length, recordType)
          : { zh: `图形类型 ${recordType} 不是面`, en: `shape type ${recordType} is not a polygon` };
      if (read === null || 'type' in read) geometry = read;
      else
        problems.push({
          code: 'truncated-shapefile',
          severity: 'error',
          featureIndex: index,
          message: {
            zh: `文件 ${fileName} 的第 ${index + 1} 条记录已损坏（${read.zh}），该要素无法读取；请在 GIS 软件中修复几何后重新导出`,
            en: `File ${fileName}: record ${index + 1} is damaged (${read.en}) and cannot be read; repair the geometry in GIS software and export again.`,
          },
        });
    }
    geometries.push(geometry);
    offset = start + length;
  }
  if (declaredEnd > bytes.length && problems.every((p) => p.featureIndex !== -1)) {
    problems.push({
      code: 'truncated-shapefile',
      severity: 'error',
      featureIndex: -1,
      message: {
        zh: `文件 ${fileName} 比文件头记录的短（${bytes.length} / ${declaredEnd} 字节），在第 ${geometries.length} 条记录之后中断；请重新复制或导出 .shp`,
        en: `File ${fileName} is shorter than its header says (${bytes.length} of ${declaredEnd} bytes) and breaks off after record ${geometries.length}; copy or export the .shp again.`,
      },
    });
  }
  return { ok: true, shapeType, geometries, problems };
}

function polygonOrReason(rings: Ring[] | Message): AreaGeometry | null | Message {
  return Array.isArray(rings) ? polygonFromRings(rings) : rings;
}

function isPointOrLine(shapeType: number): boolean {
  return LINE_TYPES.has(shapeType) || POINT_TYPES.has(shapeType) || MULTIPOINT_TYPES.has(shapeType);
}

/**
 * A point, multipoint or line record (ESRI Shapefile Technical Description, 1998): a line's parts
 * are read like a polygon's rings; Z and M values, which follow the positions, are dropped.
 */
function readPointOrLineRecord(
  view: DataView,
  start: number,
  length: number,
  type: number,
): ShapeGeometry | Message {
  const tooShort = { zh: '记录太短', en: 'the record is too short' };
  if (POINT_TYPES.has(type)) {
    if (length < 20) return tooShort;
    return {
      type: 'Point',
      coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)],
    };
  }
  if (MULTIPOINT_TYPES.has(type)) {
    if (length < 40) return tooShort;
    const numPoints = view.getInt32(start + 36, true);
    if (numPoints < 0 || 40 + 16 * numPoints > length)
      return {
        zh: `记录声明 ${numPoints} 个点，超出记录长度`,
        en: `it declares ${numPoints} points, more than the record holds`,
      };
    const points: Position[] = [];
    for (let k = 0; k < numPoints; k++)
      points.push([view.getFloat64(start + 40 + 16 * k, true), view.getFloat64(start + 48 + 16 * k, true)]);
    return { type: 'MultiPoint', coordinates: points };
  }
  const parts = readPolygonRecord(view, start, length);
  if (!Array.isArray(parts)) return parts;
  if (parts.length === 1) return { type: 'LineString', coordinates: parts[0] as Position[] };
  return { type: 'MultiLineString', coordinates: parts };
}
