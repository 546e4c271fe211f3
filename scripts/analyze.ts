/**
 * Command-line analysis over the same core as the page:
 *   npm run analyze -- --plots P --boundary B --control C --out result.csv [--summary summary.json] [--tolerance 0.01]
 * Inputs are GeoJSON in any coordinate system the core detects (a `.prj` beside a file is read).
 * Bad input: a message on stderr naming the file, the feature and the problem, exit code 2, and no
 * output file written.
 */

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assignTowns } from '../src/core/analysis/assign-towns.ts';
import { baselineIndicators } from '../src/core/analysis/baseline-indicators.ts';
import { classifyPlots, DEFAULT_TOLERANCE } from '../src/core/analysis/classify-plots.ts';
import { plotMeasures } from '../src/core/analysis/plot-measures.ts';
import { type LoadedLayer, loadLayerFromGeoJson } from '../src/core/io/load-layer.ts';
import { normalizePlotProperties } from '../src/core/io/normalize-plot-properties.ts';
import { AREA_METHOD, DEFAULT_SETTINGS } from '../src/core/settings.ts';
import type { LayerKind, Problem } from '../src/core/types.ts';

const USAGE =
  '用法 / usage: npm run analyze -- --plots P --boundary B --control C --out result.csv [--summary summary.json] [--tolerance 0.01]';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(2);
}

function formatProblem(problem: Problem): string {
  return `  ${problem.severity === 'error' ? '错误' : '警告'} [${problem.code}] ${problem.message.zh}\n      ${problem.message.en}`;
}

function load(path: string, kind: LayerKind): LoadedLayer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail([
      `无法读取文件 ${path}：${(error as Error).message}`,
      `Cannot read file ${path}: ${(error as Error).message}`,
    ]);
  }
  const prjPath = path.replace(/\.(geo)?json$/i, '.prj');
  const prj = prjPath !== path && existsSync(prjPath) ? readFileSync(prjPath, 'utf8') : undefined;
  const result = loadLayerFromGeoJson(text, path, kind, prj);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.ok || errors.length > 0) {
    const shown = errors.length > 0 ? errors : result.problems;
    fail([
      `文件 ${path} 有 ${shown.length} 个问题，未生成任何输出 / ${path} has ${shown.length} problem(s); nothing was written:`,
      ...shown.slice(0, 50).map(formatProblem),
      ...(shown.length > 50 ? [`  …另有 ${shown.length - 50} 个 / and ${shown.length - 50} more`] : []),
    ]);
  }
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.crs.confidence !== 'certain' || result.crs.crs.kind !== 'wgs84') {
    console.error(`  ${path}: ${result.crs.message.zh}`);
  }
  return result;
}

function number(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '' : value.toFixed(digits);
}

function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes through a temporary file, so a failed run never leaves half a file behind. */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.partial-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        plots: { type: 'string' },
        boundary: { type: 'string' },
        control: { type: 'string' },
        out: { type: 'string' },
        summary: { type: 'string' },
        tolerance: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
  const { plots: plotsPath, boundary: boundaryPath, control: controlPath, out } = values;
  if (!plotsPath || !boundaryPath || !controlPath || !out) fail(['缺少参数 / missing arguments', USAGE]);
  const tolerance = values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(values.tolerance);
  if (!(tolerance >= 0 && tolerance < 0.5))
    fail([`--tolerance 必须在 0 到 0.5 之间 / must be in [0, 0.5): ${values.tolerance}`]);

  const plots = load(plotsPath, 'plots');
  const boundary = load(boundaryPath, 'boundary');
  const control = load(controlPath, 'control');

  const { results, problems } = classifyPlots(plots.layer, boundary.layer, control.layer, { tolerance });
  const unclassified = problems.filter((p) => p.severity === 'error');
  if (unclassified.length > 0)
    fail([`无法完成分类 / classification failed:`, ...unclassified.slice(0, 50).map(formatProblem)]);

  const towns = assignTowns(plots.layer, boundary.layer);
  const settings = { ...DEFAULT_SETTINGS, tolerance };
  const header = [
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
  const rows = results.map((result, i) => {
    const feature = plots.layer.features[i];
    const { properties } = normalizePlotProperties((feature?.properties ?? {}) as Record<string, unknown>);
    const measures = plotMeasures(properties, result.areaM2, settings);
    return [
      csvCell(result.id),
      number(result.areaM2, 6),
      number(result.areaMu, 8),
      number(result.inBoundaryM2, 6),
      number(result.inControlM2, 6),
      result.status ?? '',
      number(result.areaM2 / 10000, 8),
      csvCell(towns[i]?.town),
      towns[i]?.source ?? '',
      csvCell(properties.village),
      csvCell(properties.name),
      number(measures.taxPerMu, 4),
      number(measures.investmentPerMu, 4),
      number(measures.far, 4),
      number(measures.coverage, 4),
      measures.passesScreening === undefined ? '' : String(measures.passesScreening),
      measures.efficiencyClass ?? '',
    ].join(',');
  });
  // A BOM so that Excel on Chinese Windows reads the file as UTF-8.
  const csv = `\uFEFF${header.join(',')}\r\n${rows.join('\r\n')}\r\n`;

  const baseline = baselineIndicators(
    results,
    towns.map((t) => t.town),
  );
  const summary = {
    areaMethod: AREA_METHOD,
    tolerance,
    inputs: {
      plots: { file: plotsPath, crs: plots.crs.message, skipped: plots.skipped },
      boundary: { file: boundaryPath, crs: boundary.crs.message },
      control: { file: controlPath, crs: control.crs.message },
    },
    ...baseline,
  };
  writeAtomically(out, csv);
  if (values.summary) writeAtomically(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
  console.error(
    `已分析 ${results.length} 个地块：工业用地 ${baseline.industrialMu.toFixed(2)} 亩，控制线内占比 ${((baseline.controlShare ?? 0) * 100).toFixed(2)}%，开发边界外 ${baseline.outsideBoundaryMu.toFixed(2)} 亩 → ${out}`,
  );
}

main();
