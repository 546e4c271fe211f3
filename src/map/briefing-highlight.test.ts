import { describe, expect, it } from 'vitest';
import { packPlotOutlines } from '../core/plot-outlines.ts';
import { highlightLayers, highlightPlots, highlightTownFilter } from './briefing-highlight.ts';
import { ACTION_COLORS, HIGHLIGHT_COLORS, SELECTION_COLORS, STATUS_COLORS, ZONE_COLORS } from './palette.ts';
import { NOTHING_SELECTED } from './style-expressions.ts';

describe('the slide highlight', () => {
  it('shows nothing without a slide, a town or plots', () => {
    expect(highlightTownFilter(null)).toEqual(NOTHING_SELECTED);
    expect(highlightTownFilter({})).toEqual(NOTHING_SELECTED);
    expect(highlightPlots(null, [], null).shapes.features).toEqual([]);
    expect(highlightPlots({ plotIds: [] }, [], null).points.features).toEqual([]);
  });

  it('outlines the town boundary by name', () => {
    expect(highlightTownFilter({ town: '观海卫镇' })).toEqual(['==', ['get', 'town'], '观海卫镇']);
  });

  const rows = Object.freeze([
    Object.freeze({ index: 0, id: 'A-1', box: Object.freeze([121, 30, 121.2, 30.4]) }),
    Object.freeze({ index: 1, id: 'B-2', box: null }),
    Object.freeze({ index: 2, id: 'C-3', box: Object.freeze([121.4, 30.1, 121.6, 30.3]) }),
  ]);
  const square = (x: number, y: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 0.2, y],
        [x + 0.2, y + 0.2],
        [x, y],
      ],
    ],
  });
  const plots = packPlotOutlines({
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, properties: {}, geometry: square(121, 30) },
      { type: 'Feature' as const, properties: {}, geometry: null },
      { type: 'Feature' as const, properties: {}, geometry: square(121.4, 30.1) },
    ],
  });

  it('places the county-view dots of the slide plots at their box centres, skipping unknown ids', () => {
    const { points } = highlightPlots({ plotIds: ['C-3', 'B-2', 'missing', 'A-1'] }, rows, plots);
    expect(points.features.map((f) => [f.properties?.index, f.geometry?.coordinates])).toEqual([
      [2, [121.5, expect.closeTo(30.2, 12)]],
      [0, [expect.closeTo(121.1, 12), expect.closeTo(30.2, 12)]],
    ]);
    expect(highlightPlots(null, rows, plots).points.features).toEqual([]);
  });

  it("takes the close view's polygons of the slide plots from the plot layer, by index", () => {
    const { shapes } = highlightPlots({ plotIds: ['C-3', 'B-2', 'missing', 'A-1'] }, rows, plots);
    expect(shapes.features.map((f) => [f.properties?.id, f.properties?.index, f.geometry])).toEqual([
      ['C-3', 2, square(121.4, 30.1)],
      ['A-1', 0, square(121, 30)],
    ]);
    // Before the plot layer is there: no polygons, and no error.
    expect(highlightPlots({ plotIds: ['A-1'] }, rows, null).shapes.features).toEqual([]);
  });

  it('draws in a colour that no status, action, zone or selection uses, on a dark casing', () => {
    const taken = [
      ...Object.values(STATUS_COLORS),
      ...Object.values(ACTION_COLORS),
      ...Object.values(ZONE_COLORS),
      SELECTION_COLORS.line,
    ].map((c) => c.toLowerCase());
    const colours = highlightLayers().flatMap((layer) => {
      const paint = (layer.paint ?? {}) as Record<string, unknown>;
      return [paint['line-color'], paint['circle-stroke-color']].filter((c) => typeof c === 'string');
    });
    expect(new Set(colours)).toEqual(new Set([HIGHLIGHT_COLORS.line, HIGHLIGHT_COLORS.casing]));
    expect(taken).not.toContain(HIGHLIGHT_COLORS.line.toLowerCase());
  });
});
