/**
 * A large GeoJSON FeatureCollection parsed from its bytes a few megabytes at a time, never as one
 * text: the result equals `JSON.parse` of the whole file, but the file's text (up to twice its size
 * in memory) never exists. Anything else (another encoding or type, a syntax error) gives null, and
 * the caller reads the file the ordinary way, with its exact messages.
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

/** Files from this size on are parsed in pieces; smaller ones cost little as one text. */
export const LARGE_GEOJSON_BYTES = 32 * 1024 * 1024;
/** About this many bytes of features are decoded and parsed at a time (a few milliseconds each). */
const PIECE_BYTES = 4 * 1024 * 1024;

/** The index of the quote that closes the string opening at `start`; -1 if none. */
function stringEnd(bytes: Uint8Array, start: number): number {
  let at = start;
  for (;;) {
    at = bytes.indexOf(QUOTE, at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

function nextNonSpace(bytes: Uint8Array, from: number): number {
  let at = from;
  while (isSpace(bytes[at])) at++;
  return at;
}

/**
 * The elements of the array whose `[` is at `open`, parsed a piece of about PIECE_BYTES at a time
 * (a piece ends at a comma between elements, so it is a list of whole elements), and the index of
 * its `]`. Throws on what is not JSON.
 */
function parseElements(
  bytes: Uint8Array,
  open: number,
  decoder: TextDecoder,
  pieceBytes: number,
): { elements: unknown[]; close: number } {
  const elements: unknown[] = [];
  const parsePiece = (from: number, to: number) => {
    const piece = JSON.parse(`[${decoder.decode(bytes.subarray(from, to))}]`) as unknown[];
    // A piece after a cut that parses as an empty list was a trailing comma, which JSON refuses.
    if (piece.length === 0 && from > open + 1) throw new SyntaxError('trailing comma');
    for (const element of piece) elements.push(element);
  };
  let pieceStart = open + 1;
  let depth = 0;
  for (let at = open + 1; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === QUOTE) {
      at = stringEnd(bytes, at);
      if (at < 0) break;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      if (depth === 0) {
        parsePiece(pieceStart, at);
        return { elements, close: at };
      }
      depth--;
    } else if (byte === COMMA && depth === 0 && at - pieceStart >= pieceBytes) {
      parsePiece(pieceStart, at);
      pieceStart = at + 1;
    }
  }
  throw new SyntaxError('unterminated array');
}

/**
 * Walks the members of the root object whose `{` is at `start`, calling `onFeatures` with the index
 * of the `[` of each member named `features`; it returns the index to go on after (that array's
 * `]`), or -1 to stop there. Null when a `features` member holds no array (or the text ends inside a
 * string); else how many `features` members were met. Throws on what is not JSON.
 */
function eachFeaturesMember(
  bytes: Uint8Array,
  start: number,
  decoder: TextDecoder,
  onFeatures: (open: number) => number,
): number | null {
  let featuresKeys = 0;
  let depth = 0;
  let expectKey = false;
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === QUOTE) {
      const end = stringEnd(bytes, at);
      if (end < 0) return null;
      if (depth === 1 && expectKey) {
        expectKey = false;
        if (JSON.parse(decoder.decode(bytes.subarray(at, end + 1))) === 'features') {
          featuresKeys++;
          const colon = nextNonSpace(bytes, end + 1);
          const open = nextNonSpace(bytes, colon + 1);
          if (bytes[colon] !== COLON || bytes[open] !== OPEN_BRACKET) return null;
          at = onFeatures(open);
          if (at < 0) return featuresKeys;
          continue;
        }
      }
      at = end;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      expectKey = depth === 1;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
    else if (byte === COMMA && depth === 1) expectKey = true;
  }
  return featuresKeys;
}

/**
 * The root object's members with its one `features` array parsed in pieces: the text of the
 * object with `[]` in place of that array, and the array's elements. Null when there is not exactly
 * one `features` member holding an array. Throws on what is not JSON.
 */
function splitRoot(
  bytes: Uint8Array,
  start: number,
  decoder: TextDecoder,
  pieceBytes: number,
): { skeleton: string; features: unknown[] } | null {
  if (bytes[start] !== OPEN_BRACE) return null;
  let features: { elements: unknown[]; open: number; close: number } | null = null;
  const featuresKeys = eachFeaturesMember(bytes, start, decoder, (open) => {
    const parsed = parseElements(bytes, open, decoder, pieceBytes);
    features = { elements: parsed.elements, open, close: parsed.close };
    return parsed.close;
  });
  // A second "features" member would win in JSON.parse: leave such a file to it.
  const found = features as { elements: unknown[]; open: number; close: number } | null;
  if (!found || featuresKeys !== 1) return null;
  const skeleton = `${decoder.decode(bytes.subarray(start, found.open))}[]${decoder.decode(bytes.subarray(found.close + 1))}`;
  return { skeleton, features: found.elements };
}

/**
 * The FeatureCollection in `bytes` (UTF-8, with or without BOM), parsed in pieces; null when the
 * file is smaller than LARGE_GEOJSON_BYTES, is not UTF-8, not valid JSON, or not an object of type
 * "FeatureCollection" with one `features` array (the caller then reads it whole, as before).
 * `minimumBytes` and `pieceBytes` (about how much is parsed at a time) are for tests.
 *
 * @example parseLargeFeatureCollection(bytesOf300MbFile) // → { type: 'FeatureCollection', features: [ …563,902 ] }
 */
export function parseLargeFeatureCollection(
  bytes: Uint8Array,
  { minimumBytes = LARGE_GEOJSON_BYTES, pieceBytes = PIECE_BYTES } = {},
): FeatureCollection | null {
  if (bytes.length < minimumBytes) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    const split = splitRoot(bytes, nextNonSpace(bytes, bom), decoder, pieceBytes);
    if (!split) return null;
    const root = JSON.parse(split.skeleton) as Record<string, unknown>;
    if (root.type !== 'FeatureCollection') return null;
    root.features = split.features;
    return root as unknown as FeatureCollection;
  } catch {
    // Not UTF-8 or not valid JSON: the ordinary reading says exactly what is wrong.
    return null;
  }
}

