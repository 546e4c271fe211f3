/**
 * The plausibility checks of one layer, in one call, for the import dialog, the plot table's filters
 * and `npm run analyze`'s summary.json: features outside the county outline or on water (with a hint
 * when the whole layer looks shifted), and for plots also town attributes that disagree with the
 * boundaries, overlapping pairs and duplicate geometries. The definitions are those of
 * place-checks.ts, town-mismatch.ts and plot-overlaps.ts (README "Command-line analysis").
 */

import { type GeometryReader, geometryAtOf, plotIdOf } from '../analysis/classify-plots.ts';
import type { PlotOutlines } from '../plot-outlines.ts';
import type { Feature, FeatureCollection, LayerKind } from '../types.ts';
import { type CheckReference, type PreparedReference, prepareCheckReference } from './check-reference.ts';
import { detectLayerShift, type LayerShift } from './layer-shift.ts';
import { type Placement, placeFeatures } from './place-checks.ts';
import { findPlotOverlaps, type PlotOverlaps } from './plot-overlaps.ts';
import { findTownMismatches, type TownMismatch } from './town-mismatch.ts';

/** Bits of PlausibilityChecks.flags, one per check a feature can fail. */
export const CHECK_FLAGS = {
  outsideCounty: 1,
  onWater: 2,
  townMismatch: 4,
  overlapping: 8,
  duplicate: 16,
} as const;

export type CheckFlag = keyof typeof CHECK_FLAGS;

/** The checks in the order the dialog and the table show them. */
export const CHECK_ORDER: readonly CheckFlag[] = [
  'outsideCounty',
  'onWater',
  'townMismatch',
  'overlapping',
  'duplicate',
];

/** The checks as summary.json writes them (ids are the plots' ids, as in result.csv). */
export interface PlausibilitySummary {
  /** Features checked (with a polygon geometry). */
  features: number;
  /** Features with less than 0.01 m² inside the county outline. */
  outsideCounty: number;
  /** Features within the land data's extent with less than 0.01 m² on land. */
  onWater: number;
  /** Plots whose town attribute differs from the town whose boundaries hold most of them. */
  townMismatch: number;
  /** Pairs of plots with at least 0.01 m² in common. */
  overlappingPairs: number;
  /** Their common areas summed, m² (ellipsoidal). */
  overlapM2: number;
  /** Plots repeating the geometry of an earlier plot. */
  duplicateGeometries: number;
  /** The move that would put a misplaced layer in place, or null. */
  shift: LayerShift | null;
  outsideCountyIds: string[];
  onWaterIds: string[];
  townMismatches: { id: string; town: string; boundaryTown: string }[];
  /** The overlapping pairs: all, or the first MAX_LISTED_PAIRS (overlappingPairs counts them all). */
  overlaps: { ids: [string, string]; areaM2: number }[];
  duplicates: string[][];
}

export interface PlausibilityChecks extends PlausibilitySummary {
  /** Per feature, the CHECK_FLAGS it fails, or-ed. */
  flags: Uint8Array;
}

export interface CheckOptions {
  /** County outline and land; null: nothing is checked for place. */
  reference: CheckReference | null;
  /** The plan's development boundaries, for the plots' towns; null: not checked. */
  boundary?: FeatureCollection | null;
  /**
   * Reads feature `index`'s geometry instead of the feature (undefined: the feature's own), for
   * the checks that look at one plot at a time (see ClassifyOptions.geometryOf).
   */
  geometryOf?: GeometryReader;
  /**
   * Every plot's polygons packed, plot i's the numbers of feature i's geometry: the overlap check
   * reads its rings there instead of copying them all (undefined: from the features).
   */
  outlines?: PlotOutlines;
}

/**
 * What the checks find plot by plot, without looking at other plots: a layer read in parts finds it
 * part by part, and {@link assembleChecks} puts the parts together (indices running on across them).
 */
export interface FeatureFindings {
  /** Features with a polygon geometry. */
  checked: number;
  /** Where each feature lies (null: no reference to check against). */
  placement: Pick<Placement, 'outsideCounty' | 'onWater' | 'centres' | 'areasM2'> | null;
  /** Plots whose town attribute differs from their boundary's, by index (null: not checked). */
  townMismatches: TownMismatch[] | null;
}

/** The plot-by-plot findings of a layer of `kind` (see {@link checkPlausibility}). */
export function findFeatureFindings(
  layer: FeatureCollection,
  kind: LayerKind,
  options: CheckOptions,
  reference: PreparedReference | null = options.reference && prepareCheckReference(options.reference),
): FeatureFindings {
  let checked = 0;
  const geometryAt = geometryAtOf(layer, options.geometryOf);
  for (let i = 0; i < layer.features.length; i++) {
    const type = geometryAt(i)?.type;
    if (type === 'Polygon' || type === 'MultiPolygon') checked++;
  }
  const placed = reference ? placeFeatures(layer, reference, geometryAt) : null;
  // Typed arrays only (not the boxes), so that the findings cross threads as they are.
  const placement = placed && {
    outsideCounty: placed.outsideCounty,
    onWater: placed.onWater,
    centres: placed.centres,
    areasM2: placed.areasM2,
  };
  const townMismatches =
    kind === 'plots' && options.boundary
      ? findTownMismatches(layer, options.boundary, placement?.areasM2, geometryAt)
      : null;
  return { checked, placement, townMismatches };
}

