import { describe, expect, it } from 'vitest';
import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import { geometryAreaM2, m2ToMu } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, FeatureCollection } from '../types.ts';
import type { ReceivingZone } from './scenario.ts';
import { createZoneMeasureCache, measureZone, measureZones, prepareZoneContext } from './zone-measures.ts';

/** A lon/lat rectangle, WGS84. */
function rect(west: number, south: number, east: number, north: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

function layer(
  ...features: { geometry: AreaGeometry; properties: Record<string, unknown> }[]
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
  };
}

/**
 * Boundary 甲镇: 121.20–121.30 E, 30.20–30.30 N. Control: the western half, 121.20–121.25.
 * Plots: P1 121.22–121.24 and P3 121.235–121.245 (overlapping P1), both 30.22–30.24; P2 far away.
 */
function layers(): PlanLayerSet {
  return {
    boundary: layer({ geometry: rect(121.2, 30.2, 121.3, 30.3), properties: { town: '甲镇' } }),
    control: layer({ geometry: rect(121.2, 30.2, 121.25, 30.3), properties: { id: 'C1' } }),
    plots: layer(
      { geometry: rect(121.22, 30.22, 121.24, 30.24), properties: { id: 'P1' } },
      { geometry: rect(121.5, 30.5, 121.51, 30.51), properties: { id: 'P2' } },
      { geometry: rect(121.235, 30.22, 121.245, 30.24), properties: { id: 'P3' } },
    ),
  };
}

function zone(id: string, geometry: AreaGeometry, town?: string): ReceivingZone {
  return { id, name: id, far: 2, year: 2024, geometry, ...(town === undefined ? {} : { town }) };
}

/** Area of a strip 30.22–30.24 N between two longitudes, m². */
function strip(west: number, east: number): number {
  return geometryAreaM2(rect(west, 30.22, east, 30.24));
}

describe('measureZone', () => {
  it('takes the union of the overlapped plots out of the new land, once', () => {
    const context = prepareZoneContext(layers());
    // Zone 121.23–121.27: P1 covers 121.23–121.24, P3 121.235–121.245; their union 121.23–121.245.
    const measures = measureZone(zone('Z', rect(121.23, 30.22, 121.27, 30.24)), context);
    expect(measures.areaM2).toBeCloseTo(strip(121.23, 121.27), 3);
    expect(measures.overlapM2).toBeCloseTo(strip(121.23, 121.245), 3);
    // newLand = 121.245–121.27; in control = 121.245–121.25; outside control = 121.25–121.27.
    expect(measures.newLandM2).toBeCloseTo(strip(121.245, 121.27), 3);
    expect(measures.newLandMu).toBeCloseTo(m2ToMu(strip(121.245, 121.27)), 5);
    expect(measures.newLandInControlM2).toBeCloseTo(strip(121.245, 121.25), 3);
    expect(measures.newLandOutsideControlM2).toBeCloseTo(strip(121.25, 121.27), 3);
    expect(measures.newLandOutsideBoundaryM2).toBeCloseTo(0, 3);
    expect(measures.overlappedPlots).toEqual([0, 2]);
    expect(measures.overlappedPlotIds).toEqual(['P1', 'P3']);
    // Inside the boundary but mostly outside the control lines: a warning.
    expect(measures.r2).toBe('warning');
    expect(measures.town).toBe('甲镇');
    expect(measures.townSource).toBe('boundary-majority');
  });

  it('finds new land outside the development boundary a violation', () => {
    const context = prepareZoneContext(layers());
    // 121.28–121.32: the eastern half lies beyond the boundary's edge at 121.30.
    const measures = measureZone(zone('W', rect(121.28, 30.22, 121.32, 30.24), '乙镇'), context);
    expect(measures.newLandOutsideBoundaryM2).toBeCloseTo(strip(121.3, 121.32), 3);
    expect(measures.r2).toBe('violation');
    expect(measures.overlappedPlots).toEqual([]);
    expect(measures.overlapM2).toBe(0);
    // The zone's own town wins over the boundary's.
    expect(measures).toMatchObject({ town: '乙镇', townSource: 'zone' });
  });

  it('accepts a sliver outside the boundary within τ', () => {
    const context = prepareZoneContext(layers(), 0.01);
    // 121.1999–121.2399 reaches 0.0001° (1/400 of its width) west of the boundary edge at 121.20.
    const measures = measureZone(zone('S', rect(121.1999, 30.25, 121.2399, 30.27)), context);
    expect(measures.newLandOutsideBoundaryM2 / measures.areaM2).toBeCloseTo(0.0025, 6);
    expect(measures.r2).toBe('ok');
  });

  it('reports a zone whose geometry cannot be overlaid instead of throwing', () => {
    const context = prepareZoneContext(layers());
    const broken = {
      type: 'Polygon',
      coordinates: [
        [
          [121.2, 30.2],
          [Number.NaN, 30.21],
        ],
      ],
    } as AreaGeometry;
    const measures = measureZone(zone('B', broken, '甲镇'), context);
    expect(measures.newLandM2).toBe(0);
    expect(measures.problem?.zh).toContain('无法参与叠加分析');
    const empty = measureZone(zone('E', { type: 'Polygon', coordinates: [[]] }, '甲镇'), context);
    expect(empty.problem?.en).toContain('cannot be overlaid');
  });
});

describe('measureZones', () => {
  it('measures a geometry once however the other fields of its zone change', () => {
    const context = prepareZoneContext(layers());
    const cache = createZoneMeasureCache();
    const geometry = rect(121.23, 30.22, 121.27, 30.24);
    const first = measureZones([zone('Z', geometry)], context, cache);
    const renamed = measureZones(
      [{ ...zone('Z', geometry), name: '新名称', far: 3, year: 2026 }],
      context,
      cache,
    );
    expect(renamed.Z).toBe(first.Z);
    const copied = measureZones([zone('Z2', geometry)], context, cache);
    expect(copied.Z2).toEqual({ ...first.Z, zoneId: 'Z2' });
    const moved = measureZones([zone('Z', rect(121.23, 30.22, 121.26, 30.24))], context, cache);
    expect(moved.Z?.areaM2).toBeCloseTo(strip(121.23, 121.26), 3);
  });
});
