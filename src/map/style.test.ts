import { describe, expect, it } from 'vitest';
import {
  buildStyle,
  hatchPattern,
  LABEL_FONT,
  LAYER,
  POLYGONS_FROM_ZOOM,
  plotRasterUrl,
  RASTER_MAX_TILE_ZOOM,
  SOURCE,
  STATUS_COLORS,
  statusColorExpression,
  TOWN_FILTERED_LAYERS,
} from './style.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

describe('buildStyle', () => {
  const style = buildStyle(
    { land: EMPTY, counties: EMPTY, seaMask: EMPTY, towns: EMPTY },
    'http://127.0.0.1/f.woff2',
  );

  it('needs no glyphs server and no tiles from a server: labels use the declared font file', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style['font-faces']).toEqual({ [LABEL_FONT]: 'http://127.0.0.1/f.woff2' });
    for (const [id, source] of Object.entries(style.sources)) {
      if (id === SOURCE.plots || id === SOURCE.plotRaster) {
        // The plots' tiles come from our own worker through the plots:// protocol.
        expect((source.type === 'vector' || source.type === 'raster') && source.tiles).toEqual([
          expect.stringMatching(/^plots:\/\/0\//),
        ]);
      } else expect(source.type, id).toBe('geojson');
    }
    const labels = style.layers.find((layer) => layer.id === LAYER.townLabels);
    expect(labels?.type === 'symbol' && labels.layout?.['text-font']).toEqual([LABEL_FONT]);
  });

  it('draws town labels above the plots, and plots above the zones', () => {
    const order = style.layers.map((layer) => layer.id);
    expect(order.indexOf(LAYER.townLabels)).toBeGreaterThan(order.indexOf(LAYER.plotsFill));
    expect(order.indexOf(LAYER.plotsFill)).toBeGreaterThan(order.indexOf(LAYER.controlFill));
    expect(new Set(order).size).toBe(order.length);
  });

  it('draws the dots from raster tiles up to zoom 11 and the polygons from zoom 11 on', () => {
    const raster = style.sources[SOURCE.plotRaster];
    const plots = style.sources[SOURCE.plots];
    expect(raster?.type === 'raster' && [raster.maxzoom, raster.tileSize]).toEqual([
      RASTER_MAX_TILE_ZOOM,
      512,
    ]);
    expect(plots?.type === 'vector' && plots.minzoom).toBe(POLYGONS_FROM_ZOOM);
    const county = style.layers.filter(
      (layer) =>
        'source' in layer && (layer.source === SOURCE.plotRaster || layer.source === SOURCE.plotPoints),
    );
    expect(county.map((layer) => layer.id).sort()).toEqual(
      [LAYER.plotRaster, LAYER.plotDotsPicked, LAYER.plotDotSelected].sort(),
    );
    for (const layer of county) expect(layer.maxzoom, layer.id).toBe(POLYGONS_FROM_ZOOM);
    for (const layer of style.layers) {
      if ('source' in layer && layer.source === SOURCE.plots)
        expect(layer['source-layer'], layer.id).toBe('plots');
    }
  });

  it("keeps the plot tiles' layers unfiltered: selections come from a small source of their own", () => {
    // A new filter on a layer of the plot tiles makes MapLibre lay out every loaded tile again
    // (seconds at zoom 12 with 100,000 plots), so a click must not change one.
    const onTiles = style.layers.filter((layer) => 'source' in layer && layer.source === SOURCE.plots);
    for (const layer of onTiles)
      expect('filter' in layer ? layer.filter : undefined, layer.id).toBeUndefined();
    const shapes = style.layers.filter((layer) => 'source' in layer && layer.source === SOURCE.plotShapes);
    expect(shapes.map((layer) => layer.id).sort()).toEqual(
      [LAYER.plotPicked, LAYER.plotSelected, LAYER.plotSelectedHalo].sort(),
    );
  });

  it("lets the action outline share the plot outline's vertices (one bucket in MapLibre)", () => {
    // MapLibre groups layers into one bucket by these keys (style-spec group_by_layout).
    const keys = ['type', 'source', 'source-layer', 'minzoom', 'maxzoom', 'filter', 'layout'] as const;
    const key = (id: string) => {
      const layer = style.layers.find((candidate) => candidate.id === id) as
        | Record<string, unknown>
        | undefined;
      return keys.map((name) => JSON.stringify(layer?.[name]));
    };
    expect(key(LAYER.plotAction)).toEqual(key(LAYER.plotsOutline));
    expect(TOWN_FILTERED_LAYERS).toEqual(expect.arrayContaining([LAYER.plotsOutline, LAYER.plotAction]));
  });

  it('names the map, the plots version and the revision in the raster tile URL', () => {
    expect(plotRasterUrl(3, 2, 7)).toBe('plots://3/raster/2/7/{z}/{x}/{y}{ratio}');
    const withKey = buildStyle(
      { land: EMPTY, counties: EMPTY, seaMask: EMPTY, towns: EMPTY },
      'f',
      4,
      plotRasterUrl(4, 9, 1),
    );
    const raster = withKey.sources[SOURCE.plotRaster];
    expect(raster?.type === 'raster' && raster.tiles).toEqual(['plots://4/raster/9/1/{z}/{x}/{y}{ratio}']);
  });

  it('colours each status with its own colour', () => {
    const expression = statusColorExpression() as unknown[];
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      expect(expression[expression.indexOf(status) + 1]).toBe(color);
    }
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(4);
  });
});

describe('hatchPattern', () => {
  it('draws diagonal lines that join across tile edges', () => {
    const { width, height, data } = hatchPattern(8, [10, 20, 30, 200], 2);
    expect([width, height, data.length]).toEqual([8, 8, 8 * 8 * 4]);
    const alpha = (x: number, y: number) => data[(y * 8 + x) * 4 + 3] as number;
    expect(alpha(0, 0)).toBe(200);
    expect(alpha(4, 4)).toBe(200);
    expect(alpha(2, 0)).toBe(0);
    // A "/" line leaving the right edge at row y enters the next tile on the left at row y - 1.
    for (let y = 0; y < 8; y++) expect(alpha(7, y)).toBe(alpha(0, (y + 7) % 8));
  });
});
