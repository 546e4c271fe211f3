import { describe, expect, it } from 'vitest';
import { hatchPattern } from './control-hatch.ts';

describe('hatchPattern', () => {
  it('draws diagonal lines that join across tile edges', () => {
    const { width, height, data } = hatchPattern(8, [10, 20, 30, 200], 2);
    expect([width, height, data.length]).toEqual([8, 8, 8 * 8 * 4]);
    const alpha = (x: number, y: number) => data[(y * 8 + x) * 4 + 3] as number;
    expect(alpha(0, 0)).toBe(200);
    expect(alpha(4, 4)).toBe(200);
    expect(alpha(2, 0)).toBe(0);
    // A "/" line leaving the right edge at row y enters the next tile on the left at row y - 1.
    for (let y = 0; y < 8; y++) expect(alpha(7, y)).toBe(alpha(0, (y + 7) % 8));
  });
});
