/**
 * The simple flat map for a browser without WebGL 2: the base map and the plan's layers on a 2-D
 * canvas (fallback-painter.ts paints them). Pan by dragging, zoom with the wheel or zoomBy, a click
 * selects a plot as on the real map; the town filter, a plot chosen in a list and the layer and
 * saved-view requests move it as they move the real map. It follows the store through syncs as
 * map-syncs.ts makes them, redraws at most once a frame, and writes where it looks to the store.
 */

import type { PlannerState } from '../state/planner-state.ts';
import type { PlannerStore } from '../state/store.ts';
import type { BasemapData } from './build-style.ts';
import {
  boxOfShapes,
  type FlatCamera,
  fitCamera,
  lngLatOf,
  mercatorX,
  mercatorY,
  metresPerPixelAt,
  shapeAt,
  toScreen,
  toWorld,
  zoomOf,
} from './fallback-geometry.ts';
import { FallbackPainter } from './fallback-painter.ts';
import { fitPaddingIn } from './map-covers.ts';
import { follow, syncRunner } from './map-syncs.ts';
import { BASEMAP_COLORS } from './palette.ts';

export interface FallbackMapOptions {
  canvas: HTMLCanvasElement;
  store: PlannerStore;
  basemap: BasemapData;
  /** The area to show first when the store has no view, [[west, south], [east, north]], WGS84. */
  initialBounds: [[number, number], [number, number]];
}

/** The real map's zoom limits. */
const MIN_ZOOM = 7;
const MAX_ZOOM = 19;
/** How near a click must be to a dot, CSS pixels (as the real map's county view). */
const HIT_REACH_PX = 6;
/** A pointer that moves less than this between down and up clicks instead of dragging. */
const CLICK_SLOP_PX = 4;

export class CanvasFallbackMap {
  private readonly canvas: HTMLCanvasElement;
  private readonly store: PlannerStore;
  private readonly painter: FallbackPainter;
  private readonly cixiBox: [number, number, number, number];
  private readonly unsubscribe: () => void;
  private readonly resizeObserver: ResizeObserver;
  private camera: FlatCamera;
  private width = 1;
  private height = 1;
  private frame: number | null = null;
  /**
   * A drag under way: where it started, and the picture then, which is moved while the pointer moves
   * (100,000 plots take a software canvas a few hundred milliseconds to paint) and painted anew on release.
   */
  private drag: {
    pointerId: number;
    x: number;
    y: number;
    camera: FlatCamera;
    moved: boolean;
    picture: HTMLCanvasElement | null;
  } | null = null;

  constructor(options: FallbackMapOptions) {
    this.canvas = options.canvas;
    this.store = options.store;
    this.painter = new FallbackPainter(options.basemap);
    const [[west, south], [east, north]] = options.initialBounds;
    this.cixiBox = [mercatorX(west), mercatorY(south), mercatorX(east), mercatorY(north)];
    this.measure();
    const view = this.store.getState().view;
    this.camera = view
      ? {
          x: mercatorX(view.center[0]),
          y: mercatorY(view.center[1]),
          metresPerPixel: metresPerPixelAt(view.zoom),
        }
      : fitCamera(this.cixiBox, this.width, this.height, fitPaddingIn(this.canvas));

    this.canvas.addEventListener('pointerdown', this.onPointerDown);
    this.canvas.addEventListener('pointermove', this.onPointerMove);
    this.canvas.addEventListener('pointerup', this.onPointerUp);
    this.canvas.addEventListener('pointercancel', this.onPointerCancel);
    this.canvas.addEventListener('wheel', this.onWheel, { passive: false });
    this.resizeObserver = new ResizeObserver(() => {
      this.measure();
      this.redraw();
    });
    this.resizeObserver.observe(this.canvas);

    const run = syncRunner(this.store, [
      follow(
        (state) =>
          [
            state.layers,
            state.analysis,
            state.visible,
            state.town,
            state.selectedPlot,
            state.pickedPlots,
            state.scenarioSet,
            state.zoneMeasures,
          ] as const,
        () => this.redraw(),
      ),
      follow(
        (state) => [state.town] as const,
        (_values, state, previous) => {
          if (previous) this.fitToTown(state);
        },
      ),
      follow(
        (state) => [state.selectedPlot] as const,
        (_values, state, previous) => {
          if (previous) this.showSelection(state);
        },
      ),
      follow(
        (state) => [state.viewRequest] as const,
        ([request], _state, previous) => {
          if (!request || !previous) return;
          this.moveTo({
            x: mercatorX(request.center[0]),
            y: mercatorY(request.center[1]),
            metresPerPixel: metresPerPixelAt(request.zoom),
          });
        },
      ),
      follow(
        (state) => [state.zoomRequest] as const,
        ([request], state, previous) => {
          if (!request || !previous) return;
          const layer = request.target === 'cixi' ? null : state.layers?.[request.target];
          const box =
            request.target === 'cixi'
              ? this.cixiBox
              : layer
                ? boxOfShapes(this.painter.shapesOf(layer))
                : null;
          if (box) this.fit(box, metresPerPixelAt(16));
        },
      ),
    ]);
    this.unsubscribe = this.store.subscribe(run);
    run();
  }

