/**
 * The one owner of the MapLibre map. React creates it once with a container and the store; from
 * then on the map follows the store (layers, classification, language) through a subscription,
 * and data is uploaded to MapLibre only when the store holds a different object than last time.
 */

import {
  AttributionControl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { FeatureCollection } from '../core/types.ts';
import { translate } from '../i18n/messages.ts';
import type { PlannerState, PlannerStore } from '../state/store.ts';
import { plotFeatures, plotMarkers } from './plot-features.ts';
import {
  asSourceData,
  type BasemapData,
  buildStyle,
  COLORS,
  CONTROL_HATCH_IMAGE,
  hatchPattern,
  MARKED_STATUSES,
  SOURCE,
} from './style.ts';

export interface MapControllerOptions {
  container: HTMLElement;
  store: PlannerStore;
  basemap: BasemapData;
  /** Absolute URL of the label font (woff2) on the page's origin. */
  fontUrl: string;
  /** The area to show first, [[west, south], [east, north]], WGS84. */
  initialBounds: LngLatBoundsLike;
}

/** Padding around the area fitted on open, in CSS pixels: room for the legend on the left. */
const FIT_PADDING = { top: 40, bottom: 50, left: 320, right: 60 };

export class MapController {
  readonly map: MapLibreMap;
  private readonly store: PlannerStore;
  private readonly initialBounds: LngLatBoundsLike;
  private attribution: AttributionControl | null = null;
  private unsubscribe: () => void;
  private uploaded: { layers: PlannerState['layers']; classification: PlannerState['classification'] } = {
    layers: null,
    classification: null,
  };
  private language: PlannerState['language'] | null = null;
  private loaded = false;

  constructor(options: MapControllerOptions) {
    this.store = options.store;
    this.initialBounds = options.initialBounds;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(options.basemap, options.fontUrl),
      bounds: options.initialBounds,
      fitBoundsOptions: { padding: FIT_PADDING },
      attributionControl: false,
      // Planners compare sheets side by side: no rotation, north stays up.
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
      minZoom: 7,
    });
    this.map.touchZoomRotate.disableRotation();
    // The hatch is drawn here rather than fetched from a sprite: no request, no file to ship.
    this.map.setMissingStyleImageResolver((id) => {
      if (id !== CONTROL_HATCH_IMAGE || this.map.hasImage(id)) return;
      this.map.addImage(id, hatchPattern(16, hexToRgba(COLORS.controlLine, 150), 3), { pixelRatio: 2 });
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-left');
    this.map.on('load', () => {
      this.loaded = true;
      this.sync(this.store.getState());
    });
    this.unsubscribe = this.store.subscribe((state) => this.sync(state));
    this.sync(this.store.getState());
  }

  /** Shows the whole of Cixi again. */
  fitToCixi(): void {
    this.map.fitBounds(this.initialBounds, { padding: FIT_PADDING, animate: false });
  }

  /** Resolves when the map has drawn everything it has (sources loaded, no transition running). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.loaded && this.map.loaded() && !this.map.isMoving()) {
        // loaded() can be true a frame before the last tiles are placed; idle settles it.
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      } else this.map.once('idle', () => resolve());
    });
  }

  destroy(): void {
    this.unsubscribe();
    this.map.remove();
  }

  private sync(state: PlannerState): void {
    if (state.language !== this.language) {
      this.language = state.language;
      this.setAttribution(translate(state.language, 'map.attribution'));
    }
    if (!this.loaded) return;
    if (state.layers !== this.uploaded.layers) {
      this.setSourceData(SOURCE.boundary, state.layers?.boundary);
      this.setSourceData(SOURCE.control, state.layers?.control);
    }
    if (state.layers !== this.uploaded.layers || state.classification !== this.uploaded.classification) {
      const { layers, classification } = state;
      this.setSourceData(
        SOURCE.plots,
        layers && classification ? plotFeatures(layers.plots, classification.results) : undefined,
      );
      this.setSourceData(
        SOURCE.plotMarkers,
        layers && classification
          ? plotMarkers(layers.plots, classification.results, MARKED_STATUSES)
          : undefined,
      );
    }
    this.uploaded = { layers: state.layers, classification: state.classification };
  }

  private setSourceData(sourceId: string, data: FeatureCollection<unknown, unknown> | undefined): void {
    this.map.getSource<GeoJSONSource>(sourceId)?.setData(asSourceData(data));
  }

  private setAttribution(text: string): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }
}

function hexToRgba(hex: string, alpha: number): [number, number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}
