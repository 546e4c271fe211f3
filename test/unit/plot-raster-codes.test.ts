import { describe, expect, it } from 'vitest';
import { PLOT_ACTIONS } from '../../src/core/catalogue/action-catalogue.ts';
import { PLOT_MAP_STATUSES } from '../../src/core/plot-raster-paint.ts';
import { STATUS_ORDER } from '../../src/map/palette.ts';
import { RASTER_ACTION_COLORS, RASTER_STATUS_COLORS } from '../../src/map/plot-raster-source.ts';

// The page sends colours by code and the tile worker reads codes from the packed plots: both
// sides must number statuses and actions alike.
describe('status and action codes of the raster tiles', () => {
  it('number the statuses as the packed plots do', () => {
    expect(PLOT_MAP_STATUSES).toEqual([...STATUS_ORDER, 'unclassified']);
    expect(RASTER_STATUS_COLORS).toHaveLength(PLOT_MAP_STATUSES.length);
  });

  it('have a ring colour for every action code', () => {
    expect(RASTER_ACTION_COLORS).toHaveLength(PLOT_ACTIONS.length);
    expect(PLOT_ACTIONS[0]).toBe('keep');
  });
});
