/**
 * The pieces of a large plot layer, analysed apart (one after another on one thread, or side by side
 * on several), merged into the whole layer's analysis: the decisions that need the whole layer (the
 * column mapping from every piece's columns, the CRS from the box of all coordinates, ids unique
 * across pieces) and the plausibility checks that need all plots (the overlaps).
 */

import type { PlotResult } from '../../src/core/analysis/classify-plots.ts';
import { type CheckReference, prepareCheckReference } from '../../src/core/checks/check-reference.ts';
import {
  assembleChecks,
  type FeatureFindings,
  type PlausibilitySummary,
  summarizeChecks,
} from '../../src/core/checks/plausibility-checks.ts';
import {
  concatPackedRings,
  findPackedOverlaps,
  packedGeometry,
} from '../../src/core/checks/plot-overlaps.ts';
import type { TownMismatch } from '../../src/core/checks/town-mismatch.ts';
import { checkPlacement } from '../../src/core/crs/check-placement.ts';
import type { Crs, CrsDetection, CrsDetectionResult } from '../../src/core/crs/crs.ts';
import { detectCrs, userCrsDetection } from '../../src/core/crs/detect-crs.ts';
import type { CoordinateBox } from '../../src/core/crs/detect-crs-from-coordinates.ts';
import { suggestColumnMapping } from '../../src/core/io/column-mapping.ts';
import { isUsableDetection, unionBox } from '../../src/core/io/detect-layer-crs.ts';
import type { FeatureCollection } from '../../src/core/types.ts';
import type { PartInput, PartResult, PartSummary } from './plot-part.ts';

/** What the pieces are read with, besides the decisions made from them. */
export interface PlotPiecesOptions {
  path: string;
  /** The CRS chosen by hand (`--crs`, `--plots-crs`). */
  crs?: Crs;
  boundary: FeatureCollection;
  control: FeatureCollection;
  tolerance: number;
  /** The county outline and land of the plausibility checks. */
  reference: CheckReference;
}

/** A piece's summary that found nothing unusual. */
export type PieceSummary = Extract<PartSummary, { ok: true }>;
/** A piece's analysis that found nothing unusual. */
export type PieceResult = Extract<PartResult, { ok: true }>;

/** The plots analysed in parts, merged in file order. */
export interface PlotsInParts {
  ok: true;
  crs: CrsDetection;
  /** The plots' plausibility checks, as checkPlausibility gives them for the whole layer. */
  checks: PlausibilitySummary;
  /** Each part's CSV rows, each row followed by CRLF, as UTF-8. */
  rows: Uint8Array[];
  results: PlotResult[];
  towns: (string | undefined)[];
}

/** The columns of every piece, in first-seen order over the file (as columnsOf gives them). */
function mergedColumns(summaries: readonly PartSummary[]): string[] {
  const seen = new Set<string>();
  for (const summary of summaries) if (summary.ok) for (const column of summary.columns) seen.add(column);
  return [...seen];
}

/** The box of every piece's coordinates. */
function mergedBox(summaries: readonly PartSummary[]): CoordinateBox | null {
  const boxes: { box: CoordinateBox }[] = [];
  for (const summary of summaries) if (summary.ok && summary.box) boxes.push({ box: summary.box });
  return unionBox(boxes);
}

/**
 * The CRS as loadLayerFromSource decides it for a layer whose features are all sound, or null where
 * it would look further (feature by feature) or stop the layer.
 */
function layerDetection(
  fileName: string,
  chosen: Crs | undefined,
  crsMember: unknown,
  box: CoordinateBox | null,
  features: number,
): CrsDetection | null {
  let detection: CrsDetectionResult;
  if (chosen) detection = userCrsDetection(chosen);
  else {
    detection = detectCrs({ ...(crsMember === undefined ? {} : { crsMember }), positions: box ?? [] });
    const declaredUnsupported = !detection.ok && detection.reason === 'unsupported-crs';
    if (!(isUsableDetection(detection) || declaredUnsupported || features < 2)) return null;
  }
  if (!detection.ok || checkPlacement(fileName, detection, box)) return null;
  return detection;
}

/** True when no id key appears in two parts (each part has checked its own). */
function idsUniqueAcrossParts(results: readonly PieceResult[]): boolean {
  const seen = new Set<string>();
  let total = 0;
  for (const result of results) {
    total += result.idKeys.length;
    for (const key of result.idKeys) seen.add(key);
  }
  return seen.size === total;
}

