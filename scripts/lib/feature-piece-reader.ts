/**
 * A GeoJSON FeatureCollection file read piece after piece through a window of a few pieces, never
 * whole: each piece is a comma-separated list of whole features (cut where featureCollectionFrame
 * and nextFeatureCut find them), given as bytes that stay valid until the next piece is asked for.
 * Reading the whole file into memory first costs its size in fresh pages, which on the benchmark
 * machine took as long as parsing a third of it.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  type FeatureCollectionFrame,
  featureCollectionFrame,
  nextFeatureCut,
} from '../../src/core/io/parse-large-geojson.ts';

/** Bytes read from the file's start in search of the `features` array, and from its end. */
const HEAD_BYTES = 1 << 20;
const TAIL_BYTES = 1 << 16;

/** Reads `length` bytes at `position` of `fd` into `target` from `offset`; how many were read. */
function readFully(fd: number, target: Uint8Array, offset: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, target, offset + done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

export class FeaturePieceReader {
  /** The root object with an empty `features` array; null when the file is not of that shape. */
  readonly root: FeatureCollectionFrame['root'] | null;
  private readonly fd: number;
  private readonly size: number;
  private close: number;
  /** The file offset of the next piece's first byte. */
  private from: number;
  private window: Uint8Array;
  /** The file offset of window[0] and how many bytes of the window hold the file. */
  private windowStart = 0;
  private windowLength = 0;

  /**
   * @param pieceBytes about how many bytes each piece holds (a piece ends before the first feature
   *   that starts after that many)
   * @param range file offsets [from, to) of a run of whole features, comma-separated, to read
   *   instead of the whole `features` array (no root is then read: `root` is the empty object)
   */
  constructor(
    path: string,
    private readonly pieceBytes: number,
    range?: readonly [from: number, to: number],
  ) {
    this.fd = openSync(path, 'r');
    try {
      this.size = fstatSync(this.fd).size;
      this.window = new Uint8Array(Math.max(4 * pieceBytes, range ? 0 : HEAD_BYTES));
      if (range) {
        this.root = { features: [] };
        [this.from, this.close] = range;
        this.windowStart = this.from;
        return;
      }
      const head = this.window.subarray(0, readFully(this.fd, this.window, 0, HEAD_BYTES, 0));
      this.windowLength = head.length;
      const tail = new Uint8Array(Math.min(TAIL_BYTES, this.size));
      readFully(this.fd, tail, 0, tail.length, this.size - tail.length);
      const frame = featureCollectionFrame(head, tail, this.size);
      this.root = frame?.root ?? null;
      this.from = frame ? frame.open + 1 : 0;
      this.close = frame ? frame.close : 0;
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /**
   * The offsets of the comma before the first feature that starts after each of `offsets` (ascending,
   * within the `features` array): where to cut the file into parts; null when one is not found
   * within 4 pieces' worth of bytes (or the file is not of the shape the pieces are cut from).
   */
  cutsAfter(offsets: readonly number[]): number[] | null {
    if (!this.root) return null;
    const cuts: number[] = [];
    const window = new Uint8Array(4 * this.pieceBytes);
    for (const offset of offsets) {
      const at = Math.max(offset, (cuts[cuts.length - 1] ?? this.from) + 1);
      const length = readFully(this.fd, window, 0, Math.min(window.length, this.close - at), at);
      const cut = nextFeatureCut(window.subarray(0, length), 0, length);
      if (cut < 0) return null;
      cuts.push(at + cut);
    }
    return cuts;
  }

  /** The file offsets of the `features` array's content: from after its `[` to its `]`. */
  get extent(): [from: number, to: number] {
    return [this.from, this.close];
  }

  /**
   * The next piece's bytes (valid until the next call), or null after the last; undefined when no
   * cut between features is found within 4 pieces' worth of bytes growing to the whole file (then the
   * file is not of the shape the pieces are cut from).
   */
  next(): Uint8Array | null | undefined {
    if (!this.root || this.from >= this.close) return null;
    for (let want = this.pieceBytes; ; want *= 2) {
      this.fill(want + this.pieceBytes);
      const from = this.from - this.windowStart;
      const available = this.windowStart + this.windowLength;
      if (this.from + want >= this.close && this.close < available) {
        this.from = this.close;
        return this.window.subarray(from, this.close - this.windowStart);
      }
      const bytes = this.window.subarray(0, this.windowLength);
      const cut = nextFeatureCut(bytes, from + want, Math.min(this.close, available) - this.windowStart);
      if (cut >= 0) {
        this.from = this.windowStart + cut + 1;
        return this.window.subarray(from, cut);
      }
      if (available >= this.size) return undefined;
    }
  }

  /** Makes the window hold at least `length` bytes from the next piece's start (or up to the file's end). */
  private fill(length: number): void {
    const end = Math.min(this.from + length, this.size);
    if (end <= this.windowStart + this.windowLength) return;
    const keep = this.windowStart + this.windowLength - this.from;
    if (end - this.from > this.window.length) {
      const larger = new Uint8Array(Math.max(2 * this.window.length, end - this.from));
      larger.set(this.window.subarray(this.from - this.windowStart, this.windowLength));
      this.window = larger;
    } else this.window.copyWithin(0, this.from - this.windowStart, this.windowLength);
    this.windowStart = this.from;
    // Read as much as the window holds, so that the next pieces need no read of their own.
    const toRead = Math.min(this.window.length - keep, this.size - (this.windowStart + keep));
    this.windowLength = keep + readFully(this.fd, this.window, keep, toRead, this.windowStart + keep);
  }

  /** Closes the file. */
  dispose(): void {
    closeSync(this.fd);
  }
}
