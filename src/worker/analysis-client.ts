/**
 * The page's side of the analysis worker: one job at a time, as promises, with progress. Cancel
 * terminates the worker (the only way to stop a synchronous computation) and starts a fresh one,
 * which gets the plan's current layers again before its next job.
 */

import type { PlanAnalysis, PlotRow } from '../core/analysis/analyze-plan.ts';
import type { ReceivingZone } from '../core/scenario/types.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import type { AnalysisSettings } from '../core/settings.ts';
import type { Feature, FeatureCollection, LayerKind, Message, Problem } from '../core/types.ts';
import type { PlotTileData } from './plot-map.ts';
import {
  type ColumnMapping,
  type ImportKind,
  type InputFile,
  type PlanLayerSet,
  RESTORED_ORDER,
  type SourcePreview,
  type WorkerReply,
  type WorkerRequest,
} from './protocol.ts';

export type ProgressListener = (progress: number, stage: Message) => void;

/** An analysed plan as the page keeps it. */
export interface AnalysisResult {
  analysis: PlanAnalysis;
  /** The layer loaded in place of the previous one, when the job was an import. */
  replaced: { kind: LayerKind; fileName: string; layer: FeatureCollection } | null;
  /** The plots for the map's tiles (see plot-tile-client.ts). */
  plotTiles: PlotTileData;
  plotMarkers: FeatureCollection<unknown, unknown>;
}

/** A job that ended because the user cancelled it. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A job that the worker reported as failed, with a message for the user. */
export class JobError extends Error {
  constructor(readonly userMessage: Message) {
    super(userMessage.en);
    this.name = 'JobError';
  }
}

/** A job's final reply with the rows and features that came before it in chunks. */
interface Done {
  reply: WorkerReply;
  rows: PlotRow[];
  features: Feature[];
}

interface Pending {
  job: number;
  resolve: (done: Done) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
  rows: PlotRow[];
  features: Feature[];
}

export class AnalysisClient {
  private worker: Worker;
  private nextJob = 1;
  private pending: Pending | null = null;
  /** Layers the current worker does not have yet (after a restart). */
  private resend: PlanLayerSet | null = null;

  /**
   * @param createWorker starts a worker running analysis-worker.ts
   * @param currentLayers the plan's layers as the page has them, sent to a restarted worker
   */
  constructor(
    private readonly createWorker: () => Worker,
    private readonly currentLayers: () => PlanLayerSet | null,
  ) {
    this.worker = this.start();
  }

  /** True while a job runs. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Analyses a plan's layers (and keeps them as the worker's current plan). */
  async open(layers: PlanLayerSet, onProgress?: ProgressListener, settings?: AnalysisSettings) {
    this.resend = null;
    const request: WorkerRequest = { type: 'open', job: 0, layers };
    if (settings) request.settings = settings;
    return this.toResult(await this.run(request, onProgress));
  }

  /** Reads files into sources and previews each as the layer it looks like. */
  async read(files: InputFile[], onProgress?: ProgressListener) {
    const { reply } = await this.run({ type: 'read', job: 0, files }, onProgress);
    if (reply.type !== 'read') throw new Error(`Unexpected reply ${reply.type}`);
    return { previews: reply.previews, problems: reply.problems as Problem[] };
  }

  /** Previews a read source again as `kind` with `mapping`. */
  async preview(sourceIndex: number, kind: ImportKind, mapping: ColumnMapping): Promise<SourcePreview> {
    const { reply } = await this.run({ type: 'preview', job: 0, sourceIndex, kind, mapping });
    if (reply.type !== 'preview') throw new Error(`Unexpected reply ${reply.type}`);
    return reply.preview;
  }

  /** Loads a read source as the plan's `kind` layer and analyses the plan. */
  async accept(sourceIndex: number, kind: LayerKind, mapping: ColumnMapping, onProgress?: ProgressListener) {
    return this.toResult(await this.run({ type: 'accept', job: 0, sourceIndex, kind, mapping }, onProgress));
  }

