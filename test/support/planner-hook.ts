/**
 * What the end-to-end tests and the UI benches read of the running app: `window.__planner` (the main
 * map) and `window.__compare` (the comparison's two maps, while the swipe is open). Both are
 * read-only getters over the app's inspection seam, `window.__plannerInternals`
 * (src/services/planner-internals.ts); they change nothing. The harness installs them in every page
 * before the page's own scripts (`withPlannerHook`), so the built app carries none of this code.
 */

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser } from 'playwright-core';
import { STATUS_COLORS, STATUS_ORDER } from '../../src/map/palette.ts';
import type { PlannerInternals } from '../../src/services/planner-internals.ts';

/** What the tests read of a plot row. */
export interface TestPlotRow {
  index: number;
  id: string;
  name: string | undefined;
  town: string;
  village: string | undefined;
  status: string | null;
  areaM2: number;
  box: readonly number[] | null;
}

export interface PlannerTestHook {
  map: MapLibreMap;
  /** Resolves once the map is idle with everything drawn. */
  whenIdle: () => Promise<void>;
  /** How many features of `layerId` are drawn in the viewport now. */
  renderedFeatureCount: (layerId: string) => number;
  /** Distinct values of `property` among the drawn features of `layerId`. */
  renderedValues: (layerId: string, property: string) => string[];
  /**
   * The plots on screen whose county-scale dot shows their status colour within `radiusPx` (1) of
   * its centre (the raster tiles draw them: there are no features to query), and the statuses
   * seen so.
   */
  drawnPlotDots: (radiusPx?: number) => Promise<{ count: number; statuses: string[] }>;
  /** The colours drawn within `radiusPx` of the dots of `indices` (all plots when null), by index. */
  plotDotColours: (indices: number[] | null, radiusPx: number) => Promise<Record<number, string[]>>;
  /** The analysed plots as the store holds them. */
  plotRows: () => TestPlotRow[];
  /** Feature counts of the plan's layers. */
  layerCounts: () => Record<'plots' | 'boundary' | 'control', number> | null;
}

/** What the tests read of the comparison's two maps. */
export interface CompareTestHook {
  left: SideTestHook;
  right: SideTestHook;
}