  /** Zooms by `factor` (2: twice as close) about the centre of the view. */
  zoomBy(factor: number): void {
    this.zoomAbout(factor, this.width / 2, this.height / 2);
    this.settle();
  }

  /** Shows the whole of Cixi again. */
  fitToCixi(): void {
    this.fit(this.cixiBox, 0);
  }

  /** Where a longitude/latitude is on the canvas, in CSS pixels from its top left. */
  screenPointOf(longitude: number, latitude: number): { x: number; y: number } {
    return this.toScreen(mercatorX(longitude), mercatorY(latitude));
  }

  destroy(): void {
    this.unsubscribe();
    this.resizeObserver.disconnect();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.canvas.removeEventListener('pointerdown', this.onPointerDown);
    this.canvas.removeEventListener('pointermove', this.onPointerMove);
    this.canvas.removeEventListener('pointerup', this.onPointerUp);
    this.canvas.removeEventListener('pointercancel', this.onPointerCancel);
    this.canvas.removeEventListener('wheel', this.onWheel);
  }

  private measure(): void {
    const ratio = window.devicePixelRatio || 1;
    this.width = Math.max(1, this.canvas.clientWidth);
    this.height = Math.max(1, this.canvas.clientHeight);
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
  }

  private toScreen(x: number, y: number): { x: number; y: number } {
    return toScreen({ ...this.camera, width: this.width, height: this.height }, x, y);
  }

  private toWorld(screenX: number, screenY: number): { x: number; y: number } {
    return toWorld({ ...this.camera, width: this.width, height: this.height }, screenX, screenY);
  }

  private clampScale(metresPerPixel: number): number {
    return Math.min(metresPerPixelAt(MIN_ZOOM), Math.max(metresPerPixelAt(MAX_ZOOM), metresPerPixel));
  }

  private moveTo(camera: FlatCamera): void {
    this.camera = { ...camera, metresPerPixel: this.clampScale(camera.metresPerPixel) };
    this.settle();
  }

  private fit(box: readonly [number, number, number, number], minMetresPerPixel: number): void {
    // Clear of the legend and the plot card, as the real map's fits (map-covers.ts).
    this.moveTo(fitCamera(box, this.width, this.height, fitPaddingIn(this.canvas), minMetresPerPixel));
  }

  /** Zooms by `factor` keeping the point under (screenX, screenY) where it is. */
  private zoomAbout(factor: number, screenX: number, screenY: number): void {
    const anchor = this.toWorld(screenX, screenY);
    const metresPerPixel = this.clampScale(this.camera.metresPerPixel / factor);
    this.camera = {
      x: anchor.x - (screenX - this.width / 2) * metresPerPixel,
      y: anchor.y + (screenY - this.height / 2) * metresPerPixel,
      metresPerPixel,
    };
    this.redraw();
  }

