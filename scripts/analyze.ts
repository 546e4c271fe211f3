/**
 * Command-line analysis over the same core as the page:
 *   npm run analyze -- --plots P --boundary B --control C --out result.csv [--summary summary.json] [--tolerance 0.01]
 * Inputs are GeoJSON (a `.prj` beside it is read), zipped shapefiles (`.zip`), shapefiles (`.shp` with
 * its `.dbf`, `.prj`, `.cpg` beside it) or KML/KMZ, in any coordinate system the core detects; plot
 * columns are mapped onto the canonical properties by their Chinese or English names.
 * `--crs CODE` (EPSG:4490, EPSG:4528, GCJ02, GK:120:41, EPSG:4549/yx, … see crs-codes.ts) reads every
 * input in that system instead of detecting it; `--plots-crs`, `--boundary-crs`, `--control-crs`
 * do so for one input. A layer that lands far from Cixi is refused, with the code that would fix it.
 * Bad input: a message on stderr naming the file, the feature and the problem, exit code 2, and no
 * output file written.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { assignTowns } from '../src/core/analysis/assign-towns.ts';
import { baselineIndicators } from '../src/core/analysis/baseline-indicators.ts';
import { classifyPlots, DEFAULT_TOLERANCE, type PlotResult } from '../src/core/analysis/classify-plots.ts';
import { type CheckReference, cixiCheckReference } from '../src/core/checks/check-reference.ts';
import {
  checkPlausibility,
  type PlausibilitySummary,
  summarizeChecks,
} from '../src/core/checks/plausibility-checks.ts';
import type { Crs, CrsDetection } from '../src/core/crs/crs.ts';
import { parseCrsCode, unknownCrsCodeMessage } from '../src/core/crs/crs-codes.ts';
import { columnsOf, suggestColumnMapping } from '../src/core/io/column-mapping.ts';
import { guessLayerKind } from '../src/core/io/guess-layer-kind.ts';
import { MAX_FILE_BYTES } from '../src/core/io/import-limits.ts';
import { type LoadedLayer, loadLayerFromSource } from '../src/core/io/load-layer.ts';
import { type InputFile, type LayerSource, readLayerFiles } from '../src/core/io/read-layer-files.ts';
import { AREA_METHOD, DEFAULT_SETTINGS } from '../src/core/settings.ts';
import type { FeatureCollection, LayerKind, Problem } from '../src/core/types.ts';
import type { PlotPiecesOptions } from './lib/merge-plot-parts.ts';
import { nodeUtf8 } from './lib/node-utf8.ts';
import { PLAN_USAGE, type PlanCommandOptions, runPlanCommand } from './lib/plan-command.ts';
import { CSV_HEADER, CsvFile, plotCsvRows, rowBlocks, writeCsvAtomically } from './lib/plot-csv-rows.ts';
import { analyzePlotsInPieces, plotPieceBytes } from './lib/plot-pieces.ts';
import {
  analyzePlotsInParts,
  isPlotPartWorker,
  plotPartCount,
  servePlotPart,
  startPlotPartWorkers,
} from './lib/plots-in-parts.ts';
import { outputPathProblem, writeAtomically } from './lib/write-atomically.ts';

const USAGE =
  '用法 / usage: npm run analyze -- --plots P --boundary B --control C --out result.csv [--summary summary.json] [--tolerance 0.01] [--crs EPSG:4528] [--plots-crs …] [--boundary-crs …] [--control-crs …] [--skip-invalid]';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(2);
}

/** A layer that cannot be analysed: the lines that say why (exit 2, nothing written). */
class LoadStop extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0]);
  }
}

function formatProblem(problem: Problem): string {
  return `  ${problem.severity === 'error' ? '错误' : '警告'} [${problem.code}] ${problem.message.zh}\n      ${problem.message.en}`;
}

/** Extensions of the files that make up one shapefile, read from beside the `.shp`. */
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];

function readInput(path: string): Uint8Array {
  try {
    // A Buffer is a Uint8Array already: no copy of a file that may be hundreds of megabytes.
    return readFileSync(path);
  } catch (error) {
    throw new LoadStop([
      `无法读取文件 ${path}：${(error as Error).message}`,
      `Cannot read file ${path}: ${(error as Error).message}`,
    ]);
  }
}

