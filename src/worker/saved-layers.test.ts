/**
 * The plan's layers saved to IndexedDB in records the browser takes (Chromium refuses a value above
 * 133,169,152 bytes serialized) and read back the same; a save the browser aborts is reported, not
 * waited for.
 */

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import type { Feature, FeatureCollection } from '../core/types.ts';
import { keptPacked, packedLayerOf, plainFeature, unpackLayer } from './packed-layer.ts';
import { layersFromParts, layersInParts, PART_BYTES, PART_FEATURES } from './saved-layer-parts.ts';
import { getAutosavedEntries, LAYERS_KEY, loadSavedLayers, saveLayers } from './saved-layers.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** `count` square plots in a row, each with a few properties. */
function plots(count: number): FeatureCollection {
  const features: Feature[] = [];
  for (let index = 0; index < count; index++) {
    const x = 121 + index * 1e-5;
    features.push({
      type: 'Feature',
      id: `p-${index}`,
      properties: { id: `p-${index}`, name: `厂房 ${index}`, employees: index % 50 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 30.2],
            [x + 5e-6, 30.2],
            [x + 5e-6, 30.200005],
            [x, 30.2],
          ],
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Every record of the autosave store, by key. */
async function storedRecords(): Promise<Map<string, unknown>> {
  const { openAutosaveDatabase, AUTOSAVE_STORE } = await import('./saved-layers.ts');
  const db = await openAutosaveDatabase();
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const request = db.transaction(AUTOSAVE_STORE).objectStore(AUTOSAVE_STORE).getAllKeys();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  const values = await getAutosavedEntries(keys.map(String));
  return new Map(keys.map((key, index) => [String(key), values[index]]));
}

/** The features and typed arrays a stored value holds, counted through its arrays and objects. */
function largestPieces(value: unknown): { features: number; bytes: number } {
  let features = 0;
  let bytes = 0;
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (ArrayBuffer.isView(item)) bytes = Math.max(bytes, item.buffer.byteLength);
    else if (Array.isArray(item)) {
      features = Math.max(features, item.filter((element) => element?.type === 'Feature').length);
      for (const element of item) if (typeof element === 'object') stack.push(element);
    } else if (typeof item === 'object' && item !== null) stack.push(...Object.values(item));
  }
  return { features, bytes };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saveLayers', () => {
  it('saves 25,000 packed plots in records of at most 10,000 features, read back the same', async () => {
    globalThis.indexedDB = new IDBFactory();
    const layers: PlanLayerSet = { plots: keptPacked(plots(25_000)), boundary: EMPTY, control: EMPTY };
    await saveLayers(layers, 'key-1');
    const records = await storedRecords();
    expect(records.size).toBeGreaterThan(3);
    for (const value of records.values())
      expect(largestPieces(value).features).toBeLessThanOrEqual(PART_FEATURES);
    expect(largestPieces(records.get(LAYERS_KEY)).features).toBe(0);
    // Each plot saved once: no parts beside those the record names.
    const savedFeatures = [...records.values()].reduce(
      (sum: number, value) => sum + (Array.isArray(value) ? value.length : 0),
      0,
    );
    expect(savedFeatures).toBe(25_000);
    const loaded = await loadSavedLayers();
    expect(loaded?.key).toBe('key-1');
    expect(loaded?.layers.plots.features.map(plainFeature)).toEqual(layers.plots.features.map(plainFeature));
    // A smaller set saved afterwards leaves none of the first one's parts behind.
    await saveLayers({ ...layers, plots: keptPacked(plots(3)) }, 'key-2');
    expect((await storedRecords()).size).toBeLessThan(records.size);
    expect((await loadSavedLayers())?.layers.plots.features.map(plainFeature)).toEqual(plots(3).features);
  });

  it('reads the parts one after the other, each taken in before the next is asked for', async () => {
    const layers: PlanLayerSet = { plots: keptPacked(plots(25_000)), boundary: EMPTY, control: EMPTY };
    const { record, parts } = layersInParts(layers, 'key-1');
    let reading = 0;
    let mostAtOnce = 0;
    const asked: number[] = [];
    const read = await layersFromParts(record, async (index) => {
      asked.push(index);
      mostAtOnce = Math.max(mostAtOnce, ++reading);
      await new Promise((resolve) => setTimeout(resolve, 1));
      reading--;
      return parts[index]?.();
    });
    expect(mostAtOnce).toBe(1);
    expect(asked.toSorted((a, b) => a - b)).toEqual(parts.map((_, index) => index));
    expect(read?.layers.plots.features.map(plainFeature)).toEqual(layers.plots.features.map(plainFeature));
    // A part missing (another save replaced this one meanwhile): no layers, not some of them.
    expect(await layersFromParts(record, async (index) => (index === 1 ? undefined : parts[index]?.()))).toBe(
      null,
    );
  });

  it('saves the packed coordinates of a plot of 2.5 million vertices in slices', async () => {
    globalThis.indexedDB = new IDBFactory();
    const vertices = 2_500_000;
    const coords = new Float64Array(2 * vertices);
    for (let index = 0; index < vertices; index++) {
      coords[2 * index] = 121 + index * 1e-9;
      coords[2 * index + 1] = 30.2 + (index % 2) * 1e-6;
    }
    const outlines = {
      count: 1,
      kind: Uint8Array.of(1),
      polygonStart: Uint32Array.of(0, 1),
      ringStart: Uint32Array.of(0, 1),
      vertexStart: Uint32Array.of(0, vertices),
      coords,
    };
    const plotsLayer = unpackLayer({
      packed: true,
      features: [{ type: 'Feature', properties: {}, geometry: null }],
      outlines,
    });
    await saveLayers({ plots: plotsLayer, boundary: EMPTY, control: EMPTY }, 'big');
    for (const value of (await storedRecords()).values())
      expect(largestPieces(value).bytes).toBeLessThanOrEqual(PART_BYTES);
    const loaded = await loadSavedLayers();
    const back = loaded && packedLayerOf(loaded.layers.plots)?.outlines;
    expect(back?.coords.length).toBe(coords.length);
    expect(back?.coords.every((value, index) => value === coords[index])).toBe(true);
    expect({ ...back, coords: null }).toEqual({ ...outlines, coords: null });
  });

  it('reports a save the browser aborts (as Chromium does a value too large) instead of waiting for ever', async () => {
    globalThis.indexedDB = new IDBFactory();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { IDBObjectStore } = await import('fake-indexeddb');
    const put = IDBObjectStore.prototype.put;
    // The transaction ends with an abort and no error event, as Chromium's does for a value above its limit.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args as Parameters<typeof put>);
      this.transaction.abort();
      return request;
    });
    const layers: PlanLayerSet = { plots: keptPacked(plots(10)), boundary: EMPTY, control: EMPTY };
    const outcome = await Promise.race([
      saveLayers(layers, 'aborted').then(() => 'settled'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000)),
    ]);
    expect(outcome).toBe('settled');
    expect(warn).toHaveBeenCalledWith('Autosave of the layers failed.', expect.anything());
  });
});
