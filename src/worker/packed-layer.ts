/**
 * A loaded plots layer as the analysis worker keeps it: the polygons' coordinates in typed arrays
 * (16 bytes a vertex, where nested JavaScript arrays take about 100 with their rings), each
 * feature's `geometry` made from them when it is read (the last one made is reused while the same
 * feature is read again). The features are otherwise those loaded (same properties, ids, order), so
 * the analysis, the checks and the map read them as before and get the same numbers. The geometry
 * is a getter of the features' class, not an own member: a feature sent to the page or saved goes
 * through {@link plainFeature} or {@link packedLayerOf}, never structured-cloned as it is.
 */

import type { Box } from '../core/geometry/clip-to-box.ts';
import {
  outlineBox,
  type PlotOutlines,
  packPlotOutlines,
  plotGeometryReader,
  plotOutlineGeometry,
} from '../core/plot-outlines.ts';
import { releaseBuffers } from '../core/release-buffers.ts';
import type { AreaGeometry, Feature, FeatureCollection, Position } from '../core/types.ts';

type Rings = Position[][];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `feature` is kept packed: a plain Feature (members `type`, `geometry`, `properties` and
 * `id` alone, in the loading's order) whose geometry is a Polygon or MultiPolygon of x, y number
 * pairs and nothing else (no bbox, no height, no polygon without rings), so that
 * plotOutlineGeometry gives it back exactly.
 */
function isPackable(feature: unknown): feature is Feature {
  if (!isRecord(feature) || Object.getPrototypeOf(feature) !== Object.prototype) return false;
  const keys = Object.keys(feature).join();
  if (keys !== 'type,geometry,properties' && keys !== 'type,geometry,properties,id') return false;
  const geometry = feature.geometry;
  if (!isRecord(geometry) || Object.keys(geometry).join() !== 'type,coordinates') return false;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Rings]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Rings[])
        : null;
  if (!Array.isArray(polygons)) return false;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || (polygon.length === 0 && geometry.type === 'MultiPolygon')) return false;
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return false;
      for (const position of ring)
        if (
          !Array.isArray(position) ||
          position.length !== 2 ||
          typeof position[0] !== 'number' ||
          typeof position[1] !== 'number'
        )
          return false;
    }
  }
  return true;
}

/**
 * `feature.id`, as the string of its `id` property where the two are equal: a parsed GeoJSON holds
 * each as a string of its own (32 bytes a plot, 16 MB for 516,000 plots). The value is the same.
 */
function idSharedWithProperties(feature: Pick<Feature, 'properties' | 'id'>): Feature['id'] {
  const property = isRecord(feature.properties) ? feature.properties.id : undefined;
  return property === feature.id ? (property as Feature['id']) : feature.id;
}

/** One packed feature: its members as loaded, its geometry read from the typed arrays. */
class PackedFeature {
  readonly type = 'Feature';
  properties: Feature['properties'];
  declare id?: string | number;
  readonly #store: PackedStore;
  readonly #index: number;

  constructor(feature: Pick<Feature, 'properties' | 'id'>, store: PackedStore, index: number) {
    this.properties = feature.properties;
    if (feature.id !== undefined) this.id = idSharedWithProperties(feature);
    this.#store = store;
    this.#index = index;
  }

  get geometry(): Feature['geometry'] {
    return this.#store.geometry(this.#index);
  }
}

/** A layer's polygons packed, and the one geometry last made from them. */
class PackedStore {
  #last = -1;
  #lastGeometry: Feature['geometry'] = null;
  constructor(readonly outlines: PlotOutlines) {}

  geometry(index: number): Feature['geometry'] {
    if (index !== this.#last) {
      this.#lastGeometry = plotOutlineGeometry(this.outlines, index);
      this.#last = index;
    }
    return this.#lastGeometry;
  }
}

/** The packed geometries of each layer's features kept by {@link keptPacked}. */
const storeOf = new WeakMap<readonly Feature[], PackedStore>();

/** Makes equal strings of features' properties one value (in place); see {@link propertyInterner}. */
export type PropertyInterner = (properties: Feature['properties']) => void;

/** Distinct values of one property past which its strings are left as they are (ids, names). */
const MAX_INTERNED = 4096;

/**
 * An interner of the string values of plot properties: the towns, villages and industries of a
 * county's plots are a few hundred strings, but a parsed GeoJSON (or a structured clone) holds one
 * copy a plot (about 30 bytes each: 60 MB for the 4 text columns of 516,000 plots). A property with
 * more than MAX_INTERNED distinct values (an id, mostly unique names) is left as it is. Only values
 * equal to the ones they replace are written: nothing a property says changes.
 */
export function propertyInterner(): PropertyInterner {
  const byKey = new Map<string, Map<string, string> | null>();
  return (properties) => {
    if (typeof properties !== 'object' || properties === null || Object.isFrozen(properties)) return;
    const record = properties as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value !== 'string') continue;
      let seen = byKey.get(key);
      if (seen === null) continue;
      if (seen === undefined) {
        seen = new Map();
        byKey.set(key, seen);
      }
      const known = seen.get(value);
      if (known !== undefined) record[key] = known;
      else if (seen.size < MAX_INTERNED) seen.set(value, value);
      else byKey.set(key, null);
    }
  };
}

