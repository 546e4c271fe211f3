import { describe, expect, it } from 'vitest';
import type { Position } from '../types.ts';
import { type CrsDetectionResult, gaussKrugerCrs } from './crs.ts';
import { coordinateBox, detectCrsFromCoordinates } from './detect-crs-from-coordinates.ts';
import { makeInverseTransform } from './make-transform.ts';

/** Corners of a 2 km × 2 km block around a longitude/latitude, in the given CRS. */
function blockIn(
  toCrs: (lon: number, lat: number) => [number, number],
  lon: number,
  lat: number,
): Position[] {
  return [
    toCrs(lon - 0.01, lat - 0.01),
    toCrs(lon + 0.01, lat - 0.01),
    toCrs(lon + 0.01, lat + 0.01),
    toCrs(lon - 0.01, lat + 0.01),
  ];
}

const zone40 = gaussKrugerCrs(3, 120, true);
const cm120 = gaussKrugerCrs(3, 120, false);
const zone21 = gaussKrugerCrs(6, 123, true);
const zone13 = gaussKrugerCrs(6, 75, true);
if (!zone40 || !cm120 || !zone21 || !zone13) throw new Error('zones');
const toWebMercator = makeInverseTransform({ kind: 'web-mercator' });

function expectOk(result: CrsDetectionResult) {
  if (!result.ok) throw new Error(`expected a detection, got: ${result.message.en}`);
  return result;
}

