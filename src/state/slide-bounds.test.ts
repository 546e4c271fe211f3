import { describe, expect, it } from 'vitest';
import type { Slide } from '../core/plan/slides.ts';
import { boundsAround, REFERENCE_MAP_SIZE, slideBounds } from './slide-bounds.ts';

/** Web Mercator y of a latitude in world units (0 at the top, 1 at the bottom), written out again as a check. */
function worldY(lat: number): number {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

describe('boundsAround', () => {
  it('spans the map’s size in pixels at the zoom, centred on the centre', () => {
    const size = { width: 1480, height: 1024 };
    const [west, south, east, north] = boundsAround([121.3, 30.2], 11, size);
    const world = 512 * 2 ** 11;
    expect(((east - west) / 360) * world).toBeCloseTo(1480, 6);
    expect((worldY(south) - worldY(north)) * world).toBeCloseTo(1024, 6);
    expect((west + east) / 2).toBeCloseTo(121.3, 9);
    // In Mercator the centre is half way between north and south, in degrees it is not.
    expect((worldY(south) + worldY(north)) / 2).toBeCloseTo(worldY(30.2), 12);
    expect((south + north) / 2).not.toBeCloseTo(30.2, 6);
  });

  it('halves with each zoom level and keeps to the globe at zoom 0', () => {
    const near = boundsAround([121.3, 30.2], 12, REFERENCE_MAP_SIZE);
    const far = boundsAround([121.3, 30.2], 11, REFERENCE_MAP_SIZE);
    expect((far[2] - far[0]) / (near[2] - near[0])).toBeCloseTo(2, 9);
    const globe = boundsAround([0, 0], 0, { width: 2048, height: 2048 });
    expect(globe[0]).toBe(-180);
    expect(globe[2]).toBe(180);
    expect(globe[3]).toBeCloseTo(85.0511, 3);
  });
});

describe('slideBounds', () => {
  const slide: Pick<Slide, 'camera'> = Object.freeze({
    camera: Object.freeze({ center: [121.3, 30.2] as [number, number], zoom: 10.4, bearing: 0, pitch: 0 }),
  });

  it('is the recorded extent when the slide has one', () => {
    const recorded: Pick<Slide, 'camera'> = {
      camera: { ...slide.camera, bounds: [121.0, 30.0, 121.6, 30.4] },
    };
    expect(slideBounds(recorded)).toEqual([121.0, 30.0, 121.6, 30.4]);
  });

  it('is the extent around the centre on the reference map for a slide recorded before extents were kept', () => {
    expect(slideBounds(slide)).toEqual(boundsAround([121.3, 30.2], 10.4, REFERENCE_MAP_SIZE));
    const [west, , east] = slideBounds(slide);
    expect(((east - west) / 360) * 512 * 2 ** 10.4).toBeCloseTo(REFERENCE_MAP_SIZE.width, 6);
  });
});