/**
 * `features` with those `packed` says (by index) read from `outlines`, the others as they are;
 * their properties' strings made one value each by `intern` (null: they are already).
 */
function packedFeatures(
  features: readonly Feature[],
  outlines: PlotOutlines,
  packed: (feature: Feature, index: number) => boolean,
  intern: PropertyInterner | null = propertyInterner(),
): Feature[] {
  const store = new PackedStore(outlines);
  const result = features.map((feature, index) => {
    intern?.(feature.properties);
    return packed(feature, index)
      ? (new PackedFeature(feature, store, index) as unknown as Feature)
      : feature;
  });
  storeOf.set(result, store);
  return result;
}

/**
 * `layer` as the worker keeps it: the same features, those that are plain Polygons or
 * MultiPolygons of x, y pairs with their coordinates in typed arrays (see the module's note).
 */
export function keptPacked(layer: FeatureCollection): FeatureCollection {
  if (storeOf.has(layer.features)) return layer;
  return { ...layer, features: packedFeatures(layer.features, packPlotOutlines(layer), isPackable) };
}

/**
 * A piece of a layer being loaded: its polygons packed, and its features without the geometry of
 * those kept packed (made by {@link packedPiece}, joined by {@link keptPackedFromPieces}).
 */
export interface PackedPiece {
  outlines: PlotOutlines;
  features: Feature[];
  packed: Uint8Array;
}

/**
 * `features` (a piece of a layer, in order) packed as {@link keptPacked} packs a whole layer, their
 * properties' strings made one value by `intern` (one for all the pieces of a layer).
 */
export function packedPiece(features: readonly Feature[], intern = propertyInterner()): PackedPiece {
  const packed = new Uint8Array(features.length);
  const kept = features.map((feature, index) => {
    intern(feature.properties);
    if (!isPackable(feature)) return feature;
    packed[index] = 1;
    const stub = { type: 'Feature', properties: feature.properties } as Feature;
    if (feature.id !== undefined) stub.id = idSharedWithProperties(feature);
    return stub;
  });
  return {
    outlines: packPlotOutlines({ type: 'FeatureCollection', features: [...features] }),
    features: kept,
    packed,
  };
}

/**
 * The pieces of a layer as {@link keptPacked} gives the whole layer (the same features, one packing).
 * The pieces are used up: their packed polygons are emptied (releaseBuffers).
 */
export function keptPackedFromPieces(pieces: readonly PackedPiece[]): FeatureCollection {
  const outlines = joinOutlines(pieces.map((piece) => piece.outlines));
  const features = pieces.flatMap((piece) => piece.features);
  const packed = new Uint8Array(features.length);
  let at = 0;
  for (const piece of pieces) {
    packed.set(piece.packed, at);
    at += piece.packed.length;
  }
  // The pieces' polygons are all in the joined ones: their memory goes now (49 MB for 516,000 plots).
  for (const piece of pieces) releaseBuffers(...Object.values(piece.outlines).filter(ArrayBuffer.isView));
  return {
    type: 'FeatureCollection',
    features: packedFeatures(features, outlines, (_, index) => packed[index] === 1, null),
  };
}

/** Packed outlines one after the other, as one packing of all their plots. */
function joinOutlines(parts: readonly PlotOutlines[]): PlotOutlines {
  const sum = (length: (part: PlotOutlines) => number) =>
    parts.reduce((total, part) => total + length(part), 0);
  const count = sum((part) => part.count);
  const polygons = sum((part) => part.ringStart.length - 1);
  const rings = sum((part) => part.vertexStart.length - 1);
  const joined: PlotOutlines = {
    count,
    kind: new Uint8Array(count),
    polygonStart: new Uint32Array(count + 1),
    ringStart: new Uint32Array(polygons + 1),
    vertexStart: new Uint32Array(rings + 1),
    coords: new Float64Array(sum((part) => part.coords.length)),
  };
  let [plot, polygon, ring, coord] = [0, 0, 0, 0];
  for (const part of parts) {
    joined.kind.set(part.kind, plot);
    for (let i = 0; i < part.count; i++)
      joined.polygonStart[plot + i] = (part.polygonStart[i] as number) + polygon;
    for (let i = 0; i < part.ringStart.length - 1; i++)
      joined.ringStart[polygon + i] = (part.ringStart[i] as number) + ring;
    for (let i = 0; i < part.vertexStart.length - 1; i++)
      joined.vertexStart[ring + i] = (part.vertexStart[i] as number) + coord / 2;
    joined.coords.set(part.coords, coord);
    plot += part.count;
    polygon += part.ringStart.length - 1;
    ring += part.vertexStart.length - 1;
    coord += part.coords.length;
  }
  joined.polygonStart[count] = polygon;
  joined.ringStart[polygons] = ring;
  joined.vertexStart[rings] = coord / 2;
  return joined;
}

