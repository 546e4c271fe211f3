/**
 * The page's jobs in the analysis worker: opening a plan, reading files, loading a layer. Each job
 * shows its progress in the store (state.job) and can be cancelled; the plan in the store changes
 * only when a job has finished, so a failed or cancelled import leaves everything as it was.
 */

import { loadCixiCheckReference } from '../bundled/cixi-check-reference.ts';
import type { PlanAnalysis } from '../core/analysis/analyze-plan.ts';
import { rowsOfColumns } from '../core/analysis/plot-row-columns.ts';
import { countFlags } from '../core/checks/plausibility-checks.ts';
import type { ColumnMapping } from '../core/io/column-mapping.ts';
import { type LayerOrigin, withOrigin } from '../core/plan/layer-origins.ts';
import { emptyPlotOutlines } from '../core/plot-outlines.ts';
import { createScenarioSet } from '../core/scenario/edits/apply-edit.ts';
import type { ReceivingZone } from '../core/scenario/scenario.ts';
import { zonesFromFeatures } from '../core/scenario/zones-from-features.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, LayerKind, Message } from '../core/types.ts';
import type { OpenedLayers, PlanLayers } from '../state/planner-state.ts';
import { DEFAULT_PLAN_NAME } from '../state/slices/plan-slice.ts';
import type { PlannerStore } from '../state/store.ts';
import type { AnalysisResult } from '../worker/analysis-api.ts';
import { type AnalysisClient, createAnalysisClient } from '../worker/analysis-client.ts';
import type { PickedFile } from '../worker/read-picked-files.ts';
import type { ImportKind, SourcePreview } from '../worker/source-preview.ts';
import { CancelledError, JobError } from '../worker/worker-api.ts';
import { publishPlotTiles } from './plots-protocol.ts';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
/** The layers of a new empty plan: nothing in them, so nothing of unknown origin either. */
const EMPTY_LAYERS: PlanLayers = {
  plots: emptyPlotOutlines(),
  boundary: EMPTY,
  control: EMPTY,
  origins: {},
} as unknown as PlanLayers;

let client: AnalysisClient | null = null;
let nextJobId = 1;
/** The key under which the worker saved the layers of the plan in the store (see AnalysisResult.layersKey). */
let currentLayersKey: string | null = null;
/** The settings the worker classified the plan with (a restarted worker is given them back). */
let currentSettings: AnalysisSettings = DEFAULT_SETTINGS;

function analysisClient(): AnalysisClient {
  client ??= createAnalysisClient(
    () => new Worker(new URL('../worker/analysis-worker.ts', import.meta.url), { type: 'module' }),
    () => (currentLayersKey === null ? null : { key: currentLayersKey, settings: currentSettings }),
  );
  return client;
}

/** Runs `work` as the store's current job; resolves undefined when cancelled or failed (a notice says why). */
/** Resolves once no job runs. */
function jobEnd(store: PlannerStore): Promise<void> {
  return new Promise((resolve) => {
    const stop = store.subscribe((state) => {
      if (state.job) return;
      stop();
      resolve();
    });
  });
}

async function runJob<T>(
  store: PlannerStore,
  label: Message,
  work: (client: AnalysisClient, onProgress: (progress: number, stage: Message) => void) => Promise<T>,
): Promise<T | undefined> {
  // The worker takes one call at a time: a job asked for while another runs (a file dropped while
  // the plan's checks run) waits for it to end, instead of failing with the worker's refusal.
  while (store.getState().job) await jobEnd(store);
  const id = nextJobId++;
  store.getState().setJob({ id, label, progress: 0 });
  try {
    return await work(analysisClient(), (progress, stage) => {
      if (store.getState().job?.id === id) store.getState().setJob({ id, label: stage, progress });
    });
  } catch (error) {
    if (error instanceof CancelledError) return undefined;
    const message =
      error instanceof JobError
        ? error.userMessage
        : {
            zh: `出错了：${(error as Error).message}`,
            en: `Something went wrong: ${(error as Error).message}`,
          };
    store.getState().setNotice({ kind: 'error', message });
    return undefined;
  } finally {
    if (store.getState().job?.id === id) store.getState().setJob(null);
  }
}

