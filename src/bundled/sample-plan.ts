/**
 * The sample plan, bundled into the app (Vite `?raw` imports of data/sample/) and loaded as a chunk
 * of its own. It is labelled 示例数据（虚构）.
 */

import boundaryText from '../../data/sample/boundary.geojson?raw';
import controlText from '../../data/sample/control.geojson?raw';
import plotsText from '../../data/sample/plots.geojson?raw';
import type { FeatureCollection } from '../core/types.ts';
import type { OpenedLayers } from '../state/planner-state.ts';

type LabelledCollection = FeatureCollection & { label?: string };

/** The three layers of the sample plan. */
export function loadSamplePlan(): OpenedLayers {
  const plots = JSON.parse(plotsText) as LabelledCollection;
  return {
    boundary: JSON.parse(boundaryText) as FeatureCollection,
    control: JSON.parse(controlText) as FeatureCollection,
    plots,
    label: plots.label ?? null,
  };
}
