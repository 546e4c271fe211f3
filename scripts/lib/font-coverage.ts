/**
 * Which characters a font file maps to a glyph, read from its `cmap` table, for a WOFF2 file (the
 * bundled label font) with node:zlib's Brotli only; and the character sets that font must cover.
 * WOFF2: https://www.w3.org/TR/WOFF2/ (sections 4–5); cmap formats 4 and 12:
 * https://learn.microsoft.com/en-us/typography/opentype/spec/cmap
 */

import { brotliDecompressSync } from 'node:zlib';

/** WOFF2's known-table index of `cmap` (table 3 of the specification). */
const CMAP_TAG_INDEX = 0;
const GLYF_TAG_INDEX = 10;
const LOCA_TAG_INDEX = 11;

/** Reads a WOFF2 UIntBase128 at `offset`; returns the value and the offset after it. */
function readBase128(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i] as number;
    if (i === 0 && byte === 0x80) throw new Error('WOFF2: UIntBase128 with a leading zero.');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, offset + i + 1];
  }
  throw new Error('WOFF2: UIntBase128 longer than 5 bytes.');
}

/** The decompressed `cmap` table of a WOFF2 font (cmap is never transformed). */
export function woff2CmapTable(woff2: Uint8Array): Uint8Array {
  const view = new DataView(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('Not a WOFF2 file (no wOF2 signature).');
  if (view.getUint32(4) === 0x74746366) throw new Error('WOFF2 font collections are not supported.');
  const tableCount = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  let offset = 48;
  const tables: { tagIndex: number; length: number }[] = [];
  for (let i = 0; i < tableCount; i++) {
    const flags = woff2[offset++] as number;
    const tagIndex = flags & 0x3f;
    // Tag 63: the four-byte tag follows.
    if (tagIndex === 63) offset += 4;
    const transform = (flags >> 6) & 3;
    let origLength: number;
    [origLength, offset] = readBase128(woff2, offset);
    let length = origLength;
    const isGlyfOrLoca = tagIndex === GLYF_TAG_INDEX || tagIndex === LOCA_TAG_INDEX;
    // glyf and loca are transformed with version 0; every other table with a version other than 0.
    if (isGlyfOrLoca ? transform !== 3 : transform !== 0) [length, offset] = readBase128(woff2, offset);
    tables.push({ tagIndex, length });
  }
  const stream = brotliDecompressSync(woff2.subarray(offset, offset + compressedLength));
  let start = 0;
  for (const table of tables) {
    if (table.tagIndex === CMAP_TAG_INDEX) return stream.subarray(start, start + table.length);
    start += table.length;
  }
  throw new Error('The font has no cmap table.');
}

/** Code points that `cmap` maps to a glyph other than .notdef, from its format 4 and 12 subtables. */
export function cmapCodePoints(cmap: Uint8Array): Set<number> {
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  const covered = new Set<number>();
  const subtableCount = view.getUint16(2);
  for (let i = 0; i < subtableCount; i++) {
    const platform = view.getUint16(4 + i * 8);
    const encoding = view.getUint16(6 + i * 8);
    const at = view.getUint32(8 + i * 8);
    // Unicode subtables only: platform 0, or Windows (3) with BMP (1) or full repertoire (10).
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const format = view.getUint16(at);
    if (format === 4) {
      const segments = view.getUint16(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = view.getUint16(ends + s * 2);
        const first = view.getUint16(starts + s * 2);
        const delta = view.getInt16(deltas + s * 2);
        const rangeOffsetAt = rangeOffsets + s * 2;
        const rangeOffset = view.getUint16(rangeOffsetAt);
        for (let code = first; code <= end && code !== 0xffff; code++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            const raw = view.getUint16(rangeOffsetAt + rangeOffset + (code - first) * 2);
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
          }
          if (glyph !== 0) covered.add(code);
        }
      }
    } else if (format === 12) {
      const groups = view.getUint32(at + 12);
      for (let g = 0; g < groups; g++) {
        const first = view.getUint32(at + 16 + g * 12);
        const end = view.getUint32(at + 20 + g * 12);
        const firstGlyph = view.getUint32(at + 24 + g * 12);
        for (let code = first; code <= end; code++) if (firstGlyph + (code - first) !== 0) covered.add(code);
      }
    }
  }
  return covered;
}

/**
 * The 6,763 hanzi of GB 2312 (rows 16–87, bytes 0xB0A1–0xF7FE), decoded as GB18030; row 55 has
 * 89 characters, so its last five cells (0xD7FA–0xD7FE) are left out.
 */
export function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030');
  const hanzi: string[] = [];
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      if (lead === 0xd7 && trail >= 0xfa) continue;
      hanzi.push(decoder.decode(new Uint8Array([lead, trail])));
    }
  }
  return hanzi;
}

/** Printable ASCII, U+0020–U+007E. */
export function printableAscii(): string[] {
  return Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
}
