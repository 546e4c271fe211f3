import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/lib/prng.ts';
import { squarePlot } from '../../test/fixtures/square-plot.ts';
import type { PlotRasterPaint, Rgb } from '../core/plot-raster-paint.ts';
import { plotTileData, worldX, worldY } from './plot-map.ts';
import {
  ACTION_RING_PX,
  dotRadiusPx,
  paintDisc,
  paintPlotRaster,
  RASTER_TILE_SIZE,
  rasterBufferPx,
  worldToTilePx,
} from './plot-raster.ts';
import { PlotTileIndex } from './plot-tiles.ts';

const STATUS_COLORS: readonly Rgb[] = [
  [31, 158, 58],
  [31, 100, 214],
  [255, 138, 0],
  [227, 0, 27],
  [128, 128, 128],
];
const ACTION_COLORS: readonly Rgb[] = [
  [0, 0, 0],
  [0, 179, 179],
  [122, 60, 255],
  [17, 17, 17],
  [255, 61, 165],
];

function paintOf(overrides: Partial<PlotRasterPaint> = {}): PlotRasterPaint {
  return {
    actions: null,
    town: null,
    statusColors: STATUS_COLORS,
    actionColors: ACTION_COLORS,
    ...overrides,
  };
}

/** Three plots in one zoom-9 tile: a (control, town 1), b (outside, town 2) 2 km east, c unclassified. */
function makeData() {
  return plotTileData(
    {
      type: 'FeatureCollection',
      features: [squarePlot('a', 121.3, 30.2), squarePlot('b', 121.32, 30.2), squarePlot('c', 121.3, 30.22)],
    },
    [
      { status: 'control', town: '观海卫镇' },
      { status: 'outside', town: '周巷镇' },
      { status: null, town: '观海卫镇' },
    ],
  );
}

/** The tile of zoom z holding lon, lat. */
function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  return { z, x: Math.floor(worldX(lon) * 2 ** z), y: Math.floor(worldY(lat) * 2 ** z) };
}

/** The tile pixel (column, row) under lon, lat. */
function pixelOf(lon: number, lat: number, tile: { z: number; x: number; y: number }): [number, number] {
  return [
    Math.floor(worldToTilePx(worldX(lon), tile.z, tile.x, RASTER_TILE_SIZE)),
    Math.floor(worldToTilePx(worldY(lat), tile.z, tile.y, RASTER_TILE_SIZE)),
  ];
}

function rgbaAt(pixels: Uint8ClampedArray, [x, y]: [number, number], size = RASTER_TILE_SIZE): number[] {
  const at = (y * size + x) * 4;
  return [...pixels.slice(at, at + 4)];
}

const CENTRE = { a: [121.301, 30.201], b: [121.321, 30.201], c: [121.301, 30.221] } as const;

