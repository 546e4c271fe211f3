/**
 * Zip bombs made at run time (never committed): an entry of zeros that inflates to any size from
 * about 1/158 of it, with the size its headers declare chosen freely (honest, or a lie), so that
 * the tests and the memory measurement need neither a large fixture nor the time to compress one.
 */

/** Bits written least significant first, as DEFLATE packs them (RFC 1951 §3.1.1). */
class BitWriter {
  private readonly bytes: Uint8Array;
  private at = 0;
  private pending = 0;
  private pendingBits = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  /** `value`'s `count` low bits, least significant first (header fields, extra bits). */
  bits(value: number, count: number): void {
    this.pending |= value << this.pendingBits;
    this.pendingBits += count;
    while (this.pendingBits >= 8) {
      this.bytes[this.at++] = this.pending & 0xff;
      this.pending >>>= 8;
      this.pendingBits -= 8;
    }
  }
  /** A Huffman code of `count` bits, most significant first. */
  code(value: number, count: number): void {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((value >> i) & 1) << (count - 1 - i);
    this.bits(reversed, count);
  }
  done(): Uint8Array {
    if (this.pendingBits > 0) this.bytes[this.at++] = this.pending & 0xff;
    return this.bytes.slice(0, this.at);
  }
}

/** Length 258 (code 285, 8 bits) then distance 1 (code 0, 5 bits), as the 13 bits written. */
const COPY_258 = (() => {
  const writer = new BitWriter(2);
  writer.code(0xc5, 8);
  writer.code(0, 5);
  const [low = 0, high = 0] = writer.done();
  return low | (high << 8);
})();

/**
 * A raw DEFLATE stream of `bytes` zeros: one fixed-Huffman block, a literal 0 and then copies of
 * 258 bytes at distance 1 (13 bits each), so 1 GB takes about 6.3 MB.
 */
export function deflatedZeros(bytes: number): Uint8Array {
  const copies = Math.floor((bytes - 1) / 258);
  const rest = bytes - 1 - copies * 258;
  const writer = new BitWriter(Math.ceil((copies * 13 + (rest + 1) * 8 + 20) / 8));
  writer.bits(1, 1); // the last block
  writer.bits(1, 2); // fixed Huffman codes
  writer.code(0x30, 8); // literal 0
  for (let i = 0; i < copies; i++) writer.bits(COPY_258, 13);
  for (let i = 0; i < rest; i++) writer.code(0x30, 8);
  writer.code(0, 7); // end of block
  return writer.done();
}

export interface BombEntry {
  name: string;
  /** What the entry really inflates to. */
  bytes: number;
  /** What its headers say it inflates to (default: the truth). */
  declaredBytes?: number;
}

/** A zip archive (deflated entries of zeros, CRC left 0) whose entries are `entries`. */
export function zipBomb(entries: readonly BombEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = deflatedZeros(entry.bytes);
    const declared = entry.declaredBytes ?? entry.bytes;
    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, Math.min(declared, 0xffffffff), true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, Math.min(declared, 0xffffffff), true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directoryBytes = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directoryBytes, true);
  ev.setUint32(16, offset, true);
  const zip = new Uint8Array(offset + directoryBytes + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}
