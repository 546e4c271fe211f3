/**
 * A GeoJSON FeatureCollection read straight from its UTF-8 bytes, feature by feature, without the
 * file's text ever existing: no decoding of the whole file (a 55 MB file is about 100 MB of text),
 * no UTF-8 check of the whole file, and strings decoded one at a time. The result is exactly what
 * `JSON.parse` gives for the file's text (same members, order, numbers to the last bit, strings,
 * `__proto__` as a plain member); anything this reader does not take on (another encoding, a syntax
 * error, a root that is not a FeatureCollection with a `features` array, nesting deeper than
 * {@link MAX_DEPTH}) makes it give up with null, and the caller reads the file the ordinary way,
 * with that way's exact messages.
 *
 * Bytes may come in pieces of any size ({@link GeoJsonByteReader.push}); a feature is read once its
 * last byte has come, so a large file can be read while it is still arriving, and with `onFeature`
 * the features need not even be kept.
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
import { GIVE_UP, INCOMPLETE, JsonStringDecoder, latin1 } from './json-string-decoder.ts';

/** Deeper nesting than this (a GeoJSON MultiPolygon's positions are at 6 in a feature) gives up. */
export const MAX_DEPTH = 64;

const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Powers of ten that are exact doubles: m / 10^k is then correctly rounded for m < 2^53. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT_INTEGER = 2 ** 53;

enum Step {
  Start,
  KeyOrClose,
  Key,
  AfterMember,
  FirstFeatureOrClose,
  Feature,
  AfterFeature,
  Done,
}

/** Options of {@link GeoJsonByteReader}. */
export interface GeoJsonByteReaderOptions {
  /**
   * Called with each feature (element of the root's `features` array) as soon as it is read; the
   * features are then not kept, and the result's `features` is empty.
   */
  onFeature?: (feature: unknown, index: number) => void;
}

/**
 * Reads a FeatureCollection from bytes given in pieces.
 * @example
 * const reader = new GeoJsonByteReader();
 * for await (const chunk of stream) if (!reader.push(chunk)) break;
 * const collection = reader.end(); // null: read the file the ordinary way
 */
export class GeoJsonByteReader {
  private bytes: Uint8Array = new Uint8Array(0);
  private at = 0;
  private step = Step.Start;
  private failed = false;
  private first = true;
  private root: Record<string, unknown> = {};
  private features: unknown[] | null = null;
  private featureCount = 0;
  private readonly onFeature: ((feature: unknown, index: number) => void) | undefined;
  /** ASCII strings met before (keys, repeated values), by a hash of their bytes. */
  private readonly names: (string | undefined)[] = new Array(4096);
  private readonly strings = new JsonStringDecoder();

  constructor(options: GeoJsonByteReaderOptions = {}) {
    this.onFeature = options.onFeature;
  }

  /**
   * Reads the next piece of the file.
   * @returns false once the reader has given up (then nothing more need be pushed)
   */
  push(chunk: Uint8Array): boolean {
    if (this.failed) return false;
    if (this.at >= this.bytes.length) this.bytes = chunk;
    else {
      const rest = this.bytes.length - this.at;
      const joined = new Uint8Array(rest + chunk.length);
      joined.set(this.bytes.subarray(this.at));
      joined.set(chunk, rest);
      this.bytes = joined;
    }
    this.at = 0;
    if (this.first && this.bytes.length >= 3) {
      this.first = false;
      // A UTF-8 byte-order mark is not part of the text.
      if (this.bytes[0] === 0xef && this.bytes[1] === 0xbb && this.bytes[2] === 0xbf) this.at = 3;
    }
    try {
      this.run();
    } catch (error) {
      if (error === INCOMPLETE) return true;
      // GIVE_UP, or a limit of the engine: the ordinary reading says what is wrong, if anything.
      this.failed = true;
      this.bytes = new Uint8Array(0);
    }
    return !this.failed;
  }

