import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPointInZones } from '../analysis/zone-layer.ts';
import { wgs84ToGcj02 } from '../crs/gcj02.ts';
import type { Feature, FeatureCollection } from '../types.ts';
import { cixiCheckReference, prepareCheckReference } from './check-reference.ts';
import { checkPlausibility } from './plausibility-checks.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as FeatureCollection;
const reference = cixiCheckReference(
  read('data/basemap/counties.geojson'),
  read('data/basemap/land.geojson'),
);
const prepared = prepareCheckReference(reference);
const M_PER_DEGREE = 110_900;

/** Inside the county and on land. */
function isPlaced(x: number, y: number): boolean {
  return isPointInZones(prepared.county, x, y) && isPointInZones(prepared.land as never, x, y);
}

/** A 30 m square plot around (x, y), its corners passed through `move`. */
function plot(x: number, y: number, move: (x: number, y: number) => [number, number]): Feature {
  const d = 0.00015;
  const ring = [
    [x - d, y - d],
    [x + d, y - d],
    [x + d, y + d],
    [x - d, y + d],
    [x - d, y - d],
  ].map(([px, py]) => move(px as number, py as number));
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * Real places on Cixi's land (a 500 m grid) moved by `move`: as many that the move takes off the
 * county's land as stay on it, so that half the layer looks misplaced.
 */
function movedLayer(move: (x: number, y: number) => [number, number]): FeatureCollection {
  const off: Feature[] = [];
  const on: Feature[] = [];
  for (let x = 121.04; x < 121.63; x += 0.0052) {
    for (let y = 30.04; y < 30.51; y += 0.0045) {
      if (!isPlaced(x, y)) continue;
      const [mx, my] = move(x, y);
      (isPlaced(mx, my) ? on : off).push(plot(x, y, move));
    }
  }
  return { type: 'FeatureCollection', features: [...off, ...on.slice(0, off.length)] };
}

describe('detectLayerShift (through checkPlausibility)', () => {
  it('names the GCJ-02 offset of a layer traced from a Chinese web map and read as WGS84', () => {
    const layer = movedLayer(wgs84ToGcj02);
    const { shift, outsideCounty, onWater } = checkPlausibility(layer, 'plots', { reference });
    expect(outsideCounty + onWater).toBeGreaterThan(layer.features.length * 0.3);
    expect(shift?.kind).toBe('gcj02');
    // The way back is GCJ-02 → WGS84: about 480 m west and 230 m north here.
    const [gx, gy] = wgs84ToGcj02(121.3, 30.25);
    const cos = Math.cos((30.25 * Math.PI) / 180);
    expect(shift?.eastM).toBeCloseTo(-(gx - 121.3) * M_PER_DEGREE * cos, -2);
    expect(shift?.northM).toBeCloseTo(-(gy - 30.25) * M_PER_DEGREE, -2);
    expect(shift?.message.zh).toContain('GCJ-02');
    expect(shift?.placedAfter).toBeGreaterThan(0.9);
  });

  it('names a wrong zone when the layer lies one 3° zone east', () => {
    const { shift } = checkPlausibility(
      movedLayer((x, y) => [x + 3, y]),
      'plots',
      { reference },
    );
    expect(shift?.kind).toBe('zone');
    expect(shift?.eastM).toBeLessThan(-280_000);
    expect(shift?.message.en).toContain('zone');
  });

  it('names a datum for a consistent move of a few hundred metres', () => {
    const { shift } = checkPlausibility(
      movedLayer((x, y) => [x, y - 300 / M_PER_DEGREE]),
      'plots',
      { reference },
    );
    expect(shift?.kind).toBe('datum');
    expect(shift?.northM).toBeGreaterThan(150);
    expect(Math.abs(shift?.eastM ?? Infinity)).toBeLessThan(200);
    expect(shift?.message.zh).toContain('西安80');
  });

  it('calls a larger consistent move an offset', () => {
    const { shift } = checkPlausibility(
      movedLayer((x, y) => [x + 0.03, y + 0.02]),
      'plots',
      { reference },
    );
    expect(shift?.kind).toBe('offset');
    expect(shift?.eastM).toBeLessThan(-2500);
    expect(shift?.northM).toBeLessThan(-1800);
  });

  it('says nothing of a layer in place, nor of a few strays no move brings back', () => {
    expect(
      checkPlausibility(read('data/sample/boundary.geojson'), 'boundary', { reference }).shift,
    ).toBeNull();
    const strays = movedLayer((x, y) => [x, y]);
    strays.features.push(
      plot(121.9, 30.5, (x, y) => [x, y]),
      plot(121.0, 30.0, (x, y) => [x, y]),
    );
    expect(checkPlausibility(strays, 'plots', { reference }).shift).toBeNull();
  });
});
