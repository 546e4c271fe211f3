/**
 * Every colour the map draws with, one record per concept, as CSS colours MapLibre and the page both
 * read. The legends, the briefing and the PNG export take their swatches from here, so a colour
 * changed here changes on every surface at once.
 */

import type { PlotAction } from '../core/catalogue/action-catalogue.ts';
import type { PlotStatus } from '../core/types.ts';

/** Fully transparent: what a kept plot is ringed with, and the inside of the ring layers. */
export const TRANSPARENT = 'rgba(0, 0, 0, 0)';

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

/** The statuses in legend order. */
export const STATUS_ORDER: readonly PlotStatus[] = ['control', 'boundary', 'crossing', 'outside'];

/**
 * Action colours by action code (a plot's outline, from its feature state `action`): the fill keeps
 * the baseline status colour, so both read at once. A kept plot is not ringed.
 */
export const ACTION_COLORS: Readonly<Record<PlotAction, string>> = {
  keep: TRANSPARENT,
  upgrade: '#00b3b3',
  acquire: '#7a3cff',
  vacate: '#111111',
  relocate: '#ff3da5',
};

/** Receiving zones by their R2 verdict. */
export const ZONE_COLORS = { ok: '#0a8f6a', warning: '#e0a000', violation: '#d7001b' } as const;

/** The base map: sea, land, the counties around Cixi and Cixi itself, with their lines. */
export const BASEMAP_COLORS = {
  sea: '#a9cbe3',
  land: '#ebe8e1',
  neighbourCounty: '#d9d6cf',
  cixi: '#fbf9f3',
  countyLine: '#8c8a85',
  cixiLine: '#3b2f63',
  cixiHalo: '#ffffff',
} as const;

/** The plan's layers other than the plots' status and action colours. */
export const PLAN_COLORS = {
  /** The development boundary's dashed line, and the white veil over the land inside it. */
  boundaryLine: '#262626',
  boundaryFill: '#ffffff',
  /** The control zones' edge and hatch. */
  controlLine: '#7b2d8e',
  plotOutline: '#1e1e1e',
} as const;

/** The control zones' hatch: lines of the control line's colour at this alpha (0…255). */
export const CONTROL_HATCH_ALPHA = 150;

/** Comment (批注) pins: open ones stand out (the review badge's purple), resolved ones grey. */
export const COMMENT_PIN_COLORS = {
  open: '#7b1fa2',
  resolved: '#8a8a8a',
  ring: '#ffffff',
  text: '#ffffff',
} as const;

/** Town and zone names. */
export const LABEL_COLORS = {
  townText: '#1a1a1a',
  zoneText: '#0b3d2e',
  halo: '#ffffff',
} as const;

/** The selected and picked plots. */
export const SELECTION_COLORS = {
  line: '#00a3ff',
  /** The white casing under the selected plot's outline. */
  halo: '#ffffff',
} as const;

/** Plots whose action a plan suggestion set: white dashes over the action's outline. */
export const SUGGESTED_COLORS = {
  dash: '#ffffff',
} as const;

/** The current slide's highlight: a colour no status, action or zone uses, on a dark casing. */
export const HIGHLIGHT_COLORS = {
  line: '#ffd400',
  casing: '#111111',
} as const;

/** A `#rrggbb` colour as red, green and blue, each 0…255. */
export function hexToRgb(hex: string): readonly [number, number, number] {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * Context layers (参考图层), given in turn: muted greys, browns and slate blues that no status,
 * action, zone or highlight uses, so that a road under the plots never reads as a plot colour.
 */
export const CONTEXT_COLORS: readonly string[] = [
  '#6e6a64',
  '#4f6d8a',
  '#8a6d4f',
  '#5e7d6a',
  '#7a6a86',
  '#8a8a8a',
];
