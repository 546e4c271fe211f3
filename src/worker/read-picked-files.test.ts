import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLayerFiles } from '../core/io/read-layer-files.ts';
import { readFeatureCollectionInPieces, readPickedFiles } from './read-picked-files.ts';

const PLOTS = readFileSync(new URL('../../data/sample/plots.geojson', import.meta.url));

/** A picked file whose bytes can no longer be read (moved or deleted after it was picked). */
class GoneFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('gone', 'NotReadableError'));
  }
}

describe('readFeatureCollectionInPieces', () => {
  it('gives the features of the file read whole, from slices cut anywhere', async () => {
    const whole = JSON.parse(PLOTS.toString('utf8'));
    const file = new Blob([PLOTS]);
    for (const sliceBytes of [4093, 65536]) {
      const read = await readFeatureCollectionInPieces(file, { sliceBytes });
      expect(read?.features.length).toBe(whole.features.length);
      expect(read).toEqual(whole);
    }
  });
});

describe('readPickedFiles', () => {
  it('parses a large GeoJSON file as it is read and keeps none of its bytes; a smaller one keeps its bytes', async () => {
    const feature = (id: number) =>
      `{"type":"Feature","properties":{"id":"p${id}","name":"东山头村"},"geometry":{"type":"Polygon","coordinates":[[[121.2,30.1],[121.3,30.1],[121.3,30.2],[121.2,30.1]]]}}`;
    const block = new TextEncoder().encode(`${Array.from({ length: 40 }, (_, i) => feature(i)).join(',')},`);
    const copies = 20;
    const large = new File(
      ['{"type":"FeatureCollection","features":[', ...Array(copies).fill(block), feature(-1), ']}'],
      'large.geojson',
    );
    const smallText = `{"type":"FeatureCollection","features":[${feature(1)}]}`;
    const small = new File([smallText], 'small.geojson');
    const progress: number[] = [];
    const { inputs, problems } = await readPickedFiles([large, small], (done) => progress.push(done), {
      largeBytes: large.size,
      sliceBytes: 1000,
    });
    expect(problems).toEqual([]);
    expect(inputs.map((input) => [input.name, input.bytes.length])).toEqual([
      ['large.geojson', 0],
      ['small.geojson', new TextEncoder().encode(smallText).length],
    ]);
    const collection = inputs[0]?.collection as { features: unknown[] } | undefined;
    expect(collection?.features).toHaveLength(copies * 40 + 1);
    expect(progress.at(-1)).toBe(1);
    // The file readers take the parsed collection as they take bytes.
    const read = readLayerFiles(inputs);
    expect(read.sources.map((source) => [source.fileName, source.format, source.problems])).toEqual([
      ['large.geojson', 'geojson', []],
      ['small.geojson', 'geojson', []],
    ]);
  });

  it('names a file that cannot be read, and reads the others', async () => {
    const { inputs, problems } = await readPickedFiles([
      new GoneFile(['{}'], 'moved.geojson'),
      new File([PLOTS], 'plots.geojson'),
    ]);
    expect(inputs.map((input) => input.name)).toEqual(['plots.geojson']);
    expect(problems.map((problem) => [problem.code, problem.featureIndex])).toEqual([
      ['unreadable-file', -1],
    ]);
    expect(problems[0]?.message.zh).toContain('moved.geojson');
    expect(problems[0]?.message.en).toContain('moved.geojson');
  });
});