/** The files beside the input at `path` that belong to it (a `.shp`'s parts, a GeoJSON's `.prj`). */
function siblingPaths(path: string): string[] {
  const ext = extname(path).toLowerCase();
  const stem = path.slice(0, path.length - ext.length);
  const siblings = ext === '.shp' ? SHAPEFILE_PARTS.filter((part) => part !== 'shp') : [];
  if (ext === '.geojson' || ext === '.json') siblings.push('prj');
  const dir = dirname(path);
  const names = siblings.length > 0 ? readdirSync(dir) : [];
  const paths: string[] = [];
  for (const part of siblings) {
    // Match the extension in any case (地块.DBF beside 地块.shp).
    const name = names.find(
      (candidate) => candidate.toLowerCase() === `${basename(stem)}.${part}`.toLowerCase(),
    );
    if (name) paths.push(join(dir, name));
  }
  return paths;
}

/** The files that make up the input at `path`: the file itself and, for `.shp` and GeoJSON, its siblings. */
function inputFiles(path: string): InputFile[] {
  const files: InputFile[] = [{ name: path, bytes: readInput(path) }];
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (const sibling of siblingPaths(path)) {
    files.push({ name: `${stem}${extname(sibling).toLowerCase()}`, bytes: readInput(sibling) });
  }
  return files;
}

function problemLines(path: string, problems: Problem[]): string[] {
  return [
    `文件 ${path} 有 ${problems.length} 个问题，未生成任何输出 / ${path} has ${problems.length} problem(s); nothing was written:`,
    ...problems.slice(0, 50).map(formatProblem),
    ...(problems.length > 50
      ? [`  …另有 ${problems.length - 50} 个 / and ${problems.length - 50} more`]
      : []),
  ];
}

/** The one source of the input; a zip with several layers must name the wanted one by its kind. */
function chooseSource(path: string, kind: LayerKind, sources: LayerSource[]): LayerSource {
  if (sources.length === 1) return sources[0] as LayerSource;
  const matching = sources.filter(
    (source) => guessLayerKind(source.fileName, source.collection).kind === kind,
  );
  if (matching.length === 1) return matching[0] as LayerSource;
  throw new LoadStop([
    `文件 ${path} 含有 ${sources.length} 个图层，无法确定哪一个是${kind}；请只压缩一个图层，或直接指定 .shp 文件：`,
    `File ${path} holds ${sources.length} layers and it is not clear which is the ${kind} layer; zip one layer only, or give the .shp itself:`,
    ...sources.map((source) => `  ${source.fileName}`),
  ]);
}

/** The lines the import dialog shows about a layer's CRS: the detection when it is not plain lon/lat, and always its warning. */
function crsLines(fileName: string, crs: CrsDetection): string[] {
  return crs.confidence !== 'certain' || crs.crs.kind !== 'wgs84' || crs.warning
    ? [`  ${fileName}: ${crs.message.zh}\n      ${crs.message.en}`]
    : [];
}

/** A layer read, with the lines to print about it; or the lines that stop the run. */
type LoadOutcome = { ok: true; loaded: LoadedLayer; lines: string[] } | { ok: false; lines: string[] };

/**
 * Reads one input layer. A feature with an error stops the run (exit 2, nothing written) unless
 * `skipInvalid`: then it is left out with its message, as the import dialog's "load the valid
 * features" does, and the run goes on with the rest; a file-level error still stops it.
 * Prints nothing: the lines are in the outcome.
 */
function loadQuietly(
  path: string,
  kind: LayerKind,
  chosen: Crs | undefined,
  skipInvalid: boolean,
): LoadOutcome {
  try {
    return { ok: true, ...readLayer(path, kind, chosen, skipInvalid) };
  } catch (error) {
    if (error instanceof LoadStop) return { ok: false, lines: error.lines };
    throw error;
  }
}

