/**
 * A large GeoJSON plot layer analysed in pieces, one after another on this thread
 * ({@link analyzePlotsInPieces}, the default) or side by side on several threads
 * (node:worker_threads, this thread taking the first piece; {@link analyzePlotsInParts}): the same functions in the same order as the whole-file path, so that the
 * CSV rows, the per-plot figures and the summary are the same bytes. Only what needs the whole layer
 * is decided here: the column mapping (from every piece's columns), the CRS (from the box of all
 * coordinates) and that ids are unique across pieces. Anything unusual (a problem of any kind, a
 * layer the CRS detection must look at feature by feature, a file of another shape) gives null, and
 * the caller reads the file the ordinary way, with its exact messages.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PlotResult } from '../../src/core/analysis/classify-plots.ts';
import { type CheckReference, prepareCheckReference } from '../../src/core/checks/check-reference.ts';
import {
  assembleChecks,
  type FeatureFindings,
  type PlausibilitySummary,
  summarizeChecks,
} from '../../src/core/checks/plausibility-checks.ts';
import {
  concatPackedRings,
  findPackedOverlaps,
  packedGeometry,
} from '../../src/core/checks/plot-overlaps.ts';
import type { TownMismatch } from '../../src/core/checks/town-mismatch.ts';
import { checkPlacement } from '../../src/core/crs/check-placement.ts';
import type { Crs, CrsDetection, CrsDetectionResult } from '../../src/core/crs/crs.ts';
import { detectCrs, userCrsDetection } from '../../src/core/crs/detect-crs.ts';
import type { CoordinateBox } from '../../src/core/crs/detect-crs-from-coordinates.ts';
import { suggestColumnMapping } from '../../src/core/io/column-mapping.ts';
import { isUsableDetection, unionBox } from '../../src/core/io/detect-layer-crs.ts';
import { cutFeatureCollection } from '../../src/core/io/parse-large-geojson.ts';
import type { FeatureCollection } from '../../src/core/types.ts';
import { FeaturePieceReader } from './feature-piece-reader.ts';
import { type PartInput, type PartResult, type PartSummary, PlotPart } from './plot-part.ts';

/**
 * How many parts to read a plot file in: ANALYZE_THREADS when set (tests set it to read small files
 * in parts), else 1. Reading in parts is opt-in: on the 2-core benchmark machine, 100,000 plots in 2
 * parts took as long as on one thread or longer (each part's plots cost about 1.3 times as much
 * per plot as on one thread: the reading is bound by memory and garbage collection, which the two
 * threads share), even with no feature travelling back.
 */
export function plotPartCount(environment: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(environment.ANALYZE_THREADS);
  return Number.isInteger(chosen) && chosen >= 1 ? Math.min(chosen, 16) : 1;
}

/** Plot files from this size on are read in pieces on one thread; smaller ones whole, as before. */
export const PIECES_FROM_BYTES = 4 * 1024 * 1024;

/**
 * Bytes per piece when a plot file of `size` bytes is read on one thread, 0 to read it whole:
 * ANALYZE_PIECE_BYTES when set (tests read small files in pieces, and compare with 0), else
 * {@link PIECE_BYTES} for a file of {@link PIECES_FROM_BYTES} or more.
 */
export function plotPieceBytes(size: number, environment: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(environment.ANALYZE_PIECE_BYTES);
  if (environment.ANALYZE_PIECE_BYTES !== undefined && Number.isInteger(chosen) && chosen >= 0) return chosen;
  return size >= PIECES_FROM_BYTES ? PIECE_BYTES : 0;
}

/** The plots analysed in parts, merged in file order. */
export interface PlotsInParts {
  ok: true;
  crs: CrsDetection;
  /** The plots' plausibility checks, as checkPlausibility gives them for the whole layer. */
  checks: PlausibilitySummary;
  /** Each part's CSV rows, each row followed by CRLF, as UTF-8. */
  rows: Uint8Array[];
  results: PlotResult[];
  towns: (string | undefined)[];
}

