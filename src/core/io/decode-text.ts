/**
 * Bytes to text for imported files whose encoding is not declared: UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Windows writes); JSON files saved as
 * UTF-16 or UTF-32 (Windows Notepad's "Unicode") are recognised by their byte-order mark or the NUL
 * bytes of their ASCII characters. Uses only TextDecoder (and a loop for UTF-32, which TextDecoder
 * does not know), which browsers, web workers and Node (full ICU) all have.
 */

/**
 * True when `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
 * @param bytes the bytes to check
 * @param allowTruncatedEnd accept an incomplete sequence at the very end (a fixed-width field that cut
 *   a character in two)
 */
export function isValidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, min] = [1, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, min] = [2, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let code = b0 & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return allowTruncatedEnd;
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) return false;
      code = (code << 6) | (b & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** True when every byte is below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/** The encodings a text file without a declared encoding can be read in. */
export type TextEncodingName = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

/** Text with the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

type WideEncoding = Exclude<TextEncodingName, 'UTF-8' | 'GB18030'>;

/**
 * UTF-16 or UTF-32 by byte-order mark, else by where the NUL bytes of the first ASCII characters fall
 * (RFC 4627 §3: JSON text starts with ASCII); null for anything else.
 */
export function detectWideEncoding(bytes: Uint8Array): { encoding: WideEncoding; bomBytes: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'UTF-32LE', bomBytes: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'UTF-32BE', bomBytes: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'UTF-16LE', bomBytes: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'UTF-16BE', bomBytes: 2 };
  if (bytes.length < 4 || b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined)
    return null;
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return { encoding: 'UTF-32BE', bomBytes: 0 };
  if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'UTF-32LE', bomBytes: 0 };
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return { encoding: 'UTF-16BE', bomBytes: 0 };
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return { encoding: 'UTF-16LE', bomBytes: 0 };
  return null;
}

/** UTF-32 code units to text, in slices so that no call gets a huge argument list. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const slice: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) {
    const code = view.getUint32(offset, littleEndian);
    // Not a Unicode scalar value: the replacement character, as TextDecoder does for bad input.
    slice.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (slice.length === 8192) {
      parts.push(String.fromCodePoint(...slice));
      slice.length = 0;
    }
  }
  parts.push(String.fromCodePoint(...slice));
  return parts.join('');
}

/**
 * A faster UTF-8 decoder a host may offer (Node's Buffer: a third less time than TextDecoder on a
 * 55 MB file): the text of bytes without a byte-order mark, or null when they are not valid UTF-8.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes a text file: UTF-16 and UTF-32 when the bytes say so (see {@link detectWideEncoding}), else
 * as {@link decodeUtf8OrGb18030}. A byte-order mark is removed.
 * @param bytes the file's content
 * @param utf8 decodes valid UTF-8 in place of TextDecoder, with the same result
 */
export function decodeTextFile(bytes: Uint8Array, utf8?: Utf8Decoder): DecodedText {
  const wide = detectWideEncoding(bytes);
  if (!wide && utf8) {
    const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? UTF8_BOM.length : 0;
    const text = utf8(bytes.subarray(bom));
    if (text !== null) return { text, encoding: 'UTF-8' };
  }
  if (!wide) return decodeUtf8OrGb18030(bytes);
  const body = bytes.subarray(wide.bomBytes);
  const { encoding } = wide;
  const text =
    encoding === 'UTF-32LE' || encoding === 'UTF-32BE'
      ? decodeUtf32(body, encoding === 'UTF-32LE')
      : new TextDecoder(encoding.toLowerCase(), { ignoreBOM: true }).decode(body);
  return { text, encoding };
}

/**
 * Decodes bytes as UTF-8 when valid (a byte-order mark is removed), else as GB18030.
 * @param bytes the file's content
 */
export function decodeUtf8OrGb18030(bytes: Uint8Array): DecodedText {
  // A fatal decoder checks well-formedness natively while decoding (10× faster than a loop in JS).
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
