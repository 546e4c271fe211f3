import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './messages.ts';
import { scenarioMessagesEn, scenarioMessagesZh, scenarioText } from './scenario-messages.ts';

describe('scenario messages', () => {
  it('give every key a non-empty text in both languages, all prefixed scn.', () => {
    const keys = Object.keys(scenarioMessagesZh).sort();
    expect(Object.keys(scenarioMessagesEn).sort()).toEqual(keys);
    for (const key of keys) {
      expect(key.startsWith('scn.'), key).toBe(true);
      expect(scenarioMessagesZh[key as keyof typeof scenarioMessagesZh].trim(), key).not.toBe('');
      expect(scenarioMessagesEn[key as keyof typeof scenarioMessagesEn].trim(), key).not.toBe('');
    }
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(scenarioMessagesZh)) {
      expect(placeholders(scenarioMessagesEn[key as keyof typeof scenarioMessagesEn]), key).toEqual(
        placeholders(text),
      );
    }
  });

  it('use no key of the main catalogue (so that they can be spread into it)', () => {
    const main = new Set(Object.keys(CATALOGUES['zh-CN']));
    const clashes = Object.keys(scenarioMessagesZh).filter((key) => main.has(key));
    // Once spread, every key is in the main catalogue with the same text.
    for (const key of clashes) {
      expect(CATALOGUES['zh-CN'][key as keyof (typeof CATALOGUES)['zh-CN']]).toBe(
        scenarioMessagesZh[key as keyof typeof scenarioMessagesZh],
      );
    }
  });

  it('fill placeholders', () => {
    expect(scenarioText('zh-CN', 'scn.act.apply', { count: '1,234' })).toBe('应用到 1,234 个地块');
    expect(scenarioText('en', 'scn.undoStep', { label: 'Set 3 plots to vacate (2024)' })).toBe(
      'Undo: Set 3 plots to vacate (2024)',
    );
    expect(scenarioText('en', 'scn.act.apply')).toBe('Apply to {count} plots');
  });
});
