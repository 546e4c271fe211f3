/// <reference lib="webworker" />
/**
 * The analysis worker: reads imported files, checks them, and analyses the plan, so that the page
 * stays responsive with 100,000 plots. It keeps the plan's current layers and the sources of the
 * last read; the page cancels a job by terminating the worker and starting another.
 */

import { analyzePlan, type PlotRow } from '../core/analysis/analyze-plan.ts';
import type { LoadLayerResult } from '../core/io/load-layer.ts';
import type { LayerSource } from '../core/io/read-layer-files.ts';
import {
  createZoneMeasureCache,
  measureZones,
  prepareZoneContext,
  type ZoneMeasureCache,
  type ZoneMeasureContext,
} from '../core/scenario/zone-measures.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/settings.ts';
import type { Feature, FeatureCollection, LayerKind, Message, Problem } from '../core/types.ts';
import { plotMarkers, plotTileBuffers, plotTileData } from './plot-map.ts';
import {
  CHUNK_SIZE,
  type ColumnMapping,
  type ImportKind,
  MAX_PREVIEW_PROBLEMS,
  type PlanLayerSet,
  RESTORED_ORDER,
  type SourcePreview,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';
import { loadSavedLayers, saveLayers } from './saved-layers.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
let layers: PlanLayerSet = { plots: EMPTY, boundary: EMPTY, control: EMPTY };
let settings: AnalysisSettings = DEFAULT_SETTINGS;
let sources: LayerSource[] = [];
/** Prepared once per plan for measuring receiving zones; dropped when the layers change. */
let zoneContext: { context: ZoneMeasureContext; cache: ZoneMeasureCache } | null = null;

const STAGE = {
  read: { zh: '正在读取文件…', en: 'Reading files…' },
  check: { zh: '正在检查要素…', en: 'Checking features…' },
  classify: { zh: '正在计算地块分类…', en: 'Classifying plots…' },
  send: { zh: '正在传送结果…', en: 'Sending results…' },
  restore: { zh: '正在读取上次保存的规划…', en: 'Reading the last saved plan…' },
} satisfies Record<string, Message>;

function post(reply: WorkerReply): void {
  scope.postMessage(reply);
}

function progress(job: number, value: number, stage: Message): void {
  post({ type: 'progress', job, progress: value, stage });
}

/** The file readers, loaded on the first import: opening a plan does not need them (see import-readers.ts). */
type ImportReaders = typeof import('./import-readers.ts');
let importReaders: Promise<ImportReaders> | null = null;

function loadImportReaders(): Promise<ImportReaders> {
  importReaders ??= import('./import-readers.ts');
  return importReaders;
}

/** The last load, reused when the user accepts what the preview showed (checking 100,000 plots takes seconds). */
let lastLoad: { source: LayerSource; key: string; result: LoadLayerResult } | null = null;

function load(
  readers: ImportReaders,
  source: LayerSource,
  importKind: ImportKind,
  mapping: ColumnMapping,
): LoadLayerResult {
  // Receiving zones pass the checks of a control-zone layer: polygons, no attributes required.
  const kind: LayerKind = importKind === 'zones' ? 'control' : importKind;
  const key = `${kind}|${kind === 'plots' ? JSON.stringify(mapping) : ''}`;
  if (lastLoad?.source === source && lastLoad.key === key) return lastLoad.result;
  const result = readers.loadLayerFromSource(
    source,
    kind,
    kind === 'plots' ? { columnMapping: mapping } : {},
  );
  lastLoad = { source, key, result };
  return result;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || a.featureIndex - b.featureIndex,
  );
}

function preview(
  readers: ImportReaders,
  sourceIndex: number,
  kind: ImportKind | null,
  mapping: ColumnMapping | null,
  kindReason: Message | null,
): SourcePreview {
  const source = sources[sourceIndex] as LayerSource;
  const columns = readers.columnsOf(source.collection);
  const suggested = readers.suggestColumnMapping(columns);
  const chosenMapping = mapping ?? suggested.mapping;
  const result = kind ? load(readers, source, kind, chosenMapping) : null;
  const problems = result ? sortProblems(result.problems) : [];
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const base: SourcePreview = {
    sourceIndex,
    fileName: source.fileName,
    format: source.format,
    kind,
    kindReason,
    columns,
    mapping: chosenMapping,
    ignoredColumns: suggested.ignored,
    featureCount: countFeatures(source.collection),
    validCount: result?.ok ? result.layer.features.length : 0,
    crs: result?.ok ? result.crs.message : null,
    crsWarning: result?.ok ? (result.crs.warning ?? null) : null,
    problems: problems.slice(0, MAX_PREVIEW_PROBLEMS),
    errorCount,
    warningCount: problems.length - errorCount,
    ok: Boolean(result?.ok && result.layer.features.length > 0),
  };
  if (source.encoding) base.encoding = source.encoding;
  return base;
}

function countFeatures(collection: unknown): number {
  const features = (collection as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? features.length : 0;
}

function sendFeatures(job: number, features: readonly Feature[]): void {
  for (let start = 0; start < features.length; start += CHUNK_SIZE) {
    post({ type: 'features', job, features: features.slice(start, start + CHUNK_SIZE) });
  }
}

function sendRows(job: number, rows: PlotRow[]): void {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    post({ type: 'rows', job, rows: rows.slice(start, start + CHUNK_SIZE) });
  }
}