/** An analysed plan as the page keeps it: the worker's result with its rows read from their columns. */
type ReceivedResult = Omit<AnalysisResult, 'analysis'> & { analysis: PlanAnalysis };

/** `result` with its rows read from their columns (see plot-row-columns.ts: nothing is copied). */
function received(result: AnalysisResult): ReceivedResult {
  const rows = rowsOfColumns(result.analysis.rows, result.plotOutlines);
  return { ...result, analysis: { ...result.analysis, rows } };
}

/** Puts an analysed plan into the store: its plots as the outlines the worker sent. */
function commit(store: PlannerStore, layers: Omit<PlanLayers, 'plots'>, result: ReceivedResult): void {
  const tiles = publishPlotTiles(result.plotTiles);
  currentLayersKey = result.layersKey;
  currentSettings = result.analysis.settings;
  store.getState().openPlan({ ...layers, plots: result.plotOutlines }, result.analysis, { tiles });
}

/**
 * Analyses `layers` and opens them as the plan (the store keeps the plots' outlines, not their
 * features); `unsaved`: the worker keeps them from the autosave (a review bundle's plan).
 */
export async function openPlan(
  store: PlannerStore,
  { plots, ...layers }: OpenedLayers,
  settings?: AnalysisSettings,
  { unsaved }: { unsaved?: true } = {},
): Promise<boolean> {
  const sent = { plots, boundary: layers.boundary, control: layers.control };
  const request = { layers: sent, ...(settings ? { settings } : {}), ...(unsaved ? { unsaved } : {}) };
  const result = await runJob(store, { zh: '正在计算地块分类…', en: 'Classifying plots…' }, (c, onProgress) =>
    c.api.open(request, { onProgress }).then(received),
  );
  if (!result) return false;
  commit(store, layers, result);
  return true;
}

/**
 * The plan's plot features, from the worker (the page keeps only their outlines), for writing a plan
 * file or an export; undefined when that failed (a notice says why).
 */
export function planPlotFeatures(store: PlannerStore): Promise<Feature[] | undefined> {
  return runJob(store, { zh: '正在准备地块数据…', en: 'Preparing the plots…' }, (c) => c.api.plotFeatures());
}

/**
 * Opens the autosaved plan, whose layers the worker reads from IndexedDB itself (they never cross
 * to it from the page in one piece), with their origins saved beside them.
 * @returns 'nothing-saved' when no layers were saved (or IndexedDB cannot be read), 'not-restored'
 *   when the job was cancelled or failed (a failure's notice says why)
 */
export async function restorePlan(
  store: PlannerStore,
  meta: Pick<PlanLayers, 'origins'>,
  settings?: AnalysisSettings,
): Promise<'restored' | 'nothing-saved' | 'not-restored'> {
  const restored = await runJob(
    store,
    { zh: '正在恢复上次的规划…', en: 'Restoring the last plan…' },
    async (c, onProgress) => {
      const restored = await c.api.restore(settings ? { settings } : {}, { onProgress });
      return restored && { ...restored, result: received(restored.result) };
    },
  );
  if (restored === undefined) return 'not-restored';
  if (restored === null) return 'nothing-saved';
  commit(store, { ...restored.layers, ...meta }, restored.result);
  return 'restored';
}

/** The buffers of files given as bytes, moved to the worker; a `File` goes as a handle (the worker reads it). */
function byteBuffers(files: readonly PickedFile[]): Transferable[] {
  return files.flatMap((file) => (file instanceof Blob ? [] : [file.bytes.buffer as ArrayBuffer]));
}

/** Reads files for the import dialog (whose previews are checked against the county and land). */
export function readFiles(store: PlannerStore, files: PickedFile[]) {
  return runJob(store, { zh: '正在读取文件…', en: 'Reading files…' }, async (c, onProgress) => {
    await c.api.setCheckReference(loadCixiCheckReference());
    return c.api.read(files, { onProgress, transfer: byteBuffers(files) });
  });
}

