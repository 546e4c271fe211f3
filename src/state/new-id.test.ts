import { describe, expect, it } from 'vitest';
import { newId, uniqueName } from './new-id.ts';

describe('newId and uniqueName', () => {
  it('make a time id and add a suffix only when it is taken', () => {
    expect(newId('scenario', [], 36 ** 3)).toBe('scenario-1000');
    expect(newId('scenario', ['scenario-1000'], 36 ** 3)).toBe('scenario-1000-2');
    expect(newId('scenario', ['scenario-1000', 'scenario-1000-2'], 36 ** 3)).toBe('scenario-1000-3');
  });

  it('number a name that is taken', () => {
    expect(uniqueName('方案二', ['方案一'])).toBe('方案二');
    expect(uniqueName('方案一', ['方案一'])).toBe('方案一 2');
    expect(uniqueName('方案一', ['方案一', '方案一 2'])).toBe('方案一 3');
  });
});
