import { describe, expect, it } from 'vitest';
import { type Box, coverPadding, dividerRange, FIT_PADDING_OPTIONS, fitPadding } from './visible-area.ts';

/** The map of a 1440 × 900 screen under the 56-px header, beside a 634-px side panel (page coordinates). */
const MAP: Box = Object.freeze({ left: 0, top: 56, right: 805, bottom: 900 });
/** The legend at the top left and the plot card at the top right, as the page lays them out there. */
const LEGEND: Box = Object.freeze({ left: 16, top: 72, right: 318, bottom: 452 });
const CARD: Box = Object.freeze({ left: 409, top: 72, right: 749, bottom: 884 });

function visible(map: Box, padding: ReturnType<typeof coverPadding>): Box {
  return {
    left: map.left + padding.left,
    top: map.top + padding.top,
    right: map.right - padding.right,
    bottom: map.bottom - padding.bottom,
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('coverPadding', () => {
  it('is zero without panels, and for panels outside the map or only touching it', () => {
    expect(coverPadding(MAP, [])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    const beside = { left: 805, top: 56, right: 1440, bottom: 900 };
    const above = { left: 0, top: 0, right: 1440, bottom: 56 };
    expect(coverPadding(MAP, [beside, above])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it('takes a tall panel off the side it stands on, and a wide bar off the top', () => {
    expect(coverPadding(MAP, [LEGEND])).toEqual({ top: 0, right: 0, bottom: 0, left: 318 });
    const bar = { left: 0, top: 56, right: 805, bottom: 130 };
    expect(coverPadding(MAP, [bar])).toEqual({ top: 74, right: 0, bottom: 0, left: 0 });
  });

  it('leaves the largest rectangle that no panel covers when the legend and the card leave no strip between them', () => {
    const padding = coverPadding(MAP, [LEGEND, CARD]);
    // Side by side only 91 px would be left between them; below the legend there is more.
    expect(padding).toEqual({ top: 396, right: 396, bottom: 0, left: 0 });
    const left = visible(MAP, padding);
    expect(overlaps(left, LEGEND)).toBe(false);
    expect(overlaps(left, CARD)).toBe(false);
  });

  it('clips panels that reach past the map, and the result does not depend on their order', () => {
    const header = { left: -10, top: 40, right: 900, bottom: 80 };
    const forward = coverPadding(MAP, [LEGEND, CARD, header]);
    expect(coverPadding(MAP, [header, CARD, LEGEND])).toEqual(forward);
    expect(forward.top).toBeGreaterThanOrEqual(24);
  });

  it('keeps every panel outside the visible part, also with more panels than it tries exhaustively', () => {
    const covers: Box[] = [];
    for (let i = 0; i < 9; i++)
      covers.push({
        left: 10 + i * 80,
        top: 60 + (i % 3) * 20,
        right: 60 + i * 80,
        bottom: 100 + (i % 3) * 20,
      });
    const left = visible(MAP, coverPadding(MAP, covers));
    for (const cover of covers) expect(overlaps(left, cover)).toBe(false);
    expect(left.right - left.left).toBeGreaterThan(0);
    expect(left.bottom - left.top).toBeGreaterThan(500);
  });
});

describe('fitPadding', () => {
  it('adds a gap beyond each panel and an edge where there is none', () => {
    const { gapPx, edgePx } = FIT_PADDING_OPTIONS;
    expect(fitPadding(MAP, [LEGEND])).toEqual({
      top: edgePx,
      right: edgePx,
      bottom: edgePx,
      left: 318 + gapPx,
    });
  });

  it('never leaves less than its least size of map, even when panels cover nearly all of it', () => {
    const wall = { left: 40, top: 56, right: 800, bottom: 900 };
    const padding = fitPadding(MAP, [wall]);
    expect(805 - padding.left - padding.right).toBeCloseTo(FIT_PADDING_OPTIONS.minSizePx, 6);
    expect(padding.left).toBeGreaterThanOrEqual(0);
    expect(padding.right).toBeGreaterThanOrEqual(0);
    // A map smaller than the least size keeps no padding across it at all.
    const tiny = fitPadding({ left: 0, top: 0, right: 50, bottom: 50 }, []);
    expect(tiny).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});

describe('dividerRange', () => {
  it('keeps the swipe divider right of the legend and left of the card', () => {
    expect(dividerRange(MAP, [LEGEND])).toEqual([318, 805]);
    const card = { left: 600, top: 72, right: 790, bottom: 884 };
    expect(dividerRange(MAP, [LEGEND, card])).toEqual([318, 600]);
  });

  it('is the whole width without panels, passes under low bars, and is never an empty range', () => {
    expect(dividerRange(MAP, [])).toEqual([0, 805]);
    const title = { left: 0, top: 56, right: 805, bottom: 140 };
    const credits = { left: 190, top: 860, right: 805, bottom: 900 };
    expect(dividerRange(MAP, [title, credits])).toEqual([0, 805]);
    const range = dividerRange(MAP, [{ left: 0, top: 56, right: 805, bottom: 900 }]);
    expect(range[0]).toBeLessThanOrEqual(range[1]);
  });
});
