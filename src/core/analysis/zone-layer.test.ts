import fc from 'fast-check';
import * as polyclip from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import type { Box } from '../geometry/clip-to-box.ts';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { FeatureCollection, PolygonCoords, Ring } from '../types.ts';
import {
  boxStateInZones,
  hasEdgeNear,
  INSIDE,
  isPointInZones,
  NEAR_EDGE,
  OUTSIDE,
  overlapAreaM2,
  prepareZoneLayer,
} from './zone-layer.ts';

const LAYER_NAME = { zh: '测试图层', en: 'test layer' };

/** A star-shaped ring (never self-intersecting) around a centre near Cixi; sizes in degrees. */
function starRing(cx: number, cy: number, radii: readonly number[]): Ring {
  const ring: Ring = radii.map((r, i) => {
    const angle = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
  ring.push([...(ring[0] as number[])]);
  return ring;
}

const zoneArbitrary = fc
  .tuple(
    fc.double({ min: 121.2, max: 121.3, noNaN: true }),
    fc.double({ min: 30.1, max: 30.2, noNaN: true }),
    fc.array(fc.double({ min: 0.005, max: 0.05, noNaN: true }), { minLength: 3, maxLength: 12 }),
    fc.boolean(),
  )
  .map(([cx, cy, radii, withHole]): PolygonCoords => {
    const outer = starRing(cx, cy, radii);
    // A hole well inside the smallest radius.
    const hole = starRing(cx, cy, [0.002, 0.003, 0.002, 0.003]).reverse();
    return withHole ? [outer, hole] : [outer];
  });

function layerOf(polygons: PolygonCoords[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: polygons.map((coordinates) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates },
      properties: {},
    })),
  };
}

const boxArbitrary = fc
  .tuple(
    fc.double({ min: 121.1, max: 121.4, noNaN: true }),
    fc.double({ min: 30.0, max: 30.3, noNaN: true }),
    fc.double({ min: 1e-6, max: 0.003, noNaN: true }),
    fc.double({ min: 1e-6, max: 0.003, noNaN: true }),
  )
  .map(([x, y, w, h]): Box => [x, y, x + w, y + h]);

describe('boxStateInZones', () => {
  it('answers INSIDE or OUTSIDE only where no edge comes near, as isPointInZones would', () => {
    fc.assert(
      fc.property(
        fc.array(zoneArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(boxArbitrary, { minLength: 1, maxLength: 30 }),
        (polygons, boxes) => {
          const zones = prepareZoneLayer(layerOf(polygons), LAYER_NAME);
          for (const box of boxes) {
            const state = boxStateInZones(zones, box);
            if (state === NEAR_EDGE) continue;
            const [minX, minY, maxX, maxY] = box;
            const outline: Ring = [
              [minX, minY],
              [maxX, minY],
              [maxX, maxY],
              [minX, maxY],
              [minX, minY],
            ];
            expect(hasEdgeNear(zones, box, [[outline]])).toBe(false);
            for (const [x, y] of [...outline, [(minX + maxX) / 2, (minY + maxY) / 2]] as number[][]) {
              expect(isPointInZones(zones, x as number, y as number)).toBe(state === INSIDE);
            }
          }
        },
      ),
    );
  });

  it('finds most boxes far from the edges of a large zone without looking at an edge', () => {
    const zones = prepareZoneLayer(
      layerOf([[starRing(121.25, 30.15, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1])]]),
      LAYER_NAME,
    );
    expect(boxStateInZones(zones, [121.25, 30.15, 121.2505, 30.1505])).toBe(INSIDE);
    expect(boxStateInZones(zones, [121.5, 30.5, 121.5005, 30.5005])).toBe(OUTSIDE);
    expect(boxStateInZones(zones, [121.34, 30.149, 121.36, 30.151])).toBe(NEAR_EDGE);
  });
});

/**
 * The area a plot shares with the zones, by polyclip-ts. Not polygon-clipping, which the app's
 * union uses: it answers some overlaps wrong (clip-to-convex.test.ts).
 */
function referenceOverlapM2(plot: Ring, zones: ReturnType<typeof prepareZoneLayer>): number {
  return geometryAreaM2({
    type: 'MultiPolygon',
    coordinates: polyclip.intersection(
      [plot as [number, number][]],
      zones.polygons as [number, number][][][],
    ),
  });
}

describe('overlapAreaM2', () => {
  it('gives a convex plot the area of its overlay with the union (polyclip-ts as reference)', () => {
    fc.assert(
      fc.property(
        fc.array(zoneArbitrary, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 121.15, max: 121.35, noNaN: true }),
        fc.double({ min: 30.05, max: 30.25, noNaN: true }),
        fc.double({ min: 0.001, max: 0.03, noNaN: true }),
        (polygons, x, y, size) => {
          const zones = prepareZoneLayer(layerOf(polygons), LAYER_NAME);
          const plot: Ring = [
            [x, y],
            [x + size, y + size * 0.1],
            [x + size * 0.9, y + size],
            [x - size * 0.1, y + size * 0.8],
            [x, y],
          ];
          const box: Box = [x - size * 0.1, y, x + size, y + size];
          const ours = overlapAreaM2(zones, { type: 'Polygon', coordinates: [plot] }, box);
          const reference = referenceOverlapM2(plot, zones);
          const plotArea = geometryAreaM2({ type: 'Polygon', coordinates: [plot] });
          expect(Math.abs(ours - reference)).toBeLessThan(1e-9 * plotArea);
        },
      ),
    );
  });

  it('gives a convex plot of thousands of vertices (a circle drawn finely) the area of its overlay', () => {
    const zones = prepareZoneLayer(
      layerOf([[starRing(121.25, 30.2, [0.02, 0.012, 0.025, 0.01, 0.018, 0.014])]]),
      LAYER_NAME,
    );
    for (const vertices of [500, 5000]) {
      const plot = starRing(121.262, 30.205, new Array(vertices).fill(0.008));
      const box: Box = [121.254, 30.197, 121.27, 30.213];
      const ours = overlapAreaM2(zones, { type: 'Polygon', coordinates: [plot] }, box);
      const reference = referenceOverlapM2(plot, zones);
      const plotArea = geometryAreaM2({ type: 'Polygon', coordinates: [plot] });
      // Partly inside: the overlay is neither nothing nor the whole plot.
      expect(ours).toBeGreaterThan(0.05 * plotArea);
      expect(ours).toBeLessThan(0.95 * plotArea);
      expect(Math.abs(ours - reference)).toBeLessThan(1e-9 * plotArea);
    }
  });
});
