import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrj, readCrsName, readPrj } from './parse-prj.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Replaces one PARAMETER value in a WKT text. */
const withParameter = (wkt: string, name: string, value: string) =>
  wkt.replace(new RegExp(`PARAMETER\\["${name}",[^\\]]*\\]`), `PARAMETER["${name}",${value}]`);

describe('parsePrj: CGCS2000 Gauss-Krüger', () => {
  it.each([
    ['esri-cgcs2000-3-degree-gk-zone-40.prj', 3, 40, 120, 40500000, 4528],
    ['ogc-cgcs2000-3-degree-gk-zone-40.prj', 3, 40, 120, 40500000, 4528],
    ['wkt2-cgcs2000-3-degree-gk-zone-40.prj', 3, 40, 120, 40500000, 4528],
    ['esri-cgcs2000-3-degree-gk-cm-120e.prj', 3, 40, 120, 500000, 4549],
    ['ogc-cgcs2000-3-degree-gk-cm-120e.prj', 3, 40, 120, 500000, 4549],
    ['esri-cgcs2000-gk-zone-21.prj', 6, 21, 123, 21500000, 4499],
    ['esri-cgcs2000-gk-cm-123e.prj', 6, 21, 123, 500000, 4510],
    ['ogc-cgcs2000-gk-zone-13.prj', 6, 13, 75, 13500000, 4491],
    ['ogc-cgcs2000-gk-cm-135e.prj', 6, 23, 135, 500000, 4512],
  ])('%s → %i-degree zone %i, CM %i°E, false easting %i, EPSG:%i', (file, zoneWidth, zone, cm, fe, epsg) => {
    expect(parsePrj(fixture(file))).toEqual({
      kind: 'gauss-kruger',
      zoneWidth,
      zone,
      centralMeridian: cm,
      falseEasting: fe,
      epsg,
    });
  });

  it('takes the parameters over the name (a "zone 40" file with CM 117°E is zone 39)', () => {
    let wkt = fixture('esri-cgcs2000-3-degree-gk-zone-40.prj');
    wkt = withParameter(wkt, 'Central_Meridian', '117.0');
    wkt = withParameter(wkt, 'False_Easting', '39500000.0');
    expect(parsePrj(wkt)).toMatchObject({
      zone: 39,
      centralMeridian: 117,
      falseEasting: 39500000,
      epsg: 4527,
    });
  });

  it('reads the zone prefix from the false easting (zone × 1e6 + 500 000) even when the name has none', () => {
    const wkt = withParameter(
      fixture('esri-cgcs2000-3-degree-gk-cm-120e.prj'),
      'False_Easting',
      '40500000.0',
    );
    expect(parsePrj(wkt)).toMatchObject({ zone: 40, falseEasting: 40500000, epsg: 4528 });
  });

  it('reads a 117°E meridian without a zone width in the name as 3-degree (it is on both grids)', () => {
    const wkt = fixture('ogc-cgcs2000-3-degree-gk-cm-120e.prj')
      .replace('CGCS2000 / 3-degree Gauss-Kruger CM 120E', 'Local CGCS2000 TM')
      .replace('PARAMETER["central_meridian",120]', 'PARAMETER["central_meridian",117]');
    expect(parsePrj(wkt)).toMatchObject({ zoneWidth: 3, zone: 39, epsg: 4548 });
  });

  it('falls back to the name when a PROJCS has no parameters', () => {
    expect(parsePrj('PROJCS["CGCS2000_3_Degree_GK_Zone_40"]')).toMatchObject({
      zone: 40,
      falseEasting: 40500000,
    });
    expect(parsePrj('PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 123E"]')).toMatchObject({
      zoneWidth: 3,
      zone: 41,
      falseEasting: 500000,
    });
    expect(parsePrj('PROJCS["CGCS2000 / Gauss-Kruger zone 13"]')).toMatchObject({
      zoneWidth: 6,
      centralMeridian: 75,
      epsg: 4491,
    });
  });

  it('accepts a byte-order mark and surrounding whitespace', () => {
    expect(parsePrj(`\uFEFF  ${fixture('esri-cgcs2000-3-degree-gk-zone-40.prj')}\r\n`)).toMatchObject({
      epsg: 4528,
    });
  });
});

