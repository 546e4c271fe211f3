import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Position } from '../types.ts';
import { type CrsDetectionResult, gaussKrugerCrs } from './crs.ts';
import { detectCrs, userCrsDetection } from './detect-crs.ts';
import { makeInverseTransform } from './make-transform.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function blockIn(
  toCrs: (lon: number, lat: number) => [number, number],
  lon: number,
  lat: number,
): Position[] {
  return [toCrs(lon - 0.01, lat - 0.01), toCrs(lon + 0.01, lat + 0.01)];
}

const zone40 = gaussKrugerCrs(3, 120, true);
const cm120 = gaussKrugerCrs(3, 120, false);
const zone13 = gaussKrugerCrs(6, 75, true);
if (!zone40 || !cm120 || !zone13) throw new Error('zones');
const lonLatCixi = blockIn((lon, lat) => [lon, lat], 121.25, 30.17);
const zone40Cixi = blockIn(makeInverseTransform(zone40), 121.25, 30.17);
const cm120Cixi = blockIn(makeInverseTransform(cm120), 121.25, 30.17);
const member4326 = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } };
const member4528 = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } };

function expectOk(result: CrsDetectionResult) {
  if (!result.ok) throw new Error(`expected a detection, got: ${result.message.en}`);
  return result;
}

describe('detectCrs', () => {
  it('takes the .prj first, certain, and says so', () => {
    const result = expectOk(
      detectCrs({
        prj: fixture('esri-cgcs2000-3-degree-gk-zone-40.prj'),
        crsMember: member4326,
        positions: zone40Cixi,
      }),
    );
    expect(result).toMatchObject({ crs: zone40, source: 'prj', confidence: 'certain' });
    expect(result.message.zh).toBe(
      '根据 .prj 文件识别为 CGCS2000 3度带高斯-克吕格投影 第40带（中央经线 120°E，坐标含带号，EPSG:4528）。',
    );
    expect(result.message.en).toContain('from the .prj');
    expect(result.warning).toBeUndefined();
  });

  it('takes the crs member when there is no .prj', () => {
    const result = expectOk(detectCrs({ crsMember: member4528, positions: zone40Cixi }));
    expect(result).toMatchObject({ crs: zone40, source: 'crs-member', confidence: 'certain' });
  });

  it('skips an unreadable .prj with a note and goes on to the crs member, then the coordinates', () => {
    const prj = fixture('broken-truncated.prj');
    const withMember = expectOk(detectCrs({ prj, crsMember: member4528, positions: zone40Cixi }));
    expect(withMember.source).toBe('crs-member');
    expect(withMember.message.zh).toMatch(/^\.prj 文件无法解析.*已忽略。根据 GeoJSON 的 crs 成员识别为/);
    const withoutMember = expectOk(detectCrs({ prj, positions: cm120Cixi }));
    expect(withoutMember).toMatchObject({ crs: cm120, source: 'coordinates', confidence: 'assumed' });
    expect(withoutMember.message.en).toContain('cannot be read');
  });

  it('lets the coordinates win over a geographic .prj when the values are in the millions', () => {
    const result = expectOk(detectCrs({ prj: fixture('esri-gcs-wgs-1984.prj'), positions: zone40Cixi }));
    expect(result).toMatchObject({ crs: zone40, source: 'coordinates', confidence: 'assumed' });
    expect(result.warning?.zh).toContain('.prj 文件声明的坐标系为 WGS84 经纬度（EPSG:4326），但坐标数值');
    expect(result.message.zh).toContain(result.warning?.zh ?? 'missing');
  });

  it('lets the coordinates win over a prefixed Gauss-Krüger .prj when the eastings have no prefix', () => {
    const result = expectOk(
      detectCrs({ prj: fixture('ogc-cgcs2000-3-degree-gk-zone-40.prj'), positions: cm120Cixi }),
    );
    expect(result).toMatchObject({ crs: cm120, source: 'coordinates' });
    expect(result.warning?.en).toContain('do not fit it');
  });

  it('lets degree values win over a Web Mercator crs member', () => {
    const member = { type: 'name', properties: { name: 'EPSG:3857' } };
    const result = expectOk(detectCrs({ crsMember: member, positions: lonLatCixi }));
    expect(result).toMatchObject({ crs: { kind: 'wgs84' }, source: 'coordinates' });
    expect(result.warning?.zh).toContain('GeoJSON 的 crs 成员声明的坐标系为 Web 墨卡托投影');
  });

  it('keeps a .prj that the magnitudes alone would have read otherwise (zone 13 in Xinjiang)', () => {
    const result = expectOk(
      detectCrs({
        prj: fixture('ogc-cgcs2000-gk-zone-13.prj'),
        positions: blockIn(makeInverseTransform(zone13), 75.99, 39.47),
      }),
    );
    expect(result).toMatchObject({ crs: zone13, source: 'prj', confidence: 'certain' });
    expect(result.warning?.zh).toContain('距慈溪约');
  });

  it('fails on an unsupported datum instead of guessing', () => {
    const result = detectCrs({
      prj: fixture('esri-xian-1980-3-degree-gk-zone-40.prj'),
      positions: zone40Cixi,
    });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported-crs', source: 'prj' });
    expect(result.message.zh).toContain('不支持的坐标系 Xian_1980_3_Degree_GK_Zone_40');
    expect(result.message.zh).toContain('请在 GIS 软件中转换为 CGCS2000');
  });

  it('fails when a declaration is contradicted and the coordinates are impossible too', () => {
    const result = detectCrs({ prj: fixture('esri-gcs-cgcs2000.prj'), positions: [[5, 1e9]] });
    expect(result).toMatchObject({ ok: false, reason: 'out-of-range' });
    expect(result.message.en).toContain('declares CGCS2000 longitude/latitude');
  });

  it('trusts the .prj of an empty layer', () => {
    const result = expectOk(detectCrs({ prj: fixture('esri-gcs-cgcs2000.prj'), positions: [] }));
    expect(result).toMatchObject({ crs: { kind: 'cgcs2000-geographic' }, source: 'prj' });
  });

  it('never guesses GCJ-02; the user chooses it', () => {
    expect(expectOk(detectCrs({ positions: lonLatCixi })).crs).toEqual({ kind: 'wgs84' });
    expect(userCrsDetection({ kind: 'gcj02' })).toMatchObject({
      ok: true,
      crs: { kind: 'gcj02' },
      source: 'user',
      confidence: 'certain',
      message: { zh: '由用户指定为 GCJ-02 坐标（国内网络地图的偏移坐标）。' },
    });
  });
});
