/**
 * JSON strings decoded straight from UTF-8 bytes, as JSON.parse decodes them from the text, for the
 * byte reader of GeoJSON (geojson-byte-reader.ts): escapes, surrogate pairs, and UTF-8 checked as
 * strictly as a fatal TextDecoder checks it. Bytes that are not JSON or not UTF-8 throw
 * {@link GIVE_UP}; a string that runs past the bytes throws {@link INCOMPLETE}.
 */

import { BACKSLASH, QUOTE } from './json-bytes.ts';

/** Thrown when a value runs past the bytes that have come so far. */
export const INCOMPLETE = { incomplete: true };
/** Thrown when the bytes are not JSON (or not UTF-8) that the byte reader reads. */
export const GIVE_UP = { giveUp: true };

const ZERO = 0x30;
const NINE = 0x39;

/** JSON's one-letter escapes, by the letter's byte. */
const ESCAPES: Record<number, number> = {
  34: 0x22,
  92: 0x5c,
  47: 0x2f,
  98: 0x08,
  102: 0x0c,
  110: 0x0a,
  114: 0x0d,
  116: 0x09,
};

/** Decodes strings into a buffer of UTF-16 code units that it reuses. */
export class JsonStringDecoder {
  private units = new Uint16Array(1024);
  private unitsWritten = 0;
  /** After {@link decode}: the index after the string's closing quote. */
  end = 0;

  /**
   * The string whose opening quote is at `open`, when the bytes from `open + 1` up to `from` are
   * plain ASCII already checked (the caller's fast scan stopped at `from`).
   */
  decode(bytes: Uint8Array, open: number, from: number): string {
    const length = bytes.length;
    let units = this.units;
    let n = 0;
    for (let i = open + 1; i < from; i++) units[n++] = bytes[i] as number;
    let at = from;
    for (;;) {
      if (at >= length) throw INCOMPLETE;
      // Room for the longest step (a surrogate pair).
      if (n + 2 > units.length) {
        const larger = new Uint16Array(units.length * 2);
        larger.set(units);
        units = larger;
        this.units = units;
      }
      const byte = bytes[at] as number;
      if (byte === QUOTE) break;
      if (byte < 0x20) throw GIVE_UP;
      if (byte === BACKSLASH) {
        if (at + 1 >= length) throw INCOMPLETE;
        const letter = bytes[at + 1] as number;
        at += 2;
        if (letter === 0x75) {
          if (at + 4 > length) throw INCOMPLETE;
          let code = 0;
          for (let k = 0; k < 4; k++) {
            const digit = hexValue(bytes[at + k] as number);
            if (digit < 0) throw GIVE_UP;
            code = code * 16 + digit;
          }
          units[n++] = code;
          at += 4;
        } else {
          const code = ESCAPES[letter] ?? -1;
          if (code < 0) throw GIVE_UP;
          units[n++] = code;
        }
      } else if (byte < 0x80) {
        units[n++] = byte;
        at++;
      } else {
        at = this.utf8Character(bytes, at, units, n);
        n += this.unitsWritten;
      }
    }
    this.end = at + 1;
    return unitsToString(units, n);
  }

  /**
   * Decodes the UTF-8 sequence at `at` into `units` at `n` (1 or 2 code units, in unitsWritten),
   * refusing what a fatal TextDecoder refuses (overlong forms, surrogates, beyond U+10FFFF).
   * @returns the index after the sequence
   */
  private utf8Character(bytes: Uint8Array, at: number, units: Uint16Array, n: number): number {
    const b0 = bytes[at] as number;
    let need: number;
    let code: number;
    let low = 0x80;
    let high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      code = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      code = b0 & 0x0f;
      if (b0 === 0xe0) low = 0xa0;
      else if (b0 === 0xed) high = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      code = b0 & 0x07;
      if (b0 === 0xf0) low = 0x90;
      else if (b0 === 0xf4) high = 0x8f;
    } else throw GIVE_UP;
    if (at + need >= bytes.length) throw INCOMPLETE;
    for (let k = 1; k <= need; k++) {
      const next = bytes[at + k] as number;
      if (next < low || next > high) throw GIVE_UP;
      low = 0x80;
      high = 0xbf;
      code = (code << 6) | (next & 0x3f);
    }
    if (code >= 0x10000) {
      code -= 0x10000;
      units[n] = 0xd800 + (code >> 10);
      units[n + 1] = 0xdc00 + (code & 0x3ff);
      this.unitsWritten = 2;
    } else {
      units[n] = code;
      this.unitsWritten = 1;
    }
    return at + need + 1;
  }
}

function hexValue(byte: number): number {
  if (byte >= ZERO && byte <= NINE) return byte - ZERO;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Bytes below 0x80 as a string. */
export function latin1(bytes: Uint8Array, from: number, to: number): string {
  return unitsToString(bytes.subarray(from, to), to - from);
}

/** The first `n` code units as a string, a few thousand at a time (the argument list has a limit). */
function unitsToString(units: Uint8Array | Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let text = '';
  for (let i = 0; i < n; i += 4096)
    text += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return text;
}