describe('parsePrj: geographic and Web Mercator', () => {
  it.each([
    ['esri-gcs-cgcs2000.prj', 'cgcs2000-geographic'],
    ['ogc-cgcs2000.prj', 'cgcs2000-geographic'],
    ['esri-gcs-wgs-1984.prj', 'wgs84'],
    ['ogc-wgs-84.prj', 'wgs84'],
    ['esri-wgs-1984-web-mercator-auxiliary-sphere.prj', 'web-mercator'],
    ['ogc-wgs-84-pseudo-mercator.prj', 'web-mercator'],
  ])('%s → %s', (file, kind) => {
    expect(parsePrj(fixture(file))).toEqual({ kind });
  });
});

describe('readPrj: unsupported and unreadable', () => {
  it.each([
    ['esri-xian-1980-3-degree-gk-zone-40.prj', 'Xian_1980_3_Degree_GK_Zone_40', 'Xian 1980'],
    [
      'ogc-beijing-1954-3-degree-gk-cm-120e.prj',
      'Beijing 1954 / 3-degree Gauss-Kruger CM 120E',
      'Beijing 1954',
    ],
    ['esri-wgs-1984-utm-zone-51n.prj', 'WGS_1984_UTM_Zone_51N', 'WGS 84'],
  ])('%s is unsupported, named, with the way out', (file, name, datum) => {
    const reading = readPrj(fixture(file));
    expect(reading.status).toBe('unsupported');
    if (reading.status !== 'unsupported') return;
    expect(reading.name).toBe(name);
    expect(reading.message.zh).toContain(`不支持的坐标系 ${name}`);
    expect(reading.message.zh).toContain('请在 GIS 软件中转换为 CGCS2000');
    expect(reading.message.en).toContain(datum);
    expect(parsePrj(fixture(file))).toBeNull();
  });

  it('rejects what is not a national zone: a 121.5°E meridian, a false northing, a scale factor, feet', () => {
    const zone40 = fixture('esri-cgcs2000-3-degree-gk-cm-120e.prj');
    const variants = [
      withParameter(zone40, 'Central_Meridian', '121.5'),
      withParameter(zone40, 'False_Northing', '-3000000.0'),
      withParameter(zone40, 'Scale_Factor', '0.9996'),
      zone40.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]'),
      // The false easting says zone 39, the meridian says zone 40.
      withParameter(zone40, 'False_Easting', '39500000.0'),
    ];
    for (const wkt of variants) {
      const reading = readPrj(wkt);
      expect(reading.status).toBe('unsupported');
      expect(reading.status === 'unsupported' && reading.message.en).toContain(
        'CGCS2000_3_Degree_GK_CM_120E',
      );
    }
  });

  it('says a truncated, empty or non-WKT .prj is unreadable, quoting its start', () => {
    const truncated = readPrj(fixture('broken-truncated.prj'));
    expect(truncated.status).toBe('unreadable');
    expect(truncated.status === 'unreadable' && truncated.message.en).toContain(
      'PROJCS["CGCS2000_3_Degree_GK_Zone_40"',
    );
    expect(readPrj('').status).toBe('unreadable');
    expect(readPrj('EPSG:4528').status).toBe('unreadable');
    expect(readPrj('PROJCS["x",1]]').status).toBe('unreadable');
    expect(parsePrj('hello')).toBeNull();
  });
});

describe('readCrsName', () => {
  it('reads bare names of the supported systems', () => {
    expect(readCrsName('CGCS2000_3_Degree_GK_CM_120E')).toMatchObject({
      status: 'supported',
      crs: { epsg: 4549 },
    });
    expect(readCrsName('WGS 84 / Pseudo-Mercator')).toEqual({
      status: 'supported',
      crs: { kind: 'web-mercator' },
    });
    expect(readCrsName('China Geodetic Coordinate System 2000')).toEqual({
      status: 'supported',
      crs: { kind: 'cgcs2000-geographic' },
    });
    expect(readCrsName('Xian 1980').status).toBe('unsupported');
  });
});