/** A FeatureCollection's bytes cut between features, so that the pieces can be read side by side. */
export interface FeatureCollectionPieces {
  /** The root object as JSON.parse gives it, with an empty `features` array. */
  root: Record<string, unknown> & { features: unknown[] };
  /**
   * [from, to) byte ranges, in file order, each a comma-separated list of features without the
   * array's brackets. Not yet checked: a reader parses each as `[` piece `]`, and only when every
   * piece parses, as UTF-8 and as JSON, to a non-empty list are the features the file's.
   */
  pieces: [number, number][];
}

/** Bytes of `"Feature"`, the value a feature's `type` member starts with. */
const FEATURE_TYPE = [0x22, 0x46, 0x65, 0x61, 0x74, 0x75, 0x72, 0x65, 0x22];
const TYPE_KEY = [0x22, 0x74, 0x79, 0x70, 0x65, 0x22];

function startsWithBytes(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

function previousNonSpace(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at >= 0 && isSpace(bytes[at])) at--;
  return at;
}

/**
 * The index of the comma before the first feature that starts at or after `from`, recognised by
 * `}, {"type": "Feature"` (any spaces); -1 when none starts before `limit`. Only a candidate: the same
 * bytes inside a property or a string make a piece that does not parse, and the reader falls back.
 */
export function nextFeatureCut(bytes: Uint8Array, from: number, limit: number): number {
  for (let brace = bytes.indexOf(OPEN_BRACE, from); brace >= 0 && brace < limit; ) {
    const comma = previousNonSpace(bytes, brace - 1);
    const key = nextNonSpace(bytes, brace + 1);
    if (
      bytes[comma] === COMMA &&
      bytes[previousNonSpace(bytes, comma - 1)] === CLOSE_BRACE &&
      startsWithBytes(bytes, key, TYPE_KEY)
    ) {
      const colon = nextNonSpace(bytes, key + TYPE_KEY.length);
      if (bytes[colon] === COLON && startsWithBytes(bytes, nextNonSpace(bytes, colon + 1), FEATURE_TYPE))
        return comma;
    }
    brace = bytes.indexOf(OPEN_BRACE, brace + 1);
  }
  return -1;
}

