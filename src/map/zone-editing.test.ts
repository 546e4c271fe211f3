import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position } from '../core/types.ts';
import { editableRings, geometryFromRings, isEditableShape } from './zone-editing.ts';

const RING: Position[] = [
  [121.3, 30.2],
  [121.31, 30.2],
  [121.31, 30.21],
  [121.3, 30.2],
];

describe('editableRings', () => {
  it('rounds to nine decimals and closes an open ring', () => {
    const geometry: AreaGeometry = Object.freeze({
      type: 'Polygon',
      coordinates: [
        [
          [121.123456789123, 30.1],
          [121.2, 30.1],
          [121.2, 30.2],
        ],
      ],
    });
    expect(editableRings(geometry)).toEqual([
      [
        [121.123456789, 30.1],
        [121.2, 30.1],
        [121.2, 30.2],
        [121.123456789, 30.1],
      ],
    ]);
  });

  it('gives one ring per polygon of a MultiPolygon and refuses holes', () => {
    const hole: Position[] = [
      [121.302, 30.201],
      [121.303, 30.201],
      [121.303, 30.202],
      [121.302, 30.201],
    ];
    expect(editableRings({ type: 'MultiPolygon', coordinates: [[RING], [RING]] })).toHaveLength(2);
    expect(editableRings({ type: 'Polygon', coordinates: [RING, hole] })).toBeNull();
    expect(isEditableShape({ type: 'MultiPolygon', coordinates: [[RING], [RING, hole]] })).toBe(false);
    expect(isEditableShape({ type: 'Polygon', coordinates: [RING] })).toBe(true);
  });
});

describe('geometryFromRings', () => {
  it('makes a Polygon of one ring and a MultiPolygon of several', () => {
    expect(geometryFromRings([RING])).toEqual({ type: 'Polygon', coordinates: [RING] });
    expect(geometryFromRings([RING, RING])).toEqual({ type: 'MultiPolygon', coordinates: [[RING], [RING]] });
  });
});
