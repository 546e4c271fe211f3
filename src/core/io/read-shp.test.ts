import { describe, expect, it } from 'vitest';
import { writeShp } from '../../../scripts/make-import-fixtures.ts';
import type { AreaGeometry, Ring } from '../types.ts';
import { polygonFromRings, readShp, windRing } from './read-shp.ts';

/** Axis-aligned square ring, clockwise (a shapefile outer ring) unless `ccw`. */
function square(x: number, y: number, size: number, ccw = false): Ring {
  const ring: Ring = [
    [x, y],
    [x, y + size],
    [x + size, y + size],
    [x + size, y],
    [x, y],
  ];
  return ccw ? [...ring].reverse() : ring;
}

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  }
  return sum / 2;
}

function polygons(geometry: AreaGeometry | null): Ring[][] {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

describe('polygonFromRings', () => {
  it('makes one clockwise ring a counter-clockwise Polygon', () => {
    const geometry = polygonFromRings([square(0, 0, 10)]);
    expect(geometry?.type).toBe('Polygon');
    expect(signedArea(polygons(geometry)[0]?.[0] ?? [])).toBe(100);
  });

  it('gives each hole to the outer ring that contains it, wound clockwise', () => {
    // Two outer rings; the hole lies in the second and is listed before it.
    const geometry = polygonFromRings([square(0, 0, 10), square(22, 2, 4, true), square(20, 0, 10)]);
    expect(geometry?.type).toBe('MultiPolygon');
    const parts = polygons(geometry);
    expect(parts.map((p) => p.length)).toEqual([1, 2]);
    expect(signedArea(parts[1]?.[0] ?? [])).toBe(100);
    expect(signedArea(parts[1]?.[1] ?? [])).toBe(-16);
    expect(parts[1]?.[1]?.[0]?.[0]).toBeGreaterThanOrEqual(22);
  });

  it('gives a hole inside nested outer rings (an island in a lake) to the smallest one', () => {
    const geometry = polygonFromRings([
      square(0, 0, 100),
      square(10, 10, 80, true),
      square(20, 20, 60),
      square(40, 40, 10, true),
    ]);
    const parts = polygons(geometry);
    expect(
      parts.map((p) => [Math.abs(signedArea(p[0] ?? [])), ...p.slice(1).map((h) => signedArea(h))]),
    ).toEqual([
      [10000, -6400],
      [3600, -100],
    ]);
  });

  it('judges a hole by a vertex off the outer boundary when its first vertex touches it', () => {
    const hole: Ring = [
      [0, 5],
      [5, 8],
      [5, 2],
      [0, 5],
    ];
    const geometry = polygonFromRings([square(0, 0, 10), windRing(hole, true)]);
    expect(polygons(geometry).map((p) => p.length)).toEqual([2]);
  });

  it('makes a hole that no outer ring contains an outer ring of its own', () => {
    const geometry = polygonFromRings([square(0, 0, 10), square(50, 50, 5, true)]);
    expect(polygons(geometry).map((p) => p.length)).toEqual([1, 1]);
    expect(polygons(geometry).every((p) => signedArea(p[0] ?? []) > 0)).toBe(true);
  });

  it('sorts rings by nesting when a writer wound every ring counter-clockwise', () => {
    const geometry = polygonFromRings([
      square(0, 0, 10, true),
      square(2, 2, 2, true),
      square(30, 0, 5, true),
    ]);
    const parts = polygons(geometry);
    expect(parts.map((p) => p.length)).toEqual([2, 1]);
    expect(signedArea(parts[0]?.[1] ?? [])).toBe(-4);
  });

  it('gives the same polygons whichever vertex the rings start at', () => {
    const outer = square(0, 0, 10);
    const hole = square(3, 3, 2, true);
    const rotate = (ring: Ring, k: number): Ring => {
      const open = ring.slice(0, -1);
      const turned = [...open.slice(k), ...open.slice(0, k)];
      return [...turned, turned[0] as number[]];
    };
    const areas = (g: AreaGeometry | null) => polygons(g).map((p) => p.map(signedArea));
    expect(areas(polygonFromRings([rotate(outer, 2), rotate(hole, 1)]))).toEqual(
      areas(polygonFromRings([outer, hole])),
    );
  });

  it('returns null for no rings', () => {
    expect(polygonFromRings([])).toBeNull();
    expect(polygonFromRings([[]])).toBeNull();
  });
});

describe('readShp', () => {
  it('reads what writeShp wrote: rings, holes, Null shapes, in record order', () => {
    const { shp } = writeShp([
      [square(0, 0, 10), square(2, 2, 2, true)],
      null,
      [square(40500000, 3340000, 50)],
    ]);
    const result = readShp(shp, 'a.shp');
    if (!result.ok) throw new Error('not read');
    expect(result.shapeType).toBe(5);
    expect(result.problems).toEqual([]);
    expect(result.geometries).toHaveLength(3);
    expect(polygons(result.geometries[0] ?? null).map((p) => p.map(signedArea))).toEqual([[100, -4]]);
    expect(result.geometries[1]).toBeNull();
    expect(polygons(result.geometries[2] ?? null)[0]?.[0]).toContainEqual([40500050, 3340050]);
  });

  it('reads PolygonZ and PolygonM files, dropping Z and M', () => {
    for (const type of [15, 25]) {
      const { shp } = writeShp([[square(0, 0, 10)]]);
      const view = new DataView(shp.buffer);
      view.setInt32(32, type, true);
      view.setInt32(108, type, true);
      const result = readShp(shp, 'z.shp');
      expect(result.ok && result.shapeType).toBe(type);
      expect(result.ok && polygons(result.geometries[0] ?? null)[0]?.[0]?.[0]).toHaveLength(2);
    }
  });

  it.each([
    [1, '点'],
    [3, '线'],
    [8, '多点'],
    [13, '线（带 Z 值）'],
  ])('rejects shape type %i as a %s layer: a polygon layer is needed', (type, word) => {
    const { shp } = writeShp([]);
    new DataView(shp.buffer).setInt32(32, type, true);
    const result = readShp(shp, '道路.shp');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('not-a-polygon-layer');
    expect(result.problems[0]?.message.zh).toContain(`道路.shp 是${word}图层`);
    expect(result.problems[0]?.message.zh).toContain('面图层');
  });

  it('rejects a file without the shapefile signature', () => {
    const result = readShp(new TextEncoder().encode('{"type":"FeatureCollection"}'.padEnd(120)), 'x.shp');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('not-a-shapefile');
    expect(result.problems[0]?.message.en).toContain('x.shp');
  });

  it('keeps the records before a cut and names the record where the file breaks off', () => {
    const { shp } = writeShp([[square(0, 0, 10)], [square(20, 0, 10)], [square(40, 0, 10)]]);
    const result = readShp(shp.subarray(0, shp.length - 20), '地块.shp');
    if (!result.ok) throw new Error('not read');
    expect(result.geometries).toHaveLength(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('truncated-shapefile');
    expect(result.problems[0]?.message.zh).toContain('地块.shp 在第 3 条记录处中断');
  });

  it('reports a damaged record at its feature index and reads the others', () => {
    const { shp } = writeShp([[square(0, 0, 10)], [square(20, 0, 10)]]);
    // Record 1's ring count: far more rings than the record holds.
    const second = 100 + 8 + 44 + 4 + 5 * 16;
    new DataView(shp.buffer).setInt32(second + 8 + 36, 9999, true);
    const result = readShp(shp, 'a.shp');
    if (!result.ok) throw new Error('not read');
    expect(result.geometries[0]).not.toBeNull();
    expect(result.geometries[1]).toBeNull();
    expect(result.problems[0]).toMatchObject({
      code: 'truncated-shapefile',
      featureIndex: 1,
      severity: 'error',
    });
    expect(result.problems[0]?.message.zh).toContain('第 2 条记录已损坏');
  });
});
