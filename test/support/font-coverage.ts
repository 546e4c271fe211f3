/**
 * Which characters the bundled font (Noto Sans SC cut to ASCII, GB 2312 and a few extras by
 * scripts/make-font.ts) draws, for tests of the texts the map and the briefing show.
 */

import iconv from 'iconv-lite';

/** Characters the bundled font has beyond ASCII and GB 2312 (scripts/make-font.ts). */
const FONT_EXTRAS = new Set(['·', '–', '—', '…', '’', '“', '”', '°', '²', '㎡', '€', '\u00a0']);

/** True when `character` is a GB 2312 code (two bytes 0xA1–0xFE in GB18030), as the font is cut. */
export function isGb2312(character: string): boolean {
  const bytes = iconv.encode(character, 'gb18030');
  return (
    bytes.length === 2 &&
    (bytes[0] ?? 0) >= 0xa1 &&
    (bytes[0] ?? 0) <= 0xf7 &&
    (bytes[1] ?? 0) >= 0xa1 &&
    (bytes[1] ?? 0) <= 0xfe
  );
}

/** The characters of `text` the bundled font has no glyph for. */
export function undrawableCharacters(text: string): string[] {
  return [...text].filter((c) => c.charCodeAt(0) > 0x7e && !FONT_EXTRAS.has(c) && !isGb2312(c));
}
