import { describe, expect, it } from 'vitest';
import {
  A4_WIDTH_300_DPI,
  formatDistance,
  metresPerPixel,
  niceScaleLength,
  printPixelRatio,
} from './map-png.ts';

describe('metresPerPixel', () => {
  it('is 2πR / 512 at the equator at zoom 0 and halves with each zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo((2 * Math.PI * 6_378_137) / 512, 6);
    expect(metresPerPixel(30.2, 11) * 2).toBeCloseTo(metresPerPixel(30.2, 10), 9);
  });

  it('shrinks with the cosine of the latitude (Cixi, 30.2° N)', () => {
    expect(metresPerPixel(30.2, 10) / metresPerPixel(0, 10)).toBeCloseTo(
      Math.cos((30.2 * Math.PI) / 180),
      12,
    );
  });
});

describe('niceScaleLength', () => {
  it('rounds down to 1, 2 or 5 × 10^k metres', () => {
    expect([0.7, 1, 1.9, 2, 4.99, 5, 9.9, 10, 180, 3456, 73_000].map(niceScaleLength)).toEqual([
      0.5, 1, 1, 2, 2, 5, 5, 10, 100, 2000, 50_000,
    ]);
    expect(niceScaleLength(0)).toBe(0);
    expect(niceScaleLength(Number.NaN)).toBe(0);
  });

  it('labels metres and kilometres', () => {
    expect([500, 1000, 2000, 50_000].map(formatDistance)).toEqual(['500 m', '1 km', '2 km', '50 km']);
  });
});

describe('printPixelRatio', () => {
  it('reaches A4 width at 300 dpi, never below 2×, within a 4096-pixel canvas', () => {
    expect(printPixelRatio(1000, 700) * 1000).toBeCloseTo(A4_WIDTH_300_DPI, 6);
    expect(printPixelRatio(1600, 900)).toBe(2);
    expect(printPixelRatio(2400, 1000)).toBeCloseTo(4096 / 2400, 12);
    expect(printPixelRatio(500, 2000)).toBeCloseTo(4096 / 2000, 12);
  });
});
