import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from '../core/types.ts';
import { createPlannerStore } from '../state/store.ts';
import { follow, PlanSources, syncRunner } from './map-syncs.ts';
import { SOURCE } from './style-ids.ts';

const ONE_FEATURE: FeatureCollection<unknown, unknown> = Object.freeze({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.3, 30.2] } }],
}) as FeatureCollection<unknown, unknown>;

describe('follow', () => {
  it('writes on the first state, then only when a value it follows is another value', () => {
    const store = createPlannerStore();
    const writes: [string | null, number | null, unknown][] = [];
    const sync = follow(
      (state) => [state.town, state.selectedPlot] as const,
      ([town, plot], _state, previous) => writes.push([town, plot, previous]),
    );
    sync.step(store.getState());
    store.getState().setPanel('table');
    sync.step(store.getState());
    store.getState().setTown('观海卫镇');
    sync.step(store.getState());
    store.getState().selectPlot(3, 'map');
    sync.step(store.getState());
    expect(writes).toEqual([
      [null, null, undefined],
      ['观海卫镇', null, [null, null]],
      ['观海卫镇', 3, ['观海卫镇', null]],
    ]);
  });
});

describe('syncRunner', () => {
  it('runs the syncs again after a store change made while they ran, in order, ending on the newest state', () => {
    const store = createPlannerStore();
    const writes: string[] = [];
    const run = syncRunner(store, [
      follow(
        (state) => [state.town] as const,
        ([town]) => {
          writes.push(`first ${town}`);
          // As a camera move does: a write that changes the store.
          if (town === null) store.getState().setTown('掌起镇');
        },
      ),
      follow(
        (state) => [state.town] as const,
        ([town]) => writes.push(`second ${town}`),
      ),
    ]);
    const unsubscribe = store.subscribe(run);
    run();
    unsubscribe();
    expect(writes).toEqual(['first null', 'second null', 'first 掌起镇', 'second 掌起镇']);
  });
});

describe('PlanSources', () => {
  it('sends data to a source, but not an empty collection to a source that holds none', () => {
    const sent: [string, number][] = [];
    const map = {
      getSource: (id: string) => ({
        setData: (data: FeatureCollection<unknown, unknown>) => sent.push([id, data.features.length]),
      }),
    } as unknown as MapLibreMap;
    const sources = new PlanSources(map);
    sources.set(SOURCE.zones, null);
    sources.set(SOURCE.zones, ONE_FEATURE);
    sources.set(SOURCE.zones, undefined);
    sources.set(SOURCE.zones, { type: 'FeatureCollection', features: [] });
    sources.set(SOURCE.boundary, ONE_FEATURE);
    expect(sent).toEqual([
      [SOURCE.zones, 1],
      [SOURCE.zones, 0],
      [SOURCE.boundary, 1],
    ]);
  });
});
