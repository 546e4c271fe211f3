/**
 * The bundled label and interface font (public/fonts/noto-sans-sc-gb2312.woff2, made by
 * scripts/make-font.ts) maps every GB 2312 hanzi and printable ASCII character to a glyph, so that
 * labels and the interface render on a machine with no Chinese font.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cmapCodePoints,
  gb2312Hanzi,
  printableAscii,
  woff2CmapTable,
} from '../../scripts/lib/font-coverage.ts';

const FONT = join(
  fileURLToPath(new URL('../../', import.meta.url)),
  'public',
  'fonts',
  'noto-sans-sc-gb2312.woff2',
);

function missingFrom(covered: Set<number>, characters: string[]): string[] {
  return characters.filter((character) => !covered.has(character.codePointAt(0) as number));
}

describe('the bundled font', () => {
  const covered = cmapCodePoints(woff2CmapTable(readFileSync(FONT)));

  it('decodes GB 2312 to 6,763 distinct hanzi in the CJK Unified Ideographs block', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    expect(new Set(hanzi).size).toBe(6763);
    expect(hanzi.filter((character) => !/^[\u4e00-\u9fff]$/.test(character))).toEqual([]);
    // The first and last hanzi of the table, and the last one of row 55.
    expect([hanzi[0], hanzi.at(-1), hanzi[(0xd7 - 0xb0) * 94 + 88]]).toEqual(['啊', '齄', '座']);
  });

  it('maps all 6,763 GB 2312 hanzi to glyphs', () => {
    expect(missingFrom(covered, gb2312Hanzi())).toEqual([]);
  });

  it('maps printable ASCII to glyphs', () => {
    expect(missingFrom(covered, printableAscii())).toEqual([]);
  });

  it('is a subset: no hanzi beyond GB 2312, and nothing in the private use area', () => {
    const gb2312 = new Set(gb2312Hanzi().map((character) => character.codePointAt(0)));
    const extraHanzi = [...covered].filter((code) => code >= 0x4e00 && code <= 0x9fff && !gb2312.has(code));
    expect(extraHanzi).toEqual([]);
    // The fonts test draws U+E000 as the box of a missing glyph: the font must not have it.
    expect(covered.has(0xe000)).toBe(false);
    expect(covered.size).toBeGreaterThan(6763 + 95);
  });
});
