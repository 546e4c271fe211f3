/**
 * Drawing a receiving zone with Terra Draw (loaded when first used): a polygon with snapping to
 * the drawn zone's own vertices and edges and to the vertices of plots, boundaries and control
 * zones near the pointer; Ctrl+Z undoes the last vertex while drawing; Escape cancels. A
 * self-intersecting polygon cannot be finished.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PolygonGeometry } from '../core/types.ts';

export interface ZoneDrawer {
  stop: () => void;
}

/** Pixels within which a vertex of an existing layer attracts the pointer. */
const SNAP_PIXELS = 10;

/**
 * A snapping function for Terra Draw: the vertex of a rendered feature of `snapLayers` nearest to
 * the pointer, within SNAP_PIXELS, or undefined.
 */
export function snapToLayers(
  map: MapLibreMap,
  snapLayers: readonly string[],
): (event: { containerX: number; containerY: number }) => [number, number] | undefined {
  return (event) => {
    const box: [[number, number], [number, number]] = [
      [event.containerX - SNAP_PIXELS, event.containerY - SNAP_PIXELS],
      [event.containerX + SNAP_PIXELS, event.containerY + SNAP_PIXELS],
    ];
    const layers = snapLayers.filter((id) => map.getLayer(id));
    let best: [number, number] | undefined;
    let bestDistance = SNAP_PIXELS * SNAP_PIXELS;
    for (const feature of map.queryRenderedFeatures(box, { layers })) {
      const geometry = feature.geometry;
      const polygons =
        geometry.type === 'Polygon'
          ? [geometry.coordinates]
          : geometry.type === 'MultiPolygon'
            ? geometry.coordinates
            : [];
      for (const polygon of polygons)
        for (const ring of polygon)
          for (const position of ring) {
            const pixel = map.project([position[0] ?? 0, position[1] ?? 0]);
            const distance = (pixel.x - event.containerX) ** 2 + (pixel.y - event.containerY) ** 2;
            if (distance < bestDistance) {
              bestDistance = distance;
              best = [position[0] ?? 0, position[1] ?? 0];
            }
          }
    }
    return best;
  };
}

/** The colours of a zone being drawn or edited. */
export const ZONE_DRAWING_STYLE = {
  fillColor: '#0a8f6a',
  fillOpacity: 0.25,
  outlineColor: '#0a8f6a',
  outlineWidth: 3,
} as const;

/**
 * Starts drawing one polygon on `map`; `onFinish` gets it (WGS84) once closed.
 * @param snapLayers layers whose vertices the pointer snaps to
 */
export async function startZoneDrawing(
  map: MapLibreMap,
  snapLayers: readonly string[],
  onFinish: (geometry: PolygonGeometry) => void,
): Promise<ZoneDrawer> {
  const [
    {
      TerraDraw,
      TerraDrawPolygonMode,
      TerraDrawModeUndoRedo,
      TerraDrawUndoRedoKeyboardShortcuts,
      ValidateNotSelfIntersecting,
    },
    { TerraDrawMapLibreGLAdapter },
  ] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);

  const snapToPlan = snapToLayers(map, snapLayers);

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({
        snapping: { toLine: true, toCoordinate: true, toCustom: snapToPlan },
        validation: (feature, { updateType }) =>
          updateType === 'finish' || updateType === 'commit'
            ? ValidateNotSelfIntersecting(feature)
            : { valid: true },
        styles: ZONE_DRAWING_STYLE,
      }),
    ],
    undoRedo: {
      modeLevel: new TerraDrawModeUndoRedo(),
      keyboardShortcuts: new TerraDrawUndoRedoKeyboardShortcuts(),
    },
  });
  draw.start();
  draw.setMode('polygon');
  draw.on('finish', (id) => {
    const feature = draw.getSnapshotFeature(id);
    draw.removeFeatures([id]);
    if (feature?.geometry.type === 'Polygon') {
      onFinish({ type: 'Polygon', coordinates: feature.geometry.coordinates as number[][][] });
    }
  });
  return {
    stop: () => {
      draw.stop();
    },
  };
}
