/**
 * Decodes the PNGs that Chromium's screenshots produce (8-bit RGB or RGBA, not interlaced) into
 * RGBA pixels, with node:zlib only, so that a test can look at what the page shows.
 */

import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(png: Uint8Array): Pixels {
  if (!SIGNATURE.every((byte, index) => png[index] === byte)) throw new Error('Not a PNG file.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      const header = new DataView(body.buffer, body.byteOffset, body.byteLength);
      width = header.getUint32(0);
      height = header.getUint32(4);
      const bitDepth = body[8];
      const colorType = body[9];
      const interlace = body[12];
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error(
          `Unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}.`,
        );
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (rows[y * stride + x - channels] as number) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] as number) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] as number) : 0;
      const value = line[x] as number;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4:
          predicted = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Bad PNG filter ${filter} on row ${y}.`);
      }
      rows[y * stride + x] = (value + predicted) & 255;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    data[j] = rows[i] as number;
    data[j + 1] = rows[i + 1] as number;
    data[j + 2] = rows[i + 2] as number;
    data[j + 3] = 255;
  }
  return { width, height, data };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** The number of distinct RGB colours in a region of `pixels`. */
export function distinctColors(
  pixels: Pixels,
  region: { x: number; y: number; width: number; height: number } = {
    x: 0,
    y: 0,
    width: pixels.width,
    height: pixels.height,
  },
): number {
  const colors = new Set<number>();
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * pixels.width + x) * 4;
      colors.add(
        ((pixels.data[i] as number) << 16) |
          ((pixels.data[i + 1] as number) << 8) |
          (pixels.data[i + 2] as number),
      );
    }
  }
  return colors.size;
}

/** How many pixels of `pixels` are within `tolerance` (per channel) of the colour `hex` (#rrggbb). */
export function countColor(pixels: Pixels, hex: string, tolerance = 24): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = (value >> 16) & 255;
  const g = (value >> 8) & 255;
  const b = value & 255;
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (
      Math.abs((pixels.data[i] as number) - r) <= tolerance &&
      Math.abs((pixels.data[i + 1] as number) - g) <= tolerance &&
      Math.abs((pixels.data[i + 2] as number) - b) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/**
 * How soft the edges of shapes in colour `hex` are: pixels tinted towards it (blended with the
 * background at an edge) per pixel of the colour itself. Scaling a picture up raises it.
 */
export function edgeSoftness(pixels: Pixels, hex: string, others: readonly string[] = []): number {
  const target = rgbOf(hex);
  const rivals = others.map(rgbOf);
  let pure = 0;
  let tinted = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const rgb = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]] as number[];
    const distance = distanceOf(rgb, target);
    if (distance <= 24) pure++;
    // A pixel nearer another colour of the map (an orange ring leans red too) is that colour's edge.
    else if (
      distance <= 160 &&
      towards(rgb, target) &&
      rivals.every((rival) => distanceOf(rgb, rival) > distance)
    )
      tinted++;
  }
  return pure === 0 ? Number.POSITIVE_INFINITY : tinted / pure;
}

function rgbOf(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The largest channel difference. */
function distanceOf(rgb: number[], target: number[]): number {
  return Math.max(...rgb.map((channel, c) => Math.abs(channel - (target[c] as number))));
}

/** Whether `rgb` leans the way `target` does: its strongest channel of the target is strongest. */
function towards(rgb: number[], target: number[]): boolean {
  const strongest = target.indexOf(Math.max(...target));
  return rgb.every((channel, c) => c === strongest || (rgb[strongest] as number) - channel > 40);
}
