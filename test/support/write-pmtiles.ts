/**
 * Test-only writers: a small PNG (RGBA, filter 0, zlib) and a PMTiles v3 archive (PMTiles spec v3:
 * a 127-byte header, an uncompressed root directory of varints, JSON metadata, tile data). No npm
 * package writes PMTiles in JavaScript, and the `pmtiles` reader checks what this writes (its test).
 */

import { deflateSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG of `width` × `height` RGBA pixels, `pixel(x, y)` giving [r, g, b, a] (0…255). */
export function writePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number, number],
): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

function varint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Tile x and y of a longitude/latitude at `z` (Web Mercator, XYZ scheme). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

export interface PmtilesOptions {
  /** [west, south, east, north], degrees. */
  bounds: readonly [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** The PNG of each tile (the same bytes may serve many tiles: they are stored once). */
  tile: (z: number, x: number, y: number) => Uint8Array;
}

/** A raster (PNG) PMTiles v3 archive of every tile meeting `bounds` from minZoom to maxZoom. */
export function writePmtiles({ bounds, minZoom, maxZoom, tile }: PmtilesOptions): Uint8Array<ArrayBuffer> {
  const [west, south, east, north] = bounds;
  const entries: { tileId: number; bytes: Uint8Array }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) entries.push({ tileId: zxyToTileId(z, x, y), bytes: tile(z, x, y) });
  }
  entries.sort((a, b) => a.tileId - b.tileId);
  // Identical contents stored once.
  const contents = new Map<Uint8Array, { offset: number }>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  for (const entry of entries) {
    if (contents.has(entry.bytes)) continue;
    contents.set(entry.bytes, { offset: dataLength });
    data.push(entry.bytes);
    dataLength += entry.bytes.length;
  }
  const directory: number[] = [];
  varint(entries.length, directory);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId, directory);
    lastId = entry.tileId;
  }
  for (const _ of entries) varint(1, directory);
  for (const entry of entries) varint(entry.bytes.length, directory);
  // Offsets as offset + 1 (0 would mean "right after the previous tile").
  for (const entry of entries) varint((contents.get(entry.bytes)?.offset ?? 0) + 1, directory);
  if (127 + directory.length > 16384) throw new Error('The root directory must end within the first 16 KiB.');
  const metadata = new TextEncoder().encode(JSON.stringify({ name: 'test base map', attribution: 'test' }));
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const archive = new Uint8Array(dataOffset + dataLength);
  const view = new DataView(archive.buffer);
  archive.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset + dataLength);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, contents.size);
  view.setUint8(96, 0);
  view.setUint8(97, 1);
  view.setUint8(98, 1);
  view.setUint8(99, 2);
  view.setUint8(100, minZoom);
  view.setUint8(101, maxZoom);
  const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  view.setUint8(118, minZoom);
  e7(119, (west + east) / 2);
  e7(123, (south + north) / 2);
  archive.set(directory, rootOffset);
  archive.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const bytes of data) {
    archive.set(bytes, at);
    at += bytes.length;
  }
  return archive;
}

/** The colour of the test base map's tiles (pale green), and of the grid lines at their edges. */
const TEST_BASEMAP_COLOR: readonly [number, number, number] = [214, 234, 200];
const GRID_COLOR: readonly [number, number, number] = [150, 180, 140];

/** A PMTiles base map over Cixi, z8–14, every tile pale green with a grid line along its edges. */
export function cixiTestBaseMap(): Uint8Array<ArrayBuffer> {
  const png = writePng(256, 256, (x, y) =>
    x < 2 || y < 2 ? [...GRID_COLOR, 255] : [...TEST_BASEMAP_COLOR, 255],
  );
  return writePmtiles({
    bounds: [121.037, 30.041, 121.629, 30.511],
    minZoom: 8,
    maxZoom: 14,
    tile: () => png,
  });
}
