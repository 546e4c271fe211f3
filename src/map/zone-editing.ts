/**
 * Editing the shape of a receiving zone with Terra Draw's select mode (loaded when first used): each
 * polygon of the zone is one editable feature whose vertices can be dragged (snapping as when
 * drawing), whose midpoints add a vertex and whose vertices a right click deletes. The shape as
 * edited goes to `onChange` after every change; the zone itself changes only when the page commits.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AreaGeometry, Position } from '../core/types.ts';
import { snapToLayers, ZONE_DRAWING_STYLE } from './zone-drawing.ts';

export interface ZoneEditor {
  stop: () => void;
}

/** Terra Draw refuses coordinates with more decimals than its adapter keeps (9 by default). */
const COORDINATE_DECIMALS = 9;

/**
 * The outer rings of a zone's polygons as Terra Draw can edit them (closed, at most nine decimals),
 * or null when a polygon has a hole (Terra Draw edits simple polygons only).
 * @param geometry WGS84 lon/lat
 */
export function editableRings(geometry: AreaGeometry): Position[][] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Position[][] = [];
  const scale = 10 ** COORDINATE_DECIMALS;
  for (const polygon of polygons) {
    if (polygon.length !== 1) return null;
    const ring = (polygon[0] ?? []).map((p) => [
      Math.round((p[0] ?? 0) * scale) / scale,
      Math.round((p[1] ?? 0) * scale) / scale,
    ]);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
      ring.push([first[0] ?? 0, first[1] ?? 0]);
    if (ring.length < 4) return null;
    rings.push(ring);
  }
  return rings.length > 0 ? rings : null;
}

/** True when a zone's shape can be edited on the map (no holes). */
export function isEditableShape(geometry: AreaGeometry): boolean {
  return editableRings(geometry) !== null;
}

/** A Polygon for one ring, a MultiPolygon for several. */
export function geometryFromRings(rings: readonly Position[][]): AreaGeometry {
  return rings.length === 1
    ? { type: 'Polygon', coordinates: [rings[0] as Position[]] }
    : { type: 'MultiPolygon', coordinates: rings.map((ring) => [ring]) };
}

export interface ZoneEditingOptions {
  /** Layers whose vertices a dragged vertex snaps to. */
  snapLayers: readonly string[];
  /** Gets the whole shape (WGS84) after every change. */
  onChange: (geometry: AreaGeometry) => void;
}

/**
 * Puts `geometry` on `map` as editable polygons (the first one selected).
 * @throws when the shape has holes (check with isEditableShape first)
 */
export async function startZoneEditing(
  map: MapLibreMap,
  geometry: AreaGeometry,
  options: ZoneEditingOptions,
): Promise<ZoneEditor> {
  const rings = editableRings(geometry);
  if (!rings) throw new Error('A zone with holes cannot be edited on the map.');
  const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode }, { TerraDrawMapLibreGLAdapter }] =
    await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      // Registered only so that the zone's polygons are valid features; nothing is drawn with it.
      new TerraDrawPolygonMode({ styles: ZONE_DRAWING_STYLE }),
      new TerraDrawSelectMode({
        // Escape and Delete belong to the page (cancel); the zone itself must never be deleted here.
        keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
        allowManualDeselection: false,
        flags: {
          polygon: {
            feature: {
              draggable: false,
              // Refused when the planner presses 完成, with a message, rather than silently here.
              selfIntersectable: true,
              coordinates: {
                draggable: true,
                midpoints: true,
                deletable: true,
                snappable: {
                  toCoordinate: true,
                  toLine: true,
                  toCustom: snapToLayers(map, options.snapLayers),
                },
              },
            },
          },
        },
        styles: {
          selectedPolygonColor: ZONE_DRAWING_STYLE.fillColor,
          selectedPolygonFillOpacity: ZONE_DRAWING_STYLE.fillOpacity,
          selectedPolygonOutlineColor: ZONE_DRAWING_STYLE.outlineColor,
          selectedPolygonOutlineWidth: ZONE_DRAWING_STYLE.outlineWidth,
          selectionPointColor: '#ffffff',
          selectionPointOutlineColor: ZONE_DRAWING_STYLE.outlineColor,
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
          midPointColor: ZONE_DRAWING_STYLE.outlineColor,
          midPointOutlineColor: '#ffffff',
          midPointWidth: 3,
          midPointOutlineWidth: 1,
        },
      }),
    ],
  });
  draw.start();
  draw.setMode('select');
  const ids = rings.map(() => draw.getFeatureId());
  const added = draw.addFeatures(
    rings.map((ring, i) => ({
      type: 'Feature',
      id: ids[i] as string,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { mode: 'polygon' },
    })),
  );
  const refused = added.find((result) => !result.valid);
  if (refused) {
    draw.stop();
    throw new Error(`Terra Draw refused the zone: ${refused.reason ?? 'invalid'}`);
  }
  const first = ids[0];
  if (first !== undefined) draw.selectFeature(first);

  const currentRings = (): Position[][] =>
    ids.map((id) => {
      const feature = draw.getSnapshotFeature(id);
      return feature?.geometry.type === 'Polygon'
        ? ((feature.geometry.coordinates[0] ?? []) as Position[])
        : [];
    });
  // Selecting a feature is an update too: only a change of coordinates is reported.
  let reported = JSON.stringify(rings);
  draw.on('change', (changed, type) => {
    if (type !== 'update' || !changed.some((id) => ids.includes(id as string))) return;
    const next = currentRings();
    const text = JSON.stringify(next);
    if (text === reported) return;
    reported = text;
    options.onChange(geometryFromRings(next));
  });
  return {
    stop: () => {
      draw.stop();
    },
  };
}
