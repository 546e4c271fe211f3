import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CIXI_BOX, checkPlacement, kmFromCixi, landedBox, proposeCrs } from './check-placement.ts';
import { parseCrsCode } from './crs-codes.ts';
import { detectCrs, userCrsDetection } from './detect-crs.ts';
import type { CoordinateBox } from './detect-crs-from-coordinates.ts';
import { makeInverseTransform } from './make-transform.ts';

/** The CRS of a code the test knows to be good. */
function crsOf(code: string) {
  const crs = parseCrsCode(code);
  if (!crs) throw new Error(`unknown code ${code}`);
  return crs;
}

/** A 200 m square of plots around a point of Cixi (观海卫, 121.25°E 30.17°N), in `code`'s coordinates. */
function boxIn(code: string, [lon, lat] = [121.25, 30.17]): CoordinateBox {
  const crs = crsOf(code);
  const [x1, y1] = makeInverseTransform(crs)(lon, lat);
  const [x2, y2] = makeInverseTransform(crs)(lon + 0.002, lat + 0.002);
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

const ZONE_40 = boxIn('EPSG:4528');
/** The same plots with the zone prefix written 41: the finding of issue 12. */
const PREFIX_41: CoordinateBox = [ZONE_40[0] + 1e6, ZONE_40[1], ZONE_40[2] + 1e6, ZONE_40[3]];

describe('checkPlacement', () => {
  it('lets a layer that lands on Cixi through, whatever the CRS came from', () => {
    expect(checkPlacement('a.geojson', detectCrs({ positions: ZONE_40 }), ZONE_40)).toBeNull();
    expect(
      checkPlacement('a.geojson', detectCrs({ positions: boxIn('EPSG:4326') }), boxIn('EPSG:4326')),
    ).toBeNull();
    const gk120 = boxIn('EPSG:4549');
    expect(checkPlacement('a.geojson', userCrsDetection(crsOf('EPSG:4549')), gk120)).toBeNull();
  });

  it('stops zone prefix 41 on 120°E data (290 km east, in the sea) and proposes prefix 40', () => {
    const detection = detectCrs({ positions: PREFIX_41 });
    expect(detection).toMatchObject({ ok: true, crs: { zone: 41 }, confidence: 'assumed' });
    const stop = checkPlacement('地块.geojson', detection, PREFIX_41);
    expect(stop?.problem).toMatchObject({ code: 'crs', severity: 'error', featureIndex: -1 });
    expect(stop?.problem.message.zh).toMatch(/^文件 地块\.geojson：无法确定坐标系。/);
    expect(stop?.problem.message.zh).toMatch(/距慈溪约 2[89]\d 公里/);
    expect(stop?.proposals.map((p) => p.code)).toEqual(['GK:120:41']);
    expect(stop?.proposals[0]?.reason.zh).toBe('坐标带号可能应为 40（中央经线 120°E）：东坐标前写的是 41');
    expect(stop?.proposals[0]?.reason.en).toContain(
      'zone prefix should probably be 40 (central meridian 120°E)',
    );
    expect(stop?.problem.message.zh).toContain('--crs GK:120:41');
    // The proposal, taken, puts the plots back where they were.
    const proposed = stop?.proposals[0]?.crs;
    const landed = proposed && landedBox(proposed, PREFIX_41);
    expect(landed?.west).toBeCloseTo(121.25, 4);
    expect(landed?.south).toBeCloseTo(30.17, 4);
  });

  it('stops a .prj that names the wrong zone, and says the .prj is probably wrong', () => {
    const prj = readFileSync(new URL('fixtures/esri-cgcs2000-gk-zone-21.prj', import.meta.url), 'utf8');
    const zone21 = boxIn('EPSG:4499');
    const rightPrj = detectCrs({ prj, positions: zone21 });
    expect(rightPrj).toMatchObject({ ok: true, source: 'prj', confidence: 'certain' });
    expect(checkPlacement('a.shp', rightPrj, zone21)).toBeNull();
    // 3° zone 40 data (prefix 40) under a .prj of 3° zone 41 (EPSG:4529): fits the numbers, lands 290 km east.
    const zone41Prj = 'PROJCS["CGCS2000_3_Degree_GK_Zone_41"]';
    const declared = detectCrs({ prj: zone41Prj, positions: PREFIX_41 });
    expect(declared).toMatchObject({ ok: true, source: 'prj', confidence: 'certain', crs: { zone: 41 } });
    const stop = checkPlacement('a.shp', declared, PREFIX_41);
    expect(stop?.problem.message.zh).toContain('.prj 文件中的坐标系很可能写错了');
    expect(stop?.problem.message.en).toContain('The coordinate system in the .prj file is probably wrong');
    expect(stop?.proposals[0]?.code).toBe('GK:120:41');
  });

  it('proposes swapping x and y for Gauss-Krüger northings written first', () => {
    const swapped: CoordinateBox = [ZONE_40[1], ZONE_40[0], ZONE_40[3], ZONE_40[2]];
    const detection = detectCrs({ positions: swapped });
    expect(detection).toMatchObject({ ok: false, reason: 'axis-swapped' });
    const stop = checkPlacement('a.geojson', detection, swapped);
    expect(stop?.proposals.map((p) => p.code)).toEqual(['EPSG:4528/yx']);
    expect(stop?.proposals[0]?.reason.zh).toMatch(/^x、y 可能颠倒了/);
    expect(stop?.proposals[0]?.crs).toMatchObject({ kind: 'gauss-kruger', zone: 40, swapXY: true });
  });

  it('proposes swapping latitude and longitude', () => {
    const lonLat = boxIn('EPSG:4326');
    const latLon: CoordinateBox = [lonLat[1], lonLat[0], lonLat[3], lonLat[2]];
    const stop = checkPlacement('a.geojson', detectCrs({ positions: latLon }), latLon);
    expect(stop?.proposals.map((p) => p.code)).toEqual(['EPSG:4326/yx']);
  });

  it('proposes 123°E for eastings without prefix that lie 290 km west under the assumed 120°E', () => {
    const cm123 = boxIn('EPSG:4550');
    const detection = detectCrs({ positions: cm123 });
    expect(detection).toMatchObject({ ok: true, crs: { centralMeridian: 120 } });
    const stop = checkPlacement('a.geojson', detection, cm123);
    expect(stop?.proposals.map((p) => p.code)).toEqual(['EPSG:4550']);
    expect(stop?.proposals[0]?.reason.zh).toBe(
      '中央经线可能应为 123°E（东坐标不含带号，数值看不出所在的带）',
    );
  });

  it('stops a layer chosen by hand in a CRS that puts it far away, and proposes the one that fits', () => {
    const stop = checkPlacement('a.geojson', userCrsDetection(crsOf('EPSG:4529')), ZONE_40);
    expect(stop?.problem.message.zh).toContain('由用户指定为');
    expect(stop?.proposals.map((p) => p.code)).toEqual(['EPSG:4528']);
  });

  it('stops a KML far from Cixi without a proposal, and says to ask the supplier', () => {
    const paris: CoordinateBox = [2.3, 48.8, 2.31, 48.81];
    const stop = checkPlacement('far.kml', userCrsDetection({ kind: 'wgs84' }), paris);
    expect(stop?.proposals).toEqual([]);
    expect(stop?.problem.message.en).toContain('ask the data supplier');
  });

  it('never stops GCJ-02 or datum-sized offsets, and proposes nothing for them', () => {
    const gcj = boxIn('GCJ02');
    expect(checkPlacement('a.geojson', detectCrs({ positions: gcj }), gcj)).toBeNull();
    expect(proposeCrs(boxIn('EPSG:4326'), { kind: 'gcj02' }).map((p) => p.code)).toEqual(['EPSG:4326']);
  });
});

describe('CIXI_BOX', () => {
  it('is the box of 慈溪市 in the bundled county outlines', () => {
    const counties = JSON.parse(
      readFileSync(new URL('../../../data/basemap/counties.geojson', import.meta.url), 'utf8'),
    ) as { features: { properties: { isCixi: boolean }; geometry: { coordinates: unknown } }[] };
    const cixi = counties.features.find((f) => f.properties.isCixi);
    const flat =
      JSON.stringify(cixi?.geometry.coordinates)
        .match(/-?[\d.]+/g)
        ?.map(Number) ?? [];
    const lons = flat.filter((_, i) => i % 2 === 0);
    const lats = flat.filter((_, i) => i % 2 === 1);
    expect(Math.min(...lons)).toBeCloseTo(CIXI_BOX.west, 3);
    expect(Math.max(...lons)).toBeCloseTo(CIXI_BOX.east, 3);
    expect(Math.min(...lats)).toBeCloseTo(CIXI_BOX.south, 3);
    expect(Math.max(...lats)).toBeCloseTo(CIXI_BOX.north, 3);
  });

  it('measures distances from the box edge', () => {
    expect(kmFromCixi({ west: 121.2, south: 30.1, east: 121.3, north: 30.2 })).toBe(0);
    expect(kmFromCixi({ west: 122.629, south: 30.2, east: 122.7, north: 30.3 })).toBeCloseTo(96.1, 0);
  });
});