/** Reads files as context layers (参考图层) in the worker; the plan is not touched. */
export function readContextFiles(store: PlannerStore, files: PickedFile[]) {
  return runJob(store, { zh: '正在读取参考图层…', en: 'Reading context layers…' }, (c, onProgress) =>
    c.api.readContext(files, { onProgress, transfer: byteBuffers(files) }),
  );
}

/**
 * Previews a read source again as another layer kind, with another column mapping or in the
 * coordinate system `crs` (a code of crs-codes.ts; null: detected).
 */
export function previewSource(
  store: PlannerStore,
  sourceIndex: number,
  kind: ImportKind,
  mapping: ColumnMapping,
  crs: string | null = null,
): Promise<SourcePreview | undefined> {
  return runJob(store, { zh: '正在检查要素…', en: 'Checking features…' }, (c) =>
    c.api.preview({ sourceIndex, kind, mapping, crs }),
  );
}

/**
 * Loads a read source as the plan's `kind` layer, recording `origin` as where it came from; the
 * plan changes only when this succeeds. `into: 'new-plan'` loads it into a new plan whose other
 * layers are empty (its scenarios and slides start afresh); 'plan' replaces that layer of the plan.
 */
export async function acceptSource(
  store: PlannerStore,
  sourceIndex: number,
  kind: LayerKind,
  mapping: ColumnMapping,
  crs: string | null,
  origin: LayerOrigin,
  into: 'plan' | 'new-plan' = 'plan',
): Promise<boolean> {
  const before = into === 'new-plan' ? EMPTY_LAYERS : (store.getState().layers ?? EMPTY_LAYERS);
  const result = await runJob(store, { zh: '正在载入图层…', en: 'Loading the layer…' }, (c, onProgress) =>
    c.api
      .accept(
        { sourceIndex, kind, mapping, crs, ...(into === 'new-plan' ? { alone: true } : {}) },
        { onProgress },
      )
      .then(received),
  );
  if (!result?.replaced) return false;
  const layers: Omit<PlanLayers, 'plots'> = {
    ...before,
    ...(result.replaced.layer && kind !== 'plots' ? { [kind]: result.replaced.layer } : {}),
    origins: withOrigin(before.origins, kind, origin),
  };
  commit(store, layers, result);
  if (into === 'new-plan') startAfresh(store);
  return true;
}

/** A new plan's scenarios (one, empty), slides and comments (none) and name; the view goes to the city. */
export function startAfresh(store: PlannerStore, planName = DEFAULT_PLAN_NAME): void {
  const state = store.getState();
  state.setScenarioSet(createScenarioSet());
  state.setSlides([]);
  state.setComments([]);
  state.setPlanName(planName);
  state.requestZoom('cixi');
}

/**
 * Empties the plan's `kinds` layers in the worker, which holds them (nothing is posted to it), and
 * forgets their origins. Scenarios and slides stay; a new empty plan then starts afresh.
 */
export async function emptyPlanLayers(store: PlannerStore, kinds: LayerKind[]): Promise<boolean> {
  const before = store.getState().layers ?? EMPTY_LAYERS;
  const result = await runJob(
    store,
    { zh: '正在重新计算地块分类…', en: 'Classifying plots again…' },
    (c, onProgress) => c.api.emptyLayers(kinds, { onProgress }).then(received),
  );
  if (!result) return false;
  // The plots' outlines come with the result (commit); the other layers are emptied here.
  const { plots: _plots, ...layers }: PlanLayers = { ...before };
  for (const kind of kinds) {
    if (kind !== 'plots') layers[kind] = EMPTY as unknown as PlanLayers[typeof kind];
    layers.origins = withOrigin(layers.origins, kind, null);
  }
  commit(store, layers, result);
  return true;
}