  /**
   * The collection, once every byte has been pushed: what `JSON.parse` gives for the file's text;
   * null when that is not a FeatureCollection with a `features` array, or not read by this reader.
   */
  end(): FeatureCollection | null {
    if (this.failed || this.step !== Step.Done) return null;
    // Only white space may follow the root object.
    for (let i = this.at; i < this.bytes.length; i++) if (!isSpace(this.bytes[i] as number)) return null;
    const { root } = this;
    if (root.type !== 'FeatureCollection' || !Array.isArray(root.features)) return null;
    return root as unknown as FeatureCollection;
  }

  /** Goes through the root object as far as the bytes go; throws INCOMPLETE where they end. */
  private run(): void {
    const bytes = this.bytes;
    for (;;) {
      this.at = skipSpace(bytes, this.at);
      if (this.at >= bytes.length) throw INCOMPLETE;
      const byte = bytes[this.at] as number;
      switch (this.step) {
        case Step.Start:
          if (this.first && this.at === 0 && byte === 0xef) throw INCOMPLETE;
          if (byte !== OPEN_BRACE) throw GIVE_UP;
          this.at++;
          this.step = Step.KeyOrClose;
          break;
        case Step.KeyOrClose:
          if (byte === CLOSE_BRACE) {
            this.at++;
            this.step = Step.Done;
          } else this.step = Step.Key;
          break;
        case Step.Key:
          this.member(byte);
          break;
        case Step.AfterMember:
          this.at++;
          if (byte === COMMA) this.step = Step.Key;
          else if (byte === CLOSE_BRACE) this.step = Step.Done;
          else throw GIVE_UP;
          break;
        case Step.FirstFeatureOrClose:
          if (byte === CLOSE_BRACKET) {
            this.at++;
            this.step = Step.AfterMember;
          } else this.step = Step.Feature;
          break;
        case Step.Feature: {
          const feature = this.value(this.at, 1);
          this.at = this.end_;
          const index = this.featureCount++;
          if (this.onFeature) this.onFeature(feature, index);
          else (this.features as unknown[]).push(feature);
          this.step = Step.AfterFeature;
          break;
        }
        case Step.AfterFeature:
          this.at++;
          if (byte === COMMA) this.step = Step.Feature;
          else if (byte === CLOSE_BRACKET) this.step = Step.AfterMember;
          else throw GIVE_UP;
          break;
        case Step.Done:
          // Only white space may follow; end() checks what is left.
          throw GIVE_UP;
      }
    }
  }

  /** One member of the root, from its key; the `features` array's elements are read one by one. */
  private member(byte: number): void {
    if (byte !== QUOTE) throw GIVE_UP;
    const bytes = this.bytes;
    const key = this.string(this.at);
    let at = spaceSkipped(bytes, this.end_);
    if (bytes[at] !== COLON) throw GIVE_UP;
    at = spaceSkipped(bytes, at + 1);
    if (key === 'features' && bytes[at] === OPEN_BRACKET) {
      // A second features member would replace the first, as in JSON.parse: not worth following.
      if (this.features !== null) throw GIVE_UP;
      this.features = [];
      setMember(this.root, key, this.features);
      this.at = at + 1;
      this.step = Step.FirstFeatureOrClose;
      return;
    }
    const value = this.value(at, 1);
    setMember(this.root, key, value);
    this.at = this.end_;
    this.step = Step.AfterMember;
  }

  /** Where the last value read ends (one past its last byte). */
  private end_ = 0;

  /** The JSON value starting at `from` (white space skipped), as JSON.parse gives it; its end in `end_`. */
  private value(from: number, depth: number): unknown {
    const bytes = this.bytes;
    const start = skipSpace(bytes, from);
    if (start >= bytes.length) throw INCOMPLETE;
    const byte = bytes[start] as number;
    if (byte === OPEN_BRACKET) return this.array(start, depth);
    if (byte === OPEN_BRACE) return this.object(start, depth);
    if (byte === QUOTE) return this.string(start);
    if (byte === MINUS || (byte >= ZERO && byte <= NINE)) return this.number(start);
    if (byte === 0x74) return this.literal(start, TRUE_BYTES, true);
    if (byte === 0x66) return this.literal(start, FALSE_BYTES, false);
    if (byte === 0x6e) return this.literal(start, NULL_BYTES, null);
    throw GIVE_UP;
  }

