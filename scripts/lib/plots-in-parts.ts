/**
 * A large GeoJSON plot layer analysed in parts side by side on several threads (node:worker_threads),
 * this thread taking the first part and merging: each part is read piece after piece
 * (plot-pieces.ts), with the column mapping and the CRS that the file's first piece suggests, and
 * the whole layer confirms them at the end (merge-plot-parts.ts), so that the CSV rows, the
 * per-plot figures and the summary are the same bytes as read whole or on one thread.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { cutFeatureCollection } from '../../src/core/io/parse-large-geojson.ts';
import {
  confirmedCrs,
  firstPieceInput,
  mergedPlots,
  type NotInParts,
  type PieceResult,
  type PlotPiecesOptions,
  type PlotsInParts,
} from './merge-plot-parts.ts';
import { type PartInput, PlotPart } from './plot-part.ts';
import { analyzePieceRun, PIECE_BYTES, type PieceRun, rangePieces } from './plot-pieces.ts';

/**
 * How many parts to read a plot file in: ANALYZE_THREADS when set (tests set it to read small files
 * in parts), else 1.
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

/** The file's bytes in memory every thread reads without a copy. */
function readShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(fd, bytes, done, bytes.length - done, done);
      if (read === 0) break;
      done += read;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
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

/** What a worker is given: its part of the file's bytes, and how to read it. */
interface PartRequest {
  buffer: SharedArrayBuffer;
  from: number;
  to: number;
  input: PartInput;
  pieceBytes: number;
}

/**
 * Analyses the plots in as many parts as there are workers and this thread, this thread taking the
 * first.
 * @returns the merged analysis, or why the file must be read the ordinary way
 */
export async function analyzePlotsInParts(
  options: PlotsInPartsOptions,
  pieceBytes = PIECE_BYTES,
): Promise<PlotsInParts | NotInParts> {
  const { workers } = options;
  const bytes = readShared(options.path);
  const cut = cutFeatureCollection(bytes, workers.length + 1, FIRST_PART_WEIGHT);
  if (!cut) return { ok: false, why: 'the file could not be cut between features' };
  const [first, ...rest] = cut.pieces as [[number, number], ...[number, number][]];
  try {
    // The file's first piece suggests the column mapping and the CRS every part is read with.
    const next = rangePieces(bytes, first[0], first[1], pieceBytes);
    const firstBytes = next();
    if (!firstBytes) return { ok: false, why: 'no pieces' };
    const firstPart = new PlotPart(firstBytes, 0, firstBytes.length);
    if (!firstPart.summary.ok) return firstPart.summary;
    const input = firstPieceInput(options, cut.root.crs, firstPart.summary);
    if ('why' in input) return input;
    const replies = workers.map((worker) => nextMessage<PieceRun>(worker));
    rest.forEach(([from, to], k) => {
      const request: PartRequest = { buffer: bytes.buffer as SharedArrayBuffer, from, to, input, pieceBytes };
      workers[k]?.postMessage(request);
    });
    const firstResult = firstPart.finish(input);
    if (!firstResult.ok) return firstResult;
    const runs = [analyzePieceRun(next, { decided: input }), ...(await Promise.all(replies))];
    const summaries = [firstPart.summary];
    const results = [firstResult];
    for (const run of runs) {
      if (!run.ok) return run;
      summaries.push(...run.summaries);
      results.push(...run.results);
    }
    const crs = confirmedCrs(options, cut.root.crs, summaries, input);
    if ('why' in crs) return crs;
    return mergedPlots(crs, results, options.reference);
  } catch (error) {
    // A worker that failed: the ordinary reading meets the same failure and reports it.
    return { ok: false, why: `a worker failed: ${String(error)}` };
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
  port.once('message', ({ buffer, from, to, input, pieceBytes }: PartRequest) => {
    const run = analyzePieceRun(rangePieces(new Uint8Array(buffer), from, to, pieceBytes), {
      decided: input,
    });
    port.postMessage(run, run.ok ? transferables(run.results) : []);
  });
}
