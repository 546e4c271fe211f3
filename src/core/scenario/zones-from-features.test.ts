import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Feature } from '../types.ts';
import { DEFAULT_ZONE_FAR } from './scenario.ts';
import { DEFAULT_IMPORTED_ZONE_YEAR, zonesFromFeatures } from './zones-from-features.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function square(x: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [121.3 + x, 30.2],
        [121.31 + x, 30.2],
        [121.31 + x, 30.21],
        [121.3 + x, 30.21],
        [121.3 + x, 30.2],
      ],
    ],
  };
}

function feature(properties: Record<string, unknown>, x = 0): Feature {
  return { type: 'Feature', properties, geometry: square(x) };
}

describe('zonesFromFeatures', () => {
  it('reads name, 容积率 and year from the attributes', () => {
    const features = deepFreeze([
      feature({ name: '北区', far: 2.5, year: 2023 }),
      feature({ 名称: '南区', 容积率: '1.8', 年份: '2026' }, 0.02),
    ]);
    const zones = zonesFromFeatures(features, { existingCount: 0, idPrefix: 'zone-a' });
    expect(zones).toEqual([
      { id: 'zone-a-1', name: '北区', far: 2.5, year: 2023, geometry: square(0) },
      { id: 'zone-a-2', name: '南区', far: 1.8, year: 2026, geometry: square(0.02) },
    ]);
  });

  it('numbers unnamed zones on from the scenario’s zones and falls back to the defaults', () => {
    const features = deepFreeze([
      feature({ far: 'high', year: 2030 }),
      feature({ name: '  ', far: -1, year: 2024.5 }),
      feature({ FAR: 0 }),
    ]);
    const zones = zonesFromFeatures(features, { existingCount: 3, idPrefix: 'z' });
    expect(zones.map((z) => [z.id, z.name, z.far, z.year])).toEqual([
      ['z-1', '承接区块 4', DEFAULT_ZONE_FAR, DEFAULT_IMPORTED_ZONE_YEAR],
      ['z-2', '承接区块 5', DEFAULT_ZONE_FAR, DEFAULT_IMPORTED_ZONE_YEAR],
      ['z-3', '承接区块 6', DEFAULT_ZONE_FAR, DEFAULT_IMPORTED_ZONE_YEAR],
    ]);
  });

  it('skips features without a geometry and keeps ids consecutive', () => {
    const features = deepFreeze([
      { type: 'Feature', properties: { name: 'gone' }, geometry: null } as unknown as Feature,
      feature({ name: '留下' }),
    ]);
    const zones = zonesFromFeatures(features, { existingCount: 0, idPrefix: 'z' });
    expect(zones.map((z) => [z.id, z.name])).toEqual([['z-1', '留下']]);
  });
});