  /** Loads a read source's polygons for receiving zones (checked as a control-zone layer); the plan stays as it is. */
  async loadZones(sourceIndex: number, onProgress?: ProgressListener): Promise<Feature[]> {
    const { reply, features } = await this.run({ type: 'load-zones', job: 0, sourceIndex }, onProgress);
    if (reply.type !== 'zones-loaded') throw new Error(`Unexpected reply ${reply.type}`);
    return features;
  }

  /** Measures receiving zones against the worker's current plan. */
  async measureZones(zones: ReceivingZone[]): Promise<Record<string, ZoneMeasures>> {
    const { reply } = await this.run({ type: 'measure-zones', job: 0, zones });
    if (reply.type !== 'zone-measures') throw new Error(`Unexpected reply ${reply.type}`);
    return reply.measures;
  }

  /**
   * Opens the autosaved plan: the worker reads its layers and analyses them; the layers come back
   * in chunks. Null when none were saved.
   */
  async restore(
    onProgress?: ProgressListener,
  ): Promise<{ result: AnalysisResult; layers: PlanLayerSet } | null> {
    const done = await this.run({ type: 'restore', job: 0 }, onProgress);
    if (done.reply.type === 'nothing-saved') return null;
    const restored = done.reply.type === 'analysis' ? done.reply.restored : undefined;
    if (!restored) throw new Error(`Unexpected reply ${done.reply.type}`);
    let start = 0;
    const layers = Object.fromEntries(
      RESTORED_ORDER.map((kind) => {
        const { meta, count } = restored[kind];
        const features = done.features.slice(start, start + count);
        start += count;
        return [kind, { ...meta, features } as FeatureCollection];
      }),
    ) as unknown as PlanLayerSet;
    return { result: this.toResult(done), layers };
  }

  /** Stops the running job; its promise rejects with CancelledError. Files read so far are dropped. */
  cancel(): void {
    if (!this.pending) return;
    const { reject } = this.pending;
    this.pending = null;
    this.worker.terminate();
    this.worker = this.start();
    this.resend = this.currentLayers();
    reject(new CancelledError());
  }

  destroy(): void {
    this.pending?.reject(new CancelledError());
    this.pending = null;
    this.worker.terminate();
  }

  private start(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail({ zh: `分析程序出错：${event.message}`, en: `The analysis worker failed: ${event.message}` });
    };
    return worker;
  }

  private run(request: WorkerRequest, onProgress?: ProgressListener): Promise<Done> {
    if (this.pending) return Promise.reject(new Error('Another job is running.'));
    const job = this.nextJob++;
    if (this.resend) {
      this.worker.postMessage({ type: 'set-layers', job, layers: this.resend } satisfies WorkerRequest);
      this.resend = null;
    }
    return new Promise((resolve, reject) => {
      this.pending = { job, resolve, reject, rows: [], features: [] };
      if (onProgress) this.pending.onProgress = onProgress;
      this.worker.postMessage({ ...request, job });
    });
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending;
    if (!pending || reply.job !== pending.job) return;
    switch (reply.type) {
      case 'progress':
        pending.onProgress?.(reply.progress, reply.stage);
        return;
      case 'rows':
        for (const row of reply.rows) pending.rows.push(row);
        return;
      case 'features':
        for (const feature of reply.features) pending.features.push(feature);
        return;
      case 'error':
        this.fail(reply.message);
        return;
      default:
        this.pending = null;
        pending.resolve({ reply, rows: pending.rows, features: pending.features });
    }
  }

  private fail(message: Message): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    pending.reject(new JobError(message));
  }

  private toResult({ reply, rows, features }: Done): AnalysisResult {
    if (reply.type !== 'analysis') throw new Error(`Unexpected reply ${reply.type}`);
    return {
      analysis: { ...reply.analysis, rows },
      replaced: reply.replaced
        ? {
            kind: reply.replaced.kind,
            fileName: reply.replaced.fileName,
            layer: { ...reply.replaced.meta, features } as FeatureCollection,
          }
        : null,
      plotTiles: reply.plotTiles,
      plotMarkers: reply.plotMarkers,
    };
  }
}
