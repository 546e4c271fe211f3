import { describe, expect, it } from 'vitest';
import { type HitPlot, lngLatBoxOf, nearestPlot, type Project, plotsInBox } from './plot-hit.ts';

/** 1000 screen pixels per degree, north up, with 121° E 30.5° N at the top left. */
const project: Project = ([lng, lat]) => ({ x: (lng - 121) * 1000, y: (30.5 - lat) * 1000 });

/** A plot whose box is centred on screen point x, y (box 2 px wide). */
function plotAt(index: number, x: number, y: number, town = '观海卫镇'): HitPlot {
  const lng = 121 + x / 1000;
  const lat = 30.5 - y / 1000;
  return Object.freeze({
    index,
    town,
    box: Object.freeze([lng - 0.001, lat - 0.001, lng + 0.001, lat + 0.001]),
  });
}

const PLOTS: readonly HitPlot[] = Object.freeze([
  plotAt(0, 100, 100),
  plotAt(1, 104, 100),
  plotAt(2, 300, 300, '周巷镇'),
  Object.freeze({ index: 3, town: '观海卫镇', box: null }),
  plotAt(4, 104, 100),
]);
const EVERYWHERE = [120, 29, 123, 32] as const;

describe('nearestPlot', () => {
  it('finds the plot whose dot is nearest the click, within the radius', () => {
    expect(nearestPlot(PLOTS, { x: 101, y: 100 }, 6, null, EVERYWHERE, project)).toBe(0);
    expect(nearestPlot(PLOTS, { x: 298, y: 303 }, 6, null, EVERYWHERE, project)).toBe(2);
    expect(nearestPlot(PLOTS, { x: 200, y: 200 }, 6, null, EVERYWHERE, project)).toBeNull();
    expect(nearestPlot(PLOTS, { x: 300, y: 307 }, 6, null, EVERYWHERE, project)).toBeNull();
  });

  it('prefers the later of two plots on the same spot (drawn on top)', () => {
    expect(nearestPlot(PLOTS, { x: 105, y: 100 }, 6, null, EVERYWHERE, project)).toBe(4);
  });

  it('only finds plots of the chosen town, and only inside the area it is given', () => {
    expect(nearestPlot(PLOTS, { x: 300, y: 300 }, 6, '观海卫镇', EVERYWHERE, project)).toBeNull();
    expect(nearestPlot(PLOTS, { x: 300, y: 300 }, 6, '周巷镇', EVERYWHERE, project)).toBe(2);
    const westOfEverything = [120, 29, 120.5, 32] as const;
    expect(nearestPlot(PLOTS, { x: 100, y: 100 }, 6, null, westOfEverything, project)).toBeNull();
  });
});

describe('plotsInBox', () => {
  it('finds the plots whose dots lie in the box, by index, of the chosen town', () => {
    expect(plotsInBox(PLOTS, { x: 90, y: 90 }, { x: 310, y: 310 }, null, EVERYWHERE, project)).toEqual([
      0, 1, 2, 4,
    ]);
    expect(plotsInBox(PLOTS, { x: 102, y: 90 }, { x: 310, y: 310 }, '观海卫镇', EVERYWHERE, project)).toEqual(
      [1, 4],
    );
    expect(plotsInBox(PLOTS, { x: 0, y: 0 }, { x: 50, y: 50 }, null, EVERYWHERE, project)).toEqual([]);
  });
});

describe('lngLatBoxOf', () => {
  it('is the box around the given places', () => {
    expect(
      lngLatBoxOf([
        { lng: 121.2, lat: 30.1 },
        { lng: 121.1, lat: 30.3 },
        { lng: 121.4, lat: 30.2 },
      ]),
    ).toEqual([121.1, 30.1, 121.4, 30.3]);
  });
});
