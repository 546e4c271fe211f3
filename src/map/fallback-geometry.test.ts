import { describe, expect, it } from 'vitest';
import { squareRing } from '../../test/fixtures/square-plot.ts';
import type { FeatureCollection } from '../core/types.ts';
import {
  boxOfShapes,
  fitCamera,
  lngLatOf,
  mercatorX,
  mercatorY,
  metresPerPixelAt,
  projectShapes,
  shapeAt,
  toScreen,
  toWorld,
  zoomOf,
} from './fallback-geometry.ts';

/** A square of `sideDeg` degrees with its south-west corner at (west, south), with an optional hole. */
function square(west: number, south: number, sideDeg: number, hole = false) {
  const shell = squareRing(west, south, sideDeg);
  return {
    type: 'Polygon' as const,
    coordinates: hole ? [shell, squareRing(west + sideDeg / 4, south + sideDeg / 4, sideDeg / 2)] : [shell],
  };
}

const plots: FeatureCollection = Object.freeze({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: {}, geometry: square(121.0, 30.0, 0.01, true) },
    // Overlaps the first one's north-east corner; drawn after it, so on top.
    { type: 'Feature', properties: {}, geometry: square(121.008, 30.008, 0.01) },
    // Far away and tiny: a dot on screen.
    { type: 'Feature', properties: {}, geometry: square(121.1, 30.1, 0.0001) },
    { type: 'Feature', properties: {}, geometry: null },
  ],
}) as FeatureCollection;

const at = (longitude: number, latitude: number) => [mercatorX(longitude), mercatorY(latitude)] as const;

describe('the flat map geometry', () => {
  it('projects to Web Mercator and back', () => {
    const [x, y] = at(121.25, 30.2);
    expect(x).toBeCloseTo(13_497_488.26, 1);
    const [longitude, latitude] = lngLatOf(x, y);
    expect(longitude).toBeCloseTo(121.25, 10);
    expect(latitude).toBeCloseTo(30.2, 10);
  });

  it("uses MapLibre's zoom: the world is 512 · 2^zoom pixels wide", () => {
    expect(metresPerPixelAt(0) * 512).toBeCloseTo(2 * Math.PI * 6_378_137, 3);
    expect(zoomOf(metresPerPixelAt(12.5))).toBeCloseTo(12.5, 12);
  });

  it('keeps every feature in order, with a box, and none for a feature without area', () => {
    const shapes = projectShapes(plots);
    expect(shapes.rings.map((rings) => rings.length)).toEqual([2, 1, 1, 0]);
    expect(shapes.boxes[0]).toBeCloseTo(mercatorX(121.0), 6);
    expect(shapes.boxes[3]).toBeCloseTo(mercatorY(30.01), 6);
    expect(Number.isNaN(shapes.boxes[12])).toBe(true);
    expect(boxOfShapes(shapes, (index) => index === 1)?.[2]).toBeCloseTo(mercatorX(121.018), 6);
    expect(boxOfShapes(shapes, () => false)).toBeNull();
  });

  it('skips positions that are not two finite numbers', () => {
    const broken = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121, 30],
                [Number.NaN, 30],
                [121.01, 30],
                [121.01, 30.01],
                [121, 30],
              ],
            ],
          },
        },
      ],
    } as FeatureCollection;
    expect(projectShapes(broken).rings[0]?.[0]).toHaveLength(8);
  });

  it('finds the plot drawn at a point: the top one, none in a hole, a dot within reach', () => {
    const shapes = projectShapes(plots);
    expect(shapeAt(shapes, ...at(121.001, 30.001), 0)).toBe(0);
    expect(shapeAt(shapes, ...at(121.005, 30.005), 0)).toBeNull();
    expect(shapeAt(shapes, ...at(121.009, 30.009), 0)).toBe(1);
    expect(shapeAt(shapes, ...at(121.009, 30.009), 0, (index) => index !== 1)).toBe(0);
    // 6 pixels at zoom 11 (about 230 Mercator metres) reach the dot 120 m away; 6 at zoom 12 (115 m) do not.
    const [x, y] = at(121.10005, 30.101);
    expect(shapeAt(shapes, x, y, 6 * metresPerPixelAt(11))).toBe(2);
    expect(shapeAt(shapes, x, y, 6 * metresPerPixelAt(12))).toBeNull();
    expect(shapeAt(shapes, ...at(120.5, 29.5), 1000)).toBeNull();
  });

  it('fits a box inside the padded view and maps screen and world both ways', () => {
    const box = [0, 0, 1000, 500] as const;
    const padding = { top: 10, right: 10, bottom: 10, left: 110 };
    const camera = fitCamera(box, 600, 520, padding);
    expect(camera.metresPerPixel).toBeCloseTo(1000 / 480, 12);
    const view = { ...camera, width: 600, height: 520 };
    // The box's west edge lands at the left padding, its east edge at the right one.
    expect(toScreen(view, 0, 250).x).toBeCloseTo(110, 9);
    expect(toScreen(view, 1000, 250).x).toBeCloseTo(590, 9);
    // North is up.
    expect(toScreen(view, 500, 500).y).toBeLessThan(toScreen(view, 500, 0).y);
    const world = toWorld(view, 123, 45);
    expect(toScreen(view, world.x, world.y).x).toBeCloseTo(123, 9);
    expect(toScreen(view, world.x, world.y).y).toBeCloseTo(45, 9);
    expect(fitCamera(box, 600, 520, padding, 5).metresPerPixel).toBe(5);
  });
});
