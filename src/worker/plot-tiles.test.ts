import { describe, expect, it } from 'vitest';
import { squarePlot } from '../../test/fixtures/square-plot.ts';
import type { FeatureCollection } from '../core/types.ts';
import { plotTileData, worldX, worldY } from './plot-map.ts';
import { PlotTileIndex, TILE_EXTENT } from './plot-tiles.ts';

const PLOTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [squarePlot('a', 121.3, 30.2), squarePlot('b', 121.4, 30.25), squarePlot('c', 10, 10)],
};
const RESULTS = [
  { status: 'control' as const, town: '观海卫镇' },
  { status: 'outside' as const, town: '周巷镇' },
  { status: null, town: '' },
];

interface DecodedFeature {
  id: number;
  type: number;
  properties: Record<string, string | number>;
  /** Rings or points in tile units. */
  geometry: [number, number][][];
}

/** Reads a vector tile with one layer (protocol buffers by hand: varints and length-delimited fields). */
function decodeTile(bytes: Uint8Array): { name: string; extent: number; features: DecodedFeature[] } {
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[pos++] as number;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  const fields = (end: number, onField: (field: number, end: number) => void) => {
    while (pos < end) {
      const key = varint();
      if ((key & 7) === 0) onField(key >> 3, -1);
      else {
        const length = varint();
        const fieldEnd = pos + length;
        onField(key >> 3, fieldEnd);
        pos = fieldEnd;
      }
    }
  };
  const text = (end: number) => new TextDecoder().decode(bytes.subarray(pos, end));
  const packed = (end: number) => {
    const values: number[] = [];
    while (pos < end) values.push(varint());
    return values;
  };
  let name = '';
  let extent = 0;
  const keys: string[] = [];
  const values: (string | number)[] = [];
  const raw: { id: number; type: number; tags: number[]; commands: number[] }[] = [];
  fields(bytes.length, (field, end) => {
    expect(field).toBe(3);
    fields(end, (layerField, layerEnd) => {
      if (layerField === 1) name = text(layerEnd);
      else if (layerField === 3) keys.push(text(layerEnd));
      else if (layerField === 5) extent = varint();
      else if (layerField === 15) varint();
      else if (layerField === 4)
        fields(layerEnd, (valueField, valueEnd) => {
          values.push(valueField === 1 ? text(valueEnd) : varint());
        });
      else if (layerField === 2) {
        const feature = { id: -1, type: 0, tags: [] as number[], commands: [] as number[] };
        fields(layerEnd, (featureField, featureEnd) => {
          if (featureField === 1) feature.id = varint();
          else if (featureField === 3) feature.type = varint();
          else if (featureField === 2) feature.tags = packed(featureEnd);
          else if (featureField === 4) feature.commands = packed(featureEnd);
        });
        raw.push(feature);
      }
    });
  });
  const unzig = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  const features = raw.map(({ id, type, tags, commands }) => {
    const properties: Record<string, string | number> = {};
    for (let i = 0; i < tags.length; i += 2) {
      properties[keys[tags[i] as number] as string] = values[tags[i + 1] as number] as string | number;
    }
    const geometry: [number, number][][] = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < commands.length; ) {
      const command = commands[i++] as number;
      const count = command >> 3;
      if ((command & 7) === 7) continue;
      if ((command & 7) === 1) geometry.push([]);
      for (let c = 0; c < count; c++) {
        x += unzig(commands[i++] as number);
        y += unzig(commands[i++] as number);
        geometry[geometry.length - 1]?.push([x, y]);
      }
    }
    return { id, type, properties, geometry };
  });
  return { name, extent, features };
}