/** Where and how the plots are read. */
export interface PlotsInPartsOptions {
  path: string;
  /** The threads of every part but the first, which this thread takes ({@link startPlotPartWorkers}). */
  workers: readonly Worker[];
  /** The CRS chosen by hand (`--crs`, `--plots-crs`). */
  crs?: Crs;
  boundary: FeatureCollection;
  control: FeatureCollection;
  tolerance: number;
  /** The county outline and land of the plausibility checks. */
  reference: CheckReference;
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

/** The columns of every piece, in first-seen order over the file (as columnsOf gives them). */
function mergedColumns(summaries: readonly PartSummary[]): string[] {
  const seen = new Set<string>();
  for (const summary of summaries) if (summary.ok) for (const column of summary.columns) seen.add(column);
  return [...seen];
}

/** The box of every piece's coordinates. */
function mergedBox(summaries: readonly PartSummary[]): CoordinateBox | null {
  const boxes: { box: CoordinateBox }[] = [];
  for (const summary of summaries) if (summary.ok && summary.box) boxes.push({ box: summary.box });
  return unionBox(boxes);
}

/**
 * The CRS as loadLayerFromSource decides it for a layer whose features are all sound, or null where
 * it would look further (feature by feature) or stop the layer.
 */
function layerDetection(
  fileName: string,
  chosen: Crs | undefined,
  crsMember: unknown,
  box: CoordinateBox | null,
  features: number,
): CrsDetection | null {
  let detection: CrsDetectionResult;
  if (chosen) detection = userCrsDetection(chosen);
  else {
    detection = detectCrs({ ...(crsMember === undefined ? {} : { crsMember }), positions: box ?? [] });
    const declaredUnsupported = !detection.ok && detection.reason === 'unsupported-crs';
    if (!(isUsableDetection(detection) || declaredUnsupported || features < 2)) return null;
  }
  if (!detection.ok || checkPlacement(fileName, detection, box)) return null;
  return detection;
}

/** True when no id key appears in two parts (each part has checked its own). */
function idsUniqueAcrossParts(results: readonly Extract<PartResult, { ok: true }>[]): boolean {
  const seen = new Set<string>();
  let total = 0;
  for (const result of results) {
    total += result.idKeys.length;
    for (const key of result.idKeys) seen.add(key);
  }
  return seen.size === total;
}

function mergedResults(parts: readonly Extract<PartResult, { ok: true }>[]): PlotsInParts['results'] {
  const results: PlotResult[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.ids.length; i++) {
      results.push({
        index: results.length,
        id: part.ids[i] as string,
        areaM2: part.areaM2[i] as number,
        areaMu: part.areaMu[i] as number,
        inBoundaryM2: part.inBoundaryM2[i] as number,
        inControlM2: part.inControlM2[i] as number,
        status: part.status[i] ?? null,
      });
    }
  }
  return results;
}

/** Typed arrays of every part end to end, in an array of the same kind. */
function joined<T extends Uint8Array | Float64Array>(arrays: readonly T[]): T {
  const Kind = (arrays[0]?.constructor ?? Float64Array) as new (length: number) => T;
  const all = new Kind(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    all.set(array, at);
    at += array.length;
  }
  return all;
}

/**
 * The plausibility checks of the whole layer from its parts: the plot-by-plot findings joined (plot
 * indices running on across the parts), the overlaps found among all the parts' rings.
 */
function mergedChecks(
  parts: readonly Extract<PartResult, { ok: true }>[],
  results: readonly PlotResult[],
  reference: CheckReference,
): PlausibilitySummary {
  const placements = parts.map((part) => part.findings.placement);
  const townMismatches: TownMismatch[] = [];
  let offset = 0;
  for (const part of parts) {
    for (const mismatch of part.findings.townMismatches ?? [])
      townMismatches.push({ ...mismatch, index: mismatch.index + offset });
    offset += part.ids.length;
  }
  const placed = placements.every((placement) => placement !== null);
  const findings: FeatureFindings = {
    checked: parts.reduce((sum, part) => sum + part.findings.checked, 0),
    placement: placed
      ? {
          outsideCounty: joined(placements.map((p) => p.outsideCounty)),
          onWater: joined(placements.map((p) => p.onWater)),
          centres: joined(placements.map((p) => p.centres)),
          areasM2: joined(placements.map((p) => p.areasM2)),
        }
      : null,
    townMismatches,
  };
  const rings = concatPackedRings(parts.map((part) => part.rings));
  const overlaps = findPackedOverlaps(rings, (i) => packedGeometry(rings, i), findings.placement?.areasM2);
  const checks = assembleChecks(
    results.length,
    (i) => (results[i] as PlotResult).id,
    findings,
    overlaps,
    prepareCheckReference(reference),
  );
  return summarizeChecks(checks);
}

