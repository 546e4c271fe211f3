import { describe, expect, it } from 'vitest';
import type { ActionEntry } from '../core/scenario/scenario.ts';
import { ACTION_COLORS, STATUS_COLORS, UNCLASSIFIED_COLOR } from './palette.ts';
import {
  actionCodes,
  PlotRasterSource,
  plotRasterPaint,
  RASTER_ACTION_COLORS,
  RASTER_STATUS_COLORS,
} from './plot-raster-source.ts';

const ROWS = Object.freeze([
  Object.freeze({ index: 0, id: 'A-1' }),
  Object.freeze({ index: 1, id: 'B-2' }),
  Object.freeze({ index: 2, id: 'C-3' }),
]);

function entry(action: ActionEntry['action']): ActionEntry {
  return Object.freeze({ action, year: 2024 });
}

describe('actionCodes', () => {
  it('gives each plot the position of its action in PLOT_ACTIONS, by plot index', () => {
    const codes = actionCodes(Object.freeze({ 'C-3': entry('relocate'), 'A-1': entry('upgrade') }), ROWS);
    expect([...(codes ?? [])]).toEqual([1, 0, 4]);
  });

  it('is null when no plot of the rows has an action other than keep', () => {
    expect(actionCodes({}, ROWS)).toBeNull();
    expect(actionCodes(Object.freeze({ 'B-2': entry('keep'), 'Z-9': entry('vacate') }), ROWS)).toBeNull();
  });
});

describe('the raster colours', () => {
  const hex = ([r, g, b]: readonly number[]) =>
    `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;

  it('are the status colours in status-code order, then grey for unclassified', () => {
    expect(RASTER_STATUS_COLORS.map(hex)).toEqual([
      STATUS_COLORS.control,
      STATUS_COLORS.boundary,
      STATUS_COLORS.crossing,
      STATUS_COLORS.outside,
      UNCLASSIFIED_COLOR,
    ]);
  });

  it('are the action colours by action code (keep is never drawn)', () => {
    expect(RASTER_ACTION_COLORS.slice(1).map(hex)).toEqual([
      ACTION_COLORS.upgrade,
      ACTION_COLORS.acquire,
      ACTION_COLORS.vacate,
      ACTION_COLORS.relocate,
    ]);
  });
});

describe('PlotRasterSource', () => {
  it('keeps one paint per map under its own key, until the map is gone', () => {
    const left = new PlotRasterSource();
    const right = new PlotRasterSource();
    expect(left.key).not.toBe(right.key);
    expect(left.url(3)).toBe(`plots://3/raster/${left.key}/0/{z}/{x}/{y}{ratio}`);
    expect(plotRasterPaint(left.key)).toMatchObject({ actions: null, town: null });
    left.destroy();
    expect(plotRasterPaint(left.key)).toBeUndefined();
    expect(plotRasterPaint(right.key)).toBeDefined();
    right.destroy();
  });
});
