/**
 * A large GeoJSON FeatureCollection parsed as its bytes arrive, a piece at a time (the page's worker
 * reads a picked file a few megabytes at a time): neither the file's bytes nor its text ever exist
 * whole. The result equals `JSON.parse` of the whole file; anything else (another encoding or
 * type, a syntax error, a second `features` member) gives null, and the caller reads the file the
 * ordinary way, with its exact messages. The same cuts as parse-large-geojson.ts, kept across pieces.
 */

import type { FeatureCollection } from '../types.ts';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isSpace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.ts';

/** About this many bytes of features are decoded and parsed at a time (a few milliseconds each). */
const PIECE_BYTES = 4 * 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

/** Bytes kept in the pieces they came in, joined only when read. */
class ByteRun {
  private parts: Uint8Array[] = [];
  length = 0;

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  /** The bytes as one array; the run is empty afterwards. */
  take(): Uint8Array {
    const joined = this.parts.length === 1 ? (this.parts[0] as Uint8Array) : new Uint8Array(this.length);
    if (this.parts.length > 1) {
      let at = 0;
      for (const part of this.parts) {
        joined.set(part, at);
        at += part.length;
      }
    }
    this.parts = [];
    this.length = 0;
    return joined;
  }
}

type Phase = 'root' | 'after-key' | 'after-colon' | 'features' | 'rest';

/**
 * Reads a FeatureCollection from its bytes given in any pieces, in order: `push` each, then `finish`.
 * @example
 *   const reader = new FeatureCollectionReader();
 *   for (let at = 0; at < file.size; at += 4 << 20) reader.push(new Uint8Array(await file.slice(at, at + (4 << 20)).arrayBuffer()));
 *   reader.finish() // → { type: 'FeatureCollection', features: [ …172,000 ] }, or null
 */
