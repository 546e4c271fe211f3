/**
 * The plan's layers, as pure functions returning MapLibre layer specs: control zones, development
 * boundary, plots (polygons from zoom 11, raster dots below), receiving zones, and the selected and
 * picked plots from small sources of their own. Which layers a town filters and a switch hides.
 */

import type { LayerSpecification } from 'maplibre-gl';
import { PLAN_COLORS, SELECTION_COLORS, SUGGESTED_COLORS, TRANSPARENT } from './palette.ts';
import { POLYGONS_FROM_ZOOM } from './plot-tile-urls.ts';
import {
  actionColorExpression,
  PICKED_ROLE,
  SELECTED_ROLE,
  statusColorExpression,
  zoneColorExpression,
} from './style-expressions.ts';
import { CONTROL_HATCH_IMAGE, LAYER, PLOT_SOURCE_LAYER, SOURCE } from './style-ids.ts';

/** The plots' fill opacity (逐年推演 fades the plots given up by the year shown: map-syncs.ts). */
export const PLOT_FILL_OPACITY = 0.9;

/**
 * The plot layers a chosen town filters. The outline and the action outline keep one filter so
 * that they keep sharing their vertices (see the action layer).
 */
export const TOWN_FILTERED_LAYERS = [
  LAYER.plotsFill,
  LAYER.plotsOutline,
  LAYER.plotAction,
  LAYER.plotSuggested,
  LAYER.plotMarkers,
] as const;

/** Layers drawn from each plan layer, for the layer switches. */
export const LAYERS_OF = {
  boundary: [LAYER.boundaryFill, LAYER.boundaryLine],
  control: [LAYER.controlFill, LAYER.controlLine],
  plots: [
    LAYER.plotRaster,
    LAYER.plotDotsPicked,
    LAYER.plotDotSelected,
    LAYER.plotsFill,
    LAYER.plotsOutline,
    LAYER.plotMarkers,
    LAYER.plotAction,
    LAYER.plotSuggested,
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
      id: LAYER.boundaryFill,
      type: 'fill',
      source: SOURCE.boundary,
      paint: { 'fill-color': PLAN_COLORS.boundaryFill, 'fill-opacity': 0.35 },
    },
    {
      id: LAYER.boundaryLine,
      type: 'line',
      source: SOURCE.boundary,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PLAN_COLORS.boundaryLine,
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
        'line-color': PLAN_COLORS.controlLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5],
      },
    },
    {
      id: LAYER.plotsFill,
      type: 'fill',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      paint: { 'fill-color': statusColorExpression(), 'fill-opacity': PLOT_FILL_OPACITY },
    },
    {
      id: LAYER.plotsOutline,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      paint: {
        'line-color': PLAN_COLORS.plotOutline,
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
      // A plot whose action a plan suggestion set (feature state `suggested`): white dashes over
      // the action's outline. No layout of its own either: it shares the outline's vertices.
      id: LAYER.plotSuggested,
      type: 'line',
      source: SOURCE.plots,
      'source-layer': PLOT_SOURCE_LAYER.plots,
      minzoom: POLYGONS_FROM_ZOOM,
      paint: {
        'line-color': SUGGESTED_COLORS.dash,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 1.8],
        'line-dasharray': [2, 2],
        'line-opacity': ['case', ['boolean', ['feature-state', 'suggested'], false], 1, 0],
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
      paint: { 'circle-radius': 4, 'circle-color': SELECTION_COLORS.line, 'circle-opacity': 0.8 },
    },
    {
      id: LAYER.plotPicked,
      type: 'fill',
      source: SOURCE.plotShapes,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: PICKED_ROLE,
      paint: { 'fill-color': SELECTION_COLORS.line, 'fill-opacity': 0.55 },
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
      paint: { 'line-color': SELECTION_COLORS.halo, 'line-width': 7, 'line-opacity': 0.9 },
    },
    {
      id: LAYER.plotSelected,
      type: 'line',
      source: SOURCE.plotShapes,
      minzoom: POLYGONS_FROM_ZOOM,
      filter: SELECTED_ROLE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': SELECTION_COLORS.line, 'line-width': 3.5 },
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
        'circle-color': TRANSPARENT,
        'circle-stroke-color': SELECTION_COLORS.line,
        'circle-stroke-width': 3,
      },
    },
    {
      id: LAYER.plotMarkers,
      type: 'circle',
      source: SOURCE.plotMarkers,
      'source-layer': PLOT_SOURCE_LAYER.markers,
      maxzoom: 14,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 7, 13, 12],
        'circle-color': TRANSPARENT,
        'circle-stroke-color': statusColorExpression(),
        'circle-stroke-width': 3,
        'circle-opacity': 0,
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 12.5, 1, 14, 0],
      },
    },
  ];
}
