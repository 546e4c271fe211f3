/**
 * The map's style, as pure functions returning MapLibre specs. No `glyphs` URL and no tiles: labels
 * are drawn from the bundled woff2 declared in `font-faces`, and every source is inline GeoJSON, so
 * the map makes no request except for that font file on the app's own origin.
 */

import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { PlotAction } from '../core/scenario/types.ts';
import type { FeatureCollection, PlotStatus } from '../core/types.ts';

/** The `text-font` name the bundled font is declared under. */
export const LABEL_FONT = 'Noto Sans SC Medium';

/** Source ids. */
export const SOURCE = {
  land: 'land',
  counties: 'counties',
  seaMask: 'sea-mask',
  towns: 'towns',
  boundary: 'boundary',
  control: 'control',
  plots: 'plots',
  /** County-scale raster tiles of the plots (below POLYGONS_FROM_ZOOM). */
  plotRaster: 'plot-raster',
  /** The selected and picked plots' centres, for the county view (a few features). */
  plotPoints: 'plot-points',
  /** The selected and picked plots' polygons, drawn over the polygon tiles (a few features). */
  plotShapes: 'plot-shapes',
  plotMarkers: 'plot-markers',
  zones: 'zones',
} as const;

/** The GeoJSON sources the plan fills (empty in a new style): every map's controller sets them. */
export const PLAN_GEOJSON_SOURCES = [
  SOURCE.boundary,
  SOURCE.control,
  SOURCE.plotMarkers,
  SOURCE.plotPoints,
  SOURCE.plotShapes,
  SOURCE.zones,
] as const;

/** The source layer of the plot polygons' vector tiles (src/worker/plot-tiles.ts). */
export const PLOT_SOURCE_LAYER = { plots: 'plots' } as const;

/**
 * The tile URL of the plot polygons: tiles cut by the plot tile worker from the analysis published
 * as `version` (0: none yet, every tile empty), served through the `plots://` protocol.
 */
export function plotTileUrl(version: number): string {
  return `plots://${version}/${PLOT_SOURCE_LAYER.plots}/{z}/{x}/{y}`;
}

/**
 * The tile URL of the county-scale raster: tiles painted by the plot tile worker from the analysis
 * published as `version` for the map with raster key `key` (see plot-raster.ts); a new `revision`
 * makes MapLibre fetch them again. On a screen of more than one pixel per CSS pixel MapLibre asks
 * for `@2x` tiles (`{ratio}`), painted at twice the size.
 */
export function plotRasterUrl(version: number, key: number, revision: number): string {
  return `plots://${version}/raster/${key}/${revision}/{z}/{x}/{y}{ratio}`;
}

/** Layer ids that other modules (tests, the legend) refer to. */
export const LAYER = {
  plotsFill: 'plots-fill',
  plotsOutline: 'plots-outline',
  plotMarkers: 'plot-markers',
  plotSelected: 'plot-selected',
  plotAction: 'plot-action',
  plotRaster: 'plots-raster',
  plotDotsPicked: 'plot-dots-picked',
  plotDotSelected: 'plot-dot-selected',
  plotPicked: 'plot-picked',
  zonesFill: 'zones-fill',
  zonesLine: 'zones-line',
  zoneLabels: 'zone-labels',
  plotSelectedHalo: 'plot-selected-halo',
  townLabels: 'town-labels',
  cixiOutline: 'cixi-outline',
  boundaryLine: 'boundary-line',
  controlFill: 'control-fill',
  controlLine: 'control-line',
} as const;

/** The pattern image the control zones are hatched with (added by the controller). */
export const CONTROL_HATCH_IMAGE = 'control-hatch';

export const COLORS = {
  sea: '#a9cbe3',
  land: '#ebe8e1',
  neighbourCounty: '#d9d6cf',
  cixi: '#fbf9f3',
  countyLine: '#8c8a85',
  cixiLine: '#3b2f63',
  cixiHalo: '#ffffff',
  boundaryLine: '#262626',
  controlLine: '#7b2d8e',
  plotOutline: '#1e1e1e',
  labelText: '#1a1a1a',
  labelHalo: '#ffffff',
  selection: '#00a3ff',
} as const;

/**
 * Plot colours by status: green and blue for plots that are where they should be, orange and red
 * for the ones the policy acts on, so that crossing and outside plots stand out.
 */
export const STATUS_COLORS: Readonly<Record<PlotStatus, string>> = {
  control: '#1f9e3a',
  boundary: '#1f64d6',
  crossing: '#ff8a00',
  outside: '#e3001b',
};

/** Plots the overlay could not classify (bad geometry): grey. */
export const UNCLASSIFIED_COLOR = '#808080';

/** Statuses whose plots are also ringed, so that they stand out at county scale. */
export const MARKED_STATUSES: readonly PlotStatus[] = ['crossing'];

