/**
 * Decodes ECharts map GeoJSON: with `UTF8Encoding: true` every ring is a string of zigzag-encoded
 * coordinate deltas (two characters per point) with a start offset in `encodeOffsets`, as ECharts'
 * own `decode` in `src/coord/geo/parseGeoJson.ts` does. Plain GeoJSON passes through unchanged.
 */

export type EchartsRing = string | number[][];

export interface EchartsGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: EchartsRing[] | EchartsRing[][];
  encodeOffsets?: unknown;
}

export interface EchartsFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: EchartsGeometry;
}

export interface EchartsFeatureCollection {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EchartsFeature[];
}

export interface DecodedFeature {
  id?: string | number;
  properties: Record<string, unknown>;
  /** Always a list of polygons (a Polygon becomes one), coordinates [lon, lat] as the file has them. */
  polygons: number[][][][];
}

/**
 * Decodes one encoded ring (ECharts `decodeRing`): each point is two UTF-16 code units holding the
 * zigzag-encoded x and y deltas plus 64, accumulated from `offset`, divided by `scale`.
 * @param encoded the ring string
 * @param offset `[x0, y0]` in encoded units
 * @param scale encoded units per degree, 1024 unless the file says otherwise
 */
export function decodeEchartsRing(encoded: string, offset: readonly number[], scale = 1024): number[][] {
  const ring: number[][] = [];
  let prevX = offset[0] ?? 0;
  let prevY = offset[1] ?? 0;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Encodes a ring the way `decodeEchartsRing` reads it (for tests). Coordinates are in degrees. */
export function encodeEchartsRing(
  ring: readonly number[][],
  scale = 1024,
): { encoded: string; offset: number[] } {
  const ints = ring.map(([x = 0, y = 0]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offset = [ints[0]?.[0] ?? 0, ints[0]?.[1] ?? 0];
  let prevX = offset[0] ?? 0;
  let prevY = offset[1] ?? 0;
  let encoded = '';
  for (const [x, y] of ints) {
    const dx = x - prevX;
    const dy = y - prevY;
    prevX = x;
    prevY = y;
    encoded += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
  }
  return { encoded, offset };
}

/** Decodes an ECharts map FeatureCollection (encoded or not) into plain polygons. */
export function decodeEchartsGeoJson(collection: EchartsFeatureCollection): DecodedFeature[] {
  const encoded = collection.UTF8Encoding === true;
  const scale = collection.UTF8Scale ?? 1024;
  return collection.features.map((feature) => {
    const geometry = feature.geometry;
    const polygons = (
      geometry.type === 'Polygon'
        ? [geometry.coordinates as EchartsRing[]]
        : (geometry.coordinates as EchartsRing[][])
    ).map((polygon, polygonIndex) =>
      polygon.map((ring, ringIndex) => {
        if (!encoded) return ring as number[][];
        const offsets = geometry.encodeOffsets as number[][] | number[][][];
        const offset = (
          geometry.type === 'Polygon' ? offsets[ringIndex] : (offsets[polygonIndex] as number[][])[ringIndex]
        ) as number[];
        return decodeEchartsRing(ring as string, offset, scale);
      }),
    );
    const decoded: DecodedFeature = { properties: feature.properties, polygons };
    if (feature.id !== undefined) decoded.id = feature.id;
    return decoded;
  });
}
