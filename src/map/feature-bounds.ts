import { geometryBox } from '../core/analysis/classify-plots.ts';
import { type PlotOutlines, plotOutlinesBox } from '../core/plot-outlines.ts';
import type { FeatureCollection, Position } from '../core/types.ts';

/** [[west, south], [east, north]] of the polygons of `collection` (WGS84 lon/lat), or null if empty. */
export function featureBounds(collection: FeatureCollection): [[number, number], [number, number]] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const box = geometryBox(feature.geometry);
    minX = Math.min(minX, box[0]);
    minY = Math.min(minY, box[1]);
    maxX = Math.max(maxX, box[2]);
    maxY = Math.max(maxY, box[3]);
  }
  return minX <= maxX
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

/** Bounds of every plot's polygons, as featureBounds gives them of a layer's features; null without any. */
export function plotOutlinesBounds(outlines: PlotOutlines): [[number, number], [number, number]] | null {
  const box = plotOutlinesBox(outlines);
  return box
    ? [
        [box[0], box[1]],
        [box[2], box[3]],
      ]
    : null;
}

/**
 * Bounds of the part of `outline` that is land: of the outline's vertices on land and the land's
 * vertices inside the outline (even-odd rule). For a county whose outline reaches far into the
 * sea. Null if the two do not meet.
 */
export function boundsOnLand(
  outline: FeatureCollection,
  land: FeatureCollection,
): [[number, number], [number, number]] | null {
  const outlineRings = ringsOf(outline);
  const landRings = ringsOf(land);
  const points: Position[] = [];
  for (const [rings, others] of [
    [outlineRings, landRings],
    [landRings, outlineRings],
  ] as const) {
    for (const ring of rings) {
      for (const position of ring) {
        if (isInRings(others, position[0] as number, position[1] as number)) points.push(position);
      }
    }
  }
  if (points.length === 0) return null;
  // A degenerate polygon holding the points is enough for featureBounds.
  return featureBounds({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [points] } }],
  });
}

function ringsOf(collection: FeatureCollection): Position[][] {
  const rings: Position[][] = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      rings.push(...polygon);
    }
  }
  return rings;
}

function isInRings(rings: readonly Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]?.[0] as number;
      const yi = ring[i]?.[1] as number;
      const xj = ring[j]?.[0] as number;
      const yj = ring[j]?.[1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