describe('paintPlotRaster', () => {
  const data = makeData();
  const tile = tileOf(121.31, 30.21, 9);
  const all = [0, 1, 2];

  it('paints each plot as an opaque disc of its status colour at its box centre, nothing elsewhere', () => {
    const pixels = paintPlotRaster(data, all, tile, paintOf()) as Uint8ClampedArray;
    expect(pixels).toHaveLength(RASTER_TILE_SIZE * RASTER_TILE_SIZE * 4);
    expect(rgbaAt(pixels, pixelOf(...CENTRE.a, tile))).toEqual([31, 158, 58, 255]);
    expect(rgbaAt(pixels, pixelOf(...CENTRE.b, tile))).toEqual([227, 0, 27, 255]);
    expect(rgbaAt(pixels, pixelOf(...CENTRE.c, tile))).toEqual([128, 128, 128, 255]);
    // Halfway between a and b (about 7 pixels from each at zoom 9): transparent.
    expect(rgbaAt(pixels, pixelOf(121.311, 30.201, tile))).toEqual([0, 0, 0, 0]);
    // The disc's area is about π r² pixels per plot (its edge is a one-pixel ramp).
    let covered = 0;
    for (let i = 3; i < pixels.length; i += 4) covered += (pixels[i] as number) / 255;
    const r = dotRadiusPx(9);
    expect(covered / 3).toBeGreaterThan(Math.PI * r * r * 0.8);
    expect(covered / 3).toBeLessThan(Math.PI * (r + 0.5) ** 2);
  });

  it('rings a plot with an action in the action colour, around its status colour', () => {
    const actions = new Uint8Array(3);
    actions[1] = 4;
    const pixels = paintPlotRaster(data, all, tile, paintOf({ actions })) as Uint8ClampedArray;
    const [x, y] = pixelOf(...CENTRE.b, tile);
    expect(rgbaAt(pixels, [x, y])).toEqual([227, 0, 27, 255]);
    // Pixels whose centre lies beyond the disc's edge ramp and well inside the ring: the relocate colour.
    const r = dotRadiusPx(9);
    const cx = worldToTilePx(worldX(CENTRE.b[0]), 9, tile.x, RASTER_TILE_SIZE);
    const cy = worldToTilePx(worldY(CENTRE.b[1]), 9, tile.y, RASTER_TILE_SIZE);
    let ringPixels = 0;
    for (let py = y - 5; py <= y + 5; py++) {
      for (let px = x - 5; px <= x + 5; px++) {
        const d = Math.hypot(px + 0.5 - cx, py + 0.5 - cy);
        if (d < r + 0.55 || d > r + ACTION_RING_PX - 0.55) continue;
        expect(rgbaAt(pixels, [px, py]), `${px},${py}`).toEqual([255, 61, 165, 255]);
        ringPixels++;
      }
    }
    expect(ringPixels).toBeGreaterThanOrEqual(8);
    // The kept plot a has no ring: beyond its disc's edge ramp nothing is painted.
    const ax = worldToTilePx(worldX(CENTRE.a[0]), 9, tile.x, RASTER_TILE_SIZE);
    const ay = worldToTilePx(worldY(CENTRE.a[1]), 9, tile.y, RASTER_TILE_SIZE);
    expect(rgbaAt(pixels, [Math.floor(ax + r + 1.2), Math.floor(ay)])[3]).toBe(0);
  });

  it('leaves out the plots of other towns when filtered, and paints nothing for an unknown town', () => {
    const pixels = paintPlotRaster(data, all, tile, paintOf({ town: '周巷镇' })) as Uint8ClampedArray;
    expect(rgbaAt(pixels, pixelOf(...CENTRE.a, tile))[3]).toBe(0);
    expect(rgbaAt(pixels, pixelOf(...CENTRE.b, tile))).toEqual([227, 0, 27, 255]);
    expect(paintPlotRaster(data, all, tile, paintOf({ town: '无此镇' }))).toBeNull();
  });

  it('paints @2x tiles (for screens of two pixels per CSS pixel) at twice the size, dots and all', () => {
    const paint = paintOf();
    const single = paintPlotRaster(data, all, tile, paint) as Uint8ClampedArray;
    const double = paintPlotRaster(data, all, tile, paint, 2 * RASTER_TILE_SIZE) as Uint8ClampedArray;
    expect(double).toHaveLength(4 * single.length);
    const cx = worldToTilePx(worldX(CENTRE.b[0]), 9, tile.x, 2 * RASTER_TILE_SIZE);
    const cy = worldToTilePx(worldY(CENTRE.b[1]), 9, tile.y, 2 * RASTER_TILE_SIZE);
    expect(rgbaAt(double, [Math.floor(cx), Math.floor(cy)], 2 * RASTER_TILE_SIZE)).toEqual([227, 0, 27, 255]);
    const coverage = (pixels: Uint8ClampedArray) => {
      let sum = 0;
      for (let i = 3; i < pixels.length; i += 4) sum += (pixels[i] as number) / 255;
      return sum;
    };
    expect(coverage(double) / coverage(single)).toBeGreaterThan(3.5);
    expect(coverage(double) / coverage(single)).toBeLessThan(4.5);
  });

  it('returns null for a tile no plot reaches', () => {
    expect(paintPlotRaster(data, all, { z: 9, x: tile.x + 3, y: tile.y }, paintOf())).toBeNull();
    expect(paintPlotRaster(data, [], tile, paintOf())).toBeNull();
  });

  it('paints a later plot over an earlier one where they overlap', () => {
    const overlapping = plotTileData(
      { type: 'FeatureCollection', features: [squarePlot('p', 121.3, 30.2), squarePlot('q', 121.3, 30.2)] },
      [{ status: 'control' }, { status: 'crossing' }],
    );
    const pixels = paintPlotRaster(overlapping, [0, 1], tile, paintOf()) as Uint8ClampedArray;
    expect(rgbaAt(pixels, pixelOf(...CENTRE.a, tile))).toEqual([255, 138, 0, 255]);
  });

  it('paints the same dot on both sides of a tile edge, so that tiles join', () => {
    // A plot whose centre lies half a pixel west of the edge between two zoom-12 tiles.
    const z = 12;
    const x = Math.floor(worldX(121.3) * 2 ** z) + 1;
    const edgeLon = (x / 2 ** z) * 360 - 180;
    const lon = edgeLon - (0.5 / RASTER_TILE_SIZE / 2 ** z) * 360 - 0.001;
    const one = plotTileData({ type: 'FeatureCollection', features: [squarePlot('e', lon, 30.2)] }, [
      { status: 'boundary' },
    ]);
    const y = Math.floor(worldY(30.201) * 2 ** z);
    const west = paintPlotRaster(one, [0], { z, x: x - 1, y }, paintOf()) as Uint8ClampedArray;
    const east = paintPlotRaster(one, [0], { z, x, y }, paintOf()) as Uint8ClampedArray;
    const row = Math.floor(worldToTilePx(worldY(30.201), z, y, RASTER_TILE_SIZE));
    expect(rgbaAt(west, [RASTER_TILE_SIZE - 1, row])).toEqual([31, 100, 214, 255]);
    expect(rgbaAt(east, [0, row])[3]).toBeGreaterThan(100);
    expect(rgbaAt(east, [0, row]).slice(0, 3)).toEqual([31, 100, 214]);
  });
});

