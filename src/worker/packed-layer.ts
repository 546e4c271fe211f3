/**
 * A loaded plots layer as the analysis worker keeps it: the polygons' coordinates in typed arrays
 * (16 bytes a vertex, where nested JavaScript arrays take about 100 with their rings), each
 * feature's `geometry` made from them when it is read (the last one made is reused while the same
 * feature is read again). The features are otherwise those loaded (same properties, ids, order), so
 * the analysis, the checks and the map read them as before and get the same numbers. The geometry
 * is a getter of the features' class, not an own member: a feature sent to the page or saved goes
 * through {@link plainFeature} or {@link packedLayerOf}, never structured-cloned as it is.
 */

import type { Feature, FeatureCollection, Position } from '../core/types.ts';

/** The geometries of a list of features, packed. */
export interface PackedGeometries {
  /** Per feature: 0 not packed (the feature is kept as it is), 1 a Polygon, 2 a MultiPolygon. */
  kinds: Uint8Array;
  /** Per feature, its first polygon (one more entry than features). */
  polygons: Uint32Array;
  /** Per polygon, its first ring (one more entry than polygons). */
  rings: Uint32Array;
  /** Per ring, its first position (one more entry than rings). */
  positions: Uint32Array;
  /** x, y of each position. */
  xy: Float64Array;
}

const POLYGON = 1;
const MULTI_POLYGON = 2;

type Rings = Position[][];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The polygons of a feature's geometry when it is a Polygon or MultiPolygon of x, y number pairs
 * and nothing else (no bbox, no height, nothing a check would report); else null.
 */
function polygonsOf(feature: unknown): { kind: number; polygons: Rings[] } | null {
  if (!isRecord(feature) || Object.getPrototypeOf(feature) !== Object.prototype) return null;
  const geometry = feature.geometry;
  if (!isRecord(geometry)) return null;
  const keys = Object.keys(geometry);
  if (keys.length !== 2 || keys[0] !== 'type' || keys[1] !== 'coordinates') return null;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Rings]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Rings[])
        : null;
  if (!Array.isArray(polygons)) return null;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) return null;
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return null;
      for (const position of ring)
        if (
          !Array.isArray(position) ||
          position.length !== 2 ||
          typeof position[0] !== 'number' ||
          typeof position[1] !== 'number'
        )
          return null;
    }
  }
  return { kind: geometry.type === 'Polygon' ? POLYGON : MULTI_POLYGON, polygons };
}

/** The geometries of `features`, packed (two passes: count, then fill). */
export function packGeometries(features: readonly unknown[]): PackedGeometries {
  let polygonCount = 0;
  let ringCount = 0;
  let positionCount = 0;
  const found = features.map((feature) => {
    const polygons = polygonsOf(feature);
    for (const polygon of polygons?.polygons ?? []) {
      polygonCount++;
      for (const ring of polygon) {
        ringCount++;
        positionCount += ring.length;
      }
    }
    return polygons;
  });
  const packed: PackedGeometries = {
    kinds: new Uint8Array(features.length),
    polygons: new Uint32Array(features.length + 1),
    rings: new Uint32Array(polygonCount + 1),
    positions: new Uint32Array(ringCount + 1),
    xy: new Float64Array(positionCount * 2),
  };
  let polygon = 0;
  let ring = 0;
  let position = 0;
  for (const [index, polygons] of found.entries()) {
    packed.polygons[index] = polygon;
    if (!polygons) continue;
    packed.kinds[index] = polygons.kind;
    for (const rings of polygons.polygons) {
      packed.rings[polygon++] = ring;
      for (const positions of rings) {
        packed.positions[ring++] = position;
        for (const [x, y] of positions) {
          packed.xy[position * 2] = x as number;
          packed.xy[position * 2 + 1] = y as number;
          position++;
        }
      }
    }
  }
  packed.polygons[features.length] = polygon;
  packed.rings[polygon] = ring;
  packed.positions[ring] = position;
  return packed;
}

