import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { briefingMessagesEn, briefingMessagesZh, briefingText } from './briefing-messages.ts';

/** Characters the bundled font has beyond ASCII and GB 2312 (scripts/make-font.ts). */
const FONT_EXTRAS = new Set(['·', '–', '—', '…', '’', '“', '”', '°', '²', '㎡', '€', '\u00a0']);

/** True when `character` is a GB 2312 code (two bytes 0xA1–0xFE in GB18030), as the font is cut. */
function isGb2312(character: string): boolean {
  const bytes = iconv.encode(character, 'gb18030');
  return (
    bytes.length === 2 &&
    (bytes[0] ?? 0) >= 0xa1 &&
    (bytes[0] ?? 0) <= 0xf7 &&
    (bytes[1] ?? 0) >= 0xa1 &&
    (bytes[1] ?? 0) <= 0xfe
  );
}

describe('briefing messages', () => {
  it('give every key a non-empty text in both languages, prefixed brief. or slides.', () => {
    const keys = Object.keys(briefingMessagesZh).sort();
    expect(Object.keys(briefingMessagesEn).sort()).toEqual(keys);
    for (const key of keys) {
      expect(/^(brief|slides)\./.test(key), key).toBe(true);
      expect(briefingMessagesZh[key as keyof typeof briefingMessagesZh].trim(), key).not.toBe('');
      expect(briefingMessagesEn[key as keyof typeof briefingMessagesEn].trim(), key).not.toBe('');
    }
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(briefingMessagesZh)) {
      expect(placeholders(briefingMessagesEn[key as keyof typeof briefingMessagesEn]), key).toEqual(
        placeholders(text),
      );
    }
  });

  it('use only characters the bundled font draws (ASCII, GB 2312 and its few extras)', () => {
    for (const catalogue of [briefingMessagesZh, briefingMessagesEn]) {
      for (const [key, text] of Object.entries(catalogue)) {
        const missing = [...text].filter(
          (c) => c.charCodeAt(0) > 0x7e && !FONT_EXTRAS.has(c) && !isGb2312(c),
        );
        expect(missing, key).toEqual([]);
      }
    }
    expect(isGb2312('汇')).toBe(true);
    expect(isGb2312('✕')).toBe(false);
  });

  it('fill placeholders', () => {
    expect(briefingText('zh-CN', 'brief.position', { index: 3, count: 7 })).toBe('3 / 7');
    expect(briefingText('en', 'brief.target', { value: '80.0%' })).toBe('target 80.0%');
    expect(briefingText('zh-CN', 'brief.target')).toBe('目标 {value}');
  });
});
