/**
 * The analysis worker's operations, one function table (the page's client is derived from its type:
 * see analysis-client.ts). The worker keeps the plan's current layers and the sources of the last
 * read; operations run one after the other. Long lists (rows, features) reach the page in chunks.
 */

import type { PlanLayerSet } from '../core/analysis/analyze-plan.ts';
import { plotRowColumnBuffers } from '../core/analysis/plot-row-columns.ts';
import type { CheckReference } from '../core/checks/check-reference.ts';
import { limitChecks, type PlausibilitySummary } from '../core/checks/plausibility-checks.ts';
import type { ColumnMapping } from '../core/io/column-mapping.ts';
import type { LayerKindGuess } from '../core/io/guess-layer-kind.ts';
import type { ContextFeatureCollection } from '../core/io/load-context-layer.ts';
import type { LayerSource } from '../core/io/read-layer-files.ts';
import { type PlotOutlines, plotOutlineBuffers } from '../core/plot-outlines.ts';
import type { ReceivingZone } from '../core/scenario/scenario.ts';
import {
  createZoneMeasureCache,
  measureZones,
  prepareZoneContext,
  type ZoneMeasureCache,
  type ZoneMeasureContext,
} from '../core/scenario/zone-measures.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, FeatureCollection, LayerKind, Message, Problem } from '../core/types.ts';
import { keepCheckReference, layerChecks } from './layer-checks.ts';
import { analyzePlanPacked, type SentAnalysis } from './packed-analysis.ts';
import { keptPacked, packedBoxReader, plainFeature, plotOutlinesOf } from './packed-layer.ts';
import { type PlotTileData, plotTileBuffers, plotTileData } from './plot-map.ts';
import type { PickedFile } from './read-picked-files.ts';
import { loadSavedLayers, saveLayers } from './saved-layers.ts';
import {
  forgetLastLoad,
  type ImportKind,
  isLastLoad,
  keepStreamedLoad,
  loadImportReaders,
  loadSource,
  previewSource,
  type SourcePreview,
} from './source-preview.ts';
import { JobError, type OperationContext, type WorkerApi } from './worker-api.ts';