/**
 * The size of this thread's own part against each worker's: this thread also reads the file before
 * and merges the parts after (the overlaps among all plots, the CSV written), so it takes less.
 */
const FIRST_PART_WEIGHT = 0.85;

/** Why the plots must be read the ordinary way. */
export interface NotInParts {
  ok: false;
  why: string;
}

/**
 * Analyses the plots in `options.parts` pieces, this thread taking the first.
 * @returns the merged analysis, or why the file must be read the ordinary way
 */
export async function analyzePlotsInParts(options: PlotsInPartsOptions): Promise<PlotsInParts | NotInParts> {
  const { workers } = options;
  const bytes = readShared(options.path);
  const cut = cutFeatureCollection(bytes, workers.length + 1, FIRST_PART_WEIGHT);
  if (!cut) return { ok: false, why: 'the file could not be cut between features' };
  const [first, ...rest] = cut.pieces as [[number, number], ...[number, number][]];
  try {
    const replies = workers.map((worker) => nextMessage<PartSummary>(worker));
    rest.forEach(([from, to], k) => {
      workers[k]?.postMessage({ buffer: bytes.buffer, from, to });
    });
    const part = new PlotPart(bytes, first[0], first[1]);
    const summaries = [part.summary, ...(await Promise.all(replies))];
    const failed = summaries.find((summary) => !summary.ok);
    if (failed && !failed.ok) return failed;
    const features = summaries.reduce((sum, summary) => sum + (summary.ok ? summary.features : 0), 0);
    const box = mergedBox(summaries);
    const crs = layerDetection(options.path, options.crs, cut.root.crs, box, features);
    if (!crs) return { ok: false, why: 'the CRS needs a closer look' };
    const input: PartInput = {
      mapping: suggestColumnMapping(mergedColumns(summaries)).mapping,
      crs: crs.crs,
      fileName: options.path,
      boundary: options.boundary,
      control: options.control,
      tolerance: options.tolerance,
      reference: options.reference,
    };
    const results = workers.map((worker) => nextMessage<PartResult>(worker));
    for (const worker of workers) worker.postMessage(input);
    const parts = [part.finish(input), ...(await Promise.all(results))];
    const done = parts.filter((result): result is Extract<PartResult, { ok: true }> => result.ok);
    const stopped = parts.find((result) => !result.ok);
    if (stopped && !stopped.ok) return stopped;
    return mergedPlots(crs, done, options.reference);
  } catch (error) {
    // A worker that failed: the ordinary reading meets the same failure and reports it.
    return { ok: false, why: `a worker failed: ${String(error)}` };
  }
}

/** Where and how the plots are read on this thread alone. */
export type PlotsInPiecesOptions = Omit<PlotsInPartsOptions, 'workers'>;

/**
 * Bytes of GeoJSON per piece read on this thread: small enough that a piece's parsed features die
 * young (the garbage collector copies what survives, and a whole parsed layer survives every
 * collection), large enough that the per-piece work is a small share.
 */
export const PIECE_BYTES = 1 << 16;

/**
 * Analyses the plots on this thread, piece after piece, keeping of each piece only its results (the
 * CSV rows as bytes, the figures and rings in typed arrays), never the parsed features of the whole
 * layer: on the benchmark machine, the garbage collection and the page faults of a whole parsed
 * layer cost about as much as the analysis itself. The column mapping and the CRS are decided from
 * the first piece and confirmed from all of them at the end, with the same functions as
 * {@link analyzePlotsInParts}; when the whole layer would decide otherwise, or anything unusual is
 * met, the plots must be read the ordinary way.
 * @returns the merged analysis, or why the file must be read the ordinary way
 */
export function analyzePlotsInPieces(
  options: PlotsInPiecesOptions,
  pieceBytes = PIECE_BYTES,
): PlotsInParts | NotInParts {
  let reader: FeaturePieceReader;
  try {
    reader = new FeaturePieceReader(options.path, pieceBytes);
  } catch (error) {
    // The ordinary reading meets the same failure and reports it.
    return { ok: false, why: `the file could not be read: ${String(error)}` };
  }
  try {
    return analyzePieces(reader, options);
  } finally {
    reader.dispose();
  }
}