/** The statuses in legend order. */
export const STATUS_ORDER: readonly PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];

/** What a GeoJSON source holds. */
export type SourceData = GeoJSONSourceSpecification['data'];

const EMPTY: SourceData = { type: 'FeatureCollection', features: [] };

/** Our core's FeatureCollection as MapLibre's GeoJSON type (the two describe the same JSON). */
export function asSourceData(collection: FeatureCollection<unknown, unknown> | null | undefined): SourceData {
  return (collection ?? EMPTY) as SourceData;
}

function geojsonSource(data: SourceData = EMPTY): GeoJSONSourceSpecification {
  // tolerance 0.2 (default 0.375) keeps small plots' corners at county zoom.
  return { type: 'geojson', data, tolerance: 0.2 };
}

export interface BasemapData {
  land: SourceData;
  counties: SourceData;
  seaMask: SourceData;
  towns: SourceData;
}

/** Sea, land, counties (neighbours grey, Cixi light) and the county lines. */
export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
    { id: 'land', type: 'fill', source: SOURCE.land, paint: { 'fill-color': COLORS.land } },
    {
      id: 'counties-fill',
      type: 'fill',
      source: SOURCE.counties,
      paint: {
        'fill-color': ['case', ['==', ['get', 'isCixi'], true], COLORS.cixi, COLORS.neighbourCounty],
      },
    },
    // County polygons reach into Hangzhou Bay (tidal flats): the mask paints the sea back over them.
    { id: 'sea-mask', type: 'fill', source: SOURCE.seaMask, paint: { 'fill-color': COLORS.sea } },
    {
      id: 'county-lines',
      type: 'line',
      source: SOURCE.counties,
      filter: ['!=', ['get', 'isCixi'], true],
      paint: { 'line-color': COLORS.countyLine, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
  ];
}

/** The Cixi outline, drawn above the plan layers with a white halo so that it reads on any fill. */
export function cixiOutlineLayers(): LayerSpecification[] {
  const isCixi: ExpressionSpecification = ['==', ['get', 'isCixi'], true];
  return [
    {
      id: 'cixi-halo',
      type: 'line',
      source: SOURCE.counties,
      filter: isCixi,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.cixiHalo, 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: LAYER.cixiOutline,
      type: 'line',
      source: SOURCE.counties,
      filter: isCixi,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.cixiLine, 'line-width': 3.5 },
    },
  ];
}

/**
 * Action colours (a plot's outline, from its feature state `action`): the fill keeps the baseline
 * status colour, so both read at once.
 */
export const ACTION_COLORS: Readonly<Record<Exclude<PlotAction, 'keep'>, string>> = {
  upgrade: '#00b3b3',
  acquire: '#7a3cff',
  vacate: '#111111',
  relocate: '#ff3da5',
};

/** Receiving zones by their R2 verdict. */
export const ZONE_COLORS = { ok: '#0a8f6a', warning: '#e0a000', violation: '#d7001b' } as const;

/**
 * Below this zoom plots are drawn as dots (one per plot, painted into raster tiles by the plot tile
 * worker) instead of polygons: at county scale a plot is a pixel or two, and tiling and drawing
 * 100,000 polygons, or even 100,000 circles, costs a software GL seconds for the same picture. The
 * polygon source has no tiles below this zoom.
 */
export const POLYGONS_FROM_ZOOM = 11;

/**
 * The raster tiles' last zoom: the last before the polygons take over (MapLibre rounds the zoom for
 * raster tiles, so z11 tiles serve from 10.5 to 11, where z10 tiles scaled up made the dots soft).
 */
export const RASTER_MAX_TILE_ZOOM = POLYGONS_FROM_ZOOM;

/** The polygons' tiles stop at this zoom (about 0.15 m per tile unit), scaled up beyond. */
export const POLYGONS_MAX_TILE_ZOOM = 15;

/** The filter of the selection layers when no plot is selected. */
export const NOTHING_SELECTED: FilterSpecification = ['==', ['get', 'index'], -1];

/** The selected plot in the plot-points and plot-shapes sources (see plotPoints, plotShapes). */
export const SELECTED_ROLE: FilterSpecification = ['==', ['get', 'role'], 'selected'];
/** The picked plots in the plot-points and plot-shapes sources. */
export const PICKED_ROLE: FilterSpecification = ['==', ['get', 'role'], 'picked'];

/**
 * The plot layers a chosen town filters. The outline and the action outline keep one filter so
 * that they keep sharing their vertices (see the action layer).
 */
export const TOWN_FILTERED_LAYERS = [
  LAYER.plotsFill,
  LAYER.plotsOutline,
  LAYER.plotAction,
  LAYER.plotMarkers,
] as const;

