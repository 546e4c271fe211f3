import { describe, expect, it } from 'vitest';
import { villageDisplayName } from './village-name.ts';

describe('villageDisplayName', () => {
  it.each([
    ['五里村委会', '五里村'],
    ['东山头村委会', '东山头村'],
    ['卫东居委会', '卫东社区'],
    ['马家路社区居委会', '马家路社区'],
    ['城南社区', '城南社区'],
    ['龙山农垦场生活区', '龙山农垦场生活区'],
    ['某某村民委员会', '某某村'],
  ])('%s → %s', (name, expected) => {
    expect(villageDisplayName(name)).toBe(expected);
  });
});