function readLayer(
  path: string,
  kind: LayerKind,
  chosen: Crs | undefined,
  skipInvalid: boolean,
): { loaded: LoadedLayer; lines: string[] } {
  // Memory is plentiful here: one JSON.parse of a file's whole text is the fastest way to read it.
  const read = readLayerFiles(inputFiles(path), { wholeGeoJsonText: true, utf8Decoder: nodeUtf8 });
  if (read.sources.length === 0 || read.problems.some((p) => p.severity === 'error')) {
    throw new LoadStop(problemLines(path, read.problems.length > 0 ? read.problems : [noLayerProblem(path)]));
  }
  const source = chooseSource(path, kind, read.sources);
  const columnMapping =
    kind === 'plots' ? suggestColumnMapping(columnsOf(source.collection)).mapping : undefined;
  const result = loadLayerFromSource(source, kind, {
    ...(columnMapping ? { columnMapping } : {}),
    ...(chosen ? { crs: chosen } : {}),
    // The CSV rows use the properties the checks read, instead of reading them a second time.
    plotProperties: kind === 'plots',
  });
  const errors = result.problems.filter((p) => p.severity === 'error');
  const skippable =
    skipInvalid &&
    result.ok &&
    result.layer.features.length > 0 &&
    errors.every((problem) => problem.featureIndex >= 0);
  if (!result.ok || (errors.length > 0 && !skippable)) {
    // File-level warnings often explain the errors (a .dbf with fewer records than the .shp has
    // shapes: the features without a record have no id), so they come first.
    const context = result.problems.filter((p) => p.severity === 'warning' && p.featureIndex < 0);
    throw new LoadStop(problemLines(path, errors.length > 0 ? [...context, ...errors] : result.problems));
  }
  const lines = [...read.problems, ...result.problems].map(formatProblem);
  if (errors.length > 0) {
    lines.push(
      `  ${path}：按 --skip-invalid 略过 ${result.skipped} 个有错误的要素，其余 ${result.layer.features.length} 个参与分析 / ${result.skipped} feature(s) with errors left out (--skip-invalid); the other ${result.layer.features.length} are analysed`,
    );
  }
  if (source.encoding) {
    lines.push(
      `  ${source.fileName}: 属性编码 ${source.encoding.name}（${ENCODING_SOURCES[source.encoding.source]}）`,
    );
  }
  // What the import dialog shows about the CRS: the detection when it is not plain lon/lat, and
  // always its warning (a .prj or crs member the coordinates contradict, data far from Cixi).
  lines.push(...crsLines(source.fileName, result.crs));
  return { loaded: result, lines };
}

/** {@link loadQuietly}, printing its lines; exit 2 when the layer stops the run. */
function load(path: string, kind: LayerKind, chosen: Crs | undefined, skipInvalid: boolean): LoadedLayer {
  const outcome = loadQuietly(path, kind, chosen, skipInvalid);
  if (!outcome.ok) fail(outcome.lines);
  for (const line of outcome.lines) console.error(line);
  return outcome.loaded;
}

/** The CRS given for one input (`--plots-crs`, …) or for all (`--crs`); an unknown code stops the run. */
function chosenCrs(values: Record<string, string | undefined>, kind: LayerKind): Crs | undefined {
  const option = values[`${kind}-crs`] === undefined ? 'crs' : `${kind}-crs`;
  const code = values[option];
  if (code === undefined) return undefined;
  const crs = parseCrsCode(code);
  if (!crs) {
    const message = unknownCrsCodeMessage(code);
    fail([`--${option}: ${message.zh}`, `--${option}: ${message.en}`]);
  }
  return crs;
}

const ENCODING_SOURCES = { cpg: '来自 .cpg 文件', ldid: '来自 .dbf 的语言驱动标记', detected: '自动判断' };

function noLayerProblem(path: string): Problem {
  return {
    code: 'no-layer',
    severity: 'error',
    featureIndex: -1,
    message: { zh: `文件 ${path} 中没有可读取的图层`, en: `File ${path} holds no layer that can be read.` },
  };
}

/**
 * The result CSV opened for writing as the plots are analysed, or null when it cannot be opened
 * (then it is written at the end, and that reports why it cannot).
 */
function openCsvQuietly(out: string): CsvFile | null {
  try {
    return new CsvFile(out, CSV_HEADER.join(','));
  } catch {
    return null;
  }
}

/** The plots, analysed: what the CSV and the summary are written from. */
interface AnalysedPlots {
  crs: CrsDetection;
  skipped: number;
  results: readonly PlotResult[];
  towns: readonly (string | undefined)[];
  /** The CSV rows in blocks joined by CRLF, or as UTF-8 bytes of rows each followed by CRLF. */
  rowBlocks: Iterable<string | Uint8Array>;
  /** The CSV file the rows were written to as they were made, when they were (then rowBlocks is empty). */
  written?: CsvFile;
  /** The plots' plausibility checks. */
  checks: PlausibilitySummary;
}

