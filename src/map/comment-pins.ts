/**
 * Comment (批注) pins on the map: a numbered circle at each comment's plot, zone or town (where
 * state/select-comment-pins.ts puts it, written by map-syncs' commentPinsSync), above the plan's
 * layers and labels; resolved ones grey.
 */

import type { LayerSpecification } from 'maplibre-gl';
import { COMMENT_PIN_COLORS } from './palette.ts';
import { LABEL_FONT, LAYER, SOURCE } from './style-ids.ts';

/** The pins' layers: a circle and the comment's number in it. */
export function commentPinLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.commentPins,
      type: 'circle',
      source: SOURCE.commentPins,
      paint: {
        'circle-radius': 11,
        'circle-color': [
          'match',
          ['get', 'status'],
          'resolved',
          COMMENT_PIN_COLORS.resolved,
          COMMENT_PIN_COLORS.open,
        ],
        'circle-stroke-color': COMMENT_PIN_COLORS.ring,
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.commentPinNumbers,
      type: 'symbol',
      source: SOURCE.commentPins,
      layout: {
        'text-field': ['to-string', ['get', 'number']],
        'text-font': [LABEL_FONT],
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': COMMENT_PIN_COLORS.text },
    },
  ];
}
