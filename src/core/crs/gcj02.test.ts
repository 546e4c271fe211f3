import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';

describe('gcj02', () => {
  it('offsets a point in Cixi by a few hundred metres, as GCJ-02 does', () => {
    const [lon, lat] = wgs84ToGcj02(121.25, 30.17);
    // The GCJ-02 offset near Ningbo is about +0.0045° in longitude and -0.0024° in latitude.
    expect(lon - 121.25).toBeGreaterThan(0.003);
    expect(lon - 121.25).toBeLessThan(0.006);
    expect(lat - 30.17).toBeLessThan(-0.001);
    expect(lat - 30.17).toBeGreaterThan(-0.004);
  });

  it('inverts the forward transform to 1e-8 degrees', () => {
    for (const [lon, lat] of [
      [121.25, 30.17],
      [121.5, 30.3],
      [116.4, 39.9],
    ] as const) {
      const [gLon, gLat] = wgs84ToGcj02(lon, lat);
      const [wLon, wLat] = gcj02ToWgs84(gLon, gLat);
      expect(Math.abs(wLon - lon)).toBeLessThan(1e-8);
      expect(Math.abs(wLat - lat)).toBeLessThan(1e-8);
    }
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
