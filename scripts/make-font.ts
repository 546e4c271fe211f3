/**
 * Makes the map's label font: Noto Sans SC Medium (SIL OFL 1.1) cut down to ASCII and the GB 2312
 * character set, as woff2, so that Chinese labels render with no glyphs server and no system CJK font.
 * Writes `public/fonts/noto-sans-sc-gb2312.woff2` and the licence `public/fonts/OFL.txt`.
 * Both font packages are installed into a temporary folder, not into the project.
 */

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installToTemp } from './lib/temp-install.ts';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const SUBSET_PACKAGE = 'subset-font@2.9.0';
// Medium rather than Regular: labels drawn over coloured fills stay legible on a projector.
const FONT_FILE_PATTERN = /500Medium\.ttf$/;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'fonts');

/**
 * Every character of GB 2312: the 94×94 grid of double-byte codes 0xA1A1–0xF7FE decoded as GB18030,
 * keeping only codes that decode to one character (unassigned cells decode to U+FFFD or to
 * private-use characters, which GB 2312 does not define).
 */
export function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gb18030', { fatal: false });
  const characters: string[] = [];
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const text = decoder.decode(new Uint8Array([lead, trail]));
      const codePoint = text.codePointAt(0);
      if (codePoint === undefined || [...text].length !== 1) continue;
      if (codePoint === 0xfffd || (codePoint >= 0xe000 && codePoint <= 0xf8ff)) continue;
      characters.push(text);
    }
  }
  return characters;
}

function isHanzi(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return codePoint >= 0x4e00 && codePoint <= 0x9fff;
}

function findFile(folder: string, pattern: RegExp): string {
  const found = findFileOrUndefined(folder, pattern);
  if (!found) throw new Error(`No file matching ${pattern} under ${folder}.`);
  return found;
}

function findFileOrUndefined(folder: string, pattern: RegExp): string | undefined {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      const found = findFileOrUndefined(path, pattern);
      if (found) return found;
    } else if (pattern.test(name)) return path;
  }
  return undefined;
}

async function main(): Promise<void> {
  const nodeModules = installToTemp('cixi-font-src', [FONT_PACKAGE, SUBSET_PACKAGE]);
  const fontFolder = join(nodeModules, '@expo-google-fonts', 'noto-sans-sc');
  const sourcePath = findFile(fontFolder, FONT_FILE_PATTERN);

  const gb2312 = gb2312Characters();
  const hanziCount = gb2312.filter(isHanzi).length;
  // GB 2312 has 6,763 hanzi; anything else means the decoder is not the one we think it is.
  if (hanziCount !== 6763) throw new Error(`Decoded ${hanziCount} GB 2312 hanzi, expected 6763.`);
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, offset) => String.fromCharCode(0x20 + offset));
  // A few characters that map labels and imported names commonly use beyond GB 2312.
  const extras = ['·', '–', '—', '…', '’', '“', '”', '°', '²', '㎡', '€', '\u00a0'];
  const text = [...new Set([...ascii, ...gb2312, ...extras])].join('');

  const require = createRequire(join(nodeModules, 'noop.js'));
  const subsetFont = require('subset-font') as (
    buffer: Buffer,
    text: string,
    options: { targetFormat: 'woff2' },
  ) => Promise<Buffer>;
  const woff2 = await subsetFont(readFileSync(sourcePath), text, { targetFormat: 'woff2' });

  mkdirSync(outDir, { recursive: true });
  const fontPath = join(outDir, 'noto-sans-sc-gb2312.woff2');
  writeFileSync(fontPath, woff2);
  // LICENSE_FONT is the fonts' OFL; the package's LICENSE is the MIT licence of Expo's loader code.
  const licence = readFileSync(join(fontFolder, 'LICENSE_FONT'), 'utf8');
  if (!licence.includes('SIL Open Font License')) throw new Error('LICENSE_FONT is not the SIL OFL.');
  writeFileSync(
    join(outDir, 'OFL.txt'),
    `noto-sans-sc-gb2312.woff2 is a subset (ASCII + GB 2312) of Noto Sans SC Medium from npm\n` +
      `${FONT_PACKAGE}, made by scripts/make-font.ts. Noto is a trademark of Google LLC.\n` +
      `The font is licensed under the SIL Open Font License, Version 1.1:\n\n${licence.trimEnd()}\n`,
  );
  console.log(
    `Wrote ${fontPath}: ${woff2.length} bytes, ${[...text].length} characters (${hanziCount} hanzi) from ${sourcePath}`,
  );
}

await main();
