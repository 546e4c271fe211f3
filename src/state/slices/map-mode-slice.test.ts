import { describe, expect, it } from 'vitest';
import type { ReceivingZone } from '../../core/scenario/scenario.ts';
import type { AreaGeometry } from '../../core/types.ts';
import { createPlannerStore } from '../store.ts';

const SQUARE: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.3, 30.2],
      [121.31, 30.2],
      [121.31, 30.21],
      [121.3, 30.21],
      [121.3, 30.2],
    ],
  ],
};

const LARGER: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.3, 30.2],
      [121.32, 30.2],
      [121.32, 30.22],
      [121.3, 30.21],
      [121.3, 30.2],
    ],
  ],
};

/** A bow tie: the ring crosses itself. */
const CROSSED: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.3, 30.2],
      [121.31, 30.21],
      [121.31, 30.2],
      [121.3, 30.21],
      [121.3, 30.2],
    ],
  ],
};

function storeWithZone() {
  const store = createPlannerStore();
  const zone: ReceivingZone = { id: 'z1', name: '北区', far: 2, year: 2024, geometry: SQUARE };
  store.getState().edit({ type: 'add-zone', zone });
  return store;
}

function zoneOf(store: ReturnType<typeof createPlannerStore>) {
  return store.getState().scenarioSet.scenarios[0]?.zones[0];
}

describe('editing a zone’s shape', () => {
  it('stores the edited shape as one labelled step that undo takes back', () => {
    const store = storeWithZone();
    store.getState().startZoneEdit('z1');
    expect(store.getState().mapMode).toBe('edit-zone');
    store.getState().setZoneDraft(LARGER);
    expect(store.getState().finishZoneEdit()).toBeUndefined();
    expect(zoneOf(store)?.geometry).toEqual(LARGER);
    expect(zoneOf(store)?.name).toBe('北区');
    expect(store.getState().mapMode).toBe('browse');
    expect(store.getState().editingZoneId).toBeNull();
    expect(store.getState().history.past).toHaveLength(2);
    expect(store.getState().history.past[1]?.label.zh).toBe('修改承接区块“北区”的形状');
    store.getState().undo();
    expect(zoneOf(store)?.geometry).toEqual(SQUARE);
  });

  it('refuses a shape that crosses itself and stays in editing', () => {
    const store = storeWithZone();
    store.getState().startZoneEdit('z1');
    store.getState().setZoneDraft(CROSSED);
    const problem = store.getState().finishZoneEdit();
    expect(problem?.zh).toMatch(/自相交/);
    expect(zoneOf(store)?.geometry).toEqual(SQUARE);
    expect(store.getState().mapMode).toBe('edit-zone');
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('drops the edited shape on cancel and records nothing when the shape did not change', () => {
    const store = storeWithZone();
    store.getState().startZoneEdit('z1');
    store.getState().setZoneDraft(LARGER);
    store.getState().setMapMode('browse');
    expect(store.getState().zoneDraft).toBeNull();
    expect(zoneOf(store)?.geometry).toEqual(SQUARE);
    store.getState().startZoneEdit('z1');
    expect(store.getState().finishZoneEdit()).toBeUndefined();
    expect(store.getState().mapMode).toBe('browse');
    expect(store.getState().history.past).toHaveLength(1);
  });
});
