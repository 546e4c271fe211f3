import { describe, expect, it } from 'vitest';
import { diffMessagesEn, diffMessagesZh, diffText } from './diff-messages.ts';
import { CATALOGUES } from './messages.ts';

describe('version comparison messages', () => {
  it('give every key a non-empty text in both languages with the same placeholders, none of the main catalogue', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    const main = new Set(Object.keys(CATALOGUES['zh-CN']));
    expect(Object.keys(diffMessagesEn).sort()).toEqual(Object.keys(diffMessagesZh).sort());
    for (const [key, zh] of Object.entries(diffMessagesZh)) {
      const en = diffMessagesEn[key as keyof typeof diffMessagesEn];
      expect(key.startsWith('diff.'), key).toBe(true);
      expect(main.has(key), key).toBe(false);
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('fill placeholders', () => {
    expect(diffText('zh-CN', 'diff.balanceOf', { town: '观海卫镇' })).toBe('指标余额：观海卫镇');
    expect(diffText('en', 'diff.file', { file: 'a.plan.json', name: 'A' })).toBe(
      'Saved version: a.plan.json ("A")',
    );
  });
});
