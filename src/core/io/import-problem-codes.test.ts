import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDbf, writeShp } from '../../../scripts/make-import-fixtures.ts';
import { zipBomb } from '../../../test/support/zip-bomb.ts';
import type { Problem } from '../types.ts';
import { MAX_FILE_BYTES } from './import-limits.ts';
import { IMPORT_PROBLEM_CODES } from './import-problem-codes.ts';
import { IO_PROBLEM_CODES } from './problem-codes.ts';
import { readDbf } from './read-dbf.ts';
import { readLayerFiles, unreadableFile } from './read-layer-files.ts';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) });

describe('IMPORT_PROBLEM_CODES', () => {
  it('lists every code that reading files produces, with the severity it has', () => {
    const point = writeShp([]).shp;
    new DataView(point.buffer).setInt32(32, 3, true);
    const dbf = writeDbf([{ name: 'ID', type: 'C', length: 2 }], [{ ID: 'a' }, { ID: 'b' }]);
    const truncatedShp = writeShp([
      [
        [
          [0, 0],
          [0, 1],
          [1, 1],
          [0, 0],
        ],
      ],
    ]).shp;
    const read = readLayerFiles([
      fixture('broken-not-a-zip.zip'),
      fixture('broken-missing-dbf.zip'),
      { name: 'empty.zip', bytes: zipSync({}) },
      { name: 'docs.zip', bytes: zipSync({ 'a.txt': new Uint8Array(1) }) },
      { name: 'x.kmz', bytes: zipSync({ 'a.txt': new Uint8Array(1) }) },
      { name: 'a.xlsx', bytes: new Uint8Array(1) },
      { name: 'lonely.dbf', bytes: dbf },
      { name: 'lines.shp', bytes: point },
      { name: 'lines.dbf', bytes: dbf },
      { name: 'cut.shp', bytes: truncatedShp.subarray(0, truncatedShp.length - 8) },
      { name: 'cut.dbf', bytes: dbf },
      { name: 'bad.shp', bytes: new Uint8Array(200) },
      { name: 'bad.dbf', bytes: new Uint8Array(10) },
      { name: 'a.kml', bytes: new TextEncoder().encode('<kml><Placemark><Point/></Placemark></kml>') },
      { name: 'b.kml', bytes: new TextEncoder().encode('<kml><x></kml>') },
      {
        name: 'g.json',
        bytes: Uint8Array.from([
          ...new TextEncoder().encode('{"type":"FeatureCollection","features":[],"x":"'),
          0xb5,
          0xd8,
          0x22,
          0x7d,
        ]),
      },
      { name: 'bomb.zip', bytes: zipBomb([{ name: 'bomb.shp', bytes: 300 * 1024 * 1024 }]) },
      { name: 'huge.json', bytes: new Uint8Array(MAX_FILE_BYTES + 1) },
      { name: 'short.shp', bytes: writeShp([]).shp },
      { name: 'short.dbf', bytes: dbf.subarray(0, dbf.length - 4) },
    ]);
    const problems: Problem[] = [...read.problems, ...read.sources.flatMap((s) => s.problems)];
    const memo = writeDbf([{ name: 'M', type: 'C', length: 1 }], []);
    memo[43] = 'M'.charCodeAt(0);
    problems.push(...readDbf(memo, 'm.dbf', { cpg: '???' }).problems);
    // The page's worker, for a picked file that cannot be read (src/worker/read-picked-files.ts).
    problems.push(unreadableFile('moved.geojson'));
    const known: Record<string, { severity: string }> = { ...IO_PROBLEM_CODES, ...IMPORT_PROBLEM_CODES };
    for (const problem of problems) {
      expect(known[problem.code], problem.code).toBeDefined();
      if (known[problem.code]?.severity !== 'depends')
        expect(problem.severity, problem.code).toBe(known[problem.code]?.severity);
    }
    const seen = new Set(problems.map((p) => p.code));
    expect([...Object.keys(IMPORT_PROBLEM_CODES)].filter((code) => !seen.has(code))).toEqual([]);
  });
});