let reference: CheckReference | undefined;

/** The base map's county outline and land, read once. */
function checkReference(): CheckReference {
  reference ??= readCheckReference();
  return reference;
}

/**
 * The base map's county outline and land (data/basemap/), found by walking up from this file (it runs
 * from scripts/ under tsx and from .cache/cli/ when bundled).
 */
function readCheckReference(): CheckReference {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const basemap = join(dir, 'data', 'basemap');
    if (existsSync(join(basemap, 'counties.geojson'))) {
      const read = (name: string) =>
        JSON.parse(readFileSync(join(basemap, name), 'utf8')) as FeatureCollection;
      return cixiCheckReference(read('counties.geojson'), read('land.geojson'));
    }
  }
  throw new Error('data/basemap/counties.geojson not found above the analysis script');
}

/** The plots' plausibility checks, read whole. */
function plotChecks(plots: FeatureCollection, boundary: FeatureCollection): PlausibilitySummary {
  return summarizeChecks(checkPlausibility(plots, 'plots', { reference: checkReference(), boundary }));
}

/** summary.json's `checks`: the plots' checks, and where the boundary and control layers lie. */
function plausibilityChecks(
  plots: PlausibilitySummary,
  boundary: FeatureCollection,
  control: FeatureCollection,
) {
  const reference = checkReference();
  const placeOnly = (layer: FeatureCollection, kind: LayerKind) => {
    const { features, outsideCounty, onWater, shift, outsideCountyIds, onWaterIds } = summarizeChecks(
      checkPlausibility(layer, kind, { reference }),
    );
    return { features, outsideCounty, onWater, shift, outsideCountyIds, onWaterIds };
  };
  return {
    ...plots,
    boundary: placeOnly(boundary, 'boundary'),
    control: placeOnly(control, 'control'),
  };
}

/** One line on stderr of what the checks found, when they found anything. */
function checksLine(checks: PlausibilitySummary): string | null {
  const found = [
    checks.outsideCounty > 0 && [
      `县界外 ${checks.outsideCounty} 个`,
      `${checks.outsideCounty} outside the county`,
    ],
    checks.onWater > 0 && [`水面上 ${checks.onWater} 个`, `${checks.onWater} on water`],
    checks.townMismatch > 0 && [
      `镇街与所在开发边界不符 ${checks.townMismatch} 个`,
      `${checks.townMismatch} with a town other than their boundary's`,
    ],
    checks.overlappingPairs > 0 && [
      `相互重叠 ${checks.overlappingPairs} 对（${checks.overlapM2.toFixed(2)} 平方米）`,
      `${checks.overlappingPairs} overlapping pairs (${checks.overlapM2.toFixed(2)} m²)`,
    ],
    checks.duplicateGeometries > 0 && [
      `重复图形 ${checks.duplicateGeometries} 个`,
      `${checks.duplicateGeometries} duplicate geometries`,
    ],
  ].filter((entry): entry is string[] => Array.isArray(entry));
  if (found.length === 0) return null;
  return `合理性检查（地块）：${found.map((f) => f[0]).join('，')}；详见 summary.json 的 checks / plausibility checks (plots): ${found.map((f) => f[1]).join(', ')}; see checks in summary.json${checks.shift ? `\n  ${checks.shift.message.zh}\n  ${checks.shift.message.en}` : ''}`;
}

/** The paths and settings of a run on three layers. */
interface LayersRun {
  plotsPath: string;
  /** The result CSV. */
  out: string;
  boundaryPath: string;
  controlPath: string;
  tolerance: number;
  values: Record<string, string | undefined>;
  skipInvalid: boolean;
}

/** The CRS code of an option, without stopping the run: 'unknown' when the code is not known. */
function optionCrs(values: Record<string, string | undefined>, kind: LayerKind): Crs | undefined | 'unknown' {
  const code = values[`${kind}-crs`] ?? values.crs;
  return code === undefined ? undefined : (parseCrsCode(code) ?? 'unknown');
}

/**
 * The plots of a large GeoJSON read in pieces on this thread (analyzePlotsInPieces: only each
 * piece's results are kept, never the whole parsed layer), or in parts on several threads when
 * ANALYZE_THREADS asks for them (plots-in-parts.ts), once both other layers load; null when the run
 * must go the ordinary way (nothing printed then).
 */