/** The geometry of packed feature `index`, made anew from `packed`. */
export function geometryAt(packed: PackedGeometries, index: number): Feature['geometry'] {
  const { rings, positions, xy } = packed;
  const polygons: Rings[] = [];
  const end = packed.polygons[index + 1] as number;
  for (let polygon = packed.polygons[index] as number; polygon < end; polygon++) {
    const polygonRings: Position[][] = [];
    for (let ring = rings[polygon] as number; ring < (rings[polygon + 1] as number); ring++) {
      const ringPositions: Position[] = [];
      for (let at = positions[ring] as number; at < (positions[ring + 1] as number); at++)
        ringPositions.push([xy[at * 2] as number, xy[at * 2 + 1] as number]);
      polygonRings.push(ringPositions);
    }
    polygons.push(polygonRings);
  }
  return packed.kinds[index] === POLYGON
    ? { type: 'Polygon', coordinates: polygons[0] as Rings }
    : { type: 'MultiPolygon', coordinates: polygons };
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
    if (feature.id !== undefined) this.id = feature.id;
    this.#store = store;
    this.#index = index;
  }

  get geometry(): Feature['geometry'] {
    return this.#store.geometry(this.#index);
  }
}

/** Packed geometries and the one geometry last made from them. */
class PackedStore {
  #last = -1;
  #lastGeometry: Feature['geometry'] = null;
  constructor(readonly geometries: PackedGeometries) {}

  geometry(index: number): Feature['geometry'] {
    if (index !== this.#last) {
      this.#lastGeometry = geometryAt(this.geometries, index);
      this.#last = index;
    }
    return this.#lastGeometry;
  }
}

/** The packed geometries of each layer's features kept by {@link keptPacked}. */
const storeOf = new WeakMap<readonly Feature[], PackedStore>();

/** Whether `feature` is a plain Feature whose members are `type`, `geometry`, `properties` and `id` alone. */
function isPackable(feature: unknown, kind: number | undefined): feature is Feature {
  if (kind === 0 || !isRecord(feature) || Object.getPrototypeOf(feature) !== Object.prototype) return false;
  const keys = Object.keys(feature).join();
  return keys === 'type,geometry,properties' || keys === 'type,geometry,properties,id';
}

function packedFeatures(features: readonly Feature[], geometries: PackedGeometries): Feature[] {
  const store = new PackedStore(geometries);
  const packed = features.map((feature, index) =>
    isPackable(feature, geometries.kinds[index])
      ? (new PackedFeature(feature, store, index) as unknown as Feature)
      : feature,
  );
  storeOf.set(packed, store);
  return packed;
}

/**
 * `layer` as the worker keeps it: the same features, those that are plain Polygons or
 * MultiPolygons of x, y pairs with their coordinates in typed arrays (see the module's note).
 */
export function keptPacked(layer: FeatureCollection): FeatureCollection {
  if (storeOf.has(layer.features)) return layer;
  return { ...layer, features: packedFeatures(layer.features, packGeometries(layer.features)) };
}

/** A feature of a kept layer as a plain object (to be sent or saved); any other feature as it is. */
export function plainFeature(feature: Feature): Feature {
  if (!(feature instanceof PackedFeature)) return feature;
  const plain: Feature = { type: 'Feature', geometry: feature.geometry, properties: feature.properties };
  if (feature.id !== undefined) plain.id = feature.id;
  return plain;
}

/**
 * A layer as saved: its features, with `geometry: null` where it is packed, and the typed arrays.
 * Made by {@link packedLayerOf}, read back by {@link unpackLayer}.
 */
export interface PackedLayer {
  packed: true;
  features: Feature[];
  geometries: PackedGeometries;
}

/** A kept layer as saved (see {@link PackedLayer}); null for a layer not kept packed. */
export function packedLayerOf(layer: FeatureCollection): PackedLayer | null {
  const store = storeOf.get(layer.features);
  if (!store) return null;
  const features = layer.features.map((feature) =>
    feature instanceof PackedFeature ? { ...plainFeature(feature), geometry: null } : feature,
  );
  return { packed: true, features, geometries: store.geometries };
}

/** A saved packed layer as the worker keeps it. */
export function unpackLayer({ features, geometries }: PackedLayer): FeatureCollection {
  return { type: 'FeatureCollection', features: packedFeatures(features, geometries) };
}

export function isPackedLayer(value: unknown): value is PackedLayer {
  return (
    isRecord(value) && value.packed === true && Array.isArray(value.features) && isRecord(value.geometries)
  );
}
