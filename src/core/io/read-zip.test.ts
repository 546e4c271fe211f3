import { readFileSync } from 'node:fs';
import { inflateSync, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflatedZeros, zipBomb } from '../../../test/support/zip-bomb.ts';
import { inflatedLimit, MAX_FILE_BYTES } from './import-limits.ts';
import { readLayerFiles } from './read-layer-files.ts';
import { decodeZipEntryName, listZipEntries, readZip } from './read-zip.ts';

const MB = 1024 * 1024;
const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

describe('readZip', () => {
  it('reads the same entries and bytes as fflate, GBK names decoded', () => {
    for (const name of ['plots-cgcs2000-gk40-gbk.zip', 'plots-gbk-no-cpg.zip', 'broken-missing-dbf.zip']) {
      const bytes = fixture(name);
      const read = readZip(bytes, () => true);
      const expected = Object.entries(unzipSync(bytes)).filter(([path]) => !path.endsWith('/'));
      expect(read.ok && read.entries.map((entry) => entry.path)).toEqual(
        expected.map(([path]) => decodeZipEntryName(path)),
      );
      expect(read.ok && read.entries.map((entry) => [...entry.bytes])).toEqual(
        expected.map(([, entry]) => [...entry]),
      );
    }
  });

  it('reads stored and deflated entries, skips unwanted ones and counts what is not noise', () => {
    const bytes = zipSync({
      'a/x.shp': [new Uint8Array([1, 2, 3]), { level: 0 }],
      'a/x.dbf': new Uint8Array(1000).fill(7),
      'readme.txt': new Uint8Array(5),
      '__MACOSX/a/._x.shp': new Uint8Array(3),
    });
    const read = readZip(bytes, (path) => !path.endsWith('.txt'));
    expect(read).toEqual({
      ok: true,
      entries: [
        { path: 'a/x.shp', bytes: new Uint8Array([1, 2, 3]) },
        { path: 'a/x.dbf', bytes: new Uint8Array(1000).fill(7) },
      ],
      total: 3,
    });
  });

  it('calls a truncated archive damaged', () => {
    const bytes = zipSync({ 'x.shp': new Uint8Array(100).fill(1) });
    expect(readZip(bytes.subarray(0, bytes.length - 30), () => true)).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(readZip(bytes.subarray(20), () => true)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses a zip whose .shp declares 2.3 GB from its directory, inflating nothing', () => {
    const bomb = zipBomb([
      { name: 'bomb.shp', bytes: 2300 * MB },
      { name: 'bomb.dbf', bytes: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(16 * MB);
    expect(listZipEntries(bomb).map((entry) => entry.declaredBytes)).toEqual([2300 * MB, 1000]);
    const started = performance.now();
    const read = readZip(bomb, () => true);
    // Inflating 2.3 GB takes seconds (and 2.3 GB); reading the directory takes microseconds.
    expect(performance.now() - started).toBeLessThan(200);
    expect(read).toEqual({
      ok: false,
      reason: 'too-large',
      limitBytes: MAX_FILE_BYTES,
      entry: 'bomb.shp',
      entryDeclaredBytes: 2300 * MB,
      totalDeclaredBytes: 2300 * MB + 1000,
      inflatedBytes: null,
    });
  });

  it('stops inflating an entry that declares 1 KB as soon as its output passes that', () => {
    const bomb = zipBomb([{ name: 'liar.shp', bytes: 1200 * MB, declaredBytes: 1024 }]);
    const read = readZip(bomb, () => true);
    expect(read.ok).toBe(false);
    if (read.ok || read.reason !== 'too-large') throw new Error('expected a refusal');
    expect(read.entry).toBe('liar.shp');
    expect(read.entryDeclaredBytes).toBe(1024);
    // Bytes inflated when it stopped: one push of 64 KB compressed (×158 here), far from 1,200 MB.
    expect(read.inflatedBytes).toBeGreaterThan(1024);
    expect(read.inflatedBytes).toBeLessThan(64 * 1024 * 160);
  });

  it('reads an entry shorter than it declares', () => {
    const bomb = zipBomb([{ name: 'a.dbf', bytes: 300_000, declaredBytes: 400_000 }]);
    const read = readZip(bomb, () => true);
    const bytes = read.ok ? read.entries[0]?.bytes : undefined;
    expect(bytes?.length).toBe(300_000);
    expect(bytes?.every((byte) => byte === 0)).toBe(true);
  });
});

describe('inflatedLimit', () => {
  it('allows 100 times the archive, at least 200 MB and at most 500 MB', () => {
    expect(inflatedLimit(2 * MB)).toBe(200 * MB);
    expect(inflatedLimit(3 * MB)).toBe(300 * MB);
    expect(inflatedLimit(10 * 1024)).toBe(200 * MB);
    expect(inflatedLimit(100 * MB)).toBe(500 * MB);
  });
});

describe('deflatedZeros', () => {
  it('inflates to exactly that many zeros', () => {
    for (const size of [1, 258, 259, 1000, 100_000]) {
      const inflated = inflateSync(deflatedZeros(size));
      expect(inflated.length).toBe(size);
      expect(inflated.every((byte) => byte === 0)).toBe(true);
    }
  });
});

describe('readLayerFiles with archives past the limit', () => {
  it('refuses a zip bomb naming the archive, the entry, the sizes and what to do', () => {
    const bomb = zipBomb([
      { name: 'plots/地块.shp', bytes: 2300 * MB },
      { name: 'plots/地块.dbf', bytes: 1000 },
    ]);
    const read = readLayerFiles([{ name: 'plots.zip', bytes: bomb }]);
    expect(read.sources).toEqual([]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['zip-too-large']);
    const message = read.problems[0]?.message;
    expect(message?.zh).toContain(
      '压缩包 plots.zip（14 MB）解压后有 2,300 MB（其中 plots/地块.shp 为 2,300 MB）',
    );
    expect(message?.zh).toContain('上限 500 MB');
    expect(message?.zh).toContain('拆分');
    expect(message?.en).toContain('The archive plots.zip (14 MB) unpacks to 2,300 MB');
  });

  it('refuses a KMZ whose KML inflates past what it declares', () => {
    const bomb = zipBomb([{ name: 'doc.kml', bytes: 1200 * MB, declaredBytes: 2000 }]);
    const read = readLayerFiles([{ name: 'zones.kmz', bytes: bomb }]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['zip-too-large']);
    expect(read.problems[0]?.message.en).toContain(
      'In the archive zones.kmz (7.6 MB), doc.kml declares 2 KB unpacked but holds more',
    );
    expect(read.problems[0]?.message.zh).toContain('压缩炸弹');
  });

  it('refuses a file above 500 MB without reading it', () => {
    const read = readLayerFiles([{ name: 'huge.geojson', bytes: new Uint8Array(MAX_FILE_BYTES + 1) }]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['file-too-large']);
    expect(read.problems[0]?.message.zh).toContain('文件 huge.geojson 有 500 MB，超过可导入的上限 500 MB');
  });
});