/**
 * Analyses `next`, sends rows, the replaced layer's features (or, after a restore, every layer's)
 * and the map's data, then keeps `next` (and saves it, unless it was just read from the save).
 */
function analyse(
  job: number,
  next: PlanLayerSet,
  replaced: { kind: LayerKind; fileName: string } | null,
  restoring = false,
): void {
  progress(job, 0, STAGE.classify);
  const analysis = analyzePlan(next, settings, {
    onProgress: (done) => progress(job, done, STAGE.classify),
  });
  progress(job, 1, STAGE.send);
  const { rows, ...rest } = analysis;
  sendRows(job, rows);
  let replacedMeta: Extract<WorkerReply, { type: 'analysis' }>['replaced'] = null;
  if (replaced) {
    const { features, ...meta } = next[replaced.kind];
    sendFeatures(job, features);
    replacedMeta = { ...replaced, meta };
  }
  let restored: Extract<WorkerReply, { type: 'analysis' }>['restored'];
  if (restoring) {
    const entries = RESTORED_ORDER.map((kind) => {
      const { features, ...meta } = next[kind];
      sendFeatures(job, features);
      return [kind, { meta, count: features.length }] as const;
    });
    restored = Object.fromEntries(entries) as NonNullable<typeof restored>;
  }
  // The plots for the map as typed arrays, transferred: the page relays them to the tile worker
  // without looking inside (a GeoJSON copy would cost the page or MapLibre seconds at county scale).
  const plotTiles = plotTileData(next.plots, rows);
  const reply: WorkerReply = {
    type: 'analysis',
    job,
    replaced: replacedMeta,
    ...(restored ? { restored } : {}),
    analysis: rest,
    plotTiles,
    plotMarkers: plotMarkers(next.plots, rows, ['crossing']),
  };
  scope.postMessage(reply, plotTileBuffers(plotTiles));
  layers = next;
  zoneContext = null;
  if (!restoring && typeof indexedDB !== 'undefined') saveLayers(next);
}

async function handle(request: WorkerRequest): Promise<void> {
  const { job } = request;
  switch (request.type) {
    case 'set-layers':
      layers = request.layers;
      zoneContext = null;
      return;
    case 'measure-zones': {
      zoneContext ??= {
        context: prepareZoneContext(layers, settings.tolerance),
        cache: createZoneMeasureCache(),
      };
      post({
        type: 'zone-measures',
        job,
        measures: measureZones(request.zones, zoneContext.context, zoneContext.cache),
      });
      return;
    }
    case 'open':
      if (request.settings) settings = request.settings;
      analyse(job, request.layers, null);
      return;
    case 'restore': {
      progress(job, 0, STAGE.restore);
      const saved = typeof indexedDB === 'undefined' ? null : await loadSavedLayers();
      if (saved) analyse(job, saved, null, true);
      else post({ type: 'nothing-saved', job });
      return;
    }
    case 'read': {
      progress(job, 0, STAGE.read);
      const readers = await loadImportReaders();
      const read = readers.readLayerFiles(request.files);
      sources = read.sources;
      progress(job, 0.5, STAGE.check);
      const previews = sources.map((source, index) => {
        const guess = readers.guessLayerKind(source.fileName, source.collection);
        return preview(readers, index, guess.kind, null, guess.reason);
      });
      post({ type: 'read', job, previews, problems: read.problems });
      return;
    }
    case 'preview':
      post({
        type: 'preview',
        job,
        preview: preview(await loadImportReaders(), request.sourceIndex, request.kind, request.mapping, null),
      });
      return;
    case 'accept': {
      const source = sources[request.sourceIndex];
      if (!source) throw new Error(`No source ${request.sourceIndex}`);
      progress(job, 0, STAGE.check);
      const result = load(await loadImportReaders(), source, request.kind, request.mapping);
      if (!result.ok || result.layer.features.length === 0) {
        post(nothingLoadable(job, source.fileName));
        return;
      }
      analyse(
        job,
        { ...layers, [request.kind]: result.layer },
        { kind: request.kind, fileName: source.fileName },
      );
      return;
    }
    case 'load-zones': {
      const source = sources[request.sourceIndex];
      if (!source) throw new Error(`No source ${request.sourceIndex}`);
      progress(job, 0, STAGE.check);
      const result = load(await loadImportReaders(), source, 'zones', {});
      if (!result.ok || result.layer.features.length === 0) {
        post(nothingLoadable(job, source.fileName));
        return;
      }
      sendFeatures(job, result.layer.features);
      post({ type: 'zones-loaded', job, fileName: source.fileName });
      return;
    }
  }
}

function nothingLoadable(job: number, fileName: string): WorkerReply {
  return {
    type: 'error',
    job,
    message: {
      zh: `${fileName} 中没有可以载入的要素`,
      en: `${fileName} has no features that can be loaded`,
    },
  };
}

/** Requests are handled one after the other, in order, also while a handler waits for the readers. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => handle(event.data).catch((error: unknown) => replyError(event.data, error)));
};

function replyError(request: WorkerRequest, error: unknown): void {
  post({
    type: 'error',
    job: request.job,
    message: {
      zh: `分析时出错：${(error as Error).message}`,
      en: `The analysis failed: ${(error as Error).message}`,
    },
  });
}
