/**
 * Bytes to text for imported files whose encoding is not declared: UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Windows writes). Uses only
 * TextDecoder, which browsers, web workers and Node (full ICU) all have.
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

/** Text with the encoding it was read in. */
export interface DecodedText {
  text: string;
  /** `UTF-8` or `GB18030`. */
  encoding: 'UTF-8' | 'GB18030';
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