/** Layers drawn from each plan layer, for the layer switches. */
export const LAYERS_OF = {
  boundary: ['boundary-fill', LAYER.boundaryLine],
  control: [LAYER.controlFill, LAYER.controlLine],
  plots: [
    LAYER.plotRaster,
    LAYER.plotDotsPicked,
    LAYER.plotDotSelected,
    LAYER.plotsFill,
    LAYER.plotsOutline,
    LAYER.plotMarkers,
    LAYER.plotAction,
    LAYER.plotPicked,
    LAYER.plotSelectedHalo,
    LAYER.plotSelected,
  ],
} as const;

/** Development boundary (dashed dark line), control zones (hatched, solid edge), plots by status. */
export function planLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.controlFill,
      type: 'fill',
      source: SOURCE.control,
      paint: { 'fill-pattern': CONTROL_HATCH_IMAGE },
    },
    {
      id: 'boundary-fill',
      type: 'fill',
      source: SOURCE.boundary,
      paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.35 },
    },
    {
      id: LAYER.boundaryLine,
      type: 'line',
      source: SOURCE.boundary,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLORS.boundaryLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5],
        'line-dasharray': [4, 2],
      },
    },
    {
      id: LAYER.controlLine,
      type: 'line',
      source: SOURCE.control,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLORS.controlLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5],
      },
    },
    {
      id: LAYER.plotsFill,
      type: 'fill',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      paint: { 'fill-color': statusColorExpression(), 'fill-opacity': 0.9 },
    },
    {
      id: LAYER.plotsOutline,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      paint: {
        'line-color': COLORS.plotOutline,
        // At county scale a plot is a few pixels wide: a full outline would turn it black.
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.2, 13, 0.6, 16, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.35, 13, 0.8],
      },
    },
    {
      id: LAYER.plotAction,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      // No layout of its own: with the outline's source, zooms, filter and layout, MapLibre builds
      // one set of line vertices for both layers instead of two (at zoom 12 that is some 50,000
      // plots' worth of uploads fewer). Mitred corners are as crisp on these rectangles.
      paint: {
        'line-color': actionColorExpression(),
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3.5],
      },
    },
    {
      // The county view: one dot per plot in its status colour, ringed in its action colour.
      id: LAYER.plotRaster,
      type: 'raster',
      source: SOURCE.plotRaster,
      maxzoom: POLYGONS_FROM_ZOOM,
      paint: { 'raster-fade-duration': 0 },
    },
    {
      id: LAYER.plotDotsPicked,
      type: 'circle',
      source: SOURCE.plotPoints,
      maxzoom: POLYGONS_FROM_ZOOM,
      filter: PICKED_ROLE,
      paint: { 'circle-radius': 4, 'circle-color': COLORS.selection, 'circle-opacity': 0.8 },
    },
    {
      id: LAYER.plotPicked,
      type: 'fill',
      source: SOURCE.plotShapes,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: PICKED_ROLE,
      paint: { 'fill-color': COLORS.selection, 'fill-opacity': 0.55 },
    },
    {
      id: LAYER.zonesFill,
      type: 'fill',
      source: SOURCE.zones,
      paint: { 'fill-color': zoneColorExpression(), 'fill-opacity': 0.25 },
    },
    {
      id: LAYER.zonesLine,
      type: 'line',
      source: SOURCE.zones,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': zoneColorExpression(), 'line-width': 3, 'line-dasharray': [3, 1.5] },
    },
    {
      id: LAYER.plotSelectedHalo,
      type: 'line',
      source: SOURCE.plotShapes,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: SELECTED_ROLE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 },
    },
    {
      id: LAYER.plotSelected,
      type: 'line',
      source: SOURCE.plotShapes,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: SELECTED_ROLE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.selection, 'line-width': 3.5 },
    },
    {
      // At county scale (no polygon tiles) the selected plot is ringed on its dot.
      id: LAYER.plotDotSelected,
      type: 'circle',
      source: SOURCE.plotPoints,
      maxzoom: POLYGONS_FROM_ZOOM,
      filter: SELECTED_ROLE,
      paint: {
        'circle-radius': 6,
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-color': COLORS.selection,
        'circle-stroke-width': 3,
      },
    },
    {
      id: LAYER.plotMarkers,
      type: 'circle',
      source: SOURCE.plotMarkers,
      maxzoom: 14,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 7, 13, 12],
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-color': statusColorExpression(),
        'circle-stroke-width': 3,
        'circle-opacity': 0,
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 1, 14, 0],
      },
    },
  ];
}

/** Town names from towns.geojson, in the bundled font. */
export function labelLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.zoneLabels,
      type: 'symbol',
      source: SOURCE.zones,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 15,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#0b3d2e', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      id: LAYER.townLabels,
      type: 'symbol',
      source: SOURCE.towns,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 13, 11, 16, 14, 20],
        'text-padding': 4,
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': COLORS.labelText,
        'text-halo-color': COLORS.labelHalo,
        'text-halo-width': 2,
        'text-halo-blur': 0.5,
      },
    },
  ];
}

