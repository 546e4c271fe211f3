/**
 * The sample plan, bundled into the app (Vite `?raw` imports of data/sample/) and loaded as a chunk
 * of its own. Its layers are marked as sample data, so that every surface says 示例数据（虚构） while
 * any of them is in the plan (src/state/select-sample-data.ts).
 */

import boundaryText from '../../data/sample/boundary.geojson?raw';
import controlText from '../../data/sample/control.geojson?raw';
import plotsText from '../../data/sample/plots.geojson?raw';
import { sampleOrigins } from '../core/plan/layer-origins.ts';
import type { FeatureCollection } from '../core/types.ts';
import type { OpenedLayers } from '../state/planner-state.ts';

/** The three layers of the sample plan, each marked as sample data. */
export function loadSamplePlan(): OpenedLayers {
  return {
    boundary: JSON.parse(boundaryText) as FeatureCollection,
    control: JSON.parse(controlText) as FeatureCollection,
    plots: JSON.parse(plotsText) as FeatureCollection,
    origins: sampleOrigins(),
  };
}
