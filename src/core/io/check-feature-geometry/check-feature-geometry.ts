/**
 * Checks one feature's geometry for an area layer: type, coordinate structure, ring closure and
 * size, self-intersections and zero area. Coordinate ranges are judged by `validateLayer`, which
 * needs the whole file to tell projected data from a few bad features.
 *
 * Three stages, each in its own module, each stopping the check when it finds an error that leaves
 * nothing for the next: polygons-of-geometry (the type), scan-positions (the structure),
 * check-rings (closure, size, crossings, area).
 */
import type { LayerKind, Problem } from '../../types.ts';
import { featureLabel } from '../describe-feature.ts';
import { checkRings } from './check-rings.ts';
import type { GeometryFinding } from './geometry-finding.ts';
import { polygonsOfGeometry } from './polygons-of-geometry.ts';
import { scanPositions, structureFindings } from './scan-positions.ts';

/** What {@link checkFeatureGeometry} found. */
export interface GeometryCheck {
  problems: Problem[];
  /** False when a problem of severity `error` was found. */
  usable: boolean;
  /** [minX, minY, maxX, maxY] over all positions, when all positions hold finite numbers. */
  bbox?: [number, number, number, number];
  /** The first position outside longitude/latitude range, if any. */
  firstOutOfRange?: [number, number];
  /**
   * True for a usable Polygon or MultiPolygon without a `bbox` member whose positions hold only
   * numbers: geojson-validation then finds nothing in it that these checks do not report.
   */
  isPlain?: boolean;
}

/*
 * The helpers are module functions rather than closures inside checkFeatureGeometry: it runs once
 * per feature, and under tsx (the command-line tool) every named closure costs a defineProperty
 * call for its name, a third of the check's time on 100,000 plots.
 */

/** Adds the findings as problems of the feature, its label in front of each message. */
function addFindings(
  problems: Problem[],
  findings: readonly GeometryFinding[],
  featureIndex: number,
  featureId: string | number | undefined,
): void {
  for (const [code, severity, message] of findings) {
    const label = featureLabel(featureIndex, featureId);
    const problem: Problem = {
      code,
      severity,
      featureIndex,
      message: { zh: label.zh + message.zh, en: label.en + message.en },
    };
    if (featureId !== undefined) problem.featureId = featureId;
    problems.push(problem);
  }
}

function isUsable(problems: readonly Problem[]): boolean {
  return !problems.some((p) => p.severity === 'error');
}

/**
 * Checks the geometry of one feature of an area layer (all three layers need Polygon/MultiPolygon).
 *
 * A GeometryCollection whose members are all Polygon/MultiPolygon is accepted with the warning
 * `geometry-collection` (repairFeature merges it into a MultiPolygon); any other member, or a nested
 * collection, makes it `wrong-geometry-type`.
 *
 * @param geometry the feature's `geometry` member, any value
 * @param layer the layer being imported, for messages
 * @param featureIndex 0-based index of the feature in its file
 * @param featureId the feature's id, for messages
 */
export function checkFeatureGeometry(
  geometry: unknown,
  layer: LayerKind,
  featureIndex: number,
  featureId?: string | number,
): GeometryCheck {
  const problems: Problem[] = [];
  const parts = polygonsOfGeometry(geometry, layer);
  addFindings(problems, parts.findings, featureIndex, featureId);
  if (!parts.polygons) return { problems, usable: isUsable(problems) };

  const scan = scanPositions(parts.polygons, parts.isMulti);
  const structure = structureFindings(scan);
  addFindings(problems, structure.findings, featureIndex, featureId);
  if (structure.isFatal) return { problems, usable: isUsable(problems) };

  addFindings(problems, checkRings(scan.polygons, parts.isMulti), featureIndex, featureId);
  const usable = isUsable(problems);
  const isPlain = usable && scan.hasOnlyNumbers && parts.isPlainType;
  const { bbox, firstOutOfRange } = scan;
  return { problems, usable, bbox, isPlain, ...(firstOutOfRange ? { firstOutOfRange } : {}) };
}
