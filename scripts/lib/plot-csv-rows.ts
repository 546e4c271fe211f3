/**
 * The rows of the command line's result CSV, one per plot, and the cells they are made of. Shared by
 * the whole-file reading and the reading in parts on several threads (plot-part.ts), so that both
 * write the same bytes.
 */

import type { TownAssignment } from '../../src/core/analysis/assign-towns.ts';
import type { PlotResult } from '../../src/core/analysis/classify-plots.ts';
import { plotMeasures } from '../../src/core/analysis/plot-measures.ts';
import { normalizePlotProperties } from '../../src/core/io/normalize-plot-properties.ts';
import type { AnalysisSettings } from '../../src/core/settings.ts';
import { csvText } from '../../src/core/spreadsheet-cell.ts';
import type { Feature, PlotProperties } from '../../src/core/types.ts';

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
