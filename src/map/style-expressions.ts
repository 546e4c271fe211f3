/**
 * The MapLibre expressions and filters the layers share: colours by a plot's status or action and by
 * a zone's verdict, taken from the palette, and the filters that pick plots by role or town.
 */

import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { PLOT_ACTIONS } from '../core/catalogue/action-catalogue.ts';
import { ACTION_COLORS, STATUS_COLORS, STATUS_ORDER, UNCLASSIFIED_COLOR, ZONE_COLORS } from './palette.ts';

/**
 * A `match` expression: the colour of the first case whose value `input` equals, else `fallback`.
 * (MapLibre's type for `match` spells out its first case, so a list built from a record needs a cast.)
 */
function matchColor(
  input: ExpressionSpecification,
  cases: readonly (readonly [string, string])[],
  fallback: string,
): ExpressionSpecification {
  return ['match', input, ...cases.flat(), fallback] as unknown as ExpressionSpecification;
}

/** `fill-color` by the `status` property the controller writes on each plot; grey when unclassified. */
export function statusColorExpression(): ExpressionSpecification {
  const cases = STATUS_ORDER.map((status) => [status, STATUS_COLORS[status]] as const);
  return matchColor(['get', 'status'], cases, UNCLASSIFIED_COLOR);
}

/** A plot's action colour from its feature state `action`; transparent when kept. */
export function actionColorExpression(): ExpressionSpecification {
  const cases = PLOT_ACTIONS.filter((action) => action !== 'keep').map(
    (action) => [action, ACTION_COLORS[action]] as const,
  );
  return matchColor(['coalesce', ['feature-state', 'action'], 'keep'], cases, ACTION_COLORS.keep);
}

/** Zone colour by the `r2` property (ok / warning / violation). */
export function zoneColorExpression(): ExpressionSpecification {
  return matchColor(
    ['get', 'r2'],
    [
      ['violation', ZONE_COLORS.violation],
      ['warning', ZONE_COLORS.warning],
    ],
    ZONE_COLORS.ok,
  );
}

/** The filter of the selection layers when no plot is selected. */
export const NOTHING_SELECTED: FilterSpecification = ['==', ['get', 'index'], -1];

/** The selected plot in the plot-points and plot-shapes sources (see plotPoints, plotShapes). */
export const SELECTED_ROLE: FilterSpecification = ['==', ['get', 'role'], 'selected'];
/** The picked plots in the plot-points and plot-shapes sources. */
export const PICKED_ROLE: FilterSpecification = ['==', ['get', 'role'], 'picked'];

/** The features of one town (by their `town` property). */
export function townFilter(town: string): FilterSpecification {
  return ['==', ['get', 'town'], town];
}