/**
 * Runs every check that applies to a layer of `kind`: place for every layer, towns, overlaps and
 * duplicates for plots.
 * @param layer WGS84 lon/lat, as loaded (a plot layer's columns mapped, so `town` is the town attribute)
 */
export function checkPlausibility(
  layer: FeatureCollection,
  kind: LayerKind,
  options: CheckOptions,
): PlausibilityChecks {
  const { features } = layer;
  const reference = options.reference && prepareCheckReference(options.reference);
  const findings = findFeatureFindings(layer, kind, options, reference);
  const overlaps =
    kind === 'plots' ? findPlotOverlaps(layer, findings.placement?.areasM2, options.outlines) : null;
  return assembleChecks(
    features.length,
    (i) => plotIdOf(features[i] as Feature, i),
    findings,
    overlaps,
    reference,
  );
}

/**
 * The checks of a layer from its findings and, for plots, its overlaps: what
 * {@link checkPlausibility} returns.
 * @param n the layer's feature count
 * @param idOf feature i's id (plotIdOf)
 * @param overlaps null for a layer other than plots
 */
export function assembleChecks(
  n: number,
  idOf: (index: number) => string,
  { checked, placement, townMismatches }: FeatureFindings,
  overlaps: PlotOverlaps | null,
  reference: PreparedReference | null,
): PlausibilityChecks {
  const flags = new Uint8Array(n);
  const checks: PlausibilityChecks = {
    features: checked,
    outsideCounty: 0,
    onWater: 0,
    townMismatch: 0,
    overlappingPairs: 0,
    overlapM2: 0,
    duplicateGeometries: 0,
    shift: null,
    outsideCountyIds: [],
    onWaterIds: [],
    townMismatches: [],
    overlaps: [],
    duplicates: [],
    flags,
  };
  if (placement && reference) {
    let misplaced = 0;
    for (let i = 0; i < n; i++) {
      if (placement.outsideCounty[i]) {
        flags[i] = (flags[i] as number) | CHECK_FLAGS.outsideCounty;
        checks.outsideCountyIds.push(idOf(i));
      }
      if (placement.onWater[i]) {
        flags[i] = (flags[i] as number) | CHECK_FLAGS.onWater;
        checks.onWaterIds.push(idOf(i));
      }
      if (placement.outsideCounty[i] || placement.onWater[i]) misplaced++;
    }
    checks.outsideCounty = checks.outsideCountyIds.length;
    checks.onWater = checks.onWaterIds.length;
    checks.shift = detectLayerShift(placement.centres, misplaced, reference);
  }
  if (!overlaps) return checks;

  if (townMismatches) {
    for (const mismatch of townMismatches) {
      flags[mismatch.index] = (flags[mismatch.index] as number) | CHECK_FLAGS.townMismatch;
      checks.townMismatches.push({
        id: idOf(mismatch.index),
        town: mismatch.town,
        boundaryTown: mismatch.boundaryTown,
      });
    }
    checks.townMismatch = checks.townMismatches.length;
  }
  for (const { a, b, areaM2 } of overlaps.pairs) checks.overlaps.push({ ids: [idOf(a), idOf(b)], areaM2 });
  // Every plot in a pair, listed or not.
  for (let i = 0; i < n; i++)
    if (overlaps.overlapping[i]) flags[i] = (flags[i] as number) | CHECK_FLAGS.overlapping;
  for (const group of overlaps.duplicateGroups) {
    for (const i of group) flags[i] = (flags[i] as number) | CHECK_FLAGS.duplicate;
    checks.duplicates.push(group.map((i) => idOf(i)));
  }
  checks.overlappingPairs = overlaps.pairCount;
  checks.overlapM2 = overlaps.overlapM2;
  checks.duplicateGeometries = overlaps.duplicateGeometries;
  return checks;
}

/** The checks without the per-feature flags, as summary.json holds them. */
export function summarizeChecks({ flags: _, ...summary }: PlausibilityChecks): PlausibilitySummary {
  return summary;
}

/**
 * The summary with each list cut to its first `max` entries (the counts stay whole): what the
 * import dialog shows as examples, and what the page keeps for the table.
 */
export function limitChecks(
  checks: PlausibilitySummary | PlausibilityChecks,
  max: number,
): PlausibilitySummary {
  const summary = 'flags' in checks ? summarizeChecks(checks) : checks;
  return {
    ...summary,
    outsideCountyIds: summary.outsideCountyIds.slice(0, max),
    onWaterIds: summary.onWaterIds.slice(0, max),
    townMismatches: summary.townMismatches.slice(0, max),
    overlaps: summary.overlaps.slice(0, max),
    duplicates: summary.duplicates.slice(0, max),
  };
}

/** How many features fail each check (a plot in two overlapping pairs counts once). */
export function countFlags(flags: Uint8Array): Record<CheckFlag, number> {
  const counts = { outsideCounty: 0, onWater: 0, townMismatch: 0, overlapping: 0, duplicate: 0 };
  for (const value of flags) {
    if (value === 0) continue;
    for (const flag of CHECK_ORDER) if (value & CHECK_FLAGS[flag]) counts[flag]++;
  }
  return counts;
}

/** True when any check found something. */
export function hasFindings(summary: PlausibilitySummary): boolean {
  return (
    summary.outsideCounty + summary.onWater + summary.townMismatch + summary.overlappingPairs > 0 ||
    summary.duplicateGeometries > 0 ||
    summary.shift !== null
  );
}
