/**
 * The names the map's style gives its sources, layers, pattern image and label font: the ids the
 * controllers, the legend and the tests refer to.
 */

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
  /** The plots crossing a control line, ringed at county scale (vector tiles, layer `markers`). */
  plotMarkers: 'plot-markers',
  zones: 'zones',
  /** Comment (批注) pins (src/map/comment-pins.ts). */
  commentPins: 'comment-pins',
} as const;

/** The GeoJSON sources the plan fills (empty in a new style): every map's controller sets them. */
export const PLAN_GEOJSON_SOURCES = [
  SOURCE.boundary,
  SOURCE.control,
  SOURCE.plotPoints,
  SOURCE.plotShapes,
  SOURCE.zones,
  SOURCE.commentPins,
] as const;

/** The source layers of the plots' vector tiles (src/worker/plot-tiles.ts): polygons, markers. */
export const PLOT_SOURCE_LAYER = { plots: 'plots', markers: 'markers' } as const;

/** Layer ids that other modules (tests, the legend) refer to. */
export const LAYER = {
  plotsFill: 'plots-fill',
  plotsOutline: 'plots-outline',
  plotMarkers: 'plot-markers',
  plotSelected: 'plot-selected',
  plotAction: 'plot-action',
  plotSuggested: 'plot-suggested',
  plotRaster: 'plots-raster',
  plotDotsPicked: 'plot-dots-picked',
  plotDotSelected: 'plot-dot-selected',
  plotPicked: 'plot-picked',
  zonesFill: 'zones-fill',
  zonesLine: 'zones-line',
  zoneLabels: 'zone-labels',
  plotSelectedHalo: 'plot-selected-halo',
  townLabels: 'town-labels',
  commentPins: 'comment-pins',
  commentPinNumbers: 'comment-pin-numbers',
  cixiHalo: 'cixi-halo',
  cixiOutline: 'cixi-outline',
  boundaryFill: 'boundary-fill',
  boundaryLine: 'boundary-line',
  controlFill: 'control-fill',
  controlLine: 'control-line',
} as const;

/** The pattern image the control zones are hatched with (added by the controller). */
export const CONTROL_HATCH_IMAGE = 'control-hatch';