/**
 * Adds a read source's polygons to the active scenario as receiving zones, in one edit (one undo
 * step). The plan's layers do not change.
 * @returns how many zones were added and to which scenario; undefined when nothing was (a notice says why)
 */
export async function importZones(
  store: PlannerStore,
  sourceIndex: number,
  crs: string | null = null,
): Promise<{ count: number; scenarioName: string } | undefined> {
  const features = await runJob(
    store,
    { zh: '正在载入承接区块…', en: 'Loading receiving zones…' },
    (c, onProgress) => c.api.loadZones({ sourceIndex, crs }, { onProgress }),
  );
  if (!features) return undefined;
  const state = store.getState();
  const scenario = state.scenarioSet.scenarios.find((s) => s.id === state.scenarioSet.activeScenarioId);
  if (!scenario) {
    state.setNotice({
      kind: 'error',
      message: { zh: '没有方案，无法加入承接区块', en: 'There is no scenario to add the zones to' },
    });
    return undefined;
  }
  const zones = zonesFromFeatures(features, {
    existingCount: scenario.zones.length,
    idPrefix: `zone-${Date.now().toString(36)}`,
  });
  const count = zones.length;
  const problem = state.edit({
    type: 'batch',
    edits: zones.map((zone) => ({ type: 'add-zone', scenarioId: scenario.id, zone })),
    label: {
      zh: `导入 ${count} 个承接区块`,
      en: count === 1 ? 'Import 1 receiving zone' : `Import ${count} receiving zones`,
    },
  });
  if (problem) {
    state.setNotice({ kind: 'error', message: problem });
    return undefined;
  }
  return { count, scenarioName: scenario.name };
}

/**
 * Keeps the plan's plausibility checks (src/core/checks) in the store for the table's filters:
 * whenever the analysis changes, the worker checks the plots once no other job runs.
 * @returns a function that stops watching
 */
export function watchPlanChecks(store: PlannerStore): () => void {
  let checked: unknown = null;
  const check = async (): Promise<void> => {
    const state = store.getState();
    const { analysis } = state;
    if (state.job || !analysis || analysis === checked) return;
    checked = analysis;
    const result = await runJob(
      store,
      { zh: '正在检查数据是否合理…', en: 'Checking the data for plausibility…' },
      (c) => c.api.checkPlan(loadCixiCheckReference()),
    );
    // A plan opened meanwhile is checked next; a failed check is not retried (its notice says why).
    if (result && store.getState().analysis === analysis) {
      store.getState().setPlanChecks({ analysis, ...result, counts: countFlags(result.flags) });
    }
    await check();
  };
  return store.subscribe(() => {
    check();
  });
}

/** Cancels the running job, if any. */
export function cancelJob(): void {
  client?.cancel();
}

/**
 * Keeps the receiving zones of every scenario measured: whenever a scenario's zones (or the plan)
 * change, the worker measures them (new land, overlaps, R2) and the store gets the figures.
 * @returns a function that stops watching
 */
export function watchZoneMeasures(store: PlannerStore): () => void {
  let measured = new Map<string, readonly ReceivingZone[]>();
  let analysis = store.getState().analysis;
  let running = false;
  const check = async (): Promise<void> => {
    const state = store.getState();
    if (state.analysis !== analysis) {
      analysis = state.analysis;
      measured = new Map();
    }
    if (running || state.job || !state.analysis) return;
    const scenario = state.scenarioSet.scenarios.find((s) => measured.get(s.id) !== s.zones);
    if (!scenario) return;
    running = true;
    const zones = scenario.zones;
    const measures = await runJob(store, { zh: '正在计算承接区块…', en: 'Measuring receiving zones…' }, (c) =>
      c.api.measureZones([...zones]),
    );
    running = false;
    if (store.getState().analysis !== analysis) return check();
    // Marked as measured even when the job failed (its notice says why): no retry loop.
    measured.set(scenario.id, zones);
    if (measures) store.getState().setZoneMeasures(scenario.id, measures);
    await check();
  };
  return store.subscribe(() => {
    check();
  });
}
