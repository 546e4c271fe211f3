import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FeatureCollectionReader } from './feature-collection-reader.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** `bytes` given to a reader `chunk` bytes at a time, parsed about `pieceBytes` at a time. */
function read(bytes: Uint8Array, chunk: number, pieceBytes = 10) {
  const reader = new FeatureCollectionReader({ pieceBytes });
  for (let at = 0; at < bytes.length; at += chunk) reader.push(bytes.slice(at, at + chunk));
  return reader.finish();
}

const TRICKY = `\uFEFF {"type" : "FeatureCollection", "name": "a,[b]{c}", "crs": {"type": "name", "properties": {"name": "EPSG:4490", "features": []}},
  "features" :
  [
    {"type": "Feature", "id": 1, "properties": {"name": "东山头村 \\"一号\\" ]},[", "features": [1, 2], "path": "C:\\\\data\\\\", "u": "\\u005d\\u0022"},
     "geometry": {"type": "Polygon", "coordinates": [[[121.2, 30.1], [121.3, 30.1], [121.3, 30.2], [121.2, 30.1]]]}},
    {"type": "Feature", "properties": null, "geometry": null},
    {"type": "Feature", "properties": {"n": -1.5e-3, "b": true, "x": [[], {}]}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
  ], "bbox": [1, 2, 3, 4], "na\\u006de": "b"}
`;

describe('FeatureCollectionReader', () => {
  it('gives what JSON.parse gives for the whole text, however the bytes are cut (inside strings, escapes, characters, keys)', () => {
    const bytes = encode(TRICKY);
    const expected = JSON.parse(TRICKY.slice(1));
    for (const chunk of [1, 2, 3, 5, 7, 13, 64, bytes.length])
      for (const pieceBytes of [1, 40, 1 << 20]) {
        const parsed = read(bytes, chunk, pieceBytes);
        expect(parsed, `chunks of ${chunk}, pieces of ${pieceBytes}`).toEqual(expected);
        expect(Object.keys(parsed ?? {})).toEqual(['type', 'name', 'crs', 'features', 'bbox']);
      }
  });

  it('gives what JSON.parse gives for any collection of JSON features, in any chunks', () => {
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      geometry: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.integer({ min: 1, max: 50 }),
        (features, extra, chunk) => {
          const text = JSON.stringify({ type: 'FeatureCollection', extra, features }, null, chunk % 2);
          expect(read(encode(text), chunk)).toEqual(JSON.parse(text));
        },
      ),
    );
  });

  it('keeps no piece longer than needed: features parsed as their pieces complete, an empty collection too', () => {
    expect(read(encode('{"type":"FeatureCollection","features":[]}'), 4)).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
    const reader = new FeatureCollectionReader({ pieceBytes: 1 });
    reader.push(encode('{"type":"FeatureCollection","features":[{"type":"Feature"},'));
    reader.push(encode('{"type":"Feature","id":2}]}'));
    expect(reader.finish()?.features).toEqual([{ type: 'Feature' }, { type: 'Feature', id: 2 }]);
  });

  it('gives null for what is not one UTF-8 FeatureCollection (read the ordinary way, with its messages)', () => {
    const cases = [
      '',
      '  ',
      '[]',
      '{"type":"FeatureCollection","features":[1,]}',
      '{"type":"FeatureCollection","features":[1,2,]}',
      '{"type":"FeatureCollection","features":[,1]}',
      '{"type":"FeatureCollection","features":[1}',
      '{"type":"FeatureCollection","features":[1]',
      '{"type":"FeatureCollection","features":[1]}}',
      '{"type":"FeatureCollection","features":{}}',
      '{"type":"FeatureCollection","features":[1],"features":[]}',
      '{"type":"FeatureCollection"}',
      '{"type":"Feature","features":[]}',
      '{"type":"FeatureCollection","features":[{"a":"b}]}',
      '{"type":"FeatureCollection","features":[1]} x',
    ];
    for (const text of cases)
      for (const chunk of [1, 3, 1000])
        expect(read(encode(text), chunk, 1), `${text} in chunks of ${chunk}`).toBeNull();
    const gbk = iconv.encode('{"type":"FeatureCollection","features":[{"name":"东山头村"}]}', 'gbk');
    expect(read(new Uint8Array(gbk), 7)).toBeNull();
  });
});
