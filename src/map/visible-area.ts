/**
 * The part of the map that panels laid over it leave visible, as MapLibre padding. Pure functions of
 * rectangles in CSS pixels (any one origin, e.g. the page's): no DOM, no MapLibre. Each panel is
 * taken off one side of the map; the sides are chosen so that the rectangle left over is as large as
 * possible, so a tall legend on the left costs its width and a wide bar across the top its height.
 */

/** A rectangle in CSS pixels: left < right, top < bottom. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room kept free at each side of the map, CSS pixels (MapLibre's PaddingOptions). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_PADDING: Readonly<Padding> = { top: 0, right: 0, bottom: 0, left: 0 };

type Side = keyof Padding;
const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

/** Beyond this many panels the largest are placed exhaustively and the rest one by one (4^n choices). */
const EXHAUSTIVE_COVERS = 6;

/** `cover` cut to `map`, or null when they do not overlap (touching is not overlapping). */
function clipTo(map: Box, cover: Box): Box | null {
  const left = Math.max(map.left, cover.left);
  const right = Math.min(map.right, cover.right);
  const top = Math.max(map.top, cover.top);
  const bottom = Math.min(map.bottom, cover.bottom);
  return left < right && top < bottom ? { left, top, right, bottom } : null;
}

/** How far in from `side` of `map` the padding must reach to leave `cover` outside. */
function reach(map: Box, cover: Box, side: Side): number {
  switch (side) {
    case 'left':
      return cover.right - map.left;
    case 'right':
      return map.right - cover.left;
    case 'top':
      return cover.bottom - map.top;
    case 'bottom':
      return map.bottom - cover.top;
  }
}

function areaLeft(map: Box, padding: Padding): number {
  const width = map.right - map.left - padding.left - padding.right;
  const height = map.bottom - map.top - padding.top - padding.bottom;
  return Math.max(0, width) * Math.max(0, height);
}

function withCover(map: Box, padding: Padding, cover: Box, side: Side): Padding {
  return { ...padding, [side]: Math.max(padding[side], reach(map, cover, side)) };
}

/** The padding that leaves `cover` outside at least cost, given `padding` already taken. */
function cheapest(map: Box, padding: Padding, cover: Box): Padding {
  let best = withCover(map, padding, cover, 'left');
  for (const side of SIDES.slice(1)) {
    const candidate = withCover(map, padding, cover, side);
    if (areaLeft(map, candidate) > areaLeft(map, best)) best = candidate;
  }
  return best;
}

/**
 * The padding that leaves every panel of `covers` outside the visible part of `map`, each panel
 * taken off the side that leaves the largest rectangle. Panels outside the map cost nothing.
 * @param map the map's rectangle, CSS pixels
 * @param covers the rectangles of the panels over it, same origin
 * @returns the padding, CSS pixels; zero on a side no panel touches
 * @example
 * // A 270 × 500 legend at the top left of a 1200 × 800 map: its width goes, not its height.
 * coverPadding({ left: 0, top: 0, right: 1200, bottom: 800 }, [{ left: 16, top: 16, right: 286, bottom: 516 }])
 * // → { top: 0, right: 0, bottom: 0, left: 286 }
 */
export function coverPadding(map: Box, covers: readonly Box[]): Padding {
  const inside = covers
    .map((cover) => clipTo(map, cover))
    .filter((cover): cover is Box => cover !== null)
    .sort((a, b) => (b.right - b.left) * (b.bottom - b.top) - (a.right - a.left) * (a.bottom - a.top));
  const exhaustive = inside.slice(0, EXHAUSTIVE_COVERS);
  let best: Padding = { ...NO_PADDING };
  let bestArea = -1;
  // Every assignment of the panels to sides, as a number in base 4; the first of equals wins.
  for (let choice = 0; choice < 4 ** exhaustive.length; choice++) {
    let padding: Padding = { ...NO_PADDING };
    let digits = choice;
    for (const cover of exhaustive) {
      padding = withCover(map, padding, cover, SIDES[digits % 4] as Side);
      digits = Math.floor(digits / 4);
    }
    const area = areaLeft(map, padding);
    if (area > bestArea) {
      best = padding;
      bestArea = area;
    }
  }
  for (const cover of inside.slice(EXHAUSTIVE_COVERS)) best = cheapest(map, best, cover);
  return best;
}

export interface FitPaddingOptions {
  /** Room between a panel and what is fitted, CSS pixels. */
  gapPx: number;
  /** Room at a side no panel takes, CSS pixels. */
  edgePx: number;
  /** The visible part is never made narrower or lower than this (or the map, if smaller), CSS pixels. */
  minSizePx: number;
}

export const FIT_PADDING_OPTIONS: Readonly<FitPaddingOptions> = { gapPx: 16, edgePx: 24, minSizePx: 80 };

/** Shrinks `start` and `end` in proportion so that `length - start - end` is at least `least`. */
function leaveRoom(start: number, end: number, length: number, least: number): [number, number] {
  const wanted = Math.min(least, length);
  const taken = start + end;
  if (length - taken >= wanted || taken <= 0) return [start, end];
  const scale = Math.max(0, length - wanted) / taken;
  return [start * scale, end * scale];
}

/**
 * The padding for a fit (fitBounds, cameraForBounds): the panels' padding (coverPadding) plus a gap
 * beyond each panel and an edge where there is none, reduced where it would leave less than
 * `minSizePx` of map, so that MapLibre can always fit.
 * @example
 * fitPadding({ left: 0, top: 0, right: 1200, bottom: 800 }, [{ left: 16, top: 16, right: 286, bottom: 516 }])
 * // → { top: 24, right: 24, bottom: 24, left: 302 }
 */
export function fitPadding(
  map: Box,
  covers: readonly Box[],
  options: FitPaddingOptions = FIT_PADDING_OPTIONS,
): Padding {
  const panels = coverPadding(map, covers);
  const room = (side: Side) => (panels[side] > 0 ? panels[side] + options.gapPx : options.edgePx);
  const [left, right] = leaveRoom(room('left'), room('right'), map.right - map.left, options.minSizePx);
  const [top, bottom] = leaveRoom(room('top'), room('bottom'), map.bottom - map.top, options.minSizePx);
  return { top, right, bottom, left };
}

/**
 * Where the swipe's divider may stand, as x from the map's left edge: right of the tall panels on the
 * map's left half and left of those on its right half (a panel taller than a third of the map: the
 * legend, the plot card, briefing's panels), so that it is never under one. It may pass under a low
 * bar (briefing's title, the credit line); its handle stays in the middle of the visible part.
 * @returns [least, most] CSS pixels, least ≤ most
 * @example
 * dividerRange({ left: 0, top: 0, right: 800, bottom: 800 }, [{ left: 16, top: 16, right: 286, bottom: 516 }])
 * // → [286, 800]
 */
export function dividerRange(map: Box, covers: readonly Box[]): [number, number] {
  const width = map.right - map.left;
  const middle = (map.left + map.right) / 2;
  let least = 0;
  let most = width;
  for (const cover of covers) {
    const inside = clipTo(map, cover);
    if (!inside || (inside.bottom - inside.top) * 3 <= map.bottom - map.top) continue;
    if (inside.left + inside.right < 2 * middle) least = Math.max(least, inside.right - map.left);
    else most = Math.min(most, inside.left - map.left);
  }
  return [least, Math.max(least, most)];
}
