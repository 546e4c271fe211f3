/**
 * The Cixi base map, bundled into the app (Vite `?raw` imports of data/basemap/): land, county
 * outlines and town names, so that the map needs nothing but the app's own files.
 */

import countiesText from '../../data/basemap/counties.geojson?raw';
import landText from '../../data/basemap/land.geojson?raw';
import townsText from '../../data/basemap/towns.geojson?raw';
import type { FeatureCollection } from '../core/types.ts';
import { asSourceData, type BasemapData, type SourceData } from '../map/build-style.ts';
import { boundsOnLand } from '../map/feature-bounds.ts';
import { seaMask } from '../map/sea-mask.ts';

export interface CixiBasemap {
  data: BasemapData;
  /** Bounds of the land part of 慈溪市, [[west, south], [east, north]]; its outline takes in tidal flats far out in Hangzhou Bay. */
  cixiBounds: [[number, number], [number, number]];
}

/** The base map layers and the extent of Cixi. */
export function loadCixiBasemap(): CixiBasemap {
  const land = JSON.parse(landText) as FeatureCollection;
  const counties = JSON.parse(countiesText) as FeatureCollection;
  const cixi = counties.features.filter((feature) => feature.properties?.isCixi === true);
  const cixiBounds = boundsOnLand({ type: 'FeatureCollection', features: cixi }, land);
  if (!cixiBounds)
    throw new Error('data/basemap/counties.geojson has no 慈溪市 feature (isCixi = true) on land.');
  return {
    data: {
      land: asSourceData(land),
      counties: asSourceData(counties),
      seaMask: asSourceData(seaMask(land)),
      towns: JSON.parse(townsText) as SourceData,
    },
    cixiBounds,
  };
}
