/**
 * Mapbox Vector Tiles (spec 2.1) of the packed plots, cut on request: layer `plots` (the polygons,
 * unclipped: MapLibre masks each tile to its square) and layer `markers` (a point at the box centre
 * of each plot with a marked status, ringed at county scale so that a few such plots stay visible).
 * Every feature has the plot index as its id (for feature state) and `index`, `status`, `town`
 * (not the plot's id: the map reads a plot by its index, and 516,000 ids took 20 MB in the tile
 * worker and a string a feature in every tile). Also finds the plot centres near a tile, for the
 * county-scale raster tiles (plot-raster.ts).
 */

import Flatbush from 'flatbush';
import { extendBoxByPairs } from '../core/plot-outlines.ts';
import { PLOT_MAP_STATUSES, type PlotMapStatus } from '../core/plot-raster-paint.ts';
import { type PlotTileData, plotTileVertex } from './plot-map.ts';

/** The source layers of the tiles, one a tile. */
export type PlotTileLayer = 'plots' | 'markers';

/**
 * The statuses whose plots the `markers` layer has: plots crossing a control line, which at county
 * scale would be a pixel among 100,000 others. (Tiles of our own, not a GeoJSON source: MapLibre's
 * worker indexed the 27,000 markers of a 516,000-plot layer at every zoom, about 40 MB.)
 */
export const MARKED_STATUSES: readonly PlotMapStatus[] = ['crossing'];

/** Tile coordinates per tile side (MapLibre's own extent: no rescaling when it loads them). */
export const TILE_EXTENT = 8192;

/**
 * A 32-bit index may move a box edge by half a float's step (3e-8 of the world, near 1): a search
 * this much wider finds every plot it should, and perhaps a few more, which a tile draws outside
 * its square (where MapLibre masks them) or a raster tile paints off its pixels.
 */
const SEARCH_MARGIN = 1e-7;

/** Coordinates are stored in 16 bits by MapLibre: vertices of big plots far outside are pulled in. */
const MAX_COORDINATE = 30_000;

/** Cuts vector tiles from one analysis' plots. */
export class PlotTileIndex {
  /**
   * The plots' boxes. The dots near a tile are found there too: a plot's centre lies in its box, so
   * a plot whose centre is near the tile has a box that meets the same square (an index of the
   * centres of their own took 11 MB for 516,000 plots).
   */
  private readonly boxes: Flatbush;
  /** The entries with a marked status, in plot order, and an index of their centres. */
  private readonly marked: Uint32Array;
  private readonly markers: Flatbush;

