/**
 * Zip archives (and KMZ) read within a limit: the sizes the archive declares are added up before
 * anything is inflated, and an entry's inflating stops as soon as its output passes its declared
 * size (a declared size can lie), so a zip bomb costs neither the memory nor the time it asks for.
 */

import { Inflate } from 'fflate';
import { decodeUtf8OrGb18030, isAscii } from './decode-text.ts';
import { inflatedLimit, type TooLargeArchive } from './import-limits.ts';

/** One entry of the central directory (the archive's own list of what it holds). */
export interface ZipEntryInfo {
  /** The path inside the archive, decoded (UTF-8, or GBK/GB18030 as Chinese Windows writes it). */
  path: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedBytes: number;
  /** What the archive says the entry inflates to (not trusted: see readZip). */
  declaredBytes: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/** What readZip found: the wanted entries' bytes, or why it stopped. */
export type ZipRead =
  | { ok: true; entries: { path: string; bytes: Uint8Array }[]; total: number }
  | { ok: false; reason: 'damaged' }
  | ({ ok: false; reason: 'too-large' } & TooLargeArchive);

/** Compressed bytes pushed to the inflater at a time: at most ~64 MB of output per push (deflate inflates ≤ 1032×). */
const PUSH_BYTES = 64 * 1024;
const MAX_UINT32 = 0xffffffff;

class Damaged extends Error {}

/** Reads `bytes` as a little-endian archive structure; any read outside it means a damaged archive. */
class Bytes {
  constructor(readonly data: Uint8Array) {}
  u16(at: number): number {
    if (at < 0 || at + 2 > this.data.length) throw new Damaged();
    return (this.data[at] as number) | ((this.data[at + 1] as number) << 8);
  }
  u32(at: number): number {
    return (this.u16(at) + this.u16(at + 2) * 0x10000) >>> 0;
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }
}

/**
 * A zip entry's name as text. Names without the UTF-8 flag are bytes in the writer's code page:
 * UTF-8 when valid, else GBK/GB18030 (Windows on Chinese systems, WinRAR). `name` may also be given
 * one character per byte (as fflate gives such names).
 */
export function decodeZipEntryName(name: string | Uint8Array): string {
  if (typeof name === 'string') {
    const codes = Array.from(name, (char) => char.codePointAt(0) ?? 0);
    if (codes.some((code) => code > 0xff)) return name;
    return decodeZipEntryName(Uint8Array.from(codes));
  }
  return isAscii(name) ? String.fromCharCode(...name) : decodeUtf8OrGb18030(name).text;
}

/** The end of central directory record's offset, searched from the end (it may be followed by a comment). */
function endOfDirectory(zip: Bytes): number {
  const { length } = zip.data;
  for (let at = length - 22; at >= 0 && length - at <= 65557; at--) {
    if (zip.u32(at) === 0x06054b50) return at;
  }
  throw new Damaged();
}

/** The archive's entries as its central directory lists them (zip64 included). */
export function listZipEntries(data: Uint8Array): ZipEntryInfo[] {
  const zip = new Bytes(data);
  const end = endOfDirectory(zip);
  let count = zip.u16(end + 10);
  let at = zip.u32(end + 16);
  const zip64 = end >= 20 && zip.u32(end - 20) === 0x07064b50;
  if (zip64) {
    const record = zip.u64(end - 12);
    if (zip.u32(record) !== 0x06064b50) throw new Damaged();
    count = zip.u64(record + 32);
    at = zip.u64(record + 48);
  }
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.u32(at) !== 0x02014b50) throw new Damaged();
    const flags = zip.u16(at + 8);
    const nameLength = zip.u16(at + 28);
    const extraLength = zip.u16(at + 30);
    const nameStart = at + 46;
    if (nameStart + nameLength > data.length) throw new Damaged();
    const nameBytes = data.subarray(nameStart, nameStart + nameLength);
    let compressedBytes = zip.u32(at + 20);
    let declaredBytes = zip.u32(at + 24);
    let localOffset = zip.u32(at + 42);
    // Zip64 extra field: the 8-byte values of those fields that hold 0xFFFFFFFF, in this order.
    for (let extra = nameStart + nameLength; extra + 4 <= nameStart + nameLength + extraLength; ) {
      const size = zip.u16(extra + 2);
      if (zip.u16(extra) === 1) {
        let field = extra + 4;
        const next = () => {
          const value = zip.u64(field);
          field += 8;
          return value;
        };
        if (declaredBytes === MAX_UINT32) declaredBytes = next();
        if (compressedBytes === MAX_UINT32) compressedBytes = next();
        if (localOffset === MAX_UINT32) localOffset = next();
      }
      extra += 4 + size;
    }
    entries.push({
      path: flags & 0x800 ? new TextDecoder().decode(nameBytes) : decodeZipEntryName(nameBytes),
      method: zip.u16(at + 10),
      compressedBytes,
      declaredBytes,
      localOffset,
    });
    at = nameStart + nameLength + extraLength + zip.u16(at + 32);
  }
  return entries;
}

