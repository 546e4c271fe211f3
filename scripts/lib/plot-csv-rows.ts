/**
 * The rows of the command line's result CSV, one per plot, the cells they are made of, and the
 * writing of the file. Shared by the whole-file reading and the reading in parts on several threads
 * (plot-part.ts), so that both write the same bytes.
 */

import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TownAssignment } from '../../src/core/analysis/assign-towns.ts';
import type { PlotResult } from '../../src/core/analysis/classify-plots.ts';
import { plotMeasures } from '../../src/core/analysis/plot-measures.ts';
import { normalizePlotProperties } from '../../src/core/io/normalize-plot-properties.ts';
import type { AnalysisSettings } from '../../src/core/settings.ts';
import { csvText } from '../../src/core/spreadsheet-cell.ts';
import type { Feature, PlotProperties } from '../../src/core/types.ts';
import { partialPath } from './write-atomically.ts';

export const CSV_HEADER = [
  'id',
  'area_m2',
  'area_mu',
  'in_boundary_m2',
  'in_control_m2',
  'status',
  'area_ha',
  'town',
  'town_source',
  'village',
  'name',
  'tax_per_mu',
  'investment_per_mu',
  'far',
  'coverage',
  'passes_screening',
  'efficiency_class',
];

function number(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '' : value.toFixed(digits);
}

/** A text cell, quoted and made inert for spreadsheets (a plot named `=HYPERLINK(…)` runs nothing). */
function csvCell(value: unknown): string {
  return csvText(value === undefined || value === null ? '' : String(value));
}

/**
 * One CSV line per plot (the benchmark's stage "properties, measures, CSV rows" is this function).
 * @param features the loaded plots, in the order of `results`
 * @param plotProperties each plot's canonical properties as the checks read them, when kept
 */
export function plotCsvRows(
  features: readonly Feature[],
  plotProperties: readonly (PlotProperties | undefined)[] | undefined,
  results: readonly PlotResult[],
  towns: readonly TownAssignment[],
  settings: AnalysisSettings,
): string[] {
  const rows: string[] = new Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const result = results[i] as PlotResult;
    const town = towns[i];
    const properties =
      plotProperties?.[i] ??
      normalizePlotProperties((features[i]?.properties ?? {}) as Record<string, unknown>).properties;
    const measures = plotMeasures(properties, result.areaM2, settings);
    rows[i] = [
      csvCell(result.id),
      number(result.areaM2, 6),
      number(result.areaMu, 8),
      number(result.inBoundaryM2, 6),
      number(result.inControlM2, 6),
      result.status ?? '',
      number(result.areaM2 / 10000, 8),
      csvCell(town?.town),
      town?.source ?? '',
      csvCell(properties.village),
      csvCell(properties.name),
      number(measures.taxPerMu, 4),
      number(measures.investmentPerMu, 4),
      number(measures.far, 4),
      number(measures.coverage, 4),
      measures.passesScreening === undefined ? '' : String(measures.passesScreening),
      measures.efficiencyClass ?? '',
    ].join(',');
  }
  return rows;
}

/** Rows written at a time: the file's text is never built as one string (twice its size in memory). */
const CSV_BLOCK_ROWS = 4096;

/** The rows in blocks of CSV_BLOCK_ROWS, each block's rows joined by CRLF. */
export function* rowBlocks(rows: readonly string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += CSV_BLOCK_ROWS) yield rows.slice(i, i + CSV_BLOCK_ROWS).join('\r\n');
}

/** All of `bytes` (writeSync may write less than it is given). */
function writeBytes(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * The result CSV written through a temporary file beside it, renamed into place by {@link commit},
 * so that a failed run never leaves half a file behind (the temporary file is removed on
 * {@link discard}, and when the process exits without a commit).
 */
export class CsvFile {
  private readonly temporary: string;
  private fd: number | null;
  private readonly removeAtExit = () => this.discard();

  /** Opens the temporary file and writes the BOM and the header; throws when it cannot be opened. */
  constructor(
    private readonly path: string,
    header: string,
  ) {
    this.temporary = partialPath(path);
    this.fd = openSync(this.temporary, 'w');
    process.once('exit', this.removeAtExit);
    // A BOM so that Excel on Chinese Windows reads the file as UTF-8.
    writeSync(this.fd, `\uFEFF${header}\r\n`);
  }

  /** Rows joined by CRLF (a CRLF follows), or UTF-8 bytes of rows each followed by CRLF. */
  write(block: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.path}: written after it was closed`);
    if (typeof block === 'string') writeSync(this.fd, `${block}\r\n`);
    else writeBytes(this.fd, block);
  }

  /** Puts the file in place. (Without rows, an empty line follows the header, as the file has always had.) */
  commit(hasRows: boolean): void {
    if (this.fd === null) throw new Error(`${this.path}: committed after it was closed`);
    try {
      if (!hasRows) writeSync(this.fd, '\r\n');
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
    renameSync(this.temporary, this.path);
    process.off('exit', this.removeAtExit);
  }

  /** Closes and removes the temporary file. */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.temporary, { force: true });
    process.off('exit', this.removeAtExit);
  }
}

/**
 * Writes the CSV, BOM, header and each row followed by CRLF, through a temporary file
 * ({@link CsvFile}).
 * @param blocks the rows, in blocks of one or more rows joined by CRLF, or as UTF-8 bytes of rows
 *   each followed by CRLF
 */
export function writeCsvAtomically(
  path: string,
  header: string,
  blocks: Iterable<string | Uint8Array>,
  hasRows: boolean,
): void {
  const file = new CsvFile(path, header);
  try {
    for (const block of blocks) file.write(block);
    file.commit(hasRows);
  } catch (error) {
    file.discard();
    throw error;
  }
}
