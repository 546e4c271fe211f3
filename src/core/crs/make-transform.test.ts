import { describe, expect, it } from 'vitest';
import { type Crs, gaussKrugerCrs } from './crs.ts';
import { wgs84ToGcj02 } from './gcj02.ts';
import { makeInverseTransform, makeTransform } from './make-transform.ts';

// GRS80 (the CGCS2000 ellipsoid differs from it only in the 12th digit of 1/f): a and 1/f.
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

/**
 * Meridian arc length from the equator to latitude φ, Helmert's series in the third flattening
 * n = f / (2 − f), to n⁴ (error below 1e-7 m): Deakin & Hunter, "Geometric Geodesy", eq. (2.75).
 */
function meridianArcSeries(latDeg: number): number {
  const n = F / (2 - F);
  const phi = latDeg * RAD;
  return (
    (A / (1 + n)) *
    ((1 + n ** 2 / 4 + n ** 4 / 64) * phi -
      1.5 * (n - n ** 3 / 8) * Math.sin(2 * phi) +
      (15 / 16) * (n ** 2 - n ** 4 / 4) * Math.sin(4 * phi) -
      (35 / 48) * n ** 3 * Math.sin(6 * phi) +
      (315 / 512) * n ** 4 * Math.sin(8 * phi))
  );
}

/** The same arc by Simpson integration of the meridian radius of curvature a(1−e²)/(1−e² sin²φ)^1.5. */
function meridianArcSimpson(latDeg: number, steps = 2000): number {
  const phi = latDeg * RAD;
  const h = phi / steps;
  const radius = (p: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(p) ** 2) ** 1.5;
  let sum = radius(0) + radius(phi);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * radius(i * h);
  return (sum * h) / 3;
}

/**
 * Transverse Mercator (k0 = 1) by Snyder's series, "Map Projections: A Working Manual" (USGS PP 1395,
 * 1987), eqs. 8-9 and 8-10; at 1° from the central meridian its truncation error is far below 1 mm.
 * Returns [easting without false easting, northing] in metres.
 */
function snyderTransverseMercator(
  lonDeg: number,
  latDeg: number,
  centralMeridianDeg: number,
): [number, number] {
  const phi = latDeg * RAD;
  const ep2 = E2 / (1 - E2);
  const N = A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * Math.cos(phi) ** 2;
  const a = (lonDeg - centralMeridianDeg) * RAD * Math.cos(phi);
  const x = N * (a + ((1 - T + C) * a ** 3) / 6 + ((5 - 18 * T + T ** 2 + 72 * C - 58 * ep2) * a ** 5) / 120);
  const y =
    meridianArcSeries(latDeg) +
    N *
      Math.tan(phi) *
      (a ** 2 / 2 +
        ((5 - T + 9 * C + 4 * C ** 2) * a ** 4) / 24 +
        ((61 - 58 * T + T ** 2 + 600 * C - 330 * ep2) * a ** 6) / 720);
  return [x, y];
}

function zone40(withPrefix: boolean): Crs {
  const crs = gaussKrugerCrs(3, 120, withPrefix);
  if (!crs) throw new Error('zone 40 must exist');
  return crs;
}

