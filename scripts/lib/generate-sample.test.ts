import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geometryAreaM2, M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import {
  generateSamplePlan,
  PILOT_DONGSHANTOU,
  PILOT_WULI,
  SAMPLE_LABEL,
  type SampleFeature,
} from './generate-sample.ts';
import { type MultiPolygon, pointInMultiPolygon } from './planar.ts';

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
});