  private literal<T>(start: number, expected: readonly number[], value: T): T {
    const bytes = this.bytes;
    for (let i = 0; i < expected.length; i++) {
      const at = start + i;
      if (at >= bytes.length) throw INCOMPLETE;
      if (bytes[at] !== expected[i]) throw GIVE_UP;
    }
    this.end_ = start + expected.length;
    return value;
  }

  private array(open: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const bytes = this.bytes;
    let at = this.firstElement(open, CLOSE_BRACKET);
    if (at < 0) return [];
    const first = bytes[at] as number;
    if (first === MINUS || (first >= ZERO && first <= NINE)) {
      // A position [x, y]: made by one array literal, whose allocation site lets the engine place
      // these long-lived arrays where the young generation's collections need not copy them.
      const x = this.number(at);
      at = this.nextElement(CLOSE_BRACKET);
      if (at < 0) return [x];
      const second = bytes[at] as number;
      if (second === MINUS || (second >= ZERO && second <= NINE)) {
        const y = this.number(at);
        at = this.nextElement(CLOSE_BRACKET);
        if (at < 0) return [x, y];
        return this.rest([x, y], at, depth);
      }
      return this.rest([x], at, depth);
    }
    return this.rest([], at, depth);
  }

  /** The array's elements from the one at `from` on, after those in `list`. */
  private rest(list: unknown[], from: number, depth: number): unknown[] {
    const bytes = this.bytes;
    let at = from;
    while (at >= 0) {
      const byte = bytes[at] as number;
      // Numbers, the bulk of a GeoJSON file, are read here without the dispatch of value().
      if (byte === MINUS || (byte >= ZERO && byte <= NINE)) list.push(this.number(at));
      else list.push(this.value(at, depth + 1));
      at = this.nextElement(CLOSE_BRACKET);
    }
    return list;
  }

  private object(open: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const bytes = this.bytes;
    const record: Record<string, unknown> = {};
    let at = this.firstElement(open, CLOSE_BRACE);
    while (at >= 0) {
      if (bytes[at] !== QUOTE) throw GIVE_UP;
      const key = this.string(at);
      at = spaceSkipped(bytes, this.end_);
      if (bytes[at] !== COLON) throw GIVE_UP;
      setMember(record, key, this.value(at + 1, depth + 1));
      at = this.nextElement(CLOSE_BRACE);
    }
    return record;
  }

  /** The first element's start in the array or object opening at `open`; -1 when it is empty. */
  private firstElement(open: number, close: number): number {
    const at = spaceSkipped(this.bytes, open + 1);
    if (this.bytes[at] !== close) return at;
    this.end_ = at + 1;
    return -1;
  }

  /** After an element (ending at `end_`): the next one's start, or -1 at the closing byte. */
  private nextElement(close: number): number {
    const bytes = this.bytes;
    const at = spaceSkipped(bytes, this.end_);
    const next = bytes[at];
    if (next === COMMA) return spaceSkipped(bytes, at + 1);
    if (next !== close) throw GIVE_UP;
    this.end_ = at + 1;
    return -1;
  }

