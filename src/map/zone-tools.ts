/**
 * Drawing a new receiving zone and editing a zone's shape on the main map, as the store's map mode
 * says. Terra Draw loads on first use; the map container's `data-drawing` says when clicks and drags
 * start to draw. A drawn zone and an edited shape go to the store; the map never changes a zone itself.
 */

import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { DEFAULT_ZONE_FAR } from '../core/scenario/scenario.ts';
import { isTypingTarget, undoShortcut } from '../state/keyboard-shortcuts.ts';
import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import { featureBounds } from './feature-bounds.ts';
import { activeScenario } from './scenario-layers.ts';
import { LAYER } from './style-ids.ts';
import { startZoneDrawing, type ZoneDrawer } from './zone-drawing.ts';
import { isEditableShape, startZoneEditing, type ZoneEditor } from './zone-editing.ts';

/** The layers whose vertices a drawn or edited zone snaps to. */
const SNAP_LAYERS = [LAYER.plotsFill, LAYER.boundaryLine, LAYER.controlLine, LAYER.zonesFill];

export class ZoneTools {
  private drawer: Promise<ZoneDrawer> | null = null;
  /** The zone whose shape is being edited and its editor (loading or running). */
  private editing: { zoneId: string; editor: Promise<ZoneEditor | null> } | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: PlannerStore,
    /** Padding when a zone off screen is brought into view, in CSS pixels (the panels' room now). */
    private readonly fitPadding: () => PaddingOptions,
  ) {}

  /** Starts drawing a new zone (mode 'draw-zone') or stops it (any other mode). */
  setMode(mode: PlannerState['mapMode']): void {
    if (mode !== 'draw-zone' && this.drawer) {
      this.drawer.then((drawer) => drawer.stop());
      this.drawer = null;
      delete this.map.getContainer().dataset.drawing;
    }
    if (mode === 'draw-zone' && !this.drawer) {
      this.drawer = startZoneDrawing(this.map, SNAP_LAYERS, (geometry) => {
        const state = this.store.getState();
        const scenario = activeScenario(state.scenarioSet);
        const number = (scenario?.zones.length ?? 0) + 1;
        state.edit({
          type: 'add-zone',
          zone: {
            id: `zone-${Date.now().toString(36)}`,
            name: `承接区块 ${number}`,
            far: DEFAULT_ZONE_FAR,
            year: 2024,
            geometry,
          },
        });
        state.setMapMode('browse');
      });
      this.drawer.then(() => {
        if (this.store.getState().mapMode === 'draw-zone') this.map.getContainer().dataset.drawing = 'ready';
      });
    }
  }

  /**
   * Starts or stops editing a zone's shape as the store says. A zone that has gone (undone, another
   * scenario chosen) or that has holes ends the editing.
   */
  syncEditing(state: PlannerState): void {
    const zoneId = state.mapMode === 'edit-zone' ? state.editingZoneId : null;
    if (this.editing && this.editing.zoneId !== zoneId) this.stopEditing();
    if (zoneId === null) {
      // Entering 'edit-zone' without a zone: nothing to edit.
      if (state.mapMode === 'edit-zone') queueMicrotask(() => this.store.getState().setMapMode('browse'));
      return;
    }
    const zone = activeScenario(state.scenarioSet)?.zones.find((z) => z.id === zoneId);
    if (!zone || !isEditableShape(zone.geometry)) {
      // Not from inside this store notification: the store would notify again while we are in it.
      this.stopEditing();
      queueMicrotask(() => {
        if (this.store.getState().editingZoneId === zoneId) this.store.getState().setMapMode('browse');
      });
      return;
    }
    if (this.editing) return;
    const box = featureBounds({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: zone.geometry }],
    });
    const view = this.map.getBounds();
    // A zone chosen in the list may lie off screen: bring it whole into view before its vertices are shown.
    if (box && !(view.contains(box[0]) && view.contains(box[1]))) {
      this.map.fitBounds(box, { padding: this.fitPadding(), maxZoom: 17, animate: false });
    }
    const container = this.map.getContainer();
    const session: { zoneId: string; editor: Promise<ZoneEditor | null> } = {
      zoneId,
      editor: Promise.resolve(null),
    };
    session.editor = startZoneEditing(this.map, zone.geometry, {
      snapLayers: SNAP_LAYERS,
      onChange: (geometry) => {
        if (this.editing === session) this.store.getState().setZoneDraft(geometry);
      },
    }).then(
      (editor) => {
        if (this.editing !== session) {
          editor.stop();
          return null;
        }
        container.dataset.drawing = 'ready';
        return editor;
      },
      () => {
        if (this.editing === session) this.store.getState().setMapMode('browse');
        return null;
      },
    );
    this.editing = session;
    window.addEventListener('keydown', this.onEditingKey, true);
  }

  /** Ends the editing of a shape, if any (the drawing of a new zone ends with its mode). */
  stopEditing(): void {
    if (!this.editing) return;
    this.editing.editor.then((editor) => editor?.stop());
    this.editing = null;
    window.removeEventListener('keydown', this.onEditingKey, true);
    delete this.map.getContainer().dataset.drawing;
  }

  /** While a shape is edited, Escape cancels, and Ctrl+Z does not undo scenario edits underneath it. */
  private readonly onEditingKey = (event: KeyboardEvent): void => {
    if (isTypingTarget(event.target as HTMLElement | null)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.store.getState().setMapMode('browse');
    } else if (undoShortcut(event)) event.preventDefault();
  };
}
