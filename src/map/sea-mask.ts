/**
 * The sea as a polygon: a box around the base map with every land polygon's outer ring cut out.
 * Painted over the county fills, it hides the parts of county outlines that reach into the sea.
 */

import type { FeatureCollection, PolygonCoords, Ring } from '../core/types.ts';

/**
 * @param land land polygons, WGS84 lon/lat; they must not overlap each other
 * @param margin degrees added around the land's bounding box, so that no hole touches the outer ring
 * @returns one Polygon feature: the box, with the land's outer rings as holes (lakes stay land)
 */
export function seaMask(land: FeatureCollection, margin = 0.5): FeatureCollection {
  const holes: Ring[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const feature of land.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const polygons: PolygonCoords[] =
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      const outer = polygon[0];
      if (!outer) continue;
      holes.push(outer);
      for (const position of outer) {
        const x = position[0] as number;
        const y = position[1] as number;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  if (holes.length === 0) return { type: 'FeatureCollection', features: [] };
  const box: Ring = [
    [minX - margin, minY - margin],
    [maxX + margin, minY - margin],
    [maxX + margin, maxY + margin],
    [minX - margin, maxY + margin],
    [minX - margin, minY - margin],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [box, ...holes] } },
    ],
  };
}
