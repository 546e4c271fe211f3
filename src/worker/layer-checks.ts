/**
 * The plausibility checks of a loaded layer, kept with the layer object, so that accepting what the
 * import dialog previewed (the same layer object) does not check 100,000 plots again for the table.
 * The worker keeps the reference (county outline and land) the page sends it once.
 */

import type { CheckReference } from '../core/checks/check-reference.ts';
import { checkPlausibility, type PlausibilityChecks } from '../core/checks/plausibility-checks.ts';
import type { FeatureCollection, LayerKind } from '../core/types.ts';
import { allPackedOutlines, packedGeometryReader } from './packed-layer.ts';

let reference: CheckReference | null = null;

/** Keeps the reference for every later check (the first one sent: it is prepared once). */
export function keepCheckReference(next: CheckReference): void {
  reference ??= next;
}

const cache = new WeakMap<
  FeatureCollection,
  {
    kind: LayerKind;
    boundary: FeatureCollection | null;
    reference: CheckReference | null;
    checks: PlausibilityChecks;
  }
>();

/** The checks of `layer` as a `kind` layer (plots against `boundary`); computed once per layer and boundary. */
export function layerChecks(
  layer: FeatureCollection,
  kind: LayerKind,
  boundary: FeatureCollection | null,
): PlausibilityChecks {
  const cached = cache.get(layer);
  const plotsBoundary = kind === 'plots' ? boundary : null;
  if (cached && cached.kind === kind && cached.boundary === plotsBoundary && cached.reference === reference)
    return cached.checks;
  const checks = checkPlausibility(layer, kind, {
    reference,
    boundary: plotsBoundary,
    geometryOf: packedGeometryReader(layer),
    outlines: allPackedOutlines(layer),
  });
  cache.set(layer, { kind, boundary: plotsBoundary, reference, checks });
  return checks;
}
