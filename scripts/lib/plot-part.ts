/**
 * One piece of a large plot layer taken through the whole analysis on its own thread: parse, column
 * mapping, reprojection, checks, repairs, classification, towns and CSV rows, by the same functions
 * and in the same order as the whole-file path. What needs the whole layer (the columns, the CRS, ids
 * that must be unique) is decided by the caller from every piece's summary. A piece that meets
 * anything unusual (a problem of any kind, a feature without its own id) says so instead of going
 * on, and the caller reads the file the ordinary way, with its exact messages.
 */

import { assignTowns } from '../../src/core/analysis/assign-towns.ts';
import {
  classifyWithZones,
  type PlotResult,
  prepareClassificationZones,
} from '../../src/core/analysis/classify-plots.ts';
import type { CheckReference } from '../../src/core/checks/check-reference.ts';
import { type FeatureFindings, findFeatureFindings } from '../../src/core/checks/plausibility-checks.ts';
import { type PackedRings, packRings } from '../../src/core/checks/plot-overlaps.ts';
import type { Crs } from '../../src/core/crs/crs.ts';
import type { CoordinateBox } from '../../src/core/crs/detect-crs-from-coordinates.ts';
import { type ColumnMapping, columnsOf } from '../../src/core/io/column-mapping.ts';
import { soundFeatures, unionBox } from '../../src/core/io/detect-layer-crs.ts';
import { loadCleanPiece } from '../../src/core/io/load-clean-piece.ts';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { Feature, FeatureCollection, PlotStatus } from '../../src/core/types.ts';
import { nodeUtf8 } from './node-utf8.ts';
import { plotCsvRows } from './plot-csv-rows.ts';

/** What the caller needs from every piece to decide for the whole layer. */
export type PartSummary =
  | { ok: true; features: number; columns: string[]; box: CoordinateBox | null }
  | { ok: false; why: string };

/** What the whole layer's decisions are, for each piece. */
export interface PartInput {
  mapping: ColumnMapping;
  crs: Crs;
  fileName: string;
  boundary: FeatureCollection;
  control: FeatureCollection;
  tolerance: number;
  /** The county outline and land the plausibility checks place the plots against. */
  reference: CheckReference;
}

/** A piece's plots, analysed: numbers in typed arrays, so that they cross threads as one copy. */
export type PartResult =
  | {
      ok: true;
      /** What the plausibility checks find plot by plot (indices within the piece). */
      findings: FeatureFindings;
      /** The plots' rings as loaded (repaired), for the overlaps, which need the whole layer. */
      rings: PackedRings;
      /** Each plot's id as the duplicate check keys it (unique within the piece). */
      idKeys: string[];
      /** The CSV rows of the piece's plots, each followed by CRLF, as UTF-8 (encoded on the part's thread). */
      rows: Uint8Array;
      ids: string[];
      areaM2: Float64Array;
      areaMu: Float64Array;
      inBoundaryM2: Float64Array;
      inControlM2: Float64Array;
      status: (PlotStatus | null)[];
      towns: (string | undefined)[];
    }
  | { ok: false; why: string };

/** Where a piece is copied between brackets, reused from piece to piece. */
let scratch = new Uint8Array(0);

/**
 * The text of bytes [from, to) between brackets, or null when they are not UTF-8. The piece is
 * copied between brackets and decoded as one flat text: JSON.parse of a text joined from parts
 * would first copy it whole into a new one.
 */
function decodePiece(bytes: Uint8Array, from: number, to: number): string | null {
  const piece = bytes.subarray(from, to);
  if (scratch.length < piece.length + 2) scratch = new Uint8Array(piece.length + 2 + (piece.length >> 2));
  scratch[0] = 0x5b; // [
  scratch.set(piece, 1);
  scratch[piece.length + 1] = 0x5d; // ]
  return nodeUtf8(scratch.subarray(0, piece.length + 2));
}

/** The features in bytes [from, to) of a FeatureCollection, or null when they are not UTF-8 and JSON. */
function parseGeoJsonPiece(bytes: Uint8Array, from: number, to: number): unknown[] | null {
  const text = decodePiece(bytes, from, to);
  if (text === null) return null;
  try {
    const features = JSON.parse(text) as unknown[];
    return features.length > 0 ? features : null;
  } catch {
    return null;
  }
}

/** The id a CSV row and the classification give a plot without one of its own use its index. */
function hasOwnPlotId(feature: Feature): boolean {
  const id = feature.properties?.id ?? feature.id;
  return id !== undefined && id !== null && id !== '';
}

const zonesByInput = new WeakMap<PartInput, ReturnType<typeof prepareClassificationZones>>();

/** The input's boundary and control layers prepared once for every piece that this thread finishes. */
function classificationZones(input: PartInput): ReturnType<typeof prepareClassificationZones> {
  let zones = zonesByInput.get(input);
  if (!zones) {
    zones = prepareClassificationZones(input.boundary, input.control);
    zonesByInput.set(input, zones);
  }
  return zones;
}

