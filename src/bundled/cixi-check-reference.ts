/**
 * What the plausibility checks place layers against (src/core/checks): 慈溪市's outline and the land
 * of the bundled base map (the same data/basemap/ files the map draws), parsed once.
 */

import countiesText from '../../data/basemap/counties.geojson?raw';
import landText from '../../data/basemap/land.geojson?raw';
import { type CheckReference, cixiCheckReference } from '../core/checks/check-reference.ts';
import type { FeatureCollection } from '../core/types.ts';

let reference: CheckReference | null = null;

/** The county outline and land, the same object on every call. */
export function loadCixiCheckReference(): CheckReference {
  reference ??= cixiCheckReference(
    JSON.parse(countiesText) as FeatureCollection,
    JSON.parse(landText) as FeatureCollection,
  );
  return reference;
}
