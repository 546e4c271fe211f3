import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2 } from '../geometry/ellipsoidal-area.ts';
import type { AreaGeometry, Feature, FeatureCollection, Ring } from '../types.ts';
import { classifyPlots, statusOf } from './classify-plots.ts';

const fixtureDir = new URL('../../../test/fixtures/classify/', import.meta.url);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function readFixture(name: string): FeatureCollection {
  return deepFreeze(JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8')) as FeatureCollection);
}

interface Expected {
  tolerance: number;
  relativeTolerance: number;
  plots: Record<string, { status: string; fb: number; fc: number }>;
}

describe('classifyPlots on the golden fixtures', () => {
  const plots = readFixture('plots.geojson');
  const boundary = readFixture('boundary.geojson');
  const control = readFixture('control.geojson');
  const expected = JSON.parse(readFileSync(new URL('expected.json', fixtureDir), 'utf8')) as Expected;
  const { results, problems } = classifyPlots(plots, boundary, control, { tolerance: expected.tolerance });

  it('reports no problems and one result per plot', () => {
    expect(problems).toEqual([]);
    expect(results.map((r) => r.id)).toEqual(Object.keys(expected.plots));
  });

  for (const [id, want] of Object.entries(expected.plots)) {
    it(`classifies ${id} as ${want.status}`, () => {
      const result = results.find((r) => r.id === id);
      expect(result).toBeDefined();
      if (!result) return;
      expect(result.status).toBe(want.status);
      expect(result.inBoundaryM2 / result.areaM2).toBeCloseTo(want.fb, 8);
      expect(result.inControlM2 / result.areaM2).toBeCloseTo(want.fc, 8);
      expect(result.areaMu).toBeCloseTo((result.areaM2 * 15) / 10000, 9);
    });
  }
});

describe('statusOf', () => {
  it('applies the rule of DESIGN.md at the tolerance edges', () => {
    expect(statusOf(100, 100, 99, 0.01)).toBe('control');
    expect(statusOf(100, 100, 98.9, 0.01)).toBe('boundary');
    expect(statusOf(100, 99, 0, 0.01)).toBe('boundary');
    expect(statusOf(100, 98.9, 0, 0.01)).toBe('crossing');
    expect(statusOf(100, 1, 0, 0.01)).toBe('outside');
    expect(statusOf(100, 1.1, 0, 0.01)).toBe('crossing');
    expect(statusOf(100, 0, 100, 0.01)).toBe('control');
  });
});

function square(cx: number, cy: number, half: number): Ring {
  return [
    [cx - half, cy - half],
    [cx + half, cy - half],
    [cx + half, cy + half],
    [cx - half, cy + half],
    [cx - half, cy - half],
  ];
}

/** A random star-shaped polygon near Cixi: never self-intersecting. */
const starArbitrary = fc
  .record({
    cx: fc.double({ min: 121.1, max: 121.4, noNaN: true }),
    cy: fc.double({ min: 30.05, max: 30.3, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 9 }),
    size: fc.double({ min: 0.0005, max: 0.08, noNaN: true }),
  })
  .map(({ cx, cy, radii, size }) => {
    const ring: Ring = radii.map((r, i) => {
      const angle = (2 * Math.PI * i) / radii.length;
      return [cx + size * r * Math.cos(angle), cy + size * r * Math.sin(angle)];
    });
    ring.push([...(ring[0] as number[])]);
    return ring;
  });

const layerArbitrary = fc.array(starArbitrary, { minLength: 1, maxLength: 6 }).map(
  (rings): FeatureCollection => ({
    type: 'FeatureCollection',
    features: rings.map((ring, i) => ({
      type: 'Feature',
      properties: { id: `Z${i}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  }),
);

const plotsArbitrary = fc.array(starArbitrary, { minLength: 1, maxLength: 12 }).map(
  (rings): FeatureCollection => ({
    type: 'FeatureCollection',
    features: rings.map(
      (ring, i): Feature => ({
        type: 'Feature',
        properties: { id: `P${i}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    ),
  }),
);

describe('classifyPlots invariants', () => {
  it('keeps 0 ≤ inside ≤ area, and agrees with a direct overlay of the whole union', () => {
    fc.assert(
      fc.property(plotsArbitrary, layerArbitrary, layerArbitrary, (plots, boundary, control) => {
        const { results, problems } = classifyPlots(plots, boundary, control);
        expect(problems).toEqual([]);
        const union = polygonClipping.union(
          ...(boundary.features.map(
            (f) => (f.geometry as unknown as { coordinates: [number, number][][] }).coordinates,
          ) as [[number, number][][]]),
        );
        for (const result of results) {
          expect(result.inBoundaryM2).toBeGreaterThanOrEqual(0);
          expect(result.inBoundaryM2).toBeLessThanOrEqual(result.areaM2);
          expect(result.inControlM2).toBeGreaterThanOrEqual(0);
          expect(result.inControlM2).toBeLessThanOrEqual(result.areaM2);
          const geometry = plots.features[result.index]?.geometry as AreaGeometry;
          const direct = geometryAreaM2({
            type: 'MultiPolygon',
            coordinates: polygonClipping.intersection(geometry.coordinates as [number, number][][], union),
          });
          expect(Math.abs(result.inBoundaryM2 - direct)).toBeLessThanOrEqual(1e-6 * result.areaM2 + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never finds more land inside control lines than inside the boundary when every zone lies inside it', () => {
    fc.assert(
      fc.property(plotsArbitrary, layerArbitrary, (plots, boundary) => {
        // Control zones cut from the boundary itself lie inside it by construction.
        const control: FeatureCollection = {
          type: 'FeatureCollection',
          features: boundary.features.map((feature, i) => ({
            type: 'Feature',
            properties: { id: `C${i}` },
            geometry: {
              type: 'MultiPolygon',
              coordinates: polygonClipping.intersection(
                (feature.geometry as unknown as { coordinates: [number, number][][] }).coordinates,
                [square(121.25, 30.17, 0.06) as [number, number][]],
              ),
            },
          })),
        };
        const { results } = classifyPlots(plots, boundary, control);
        for (const result of results) {
          expect(result.inControlM2).toBeLessThanOrEqual(result.inBoundaryM2 * (1 + 1e-9) + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives each plot the same result whatever the order of plots and zones', () => {
    fc.assert(
      fc.property(plotsArbitrary, layerArbitrary, layerArbitrary, (plots, boundary, control) => {
        const forward = classifyPlots(plots, boundary, control).results;
        const reversed = (c: FeatureCollection): FeatureCollection => ({
          ...c,
          features: [...c.features].reverse(),
        });
        const backward = classifyPlots(reversed(plots), reversed(boundary), reversed(control)).results;
        for (const result of forward) {
          const twin = backward.find((r) => r.id === result.id);
          expect(twin?.status).toBe(result.status);
          expect(Math.abs((twin?.inBoundaryM2 ?? 0) - result.inBoundaryM2)).toBeLessThanOrEqual(
            1e-6 * result.areaM2,
          );
          expect(Math.abs((twin?.inControlM2 ?? 0) - result.inControlM2)).toBeLessThanOrEqual(
            1e-6 * result.areaM2,
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reports a plot without polygon geometry as a problem of that plot and goes on', () => {
    const plots: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'broken' }, geometry: null },
        {
          type: 'Feature',
          properties: { id: 'fine' },
          geometry: { type: 'Polygon', coordinates: [square(121.25, 30.17, 0.001)] },
        },
      ],
    };
    const zone: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [square(121.25, 30.17, 0.01)] },
        },
      ],
    };
    const { results, problems } = classifyPlots(plots, zone, zone);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.featureIndex).toBe(0);
    expect(problems[0]?.featureId).toBe('broken');
    expect(problems[0]?.message.zh).toContain('第 1 个要素（broken）');
    expect(results[0]?.status).toBeNull();
    expect(results[1]?.status).toBe('control');
  });
});
