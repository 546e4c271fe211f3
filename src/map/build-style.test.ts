import { describe, expect, it } from 'vitest';
import { labelSizes, PROJECTOR_LABEL_SCALE } from './base-layers.ts';
import { buildStyle } from './build-style.ts';
import { POLYGONS_FROM_ZOOM, plotRasterUrl, RASTER_MAX_TILE_ZOOM } from './plot-tile-urls.ts';
import { LABEL_FONT, LAYER, SOURCE } from './style-ids.ts';

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
      if (id === SOURCE.plots || id === SOURCE.plotMarkers || id === SOURCE.plotRaster) {
        // The plots' tiles come from our own worker through the plots:// protocol.
        expect((source.type === 'vector' || source.type === 'raster') && source.tiles).toEqual([
          expect.stringMatching(/^plots:\/\/0\//),
        ]);
      } else expect(source.type, id).toBe('geojson');
    }
    const labels = style.layers.find((layer) => layer.id === LAYER.townLabels);
    expect(labels?.type === 'symbol' && labels.layout?.['text-font']).toEqual([LABEL_FONT]);
  });

  it('draws the names at their usual size, and at projector size no name is under 20 px at any zoom', () => {
    const usual = labelSizes(1);
    for (const id of [LAYER.townLabels, LAYER.zoneLabels]) {
      const layer = style.layers.find((candidate) => candidate.id === id);
      expect(layer?.type === 'symbol' && layer.layout?.['text-size'], id).toEqual(usual[id]);
    }
    const sizesIn = (size: unknown): number[] =>
      typeof size === 'number'
        ? [size]
        : ((size as unknown[]).slice(3).filter((_, i) => i % 2 === 1) as number[]);
    expect(Math.min(...Object.values(usual).flatMap(sizesIn))).toBe(13);
    const projector = labelSizes(PROJECTOR_LABEL_SCALE);
    expect(Math.min(...Object.values(projector).flatMap(sizesIn))).toBeGreaterThanOrEqual(20);
    // The zoom stops stay where they are: only the sizes grow.
    const stops = (size: unknown) => (size as unknown[]).slice(3).filter((_, i) => i % 2 === 0);
    expect(stops(projector[LAYER.townLabels])).toEqual(stops(usual[LAYER.townLabels]));
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
});
