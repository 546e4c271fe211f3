import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_CASING,
  HIGHLIGHT_COLOR,
  highlightFilters,
  highlightLayers,
  highlightPoints,
} from './briefing-highlight.ts';
import { ACTION_COLORS, COLORS, NOTHING_SELECTED, STATUS_COLORS, ZONE_COLORS } from './style.ts';

describe('the slide highlight', () => {
  it('shows nothing without a slide, a town or plots', () => {
    const none = { town: NOTHING_SELECTED, plots: NOTHING_SELECTED };
    expect(highlightFilters(null)).toEqual(none);
    expect(highlightFilters({})).toEqual(none);
    expect(highlightFilters({ plotIds: [] })).toEqual(none);
  });

  it('outlines the town boundary and the plots by id, as polygons and as dots', () => {
    const filters = highlightFilters({ town: '观海卫镇', plotIds: ['A-1', 'B-2'] });
    expect(filters.town).toEqual(['==', ['get', 'town'], '观海卫镇']);
    expect(filters.plots).toEqual(['in', ['get', 'id'], ['literal', ['A-1', 'B-2']]]);
  });

  it('places the county-view dots of the slide plots at their box centres, skipping unknown ids', () => {
    const rows = Object.freeze([
      Object.freeze({ index: 0, id: 'A-1', box: Object.freeze([121, 30, 121.2, 30.4]) }),
      Object.freeze({ index: 1, id: 'B-2', box: null }),
      Object.freeze({ index: 2, id: 'C-3', box: Object.freeze([121.4, 30.1, 121.6, 30.3]) }),
    ]);
    const points = highlightPoints({ plotIds: ['C-3', 'B-2', 'missing', 'A-1'] }, rows);
    expect(points.features.map((f) => [f.properties?.index, f.geometry?.coordinates])).toEqual([
      [2, [121.5, expect.closeTo(30.2, 12)]],
      [0, [expect.closeTo(121.1, 12), expect.closeTo(30.2, 12)]],
    ]);
    expect(highlightPoints(null, rows).features).toEqual([]);
  });

  it('draws in a colour that no status, action, zone or selection uses, on a dark casing', () => {
    const taken = [
      ...Object.values(STATUS_COLORS),
      ...Object.values(ACTION_COLORS),
      ...Object.values(ZONE_COLORS),
      COLORS.selection,
    ].map((c) => c.toLowerCase());
    const colours = highlightLayers().flatMap((layer) => {
      const paint = (layer.paint ?? {}) as Record<string, unknown>;
      return [paint['line-color'], paint['circle-stroke-color']].filter((c) => typeof c === 'string');
    });
    expect(new Set(colours)).toEqual(new Set([HIGHLIGHT_COLOR, HIGHLIGHT_CASING]));
    expect(taken).not.toContain(HIGHLIGHT_COLOR.toLowerCase());
  });
});