function mergedResults(parts: readonly PieceResult[]): PlotsInParts['results'] {
  // Made at its full length: grown by push, the array of 100,000 plots is copied again and again.
  const results = new Array<PlotResult>(parts.reduce((sum, part) => sum + part.ids.length, 0));
  let index = 0;
  for (const part of parts) {
    for (let i = 0; i < part.ids.length; i++, index++) {
      results[index] = {
        index,
        id: part.ids[i] as string,
        areaM2: part.areaM2[i] as number,
        areaMu: part.areaMu[i] as number,
        inBoundaryM2: part.inBoundaryM2[i] as number,
        inControlM2: part.inControlM2[i] as number,
        status: part.status[i] ?? null,
      };
    }
  }
  return results;
}

/** Typed arrays of every part end to end, in an array of the same kind. */
function joined<T extends Uint8Array | Float64Array>(arrays: readonly T[]): T {
  const Kind = (arrays[0]?.constructor ?? Float64Array) as new (length: number) => T;
  const all = new Kind(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    all.set(array, at);
    at += array.length;
  }
  return all;
}

/**
 * The plausibility checks of the whole layer from its parts: the plot-by-plot findings joined (plot
 * indices running on across the parts), the overlaps found among all the parts' rings.
 */
function mergedChecks(
  parts: readonly PieceResult[],
  results: readonly PlotResult[],
  reference: CheckReference,
): PlausibilitySummary {
  const placements = parts.map((part) => part.findings.placement);
  const townMismatches: TownMismatch[] = [];
  let offset = 0;
  for (const part of parts) {
    for (const mismatch of part.findings.townMismatches ?? [])
      townMismatches.push({ ...mismatch, index: mismatch.index + offset });
    offset += part.ids.length;
  }
  const placed = placements.every((placement) => placement !== null);
  const findings: FeatureFindings = {
    checked: parts.reduce((sum, part) => sum + part.findings.checked, 0),
    placement: placed
      ? {
          outsideCounty: joined(placements.map((p) => p.outsideCounty)),
          onWater: joined(placements.map((p) => p.onWater)),
          centres: joined(placements.map((p) => p.centres)),
          areasM2: joined(placements.map((p) => p.areasM2)),
        }
      : null,
    townMismatches,
  };
  const rings = concatPackedRings(parts.map((part) => part.rings));
  const overlaps = findPackedOverlaps(rings, (i) => packedGeometry(rings, i), findings.placement?.areasM2);
  const checks = assembleChecks(
    results.length,
    (i) => (results[i] as PlotResult).id,
    findings,
    overlaps,
    prepareCheckReference(reference),
  );
  return summarizeChecks(checks);
}

/** Why the plots must be read the ordinary way. */
export interface NotInParts {
  ok: false;
  why: string;
}

/** The parts' analyses as one, or why they cannot be (an id in two parts). */
export function mergedPlots(
  crs: CrsDetection,
  done: readonly PieceResult[],
  reference: CheckReference,
): PlotsInParts | NotInParts {
  if (!idsUniqueAcrossParts(done)) return { ok: false, why: 'an id in two parts' };
  const merged = mergedResults(done);
  return {
    ok: true,
    crs,
    rows: done.map((result) => result.rows),
    results: merged,
    towns: done.flatMap((result) => result.towns),
    checks: mergedChecks(done, merged, reference),
  };
}

/**
 * The layer's decisions (column mapping, CRS) as the first piece suggests them: the pieces are read
 * with them, and {@link confirmedCrs} checks them against every piece at the end.
 * @param rootCrs the root's `crs` member
 */
export function firstPieceInput(
  options: PlotPiecesOptions,
  rootCrs: unknown,
  first: PieceSummary,
): PartInput | NotInParts {
  const crs = layerDetection(options.path, options.crs, rootCrs, first.box, first.features);
  if (!crs) return { ok: false, why: 'the CRS needs a closer look' };
  return {
    mapping: suggestColumnMapping(first.columns).mapping,
    crs: crs.crs,
    fileName: options.path,
    boundary: options.boundary,
    control: options.control,
    tolerance: options.tolerance,
    reference: options.reference,
  };
}

/**
 * The whole layer's CRS detection, when the whole layer, from every piece's summary, decides its
 * CRS and column mapping as `input` has them; else why the plots must be read the ordinary way.
 */
export function confirmedCrs(
  options: PlotPiecesOptions,
  rootCrs: unknown,
  summaries: readonly PartSummary[],
  input: PartInput,
): CrsDetection | NotInParts {
  const features = summaries.reduce((sum, summary) => sum + (summary.ok ? summary.features : 0), 0);
  const crs = layerDetection(options.path, options.crs, rootCrs, mergedBox(summaries), features);
  if (!crs || JSON.stringify(crs.crs) !== JSON.stringify(input.crs))
    return { ok: false, why: 'the whole layer decides its CRS otherwise' };
  const mapping = suggestColumnMapping(mergedColumns(summaries)).mapping;
  if (JSON.stringify(mapping) !== JSON.stringify(input.mapping))
    return { ok: false, why: 'the whole layer maps its columns otherwise' };
  return crs;
}