  /** The camera came to rest: draw, and tell the store where the map looks (saved with the plan). */
  private settle(): void {
    this.redraw();
    const [longitude, latitude] = lngLatOf(this.camera.x, this.camera.y);
    this.store
      .getState()
      .setView({ center: [longitude, latitude], zoom: zoomOf(this.camera.metresPerPixel) });
  }

  private fitToTown(state: PlannerState): void {
    const plots = state.layers?.plots;
    const rows = state.analysis?.rows;
    if (state.town === null || !plots || !rows) return;
    const box = boxOfShapes(this.painter.shapesOf(plots), (index) => rows[index]?.town === state.town);
    if (box) this.fit(box, metresPerPixelAt(16));
  }

  private showSelection(state: PlannerState): void {
    const index = state.selectedPlot;
    const plots = state.layers?.plots;
    if (index === null || !plots || state.selectionOrigin !== 'list') return;
    const box = boxOfShapes(this.painter.shapesOf(plots), (i) => i === index);
    if (box) this.fit(box, metresPerPixelAt(17));
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.canvas.setPointerCapture(event.pointerId);
    this.drag = {
      pointerId: event.pointerId,
      x: event.offsetX,
      y: event.offsetY,
      camera: this.camera,
      moved: false,
      picture: null,
    };
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.offsetX - drag.x;
    const dy = event.offsetY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    if (!drag.moved) drag.picture = this.picture();
    drag.moved = true;
    this.canvas.dataset.dragging = 'true';
    const { metresPerPixel } = drag.camera;
    this.camera = {
      x: drag.camera.x - dx * metresPerPixel,
      y: drag.camera.y + dy * metresPerPixel,
      metresPerPixel,
    };
    this.redraw();
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.drag = null;
    delete this.canvas.dataset.dragging;
    if (drag.moved) this.settle();
    else this.select(event.offsetX, event.offsetY);
  };

  private readonly onPointerCancel = (): void => {
    this.drag = null;
    delete this.canvas.dataset.dragging;
  };

  private readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    // Lines and pages as pixels, as browsers scroll them; one notch (100 px) is about 1.6 times.
    const pixels = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.height : 1);
    this.zoomAbout(Math.exp(-pixels * 0.005), event.offsetX, event.offsetY);
    this.settle();
  };

  /** Selects the plot drawn at a screen point (none: the selection is cleared), as a click on the real map. */
  private select(screenX: number, screenY: number): void {
    const state = this.store.getState();
    if (state.mapMode !== 'browse') return;
    const plots = state.layers?.plots;
    const rows = state.analysis?.rows;
    let index: number | null = null;
    if (plots && rows && state.visible.plots) {
      const at = this.toWorld(screenX, screenY);
      index = shapeAt(
        this.painter.shapesOf(plots),
        at.x,
        at.y,
        HIT_REACH_PX * this.camera.metresPerPixel,
        (i) => state.town === null || rows[i]?.town === state.town,
      );
    }
    state.selectPlot(index, 'map');
  }

  private redraw(): void {
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** A copy of what the canvas shows now. */
  private picture(): HTMLCanvasElement {
    const copy = document.createElement('canvas');
    copy.width = this.canvas.width;
    copy.height = this.canvas.height;
    copy.getContext('2d')?.drawImage(this.canvas, 0, 0);
    return copy;
  }

  private draw(): void {
    this.frame = null;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const drag = this.drag;
    if (drag?.moved && drag.picture) {
      // While dragging: the picture from the drag's start, moved with the pointer.
      const ratio = this.canvas.width / this.width;
      const { metresPerPixel } = drag.camera;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.fillStyle = BASEMAP_COLORS.sea;
      context.fillRect(0, 0, this.canvas.width, this.canvas.height);
      context.drawImage(
        drag.picture,
        ((drag.camera.x - this.camera.x) / metresPerPixel) * ratio,
        ((this.camera.y - drag.camera.y) / metresPerPixel) * ratio,
      );
      return;
    }
    const view = { ...this.camera, width: this.width, height: this.height };
    const drawn = this.painter.paint(context, view, this.canvas.width / this.width, this.store.getState());
    this.canvas.dataset.drawnPlots = String(drawn);
  }
}