/** A plot's action colour from its feature state `action`; transparent when kept. */
export function actionColorExpression(): ExpressionSpecification {
  return [
    'match',
    ['coalesce', ['feature-state', 'action'], 'keep'],
    'upgrade',
    ACTION_COLORS.upgrade,
    'acquire',
    ACTION_COLORS.acquire,
    'vacate',
    ACTION_COLORS.vacate,
    'relocate',
    ACTION_COLORS.relocate,
    'rgba(0, 0, 0, 0)',
  ];
}

/** Zone colour by the `r2` property (ok / warning / violation). */
export function zoneColorExpression(): ExpressionSpecification {
  return [
    'match',
    ['get', 'r2'],
    'violation',
    ZONE_COLORS.violation,
    'warning',
    ZONE_COLORS.warning,
    ZONE_COLORS.ok,
  ];
}

/** `fill-color` by the `status` property the controller writes on each plot. */
export function statusColorExpression(): ExpressionSpecification {
  return [
    'match',
    ['get', 'status'],
    'control',
    STATUS_COLORS.control,
    'boundary',
    STATUS_COLORS.boundary,
    'crossing',
    STATUS_COLORS.crossing,
    'outside',
    STATUS_COLORS.outside,
    UNCLASSIFIED_COLOR,
  ];
}

/**
 * The whole style: base map sources filled in, plan sources empty until the controller pushes data.
 * @param fontUrl absolute URL of the bundled woff2 (same origin as the page)
 */
/**
 * @param plotTiles the version of the plot tiles to draw (0: no plots yet). A map made while plots
 *   are shown starts on their tiles: changing a vector source's tiles while the map is still loading
 *   its style can leave it on the first ones.
 * @param rasterUrl the county-scale raster's tile URL (plotRasterUrl, with the map's raster key)
 */
export function buildStyle(
  basemap: BasemapData,
  fontUrl: string,
  plotTiles = 0,
  rasterUrl = plotRasterUrl(0, 0, 0),
): StyleSpecification {
  return {
    version: 8,
    name: 'cixi-planner',
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      [SOURCE.land]: geojsonSource(basemap.land),
      [SOURCE.counties]: geojsonSource(basemap.counties),
      [SOURCE.seaMask]: geojsonSource(basemap.seaMask),
      [SOURCE.towns]: geojsonSource(basemap.towns),
      [SOURCE.boundary]: geojsonSource(),
      [SOURCE.control]: geojsonSource(),
      // Vector tiles cut by our own worker: a GeoJSON source would copy 100,000 plots through the
      // page's thread (MapLibre 6 sends data loaded from a URL back to the page for getData()).
      [SOURCE.plots]: {
        type: 'vector',
        tiles: [plotTileUrl(plotTiles)],
        minzoom: POLYGONS_FROM_ZOOM,
        maxzoom: POLYGONS_MAX_TILE_ZOOM,
      },
      // Painted by our own worker: 100,000 circles would cost a software GL seconds per frame.
      [SOURCE.plotRaster]: {
        type: 'raster',
        tiles: [rasterUrl],
        tileSize: 512,
        maxzoom: RASTER_MAX_TILE_ZOOM,
      },
      [SOURCE.plotPoints]: geojsonSource(),
      [SOURCE.plotShapes]: geojsonSource(),
      [SOURCE.plotMarkers]: geojsonSource(),
      [SOURCE.zones]: geojsonSource(),
    },
    layers: [...basemapLayers(), ...planLayers(), ...cixiOutlineLayers(), ...labelLayers()],
  };
}

/**
 * A diagonal hatch as RGBA pixels for `map.addImage`: lines of `color` on transparent.
 * @param sizePx side of the square tile in image pixels
 * @param rgba line colour, each channel 0…255
 * @param lineWidthPx line width in image pixels
 */
export function hatchPattern(
  sizePx: number,
  rgba: readonly [number, number, number, number],
  lineWidthPx: number,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(sizePx * sizePx * 4);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      // Distance to the nearest "/" diagonal, wrapping so that tiles join seamlessly.
      const d = (x + y) % sizePx;
      const distance = Math.min(d, sizePx - d);
      if (distance >= lineWidthPx / 2 + 0.5) continue;
      const coverage = Math.min(1, lineWidthPx / 2 + 0.5 - distance);
      const offset = (y * sizePx + x) * 4;
      data[offset] = rgba[0];
      data[offset + 1] = rgba[1];
      data[offset + 2] = rgba[2];
      data[offset + 3] = Math.round(rgba[3] * coverage);
    }
  }
  return { width: sizePx, height: sizePx, data };
}
