import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GeoJsonByteReader, MAX_DEPTH, readFeatureCollectionBytes } from './geojson-byte-reader.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** The reader fed `bytes` cut at the given offsets. */
function readInPieces(bytes: Uint8Array, cuts: number[]): unknown {
  const reader = new GeoJsonByteReader();
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  reader.push(bytes.subarray(from));
  return reader.end();
}

/** Object.is on every number, so that -0 and 0 are told apart (toEqual does not). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.join('\u0000') === kb.join('\u0000') &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

const TRICKY = `\uFEFF {"type" : "FeatureCollection", "name": "a,[b]{c}", "crs": {"type": "name", "properties": {"name": "EPSG:4490"}},
  "features": [
    {"type": "Feature", "id": 1, "properties": {"name": "东山头村 \\"一号\\" ]},[ 😀", "features": [1, 2], "path": "C:\\\\data\\\\", "u": "\\u005d\\u0022\\ud83d\\ude00\\/\\b\\f\\n\\r\\t", "lone": "\\udc00",
      "__proto__": {"polluted": true}, "2": "two", "1": "one"},
     "geometry": {"type": "Polygon", "coordinates": [[[121.2, 30.1], [121.3, 30.1], [121.3, 30.2], [121.2, 30.1]]]}},
    {"type": "Feature", "properties": null, "geometry": null},
    {"type": "Feature", "properties": {"n": -1.5e-3, "z": -0, "zz": -0.0, "big": 1e999, "e": 2E+2, "long": 0.30000000000000004441, "int": 9007199254740993,
      "b": true, "f": false, "x": [[], {}]}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
  ], "bbox": [1, 2, 3, 4]}
`;

describe('GeoJsonByteReader', () => {
  it('gives what JSON.parse gives for the whole text: members, order, escapes, numbers to the bit, __proto__', () => {
    const read = readFeatureCollectionBytes(encode(TRICKY));
    const expected = JSON.parse(TRICKY.slice(1));
    expect(sameValue(read, expected)).toBe(true);
    expect(Object.keys(read ?? {})).toEqual(['type', 'name', 'crs', 'features', 'bbox']);
    const properties = read?.features[0]?.properties as Record<string, unknown>;
    // A member named __proto__ is data, as in JSON.parse: no prototype is set.
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.is(read?.features[2]?.properties?.z, -0)).toBe(true);
    expect(read?.features[2]?.properties?.big).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives the same whatever the pieces the bytes come in, down to one byte at a time', () => {
    const bytes = encode(TRICKY);
    const expected = JSON.parse(TRICKY.slice(1));
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(sameValue(readInPieces(bytes, cuts), expected)).toBe(true);
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(sameValue(readInPieces(bytes, [cut]), expected), `cut at ${cut}`).toBe(true);
  });

  it('gives what JSON.parse gives for any collection of JSON features, in any pieces', () => {
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 })),
      geometry: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 0, max: 2 }),
        (features, extra, cutAt, indent) => {
          const text = JSON.stringify({ type: 'FeatureCollection', extra, features }, null, indent);
          const bytes = encode(text);
          const read = readInPieces(
            bytes,
            cutAt.map((n) => n % (bytes.length + 1)),
          );
          expect(sameValue(read, JSON.parse(text))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads every number as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: 100, max: 140 })), (x) => {
        for (const text of [JSON.stringify(x), x.toFixed(7), x.toPrecision(17), x.toExponential(5)]) {
          if (!Number.isFinite(x)) continue;
          const json = `{"type":"FeatureCollection","features":[],"n":[${text}]}`;
          const read = readFeatureCollectionBytes(encode(json)) as unknown as { n: number[] };
          expect(Object.is(read.n[0], JSON.parse(json).n[0]), text).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('hands each feature over as soon as it is read, without keeping it, with onFeature', () => {
    const seen: [unknown, number][] = [];
    const reader = new GeoJsonByteReader({ onFeature: (feature, index) => seen.push([feature, index]) });
    reader.push(encode('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 1}, {"type"'));
    expect(seen).toEqual([[{ type: 'Feature', id: 1 }, 0]]);
    reader.push(encode(': "Feature", "id": 2}]}'));
    expect(seen).toEqual([
      [{ type: 'Feature', id: 1 }, 0],
      [{ type: 'Feature', id: 2 }, 1],
    ]);
    expect(reader.end()).toEqual({ type: 'FeatureCollection', features: [] });
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
    ['a file cut after the features', '{"type": "FeatureCollection", "features": []'],
    ['text after the object', '{"type": "FeatureCollection", "features": []} x'],
    ['an array', '[{"type": "FeatureCollection", "features": []}]'],
    ['a syntax error in a feature', '{"type": "FeatureCollection", "features": [{"type": "Feature", }]}'],
    ['a raw line break in a string', '{"type": "FeatureCollection", "features": [], "n": "a\nb"}'],
    ['a leading zero', '{"type": "FeatureCollection", "features": [[01]]}'],
    ['a bad escape', '{"type": "FeatureCollection", "features": [], "n": "\\x"}'],
    ['NaN', '{"type": "FeatureCollection", "features": [[NaN]]}'],
    ['an empty file', ''],
    ['a second byte-order mark', '\uFEFF\uFEFF{"type": "FeatureCollection", "features": []}'],
  ])('leaves %s to the ordinary reading (null)', (_, text) => {
    expect(readFeatureCollectionBytes(encode(text))).toBeNull();
  });

  it('leaves GBK, UTF-16 and broken UTF-8 to the ordinary reading (null)', () => {
    const text = '{"type": "FeatureCollection", "features": [{"name": "观海卫镇"}]}';
    expect(readFeatureCollectionBytes(new Uint8Array(iconv.encode(text, 'gbk')))).toBeNull();
    expect(
      readFeatureCollectionBytes(new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true }))),
    ).toBeNull();
    expect(readFeatureCollectionBytes(new Uint8Array(iconv.encode(text, 'utf16-be')))).toBeNull();
    const utf8 = encode(text);
    for (const broken of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe8, 0x41], [0xff]]) {
      const at = utf8.indexOf(0xe8);
      const bytes = new Uint8Array([...utf8.subarray(0, at), ...broken, ...utf8.subarray(at)]);
      expect(readFeatureCollectionBytes(bytes), broken.join(' ')).toBeNull();
    }
  });

  it(`leaves nesting deeper than ${MAX_DEPTH} to the ordinary reading, without running out of stack`, () => {
    const deep = `{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    expect(readFeatureCollectionBytes(encode(deep))).toBeNull();
    const fine = `{"type": "FeatureCollection", "features": [${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}]}`;
    expect(readFeatureCollectionBytes(encode(fine))).toEqual(JSON.parse(fine));
  });

  it('says at once that it has given up, so that the caller stops pushing', () => {
    const reader = new GeoJsonByteReader();
    expect(reader.push(encode('{"type": "FeatureCollection", "features": ['))).toBe(true);
    expect(reader.push(encode('{"type": "Feature",, }'))).toBe(false);
    expect(reader.push(encode(']}'))).toBe(false);
    expect(reader.end()).toBeNull();
  });
});