/** The compressed bytes of `entry`, after its local header. */
function compressedData(zip: Bytes, entry: ZipEntryInfo): Uint8Array {
  const header = entry.localOffset;
  if (zip.u32(header) !== 0x04034b50) throw new Damaged();
  const start = header + 30 + zip.u16(header + 26) + zip.u16(header + 28);
  const end = start + entry.compressedBytes;
  if (end > zip.data.length) throw new Damaged();
  return zip.data.subarray(start, end);
}

/**
 * `data` inflated into a buffer of the `declared` size, or the bytes inflated so far (a number)
 * once they pass it: the inflating stops there, so a lying entry costs no more than it declared.
 */
function inflateWithin(data: Uint8Array, declared: number): Uint8Array | number {
  const out = new Uint8Array(declared);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (!over && length + chunk.length <= declared) out.set(chunk, length);
    else over = true;
    length += chunk.length;
  });
  for (let start = 0; start < data.length && !over; start += PUSH_BYTES) {
    const end = Math.min(data.length, start + PUSH_BYTES);
    inflater.push(data.subarray(start, end), end === data.length);
  }
  if (data.length === 0) inflater.push(data, true);
  return over ? length : out.subarray(0, length);
}

/** True for entries that are folders or macOS resource forks. */
function isNoise(path: string): boolean {
  return path.endsWith('/') || /(^|\/)__MACOSX\//.test(path) || /(^|\/)\._/.test(path);
}

/**
 * The entries of the zip archive `data` whose path `wanted` accepts, inflated, within the limit
 * for an archive of its size (import-limits.ts): refused before inflating when their declared sizes
 * add up to more, and stopped while inflating when an entry passes its declared size (so the bytes
 * never pass the limit either). `limitBytes` is for tests.
 * `total` counts the entries that
 * are not folders or macOS resource forks (wanted or not). Never throws.
 *
 * @example readZip(zipSync({ 'a.shp': shp }), (path) => path.endsWith('.shp')) // → { ok: true, entries: [{ path: 'a.shp', bytes }], total: 1 }
 */
export function readZip(
  data: Uint8Array,
  wanted: (path: string) => boolean,
  limitBytes = inflatedLimit(data.length),
): ZipRead {
  const zip = new Bytes(data);
  try {
    const listed = listZipEntries(data).filter((entry) => !isNoise(entry.path));
    const chosen = listed.filter((entry) => wanted(entry.path));
    const declaredBytes = chosen.reduce((sum, entry) => sum + entry.declaredBytes, 0);
    const largest = chosen.reduce<ZipEntryInfo | undefined>(
      (big, entry) => (big && big.declaredBytes >= entry.declaredBytes ? big : entry),
      undefined,
    );
    const tooLarge = (entry: ZipEntryInfo, inflatedBytes: number | null): ZipRead => ({
      ok: false,
      reason: 'too-large',
      limitBytes,
      entry: entry.path,
      entryDeclaredBytes: entry.declaredBytes,
      totalDeclaredBytes: declaredBytes,
      inflatedBytes,
    });
    if (largest && declaredBytes > limitBytes) return tooLarge(largest, null);
    const entries: { path: string; bytes: Uint8Array }[] = [];
    for (const entry of chosen) {
      const compressed = compressedData(zip, entry);
      let bytes: Uint8Array;
      if (entry.method === 0) bytes = compressed.slice();
      else if (entry.method === 8) {
        const inflated = inflateWithin(compressed, entry.declaredBytes);
        if (typeof inflated === 'number') return tooLarge(entry, inflated);
        bytes = inflated;
      } else return { ok: false, reason: 'damaged' };
      entries.push({ path: entry.path, bytes });
    }
    return { ok: true, entries, total: listed.length };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
