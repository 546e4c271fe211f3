/**
 * What the plausibility checks place a layer against: the county outline (慈溪市) and the land of
 * the base map (whatever lies outside the land, within the land data's extent, is water). Prepared
 * once per reference object (dissolved and indexed as a zone layer is) and reused for every layer.
 */

import { prepareZoneLayer, type ZoneLayer } from '../analysis/zone-layer.ts';
import type { Box } from '../geometry/clip-to-box.ts';
import type { FeatureCollection } from '../types.ts';

export interface CheckReference {
  /** The county outline, WGS84 lon/lat polygons (data/basemap/counties.geojson, the isCixi feature). */
  county: FeatureCollection;
  /**
   * Land polygons, WGS84 lon/lat (data/basemap/land.geojson); null when there is no land layer (then
   * nothing is checked for water).
   */
  land: FeatureCollection | null;
}

export interface PreparedReference {
  county: ZoneLayer;
  land: ZoneLayer | null;
  /**
   * The box the land data covers (its polygons' bounding box: land.geojson is land clipped to a
   * box, so beyond it nothing is known); a feature reaching beyond it is not judged for water.
   */
  landExtent: Box | null;
}

/** The Cixi reference from the base map's layers: the 慈溪市 outline (isCixi) and the land. */
export function cixiCheckReference(
  counties: FeatureCollection,
  land: FeatureCollection | null,
): CheckReference {
  const county = counties.features.filter((feature) => feature.properties?.isCixi === true);
  if (county.length === 0) throw new Error('expected a county feature with isCixi = true; found none');
  return { county: { type: 'FeatureCollection', features: county }, land };
}

const prepared = new WeakMap<CheckReference, PreparedReference>();

/** The reference dissolved and indexed; the same object for the same reference. */
export function prepareCheckReference(reference: CheckReference): PreparedReference {
  let result = prepared.get(reference);
  if (!result) {
    const land = reference.land ? prepareZoneLayer(reference.land, { zh: '陆地', en: 'land' }) : null;
    const index = land?.polygonIndex;
    result = {
      county: prepareZoneLayer(reference.county, { zh: '县界', en: 'county outline' }),
      land,
      landExtent: index ? [index.minX, index.minY, index.maxX, index.maxY] : null,
    };
    prepared.set(reference, result);
  }
  return result;
}
