/**
 * Benchmark of the whole `npm run analyze` on a seeded sample of 100,000 plots: wall time of the
 * command exactly as package.json runs it (best of several runs), each stage's share from a CPU
 * profile of one more run, and, when a PostGIS server is reachable, the same job in PostGIS timed
 * in the same run (the two taking turns, so that both meet the same load), with the ratios and a
 * check that both give the same statuses and areas.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateSamplePlan } from './generate-sample.ts';
import { findPostgis, type PostgisRun, runPostgisJob } from './postgis-job.ts';
import { ANALYZE_STAGES, type ProfileStages, profileStages } from './profile-stages.ts';
import { sampleCollectionText } from './sample-collection-text.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAYERS = ['plots', 'boundary', 'control'] as const;
type LayerFiles = Record<(typeof LAYERS)[number], string>;

export interface AnalyzeBenchOptions {
  plots: number;
  seed: number;
  /** Runs of each command, ours and PostGIS's taking turns; the best is kept (other work only adds time). */
  repeats: number;
}

export interface AnalyzeBenchResult {
  plots: number;
  seed: number;
  plotsFileMB: number;
  command: string;
  /** Every run of `npm run analyze`'s command. */
  analyzeRuns: CommandTime[];
  /** The best wall time and the best CPU time of the runs, ms. */
  analyzeMs: number;
  analyzeCpuMs: number;
  /** Stages of the main thread (its waiting for the plot part workers as a stage of its own). */
  stages: ProfileStages;
  /** Stages of each plot part worker (one part of the plots each). */
  workerStages: ProfileStages[];
  /** PostGIS figures, or why there are none. */
  postgis:
    | {
        version: string;
        runs: PostgisRun[];
        best: PostgisRun;
        /** PostGIS's time over ours, run by run (each pair ran one after the other). */
        pairRatios: number[];
        check: AgreementCheck;
      }
    | { missing: string };
  loadAverage: { before: number[]; after: number[] };
}

/** 100,000 plots of the sample generator's default seed, each command run three times. */
export const ANALYZE_BENCH_DEFAULTS: AnalyzeBenchOptions = { plots: 100_000, seed: 20220225, repeats: 3 };

/**
 * A short hash of the sample generator's sources (every module it imports, followed from
 * generate-sample.ts and sample-collection-text.ts): files written by another version of the
 * generator are never taken for this one's.
 */
export function generatorStamp(): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    hash.update(`${relative(ROOT, path)}\n${source}\n`);
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g))
      visit(resolve(dirname(path), specifier as string));
  };
  for (const entry of ['generate-sample.ts', 'sample-collection-text.ts'])
    visit(join(ROOT, 'scripts', 'lib', entry));
  return hash.digest('hex').slice(0, 10);
}

/** The sample's three layers under the OS temp folder, written once per seed, size and generator. */
function sampleFiles(plots: number, seed: number): LayerFiles {
  const dir = join(os.tmpdir(), `ilp-bench-${seed}-${plots}-${generatorStamp()}`);
  const files = Object.fromEntries(
    LAYERS.map((layer) => [layer, join(dir, `${layer}.geojson`)]),
  ) as LayerFiles;
  if (LAYERS.every((layer) => existsSync(files[layer]))) return files;
  process.stderr.write(`bench: writing ${plots.toLocaleString('en-US')} plots to ${dir}…\n`);
  // Readable by other users: the database server's loader reads them too.
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const plan = generateSamplePlan({ seed, plots });
  for (const layer of LAYERS) {
    writeFileSync(`${files[layer]}.partial`, sampleCollectionText(plan[layer]), { mode: 0o644 });
    renameSync(`${files[layer]}.partial`, files[layer]);
  }
  return files;
}

/** The analyze script of package.json: the command `npm run analyze` runs, without npm itself. */
function analyzeScript(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return manifest.scripts.analyze as string;
}

interface CommandTime {
  wallMs: number;
  /** User + system CPU time of the command's processes (less sensitive to other work than wall time). */
  cpuMs: number;
}

/** Minutes and seconds as the shell's `times` prints them, e.g. 0m5.120s. */
function shellTime(text: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text);
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : Number.NaN;
}