/** An analysed plan as the page receives it (the plot features stay in the worker). */
export interface AnalysisResult {
  analysis: SentAnalysis;
  /**
   * The layer loaded in place of the previous one, when the job was an import: a boundary or
   * control layer's features; null for the plots, which the page has only as `plotOutlines`.
   */
  replaced: { kind: LayerKind; fileName: string; layer: FeatureCollection | null } | null;
  /** The plots' polygons, packed (transferred): all the page keeps of the plot features. */
  plotOutlines: PlotOutlines;
  /**
   * Names this set of layers in IndexedDB, where they are saved before the result is sent: a worker
   * started after a cancel reads them back from there (see `resume`).
   */
  layersKey: string;
  /** The plots as the map draws them, packed (see plot-map.ts); the buffers are transferred. */
  plotTiles: PlotTileData;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
let layers: PlanLayerSet = { plots: EMPTY, boundary: EMPTY, control: EMPTY };
let settings: AnalysisSettings = DEFAULT_SETTINGS;
let sources: LayerSource[] = [];
/** The sources read in pieces from a large picked file, which can be read again (see letGoOfFeaturesAsRead). */
let rereadable = new Map<LayerSource, Blob>();
/** The key of `layers` as saved (see AnalysisResult.layersKey); '' before any were saved. */
let layersKey = '';
/** Set when a restarted worker could not read the plan's layers back: every job that needs them fails. */
let layersLost = false;
let nextLayersKey = 1;
/** Prepared once per plan for measuring receiving zones; dropped when the layers change. */
let zoneContext: { context: ZoneMeasureContext; cache: ZoneMeasureCache } | null = null;

const STAGE = {
  read: { zh: '正在读取文件…', en: 'Reading files…' },
  check: { zh: '正在检查要素…', en: 'Checking features…' },
  classify: { zh: '正在计算地块分类…', en: 'Classifying plots…' },
  send: { zh: '正在传送结果…', en: 'Sending results…' },
  restore: { zh: '正在读取上次保存的规划…', en: 'Reading the last saved plan…' },
} satisfies Record<string, Message>;

/** The plan's plausibility checks as the page keeps them: per plot flags and the summary with a few examples. */
export interface PlanChecks {
  /** CHECK_FLAGS of each plot, by plot index (transferred). */
  flags: Uint8Array;
  summary: PlausibilitySummary;
}

/** Examples of each finding the page keeps (the counts are whole). */
const PLAN_CHECK_EXAMPLES = 50;

const LOST = {
  zh: '取消后未能从浏览器存储中读回当前规划的图层，请重新打开规划文件或刷新页面',
  en: "After the cancel, the plan's layers could not be read back from the browser's storage; open the plan file again or reload the page",
} satisfies Message;

/** The key of layers kept in the worker only (`open` with `unsaved`): none is saved under it. */
const UNSAVED_KEY = 'unsaved';

export const analysisApi = {
  /** Replaces the worker's copy of the plan's layers without analysing (tests; the page uses `resume`). */
  async setLayers(next: PlanLayerSet): Promise<void> {
    layers = next;
    layersLost = false;
    zoneContext = null;
  },

  /**
   * Takes back, in a worker started after a cancel, the layers the page's plan was analysed from:
   * those saved under `key` (the page holds no plot features to send). Fails when another set is saved.
   */
  async resume(request: { key: string; settings?: AnalysisSettings }): Promise<void> {
    settings = request.settings ?? DEFAULT_SETTINGS;
    const saved = typeof indexedDB === 'undefined' ? null : await loadSavedLayers();
    layersLost = !saved || saved.key !== request.key;
    if (!saved || layersLost) throw new JobError(LOST);
    layers = saved.layers;
    layersKey = saved.key;
    zoneContext = null;
  },

  /** The plan's plot features, in chunks: for the page's plan file and GeoJSON export, let go once written. */
  async plotFeatures(_: undefined, context: OperationContext): Promise<FeatureCollection['features']> {
    // Plain features: the kept ones make their geometry when read (packed-layer.ts).
    return context.inChunks(planLayers().plots.features.map(plainFeature));
  },

  /**
   * Opens a plan: keeps its layers (and settings, if given) and analyses them. `unsaved`: not saved
   * for the autosave (a review bundle's plan must not replace the planner's own on this computer).
   */
  async open(
    request: { layers: PlanLayerSet; settings?: AnalysisSettings; unsaved?: true },
    context: OperationContext,
  ): Promise<AnalysisResult> {
    // A plan without settings has the defaults, not the settings of the plan opened before it.
    settings = request.settings ?? DEFAULT_SETTINGS;
    return analyse(context, request.layers, null, request.unsaved ? { savedAs: UNSAVED_KEY } : {});
  },

  /**
   * Opens the autosaved plan: reads its layers from IndexedDB (they never cross from the page in one
   * piece), analyses them and sends them back in chunks. Null when none were saved (or they cannot be read).
   */
  async restore(
    request: { settings?: AnalysisSettings } | undefined,
    context: OperationContext,
  ): Promise<{ result: AnalysisResult; layers: Pick<PlanLayerSet, 'boundary' | 'control'> } | null> {
    context.progress(0, STAGE.restore);
    // The settings the plan was classified with before the reload (the page's autosave keeps them).
    settings = request?.settings ?? DEFAULT_SETTINGS;
    const saved = typeof indexedDB === 'undefined' ? null : await loadSavedLayers();
    if (!saved) return null;
    const result = await analyse(context, saved.layers, null, { savedAs: saved.key });
    const chunked = (layer: FeatureCollection) => ({ ...layer, features: context.inChunks(layer.features) });
    return {
      result,
      layers: { boundary: chunked(saved.layers.boundary), control: chunked(saved.layers.control) },
    };
  },

  /**
   * Reads dropped or picked files (the page's `File` handles; a large GeoJSON read in pieces, see
   * read-picked-files.ts) into sources and previews each as the layer it looks like. The files'
   * bytes are let go once read (`files` is emptied), so that checking does not hold them too.
   */
  async read(files: PickedFile[], context: OperationContext) {
    context.progress(0, STAGE.read);
    const readers = await loadImportReaders();
    sources = [];
    forgetLastLoad();
    rereadable = new Map();
    // A large clean plot layer is loaded in two readings of its file, never all parsed at once.
    const picked = await readers.readPickedFiles(files, (done) => context.progress(done / 2, STAGE.read), {
      streamPlots: readers.streamPlotSource,
    });
    files.length = 0;
    const read = readers.readLayerFiles(picked.inputs);
    picked.inputs.length = 0;
    sources = read.sources;
    const guesses = new Map<LayerSource, LayerKindGuess>();
    for (const source of sources) {
      const file = picked.readInPieces.get(source.collection);
      if (file) rereadable.set(source, file);
      const streamed = picked.streamed.get(source.collection);
      // A .prj beside it or a reading problem: loaded the ordinary way, the file read again.
      if (streamed && source.prj === undefined && (source.problems ?? []).length === 0) {
        keepStreamedLoad(source, streamed);
        guesses.set(source, streamed.guess);
      } else if (streamed) source.collection = null;
    }
    context.progress(0.5, STAGE.check);
    const previews: SourcePreview[] = [];
    for (const [index, source] of sources.entries()) {
      if (!guesses.has(source)) await withFeaturesAsRead(source, context);
      const guess = guesses.get(source) ?? readers.guessLayerKind(source.fileName, source.collection);
      previews.push(
        previewSource(readers, source, index, guess.kind, null, guess.reason, null, layers.boundary),
      );
    }
    letGoOfFeaturesAsRead();
    return { previews, problems: [...picked.problems, ...read.problems] };
  },

  /**
   * Previews a read source again as another layer kind, with another column mapping or in a
   * coordinate system chosen by hand (`crs`: a code of crs-codes.ts; null: detected).
   */
  async preview(
    request: {
      sourceIndex: number;
      kind: ImportKind;
      mapping: ColumnMapping;
      crs?: string | null;
    },
    context: OperationContext,
  ) {
    const source = await withFeaturesAsRead(sourceAt(request.sourceIndex), context);
    const preview = previewSource(
      await loadImportReaders(),
      source,
      request.sourceIndex,
      request.kind,
      request.mapping,
      null,
      request.crs ?? null,
      layers.boundary,
    );
    letGoOfFeaturesAsRead();
    return preview;
  },

  /**
   * Loads a read source as the plan's `kind` layer in place of the old one (`alone`: as the only
   * layer of a new plan, the others empty), and analyses the plan.
   */
  async accept(
    request: {
      sourceIndex: number;
      kind: LayerKind;
      mapping: ColumnMapping;
      crs?: string | null;
      alone?: boolean;
    },
    context: OperationContext,
  ): Promise<AnalysisResult> {
    const crs = request.crs ?? null;
    const source = sourceAt(request.sourceIndex);
    if (!isLastLoad(source, request.kind, request.mapping, crs)) await withFeaturesAsRead(source, context);
    context.progress(0, STAGE.check);
    const readers = await loadImportReaders();
    const result = loadSource(readers, source, request.kind, request.mapping, crs);
    if (!result.ok || result.layer.features.length === 0) throw nothingLoadable(source.fileName);
    // The dialog loads a source once: its features as read are not needed beside the loaded layer.
    // (Loading it again as the same layer reuses the load; see source-preview.ts.)
    source.collection = { type: 'FeatureCollection', features: [] };
    const others = request.alone ? { plots: EMPTY, boundary: EMPTY, control: EMPTY } : planLayers();
    return analyse(
      context,
      { ...others, [request.kind]: result.layer },
      { kind: request.kind, fileName: source.fileName },
    );
  },

  /** Empties the plan's `kinds` layers (a layer removed, a new empty plan) and analyses the plan. */
  async emptyLayers(kinds: LayerKind[], context: OperationContext): Promise<AnalysisResult> {
    const next = { ...planLayers() };
    for (const kind of kinds) next[kind] = EMPTY;
    return analyse(context, next, null);
  },

  /** Loads a read source's polygons as receiving zones (checked as a control-zone layer); the plan stays as it is. */
  async loadZones(
    request: { sourceIndex: number; crs?: string | null },
    context: OperationContext,
  ): Promise<Feature[]> {
    const crs = request.crs ?? null;
    const source = sourceAt(request.sourceIndex);
    if (!isLastLoad(source, 'zones', {}, crs)) await withFeaturesAsRead(source, context);
    context.progress(0, STAGE.check);
    const result = loadSource(await loadImportReaders(), source, 'zones', {}, crs);
    letGoOfFeaturesAsRead();
    if (!result.ok || result.layer.features.length === 0) throw nothingLoadable(source.fileName);
    return context.inChunks(result.layer.features);
  },

  /** Keeps the county outline and land the plausibility checks place layers against (the first one sent). */
  async setCheckReference(reference: CheckReference): Promise<void> {
    keepCheckReference(reference);
  },

  /** The plausibility checks of the plan's plots (against its boundaries), reused from the import's preview. */
  async checkPlan(reference: CheckReference, context: OperationContext): Promise<PlanChecks> {
    keepCheckReference(reference);
    const { plots, boundary } = planLayers();
    const checks = layerChecks(plots, 'plots', boundary);
    // A copy: the cached checks keep their flags for the next preview of the same layer.
    const flags = checks.flags.slice();
    context.transfer([flags.buffer]);
    return { flags, summary: limitChecks(checks, PLAN_CHECK_EXAMPLES) };
  },

  /**
   * Reads files as context layers (参考图层): every layer found is placed like the plan's layers (CRS
   * detected, far-from-Cixi stopped) and kept as drawn, never analysed. The plan's layers and the
   * import dialog's sources stay as they are.
   */
  async readContext(files: PickedFile[], context: OperationContext) {
    context.progress(0, STAGE.read);
    const readers = await loadImportReaders();
    const picked = await readers.readPickedFiles(files, (done) => context.progress(done / 2, STAGE.read));
    files.length = 0;
    const read = readers.readLayerFiles(picked.inputs, { anyGeometry: true });
    picked.inputs.length = 0;
    context.progress(0.5, STAGE.check);
    const problems: Problem[] = [...picked.problems, ...read.problems];
    const contextLayers: { fileName: string; data: ContextFeatureCollection; crs: Message }[] = [];
    for (const source of read.sources) {
      const loaded = readers.loadContextLayer(source);
      problems.push(...loaded.problems);
      if (loaded.ok && loaded.layer.features.length > 0) {
        const features = context.inChunks(loaded.layer.features);
        contextLayers.push({
          fileName: source.fileName,
          data: { ...loaded.layer, features },
          crs: loaded.crs.message,
        });
      } else if (loaded.ok)
        problems.push({
          code: 'empty',
          severity: 'error',
          featureIndex: -1,
          message: nothingLoadable(source.fileName).userMessage,
        });
    }
    return { layers: contextLayers, problems };
  },

  /** Measures receiving zones against the plan's layers (areas, new land, R2). */
  async measureZones(zones: ReceivingZone[]) {
    zoneContext ??= {
      context: prepareZoneContext(planLayers(), settings.tolerance, {
        plotBox: packedBoxReader(planLayers().plots),
      }),
      cache: createZoneMeasureCache(),
    };
    return measureZones(zones, zoneContext.context, zoneContext.cache);
  },
} satisfies WorkerApi;

export type AnalysisApi = typeof analysisApi;

/**
 * Analyses `next` and keeps it as the plan, saved (unless it was just read from the save, under
 * `savedAs`) before the result goes. The rows and a replaced boundary or control layer's features go
 * in chunks; the plots only as transferred typed arrays (for the map, and their outlines).
 */
async function analyse(
  context: OperationContext,
  next: PlanLayerSet,
  replaced: { kind: LayerKind; fileName: string } | null,
  { savedAs }: { savedAs?: string } = {},
): Promise<AnalysisResult> {
  // The plots are kept with their polygons in typed arrays (an accepted import's already are).
  next = { ...next, plots: keptPacked(next.plots) };
  const sent = classifyAndSend(context, next);
  layers = next;
  layersLost = false;
  zoneContext = null;
  layersKey =
    savedAs ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${nextLayersKey++}`;
  if (savedAs === undefined && typeof indexedDB !== 'undefined') await saveLayers(next, layersKey);
  const result: AnalysisResult = {
    ...sent,
    replaced: replaced && {
      ...replaced,
      layer:
        replaced.kind === 'plots'
          ? null
          : { ...next[replaced.kind], features: context.inChunks(next[replaced.kind].features) },
    },
    plotOutlines: plotOutlinesOf(next.plots),
    layersKey,
  };
  context.transfer([...plotTileBuffers(result.plotTiles), ...plotOutlineBuffers(result.plotOutlines)]);
  return result;
}

/**
 * Classifies `next`; its rows go to the page as columns (transferred with the result, never a clone
 * of each row), written as they are made: the worker never holds all of them as objects.
 */
function classifyAndSend(
  context: OperationContext,
  next: PlanLayerSet,
): Pick<AnalysisResult, 'analysis' | 'plotTiles'> {
  context.progress(0, STAGE.classify);
  const { analysis, map } = analyzePlanPacked(next, settings, {
    onProgress: (done) => context.progress(done, STAGE.classify),
  });
  context.progress(1, STAGE.send);
  context.transfer(plotRowColumnBuffers(analysis.rows));
  return {
    analysis,
    // The page relays these to the tile worker without looking inside (a GeoJSON copy would cost
    // the page or MapLibre seconds at county scale).
    plotTiles: plotTileData(next.plots, map.results, map.townOf),
  };
}

/** The plan's layers, unless a restarted worker lost them. */
function planLayers(): PlanLayerSet {
  if (layersLost) throw new JobError(LOST);
  return layers;
}

/**
 * Lets go of the features as read of the sources read in pieces from a large file (`rereadable`):
 * the preview keeps what it loaded (the plots packed), and the file is read again only when the
 * user asks for another load (another kind, column mapping or coordinate system).
 */
function letGoOfFeaturesAsRead(): void {
  for (const source of rereadable.keys()) source.collection = null;
}

/** `source` with its features as read, read again from its file when they were let go. */
async function withFeaturesAsRead(source: LayerSource, context: OperationContext): Promise<LayerSource> {
  const file = rereadable.get(source);
  if (!file || source.collection !== null) return source;
  context.progress(0, STAGE.read);
  const readers = await loadImportReaders();
  source.collection = await readers
    .readFeatureCollectionInPieces(file, {}, (done) => context.progress(done, STAGE.read))
    .catch(() => null);
  if (source.collection === null) throw new JobError(readers.unreadableFile(source.fileName).message);
  return source;
}

function sourceAt(index: number): LayerSource {
  const source = sources[index];
  if (!source) throw new Error(`expected a source index below ${sources.length}; got ${index}`);
  return source;
}

function nothingLoadable(fileName: string): JobError {
  return new JobError({
    zh: `${fileName} 中没有可以载入的要素`,
    en: `${fileName} has no features that can be loaded`,
  });
}