  /** The number at `start` exactly as JSON.parse reads it. */
  private number(start: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let at = start;
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    if (at >= length) throw INCOMPLETE;
    let mantissa = 0;
    let byte = bytes[at] as number;
    if (byte === ZERO) {
      at++;
    } else if (byte > ZERO && byte <= NINE) {
      do {
        mantissa = mantissa * 10 + (byte - ZERO);
        at++;
        byte = bytes[at] as number;
      } while (byte >= ZERO && byte <= NINE);
    } else throw GIVE_UP;
    let fraction = 0;
    if (bytes[at] === DOT) {
      at++;
      byte = bytes[at] as number;
      if (!(byte >= ZERO && byte <= NINE)) throw at >= length ? INCOMPLETE : GIVE_UP;
      do {
        mantissa = mantissa * 10 + (byte - ZERO);
        fraction++;
        at++;
        byte = bytes[at] as number;
      } while (byte >= ZERO && byte <= NINE);
    }
    let exponentAt = -1;
    byte = bytes[at] as number;
    if (byte === LOWER_E || byte === UPPER_E) {
      exponentAt = at;
      at++;
      byte = bytes[at] as number;
      if (byte === PLUS || byte === MINUS) {
        at++;
        byte = bytes[at] as number;
      }
      if (!(byte >= ZERO && byte <= NINE)) throw at >= length ? INCOMPLETE : GIVE_UP;
      do {
        at++;
        byte = bytes[at] as number;
      } while (byte >= ZERO && byte <= NINE);
    }
    // The number may go on in the next piece.
    if (at >= length) throw INCOMPLETE;
    this.end_ = at;
    // m / 10^k with both exact is correctly rounded, as JSON.parse's reading is.
    if (exponentAt < 0 && mantissa < MAX_EXACT_INTEGER && fraction <= 22) {
      const value = fraction === 0 ? mantissa : mantissa / (EXACT_POWERS[fraction] as number);
      return negative ? -value : value;
    }
    return Number(latin1(bytes, start, at));
  }

  /** The string whose opening quote is at `open`, decoded; its end (past the closing quote) in `end_`. */
  private string(open: number): string {
    const bytes = this.bytes;
    const length = bytes.length;
    let at = open + 1;
    let hash = 0;
    let byte = 0;
    // The common case: printable ASCII without escapes.
    for (; at < length; at++) {
      byte = bytes[at] as number;
      if (byte === QUOTE || byte === BACKSLASH || byte < 0x20 || byte >= 0x80) break;
      hash = (hash * 31 + byte) | 0;
    }
    if (at >= length) throw INCOMPLETE;
    if (byte === QUOTE) {
      this.end_ = at + 1;
      const size = at - open - 1;
      if (size > 32) return latin1(bytes, open + 1, at);
      const slot = (hash ^ (size << 7)) & 4095;
      const known = this.names[slot];
      if (known !== undefined && known.length === size && sameAscii(known, bytes, open + 1)) return known;
      const made = latin1(bytes, open + 1, at);
      this.names[slot] = made;
      return made;
    }
    if (byte < 0x20) throw GIVE_UP;
    // Escapes or other than ASCII.
    const text = this.strings.decode(bytes, open, at);
    this.end_ = this.strings.end;
    return text;
  }
}

/**
 * The FeatureCollection in `bytes` (UTF-8, with or without a byte-order mark) exactly as JSON.parse
 * reads its text; null when it is not one this reader takes on (see the module's note): read it the
 * ordinary way then.
 * @example readFeatureCollectionBytes(readFileSync('plots.geojson')) // → { type: 'FeatureCollection', features: [ …100,000 ] }
 */
export function readFeatureCollectionBytes(bytes: Uint8Array): FeatureCollection | null {
  const reader = new GeoJsonByteReader();
  reader.push(bytes);
  return reader.end();
}

const TRUE_BYTES = [0x74, 0x72, 0x75, 0x65];
const FALSE_BYTES = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL_BYTES = [0x6e, 0x75, 0x6c, 0x6c];

/** {@link skipSpace}, throwing INCOMPLETE when the bytes end there. */
function spaceSkipped(bytes: Uint8Array, from: number): number {
  const at = skipSpace(bytes, from);
  if (at >= bytes.length) throw INCOMPLETE;
  return at;
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const byte = bytes[at];
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) at++;
    else return at;
  }
}

function sameAscii(text: string, bytes: Uint8Array, from: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[from + i]) return false;
  return true;
}

/** A member set as JSON.parse sets it: `__proto__` too as a plain own property. */
function setMember(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
