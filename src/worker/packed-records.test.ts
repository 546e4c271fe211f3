import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../core/analysis/analyze-plan.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import type { FeatureCollection } from '../core/types.ts';
import { packedRecordBuffers, packRecords, recordReader, unpackRecords } from './packed-records.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/sample/${name}.geojson`, import.meta.url), 'utf8'),
  ) as FeatureCollection;
const rows = analyzePlan(
  { plots: read('plots'), boundary: read('boundary'), control: read('control') },
  DEFAULT_SETTINGS,
).rows;

/** Every own key of every object, in order, with its value's type: what toEqual does not compare. */
function keysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysDeep);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).map(([key, item]) => [key, keysDeep(item)]);
  return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : typeof value;
}

describe('packRecords', () => {
  it('gives back the analysed rows of the sample as a structured clone would: values, key order, keys holding undefined', async () => {
    const packed = packRecords(rows);
    // Far smaller than the clone the rows were sent as, and the strings once each.
    const packedBytes = packedRecordBuffers(packed).reduce((sum, buffer) => sum + buffer.byteLength, 0);
    expect(packedBytes).toBeLessThan(serialize(rows).length / 2);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    const unpacked = await unpackRecords(packed);
    expect(unpacked).toStrictEqual(structuredClone(rows));
    expect(keysDeep(unpacked)).toEqual(keysDeep(rows));
    // Some measure is missing in the sample: its key is there, holding undefined.
    expect(
      rows.some((row) => Object.hasOwn(row.measures, 'taxPerMu') && row.measures.taxPerMu === undefined),
    ).toBe(true);
  });

  it('keeps -0, NaN, infinities, large and fractional numbers, null, booleans, nested arrays and odd keys', async () => {
    // Parsed so, '__proto__' is an own key, not the prototype.
    const odd: unknown = JSON.parse('{"__proto__":"own","constructor":1,"key with\\u0000nul":2}');
    const records: unknown[] = [
      {
        a: -0,
        b: Number.NaN,
        c: Number.POSITIVE_INFINITY,
        d: 2 ** 31,
        e: -(2 ** 31),
        f: 0.1,
        g: 2 ** 53 + 2,
      },
      { a: null, b: true, c: false, d: undefined, e: [1, [2.5, 'x'], [], { z: 'x' }], f: '', g: {} },
      odd,
      [],
      'a record that is a string',
      7,
    ];
    const unpacked = await unpackRecords(packRecords(records));
    expect(unpacked).toStrictEqual(structuredClone(records));
    expect(keysDeep(unpacked)).toEqual(keysDeep(records));
    expect(Object.getPrototypeOf(unpacked[2])).toBe(Object.prototype);
    expect(Object.keys(unpacked[2] as object)).toEqual(['__proto__', 'constructor', 'key with\u0000nul']);
  });

  it('makes each object its own, with plain own keys in the packed order, whatever its values', async () => {
    // Keys that look like indices, a key met in one record only, values of every kind in one key.
    const records = [
      { b: 1, a: 'x', 2: true, 10: null, c: { d: 1 } },
      { b: 'text', a: 2.5, 2: undefined, 10: [1], c: { d: -0 } },
      { b: { e: 1 }, a: null, 2: 0, 10: Number.NaN, c: { d: 'y' }, extra: 1 },
    ];
    const unpacked = (await unpackRecords(packRecords(records))) as { b: unknown; c: { d: unknown } }[];
    const [first, second, third] = unpacked as [
      (typeof unpacked)[0],
      (typeof unpacked)[0],
      (typeof unpacked)[0],
    ];
    expect(unpacked).toStrictEqual(structuredClone(records));
    expect(Object.keys(first)).toEqual(['2', '10', 'b', 'a', 'c']);
    expect(Object.keys(third)).toEqual(['2', '10', 'b', 'a', 'c', 'extra']);
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(second)))
      expect(descriptor).toMatchObject({ enumerable: true, writable: true, configurable: true });
    // Objects of one shape share nothing: a change to one is not seen in another.
    first.b = 5;
    first.c.d = 7;
    expect(second.b).toBe('text');
    expect(second.c.d).toBe(-0);
    expect(Object.getPrototypeOf(second)).toBe(Object.prototype);
  });

  it('makes equal strings one value again', async () => {
    const [first, second] = (await unpackRecords(packRecords([{ town: `镇${1}` }, { town: `镇${1}` }]))) as {
      town: string;
    }[];
    expect(first?.town).toBe('镇1');
    expect(packRecords([{ town: `镇${1}` }, { town: `镇${1}` }]).strings).toEqual(['镇1']);
    expect(second?.town).toBe(first?.town);
  });

  it('refuses what a plain record cannot hold, naming it', () => {
    expect(() => packRecords([{ when: new Date(0) }])).toThrow('got an object of class Date');
    expect(() => packRecords([{ values: new Float64Array(2) }])).toThrow(
      'got an object of class Float64Array',
    );
    expect(() => packRecords([{ call: () => 1 }])).toThrow('got function');
  });

  it('cuts the records into pieces of one string table: read across their ends, each as it was', async () => {
    const packed = packRecords(rows, 7);
    expect(packed.pieces).toHaveLength(Math.ceil(rows.length / 7));
    expect(packed.pieces.reduce((sum, piece) => sum + piece.count, 0)).toBe(rows.length);
    // One table for all pieces: a town met in many pieces is one string.
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(packed.strings.length).toBe(packRecords(rows).strings.length);
    const reader = recordReader(packed);
    const read: unknown[] = [];
    while (reader.left > 0) read.push(...reader.read(5));
    expect(read).toStrictEqual(structuredClone(rows));
    expect(packRecords([]).pieces).toEqual([]);
    expect(await unpackRecords(packRecords([]))).toEqual([]);
  });

  it('reads a slice at a time, pausing between slices, and ends where the records end', async () => {
    const packed = packRecords(rows);
    const reader = recordReader(packed);
    const first = reader.read(3);
    expect(first).toStrictEqual(structuredClone(rows.slice(0, 3)));
    expect(reader.left).toBe(rows.length - 3);
    expect(reader.read(rows.length)).toStrictEqual(structuredClone(rows.slice(3)));
    expect(reader.read(1)).toEqual([]);
    let pauses = 0;
    const all = await unpackRecords(packRecords(rows), {
      slice: 100,
      pause: async () => {
        pauses++;
      },
    });
    expect(all).toHaveLength(rows.length);
    expect(pauses).toBe(Math.ceil(rows.length / 100) - 1);
  });
});
