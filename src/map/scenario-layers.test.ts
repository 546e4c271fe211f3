import { describe, expect, it } from 'vitest';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { plotTileUrl } from './plot-tile-urls.ts';
import { type PlotTileMap, plotShapes, showPlotTiles } from './scenario-layers.ts';
import { SOURCE } from './style-ids.ts';

/**
 * The part of a MapLibre map that showPlotTiles uses: a polygon source whose URL changes are
 * recorded, whether any of its tiles is loading, the events it listens to and the frames it asks for.
 */
class TileMap {
  loading = false;
  repaints = 0;
  readonly urls: string[] = [];
  private readonly listeners = new Map<string, Set<() => void>>();
  readonly source = {
    tiles: [plotTileUrl(0)],
    setTiles: (tiles: string[]) => {
      this.source.tiles = tiles;
      this.urls.push(tiles[0] as string);
    },
  };

  asMap(): PlotTileMap {
    return {
      getSource: ((id: string) =>
        id === SOURCE.plots ? this.source : undefined) as PlotTileMap['getSource'],
      isSourceLoaded: (id: string) => id !== SOURCE.plots || !this.loading,
      on: (type, listener) => {
        if (!this.listeners.has(type)) this.listeners.set(type, new Set());
        this.listeners.get(type)?.add(listener);
      },
      off: (type, listener) => {
        this.listeners.get(type)?.delete(listener);
      },
      triggerRepaint: () => {
        this.repaints++;
      },
    };
  }

  fire(type: 'render' | 'idle'): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

describe('showPlotTiles', () => {
  it('points the polygon source at the new version at the end of the next frame', () => {
    const tiles = new TileMap();
    showPlotTiles(tiles.asMap(), 3);
    // Not at once: a layer changed in the same task would pause the source (see showPlotTiles).
    expect(tiles.urls).toEqual([]);
    expect(tiles.repaints).toBe(1);
    tiles.fire('render');
    expect(tiles.urls).toEqual([plotTileUrl(3)]);
    expect(tiles.listenerCount()).toBe(0);
    showPlotTiles(tiles.asMap(), 3);
    tiles.fire('render');
    expect(tiles.urls).toEqual([plotTileUrl(3)]);
    expect(tiles.listenerCount()).toBe(0);
  });

  it('waits while a tile is loading, then gives only the newest version', () => {
    // MapLibre would parse a loading tile's first answer again rather than fetch the new URL.
    const tiles = new TileMap();
    const map = tiles.asMap();
    tiles.loading = true;
    showPlotTiles(map, 1);
    showPlotTiles(map, 2);
    tiles.fire('render');
    expect(tiles.urls).toEqual([]);
    tiles.loading = false;
    tiles.fire('render');
    expect(tiles.urls).toEqual([plotTileUrl(2)]);
    expect(tiles.listenerCount()).toBe(0);
  });

  it('also goes ahead when the map is idle (the last loading tile may have failed)', () => {
    const tiles = new TileMap();
    tiles.loading = true;
    showPlotTiles(tiles.asMap(), 5);
    tiles.loading = false;
    tiles.fire('idle');
    expect(tiles.urls).toEqual([plotTileUrl(5)]);
    expect(tiles.listenerCount()).toBe(0);
  });
});

describe('plotShapes', () => {
  const square = (x: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 30],
        [x + 1, 30],
        [x + 1, 31],
        [x, 30],
      ],
    ],
  });
  const plots = packPlotOutlines({
    type: 'FeatureCollection' as const,
    features: [0, 1, 2].map((x) => ({ type: 'Feature' as const, properties: {}, geometry: square(x) })),
  });
  const rows = [
    { index: 0, id: 'a' },
    { index: 1, id: 'b' },
    { index: 2, id: 'c' },
  ];

  it('takes the polygons of the given plots, in the given order, with their index, id and role', () => {
    const shapes = plotShapes(plots, rows, [2, 0], 'picked');
    expect(shapes.features).toEqual([
      { type: 'Feature', properties: { index: 2, id: 'c', role: 'picked' }, geometry: square(2) },
      { type: 'Feature', properties: { index: 0, id: 'a', role: 'picked' }, geometry: square(0) },
    ]);
  });

  it('skips indices with no plot, and gives nothing before the plot layer is there', () => {
    expect(plotShapes(plots, rows, [7, 1], 'selected').features.map((f) => f.properties?.id)).toEqual(['b']);
    expect(plotShapes(null, rows, [0], 'selected').features).toEqual([]);
  });
});