  constructor(private readonly data: PlotTileData) {
    const n = data.index.length;
    // 32-bit indexes (half the memory of 64-bit ones): every search widens its box by SEARCH_MARGIN.
    this.boxes = new Flatbush(Math.max(n, 1), 16, Float32Array);
    const box = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) {
      const x = data.centre[2 * k] as number;
      const y = data.centre[2 * k + 1] as number;
      box.fill(Infinity, 0, 2).fill(-Infinity, 2);
      const from = data.vertexStart[data.ringStart[k] as number] as number;
      const to = data.vertexStart[data.ringStart[k + 1] as number] as number;
      extendBoxByPairs(box, data.offsets, from, to);
      this.boxes.add(
        x + (box[0] as number),
        y + (box[1] as number),
        x + (box[2] as number),
        y + (box[3] as number),
      );
    }
    // An empty plot layer still needs a finished index.
    if (n === 0) this.boxes.add(-1, -1, -1, -1);
    this.boxes.finish();
    const marked = MARKED_STATUSES.map((status) => PLOT_MAP_STATUSES.indexOf(status));
    const entries: number[] = [];
    for (let k = 0; k < n; k++) if (marked.includes(data.status[k] as number)) entries.push(k);
    this.marked = Uint32Array.from(entries);
    this.markers = new Flatbush(Math.max(entries.length, 1), 16, Float32Array);
    for (const k of entries) {
      const x = data.centre[2 * k] as number;
      const y = data.centre[2 * k + 1] as number;
      this.markers.add(x, y, x, y);
    }
    if (entries.length === 0) this.markers.add(-1, -1, -1, -1);
    this.markers.finish();
  }

  /**
   * The plots whose centre lies within tile z/x/y or `bufferPx` of it (of a 512-pixel tile), in
   * plot order: those a county-scale raster tile draws.
   */
  dotsNear(z: number, x: number, y: number, bufferPx: number): number[] {
    const size = 1 / 2 ** z;
    const buffer = (bufferPx / 512) * size + SEARCH_MARGIN;
    const [minX, minY] = [x * size - buffer, y * size - buffer];
    const [maxX, maxY] = [(x + 1) * size + buffer, (y + 1) * size + buffer];
    const { centre, index } = this.data;
    // The centre as a 32-bit index of the dots held it, so that the dots found are the same.
    const near = (k: number) => {
      const cx = Math.fround(centre[2 * k] as number);
      const cy = Math.fround(centre[2 * k + 1] as number);
      return cx >= minX && cx <= maxX && cy >= minY && cy <= maxY;
    };
    return this.boxes
      .search(minX, minY, maxX, maxY)
      .filter((k) => k < index.length && near(k))
      .sort((a, b) => a - b);
  }

  /** The tile z/x/y of `layer` as MVT bytes (an empty tile where there are no plots). */
  tile(layer: PlotTileLayer, z: number, x: number, y: number): Uint8Array {
    const writer = new ProtobufWriter();
    const written =
      layer === 'plots' ? this.writePolygons(writer, z, x, y) : this.writeMarkers(writer, z, x, y);
    return written ? writer.finish() : new Uint8Array(0);
  }

  /** Writes layer `plots` of tile z/x/y: each plot whose box meets the tile; false for none. */
  private writePolygons(writer: ProtobufWriter, z: number, x: number, y: number): boolean {
    const size = 1 / 2 ** z;
    const found = this.boxes
      .search(
        x * size - SEARCH_MARGIN,
        y * size - SEARCH_MARGIN,
        (x + 1) * size + SEARCH_MARGIN,
        (y + 1) * size + SEARCH_MARGIN,
      )
      .filter((k) => k < this.data.index.length)
      // Drawn in plot order, as GeoJSON sources did.
      .sort((a, b) => a - b);
    if (found.length === 0) return false;
    const toTile = (value: number, origin: number) =>
      Math.max(
        -MAX_COORDINATE,
        Math.min(MAX_COORDINATE, Math.round(((value - origin) / size) * TILE_EXTENT)),
      );
    const originX = x * size;
    const originY = y * size;
    const { data } = this;
    writer.message(3, () =>
      this.writeLayer(writer, 'plots', found, POLYGON, (geometry, k) =>
        pushRings(
          geometry,
          data,
          k,
          (v) => toTile(v, originX),
          (v) => toTile(v, originY),
        ),
      ),
    );
    return true;
  }

  /**
   * Writes layer `markers` of tile z/x/y: the marked plots whose centre, rounded to the tile grid,
   * lies in the tile, so that each is in exactly one tile (MapLibre draws no circle outside its
   * tile's square); false for none.
   */
  private writeMarkers(writer: ProtobufWriter, z: number, x: number, y: number): boolean {
    const units = 2 ** z * TILE_EXTENT;
    // Half a unit either way catches the centres that round into the tile.
    const margin = 1 / units + SEARCH_MARGIN;
    const size = 1 / 2 ** z;
    const { data } = this;
    const inTile = (value: number, tile: number) => {
      const local = Math.round(value * units) - tile * TILE_EXTENT;
      return local >= 0 && local < TILE_EXTENT ? local : -1;
    };
    const found = this.markers
      .search(x * size - margin, y * size - margin, (x + 1) * size + margin, (y + 1) * size + margin)
      .filter((m) => m < this.marked.length)
      .map((m) => this.marked[m] as number)
      .filter(
        (k) =>
          inTile(data.centre[2 * k] as number, x) >= 0 && inTile(data.centre[2 * k + 1] as number, y) >= 0,
      )
      .sort((a, b) => a - b);
    if (found.length === 0) return false;
    writer.message(3, () =>
      this.writeLayer(writer, 'markers', found, POINT, (geometry, k) => {
        const tileX = inTile(data.centre[2 * k] as number, x);
        const tileY = inTile(data.centre[2 * k + 1] as number, y);
        geometry.push(command(1, 1), zigzag(tileX), zigzag(tileY));
        return true;
      }),
    );
    return true;
  }

  /**
   * Writes a layer of the entries `entries`, each with its geometry as `pushGeometry` appends it
   * (an entry it appends nothing for is left out).
   */
  private writeLayer(
    writer: ProtobufWriter,
    layer: PlotTileLayer,
    entries: number[],
    type: GeometryType,
    pushGeometry: (geometry: number[], k: number) => boolean,
  ): void {
    const { data } = this;
    writer.varintField(15, 2);
    writer.stringField(1, layer);
    // Values: statuses, then the towns met and the indices (one per feature).
    const values: (string | number)[] = [...PLOT_MAP_STATUSES];
    const townValue = new Map<number, number>();
    const geometry: number[] = [];
    for (const k of entries) {
      geometry.length = 0;
      if (!pushGeometry(geometry, k)) continue;
      const town = data.town[k] as number;
      let townAt = townValue.get(town);
      if (townAt === undefined) {
        townAt = values.length;
        townValue.set(town, townAt);
        values.push(data.towns[town] ?? '');
      }
      const indexAt = values.length;
      values.push(data.index[k] as number);
      writer.message(2, () => {
        writer.varintField(1, data.index[k] as number);
        // Tags: index, status, town (keys in that order, below).
        writer.packedVarints(2, [0, indexAt, 1, data.status[k] as number, 2, townAt]);
        writer.varintField(3, type);
        writer.packedVarints(4, geometry);
      });
    }
    for (const key of ['index', 'status', 'town']) writer.stringField(3, key);
    for (const value of values) {
      writer.message(4, () => {
        if (typeof value === 'number') writer.varintField(5, value);
        else writer.stringField(1, value);
      });
    }
    writer.varintField(5, TILE_EXTENT);
  }
}

/** The geometry types of the MVT specification that the tiles use. */
const POINT = 1;
const POLYGON = 3;
type GeometryType = typeof POINT | typeof POLYGON;

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
      const x = tileX(plotTileVertex(data, k, v, 0));
      const y = tileY(plotTileVertex(data, k, v, 1));
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
