import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeaturePieceReader } from './feature-piece-reader.ts';

function fileOf(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'piece-reader-')), 'plots.geojson');
  writeFileSync(path, text);
  return path;
}

function feature(i: number, padding = 0) {
  return {
    type: 'Feature',
    properties: { id: `p${i}`, name: `厂${i}${'甲'.repeat(padding)}` },
    geometry: { type: 'Point', coordinates: [121 + i / 1000, 30] },
  };
}

/** Every piece of the file, each parsed as `[` piece `]`; undefined when the reader gave up. */
function readAll(path: string, pieceBytes: number) {
  const reader = new FeaturePieceReader(path, pieceBytes);
  try {
    const pieces: unknown[][] = [];
    for (let bytes = reader.next(); bytes !== null; bytes = reader.next()) {
      if (bytes === undefined) return { root: reader.root, pieces: undefined };
      pieces.push(JSON.parse(`[${Buffer.from(bytes).toString('utf8')}]`));
    }
    return { root: reader.root, pieces };
  } finally {
    reader.dispose();
  }
}

describe('FeaturePieceReader', () => {
  it('gives every feature once, in order, in pieces of about the size asked for', () => {
    const features = Array.from({ length: 3000 }, (_, i) => feature(i));
    const text = `{"type":"FeatureCollection","name":"地块","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
    const { root, pieces } = readAll(fileOf(text), 4096);
    expect(root).toEqual({ type: 'FeatureCollection', name: '地块', features: [] });
    expect(pieces?.flat()).toEqual(features);
    // About 4 KB each: many pieces, none empty, none of more than 4 KB and one feature.
    expect(pieces?.length).toBeGreaterThan(text.length / 4096 / 2);
    for (const piece of pieces ?? []) {
      expect(piece.length).toBeGreaterThan(0);
      expect(JSON.stringify(piece).length).toBeLessThan(4096 + 200);
    }
  });

  it('grows its window for a feature larger than it', () => {
    const features = [feature(0), feature(1, 300_000), feature(2)];
    const text = `{"type":"FeatureCollection","features":[${features.map((f) => JSON.stringify(f)).join(',')}]}`;
    expect(readAll(fileOf(text), 1024).pieces?.flat()).toEqual(features);
  });

  it('has no root when the features are not the last member, and gives no piece then', () => {
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(feature(0))}],"name":"x"}`;
    expect(readAll(fileOf(text), 1024)).toEqual({ root: null, pieces: [] });
  });

  it('gives up when no cut between features is found', () => {
    // Features written with "type" last are not recognised as starting there.
    const late = (i: number) => `{"properties":{"id":"p${i}"},"geometry":null,"type":"Feature"}`;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 200 }, (_, i) => late(i)).join(',')}]}`;
    expect(readAll(fileOf(text), 512).pieces).toBeUndefined();
  });

  it('cuts the file into parts that, each read on its own, give every feature once', () => {
    const features = Array.from({ length: 2000 }, (_, i) => feature(i));
    const path = fileOf(
      `{"type":"FeatureCollection","features":[${features.map((f) => JSON.stringify(f)).join(',')}]}`,
    );
    const whole = new FeaturePieceReader(path, 2048);
    const [start, end] = whole.extent;
    const cuts = whole.cutsAfter([start + 30_000, start + 31_000, start + 90_000]) as number[];
    whole.dispose();
    expect(cuts).toHaveLength(3);
    const ranges = [start, ...cuts.map((cut) => cut + 1)].map((from, k) => [from, cuts[k] ?? end] as const);
    const read = ranges.flatMap((range) => {
      const reader = new FeaturePieceReader(path, 2048, range);
      const pieces: unknown[] = [];
      for (let bytes = reader.next(); bytes; bytes = reader.next())
        pieces.push(...JSON.parse(`[${Buffer.from(bytes).toString('utf8')}]`));
      reader.dispose();
      return pieces;
    });
    expect(read).toEqual(features);
  });
});
