import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import './ui/results.css';
import './ui/scenario.css';
import './ui/export.css';
import './ui/compare.css';
import './ui/briefing.css';
import './ui/checks.css';
import './ui/suggest.css';
import { setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 starts its worker from this URL; without it the built app shows an empty map.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAutosave } from './services/autosave.ts';
import { installBaseMapCsp, startBaseMap, storedBaseMapSetting } from './services/base-map.ts';
import { restoreAndSaveContextLayers } from './services/context-autosave.ts';
import { openStartPlan } from './services/open-start-plan.ts';
import { watchPlanChecks, watchZoneMeasures } from './services/plan-jobs.ts';
import { exposePlannerInternals } from './services/planner-internals.ts';
import { startPlotsProtocol } from './services/plots-protocol.ts';
import { captureAppShell } from './services/review-bundle-export.ts';
import { keepReviewComments } from './services/review-comments.ts';
import { embeddedReviewPlan } from './services/review-plan.ts';
import { plannerStore } from './state/store.ts';
import { App } from './ui/App.tsx';

// First of all, the page as parsed (a review bundle is made of it when it is the single file), and
// whether it is a review bundle: then it shows the bundle's plan, saves nothing over the planner's
// own, and draws no named base map (a reviewer's machine has no network).
captureAppShell();
const review = embeddedReviewPlan();
// Before any request: the page's policy admits the named base map's origin, or none beyond its own
// (services/base-map.ts, docs/base-map.md).
const baseMapSetting = review ? null : storedBaseMapSetting();
installBaseMapCsp(baseMapSetting);
setWorkerUrl(workerUrl);
// Before any map exists: the maps ask the plot tile worker for their plot tiles through plots://.
startPlotsProtocol();
// The store and, while they exist, the maps on window.__plannerInternals (for the tests' hook).
exposePlannerInternals(plannerStore);

// Chromium keeps text laid out while a web font is still loading in the fallback font, which without
// a Chinese system font is a row of boxes: load the bundled font (app.css) before the first render.
// MapLibre downloads the same file for the map labels anyway. Give up after 3 s rather than hang.
await Promise.race([
  document.fonts.load('16px "Planner Noto Sans SC"', '工').catch(() => []),
  new Promise((resolve) => window.setTimeout(resolve, 3000)),
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The header and the base map show while the plan loads and its plots are classified; the autosave
// starts once the plan is there, so that it never overwrites a plan about to be restored.
openStartPlan(plannerStore, review).then(() => {
  // A reviewer's comments are kept in this browser under the bundle's plan.
  if (review) return keepReviewComments(plannerStore);
  startAutosave(plannerStore);
  restoreAndSaveContextLayers(plannerStore);
});
// The base map the planner named, if any (a local file is read from the browser's storage).
startBaseMap(plannerStore, baseMapSetting);
// The receiving zones of every scenario are measured in the worker whenever they change.
watchZoneMeasures(plannerStore);
// The plan's plausibility checks (the table's filters) after each analysis.
watchPlanChecks(plannerStore);
