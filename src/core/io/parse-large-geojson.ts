/**
 * A large GeoJSON FeatureCollection parsed from its bytes a few megabytes at a time, never as one
 * text: the result equals `JSON.parse` of the whole file, but the file's text (up to twice its size
 * in memory) never exists. Anything else (another encoding or type, a syntax error) gives null, and
 * the caller reads the file the ordinary way, with its exact messages.
 */

import type { FeatureCollection } from '../types.ts';

/** Files from this size on are parsed in pieces; smaller ones cost little as one text. */
export const LARGE_GEOJSON_BYTES = 32 * 1024 * 1024;
/** About this many bytes of features are decoded and parsed at a time (a few milliseconds each). */
const PIECE_BYTES = 4 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

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
          const parsed = parseElements(bytes, open, decoder, pieceBytes);
          features = { elements: parsed.elements, open, close: parsed.close };
          at = parsed.close;
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
  // A second "features" member would win in JSON.parse: leave such a file to it.
  if (!features || featuresKeys !== 1) return null;
  const skeleton = `${decoder.decode(bytes.subarray(start, features.open))}[]${decoder.decode(bytes.subarray(features.close + 1))}`;
  return { skeleton, features: features.elements };
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
