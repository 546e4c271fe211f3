import fc from 'fast-check';
import { Geodesic } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Ring } from '../types.ts';
import { geometryAreaM2, m2ToHa, m2ToMu, polygonArea, ringSignedArea } from './ellipsoidal-area.ts';

/**
 * Independent reference: GeographicLib (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87,
 * 2013) computes the area of a polygon with geodesic edges. Densifying each straight lon/lat edge
 * into many short geodesics makes that polygon converge to the GeoJSON one (the error falls as
 * 1/n²), so the figure below is computed entirely outside our code.
 */
function geographicLibArea(rings: Ring[], stepsPerEdge: number): number {
  let total = 0;
  rings.forEach((ring, index) => {
    const polygon = Geodesic.WGS84.Polygon(false);
    const closed = ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1];
    const count = closed ? ring.length - 1 : ring.length;
    for (let i = 0; i < count; i++) {
      const [lon1, lat1] = ring[i] as [number, number];
      const [lon2, lat2] = ring[(i + 1) % count] as [number, number];
      for (let k = 0; k < stepsPerEdge; k++) {
        const t = k / stepsPerEdge;
        polygon.AddPoint(lat1 + (lat2 - lat1) * t, lon1 + (lon2 - lon1) * t);
      }
    }
    const area = Math.abs(polygon.Compute(false, true).area ?? Number.NaN);
    total += index === 0 ? area : -area;
  });
  return total;
}

const plotInCixi: Ring = [
  [121.2501, 30.1702],
  [121.2518, 30.17035],
  [121.25192, 30.17141],
  [121.25031, 30.17133],
  [121.2501, 30.1702],
];

const townSizedPolygon: Ring = [
  [121.18, 30.12],
  [121.27, 30.11],
  [121.31, 30.16],
  [121.29, 30.23],
  [121.22, 30.24],
  [121.16, 30.2],
  [121.18, 30.12],
];

const hole: Ring = [
  [121.22, 30.15],
  [121.22, 30.19],
  [121.26, 30.19],
  [121.26, 30.15],
  [121.22, 30.15],
];

const largeTriangle: Ring = [
  [119.5, 28.7],
  [122.9, 29.4],
  [120.8, 31.6],
  [119.5, 28.7],
];

function relativeError(actual: number, expected: number): number {
  // A degenerate random ring may have no area at all: equal zeros agree exactly.
  return actual === expected ? 0 : Math.abs(actual - expected) / Math.abs(expected);
}

