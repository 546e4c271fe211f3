/**
 * The panels laid over a map, read from the page: every element marked `data-map-cover` (the legend,
 * the plot card, briefing's bars and panels) that is shown. Their rectangles give the padding of
 * every fit (visible-area.ts), read when the fit runs, and a watcher says when they change.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import { type Box, coverPadding, fitPadding, type Padding } from './visible-area.ts';

/** The attribute that marks an element laid over the map. */
export const MAP_COVER_ATTRIBUTE = 'data-map-cover';

function boxOf(element: Element): Box {
  const { left, top, right, bottom } = element.getBoundingClientRect();
  return { left, top, right, bottom };
}

/** The rectangles of the shown panels over the map, page (client) coordinates. */
export function coverBoxes(): Box[] {
  const boxes: Box[] = [];
  for (const element of document.querySelectorAll(`[${MAP_COVER_ATTRIBUTE}]`)) {
    const box = boxOf(element);
    if (box.right > box.left && box.bottom > box.top) boxes.push(box);
  }
  return boxes;
}

/** The map's own rectangle, client coordinates. */
export function mapBox(map: MapLibreMap): Box {
  return boxOf(map.getContainer());
}

/** The padding a fit of a map in `container` uses now: the panels over it, with a gap (visible-area.ts fitPadding). */
export function fitPaddingIn(container: HTMLElement): Padding {
  return fitPadding(boxOf(container), coverBoxes());
}

/** fitPaddingIn for `map`'s container. */
export function fitPaddingOf(map: MapLibreMap): Padding {
  return fitPaddingIn(map.getContainer());
}

/** The padding the panels take from `map` now, without gaps (what the planner sees of it). */
export function coverPaddingOf(map: MapLibreMap): Padding {
  return coverPadding(mapBox(map), coverBoxes());
}

/**
 * The extent the planner sees of `map` now, the panels over it left out: [west, south, east, north],
 * WGS84 degrees (the corners of the visible part, so also right when the map is turned).
 */
export function visibleBoundsOf(map: MapLibreMap): [number, number, number, number] {
  const padding = coverPaddingOf(map);
  const container = map.getContainer();
  const right = Math.max(padding.left + 1, container.clientWidth - padding.right);
  const bottom = Math.max(padding.top + 1, container.clientHeight - padding.bottom);
  const corners = [
    [padding.left, padding.top],
    [right, padding.top],
    [padding.left, bottom],
    [right, bottom],
  ].map(([x, y]) => map.unproject([x as number, y as number]));
  const lngs = corners.map((corner) => corner.lng);
  const lats = corners.map((corner) => corner.lat);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/**
 * Calls `onChange` (at most once a frame) when the map's container or a panel over it changes size,
 * or a panel comes or goes. Returns the function that stops watching.
 */
export function watchCovers(container: HTMLElement, onChange: () => void): () => void {
  let frame = 0;
  const changed = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  };
  const sizes = new ResizeObserver(changed);
  const observeAll = () => {
    sizes.disconnect();
    sizes.observe(container);
    for (const element of document.querySelectorAll(`[${MAP_COVER_ATTRIBUTE}]`)) sizes.observe(element);
  };
  observeAll();
  // A panel mounted or unmounted (React) is a change, and a new one is watched from then on.
  const isCover = (node: Node) =>
    node instanceof Element &&
    (node.hasAttribute(MAP_COVER_ATTRIBUTE) || node.querySelector(`[${MAP_COVER_ATTRIBUTE}]`) !== null);
  const mutations = new MutationObserver((records) => {
    if (!records.some((record) => [...record.addedNodes, ...record.removedNodes].some(isCover))) return;
    observeAll();
    changed();
  });
  mutations.observe(document.body, { childList: true, subtree: true });
  return () => {
    cancelAnimationFrame(frame);
    mutations.disconnect();
    sizes.disconnect();
  };
}
