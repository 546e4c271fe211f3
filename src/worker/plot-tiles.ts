/**
 * Mapbox Vector Tiles (spec 2.1) of the packed plots, cut on request: layer `plots` (the polygons,
 * unclipped: MapLibre masks each tile to its square). Every feature has the plot index as its id
 * (for feature state) and `index`, `id`, `status`, `town`. Also finds the plot centres near a tile,
 * for the county-scale raster tiles (plot-raster.ts).
 */

import Flatbush from 'flatbush';
import { PLOT_MAP_STATUSES } from '../core/plot-raster-paint.ts';
import type { PlotTileData } from './plot-map.ts';
import { plotTileId } from './plot-tile-ids.ts';

/** The source layer of the tiles. */
export type PlotTileLayer = 'plots';

/** Tile coordinates per tile side (MapLibre's own extent: no rescaling when it loads them). */
export const TILE_EXTENT = 8192;

/** Coordinates are stored in 16 bits by MapLibre: vertices of big plots far outside are pulled in. */
const MAX_COORDINATE = 30_000;

/** Cuts vector tiles from one analysis' plots. */
export class PlotTileIndex {
  private readonly dots: Flatbush;
  private readonly boxes: Flatbush;

  constructor(private readonly data: PlotTileData) {
    const n = data.index.length;
    this.dots = new Flatbush(Math.max(n, 1));
    this.boxes = new Flatbush(Math.max(n, 1));
    for (let k = 0; k < n; k++) {
      const x = data.centre[2 * k] as number;
      const y = data.centre[2 * k + 1] as number;
      this.dots.add(x, y, x, y);
      const b = 4 * k;
      this.boxes.add(
        data.box[b] as number,
        data.box[b + 1] as number,
        data.box[b + 2] as number,
        data.box[b + 3] as number,
      );
    }
    // An empty plot layer still needs a finished index.
    if (n === 0) {
      this.dots.add(-1, -1, -1, -1);
      this.boxes.add(-1, -1, -1, -1);
    }
    this.dots.finish();
    this.boxes.finish();
  }

  /**
   * The plots whose centre lies within tile z/x/y or `bufferPx` of it (of a 512-pixel tile), in
   * plot order: those a county-scale raster tile draws.
   */
  dotsNear(z: number, x: number, y: number, bufferPx: number): number[] {
    const size = 1 / 2 ** z;
    const buffer = (bufferPx / 512) * size;
    return this.dots
      .search(x * size - buffer, y * size - buffer, (x + 1) * size + buffer, (y + 1) * size + buffer)
      .filter((k) => k < this.data.index.length)
      .sort((a, b) => a - b);
  }

  /** The tile z/x/y of `layer` as MVT bytes (an empty tile where there are no plots). */
  tile(layer: PlotTileLayer, z: number, x: number, y: number): Uint8Array {
    const size = 1 / 2 ** z;
    const found = this.boxes
      .search(x * size, y * size, (x + 1) * size, (y + 1) * size)
      .filter((k) => k < this.data.index.length)
      // Drawn in plot order, as GeoJSON sources did.
      .sort((a, b) => a - b);
    if (found.length === 0) return new Uint8Array(0);
    const toTile = (value: number, origin: number) =>
      Math.max(
        -MAX_COORDINATE,
        Math.min(MAX_COORDINATE, Math.round(((value - origin) / size) * TILE_EXTENT)),
      );
    const originX = x * size;
    const originY = y * size;
    const writer = new ProtobufWriter();
    writer.message(3, () =>
      this.writeLayer(
        writer,
        layer,
        found,
        (v) => toTile(v, originX),
        (v) => toTile(v, originY),
      ),
    );
    return writer.finish();
  }

