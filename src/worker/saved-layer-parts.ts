/**
 * The plan's layers cut into IndexedDB records small enough for every browser: Chromium refuses a
 * value above 133,169,152 bytes serialized ("The serialized keys and/or value are too large"), and
 * the 516,000 plots of a 274 MB GeoJSON serialize to 226 MB as one value. A layer's features go in
 * parts of at most {@link PART_FEATURES} features and {@link PART_NUMBERS} coordinates, a typed array
 * of its packed polygons above {@link PART_BYTES} in slices; the record of the layers keeps, in their
 * place, the indices of their parts.
 */

import type { PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import type { PlotOutlines } from '../core/plot-outlines.ts';
import type { Feature, FeatureCollection } from '../core/types.ts';
import { isPackedLayer, keptOutlines, type PackedLayer, savedFeature, unpackLayer } from './packed-layer.ts';

/** At most this many features in one part (packed plots, without geometry: about 5 MB). */
export const PART_FEATURES = 10_000;
/** At most about this many coordinate numbers in one part (9 bytes each serialized: about 36 MB). */
const PART_NUMBERS = 4_000_000;
/** A typed array above this many bytes is saved in slices of it. */
export const PART_BYTES = 32 * 1024 * 1024;

/** Where parts are: the indices, in order, of the records that hold them. */
interface PartList {
  parts: number[];
}

const TYPED_ARRAYS = ['kind', 'polygonStart', 'ringStart', 'vertexStart', 'coords'] as const;

/** The layers as one small record and its parts (each made when called: a record of its own). */
export interface LayersInParts {
  record: Record<string, unknown>;
  parts: (() => unknown)[];
}

/** How many numbers a feature's coordinates hold (walked without recursion: any nesting is bounded). */
function coordinateNumbers(feature: Feature): number {
  const coordinates = (feature.geometry as { coordinates?: unknown } | null)?.coordinates;
  // A packed plot's geometry is null (its coordinates are in the typed arrays): nothing to walk.
  if (coordinates === undefined) return 0;
  let count = 0;
  const stack: unknown[] = [coordinates];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number') count++;
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
  }
  return count;
}

/** `layers` (the plots packed where they are kept so, see packed-layer.ts) as a record and its parts. */
export function layersInParts(layers: PlanLayerSet, key: string): LayersInParts {
  const parts: (() => unknown)[] = [];
  const add = (part: () => unknown) => parts.push(part) - 1;
  // Each feature as `saved` makes it, made with its part (not all kept beside the layer while saved).
  const featureParts = (features: readonly Feature[], saved = (feature: Feature) => feature): PartList => {
    const list: number[] = [];
    let from = 0;
    let numbers = 0;
    for (let index = 0; index < features.length; index++) {
      numbers += coordinateNumbers(saved(features[index] as Feature));
      if (index + 1 - from >= PART_FEATURES || numbers >= PART_NUMBERS || index + 1 === features.length) {
        const [start, end] = [from, index + 1];
        list.push(add(() => features.slice(start, end).map(saved)));
        from = index + 1;
        numbers = 0;
      }
    }
    return { parts: list };
  };
  const layer = (collection: FeatureCollection) => ({
    ...collection,
    features: featureParts(collection.features),
  });
  const kept = keptOutlines(layers.plots);
  // Not layer(layers.plots) for packed plots: it made each one's geometry only to count its
  // coordinates (about 220 MB of garbage for the 172,000 plots of a 95 MB file), and its parts,
  // which no record names, were saved too: all the plots' features a second time.
  let plots: unknown = kept ? null : layer(layers.plots);
  if (kept) {
    const outlines: Record<string, unknown> = { ...kept.outlines };
    for (const name of TYPED_ARRAYS) {
      const array = kept.outlines[name];
      if (array.byteLength <= PART_BYTES) continue;
      const step = Math.floor(PART_BYTES / array.BYTES_PER_ELEMENT);
      const list: number[] = [];
      // Copies (slice), not views: a view would be saved with the whole buffer under it.
      for (let at = 0; at < array.length; at += step) list.push(add(() => array.slice(at, at + step)));
      outlines[name] = { parts: list };
    }
    plots = { packed: true, features: featureParts(layers.plots.features, savedFeature), outlines };
  }
  const boundary = layer(layers.boundary);
  const control = layer(layers.control);
  return { record: { inParts: true, key, boundary, control, plots }, parts };
}

/** Whether `value` is a record of {@link layersInParts} (else the layers were saved as one value). */
export function isLayersInParts(
  value: unknown,
): value is Record<string, unknown> & { inParts: true; partKeys: string[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { inParts?: unknown }).inParts === true &&
    Array.isArray((value as { partKeys?: unknown }).partKeys)
  );
}

function isPartList(value: unknown): value is PartList {
  return typeof value === 'object' && value !== null && Array.isArray((value as PartList).parts);
}

/**
 * The layers and key of a record of {@link layersInParts}, its parts given by index (`part`
 * resolves to undefined for one that is missing); null when a part is missing or not what it should
 * be. The parts are asked for one after the other, each taken in before the next is asked for, so
 * that a reader that reads each when asked never holds all of them as read beside the layers.
 */
export async function layersFromParts(
  record: Record<string, unknown>,
  part: (index: number) => unknown,
): Promise<{ layers: PlanLayerSet; key: string } | null> {
  const joinFeatures = async (list: unknown): Promise<Feature[] | null> => {
    if (!isPartList(list)) return null;
    const features: Feature[] = [];
    for (const index of list.parts) {
      const items = await part(index);
      if (!Array.isArray(items)) return null;
      for (const item of items) features.push(item as Feature);
    }
    return features;
  };
  const layer = async (value: unknown): Promise<FeatureCollection | null> => {
    if (typeof value !== 'object' || value === null) return null;
    const features = await joinFeatures((value as { features?: unknown }).features);
    return features ? { ...(value as FeatureCollection), features } : null;
  };
  const boundary = await layer(record.boundary);
  const control = await layer(record.control);
  const plots = await layer(record.plots);
  if (!boundary || !control || !plots) return null;
  let plotLayer: FeatureCollection = plots;
  if ((plots as unknown as { packed?: unknown }).packed === true) {
    const outlines: Record<string, unknown> = { ...(plots as unknown as PackedLayer).outlines };
    for (const name of TYPED_ARRAYS) {
      const list = outlines[name];
      if (!isPartList(list)) continue;
      const slices: unknown[] = [];
      for (const index of list.parts) slices.push(await part(index));
      if (!slices.every((slice) => ArrayBuffer.isView(slice))) return null;
      const typed = slices as Float64Array[];
      const first = typed[0];
      if (!first) return null;
      const joined = new (first.constructor as Float64ArrayConstructor)(
        typed.reduce((sum, slice) => sum + slice.length, 0),
      );
      let at = 0;
      for (const slice of typed) {
        joined.set(slice, at);
        at += slice.length;
      }
      outlines[name] = joined;
    }
    const packed = { ...plots, outlines: outlines as unknown as PlotOutlines } as unknown;
    if (!isPackedLayer(packed)) return null;
    plotLayer = unpackLayer(packed);
  }
  return {
    layers: { boundary, control, plots: plotLayer },
    key: typeof record.key === 'string' ? record.key : '',
  };
}
