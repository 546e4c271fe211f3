import { describe, expect, it } from 'vitest';
import { isGb2312, undrawableCharacters } from '../../test/support/font-coverage.ts';
import { briefingMessagesEn, briefingMessagesZh, briefingText } from './briefing-messages.ts';

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
        expect(undrawableCharacters(text), key).toEqual([]);
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
