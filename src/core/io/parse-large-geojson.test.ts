import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { cutFeatureCollection, parseLargeFeatureCollection } from './parse-large-geojson.ts';

const encode = (text: string) => new TextEncoder().encode(text);
/** Parsed in pieces of about 10 bytes, whatever the size. */
const parse = (text: string) =>
  parseLargeFeatureCollection(encode(text), { minimumBytes: 0, pieceBytes: 10 });

const TRICKY = `\uFEFF {"type" : "FeatureCollection", "name": "a,[b]{c}", "crs": {"type": "name", "properties": {"name": "EPSG:4490"}},
  "features": [
    {"type": "Feature", "id": 1, "properties": {"name": "东山头村 \\"一号\\" ]},[", "features": [1, 2], "path": "C:\\\\data\\\\", "u": "\\u005d\\u0022"},
     "geometry": {"type": "Polygon", "coordinates": [[[121.2, 30.1], [121.3, 30.1], [121.3, 30.2], [121.2, 30.1]]]}},
    {"type": "Feature", "properties": null, "geometry": null},
    {"type": "Feature", "properties": {"n": -1.5e-3, "b": true, "x": [[], {}]}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
  ], "bbox": [1, 2, 3, 4]}
`;

describe('parseLargeFeatureCollection', () => {
  it('gives what JSON.parse gives for the whole text: members, order, strings with brackets, quotes and escapes', () => {
    const parsed = parse(TRICKY);
    const expected = JSON.parse(TRICKY.slice(1));
    expect(parsed).toEqual(expected);
    expect(Object.keys(parsed ?? {})).toEqual(['type', 'name', 'crs', 'features', 'bbox']);
    expect(parsed?.features).toHaveLength(3);
  });

  it('gives what JSON.parse gives for any collection of JSON features', () => {
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      geometry: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), (features, extra) => {
        const text = JSON.stringify(
          { type: 'FeatureCollection', extra, features },
          null,
          features.length % 2 ? 1 : 0,
        );
        expect(parse(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a Feature', '{"type": "Feature", "properties": {}, "geometry": null}'],
    ['features that are not an array', '{"type": "FeatureCollection", "features": {}}'],
    ['no features', '{"type": "FeatureCollection"}'],
    ['two features members', '{"type": "FeatureCollection", "features": [], "featur\\u0065s": []}'],
    [
      'a trailing comma',
      '{"type": "FeatureCollection", "features": [{"type": "Feature"}, {"type": "Feature"}, ]}',
    ],
    ['a truncated file', '{"type": "FeatureCollection", "features": [{"type": "Feature"}, {"type": "Fea'],
    ['text after the object', '{"type": "FeatureCollection", "features": []} x'],
    ['an array', '[{"type": "FeatureCollection", "features": []}]'],
    ['a syntax error in a feature', '{"type": "FeatureCollection", "features": [{"type": "Feature", }]}'],
  ])('leaves %s to the ordinary reading (null)', (_, text) => {
    expect(parse(text)).toBeNull();
  });

  it('leaves GBK bytes and small files to the ordinary reading', () => {
    const gbk = new Uint8Array(
      iconv.encode('{"type": "FeatureCollection", "features": [{"name": "观海卫镇"}]}', 'gbk'),
    );
    expect(parseLargeFeatureCollection(gbk, { minimumBytes: 0 })).toBeNull();
    expect(parseLargeFeatureCollection(encode('{"type": "FeatureCollection", "features": []}'))).toBeNull();
  });
});

/** Each piece parsed as a reader of the pieces parses it; null when one does not parse to features. */
function featuresOfPieces(bytes: Uint8Array, pieces: [number, number][]): unknown[] | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const features: unknown[] = [];
  for (const [from, to] of pieces) {
    try {
      const piece = JSON.parse(`[${decoder.decode(bytes.subarray(from, to))}]`) as unknown[];
      if (piece.length === 0) return null;
      features.push(...piece);
    } catch {
      return null;
    }
  }
  return features;
}

describe('cutFeatureCollection', () => {
  const plot = (id: string, name: string) =>
    `{"type": "Feature", "properties": {"id": "${id}", "name": ${JSON.stringify(name)}}, "geometry": {"type": "Polygon", "coordinates": [[[121.2, 30.1], [121.3, 30.1], [121.2, 30.1]]]}}`;

  it('cuts between features into pieces of about equal size whose features are the file’s', () => {
    const features = Array.from({ length: 40 }, (_, i) =>
      plot(`p${i}`, `东山头村 "${i}" },{"type": "Feature"`),
    );
    const text = `\uFEFF{"type": "FeatureCollection", "name": "地块", "crs": {"type": "name", "properties": {"name": "EPSG:4490"}},\n"features": [\n${features.join(',\n')}\n]\n}\n`;
    const bytes = encode(text);
    const cut = cutFeatureCollection(bytes, 3);
    const expected = JSON.parse(text.slice(1));
    expect(cut?.root).toEqual({ ...expected, features: [] });
    expect(cut?.pieces).toHaveLength(3);
    expect(featuresOfPieces(bytes, cut?.pieces ?? [])).toEqual(expected.features);
    const sizes = (cut?.pieces ?? []).map(([from, to]) => to - from);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(2 * (features[0]?.length ?? 0));
    // A first piece of half the others' size: the same features, the first piece about half.
    const uneven = cutFeatureCollection(bytes, 3, 0.5);
    expect(featuresOfPieces(bytes, uneven?.pieces ?? [])).toEqual(expected.features);
    const [first = 0, second = 0] = (uneven?.pieces ?? []).map(([from, to]) => to - from);
    expect(first / second).toBeGreaterThan(0.35);
    expect(first / second).toBeLessThan(0.65);
  });

  it('gives pieces that parse to exactly the file’s features, or that do not parse, for any collection', () => {
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      geometry: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(feature, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (features, count, indent) => {
          const text = JSON.stringify({ type: 'FeatureCollection', features }, null, indent ? 1 : 0);
          const bytes = encode(text);
          const cut = cutFeatureCollection(bytes, count);
          if (!cut) return;
          const read = featuresOfPieces(bytes, cut.pieces);
          if (read) expect(read).toEqual(JSON.parse(text).features);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      'a member after the features',
      `{"type": "FeatureCollection", "features": [${plot('a', 'x')}, ${plot('b', 'y')}], "bbox": [1, 2, 3, 4]}`,
    ],
    ['a Feature', plot('a', 'x')],
    ['features that are not an array', '{"type": "FeatureCollection", "features": {}}'],
    ['a truncated file', `{"type": "FeatureCollection", "features": [${plot('a', 'x')}, ${plot('b', 'y')}`],
    ['one feature to cut in two', `{"type": "FeatureCollection", "features": [${plot('a', 'x')}]}`],
  ])('leaves %s to the ordinary reading (null)', (_, text) => {
    expect(cutFeatureCollection(encode(text), 2)).toBeNull();
  });

  it('cuts a file with two features members only into pieces that do not parse', () => {
    const text = `{"type": "FeatureCollection", "features": [], "features": [${plot('a', 'x')}, ${plot('b', 'y')}]}`;
    const bytes = encode(text);
    const cut = cutFeatureCollection(bytes, 2);
    expect(cut === null || featuresOfPieces(bytes, cut.pieces) === null).toBe(true);
  });
});

describe('readLayerFiles with a GeoJSON file of 32 MB or more', () => {
  it('never decodes the whole file into one text, and reads every feature', async () => {
    const { readLayerFiles } = await import('./read-layer-files.ts');
    const feature = JSON.stringify({
      type: 'Feature',
      properties: { name: '慈溪市汇丰机械有限公司', town: '宗汉街道' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.2067383, 30.1891941],
            [121.2077383, 30.1891941],
            [121.2077383, 30.1901941],
            [121.2067383, 30.1891941],
          ],
        ],
      },
    });
    const count = Math.ceil((33 * 1024 * 1024) / feature.length);
    const text = `{"type":"FeatureCollection","name":"plots","features":[${Array(count).fill(feature).join(',\n')}]}`;
    const bytes = encode(text);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      const read = readLayerFiles([{ name: 'big.geojson', bytes }]);
      const longest = Math.max(...decode.mock.results.map((result) => String(result.value).length));
      expect(longest).toBeLessThan(5 * 1024 * 1024);
      expect(read.problems).toEqual([]);
      expect(read.sources[0]?.problems).toEqual([]);
      const collection = read.sources[0]?.collection as { name: string; features: unknown[] };
      expect(collection.name).toBe('plots');
      expect(collection.features).toHaveLength(count);
      expect(collection.features[0]).toEqual(JSON.parse(feature));
      expect(collection.features[count - 1]).toEqual(JSON.parse(feature));
    } finally {
      decode.mockRestore();
    }
  });
});