describe('ellipsoidal area', () => {
  it.each([
    ['a 2.6 亩 plot in Cixi', [plotInCixi], 200],
    ['a town-sized polygon', [townSizedPolygon], 400],
    ['a polygon with a hole', [townSizedPolygon, hole], 400],
    ['a triangle three degrees across', [largeTriangle], 2000],
  ] as const)('agrees with GeographicLib to 1e-7 on %s', (_name, rings, steps) => {
    const ours = polygonArea(rings as unknown as Ring[]);
    const reference = geographicLibArea(rings as unknown as Ring[], steps);
    expect(relativeError(ours, reference)).toBeLessThan(1e-7);
  });

  it('gives half the area of the WGS84 ellipsoid for the northern hemisphere', () => {
    // GeographicLib documents the area of the WGS84 ellipsoid as 510065621724088.5 m²
    // (Karney 2013, table of the Planimeter; geographiclib.sourceforge.io/C++/doc/Planimeter.1.html).
    const north: Ring = [
      [-180, 0],
      [180, 0],
      [180, 90],
      [-180, 90],
      [-180, 0],
    ];
    expect(relativeError(polygonArea([north]), 510065621724088.5 / 2)).toBeLessThan(1e-12);
  });

  it('is larger than a sphere would make it by about 0.11 % at Cixi, as the policy notes say', () => {
    // turf.area uses a sphere of radius 6371008.8 m; closed form for a lat/lon quadrangle on it.
    const r = 6371008.8;
    const rad = Math.PI / 180;
    const [lon1, lat1, lon2, lat2] = [121.2, 30.1, 121.3, 30.2];
    const sphere = r * r * (lon2 - lon1) * rad * (Math.sin(lat2 * rad) - Math.sin(lat1 * rad));
    const ours = polygonArea([
      [
        [lon1, lat1],
        [lon2, lat1],
        [lon2, lat2],
        [lon1, lat2],
        [lon1, lat1],
      ],
    ]);
    expect(sphere / ours - 1).toBeGreaterThan(0.001);
    expect(sphere / ours - 1).toBeLessThan(0.0012);
  });

  it('sums the parts of a MultiPolygon and subtracts holes', () => {
    const outer = polygonArea([townSizedPolygon]);
    const inner = polygonArea([hole]);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[townSizedPolygon, hole], [plotInCixi]],
    };
    expect(geometryAreaM2(multi)).toBeCloseTo(outer - inner + polygonArea([plotInCixi]), 6);
    expect(geometryAreaM2(null)).toBe(0);
  });

  it('matches the line integral evaluated to 40 digits on a plot, to 1e-14', () => {
    // ∮ S(φ) dλ along the straight lon/lat edges of plotInCixi (its double coordinates taken
    // exactly), S integrated by mpmath quadrature at 40 significant digits.
    expect(relativeError(ringSignedArea(plotInCixi), -19147.70021235142)).toBeLessThan(1e-14);
  });

  it('accepts rings that do not repeat their first position', () => {
    expect(polygonArea([plotInCixi.slice(0, -1)])).toBe(polygonArea([plotInCixi]));
  });

  it('gives a negative signed area for counter-clockwise rings', () => {
    expect(ringSignedArea(plotInCixi)).toBeLessThan(0);
    expect(ringSignedArea([...plotInCixi].reverse())).toBeGreaterThan(0);
  });

  it('converts units: 15 亩 = 1 ha = 10,000 m²', () => {
    expect(m2ToMu(10000)).toBe(15);
    expect(m2ToHa(10000)).toBe(1);
    expect(m2ToMu(666.6666666666666)).toBeCloseTo(1, 12);
  });

  const ringArbitrary = fc
    .array(
      fc.tuple(
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        fc.double({ min: 0.001, max: 0.02, noNaN: true }),
      ),
      {
        minLength: 3,
        maxLength: 12,
      },
    )
    .map((polar) => {
      // A star-shaped ring around a centre in Cixi: angles sorted, so it never self-intersects.
      const steps = polar.length;
      const ring: Ring = polar.map(([jitter, radius], i) => {
        const angle = (2 * Math.PI * i) / steps + jitter;
        return [121.25 + radius * Math.cos(angle), 30.17 + radius * Math.sin(angle)];
      });
      ring.push([...(ring[0] as number[])]);
      return ring;
    });

  it('does not change when a ring starts at another vertex or is reversed', () => {
    fc.assert(
      fc.property(ringArbitrary, fc.nat(), (ring, shift) => {
        const open = ring.slice(0, -1);
        const k = shift % open.length;
        const rotated = [...open.slice(k), ...open.slice(0, k)];
        rotated.push([...(rotated[0] as number[])]);
        const base = polygonArea([ring]);
        expect(relativeError(polygonArea([rotated]), base)).toBeLessThan(1e-9);
        expect(relativeError(polygonArea([[...ring].reverse()]), base)).toBeLessThan(1e-9);
      }),
    );
  });

  it('does not depend on the order of the parts of a MultiPolygon', () => {
    fc.assert(
      fc.property(fc.array(ringArbitrary, { minLength: 1, maxLength: 5 }), (rings) => {
        const forward = geometryAreaM2({ type: 'MultiPolygon', coordinates: rings.map((r) => [r]) });
        const backward = geometryAreaM2({
          type: 'MultiPolygon',
          coordinates: [...rings].reverse().map((r) => [r]),
        });
        expect(relativeError(backward, forward)).toBeLessThan(1e-12);
      }),
    );
  });
});
