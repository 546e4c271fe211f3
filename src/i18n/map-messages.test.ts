import { describe, expect, it } from 'vitest';
import { mapMessagesEn, mapMessagesZh, mapStartProblem, mapText } from './map-messages.ts';

describe('map messages', () => {
  it('give every key a non-empty text in both languages, all prefixed map., with the same placeholders', () => {
    const keys = Object.keys(mapMessagesZh).sort();
    expect(Object.keys(mapMessagesEn).sort()).toEqual(keys);
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as (keyof typeof mapMessagesZh)[]) {
      expect(key.startsWith('map.'), key).toBe(true);
      expect(mapMessagesZh[key].trim(), key).not.toBe('');
      expect(placeholders(mapMessagesEn[key]), key).toEqual(placeholders(mapMessagesZh[key]));
    }
  });

  it('say what to do without WebGL 2: hardware acceleration, a current browser, another computer', () => {
    expect(mapText('zh-CN', 'map.none.todo.acceleration')).toContain('硬件加速');
    expect(mapText('zh-CN', 'map.none.todo.browser')).toContain('Chrome 或 Edge');
    expect(mapText('en', 'map.none.todo.computer')).toContain('another computer');
  });

  it("turn MapLibre's refusal into the no-WebGL message, and any other failure into its first sentence", () => {
    const refusal = new Error(
      'WebGL2 is required to display this map. We are sorry, but it seems that your browser does not support WebGL2. Read more on https://wiki.openstreetmap.org/wiki/This_map_requires_WebGL',
    );
    expect(mapStartProblem(refusal)).toEqual({
      zh: '本机浏览器无法使用 WebGL 2，地图无法显示',
      en: 'This browser cannot use WebGL 2: the map cannot be shown',
    });
    const other = new Error('The container is not in the page. Check the page\\nat Map (map.ts:1)');
    expect(mapStartProblem(other)).toEqual({
      zh: '地图无法启动：The container is not in the page.',
      en: 'The map could not start: The container is not in the page.',
    });
    expect(mapStartProblem('broken').en).toBe('The map could not start: broken');
  });
});
