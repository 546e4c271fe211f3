/**
 * The plan file (`*.plan.json`, docs/plan-file.md, docs/plan.schema.json): layers, scenarios and
 * settings in one versioned JSON document, and how it is written. parsePlanFile
 * (parse-plan-file.ts) reads it back: parse(serialize(plan)) gives back an equal plan.
 */

import type { PlanLayerSet } from '../analysis/analyze-plan.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { AnalysisSettings } from '../settings.ts';
import type { PlanningSettings } from '../suggest/suggest-settings.ts';
import type { DerivedFrom } from './derived-from.ts';
import type { LayerOrigins } from './layer-origins.ts';
import { orderedComment, type PlanComment } from './plan-comments.ts';
import type { PlanSuggestion } from './plan-suggestions.ts';
import { CONTEXT_LAYER_KEYS, type ContextLayer } from './read-context-layers.ts';
import type { Slide } from './slides.ts';

export const PLAN_FORMAT = 'industrial-land-plan';
/** The version this app writes; it reads this one and every older one. */
export const PLAN_VERSION = 3;
/** The suffix of plan files. */
export const PLAN_FILE_SUFFIX = '.plan.json';

/** The map view saved with the plan. */
export interface PlanView {
  /** [longitude, latitude], WGS84 degrees. */
  center: [number, number];
  zoom: number;
}

/** The settings of a plan: the analysis's (version 1) and, from version 2, the horizon, targets and suggestion settings. */
export interface PlanSettings extends AnalysisSettings, PlanningSettings {}

export interface PlanFile {
  format: typeof PLAN_FORMAT;
  version: typeof PLAN_VERSION;
  name: string;
  /** ISO 8601 date-time, e.g. 2024-05-01T08:00:00.000Z. */
  createdAt: string;
  settings: PlanSettings;
  /** GeoJSON FeatureCollections in WGS84 longitude/latitude (RFC 7946). */
  layers: PlanLayerSet;
  scenarios: Scenario[];
  /** Id of the scenario being edited; '' when there are none. */
  activeScenarioId: string;
  view?: PlanView;
  /** Prepared views for briefing mode, in the order they are shown (slides.ts). */
  slides?: Slide[];
  /** Context layers drawn under the plan, never analysed (read-context-layers.ts); absent: none. */
  contextLayers?: ContextLayer[];
  /** Where each layer came from (layer-origins.ts); absent: not recorded. */
  layerOrigins?: LayerOrigins;
  /** Comments pinned to plots, zones, towns and scenarios (plan-comments.ts; version 3); [] when none. */
  comments: PlanComment[];
  /** For a town's part of a city plan: where it came from (derived-from.ts; version 3); absent otherwise. */
  derivedFrom?: DerivedFrom;
  /** Accepted plan suggestions by the id of the scenario made of each (plan-suggestions.ts); absent: none. */
  suggestions?: Record<string, PlanSuggestion>;
}

/** The members of a plan file in the order they are written. */
export const PLAN_KEYS = [
  'format',
  'version',
  'name',
  'createdAt',
  'settings',
  'layers',
  'scenarios',
  'activeScenarioId',
  'view',
  'slides',
  'contextLayers',
  'layerOrigins',
  'comments',
  'derivedFrom',
  'suggestions',
] as const;

/** JSON of one value, indented by `indent` spaces after the first line. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** A FeatureCollection with each feature on a line of its own, indented by `indent`. */
function featureLines(features: readonly unknown[], indent: string): string {
  if (features.length === 0) return '[]';
  return `[\n${features.map((feature) => `${indent}  ${JSON.stringify(feature)}`).join(',\n')}\n${indent}]`;
}

/** The context layers, their features one a line like the plan's layers. */
function contextLayersMember(layers: readonly ContextLayer[]): string {
  const entries = layers.map((layer) => {
    const members = CONTEXT_LAYER_KEYS.filter((key) => key !== 'data').map(
      (key) => `      ${JSON.stringify(key)}: ${JSON.stringify(layer[key])}`,
    );
    members.push(
      `      "data": {\n        "type": "FeatureCollection",\n        "features": ${featureLines(layer.data.features, '        ')}\n      }`,
    );
    return `    {\n${members.join(',\n')}\n    }`;
  });
  return entries.length > 0 ? `[\n${entries.join(',\n')}\n  ]` : '[]';
}

/**
 * Writes a plan file: readable members indented, each layer feature on a line of its own (so a
 * diff of two versions shows the features that changed, and the file stays compact).
 * @returns UTF-8 JSON text ending in a newline
 */
export function serializePlan(plan: PlanFile): string {
  const members: string[] = [];
  for (const key of PLAN_KEYS) {
    const value = plan[key];
    if (value === undefined) continue;
    if (key === 'layers') {
      const layers = (['boundary', 'control', 'plots'] as const).map((name) => {
        const features = plan.layers[name].features.map((feature) => `        ${JSON.stringify(feature)}`);
        const list = features.length > 0 ? `[\n${features.join(',\n')}\n      ]` : '[]';
        return `    "${name}": {\n      "type": "FeatureCollection",\n      "features": ${list}\n    }`;
      });
      members.push(`  "layers": {\n${layers.join(',\n')}\n  }`);
    } else if (key === 'contextLayers')
      members.push(`  "contextLayers": ${contextLayersMember(plan.contextLayers ?? [])}`);
    else if (key === 'comments')
      members.push(`  "comments": ${indented(plan.comments.map(orderedComment), '  ')}`);
    else members.push(`  ${JSON.stringify(key)}: ${indented(value, '  ')}`);
  }
  return `{\n${members.join(',\n')}\n}\n`;
}