describe('makeTransform / makeInverseTransform: Gauss-Krüger', () => {
  it('puts the central meridian at the false easting, exactly', () => {
    const toGk = makeInverseTransform(zone40(true));
    for (const lat of [0, 18, 30.17, 45, 53]) {
      expect(toGk(120, lat)[0]).toBeCloseTo(40500000, 6);
    }
    expect(makeTransform(zone40(true))(40500000, 3340000)[0]).toBeCloseTo(120, 12);
  });

  it('puts the equator at northing 0', () => {
    expect(makeInverseTransform(zone40(true))(120, 0)[1]).toBeCloseTo(0, 6);
    expect(makeInverseTransform(zone40(true))(121.4, 0)[1]).toBeCloseTo(0, 6);
  });

  it('gives the GRS80 meridian arc as the northing on the central meridian (< 1 mm)', () => {
    const arc = meridianArcSeries(30);
    // Two independent routes to the arc agree to a micrometre: the series is right.
    expect(Math.abs(arc - meridianArcSimpson(30))).toBeLessThan(1e-6);
    // 3,320,113.4 m, the textbook value (UTM northing of 30°N on its central meridian is 0.9996 × this).
    expect(arc).toBeGreaterThan(3320113.3);
    expect(arc).toBeLessThan(3320113.5);
    const toGk = makeInverseTransform(zone40(true));
    for (const lat of [30, 30.17, 45, 20]) {
      expect(Math.abs(toGk(120, lat)[1] - meridianArcSeries(lat))).toBeLessThan(1e-3);
    }
  });

  it('agrees with Snyder’s series 1° and 1.5° off the central meridian (< 1 mm)', () => {
    const toGk = makeInverseTransform(zone40(false));
    for (const [lon, lat] of [
      [121, 30],
      [119, 30.5],
      [121.25, 30.17],
      [121.5, 30.4],
    ] as const) {
      const [x, y] = toGk(lon, lat);
      const [sx, sy] = snyderTransverseMercator(lon, lat, 120);
      expect(Math.abs(x - 500000 - sx)).toBeLessThan(1e-3);
      expect(Math.abs(y - sy)).toBeLessThan(1e-3);
    }
  });

  it('differs between prefixed and plain eastings by exactly zone × 1e6 m', () => {
    const prefixed = makeInverseTransform(zone40(true))(121.25, 30.17);
    const plain = makeInverseTransform(zone40(false))(121.25, 30.17);
    expect(prefixed[0] - plain[0]).toBeCloseTo(40e6, 6);
    expect(prefixed[1]).toBeCloseTo(plain[1], 6);
  });

  it('round-trips longitude/latitude → Gauss-Krüger → longitude/latitude to 1e-9° (3° and 6° zones)', () => {
    const sixDegree = gaussKrugerCrs(6, 123, true);
    if (!sixDegree) throw new Error('6-degree zone 21 must exist');
    for (const crs of [zone40(true), zone40(false), sixDegree]) {
      const toGk = makeInverseTransform(crs);
      const toLonLat = makeTransform(crs);
      for (let lon = 118.6; lon <= 121.5; lon += 0.37) {
        for (let lat = 27; lat <= 32; lat += 0.61) {
          const [x, y] = toGk(lon, lat);
          const [backLon, backLat] = toLonLat(x, y);
          expect(Math.abs(backLon - lon)).toBeLessThan(1e-9);
          expect(Math.abs(backLat - lat)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('uses the 6-degree zone’s own central meridian (zone 21 → 123°E)', () => {
    const crs = gaussKrugerCrs(6, 123, true);
    if (!crs) throw new Error('6-degree zone 21 must exist');
    expect(makeInverseTransform(crs)(123, 30)[0]).toBeCloseTo(21500000, 6);
    const [x] = makeInverseTransform(crs)(121.25, 30.17);
    const [sx] = snyderTransverseMercator(121.25, 30.17, 123);
    expect(Math.abs(x - 21500000 - sx)).toBeLessThan(2e-3);
  });

  it('returns NaN instead of throwing for non-finite input', () => {
    const [lon, lat] = makeTransform(zone40(true))(Number.NaN, 3340000);
    expect(lon).toBeNaN();
    expect(lat).toBeNaN();
    expect(makeTransform(zone40(true))(Number.POSITIVE_INFINITY, 0)[0]).toBeNaN();
  });
});

describe('makeTransform / makeInverseTransform: Web Mercator', () => {
  const R = 6378137;
  const closedForm = (lon: number, lat: number) => [
    R * lon * RAD,
    R * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)),
  ];

  it('inverts the closed form x = Rλ, y = R ln tan(π/4 + φ/2) to 1e-9°', () => {
    const toLonLat = makeTransform({ kind: 'web-mercator' });
    for (const [lon, lat] of [
      [121.25, 30.17],
      [-73.98, 40.75],
      [0, 0],
      [179, -60],
    ] as const) {
      const [x, y] = closedForm(lon, lat) as [number, number];
      const [backLon, backLat] = toLonLat(x, y);
      expect(Math.abs(backLon - lon)).toBeLessThan(1e-9);
      expect(Math.abs(backLat - lat)).toBeLessThan(1e-9);
    }
  });

  it('projects like the closed form to 1 mm', () => {
    const [x, y] = makeInverseTransform({ kind: 'web-mercator' })(121.25, 30.17);
    const [cx, cy] = closedForm(121.25, 30.17) as [number, number];
    expect(Math.abs(x - cx)).toBeLessThan(1e-3);
    expect(Math.abs(y - cy)).toBeLessThan(1e-3);
    // And the closed form itself: λ = 121.25° is 13,497,488.2 m at R = 6,378,137 m.
    expect(cx).toBeCloseTo(13497488.2, 0);
  });
});

describe('makeTransform: geographic and GCJ-02', () => {
  it('passes WGS84 and CGCS2000 longitude/latitude through unchanged', () => {
    expect(makeTransform({ kind: 'wgs84' })(121.25, 30.17)).toEqual([121.25, 30.17]);
    expect(makeTransform({ kind: 'cgcs2000-geographic' })(121.25, 30.17)).toEqual([121.25, 30.17]);
  });

  it('removes the GCJ-02 offset', () => {
    const [gLon, gLat] = wgs84ToGcj02(121.25, 30.17);
    const [lon, lat] = makeTransform({ kind: 'gcj02' })(gLon, gLat);
    expect(Math.abs(lon - 121.25)).toBeLessThan(1e-8);
    expect(Math.abs(lat - 30.17)).toBeLessThan(1e-8);
    expect(Math.abs(gLon - 121.25)).toBeGreaterThan(1e-3);
  });
});