export class FeatureCollectionReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly pieceBytes: number;
  private failed = false;
  /** The first bytes, held until it is known whether they are a byte order mark. */
  private head: Uint8Array | null = new Uint8Array(0);
  private phase: Phase = 'root';
  /** Depth of arrays and objects: the root's members are at 1; in `features`, its elements at 0. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectKey = false;
  private started = false;
  private featuresKeys = 0;
  /** The bytes of the root's key being read (depth 1), or null. */
  private key: ByteRun | null = null;
  /** The root's text before `features`' `[` and after its `]`. */
  private readonly before = new ByteRun();
  private readonly after = new ByteRun();
  /** The features' bytes since the last cut. */
  private readonly piece = new ByteRun();
  private pieces = 0;
  private readonly features: unknown[] = [];
  private readonly onFeatures: ((features: unknown[]) => void) | null;

  /**
   * @param pieceBytes about how many bytes of features are parsed at a time (tests)
   * @param onFeatures given each piece's features as they are parsed, in order, which are then not
   *   kept: `finish` gives the root with `features: []` (a reading that keeps only what it needs)
   */
  constructor({
    pieceBytes = PIECE_BYTES,
    onFeatures,
  }: { pieceBytes?: number; onFeatures?: (features: unknown[]) => void } = {}) {
    this.pieceBytes = pieceBytes;
    this.onFeatures = onFeatures ?? null;
  }

  /** Reads the next bytes of the file (kept only until their features are parsed). */
  push(bytes: Uint8Array): void {
    if (this.failed) return;
    if (this.head) {
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      if (joined.length < BOM.length) {
        this.head = joined;
        return;
      }
      this.head = null;
      const bom = BOM.every((byte, i) => joined[i] === byte);
      this.scan(bom ? joined.subarray(BOM.length) : joined);
      return;
    }
    this.scan(bytes);
  }

  /** The FeatureCollection read, or null when the bytes are not one (read them the ordinary way). */
  finish(): FeatureCollection | null {
    if (this.head) {
      const head = this.head;
      this.head = null;
      this.scan(head);
    }
    if (this.failed || this.phase !== 'rest' || this.depth !== 0 || this.featuresKeys !== 1) return null;
    try {
      const root = JSON.parse(
        `${this.decoder.decode(this.before.take())}[]${this.decoder.decode(this.after.take())}`,
      ) as Record<string, unknown>;
      if (root.type !== 'FeatureCollection') return null;
      root.features = this.features;
      return root as unknown as FeatureCollection;
    } catch {
      return null;
    }
  }

  private fail(): void {
    this.failed = true;
    this.features.length = 0;
  }

  private scan(bytes: Uint8Array): void {
    let from = 0;
    for (let at = 0; at < bytes.length && !this.failed; at++) {
      const byte = bytes[at] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          if (this.key) {
            this.endKey(bytes.subarray(from, at + 1));
            from = at + 1;
          }
        }
        continue;
      }
      if (this.phase === 'features') {
        if (byte === QUOTE) this.inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          if (this.depth > 0) this.depth--;
          else if (byte === CLOSE_BRACE) this.fail();
          else {
            // The array's end: what follows is the root's again (its `]` is not kept: `[]` stands for it).
            this.piece.add(bytes.subarray(from, at));
            this.parsePiece();
            this.phase = 'rest';
            this.depth = 1;
            from = at + 1;
          }
        } else if (byte === COMMA && this.depth === 0 && this.piece.length + at - from >= this.pieceBytes) {
          this.piece.add(bytes.subarray(from, at));
          this.parsePiece();
          from = at + 1;
        }
        continue;
      }
      // The root: its own bytes are kept (they are small) to be parsed whole at the end.
      const run = this.phase === 'rest' ? this.after : this.before;
      if (this.phase === 'after-key' || this.phase === 'after-colon') {
        if (isSpace(byte)) continue;
        if (this.phase === 'after-key' && byte === COLON) this.phase = 'after-colon';
        else if (this.phase === 'after-colon' && byte === OPEN_BRACKET) {
          run.add(bytes.subarray(from, at));
          this.phase = 'features';
          this.depth = 0;
          from = at + 1;
        } else this.fail();
        continue;
      }
      if (!this.started) {
        if (isSpace(byte)) continue;
        if (byte !== OPEN_BRACE) {
          this.fail();
          return;
        }
        this.started = true;
      }
      if (byte === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectKey) {
          this.expectKey = false;
          // The key's bytes before this run's: kept from here to its closing quote.
          run.add(bytes.subarray(from, at));
          from = at;
          this.key = new ByteRun();
        }
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.depth++;
        this.expectKey = this.depth === 1;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) this.depth--;
      else if (byte === COMMA && this.depth === 1) this.expectKey = true;
    }
    if (this.failed) return;
    const rest = bytes.subarray(from);
    if (this.phase === 'features') this.piece.add(rest);
    else if (this.key) this.key.add(rest);
    else (this.phase === 'rest' ? this.after : this.before).add(rest);
  }

  /** A root key ended with `last` (its bytes in this chunk, to the closing quote). */
  private endKey(last: Uint8Array): void {
    const key = this.key as ByteRun;
    this.key = null;
    key.add(last);
    const bytes = key.take();
    const run = this.phase === 'rest' ? this.after : this.before;
    run.add(bytes);
    let name: unknown;
    try {
      name = JSON.parse(this.decoder.decode(bytes));
    } catch {
      this.fail();
      return;
    }
    if (name !== 'features') return;
    this.featuresKeys++;
    // A second `features` member would win in JSON.parse: leave such a file to it.
    if (this.phase === 'rest') {
      this.fail();
      return;
    }
    this.phase = 'after-key';
  }

  private parsePiece(): void {
    const bytes = this.piece.take();
    let elements: unknown[];
    try {
      elements = JSON.parse(`[${this.decoder.decode(bytes)}]`) as unknown[];
    } catch {
      this.fail();
      return;
    }
    // A piece after a cut that parses as an empty list was a trailing comma, which JSON refuses.
    if (elements.length === 0 && this.pieces > 0) {
      this.fail();
      return;
    }
    this.pieces++;
    if (this.onFeatures) this.onFeatures(elements);
    else for (const element of elements) this.features.push(element);
  }
}
