import { describe, expect, it } from 'vitest';
import { guessLayerKind } from './guess-layer-kind.ts';

/** A square feature `sizeDeg` degrees across near Cixi, with the given properties. */
function feature(properties: Record<string, unknown>, sizeDeg: number) {
  const [x, y] = [121.3, 30.2];
  return {
    type: 'Feature',
    properties,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + sizeDeg, y],
          [x + sizeDeg, y + sizeDeg],
          [x, y + sizeDeg],
          [x, y],
        ],
      ],
    },
  };
}

const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const EMPTY = collection();

describe('guessLayerKind', () => {
  it.each([
    ['城镇开发边界.geojson', 'boundary'],
    ['慈溪开发边界.shp', 'boundary'],
    ['UBG_2023.zip', 'boundary'],
    ['town_boundary.kml', 'boundary'],
    ['工业控制线.zip', 'control'],
    ['industrial-control.geojson', 'control'],
    ['工业用地控制线.shp', 'control'],
    ['地块.shp', 'plots'],
    ['工业用地现状.zip', 'plots'],
    ['plots.geojson', 'plots'],
    ['parcels.kmz › doc.kml', 'plots'],
    ['data.zip › 城镇开发边界/边界.shp', 'boundary'],
  ])('takes %s for %s from its name', (fileName, kind) => {
    const guess = guessLayerKind(fileName, EMPTY);
    expect(guess.kind).toBe(kind);
    expect(guess.reason.zh).toContain('文件名含');
  });

  it('lets the inner file name decide over the archive name', () => {
    expect(guessLayerKind('地块.zip › 控制线.shp', EMPTY).kind).toBe('control');
  });

  it('takes plot attribute columns for plots', () => {
    const guess = guessLayerKind('layer1.zip › a.shp', collection(feature({ 地块编号: 'P-1' }, 0.001)));
    expect(guess.kind).toBe('plots');
    expect(guess.reason.zh).toContain('地块编号');
    expect(guessLayerKind('x.json', collection(feature({ 税收: 1, 企业数: 2 }, 0.001))).kind).toBe('plots');
  });

  it('takes a few large features with a town column for boundaries, and small ones for nothing', () => {
    const large = collection(feature({ 镇街: '观海卫镇' }, 0.05), feature({ 镇街: '匡堰镇' }, 0.04));
    const guess = guessLayerKind('export.geojson', large);
    expect(guess.kind).toBe('boundary');
    expect(guess.reason.zh).toContain('公里');
    const small = collection(feature({ town: '观海卫镇' }, 0.001));
    expect(guessLayerKind('export.geojson', small).kind).toBeNull();
  });

  it('measures projected features in metres', () => {
    const projected = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { town: '观海卫镇' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [40_600_000, 3_340_000],
                [40_605_000, 3_340_000],
                [40_605_000, 3_345_000],
                [40_600_000, 3_340_000],
              ],
            ],
          },
        },
      ],
    };
    expect(guessLayerKind('export.geojson', projected).kind).toBe('boundary');
  });

  it('says it cannot tell when nothing points one way', () => {
    const guess = guessLayerKind('export.geojson', collection(feature({ name: 'x' }, 0.01)));
    expect(guess.kind).toBeNull();
    expect(guess.reason.zh).toContain('请选择');
    expect(guessLayerKind('a.json', 'not a collection').kind).toBeNull();
  });
});
