import { describe, expect, it } from 'vitest';
import { decodeEchartsGeoJson, decodeEchartsRing, encodeEchartsRing } from './echarts-geojson.ts';

describe('ECharts geojson decoding', () => {
  const ring = [
    [121.2578125, 30.1708984375],
    [121.2607421875, 30.1708984375],
    [121.2607421875, 30.173828125],
    [121.2578125, 30.1708984375],
  ];

  it('decodes what the ECharts encoding produces', () => {
    const { encoded, offset } = encodeEchartsRing(ring);
    expect(decodeEchartsRing(encoded, offset)).toEqual(ring);
  });

  it('decodes encoded collections and passes plain ones through', () => {
    const { encoded, offset } = encodeEchartsRing(ring);
    const [decoded] = decodeEchartsGeoJson({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          type: 'Feature',
          id: '330282',
          properties: { name: '慈溪市' },
          geometry: { type: 'MultiPolygon', coordinates: [[encoded]], encodeOffsets: [[offset]] },
        },
      ],
    });
    expect(decoded?.polygons).toEqual([[ring]]);
    expect(decoded?.id).toBe('330282');
    const [plain] = decodeEchartsGeoJson({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    });
    expect(plain?.polygons).toEqual([[ring]]);
  });
});