describe('detectCrsFromCoordinates', () => {
  it('reads degrees as WGS84 longitude/latitude, certain', () => {
    const result = expectOk(detectCrsFromCoordinates(blockIn((lon, lat) => [lon, lat], 121.25, 30.17)));
    expect(result.crs).toEqual({ kind: 'wgs84' });
    expect(result.confidence).toBe('certain');
    expect(result.source).toBe('coordinates');
    expect(result.warning).toBeUndefined();
  });

  it('reads the zone prefix 40 of a 3-degree easting, and says the datum is assumed', () => {
    const result = expectOk(detectCrsFromCoordinates(blockIn(makeInverseTransform(zone40), 121.25, 30.17)));
    expect(result.crs).toEqual(zone40);
    expect(result.confidence).toBe('assumed');
    expect(result.message.zh).toContain('前两位 40 是带号');
    expect(result.message.en).toContain('datum is assumed to be CGCS2000');
  });

  it('reads the zone prefix 21 of a 6-degree easting', () => {
    const result = expectOk(detectCrsFromCoordinates(blockIn(makeInverseTransform(zone21), 121.25, 30.17)));
    expect(result.crs).toMatchObject({ zoneWidth: 6, zone: 21, epsg: 4499 });
  });

  it('assumes Cixi’s zone 40 (120°E) for eastings without a prefix, and says so', () => {
    const result = expectOk(detectCrsFromCoordinates(blockIn(makeInverseTransform(cm120), 121.25, 30.17)));
    expect(result.crs).toEqual(cm120);
    expect(result.confidence).toBe('assumed');
    expect(result.message.zh).toContain('假定为慈溪所在的 3 度带第 40 带（中央经线 120°E）');
    expect(result.message.en).toContain('choose the coordinate system by hand');
  });

  it('reads Web Mercator at Cixi (x ≈ 1.35e7, which no Gauss-Krüger zone fits)', () => {
    const result = expectOk(detectCrsFromCoordinates(blockIn(toWebMercator, 121.25, 30.17)));
    expect(result.crs).toEqual({ kind: 'web-mercator' });
    expect(result.confidence).toBe('assumed');
  });

  it('prefers Web Mercator over "6-degree zone 13" when that lands nearer Cixi, and names the rejected reading', () => {
    // At 120.4°E the Web Mercator x is 13,402,867 m: also a zone-13 easting (402,867 m) in Xinjiang/Tibet.
    const positions = blockIn(toWebMercator, 120.4, 30);
    expect(Math.floor((positions[0]?.[0] ?? 0) / 1e6)).toBe(13);
    const result = expectOk(detectCrsFromCoordinates(positions));
    expect(result.crs).toEqual({ kind: 'web-mercator' });
    expect(result.message.zh).toContain('也可解释为 CGCS2000 6度带高斯-克吕格投影 第13带');
    expect(result.message.en).toContain('the reading nearest Cixi was taken');
  });

  it('reads true zone-13 data in Xinjiang as Web Mercator near Cixi: only a .prj can tell (documented bias)', () => {
    // Kashgar 75.99°E 39.47°N in zone 13 → x ≈ 13.58e6, y ≈ 4.37e6: as Web Mercator that is the Yellow Sea.
    const result = expectOk(detectCrsFromCoordinates(blockIn(makeInverseTransform(zone13), 75.99, 39.47)));
    expect(result.crs).toEqual({ kind: 'web-mercator' });
    expect(result.message.en).toContain('Gauss-Krüger zone 13');
  });

  it('gives the same answer for a box as for the positions, and consumes a generator once', () => {
    const positions = blockIn(makeInverseTransform(zone40), 121.25, 30.17);
    const box = coordinateBox(positions);
    if (!box) throw new Error('box');
    expect(detectCrsFromCoordinates(box)).toEqual(detectCrsFromCoordinates(positions));
    function* generate() {
      yield* positions;
    }
    expect(expectOk(detectCrsFromCoordinates(generate())).crs).toEqual(zone40);
  });

  it('ignores non-finite vertices', () => {
    const positions = [
      ...blockIn((lon, lat) => [lon, lat], 121.25, 30.17),
      [Number.NaN, 5e6],
      [Number.POSITIVE_INFINITY, 0],
    ];
    expect(expectOk(detectCrsFromCoordinates(positions)).crs).toEqual({ kind: 'wgs84' });
  });

  it('falls back to a default when there are no coordinates', () => {
    const result = expectOk(detectCrsFromCoordinates([]));
    expect(result.source).toBe('default');
    expect(result.confidence).toBe('assumed');
  });

  it('fails on impossible values, naming them and what to do', () => {
    const result = detectCrsFromCoordinates([
      [1, 1e9],
      [2, 1.1e9],
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'out-of-range' });
    expect(result.message.zh).toContain('x 1…2, y 1000000000…1100000000');
    expect(result.message.zh).toContain('EPSG:4490');
    // Eastings with two different zone prefixes are not one Gauss-Krüger layer.
    expect(
      detectCrsFromCoordinates([
        [39.9e6, 3.3e6],
        [40.1e6, 3.4e6],
      ]),
    ).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  it('recognises latitude/longitude written the wrong way round', () => {
    const result = detectCrsFromCoordinates([
      [30.17, 121.25],
      [30.18, 121.26],
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'axis-swapped' });
    expect(result.message.en).toContain('121.255°E, 30.175°N');
  });

  it('recognises surveyors’ X (northing) first, with and without the zone prefix', () => {
    for (const crs of [zone40, cm120]) {
      const swapped = blockIn(makeInverseTransform(crs), 121.25, 30.17).map(([x, y]) => [y ?? 0, x ?? 0]);
      const result = detectCrsFromCoordinates(swapped);
      expect(result).toMatchObject({ ok: false, reason: 'axis-swapped' });
      expect(result.message.zh).toContain('交换两列');
    }
  });

  it('warns when the data lies far from Cixi or outside China', () => {
    const beijing = expectOk(detectCrsFromCoordinates(blockIn((lon, lat) => [lon, lat], 116.4, 39.9)));
    expect(beijing.warning?.zh).toMatch(/距慈溪约 1\d{3} 公里，请核对坐标系/);
    const paris = expectOk(detectCrsFromCoordinates(blockIn((lon, lat) => [lon, lat], 2.35, 48.85)));
    expect(paris.warning?.zh).toContain('不在中国境内');
    expect(paris.message.zh).toContain(paris.warning?.zh ?? 'missing');
  });
});