function analyzePieces(reader: FeaturePieceReader, options: PlotsInPiecesOptions): PlotsInParts | NotInParts {
  const root = reader.root;
  if (!root) return { ok: false, why: 'the file could not be cut between features' };
  const summaries: PartSummary[] = [];
  const done: Extract<PartResult, { ok: true }>[] = [];
  let input: PartInput | null = null;
  for (let bytes = reader.next(); bytes !== null; bytes = reader.next()) {
    if (bytes === undefined) return { ok: false, why: 'the file could not be cut between features' };
    const part = new PlotPart(bytes, 0, bytes.length);
    if (!part.summary.ok) return part.summary;
    summaries.push(part.summary);
    if (!input) {
      const { box, features, columns } = part.summary;
      const crs = layerDetection(options.path, options.crs, root.crs, box, features);
      if (!crs) return { ok: false, why: 'the CRS needs a closer look' };
      input = {
        mapping: suggestColumnMapping(columns).mapping,
        crs: crs.crs,
        fileName: options.path,
        boundary: options.boundary,
        control: options.control,
        tolerance: options.tolerance,
        reference: options.reference,
      };
    }
    const result = part.finish(input);
    if (!result.ok) return result;
    done.push(result);
  }
  if (!input) return { ok: false, why: 'no pieces' };
  // The whole layer's decisions, from every piece, must be the ones the pieces were read with.
  const features = summaries.reduce((sum, summary) => sum + (summary.ok ? summary.features : 0), 0);
  const crs = layerDetection(options.path, options.crs, root.crs, mergedBox(summaries), features);
  if (!crs || JSON.stringify(crs.crs) !== JSON.stringify(input.crs))
    return { ok: false, why: 'the whole layer decides its CRS otherwise' };
  const mapping = suggestColumnMapping(mergedColumns(summaries)).mapping;
  if (JSON.stringify(mapping) !== JSON.stringify(input.mapping))
    return { ok: false, why: 'the whole layer maps its columns otherwise' };
  return mergedPlots(crs, done, options.reference);
}

/** The parts' analyses as one, or why they cannot be (an id in two parts). */
function mergedPlots(
  crs: CrsDetection,
  done: readonly Extract<PartResult, { ok: true }>[],
  reference: CheckReference,
): PlotsInParts | NotInParts {
  if (!idsUniqueAcrossParts(done)) return { ok: false, why: 'an id in two parts' };
  const merged = mergedResults(done);
  return {
    ok: true,
    crs,
    rows: done.map((result) => result.rows),
    results: merged,
    towns: done.flatMap((result) => result.towns),
    checks: mergedChecks(done, merged, reference),
  };
}

/** The buffers of a part's typed arrays, moved to the main thread rather than copied. */
function transferables(result: Extract<PartResult, { ok: true }>): ArrayBuffer[] {
  const { placement } = result.findings;
  const arrays = [
    result.areaM2,
    result.areaMu,
    result.inBoundaryM2,
    result.inControlM2,
    result.rows,
    ...Object.values(result.rings),
    ...(placement ? [placement.outsideCounty, placement.onWater, placement.centres, placement.areasM2] : []),
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

/** The `workerData.role` of a plot part worker. */
const PLOT_PART_ROLE = 'plot-part';

/** True in a worker started by {@link analyzePlotsInParts}. */
export function isPlotPartWorker(): boolean {
  return (workerData as { role?: unknown } | null)?.role === PLOT_PART_ROLE;
}

/** The worker's side: its piece's summary, then, given the layer's decisions, its piece analysed. */
export function servePlotPart(): void {
  const port = parentPort;
  if (!port) return;
  port.once('message', ({ buffer, from, to }: { buffer: SharedArrayBuffer; from: number; to: number }) => {
    const part = new PlotPart(new Uint8Array(buffer), from, to);
    port.postMessage(part.summary);
    port.once('message', (input: PartInput) => finishPart(port, part, input));
  });
}

/** The worker's piece analysed with the layer's decisions, sent to the main thread. */
function finishPart(port: MessagePort, part: PlotPart, input: PartInput): void {
  const result = part.finish(input);
  port.postMessage(result, result.ok ? transferables(result) : []);
}
