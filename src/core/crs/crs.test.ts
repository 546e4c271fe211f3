import { describe, expect, it } from 'vitest';
import { describeCrs, gaussKrugerCrs, hasZonePrefix, readEpsg } from './crs.ts';

describe('readEpsg', () => {
  // Anchors checked against the EPSG registry (epsg.io): 4528 zone 40, 4549 CM 120E, 4491 zone 13,
  // 4504 CM 87E, 4522 zone 34 (CM 102E), 4543 CM 102E, 4530 zone 42 (CM 126E), 4551 CM 126E.
  it.each([
    [4513, 3, 25, 75, 25500000],
    [4522, 3, 34, 102, 34500000],
    [4528, 3, 40, 120, 40500000],
    [4530, 3, 42, 126, 42500000],
    [4533, 3, 45, 135, 45500000],
    [4534, 3, 25, 75, 500000],
    [4543, 3, 34, 102, 500000],
    [4549, 3, 40, 120, 500000],
    [4551, 3, 42, 126, 500000],
    [4554, 3, 45, 135, 500000],
    [4491, 6, 13, 75, 13500000],
    [4498, 6, 20, 117, 20500000],
    [4501, 6, 23, 135, 23500000],
    [4502, 6, 13, 75, 500000],
    [4504, 6, 15, 87, 500000],
    [4512, 6, 23, 135, 500000],
  ])('EPSG:%i → %i-degree zone %i, CM %i°E, false easting %i', (code, zoneWidth, zone, cm, fe) => {
    expect(readEpsg(code)).toEqual({
      status: 'supported',
      crs: { kind: 'gauss-kruger', zoneWidth, zone, centralMeridian: cm, falseEasting: fe, epsg: code },
    });
  });

  it('reads the geographic and Web Mercator codes', () => {
    expect(readEpsg(4326)).toEqual({ status: 'supported', crs: { kind: 'wgs84' } });
    expect(readEpsg(4490)).toEqual({ status: 'supported', crs: { kind: 'cgcs2000-geographic' } });
    for (const code of [3857, 900913, 102100]) {
      expect(readEpsg(code)).toEqual({ status: 'supported', crs: { kind: 'web-mercator' } });
    }
  });

  it('names the old Chinese datums it does not support', () => {
    const xian = readEpsg(2364);
    expect(xian).toMatchObject({ status: 'unsupported', name: 'EPSG:2364 (Xian 1980)' });
    expect(xian.status === 'unsupported' && xian.message.zh).toContain(
      '不支持的坐标系 EPSG:2364 (Xian 1980)',
    );
    expect(readEpsg(2401)).toMatchObject({ status: 'unsupported', name: 'EPSG:2401 (Beijing 1954)' });
    expect(readEpsg(32651)).toMatchObject({ status: 'unsupported', name: 'EPSG:32651' });
    expect(readEpsg(4555)).toMatchObject({ status: 'unsupported', name: 'EPSG:4555 (New Beijing)' });
  });
});

describe('gaussKrugerCrs', () => {
  it('gives every code 4491–4554 back from its own parameters', () => {
    for (let code = 4491; code <= 4554; code++) {
      const reading = readEpsg(code);
      if (reading.status !== 'supported' || reading.crs.kind !== 'gauss-kruger') throw new Error(`${code}`);
      const { zoneWidth, centralMeridian } = reading.crs;
      expect(gaussKrugerCrs(zoneWidth, centralMeridian, hasZonePrefix(reading.crs))?.epsg).toBe(code);
    }
  });

  it('refuses meridians that are not China’s zones', () => {
    expect(gaussKrugerCrs(3, 121.5, false)).toBeNull();
    expect(gaussKrugerCrs(3, 72, true)).toBeNull();
    expect(gaussKrugerCrs(6, 120, false)).toBeNull();
    expect(gaussKrugerCrs(6, 141, true)).toBeNull();
  });
});

describe('describeCrs', () => {
  it('names zone, meridian and prefix in both languages', () => {
    const zone40 = gaussKrugerCrs(3, 120, true);
    if (!zone40) throw new Error('zone 40');
    expect(describeCrs(zone40)).toEqual({
      zh: 'CGCS2000 3度带高斯-克吕格投影 第40带（中央经线 120°E，坐标含带号，EPSG:4528）',
      en: 'CGCS2000 3-degree Gauss-Krüger zone 40 (central meridian 120°E, easting with zone prefix, EPSG:4528)',
    });
    const cm123 = gaussKrugerCrs(6, 123, false);
    if (!cm123) throw new Error('CM 123');
    expect(describeCrs(cm123).zh).toBe(
      'CGCS2000 6度带高斯-克吕格投影 第21带（中央经线 123°E，坐标不含带号，EPSG:4510）',
    );
    expect(describeCrs({ kind: 'cgcs2000-geographic' }).en).toContain('within 1 m of WGS 84');
  });
});
