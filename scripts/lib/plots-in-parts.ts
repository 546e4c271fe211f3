/**
 * A large GeoJSON plot layer analysed in parts side by side on several threads (node:worker_threads),
 * this thread taking the first part and merging: each part is read piece after piece
 * (plot-pieces.ts), with the column mapping and the CRS that the file's first piece suggests, and
 * the whole layer confirms them at the end (merge-plot-parts.ts), so that the CSV rows, the
 * per-plot figures and the summary are the same bytes as read whole or on one thread.
 */

import { parentPort, Worker, workerData } from 'node:worker_threads';
import { shareOffsets } from '../../src/core/io/parse-large-geojson.ts';
import { FeaturePieceReader } from './feature-piece-reader.ts';
import {
  confirmedCrs,
  firstPieceInput,
  mergedPlots,
  type NotInParts,
  type PieceResult,
  type PieceSummary,
  type PlotPiecesOptions,
  type PlotsInParts,
} from './merge-plot-parts.ts';
import type { PartInput } from './plot-part.ts';
import { analyzePieceRun, NOT_CUT, openPieceReader, PIECE_BYTES, type PieceRun } from './plot-pieces.ts';

/**
 * How many parts to read a plot file in: ANALYZE_THREADS when set (tests set it to read small files
 * in parts), else 1. Reading in parts is opt-in: on the 2-core benchmark machine, 100,000 plots in 2
 * parts took 3.0–3.1 s against 2.8–3.0 s in pieces on one thread, with 5.4 s of CPU against 3.9 s:
 * the one thread's run already keeps the second core busy with V8's own work (compiling, collecting),
 * and each worker prepares the zones and loads the code again.
 */
export function plotPartCount(environment: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(environment.ANALYZE_THREADS);
  return Number.isInteger(chosen) && chosen >= 1 ? Math.min(chosen, 16) : 1;
}

/** Where and how the plots are read. */
export interface PlotsInPartsOptions extends PlotPiecesOptions {
  /** The threads of every part but the first, which this thread takes ({@link startPlotPartWorkers}). */
  workers: readonly Worker[];
}

/**
 * A worker running `url`. The bundled command line is plain JavaScript; the TypeScript sources (run
 * through tsx, as the tests do) need tsx's loader registered in the worker too, which `--import tsx`
 * does only for the main thread.
 */
function startWorker(url: URL, data: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: data });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * The threads for parts 2 … `parts`, started before anything is read, so that they load their
 * modules while this thread reads the file; they wait for their piece.
 * @param workerUrl the module that runs {@link servePlotPart} in a worker (the command line's own entry)
 */
export function startPlotPartWorkers(parts: number, workerUrl: URL): Worker[] {
  return Array.from({ length: parts - 1 }, () => startWorker(workerUrl, { role: PLOT_PART_ROLE }));
}

/** The next message of a worker; rejects when it fails or ends first. */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      reject(error);
    };
    const onExit = (code: number) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      reject(new Error(`plot part worker ended with code ${code}`));
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

/**
 * The size of this thread's own part against each worker's: this thread also reads the file before
 * and merges the parts after (the overlaps among all plots, the CSV written), so it takes less.
 */
const FIRST_PART_WEIGHT = 0.85;

/** What a worker is given: its part of the file, and how to read it. */
interface PartRequest {
  path: string;
  range: [from: number, to: number];
  input: PartInput;
  pieceBytes: number;
}

/**
 * The parts' file offsets: runs of whole features, the first smaller by FIRST_PART_WEIGHT (shares
 * as cutFeatureCollection makes them); null when the file is not of the shape the parts are cut from.
 */
function partRanges(reader: FeaturePieceReader, parts: number): [number, number][] | null {
  const [start, end] = reader.extent;
  const cuts = reader.cutsAfter(shareOffsets(start - 1, end, parts, FIRST_PART_WEIGHT));
  if (!cuts) return null;
  return [start, ...cuts.map((cut) => cut + 1)].map((from, k) => [from, cuts[k] ?? end]);
}

/**
 * Analyses the plots in as many parts as there are workers and this thread, this thread taking the
 * first; each thread reads its own part of the file.
 * @returns the merged analysis, or why the file must be read the ordinary way
 */
export async function analyzePlotsInParts(
  options: PlotsInPartsOptions,
  pieceBytes = PIECE_BYTES,
): Promise<PlotsInParts | NotInParts> {
  const { workers, path } = options;
  const whole = openPieceReader(path, pieceBytes);
  if ('why' in whole) return whole;
  let ranges: [number, number][] | null;
  try {
    ranges = partRanges(whole, workers.length + 1);
  } finally {
    whole.dispose();
  }
  const root = whole.root;
  if (!root || !ranges) return NOT_CUT;
  const [first, ...rest] = ranges as [[number, number], ...[number, number][]];
  const own = openPieceReader(path, pieceBytes, first);
  if ('why' in own) return own;
  const replies: Promise<PieceRun>[] = [];
  // The file's first piece suggests the column mapping and the CRS every part is read with: the
  // workers are given them as soon as it is read.
  const input = {
    decided: null as PartInput | null,
    decide: (summary: PieceSummary) => {
      const decided = firstPieceInput(options, root.crs, summary);
      if ('why' in decided) return decided;
      rest.forEach((range, k) => {
        const worker = workers[k] as Worker;
        replies.push(nextMessage<PieceRun>(worker));
        const request: PartRequest = { path, range, input: decided, pieceBytes };
        worker.postMessage(request);
      });
      return decided;
    },
  };
  try {
    const ownRun = analyzePieceRun(() => own.next(), input);
    const runs = [ownRun, ...(await Promise.all(replies))];
    if (!input.decided) return NOT_CUT;
    const summaries: PieceSummary[] = [];
    const results: PieceResult[] = [];
    for (const run of runs) {
      if (!run.ok) return run;
      summaries.push(...run.summaries);
      results.push(...run.results);
    }
    const crs = confirmedCrs(options, root.crs, summaries, input.decided);
    if ('why' in crs) return crs;
    return mergedPlots(crs, results, options.reference);
  } catch (error) {
    // A worker that failed: the ordinary reading meets the same failure and reports it.
    return { ok: false, why: `a worker failed: ${String(error)}` };
  } finally {
    own.dispose();
  }
}

/** The buffers of the pieces' typed arrays, moved to the main thread rather than copied. */
function transferables(results: readonly PieceResult[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const result of results) {
    const { placement } = result.findings;
    const arrays = [
      result.areaM2,
      result.areaMu,
      result.inBoundaryM2,
      result.inControlM2,
      result.rows,
      ...Object.values(result.rings),
      ...(placement
        ? [placement.outsideCounty, placement.onWater, placement.centres, placement.areasM2]
        : []),
    ];
    for (const array of arrays) buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** The `workerData.role` of a plot part worker. */
const PLOT_PART_ROLE = 'plot-part';

/** True in a worker started by {@link analyzePlotsInParts}. */
export function isPlotPartWorker(): boolean {
  return (workerData as { role?: unknown } | null)?.role === PLOT_PART_ROLE;
}

/** The worker's side: its part analysed piece after piece with the layer's decisions, sent back. */
export function servePlotPart(): void {
  const port = parentPort;
  if (!port) return;
  port.once('message', ({ path, range, input, pieceBytes }: PartRequest) => {
    const reader = new FeaturePieceReader(path, pieceBytes, range);
    let run: PieceRun;
    try {
      run = analyzePieceRun(() => reader.next(), { decided: input });
    } finally {
      reader.dispose();
    }
    port.postMessage(run, run.ok ? transferables(run.results) : []);
  });
}
