import { describe, expect, it } from 'vitest';
import { contourPolygons, type SampledGrid } from './contour-grid.ts';
import { type Ring, ringSignedAreaDeg2 } from './planar.ts';

function grid(field: (x: number, y: number) => number, size = 41): SampledGrid {
  const values = new Float64Array(size * size);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) values[j * size + i] = field(i, j);
  return { originX: 100, originY: 200, cell: 2, width: size, height: size, values };
}

/** Counter-clockwise area (ringSignedAreaDeg2 counts counter-clockwise rings as negative). */
const ccwArea = (ring: Ring) => -ringSignedAreaDeg2(ring);

describe('contourPolygons', () => {
  it('draws a disc as one closed counter-clockwise ring of the right area', () => {
    // Radius 10 cells = 20 units, centred on sample (20, 20) = (140, 240).
    const polygons = contourPolygons(grid((i, j) => 10 - Math.hypot(i - 20, j - 20)));
    expect(polygons).toHaveLength(1);
    const [ring] = polygons[0] as Ring[];
    expect(ring?.[0]).toEqual(ring?.[ring.length - 1]);
    expect(ccwArea(ring as Ring)).toBeGreaterThan(0.98 * Math.PI * 400);
    expect(ccwArea(ring as Ring)).toBeLessThan(Math.PI * 400);
    for (const [x = 0, y = 0] of ring as Ring) expect(Math.hypot(x - 140, y - 240)).toBeCloseTo(20, 0);
  });

  it('gives a ring with a hole its clockwise hole, and keeps two blobs apart', () => {
    const annulus = contourPolygons(
      grid((i, j) => Math.min(15 - Math.hypot(i - 20, j - 20), Math.hypot(i - 20, j - 20) - 5)),
    );
    expect(annulus).toHaveLength(1);
    expect(annulus[0]).toHaveLength(2);
    expect(ccwArea(annulus[0]?.[1] as Ring)).toBeLessThan(0);
    const two = contourPolygons(
      grid((i, j) => Math.max(4 - Math.hypot(i - 8, j - 8), 4 - Math.hypot(i - 30, j - 30))),
    );
    expect(two).toHaveLength(2);
  });

  it('closes a contour that runs into the edge of the grid', () => {
    const polygons = contourPolygons(grid(() => 1, 5));
    expect(polygons).toHaveLength(1);
    // The area reaches half a cell beyond the outer samples at most.
    expect(ccwArea((polygons[0] as Ring[])[0] as Ring)).toBeGreaterThan(64);
    expect(ccwArea((polygons[0] as Ring[])[0] as Ring)).toBeLessThan(144);
  });
});
