import { describe, expect, it } from 'vitest';
import { planLayers, TOWN_FILTERED_LAYERS } from './plan-layers.ts';
import { LAYER, SOURCE } from './style-ids.ts';

describe('planLayers', () => {
  const layers = planLayers();

  it("keeps the plot tiles' layers unfiltered: selections come from a small source of their own", () => {
    // A new filter on a layer of the plot tiles makes MapLibre lay out every loaded tile again
    // (seconds at zoom 12 with 100,000 plots), so a click must not change one.
    const onTiles = layers.filter((layer) => 'source' in layer && layer.source === SOURCE.plots);
    for (const layer of onTiles)
      expect('filter' in layer ? layer.filter : undefined, layer.id).toBeUndefined();
    const shapes = layers.filter((layer) => 'source' in layer && layer.source === SOURCE.plotShapes);
    expect(shapes.map((layer) => layer.id).sort()).toEqual(
      [LAYER.plotPicked, LAYER.plotSelected, LAYER.plotSelectedHalo].sort(),
    );
  });

  it("lets the action outline share the plot outline's vertices (one bucket in MapLibre)", () => {
    // MapLibre groups layers into one bucket by these keys (style-spec group_by_layout).
    const keys = ['type', 'source', 'source-layer', 'minzoom', 'maxzoom', 'filter', 'layout'] as const;
    const key = (id: string) => {
      const layer = layers.find((candidate) => candidate.id === id) as Record<string, unknown> | undefined;
      return keys.map((name) => JSON.stringify(layer?.[name]));
    };
    expect(key(LAYER.plotAction)).toEqual(key(LAYER.plotsOutline));
    expect(TOWN_FILTERED_LAYERS).toEqual(expect.arrayContaining([LAYER.plotsOutline, LAYER.plotAction]));
  });
});