describe('paintDisc', () => {
  it('covers the pixels whose centres lie inside, with an antialiased edge, and clips at the tile', () => {
    const size = 8;
    const pixels = new Uint8ClampedArray(size * size * 4);
    paintDisc(pixels, size, 0.5, 0.5, 2, [10, 20, 30]);
    expect(rgbaAt(pixels, [0, 0], size)).toEqual([10, 20, 30, 255]);
    expect(rgbaAt(pixels, [1, 1], size)).toEqual([10, 20, 30, 255]);
    // 2 px from the centre, on the edge: half covered.
    expect(rgbaAt(pixels, [2, 0], size)).toEqual([10, 20, 30, 128]);
    // 3 px from the centre: beyond the ramp, untouched.
    expect(rgbaAt(pixels, [3, 0], size)[3]).toBe(0);
    expect(rgbaAt(pixels, [7, 7], size)[3]).toBe(0);
  });

  it('blends an edge over what is below ("source over")', () => {
    const size = 4;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    // A disc whose edge covers 0.59 of pixel (1, 1): white below, black above → grey, opaque.
    paintDisc(pixels, size, 0.5, 0.5, 1.5, [0, 0, 0]);
    expect(rgbaAt(pixels, [1, 1], size)).toEqual([106, 106, 106, 255]);
    expect(rgbaAt(pixels, [0, 0], size)).toEqual([0, 0, 0, 255]);
  });
});

describe('the tile worker path: PlotTileIndex.dotsNear → paintPlotRaster', () => {
  it('finds the plots within the raster buffer of a tile, in plot order', () => {
    const data = makeData();
    const index = new PlotTileIndex(data);
    const tile = tileOf(121.31, 30.21, 9);
    expect(index.dotsNear(tile.z, tile.x, tile.y, rasterBufferPx(tile.z))).toEqual([0, 1, 2]);
    expect(index.dotsNear(tile.z, tile.x + 2, tile.y, rasterBufferPx(tile.z))).toEqual([]);
    const pixels = paintPlotRaster(
      data,
      index.dotsNear(9, tile.x, tile.y, rasterBufferPx(9)),
      tile,
      paintOf(),
    );
    expect(pixels && rgbaAt(pixels, pixelOf(...CENTRE.b, tile))).toEqual([227, 0, 27, 255]);
  });

  it('finds exactly the plots whose centre, as a 32-bit number, lies within the buffer of a tile', () => {
    // 2,000 plots of many sizes round a tile's corner, some much larger than the tile.
    const random = mulberry32(11);
    const features = Array.from({ length: 2000 }, (_, k) =>
      squarePlot(
        `p${k}`,
        121.2 + random() * 0.3,
        30.1 + random() * 0.3,
        random() < 0.05 ? 0.05 : random() * 0.002,
      ),
    );
    const data = plotTileData(
      { type: 'FeatureCollection', features },
      features.map(() => ({ status: 'boundary' as const, town: '' })),
    );
    const index = new PlotTileIndex(data);
    for (const z of [8, 9, 11, 13]) {
      const tile = tileOf(121.35, 30.25, z);
      const size = 1 / 2 ** z;
      const buffer = (rasterBufferPx(z) / 512) * size + 1e-7;
      const inside = (value: number, from: number) =>
        Math.fround(value) >= from - buffer && Math.fround(value) <= from + size + buffer;
      const expected = features
        .map((_, k) => k)
        .filter(
          (k) =>
            inside(data.centre[2 * k] as number, tile.x * size) &&
            inside(data.centre[2 * k + 1] as number, tile.y * size),
        );
      expect(expected.length).toBeGreaterThan(0);
      expect(index.dotsNear(z, tile.x, tile.y, rasterBufferPx(z))).toEqual(expected);
    }
  });

  it('grows the dots from zoom 8 to zoom 10', () => {
    expect(dotRadiusPx(7)).toBe(1.6);
    expect(dotRadiusPx(8)).toBe(1.6);
    expect(dotRadiusPx(9)).toBeCloseTo(2.1, 10);
    expect(dotRadiusPx(10)).toBeCloseTo(2.6, 10);
    expect(dotRadiusPx(12)).toBeCloseTo(2.6, 10);
  });
});