async function analyzeInParts(
  run: LayersRun,
): Promise<{ plots: AnalysedPlots; boundary: LoadedLayer; control: LoadedLayer } | null> {
  const { plotsPath, out } = run;
  const ext = extname(plotsPath).toLowerCase();
  if (ext !== '.geojson' && ext !== '.json') return null;
  let size: number;
  try {
    size = statSync(plotsPath).size;
  } catch {
    return null;
  }
  const parts = plotPartCount();
  const pieceBytes = plotPieceBytes(size);
  // A file over the size limit is refused by the ordinary reading, with its message.
  if ((parts < 2 && pieceBytes === 0) || size > MAX_FILE_BYTES || siblingPaths(plotsPath).length > 0)
    return null;
  const crs = [
    optionCrs(run.values, 'plots'),
    optionCrs(run.values, 'boundary'),
    optionCrs(run.values, 'control'),
  ];
  if (crs.includes('unknown')) return null;
  const [plotsCrs, boundaryCrs, controlCrs] = crs as (Crs | undefined)[];
  // Started first: they load while this thread reads the other layers and the file.
  const workers = parts > 1 ? startPlotPartWorkers(parts, new URL(import.meta.url)) : [];
  // On one thread, each piece's rows are written out as soon as they are made.
  const csv = workers.length === 0 ? openCsvQuietly(out) : null;
  let plots: Awaited<ReturnType<typeof analyzePlotsInParts>>;
  let boundary: LoadOutcome;
  let control: LoadOutcome;
  let read = false;
  try {
    boundary = loadQuietly(run.boundaryPath, 'boundary', boundaryCrs, run.skipInvalid);
    control = loadQuietly(run.controlPath, 'control', controlCrs, run.skipInvalid);
    if (!boundary.ok || !control.ok) return null;
    const options: PlotPiecesOptions = {
      path: plotsPath,
      ...(plotsCrs ? { crs: plotsCrs } : {}),
      boundary: boundary.loaded.layer,
      control: control.loaded.layer,
      tolerance: run.tolerance,
      reference: checkReference(),
    };
    plots =
      workers.length > 0
        ? await analyzePlotsInParts({ ...options, workers }, pieceBytes || undefined)
        : analyzePlotsInPieces(options, pieceBytes, csv ? (bytes) => csv.write(bytes) : undefined);
    read = plots.ok;
  } finally {
    for (const worker of workers) void worker.terminate();
    // Read the ordinary way, the plots' rows are written again from the start.
    if (!read) csv?.discard();
  }
  // Asked for by name (tests do), the way the plots were read is said.
  if (process.env.ANALYZE_THREADS !== undefined || process.env.ANALYZE_PIECE_BYTES !== undefined)
    console.error(
      plots.ok
        ? `  ANALYZE_THREADS: ${plotsPath} read in ${workers.length > 0 ? `${parts} parts` : 'pieces on one thread'}`
        : `  ANALYZE_THREADS: ${plotsPath} read whole (${plots.why})`,
    );
  if (!plots.ok) return null;
  for (const line of [...crsLines(plotsPath, plots.crs), ...boundary.lines, ...control.lines])
    console.error(line);
  return {
    plots: {
      crs: plots.crs,
      skipped: 0,
      results: plots.results,
      towns: plots.towns,
      rowBlocks: plots.rows,
      ...(csv ? { written: csv } : {}),
      checks: plots.checks,
    },
    boundary: boundary.loaded,
    control: control.loaded,
  };
}