/**
 * Cuts a FeatureCollection whose `features` array is its last member into `count` pieces of about
 * equal size, without reading the features: the root is scanned up to that array, its end is found
 * from the end of the file, and each cut is placed before a feature found near an equal share of the
 * bytes. Null when the file does not have that shape (another member after `features`, no cut found,
 * not a FeatureCollection); the caller then reads the file whole.
 * @param bytes the file (UTF-8, with or without BOM)
 * @param count how many pieces, at least 1
 * @param firstWeight the first piece's size against each other piece's (1: all about equal; the
 *   command line gives its own thread's piece less, as that thread also merges the pieces)
 * @example cutFeatureCollection(bytesOf100000Plots, 2) // → { root: { type: 'FeatureCollection', name: '工业用地地块', features: [] }, pieces: [[93, 27618193], [27618194, 55236380]] }
 */
export function cutFeatureCollection(
  bytes: Uint8Array,
  count: number,
  firstWeight = 1,
): FeatureCollectionPieces | null {
  const frame = featureCollectionFrame(bytes, bytes, bytes.length);
  if (!frame) return null;
  const { root, open, close } = frame;
  const pieces: [number, number][] = [];
  let from = open + 1;
  for (const share of shareOffsets(open, close, count, firstWeight)) {
    const cut = nextFeatureCut(bytes, Math.max(share, from), close);
    if (cut < 0) return null;
    pieces.push([from, cut]);
    from = cut + 1;
  }
  pieces.push([from, close]);
  return { root, pieces };
}

/**
 * Where pieces 2 … `count` of the `features` array between `open` and `close` (its brackets' offsets)
 * would start if cut at equal shares of its bytes, the first piece's share `firstWeight` times the
 * others': each cut goes before the first feature from there on (nextFeatureCut).
 */
export function shareOffsets(open: number, close: number, count: number, firstWeight = 1): number[] {
  return Array.from(
    { length: count - 1 },
    (_, k) => open + Math.round(((close - open) * (firstWeight + k)) / (firstWeight + count - 1)),
  );
}

/** Where a FeatureCollection's `features` array lies in its file, and the root without it. */
export interface FeatureCollectionFrame {
  /** The root object as JSON.parse gives it, with an empty `features` array. */
  root: Record<string, unknown> & { features: unknown[] };
  /** The file offsets of the array's `[` and `]`. */
  open: number;
  close: number;
}

/**
 * The frame of a FeatureCollection whose `features` array is its last member, from the file's first
 * bytes (`head`, which must reach the array's `[`) and its last (`tail`): the root is scanned up to
 * that array, its end is found from the end of the file. Null when the file does not have that
 * shape (another member after `features`, not a FeatureCollection, not UTF-8 or JSON, an array that
 * does not start within `head`). `head` and `tail` may be the same bytes: the whole file.
 * @param size the file's size in bytes
 */
export function featureCollectionFrame(
  head: Uint8Array,
  tail: Uint8Array,
  size: number,
): FeatureCollectionFrame | null {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const start = nextNonSpace(head, bom);
  if (head[start] !== OPEN_BRACE) return null;
  let open = -1;
  try {
    const met = eachFeaturesMember(head, start, decoder, (at) => {
      open = at;
      return -1;
    });
    if (met === null || open < 0) return null;
    // `features` last: the file ends with `] }`, the array's end and the root's.
    const tailOffset = size - tail.length;
    const rootClose = previousNonSpace(tail, tail.length - 1);
    const close = previousNonSpace(tail, rootClose - 1);
    if (tail[rootClose] !== CLOSE_BRACE || tail[close] !== CLOSE_BRACKET || tailOffset + close <= open)
      return null;
    const root = JSON.parse(
      `${decoder.decode(head.subarray(start, open))}[]${decoder.decode(tail.subarray(close + 1))}`,
    ) as Record<string, unknown>;
    // An empty array proves that the array is the root's one `features` (a second one would win).
    if (root.type !== 'FeatureCollection' || !Array.isArray(root.features) || root.features.length > 0)
      return null;
    return { root: root as FeatureCollectionFrame['root'], open, close: tailOffset + close };
  } catch {
    // Not UTF-8 or not JSON: the ordinary reading says exactly what is wrong.
    return null;
  }
}
