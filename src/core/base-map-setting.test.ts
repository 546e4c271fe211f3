import { describe, expect, it } from 'vitest';
import { baseMapCsp, looksLikeGcj02, parseTileTemplate, readBaseMapSetting } from './base-map-setting.ts';

describe('parseTileTemplate', () => {
  it('reads an XYZ template and names its one origin', () => {
    expect(parseTileTemplate(' http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png ')).toEqual({
      ok: true,
      template: 'http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png',
      origin: 'http://10.1.2.3:8080',
    });
  });

  it('writes WMTS key-value names (an intranet 天地图) as {z}/{x}/{y}', () => {
    const parsed = parseTileTemplate(
      'http://gis.cixi.local/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
    );
    expect(parsed).toMatchObject({ ok: true, origin: 'http://gis.cixi.local' });
    expect(parsed.ok && parsed.template).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
  });

  it('refuses a subdomain list, another scheme, credentials and a missing index, saying what to do', () => {
    const message = (text: string) => {
      const parsed = parseTileTemplate(text);
      return parsed.ok ? '' : parsed.message.en;
    };
    expect(message('http://{s}.tiles.local/{z}/{x}/{y}.png')).toContain('{s}');
    expect(message('file:///c:/tiles/{z}/{x}/{y}.png')).toContain('http://');
    expect(message('ftp://tiles.local/{z}/{x}/{y}.png')).toContain('ftp:');
    expect(message('http://user:pw@tiles.local/{z}/{x}/{y}.png')).toContain('password');
    expect(message('http://tiles.local/{z}/{x}.png')).toContain('{y}');
    expect(message('tiles.local/{z}/{x}/{y}.png')).toContain('http://');
  });
});

describe('looksLikeGcj02', () => {
  it('knows 高德 and 腾讯 hosts, not an intranet or 天地图 one', () => {
    expect(looksLikeGcj02('https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8')).toBe(true);
    expect(looksLikeGcj02('https://rt0.map.gtimg.com/tile?z={z}&x={x}&y={y}')).toBe(true);
    expect(looksLikeGcj02('http://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}')).toBe(false);
    expect(looksLikeGcj02('http://10.1.2.3/{z}/{x}/{y}.png')).toBe(false);
  });
});

describe('baseMapCsp', () => {
  it('admits no other origin without a base map, and exactly its origin with one', () => {
    expect(baseMapCsp(null)).toBe("connect-src 'self' data: blob:; img-src 'self' data: blob:");
    expect(baseMapCsp('http://10.1.2.3:8080')).toBe(
      "connect-src 'self' data: blob: http://10.1.2.3:8080; img-src 'self' data: blob: http://10.1.2.3:8080",
    );
  });
});

describe('readBaseMapSetting', () => {
  it('reads back what was stored and drops anything else', () => {
    expect(
      readBaseMapSetting({ kind: 'tiles', template: 'http://a.local/{z}/{x}/{y}', gcj02: true }),
    ).toEqual({
      kind: 'tiles',
      template: 'http://a.local/{z}/{x}/{y}',
      origin: 'http://a.local',
      gcj02: true,
    });
    expect(readBaseMapSetting({ kind: 'pmtiles', fileName: 'cixi.pmtiles' })).toEqual({
      kind: 'pmtiles',
      fileName: 'cixi.pmtiles',
      gcj02: false,
    });
    expect(readBaseMapSetting({ kind: 'tiles', template: 'http://{s}.a/{z}/{x}/{y}' })).toBeNull();
    expect(readBaseMapSetting('tiles')).toBeNull();
  });
});