  private writeLayer(
    writer: ProtobufWriter,
    layer: PlotTileLayer,
    entries: number[],
    tileX: (x: number) => number,
    tileY: (y: number) => number,
  ): void {
    const { data } = this;
    writer.varintField(15, 2);
    writer.stringField(1, layer);
    // Values: statuses, then the towns met, then ids and indices (one each per feature).
    const values: (string | number)[] = [...PLOT_MAP_STATUSES];
    const townValue = new Map<number, number>();
    const geometry: number[] = [];
    for (const k of entries) {
      const town = data.town[k] as number;
      let townAt = townValue.get(town);
      if (townAt === undefined) {
        townAt = values.length;
        townValue.set(town, townAt);
        values.push(data.towns[town] ?? '');
      }
      const idAt = values.length;
      values.push(plotTileId(data, k), data.index[k] as number);
      geometry.length = 0;
      if (!pushRings(geometry, data, k, tileX, tileY)) continue;
      writer.message(2, () => {
        writer.varintField(1, data.index[k] as number);
        // Tags: index, id, status, town (keys in that order, below).
        writer.packedVarints(2, [0, idAt + 1, 1, idAt, 2, data.status[k] as number, 3, townAt]);
        writer.varintField(3, 3);
        writer.packedVarints(4, geometry);
      });
    }
    for (const key of ['index', 'id', 'status', 'town']) writer.stringField(3, key);
    for (const value of values) {
      writer.message(4, () => {
        if (typeof value === 'number') writer.varintField(5, value);
        else writer.stringField(1, value);
      });
    }
    writer.varintField(5, TILE_EXTENT);
  }
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function command(id: number, count: number): number {
  return (id & 0x7) | (count << 3);
}

/** Appends entry k's rings as MoveTo, LineTo…, ClosePath; false when none is left after rounding. */
function pushRings(
  geometry: number[],
  data: PlotTileData,
  k: number,
  tileX: (x: number) => number,
  tileY: (y: number) => number,
): boolean {
  let cursorX = 0;
  let cursorY = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = data.ringStart[k] as number; r < (data.ringStart[k + 1] as number); r++) {
    xs.length = 0;
    ys.length = 0;
    // The closing vertex is implied by ClosePath; repeated vertices (after rounding) are dropped.
    const end = (data.vertexStart[r + 1] as number) - 1;
    for (let v = data.vertexStart[r] as number; v < end; v++) {
      const x = tileX(data.coords[2 * v] as number);
      const y = tileY(data.coords[2 * v + 1] as number);
      if (xs.length > 0 && x === xs[xs.length - 1] && y === ys[ys.length - 1]) continue;
      xs.push(x);
      ys.push(y);
    }
    if (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
      xs.pop();
      ys.pop();
    }
    if (xs.length < 3) continue;
    geometry.push(command(1, 1), zigzag((xs[0] as number) - cursorX), zigzag((ys[0] as number) - cursorY));
    geometry.push(command(2, xs.length - 1));
    for (let i = 1; i < xs.length; i++) {
      geometry.push(
        zigzag((xs[i] as number) - (xs[i - 1] as number)),
        zigzag((ys[i] as number) - (ys[i - 1] as number)),
      );
    }
    geometry.push(command(7, 1));
    cursorX = xs[xs.length - 1] as number;
    cursorY = ys[ys.length - 1] as number;
  }
  return geometry.length > 0;
}

/** A minimal protocol buffer writer: varints, strings, packed varints and nested messages. */
class ProtobufWriter {
  private bytes = new Uint8Array(1 << 16);
  private pos = 0;
  private readonly encoder = new TextEncoder();

  finish(): Uint8Array {
    return this.bytes.slice(0, this.pos);
  }

  varintField(field: number, value: number): void {
    this.varint((field << 3) | 0);
    this.varint(value);
  }

  stringField(field: number, value: string): void {
    this.varint((field << 3) | 2);
    const encoded = this.encoder.encode(value);
    this.varint(encoded.length);
    this.reserve(encoded.length);
    this.bytes.set(encoded, this.pos);
    this.pos += encoded.length;
  }

  packedVarints(field: number, values: readonly number[]): void {
    this.message(field, () => {
      for (const value of values) this.varint(value);
    });
  }

  /** A length-delimited field written by `write`: one byte is kept for the length, more made if needed. */
  message(field: number, write: () => void): void {
    this.varint((field << 3) | 2);
    this.reserve(1);
    const start = ++this.pos;
    write();
    const length = this.pos - start;
    const extra = varintLength(length) - 1;
    if (extra > 0) {
      this.reserve(extra);
      this.bytes.copyWithin(start + extra, start, this.pos);
      this.pos += extra;
    }
    const end = this.pos;
    this.pos = start - 1;
    this.varint(length);
    this.pos = end;
  }

  private varint(value: number): void {
    this.reserve(10);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.pos++] = v;
  }

  private reserve(length: number): void {
    if (this.pos + length <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.pos + length) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes);
    this.bytes = grown;
  }
}

function varintLength(value: number): number {
  let length = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 128)) length++;
  return length;
}