export interface SideTestHook {
  /** The scenario drawn, '' for the baseline. */
  scenarioId: () => string;
  renderedFeatureCount: (layerId: string) => number;
  /** The plots on screen whose county-scale dot shows their status colour (as `drawnPlotDots` above). */
  drawnPlotDots: () => Promise<{ count: number; statuses: string[] }>;
  /** The colours drawn within `radiusPx` of the dots of `indices`, by index. */
  plotDotColours: (indices: number[], radiusPx: number) => Promise<Record<number, string[]>>;
  whenIdle: () => Promise<void>;
  /** Where the map looks, as src/map/compare-map.ts `cameraOf` gives it. */
  camera: () => { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

declare global {
  interface Window {
    __planner?: PlannerTestHook;
    __compare?: CompareTestHook;
  }
}

/** The map's status colours, which the canvas read-back looks for. */
interface Palette {
  order: readonly string[];
  colors: Readonly<Record<string, string>>;
}

/**
 * Runs in the page, so it is self-contained: its source is sent as text and it imports nothing
 * (types only). Reads the maps' canvases in a `render` event, while the frame is still in the
 * drawing buffer, so the maps need no `preserveDrawingBuffer`.
 */
function installPlannerHook(palette: Palette): void {
  interface DrawnPlot {
    index: number;
    town: string;
    status: string | null;
    box: readonly number[] | null;
  }
  interface Frame {
    width: number;
    height: number;
    ratio: number;
    pixels: Uint8Array;
  }

  /** The next frame's pixels (RGBA, bottom row first as WebGL reads them). */
  const readFrame = (map: MapLibreMap): Promise<Frame> =>
    new Promise((resolve) => {
      map.once('render', () => {
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
        const pixels = new Uint8Array(width * height * 4);
        gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        resolve({ width, height, ratio: width / canvas.clientWidth, pixels });
      });
      map.triggerRepaint();
    });

  const hex = (pixels: Uint8Array, at: number): string =>
    `#${[pixels[at], pixels[at + 1], pixels[at + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;

  /**
   * The colours drawn within `radiusPx` CSS pixels of each plot's dot (its box centre), for the
   * plots of `indices` (all when null) that are on screen and of `town` (null: any).
   */
  const plotDotColours = async (
    map: MapLibreMap,
    plots: readonly DrawnPlot[],
    town: string | null,
    indices: readonly number[] | null,
    radiusPx = 0,
  ): Promise<Record<number, string[]>> => {
    const frame = await readFrame(map);
    const colours: Record<number, string[]> = {};
    for (const index of indices ?? plots.map((plot) => plot.index)) {
      const plot = plots[index];
      const box = plot?.box;
      if (!plot || !box || (town !== null && plot.town !== town)) continue;
      const at = map.project([
        ((box[0] as number) + (box[2] as number)) / 2,
        ((box[1] as number) + (box[3] as number)) / 2,
      ]);
      const found = new Set<string>();
      const reach = Math.round(radiusPx * frame.ratio);
      const cx = Math.floor(at.x * frame.ratio);
      const cy = Math.floor(at.y * frame.ratio);
      for (let dy = -reach; dy <= reach; dy++) {
        for (let dx = -reach; dx <= reach; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) continue;
          found.add(hex(frame.pixels, ((frame.height - 1 - y) * frame.width + x) * 4));
        }
      }
      if (found.size > 0) colours[index] = [...found];
    }
    return colours;
  };

  const near = (a: string, b: string, tolerance: number): boolean => {
    for (const shift of [1, 3, 5]) {
      const d =
        Number.parseInt(a.slice(shift, shift + 2), 16) - Number.parseInt(b.slice(shift, shift + 2), 16);
      if (Math.abs(d) > tolerance) return false;
    }
    return true;
  };

  /**
   * The plots on screen whose own status colour shows at their dot (within `radiusPx` of its
   * centre: a later plot's dot may cover most of it), and which statuses are seen so: the county
   * view drew them, in the right place and colour.
   */
  const drawnPlotDots = async (
    map: MapLibreMap,
    plots: readonly DrawnPlot[],
    town: string | null,
    radiusPx = 1,
  ): Promise<{ count: number; statuses: string[] }> => {
    const colours = await plotDotColours(map, plots, town, null, radiusPx);
    let count = 0;
    const statuses = new Set<string>();
    for (const [index, seen] of Object.entries(colours)) {
      const status = plots[Number(index)]?.status;
      const own = palette.order.find((s) => s === status);
      const colour = own === undefined ? undefined : palette.colors[own];
      if (!own || !colour || !seen.some((c) => near(c, colour, 24))) continue;
      count++;
      statuses.add(own);
    }
    return { count, statuses: [...statuses].sort() };
  };

  const mainHook = (internals: PlannerInternals, controller: NonNullable<PlannerInternals['mainMap']>) => {
    const { map } = controller;
    const { store } = internals;
    const rows = () => store.getState().analysis?.rows ?? [];
    const hook: PlannerTestHook = {
      map,
      whenIdle: () => controller.whenIdle(),
      renderedFeatureCount: (layerId) => map.queryRenderedFeatures({ layers: [layerId] }).length,
      renderedValues: (layerId, property) =>
        [
          ...new Set(
            map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.properties[property])),
          ),
        ].sort(),
      drawnPlotDots: (radiusPx) => drawnPlotDots(map, rows(), store.getState().town, radiusPx),
      plotDotColours: (indices, radiusPx) =>
        plotDotColours(map, rows(), store.getState().town, indices, radiusPx),
      plotRows: () =>
        rows().map((row) => ({
          index: row.index,
          id: row.id,
          name: row.name,
          town: row.town,
          village: row.village,
          status: row.status,
          areaM2: row.areaM2,
          box: row.box,
        })),
      layerCounts: () => {
        const layers = store.getState().layers;
        return layers
          ? {
              plots: layers.plots.count,
              boundary: layers.boundary.features.length,
              control: layers.control.features.length,
            }
          : null;
      },
    };
    return hook;
  };

  type ComparedMap = NonNullable<PlannerInternals['compareMaps']>['left'];
  const sideHook = (internals: PlannerInternals, side: ComparedMap): SideTestHook => {
    const { store } = internals;
    const { map } = side.map;
    return {
      scenarioId: () => side.scenarioId(),
      renderedFeatureCount: (layerId) => side.map.renderedFeatureCount(layerId),
      drawnPlotDots: () => drawnPlotDots(map, store.getState().analysis?.rows ?? [], store.getState().town),
      plotDotColours: (indices, radiusPx) =>
        plotDotColours(map, store.getState().analysis?.rows ?? [], store.getState().town, indices, radiusPx),
      whenIdle: () => side.map.whenIdle(),
      camera: () => {
        const center = map.getCenter();
        return {
          center: [center.lng, center.lat],
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        };
      },
    };
  };

  // One hook per map (or pair of maps), so that a reader sees the same object until the map changes.
  const hooks = new WeakMap<object, PlannerTestHook | CompareTestHook>();
  const cached = <T extends PlannerTestHook | CompareTestHook>(key: object, make: () => T): T => {
    const hook = hooks.get(key) ?? make();
    hooks.set(key, hook);
    return hook as T;
  };
  Object.defineProperty(window, '__planner', {
    configurable: true,
    get: () => {
      const internals = window.__plannerInternals;
      const controller = internals?.mainMap;
      return internals && controller ? cached(controller, () => mainHook(internals, controller)) : undefined;
    },
  });
  Object.defineProperty(window, '__compare', {
    configurable: true,
    get: () => {
      const internals = window.__plannerInternals;
      const maps = internals?.compareMaps;
      return internals && maps
        ? cached(maps, () => ({
            left: sideHook(internals, maps.left),
            right: sideHook(internals, maps.right),
          }))
        : undefined;
    },
  });
}

/** The hook as a script for `addInitScript`. */
export function plannerHookScript(): string {
  const palette: Palette = { order: STATUS_ORDER, colors: STATUS_COLORS };
  // tsx (which runs the benches) wraps named inner functions in a helper, `__name`, that the page
  // does not have: the script brings a stand-in.
  return `(() => {\n  const __name = (target) => target;\n  (${installPlannerHook.toString()})(${JSON.stringify(palette)});\n})();`;
}

/**
 * Installs the hook in every context `browser` makes (also through `browser.newPage`), before any
 * page script runs.
 */
export function withPlannerHook(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await context.addInitScript({ content: plannerHookScript() });
    return context;
  };
  return browser;
}
