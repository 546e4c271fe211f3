/**
 * A large GeoJSON plot layer loaded from its file in two readings, a piece at a time, so that its
 * features never exist all at once as parsed JSON: the first reading keeps only what the whole layer
 * is decided from (its columns, the box of its coordinates, its count, the first features' attributes
 * for the dialog's samples), the second maps, checks, repairs and packs each piece as the whole
 * loading would (load-layer.ts) and keeps only the packed layer (packed-layer.ts). Only a clean layer
 * is read so: any problem, a coordinate system that needs a closer look or stops the layer, a file
 * that is not plainly a plot layer gives null, and the file is read the ordinary way, with its exact
 * messages. The result is what loadLayerFromSource and keptPacked give for the whole file.
 */

import { checkPlacement } from '../core/crs/check-placement.ts';
import type { Crs } from '../core/crs/crs.ts';
import type { CoordinateBox } from '../core/crs/detect-crs-from-coordinates.ts';
import { type ColumnMapping, columnsOf, suggestColumnMapping } from '../core/io/column-mapping.ts';
import { detectLayerCrs, isUsableDetection, soundFeatures, unionBox } from '../core/io/detect-layer-crs.ts';
import { guessLayerKind, type LayerKindGuess } from '../core/io/guess-layer-kind.ts';
import { loadCleanPiece } from '../core/io/load-clean-piece.ts';
import type { LoadedLayer } from '../core/io/load-layer.ts';
import type { Feature } from '../core/types.ts';
import {
  keptPackedFromPieces,
  type PackedPiece,
  type PropertyInterner,
  packedPiece,
  propertyInterner,
} from './packed-layer.ts';
import { readFeatureCollectionInPieces } from './read-picked-files.ts';

/** The dialog's column samples read at most this many features (see columnSamples). */
const SAMPLED_FEATURES = 5000;

/** A plot layer read in two readings: what the dialog shows of it, and its load as plots. */
export interface StreamedPlots {
  /** The root of the FeatureCollection, with no features (its other members as read). */
  root: Record<string, unknown>;
  featureCount: number;
  columns: string[];
  /** The first features as read, with their attributes only (the dialog's samples are read from them). */
  firstFeatures: Feature[];
  guess: LayerKindGuess;
  /** The suggested column mapping (the one the dialog starts with). */
  mapping: ColumnMapping;
  /** The load as plots with `mapping`, in the coordinate system detected. */
  load: LoadedLayer;
}

/** Stops the second reading at the first thing the whole loading would report. */
class NotClean extends Error {}

/**
 * `file` (a GeoJSON FeatureCollection) loaded as plots in two readings, or null when the layer must
 * be read the ordinary way (see the module's note).
 * @param fileName named as the source is (and in the load's messages)
 * @param options `sliceBytes` and `pieceBytes` (tests), see readFeatureCollectionInPieces
 * @param onProgress the share of the two readings done
 */
export async function streamPlotSource(
  file: Blob,
  fileName: string,
  options: { sliceBytes?: number; pieceBytes?: number } = {},
  onProgress: (fraction: number) => void = () => {},
): Promise<StreamedPlots | null> {
  // First reading: columns, box, count and the first features' attributes.
  let featureCount = 0;
  let clean = true;
  const columns = new Set<string>();
  const boxes: { box: CoordinateBox }[] = [];
  const firstFeatures: Feature[] = [];
  const root: Record<string, unknown> | null = await readFeatureCollectionInPieces(
    file,
    {
      ...options,
      onFeatures: (features) => {
        if (!clean) return;
        const sound = soundFeatures(features);
        const box = unionBox(sound);
        if (sound.length !== features.length || !box) {
          clean = false;
          return;
        }
        boxes.push({ box });
        for (const column of columnsOf({ features })) columns.add(column);
        for (let i = 0; i < features.length && firstFeatures.length < SAMPLED_FEATURES; i++)
          firstFeatures.push({ properties: (features[i] as Feature).properties } as Feature);
        featureCount += features.length;
      },
    },
    (share) => onProgress(share / 2),
  )
    .then((collection) => collection as Record<string, unknown> | null)
    .catch(() => null);
  if (!root || !clean || featureCount === 0) return null;
  const columnList = [...columns];
  // The guess from the columns alone: only 'plots' is sure to be the whole file's (a boundary guess
  // looks at the features' extents).
  const guess = guessLayerKind(fileName, {
    type: 'FeatureCollection',
    features: [columnsFeature(columnList)],
  });
  if (guess.kind !== 'plots') return null;
  const crsMember = (root as { crs?: unknown }).crs;
  const layerCrs = detectLayerCrs(crsMember === undefined ? {} : { crsMember }, boxes.map(soundBox));
  const { detection } = layerCrs;
  // Usable at once, the detection is the whole layer's (detectLayerCrs looks at each feature only otherwise).
  if (!isUsableDetection(detection) || !detection.ok || layerCrs.outliers.length > 0) return null;
  if (checkPlacement(fileName, detection, layerCrs.box)) return null;
  const { mapping } = suggestColumnMapping(columnList);

  // Second reading: each piece mapped, reprojected, checked, repaired and packed.
  const pieces: PackedPiece[] = [];
  const ids = new Set<string>();
  const intern = propertyInterner();
  const read = await readFeatureCollectionInPieces(
    file,
    {
      ...options,
      onFeatures: (features) => {
        if (!clean) return;
        try {
          pieces.push(loadPiece(features, mapping, detection.crs, fileName, ids, intern));
        } catch (error) {
          if (!(error instanceof NotClean)) throw error;
          clean = false;
        }
      },
    },
    (share) => onProgress(0.5 + share / 2),
  ).catch(() => null);
  if (!read || !clean) return null;
  const layer = keptPackedFromPieces(pieces);
  if (layer.features.length !== featureCount) return null;
  return {
    root,
    featureCount,
    columns: columnList,
    firstFeatures,
    guess,
    mapping,
    load: {
      ok: true,
      layer,
      sourceIndex: Array.from({ length: featureCount }, (_, index) => index),
      skipped: 0,
      crs: detection,
      problems: [],
    },
  };
}

/** A feature with every column, for what is decided from the columns alone. */
function columnsFeature(columns: readonly string[]): Feature {
  return { type: 'Feature', geometry: null, properties: Object.fromEntries(columns.map((c) => [c, null])) };
}

/** A box as a sound feature for detectLayerCrs (which reads only the boxes when its answer is usable). */
function soundBox({ box }: { box: CoordinateBox }, featureIndex: number) {
  return { featureIndex, polygons: [], isMulti: false, box };
}

/** One clean piece (loadCleanPiece), packed; NotClean at any problem or an id an earlier piece had. */
function loadPiece(
  features: unknown[],
  mapping: ColumnMapping,
  crs: Crs,
  fileName: string,
  ids: Set<string>,
  intern: PropertyInterner,
): PackedPiece {
  const piece = loadCleanPiece(features, mapping, crs, fileName);
  if (!piece) throw new NotClean();
  for (const key of piece.idKeys) {
    if (ids.has(key)) throw new NotClean();
    ids.add(key);
  }
  return packedPiece(piece.features, intern);
}