/**
 * The packed polygons of a kept layer and which of its features read their geometry from them (by
 * index; those plot's numbers there are their geometry's), so that a reader walks the coordinates
 * without a geometry made for each feature (700 bytes of garbage a plot); null for any other layer.
 */
export function keptOutlines(
  layer: FeatureCollection,
): { outlines: PlotOutlines; isPacked: (index: number) => boolean } | null {
  const store = storeOf.get(layer.features);
  if (!store) return null;
  return { outlines: store.outlines, isPacked: (index) => layer.features[index] instanceof PackedFeature };
}

/** The packed polygons of a kept layer whose every feature reads its geometry from them; else undefined. */
export function allPackedOutlines(layer: FeatureCollection): PlotOutlines | undefined {
  const kept = keptOutlines(layer);
  if (!kept) return undefined;
  for (let index = 0; index < layer.features.length; index++) if (!kept.isPacked(index)) return undefined;
  return kept.outlines;
}

/**
 * The box of plot `index` of `layer` ([west, south, east, north] of its outer rings, as geometryBox
 * gives it) when it is kept packed, read from the packed polygons without its geometry made (700
 * bytes a plot that the rows and the receiving zones' plot index made again), in a new array or in
 * `into`; undefined for any other plot (its geometry says).
 */
export function packedBoxReader(
  layer: FeatureCollection,
): (index: number, into?: [number, number, number, number]) => Box | undefined {
  const kept = keptOutlines(layer);
  return (index, into) =>
    kept?.isPacked(index) ? (outlineBox(kept.outlines, index, into) ?? undefined) : undefined;
}

/**
 * The geometry of a plot of `layer` kept packed, read into arrays reused from one plot to the next
 * (plotGeometryReader: each holds until the next call); undefined for a plot not kept packed.
 */
export function packedGeometryReader(
  layer: FeatureCollection,
): (index: number) => AreaGeometry | null | undefined {
  const kept = keptOutlines(layer);
  if (!kept) return () => undefined;
  const read = plotGeometryReader(kept.outlines);
  return (index) => (kept.isPacked(index) ? read(index) : undefined);
}

/** A feature of a kept layer as a plain object (to be sent or saved); any other feature as it is. */
export function plainFeature(feature: Feature): Feature {
  if (!(feature instanceof PackedFeature)) return feature;
  const plain: Feature = { type: 'Feature', geometry: feature.geometry, properties: feature.properties };
  if (feature.id !== undefined) plain.id = feature.id;
  return plain;
}

/**
 * A layer as saved: its features, with `geometry: null` where it is packed, and the polygons of
 * all of them packed. Made by {@link packedLayerOf} (or in parts by the autosave), read back by
 * {@link unpackLayer}.
 */
export interface PackedLayer {
  packed: true;
  features: Feature[];
  outlines: PlotOutlines;
}

/**
 * A kept layer as saved (see {@link PackedLayer}), all at once (the autosave makes its features a
 * part at a time, saved-layer-parts.ts); null for a layer not kept packed.
 */
export function packedLayerOf(layer: FeatureCollection): PackedLayer | null {
  const store = storeOf.get(layer.features);
  if (!store) return null;
  return { packed: true, features: layer.features.map(savedFeature), outlines: store.outlines };
}

/**
 * A feature of a kept layer as {@link packedLayerOf} saves it: a packed one without its geometry
 * (made only to be dropped, 700 bytes of garbage a plot), any other as it is.
 */
export function savedFeature(feature: Feature): Feature {
  if (!(feature instanceof PackedFeature)) return feature;
  const saved: Feature = { type: 'Feature', geometry: null, properties: feature.properties };
  if (feature.id !== undefined) saved.id = feature.id;
  return saved;
}

/** A saved packed layer as the worker keeps it. */
export function unpackLayer({ features, outlines }: PackedLayer): FeatureCollection {
  const packed = (feature: Feature, index: number) => feature.geometry === null && outlines.kind[index] !== 0;
  return { type: 'FeatureCollection', features: packedFeatures(features, outlines, packed) };
}

/**
 * The polygons of a kept layer, packed, for the page (a copy: the buffers are transferred), or of any
 * other layer packed anew.
 */
export function plotOutlinesOf(layer: FeatureCollection): PlotOutlines {
  const outlines = storeOf.get(layer.features)?.outlines;
  if (!outlines) return packPlotOutlines(layer);
  return {
    ...outlines,
    kind: outlines.kind.slice(),
    polygonStart: outlines.polygonStart.slice(),
    ringStart: outlines.ringStart.slice(),
    vertexStart: outlines.vertexStart.slice(),
    coords: outlines.coords.slice(),
  };
}

export function isPackedLayer(value: unknown): value is PackedLayer {
  return (
    isRecord(value) && value.packed === true && Array.isArray(value.features) && isRecord(value.outlines)
  );
}