/** The tile z/x/y holding lon, lat. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  return [Math.floor(worldX(lon) * 2 ** z), Math.floor(worldY(lat) * 2 ** z)];
}

describe('PlotTileIndex', () => {
  it('gives each plot its index as feature id, and index, status and town (no id), in plot order', () => {
    const index = new PlotTileIndex(plotTileData(PLOTS, RESULTS));
    const [x, y] = tileOf(121.35, 30.22, 9);
    const tile = decodeTile(index.tile('plots', 9, x, y));
    expect(tile.name).toBe('plots');
    expect(tile.extent).toBe(TILE_EXTENT);
    expect(tile.features.map((feature) => feature.properties)).toEqual([
      { index: 0, status: 'control', town: '观海卫镇' },
      { index: 1, status: 'outside', town: '周巷镇' },
    ]);
    expect(tile.features.map((feature) => [feature.id, feature.type])).toEqual([
      [0, 3],
      [1, 3],
    ]);
  });

  it('cuts a polygon tile with each plot whose box meets it, rings closed by ClosePath', () => {
    const index = new PlotTileIndex(plotTileData(PLOTS, RESULTS));
    const z = 13;
    const [x, y] = tileOf(121.301, 30.201, z);
    const tile = decodeTile(index.tile('plots', z, x, y));
    expect(tile.name).toBe('plots');
    expect(tile.features).toHaveLength(1);
    const feature = tile.features[0] as DecodedFeature;
    expect(feature.type).toBe(3);
    expect(feature.properties.index).toBe(0);
    // Four corners; the closing vertex is left to ClosePath.
    expect(feature.geometry).toHaveLength(1);
    const ring = feature.geometry[0] ?? [];
    expect(ring).toHaveLength(4);
    expect(ring[0]).toEqual([
      Math.round((worldX(121.3) * 2 ** z - x) * TILE_EXTENT),
      Math.round((worldY(30.2) * 2 ** z - y) * TILE_EXTENT),
    ]);
    // Clockwise on screen (y down): a positive shoelace sum.
    let twiceArea = 0;
    ring.forEach(([x0, y0], i) => {
      const [x1, y1] = ring[(i + 1) % ring.length] ?? [0, 0];
      twiceArea += x0 * y1 - x1 * y0;
    });
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('returns an empty tile where there are no plots', () => {
    const index = new PlotTileIndex(plotTileData(PLOTS, RESULTS));
    const [x, y] = tileOf(0, 50, 9);
    expect(index.tile('plots', 9, x, y)).toHaveLength(0);
    expect(index.tile('plots', 12, 0, 0)).toHaveLength(0);
  });

  it('writes lengths of more than one byte for big layers (thousands of plots)', () => {
    const many: FeatureCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 3000 }, (_, i) =>
        squarePlot(`p${i}`, 121 + (i % 60) * 0.005, 30 + Math.floor(i / 60) * 0.005),
      ),
    };
    const data = plotTileData(
      many,
      many.features.map(() => ({ status: 'boundary' as const, town: 'T' })),
    );
    const tile = decodeTile(new PlotTileIndex(data).tile('plots', 5, ...tileOf(121.1, 30.1, 5)));
    expect(tile.features).toHaveLength(3000);
    expect(tile.features[2999]?.properties).toEqual({ index: 2999, status: 'boundary', town: 'T' });
  });

  it('puts a point at the box centre of each crossing plot in layer markers, each in one tile', () => {
    // b straddles the line between two z12 tiles' columns: its centre is in exactly one of them.
    const z = 12;
    const edge = (Math.round(worldX(121.4) * 2 ** z) + 1) / 2 ** z;
    const west = edge * 360 - 180 - 0.0015;
    const plots: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        squarePlot('a', 121.3, 30.2),
        squarePlot('b', west, 30.25),
        squarePlot('c', 121.5, 30.3),
        squarePlot('d', 121.31, 30.21),
      ],
    };
    const results = [
      { status: 'control' as const, town: '观海卫镇' },
      { status: 'crossing' as const, town: '周巷镇' },
      { status: 'outside' as const, town: '' },
      { status: 'crossing' as const, town: '观海卫镇' },
    ];
    const data = plotTileData(plots, results);
    const index = new PlotTileIndex(data);
    const county = decodeTile(index.tile('markers', 8, ...tileOf(121.35, 30.22, 8)));
    expect(county.name).toBe('markers');
    expect(county.features.map((feature) => [feature.id, feature.type, feature.properties])).toEqual([
      [1, 1, { index: 1, status: 'crossing', town: '周巷镇' }],
      [3, 1, { index: 3, status: 'crossing', town: '观海卫镇' }],
    ]);
    // The point is the box centre, on the tile grid.
    const [x, y] = tileOf(121.35, 30.22, 8);
    expect(county.features[1]?.geometry).toEqual([
      [
        [
          Math.round((data.centre[6] as number) * 2 ** 8 * TILE_EXTENT) - x * TILE_EXTENT,
          Math.round((data.centre[7] as number) * 2 ** 8 * TILE_EXTENT) - y * TILE_EXTENT,
        ],
      ],
    ]);
    const row = Math.floor((data.centre[3] as number) * 2 ** z);
    const column = Math.round(worldX(121.4) * 2 ** z);
    const sides = [column, column + 1].map((tx) => decodeTile(index.tile('markers', z, tx, row)).features);
    expect(sides.map((features) => features.map((feature) => feature.properties.index))).toEqual([[1], []]);
    const point = sides[0]?.[0]?.geometry[0]?.[0];
    expect(point?.[0]).toBe(TILE_EXTENT - Math.round(0.0005 * (2 ** z / 360) * TILE_EXTENT));
    // Neither the polygons' layer nor a tile without crossing plots has markers.
    expect(index.tile('markers', 12, 0, 0)).toHaveLength(0);
    expect(decodeTile(index.tile('plots', 8, x, y)).features).toHaveLength(4);
  });
});