function runCommand(command: string): CommandTime {
  const start = performance.now();
  // `times` prints the CPU time of the shell's children on its second line.
  const result = spawnSync('sh', ['-c', `${command} && times >&2`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`);
  const children = (result.stderr.trim().split('\n').pop() ?? '').trim().split(/\s+/);
  return { wallMs, cpuMs: shellTime(children[0] ?? '') + shellTime(children[1] ?? '') };
}

/** Statuses and areas of both CSVs side by side. */
export interface AgreementCheck {
  plots: number;
  statusDifferences: number;
  /** Largest |ours − PostGIS| / area over the plot area and both overlap areas. */
  maxRelativeDifference: number;
}

function compareCsv(oursCsv: string, postgisCsv: string): AgreementCheck {
  const ours = oursCsv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const theirs = postgisCsv.trim().split('\n').slice(1);
  let statusDifferences = Math.abs(ours.length - theirs.length);
  let maxRelativeDifference = 0;
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    // Sample ids and names hold no comma or quote, so a split is enough here.
    const a = (ours[i] as string).split(',');
    const b = (theirs[i] as string).split(',');
    if (a[5] !== b[4] || a[0] !== b[0]) statusDifferences++;
    const area = Number(a[1]);
    for (const [x, y] of [
      [a[1], b[1]],
      [a[3], b[2]],
      [a[4], b[3]],
    ]) {
      const difference = Math.abs(Number(x) - Number(y)) / area;
      if (difference > maxRelativeDifference) maxRelativeDifference = difference;
    }
  }
  return { plots: ours.length, statusDifferences, maxRelativeDifference };
}

/** Runs the benchmark; progress goes to stderr. */
export function benchAnalyze(options: AnalyzeBenchOptions): AnalyzeBenchResult {
  const loadBefore = os.loadavg();
  const files = sampleFiles(options.plots, options.seed);
  const outDir = join(os.tmpdir(), `ilp-bench-out-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const outCsv = join(outDir, 'result.csv');
  const script = analyzeScript();
  const args = ` --plots ${files.plots} --boundary ${files.boundary} --control ${files.control} --out ${outCsv} --summary ${join(outDir, 'summary.json')}`;
  try {
    // Each run of ours is followed by one of PostGIS, so that both meet the same load on the machine.
    const access = findPostgis();
    const analyzeRuns: CommandTime[] = [];
    const postgisRuns: PostgisRun[] = [];
    for (let r = 0; r < options.repeats; r++) {
      process.stderr.write(`bench: npm run analyze, run ${r + 1} of ${options.repeats}…\n`);
      analyzeRuns.push(runCommand(script + args));
      if (typeof access === 'string') continue;
      process.stderr.write(`bench: PostGIS, run ${r + 1} of ${options.repeats}…\n`);
      postgisRuns.push(runPostgisJob(access, files));
    }
    process.stderr.write('bench: npm run analyze with a CPU profile…\n');
    const profileDir = join(outDir, 'profile');
    // --cpu-prof is refused in NODE_OPTIONS, so it goes right after `node`.
    if (!/^node\s/.test(script)) throw new Error(`the analyze script should start with "node": ${script}`);
    runCommand(script.replace(/^node\s/, `node --cpu-prof --cpu-prof-dir=${profileDir} `) + args);
    // One profile per thread, named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; thread 0 is the main one.
    const names = readdirSync(profileDir).sort();
    const isMain = (name: string) => name.split('.')[4] === '0';
    const stages = profileStages(
      join(profileDir, names.find(isMain) ?? (names[0] as string)),
      ANALYZE_STAGES,
      {
        idleStage: WAITING,
      },
    );
    const workerStages = names
      .filter((name) => !isMain(name))
      .map((name) => profileStages(join(profileDir, name)));
    const oursCsv = readFileSync(outCsv, 'utf8');

    let postgis: AnalyzeBenchResult['postgis'];
    if (typeof access === 'string') postgis = { missing: access };
    else {
      const best = postgisRuns.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
      const ratios = postgisRuns.map((run, r) => run.totalMs / (analyzeRuns[r] as CommandTime).wallMs);
      postgis = {
        version: access.version,
        runs: postgisRuns,
        best,
        pairRatios: ratios,
        check: compareCsv(oursCsv, best.csv),
      };
    }
    return {
      plots: options.plots,
      seed: options.seed,
      plotsFileMB: readFileSync(files.plots).byteLength / 2 ** 20,
      command: `${script} --plots … --boundary … --control … --out … --summary …`,
      analyzeRuns,
      analyzeMs: Math.min(...analyzeRuns.map((r) => r.wallMs)),
      analyzeCpuMs: Math.min(...analyzeRuns.map((r) => r.cpuMs)),
      stages,
      workerStages,
      postgis,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The main thread's stage while it waits for the plot part workers. */
const WAITING = 'waiting for the other threads (idle)';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A heading and one line per stage, with its time and share of the thread's profiled time. */
function stageLines(heading: string, stages: ProfileStages): string[] {
  const width = Math.max(...stages.stages.map((s) => s.stage.length));
  return [
    heading,
    ...stages.stages.map((stage) => {
      const share = (100 * stage.ms) / stages.totalMs;
      return `  ${stage.stage.padEnd(width)}  ${stage.ms.toFixed(0).padStart(6)} ms  ${share.toFixed(1).padStart(5)} %  (GC ${stage.gcMs.toFixed(0)} ms)`;
    }),
  ];
}

/** The benchmark as lines of text. */
export function analyzeBenchReport(result: AnalyzeBenchResult): string[] {
  const lines = [
    `Whole analyze on ${result.plots.toLocaleString('en-US')} plots (seed ${result.seed}, plots file ${result.plotsFileMB.toFixed(0)} MB):`,
    `  ${result.command}`,
    `  best of ${result.analyzeRuns.length}: ${seconds(result.analyzeMs)} (runs: ${result.analyzeRuns.map((r) => seconds(r.wallMs)).join(', ')}); ` +
      `CPU time (user + system) best ${seconds(result.analyzeCpuMs)}`,
    '',
    ...stageLines(
      `Stages of one more run, from its CPU profile: main thread (${seconds(result.stages.totalMs)} profiled, of which garbage collection ${seconds(result.stages.gcMs)}, ${((100 * result.stages.gcMs) / result.stages.totalMs).toFixed(0)} %):`,
      result.stages,
    ),
  ];
  result.workerStages.forEach((stages, i) => {
    lines.push(
      ...stageLines(
        `Worker thread ${i + 1}, one part of the plots (${seconds(stages.totalMs)} profiled, of which garbage collection ${seconds(stages.gcMs)}):`,
        stages,
      ),
    );
  });
  lines.push('');
  if ('missing' in result.postgis) {
    lines.push(`PostGIS was not found (${result.postgis.missing}); only our figures are shown.`);
  } else {
    const { best, runs, check, version, pairRatios } = result.postgis;
    lines.push(
      `PostGIS (${version}), the same job: ogr2ogr the three files, dissolve and subdivide the zones, ` +
        'per plot ST_Area(geography) and ST_Intersection with both unions, status, CSV out:',
      `  best of ${runs.length}: ${seconds(best.totalMs)} (load ${seconds(best.loadMs)}, job ${seconds(best.jobMs)}; runs: ${runs.map((r) => seconds(r.totalMs)).join(', ')})`,
      `  analyze is ${(best.totalMs / result.analyzeMs).toFixed(1)}× faster than PostGIS, best against best ` +
        `(run by run: ${pairRatios.map((ratio) => `${ratio.toFixed(1)}×`).join(', ')}; target ≥ 5×, aim 10×)`,
      `  agreement: ${check.statusDifferences} status differences in ${check.plots.toLocaleString('en-US')} plots; ` +
        `largest area difference ${check.maxRelativeDifference.toExponential(1)} of the plot's area ` +
        '(geodesic edges in PostGIS, straight lon/lat edges in ours)',
    );
  }
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  lines.push(
    `Load average before ${load(result.loadAverage.before)}, after ${load(result.loadAverage.after)} ` +
      `on ${os.cpus().length} CPUs; other work on the machine only adds time, so the best run is kept.`,
  );
  return lines;
}