/** The three layers read and the plots analysed on this thread alone. */
function analyzeWhole(run: LayersRun): { plots: AnalysedPlots; boundary: LoadedLayer; control: LoadedLayer } {
  const { values, skipInvalid, tolerance } = run;
  const plots = load(run.plotsPath, 'plots', chosenCrs(values, 'plots'), skipInvalid);
  const boundary = load(run.boundaryPath, 'boundary', chosenCrs(values, 'boundary'), skipInvalid);
  const control = load(run.controlPath, 'control', chosenCrs(values, 'control'), skipInvalid);

  const { results, problems } = classifyPlots(plots.layer, boundary.layer, control.layer, { tolerance });
  const unclassified = problems.filter((p) => p.severity === 'error');
  if (unclassified.length > 0)
    fail([`无法完成分类 / classification failed:`, ...unclassified.slice(0, 50).map(formatProblem)]);

  const towns = assignTowns(plots.layer, boundary.layer);
  const settings = { ...DEFAULT_SETTINGS, tolerance };
  const rows = plotCsvRows(plots.layer.features, plots.plotProperties, results, towns, settings);
  return {
    plots: {
      crs: plots.crs,
      skipped: plots.skipped,
      results,
      towns: towns.map((t) => t.town),
      rowBlocks: rowBlocks(rows),
      checks: plotChecks(plots.layer, boundary.layer),
    },
    boundary,
    control,
  };
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  let skipInvalid = false;
  try {
    const parsed = parseArgs({
      options: {
        plots: { type: 'string' },
        boundary: { type: 'string' },
        control: { type: 'string' },
        out: { type: 'string' },
        summary: { type: 'string' },
        tolerance: { type: 'string' },
        plan: { type: 'string' },
        scenario: { type: 'string' },
        crs: { type: 'string' },
        'plots-crs': { type: 'string' },
        'boundary-crs': { type: 'string' },
        'control-crs': { type: 'string' },
        'skip-invalid': { type: 'boolean' },
      },
      strict: true,
    });
    const { 'skip-invalid': skip, ...strings } = parsed.values;
    values = strings;
    skipInvalid = skip === true;
  } catch (error) {
    fail([(error as Error).message, USAGE, PLAN_USAGE]);
  }
  // A plan file: every indicator of one of its scenarios, overall and per year.
  if (values.plan !== undefined) {
    if (!values.out) fail(['缺少参数 --out / missing --out', PLAN_USAGE]);
    const outProblem = outputPathProblem(values.out, '--out');
    if (outProblem) fail([outProblem]);
    const options: PlanCommandOptions = { plan: values.plan, out: values.out };
    if (values.scenario !== undefined) options.scenario = values.scenario;
    process.exit(runPlanCommand(options));
  }
  const { plots: plotsPath, boundary: boundaryPath, control: controlPath, out } = values;
  if (!plotsPath || !boundaryPath || !controlPath || !out) fail(['缺少参数 / missing arguments', USAGE]);
  const outputProblems = [
    outputPathProblem(out, '--out'),
    values.summary === undefined ? null : outputPathProblem(values.summary, '--summary'),
  ].filter((problem) => problem !== null);
  if (outputProblems.length > 0) fail(outputProblems);
  const tolerance = values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(values.tolerance);
  if (!(tolerance >= 0 && tolerance < 0.5))
    fail([`--tolerance 必须在 0 到 0.5 之间 / must be in [0, 0.5): ${values.tolerance}`]);

  const run: LayersRun = {
    plotsPath,
    out,
    boundaryPath,
    controlPath,
    tolerance,
    values,
    skipInvalid,
  };
  const { plots, boundary, control } = (await analyzeInParts(run)) ?? analyzeWhole(run);
  const { results } = plots;
  const baseline = baselineIndicators(results, plots.towns);
  const summary = {
    areaMethod: AREA_METHOD,
    tolerance,
    inputs: {
      plots: { file: plotsPath, crs: plots.crs.message, skipped: plots.skipped },
      boundary: {
        file: boundaryPath,
        crs: boundary.crs.message,
        ...(boundary.skipped > 0 ? { skipped: boundary.skipped } : {}),
      },
      control: {
        file: controlPath,
        crs: control.crs.message,
        ...(control.skipped > 0 ? { skipped: control.skipped } : {}),
      },
    },
    ...baseline,
    // Last, so that every key before it stays as it was.
    checks: plausibilityChecks(plots.checks, boundary.layer, control.layer),
  };
  if (plots.written) plots.written.commit(results.length > 0);
  else writeCsvAtomically(out, CSV_HEADER.join(','), plots.rowBlocks, results.length > 0);
  if (values.summary) writeAtomically(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
  const checksFound = checksLine(summary.checks);
  if (checksFound) console.error(checksFound);
  console.error(
    `已分析 ${results.length} 个地块：工业用地 ${baseline.industrialMu.toFixed(2)} 亩，控制线内占比 ${((baseline.controlShare ?? 0) * 100).toFixed(2)}%，开发边界外 ${baseline.outsideBoundaryMu.toFixed(2)} 亩 → ${out}`,
  );
}

// The same module serves the plot part workers that analyzeInParts starts.
if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (isPlotPartWorker()) servePlotPart();
