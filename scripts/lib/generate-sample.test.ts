import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { classifyPlots } from '../../src/core/analysis/classify-plots.ts';
import { geometryAreaM2, M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import type { FeatureCollection } from '../../src/core/types.ts';
import { generateSamplePlan, PILOT_DONGSHANTOU, PILOT_WULI } from './generate-sample.ts';
import { toLocal } from './local-frame.ts';
import { type MultiPolygon, pointInMultiPolygon, type Ring } from './planar.ts';
import { SAMPLE_LABEL, type SampleFeature } from './sample-model.ts';

const BASEMAP = join(import.meta.dirname, '..', '..', 'data', 'basemap');
const PLOTS = 300;

function polygonsOf(feature: SampleFeature): MultiPolygon {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

const cixi = (() => {
  const counties = JSON.parse(readFileSync(join(BASEMAP, 'counties.geojson'), 'utf8')) as {
    features: SampleFeature[];
  };
  const feature = counties.features.find((candidate) => candidate.properties.isCixi === true);
  if (!feature) throw new Error('no 慈溪市 in counties.geojson');
  return polygonsOf(feature);
})();

const land = (() => {
  const collection = JSON.parse(readFileSync(join(BASEMAP, 'land.geojson'), 'utf8')) as {
    features: SampleFeature[];
  };
  return collection.features.flatMap(polygonsOf);
})();

function areaOf(multiPolygon: MultiPolygon): number {
  return multiPolygon.length === 0 ? 0 : geometryAreaM2({ type: 'MultiPolygon', coordinates: multiPolygon });
}

/** 4πA / P² of a ring: 1 for a circle, about 0.79 for a square, small for a ragged outline. */
function roundness(ring: Ring): number {
  const local = ring.map(toLocal);
  let area = 0;
  let perimeter = 0;
  for (let i = 1; i < local.length; i++) {
    const [x1 = 0, y1 = 0] = local[i - 1] as number[];
    const [x2 = 0, y2 = 0] = local[i] as number[];
    area += (x1 * y2 - x2 * y1) / 2;
    perimeter += Math.hypot(x2 - x1, y2 - y1);
  }
  return (4 * Math.PI * Math.abs(area)) / (perimeter * perimeter);
}

describe('generateSamplePlan', () => {
  const plan = generateSamplePlan({ seed: 7, plots: PLOTS });

  it('gives identical output for the same seed and different output for another', () => {
    const again = generateSamplePlan({ seed: 7, plots: PLOTS });
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
    const other = generateSamplePlan({ seed: 8, plots: PLOTS });
    expect(JSON.stringify(other.plots)).not.toBe(JSON.stringify(plan.plots));
  });

  it('makes about the requested number of plots, with unique ids equal to the feature ids', () => {
    const ids = plan.plots.features.map((feature) => feature.properties.id);
    expect(plan.plots.features.length).toBeGreaterThanOrEqual(PLOTS * 0.98);
    expect(plan.plots.features.length).toBeLessThanOrEqual(PLOTS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const feature of [...plan.plots.features, ...plan.control.features])
      expect(feature.id).toBe(feature.properties.id);
  });

  it('puts every plot vertex inside the 慈溪市 outline', () => {
    const outside = plan.plots.features.filter((feature) =>
      polygonsOf(feature).some((polygon) =>
        polygon.some((ring) => ring.some(([lon = 0, lat = 0]) => !pointInMultiPolygon(lon, lat, cixi))),
      ),
    );
    expect(outside.map((feature) => feature.id)).toEqual([]);
  });

  it('includes both pilots in 观海卫镇 with their real villages', () => {
    for (const [pilot, village] of [
      [PILOT_DONGSHANTOU, '东山头村'],
      [PILOT_WULI, '五里村'],
    ]) {
      const plots = plan.plots.features.filter((feature) => feature.properties.pilot === pilot);
      expect(plots.length).toBeGreaterThanOrEqual(5);
      for (const plot of plots) {
        expect(plot.properties.town).toBe('观海卫镇');
        expect(plot.properties.village).toBe(village);
      }
    }
  });

  it('labels every collection as fictional and gives each of the 24 towns a boundary and 2–5 control zones', () => {
    for (const collection of [plan.boundary, plan.control, plan.plots])
      expect(collection.label).toBe(SAMPLE_LABEL);
    const towns = plan.boundary.features.map((feature) => feature.properties.town);
    expect(new Set(towns).size).toBe(24);
    for (const town of towns) {
      const zones = plan.control.features.filter((feature) => feature.properties.town === town).length;
      expect(zones, town as string).toBeGreaterThanOrEqual(2);
      expect(zones, town as string).toBeLessThanOrEqual(5);
    }
  });

  it('spreads tax per 亩 over all four efficiency classes, parks above village land', () => {
    const classes = new Set<string>();
    const perMu = { park: [] as number[], village: [] as number[] };
    for (const feature of plan.plots.features) {
      const taxWan = feature.properties.taxWan;
      if (typeof taxWan !== 'number') continue;
      const taxPerMu = taxWan / (geometryAreaM2(feature.geometry) / M2_PER_MU);
      classes.add(taxPerMu >= 30 ? 'A' : taxPerMu >= 15 ? 'B' : taxPerMu >= 5 ? 'C' : 'D');
      (feature.properties.rentWan === undefined ? perMu.park : perMu.village).push(taxPerMu);
    }
    expect([...classes].sort()).toEqual(['A', 'B', 'C', 'D']);
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    expect(median(perMu.park)).toBeGreaterThan(median(perMu.village));
  });

  it('leaves some numeric attributes out on a few plots, never writing them as null or 0 placeholders', () => {
    const keys = ['employees', 'taxWan', 'outputWan', 'investmentWan', 'floorAreaM2', 'footprintM2'];
    const big = generateSamplePlan({ seed: 3, plots: 1000 });
    const lacking = big.plots.features.filter((feature) => keys.some((key) => !(key in feature.properties)));
    expect(lacking.length).toBeGreaterThan(3);
    expect(lacking.length).toBeLessThan(60);
    for (const feature of big.plots.features) {
      for (const key of keys) {
        if (key in feature.properties) expect(feature.properties[key], key).toBeGreaterThan(0);
      }
    }
  });

  it('draws organic, often fragmented development boundaries, not circles', () => {
    const largestParts = plan.boundary.features.map((feature) => {
      const parts = polygonsOf(feature).sort((a, b) => areaOf([b]) - areaOf([a]));
      return roundness((parts[0] as MultiPolygon[number])[0] as Ring);
    });
    largestParts.sort((a, b) => a - b);
    // A circle scores 1 and the old wobbly circles 0.95; a town's built-up outline far less.
    expect(largestParts[Math.floor(largestParts.length / 2)]).toBeLessThan(0.7);
    const parts = plan.boundary.features.reduce((sum, feature) => sum + polygonsOf(feature).length, 0);
    expect(parts).toBeGreaterThan(1.5 * plan.boundary.features.length);
  });

  it('keeps boundaries and control zones on land inside the 慈溪市 outline', () => {
    for (const feature of [...plan.boundary.features, ...plan.control.features]) {
      const polygons = polygonsOf(feature);
      const offCounty = polygonClipping.difference(polygons as PcMultiPolygon, cixi as PcMultiPolygon);
      const offLand = polygonClipping.difference(polygons as PcMultiPolygon, land as PcMultiPolygon);
      // Rounding to 7 decimals moves an edge along the coast by millimetres: a few m² in a km².
      const allowedM2 = 1e-5 * areaOf(polygons);
      expect(areaOf(offCounty as MultiPolygon), String(feature.properties.town)).toBeLessThan(allowedM2);
      expect(areaOf(offLand as MultiPolygon), String(feature.properties.town)).toBeLessThan(allowedM2);
    }
  });

  it('puts control zones inside the boundaries, a few of them across one', () => {
    const boundaries = plan.boundary.features.flatMap(polygonsOf) as PcMultiPolygon;
    const inside = plan.control.features.map((feature) => {
      const polygons = polygonsOf(feature);
      const covered = polygonClipping.intersection(polygons as PcMultiPolygon, boundaries) as MultiPolygon;
      return areaOf(covered) / areaOf(polygons);
    });
    const across = inside.filter((share) => share < 0.99).length;
    expect(across).toBeGreaterThanOrEqual(1);
    expect(across).toBeLessThanOrEqual(0.2 * inside.length);
    for (const share of inside) expect(share).toBeGreaterThan(0.4);
  });

  it('puts several per cent of the plots across a boundary, as real surveys do', () => {
    const { results } = classifyPlots(
      plan.plots as unknown as FeatureCollection,
      plan.boundary as unknown as FeatureCollection,
      plan.control as unknown as FeatureCollection,
    );
    const crossing = results.filter((result) => result.status === 'crossing').length;
    expect(crossing / results.length).toBeGreaterThanOrEqual(0.03);
    expect(crossing / results.length).toBeLessThanOrEqual(0.08);
  });

  it("gives a plot inside a boundary that boundary's town", () => {
    const wrong = plan.plots.features.filter((plot) => {
      const [lon = 0, lat = 0] = ((polygonsOf(plot)[0] as MultiPolygon[number])[0] as Ring)[0] as number[];
      const holder = plan.boundary.features.find((boundary) =>
        pointInMultiPolygon(lon, lat, polygonsOf(boundary)),
      );
      return holder !== undefined && holder.properties.town !== plot.properties.town;
    });
    expect(wrong.map((plot) => plot.id)).toEqual([]);
  });
});
