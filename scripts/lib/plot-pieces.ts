/**
 * A large GeoJSON plot layer analysed piece after piece, keeping of each piece only its results (the
 * CSV rows as bytes, the figures and rings in typed arrays), never the parsed features of the whole
 * layer: on the benchmark machine, the garbage collection and the page faults of a whole parsed
 * layer cost about as much as the analysis itself. The column mapping and the CRS are decided from
 * the first piece and confirmed from all of them at the end; the pieces are analysed by the same
 * functions, in the same order, as the whole-file path, so that the CSV rows, the per-plot figures
 * and the summary are the same bytes. Anything unusual (a problem of any kind, a layer the CRS
 * detection must look at feature by feature, a whole layer that decides otherwise than its first
 * piece, a file of another shape) gives why, and the caller reads the file the ordinary way, with
 * its exact messages.
 */

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
import { type PartInput, PlotPart } from './plot-part.ts';

/**
 * Bytes of GeoJSON per piece: small enough that a piece's parsed features die young (the garbage
 * collector copies what survives, and a whole parsed layer survives every collection) and that its
 * text is no large object (each of those is memory of its own, in fresh pages), large enough that
 * the per-piece work is a small share.
 */
export const PIECE_BYTES = 1 << 16;

/** Plot files from this size on are read in pieces; smaller ones whole, as before. */
export const PIECES_FROM_BYTES = 4 * 1024 * 1024;

/**
 * Bytes per piece when a plot file of `size` bytes is read, 0 to read it whole: ANALYZE_PIECE_BYTES
 * when set (tests read small files in pieces, and compare with 0), else {@link PIECE_BYTES} for a
 * file of {@link PIECES_FROM_BYTES} or more.
 */
export function plotPieceBytes(size: number, environment: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(environment.ANALYZE_PIECE_BYTES);
  if (environment.ANALYZE_PIECE_BYTES !== undefined && Number.isInteger(chosen) && chosen >= 0) return chosen;
  return size >= PIECES_FROM_BYTES ? PIECE_BYTES : 0;
}

/** Why a file is read whole when it is not cut between features (not of the shape the pieces are cut from). */
export const NOT_CUT: NotInParts = { ok: false, why: 'the file could not be cut between features' };

/**
 * A reader of the file's pieces (see FeaturePieceReader), or why the file must be read the ordinary
 * way, which then meets the same failure and reports it.
 */
export function openPieceReader(
  path: string,
  pieceBytes: number,
  range?: readonly [from: number, to: number],
): FeaturePieceReader | NotInParts {
  try {
    return new FeaturePieceReader(path, pieceBytes, range);
  } catch (error) {
    return { ok: false, why: `the file could not be read: ${String(error)}` };
  }
}

/** The next piece's bytes; null after the last; undefined when no cut between features was found. */
export type NextPiece = () => Uint8Array | null | undefined;

/** Pieces analysed one after another: each one's summary and analysis, in file order. */
export type PieceRun = { ok: true; summaries: PieceSummary[]; results: PieceResult[] } | NotInParts;

/**
 * Analyses the pieces that `next` gives, one after another, with `input`, or with the input the
 * first piece suggests (`decide`, called once; `input` then holds what it gave).
 * @param writeRows takes each piece's CSV rows at once (see PlotPart's finish)
 */
export function analyzePieceRun(
  next: NextPiece,
  input: { decided: PartInput | null; decide?: (first: PieceSummary) => PartInput | NotInParts },
  writeRows?: (bytes: Uint8Array) => void,
): PieceRun {
  const summaries: PieceSummary[] = [];
  const results: PieceResult[] = [];
  for (let bytes = next(); bytes !== null; bytes = next()) {
    if (bytes === undefined) return NOT_CUT;
    const part = new PlotPart(bytes, 0, bytes.length);
    if (!part.summary.ok) return part.summary;
    summaries.push(part.summary);
    if (!input.decided) {
      const decided = input.decide?.(part.summary) ?? { ok: false, why: 'no decisions' };
      if ('why' in decided) return decided;
      input.decided = decided;
    }
    const result = part.finish(input.decided, writeRows);
    if (!result.ok) return result;
    results.push(result);
  }
  return { ok: true, summaries, results };
}

/**
 * Analyses the plots on this thread, piece after piece, reading the file through a window of a few
 * pieces.
 * @param writeRows takes each piece's CSV rows as soon as they are made (the result then holds
 *   none): written out at once, 20 MB of rows for 100,000 plots never take fresh memory
 * @returns the merged analysis, or why the file must be read the ordinary way
 */
export function analyzePlotsInPieces(
  options: PlotPiecesOptions,
  pieceBytes = PIECE_BYTES,
  writeRows?: (bytes: Uint8Array) => void,
): PlotsInParts | NotInParts {
  const reader = openPieceReader(options.path, pieceBytes);
  if ('why' in reader) return reader;
  try {
    const root = reader.root;
    if (!root) return NOT_CUT;
    const input = {
      decided: null as PartInput | null,
      decide: (first: PieceSummary) => firstPieceInput(options, root.crs, first),
    };
    const run = analyzePieceRun(() => reader.next(), input, writeRows);
    if (!run.ok) return run;
    if (!input.decided) return { ok: false, why: 'no pieces' };
    const crs = confirmedCrs(options, root.crs, run.summaries, input.decided);
    if ('why' in crs) return crs;
    return mergedPlots(crs, run.results, options.reference);
  } finally {
    reader.dispose();
  }
}
