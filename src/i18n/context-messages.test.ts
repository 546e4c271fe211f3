import { describe, expect, it } from 'vitest';
import { contextMessagesEn, contextMessagesZh, contextText } from './context-messages.ts';

describe('context layer and base map messages', () => {
  it('give every key a non-empty text in both languages with the same placeholders', () => {
    const keys = Object.keys(contextMessagesZh).sort();
    expect(Object.keys(contextMessagesEn).sort()).toEqual(keys);
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as (keyof typeof contextMessagesZh)[]) {
      expect(contextMessagesZh[key].trim(), key).not.toBe('');
      expect(placeholders(contextMessagesEn[key]), key).toEqual(placeholders(contextMessagesZh[key]));
    }
  });

  it('name the one origin a base map contacts, in both languages', () => {
    expect(contextText('zh-CN', 'basemap.origin', { origin: 'http://10.1.2.3:8080' })).toContain(
      '只会联系这一个来源：http://10.1.2.3:8080',
    );
    expect(contextText('en', 'basemap.origin', { origin: 'http://10.1.2.3:8080' })).toContain(
      'only this one origin: http://10.1.2.3:8080',
    );
  });
});
