import { describe, expect, it } from 'vitest';
import { reportMessagesEn, reportMessagesZh, reportText } from './report-messages.ts';

describe('report messages', () => {
  it('give every key a non-empty text in both languages, all prefixed report.', () => {
    const keys = Object.keys(reportMessagesZh).sort();
    expect(Object.keys(reportMessagesEn).sort()).toEqual(keys);
    for (const key of keys) {
      expect(key.startsWith('report.'), key).toBe(true);
      expect(reportMessagesZh[key as keyof typeof reportMessagesZh].trim(), key).not.toBe('');
      expect(reportMessagesEn[key as keyof typeof reportMessagesEn].trim(), key).not.toBe('');
    }
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(reportMessagesZh)) {
      expect(placeholders(reportMessagesEn[key as keyof typeof reportMessagesEn]), key).toEqual(
        placeholders(text),
      );
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(reportText('zh-CN', 'report.value.violations', { count: 2 })).toBe('2 个区块');
    expect(reportText('en', 'report.value.violations')).toBe('{count} zones');
  });
});
