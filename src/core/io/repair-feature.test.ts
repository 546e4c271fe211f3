import { describe, expect, it } from 'vitest';
import type { Feature } from '../types.ts';
import { closeRing, closeRings } from './close-rings.ts';
import { repairFeature } from './repair-feature.ts';
import { validateLayer } from './validate-layer.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const OPEN = [
  [121.25, 30.17],
  [121.252, 30.17],
  [121.252, 30.1715],
  [121.25, 30.1715],
];
const CLOSED = [...OPEN, [121.25, 30.17]];
/** CLOSED moved 0.01° east: a second part that does not overlap the first. */
const CLOSED_EAST = CLOSED.map(([lon = 0, lat = 0]) => [lon + 0.01, lat]);

describe('closeRings', () => {
  it('copies nothing of a geometry whose rings are all closed, and only the ring lists it changes', () => {
    const closed = deepFreeze({
      type: 'Feature',
      properties: { id: 'a' },
      geometry: { type: 'Polygon', coordinates: [CLOSED] },
    }) as unknown as Feature;
    const repaired = repairFeature(closed as Feature<unknown, unknown>);
    expect(repaired).not.toBe(closed);
    expect(repaired.geometry).toBe(closed.geometry);
    const open = deepFreeze({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[CLOSED], [OPEN.map(([x = 0, y = 0]) => [x + 0.01, y])]],
      },
    }) as unknown as Feature<unknown, unknown>;
    const geometry = repairFeature(open).geometry as { coordinates: unknown[][] };
    expect(geometry).toEqual({ type: 'MultiPolygon', coordinates: [[CLOSED], [CLOSED_EAST]] });
    const input = open.geometry as { coordinates: unknown[][] };
    expect(geometry.coordinates[0]).toBe(input.coordinates[0]);
    expect(geometry.coordinates[1]).not.toBe(input.coordinates[1]);
  });

  it('closes open rings of a Polygon without modifying the input', () => {
    const feature = deepFreeze({
      type: 'Feature',
      id: 'CX-0001',
      properties: { id: 'CX-0001' },
      geometry: { type: 'Polygon', coordinates: [OPEN, CLOSED] },
    }) as unknown as Feature;
    const closed = closeRings(feature);
    expect(closed.geometry).toEqual({ type: 'Polygon', coordinates: [CLOSED, CLOSED] });
    expect(closed.properties).toBe(feature.properties);
    expect(closed).not.toBe(feature);
    expect(validateLayer({ type: 'FeatureCollection', features: [closed] }, 'plots').problems).toEqual([]);
  });

  it('closes rings inside MultiPolygons and GeometryCollections', () => {
    const feature = deepFreeze({
      type: 'Feature',
      properties: {},
      geometry: { type: 'GeometryCollection', geometries: [{ type: 'MultiPolygon', coordinates: [[OPEN]] }] },
    }) as unknown as Feature;
    expect(closeRings(feature).geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'MultiPolygon', coordinates: [[CLOSED]] }],
    });
  });

  it('leaves empty and malformed rings alone', () => {
    expect(closeRing([])).toEqual([]);
    expect(closeRing('x')).toBe('x');
    expect(closeRing(CLOSED)).toBe(CLOSED);
  });
});

describe('repairFeature', () => {
  it('turns a GeometryCollection of polygons into one closed MultiPolygon and fills in properties', () => {
    const feature = deepFreeze({
      type: 'Feature',
      id: 7,
      properties: null,
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', coordinates: [OPEN] },
          { type: 'MultiPolygon', coordinates: [[CLOSED_EAST], []] },
        ],
      },
    }) as unknown as Feature;
    expect(repairFeature(feature)).toEqual({
      type: 'Feature',
      id: 7,
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[CLOSED], [CLOSED_EAST]] },
    });
  });
});