/** One piece of the plots, read in two steps: {@link summary} at once, then {@link finish}. */
export class PlotPart {
  readonly summary: PartSummary;
  private readonly features: unknown[] | null;

  /** Parses the piece and gathers what the whole layer's column mapping and CRS are decided from. */
  constructor(bytes: Uint8Array, from: number, to: number) {
    this.features = parseGeoJsonPiece(bytes, from, to);
    this.summary = this.summarise();
  }

  private summarise(): PartSummary {
    const features = this.features;
    if (!features) return { ok: false, why: 'not UTF-8 JSON features' };
    const sound = soundFeatures(features);
    if (sound.length !== features.length) return { ok: false, why: 'a feature with unsound coordinates' };
    const box = unionBox(sound);
    const columns = columnsOf({ type: 'FeatureCollection', features });
    return { ok: true, features: features.length, columns, box };
  }

  /**
   * The rest of the analysis, as loadLayerFromSource, classifyPlots, assignTowns and the CSV rows do
   * it for the whole layer; `ok: false` at the first thing that the whole-file path would report.
   * @param writeRows takes the piece's CSV rows at once (as UTF-8 in a buffer reused from piece to
   *   piece, so valid only during the call); the result then holds none
   */
  finish(input: PartInput, writeRows?: (bytes: Uint8Array) => void): PartResult {
    if (!this.features || !this.summary.ok) return { ok: false, why: 'not summarised' };
    // The command line's features serve only this run's CSV and summary.
    const piece = loadCleanPiece(this.features, input.mapping, input.crs, input.fileName, {
      plotProperties: true,
      transient: true,
    });
    if (!piece) return { ok: false, why: 'problems found' };
    const { features, idKeys } = piece;
    if (!features.every(hasOwnPlotId)) return { ok: false, why: 'a plot without an id' };
    const layer: FeatureCollection = { type: 'FeatureCollection', features };
    const { boundaryZones, controlZones } = classificationZones(input);
    const { results, problems } = classifyWithZones(layer, boundaryZones, controlZones, input.tolerance);
    if (problems.some((problem) => problem.severity === 'error'))
      return { ok: false, why: 'unclassified plots' };
    const towns = assignTowns(layer, input.boundary);
    const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, tolerance: input.tolerance };
    const rows = plotCsvRows(features, piece.plotProperties, results, towns, settings);
    const findings = findFeatureFindings(layer, 'plots', {
      reference: input.reference,
      boundary: input.boundary,
    });
    let rowBytes: Uint8Array = NO_ROWS;
    if (writeRows) writeRows(csvBytesInScratch(rows));
    else rowBytes = csvBytes(rows);
    return {
      ok: true,
      findings,
      rings: packRings(layer),
      idKeys,
      rows: rowBytes,
      ...columnsOfResults(results),
      towns: towns.map((t) => t.town),
    };
  }
}

/** The rows each followed by CRLF, as one text. */
function rowsText(rows: readonly string[]): string {
  return rows.length === 0 ? '' : `${rows.join('\r\n')}\r\n`;
}

/** Rows each followed by CRLF, as UTF-8 in a buffer of their own (one that can be transferred). */
function csvBytes(rows: readonly string[]): Uint8Array {
  return encoder.encode(rowsText(rows));
}

const encoder = new TextEncoder();
const NO_ROWS = new Uint8Array(0);
/** Where rows written at once are encoded, reused from piece to piece (no fresh memory per piece). */
let rowScratch = new Uint8Array(1 << 16);

/** {@link csvBytes} in a buffer reused from piece to piece: valid until the next call. */
function csvBytesInScratch(rows: readonly string[]): Uint8Array {
  if (rows.length === 0) return NO_ROWS;
  const text = rowsText(rows);
  // At most 3 bytes of UTF-8 per UTF-16 unit.
  if (rowScratch.length < 3 * text.length) rowScratch = new Uint8Array(3 * text.length);
  const { written } = encoder.encodeInto(text, rowScratch);
  return rowScratch.subarray(0, written);
}

function columnsOfResults(results: readonly PlotResult[]) {
  const n = results.length;
  const columns = {
    ids: new Array<string>(n),
    areaM2: new Float64Array(n),
    areaMu: new Float64Array(n),
    inBoundaryM2: new Float64Array(n),
    inControlM2: new Float64Array(n),
    status: new Array<PlotStatus | null>(n),
  };
  for (let i = 0; i < n; i++) {
    const result = results[i] as PlotResult;
    columns.ids[i] = result.id;
    columns.areaM2[i] = result.areaM2;
    columns.areaMu[i] = result.areaMu;
    columns.inBoundaryM2[i] = result.inBoundaryM2;
    columns.inControlM2[i] = result.inControlM2;
    columns.status[i] = result.status;
  }
  return columns;
}
