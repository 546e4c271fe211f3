/**
 * A large plot layer loaded in two readings of its file, a piece at a time, is the layer the whole
 * reading loads (the same features, packing, coordinate system, no problems) and the dialog shows the
 * same of it; the features of one piece at most are handed over at a time, never all of them; a layer
 * with anything to report is left to the whole reading.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnSamples, columnsOf, suggestColumnMapping } from '../core/io/column-mapping.ts';
import { guessLayerKind } from '../core/io/guess-layer-kind.ts';
import { loadLayerFromSource } from '../core/io/load-layer.ts';
import { readLayerFiles } from '../core/io/read-layer-files.ts';
import type { FeatureCollection } from '../core/types.ts';
import { keptPacked, packedLayerOf, plainFeature } from './packed-layer.ts';
import { readFeatureCollectionInPieces } from './read-picked-files.ts';
import { streamPlotSource } from './stream-plot-source.ts';

const NAME = 'plots.geojson';
const bytes = readFileSync(new URL('../../data/sample/plots.geojson', import.meta.url));
/** Small pieces, so that the sample's 1.7 MB are read as a county's file is. */
const PIECES = { sliceBytes: 64 * 1024, pieceBytes: 32 * 1024 };

/** The whole reading: the file's source, its preview's figures and its load as plots, packed as the worker keeps it. */
function wholeReading(text: Uint8Array) {
  const [source] = readLayerFiles([{ name: NAME, bytes: text }], { wholeGeoJsonText: true }).sources;
  if (!source) throw new Error('expected a source');
  const columns = columnsOf(source.collection);
  const { mapping } = suggestColumnMapping(columns);
  const loaded = loadLayerFromSource(source, 'plots', { columnMapping: mapping });
  if (!loaded.ok) throw new Error('expected the sample to load');
  return {
    columns,
    samples: columnSamples(source.collection, columns),
    featureCount: (source.collection as FeatureCollection).features.length,
    guess: guessLayerKind(NAME, source.collection),
    mapping,
    loaded: { ...loaded, layer: keptPacked(loaded.layer) },
  };
}

describe('streamPlotSource', () => {
  it('loads the same layer in pieces as the whole reading, and the dialog shows the same of it', async () => {
    const whole = wholeReading(bytes);
    const streamed = await streamPlotSource(new Blob([bytes]), NAME, PIECES);
    if (!streamed) throw new Error('expected the sample to be read in pieces');
    expect(streamed.columns).toEqual(whole.columns);
    expect(columnSamples({ features: streamed.firstFeatures }, streamed.columns)).toEqual(whole.samples);
    expect(streamed.featureCount).toBe(whole.featureCount);
    expect(streamed.guess).toEqual(whole.guess);
    expect(streamed.mapping).toEqual(whole.mapping);
    const { layer, ...rest } = streamed.load;
    const { layer: wholeLayer, ...wholeRest } = whole.loaded;
    expect(rest).toEqual(wholeRest);
    expect(layer.features.map(plainFeature)).toEqual(wholeLayer.features.map(plainFeature));
    expect(packedLayerOf(layer)?.outlines).toEqual(packedLayerOf(wholeLayer)?.outlines);
  });

  it('is handed one piece of features at a time, never the whole layer', async () => {
    const sizes: number[] = [];
    const root = await readFeatureCollectionInPieces(new Blob([bytes]), {
      ...PIECES,
      onFeatures: (features) => sizes.push(features.length),
    });
    const total = wholeReading(bytes).featureCount;
    expect(root?.features).toEqual([]);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total);
    // 32 KB of features at a time: about 60 of the sample's 3,000 plots.
    expect(Math.max(...sizes)).toBeLessThan(total / 20);
  });

  it('leaves a layer with something to report to the whole reading', async () => {
    const text = bytes.toString('utf8');
    // The same id twice, in pieces far apart: the whole reading reports it.
    const collection = JSON.parse(text) as FeatureCollection;
    const last = collection.features.length - 1;
    const [first] = collection.features;
    if (!first) throw new Error('expected plots');
    const duplicate = structuredClone(collection);
    (duplicate.features[last] as { properties: Record<string, unknown> }).properties.id = (
      first.properties as Record<string, unknown>
    ).id;
    duplicate.features[last] = { ...duplicate.features[last], id: first.id } as never;
    const duplicated = new TextEncoder().encode(JSON.stringify(duplicate));
    const wholeLoad = loadLayerFromSource(
      readLayerFiles([{ name: NAME, bytes: duplicated }]).sources[0] as never,
      'plots',
    );
    expect(wholeLoad.problems.some((problem) => problem.code === 'duplicate-id')).toBe(true);
    expect(await streamPlotSource(new Blob([duplicated]), NAME, PIECES)).toBeNull();
    // A boundary layer by its name is not read so either.
    expect(await streamPlotSource(new Blob([bytes]), '城镇开发边界.geojson', PIECES)).toBeNull();
  });
});
