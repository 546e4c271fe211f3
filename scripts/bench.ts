/**
 * Benchmark: our ellipsoidal area and plot classification against the straightforward @turf/turf
 * way, on seeded samples of 1,000 / 10,000 / 100,000 plots. Run with `npm run bench`
 * (node --expose-gc --import tsx scripts/bench.ts). Prints an aligned table and a final JSON line.
 * "ours classify" is one cold run of classifyPlots, preparing both zone layers included. Then the
 * whole `npm run analyze` on 100,000 plots, stage by stage, against PostGIS when it is reachable
 * (scripts/lib/bench-analyze.ts; alone: `npm run bench:analyze`).
 */

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as turf from '@turf/turf';
import type { Feature as GjFeature, MultiPolygon as GjMultiPolygon, Polygon as GjPolygon } from 'geojson';
import { classifyPlots } from '../src/core/analysis/classify-plots.ts';
import { geometryAreaM2 } from '../src/core/geometry/ellipsoidal-area.ts';
import type { FeatureCollection } from '../src/core/types.ts';
import { ANALYZE_BENCH_DEFAULTS, analyzeBenchReport, benchAnalyze } from './lib/bench-analyze.ts';
import { benchScenarioUpdate } from './lib/bench-scenario.ts';
import { generateSamplePlan } from './lib/generate-sample.ts';
import { Random } from './lib/prng.ts';

const SIZES = [1_000, 10_000, 100_000];
const SEED = 20240601;
const AREA_REPEATS = 5;
const TURF_SAMPLE = 200;
/** Sizes above this get a sampled, linearly scaled turf classification. */
const TURF_FULL_MAX = 1_000;

type PolyFeature = GjFeature<GjPolygon | GjMultiPolygon>;

const gc = (globalThis as { gc?: () => void }).gc;

/** Peak rss / heapUsed sampled while a step runs. */
class MemorySampler {
  rss = 0;
  heap = 0;
  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.rss) this.rss = usage.rss;
    if (usage.heapUsed > this.heap) this.heap = usage.heapUsed;
  }
}

interface StepResult {
  ms: number;
  peakRssMB: number;
  peakHeapMB: number;
}

/** Runs a step after a gc, sampling memory before, after and whenever the step calls `sample`. */
function step(run: (sample: () => void) => number): StepResult {
  gc?.();
  const memory = new MemorySampler();
  memory.sample();
  const ms = run(() => memory.sample());
  memory.sample();
  return { ms, peakRssMB: memory.rss / 2 ** 20, peakHeapMB: memory.heap / 2 ** 20 };
}

function bestOf(repeats: number, sample: () => void, once: () => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    once();
    best = Math.min(best, performance.now() - start);
    sample();
  }
  return best;
}

/** A seeded sample of `count` distinct indices below `n`, in increasing order. */
function sampleIndices(n: number, count: number, seed: number): number[] {
  const random = new Random(seed);
  const all = Array.from({ length: n }, (_, i) => i);
  const k = Math.min(count, n);
  for (let i = 0; i < k; i++) {
    const j = random.int(i, n - 1);
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k).sort((a, b) => a - b);
}

interface Row {
  plots: number;
  boundaryZones: number;
  controlZones: number;
  generateMs: number;
  oursAreaMs: number;
  turfAreaMs: number;
  areaRatio: number;
  oursClassifyMs: number;
  turfClassifyMs: number;
  turfClassifySampled: number | null;
  turfClassifyScale: number;
  turfClassifyErrors: number;
  classifyRatio: number;
  oursProblems: number;
  peakRssMB: { area: number; classify: number; turfArea: number; turfClassify: number };
  peakHeapMB: { area: number; classify: number; turfArea: number; turfClassify: number };
}

function benchSize(size: number): Row {
  const genStart = performance.now();
  // Cloned as the analysis worker receives layers (postMessage is a structured clone) and much as
  // JSON.parse lays out a file: the generator's own objects lie scattered among its temporaries,
  // which makes every walk over the coordinates, ours and Turf's alike, about twice as slow.
  const plan = structuredClone(generateSamplePlan({ seed: SEED, plots: size }));
  const generateMs = performance.now() - genStart;
  const plots = plan.plots as unknown as FeatureCollection;
  const boundary = plan.boundary as unknown as FeatureCollection;
  const control = plan.control as unknown as FeatureCollection;
  const turfPlots = plan.plots.features as unknown as PolyFeature[];
  const zones = [...plan.boundary.features, ...plan.control.features] as unknown as PolyFeature[];
  const n = turfPlots.length;

  let sink = 0;

  // Our areas.
  const oursArea = step((sample) =>
    bestOf(AREA_REPEATS, sample, () => {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sum += geometryAreaM2(plots.features[i]?.geometry);
        if ((i & 4095) === 0) sample();
      }
      sink += sum;
    }),
  );

  // Our classification.
  let oursProblems = 0;
  const oursClassify = step((sample) => {
    const start = performance.now();
    const result = classifyPlots(plots, boundary, control, { onProgress: sample });
    const ms = performance.now() - start;
    oursProblems = result.problems.length;
    sink += result.results.length;
    return ms;
  });

  // Turf areas.
  const turfArea = step((sample) =>
    bestOf(AREA_REPEATS, sample, () => {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sum += turf.area(turfPlots[i] as PolyFeature);
        if ((i & 4095) === 0) sample();
      }
      sink += sum;
    }),
  );

  // Turf classification: every plot against every zone, no index.
  const sampled = n > TURF_FULL_MAX;
  const indices = sampled ? sampleIndices(n, TURF_SAMPLE, SEED ^ n) : Array.from({ length: n }, (_, i) => i);
  const scale = n / indices.length;
  let turfErrors = 0;
  const turfClassify = step((sample) => {
    const start = performance.now();
    let sum = 0;
    for (let k = 0; k < indices.length; k++) {
      const plot = turfPlots[indices[k] as number] as PolyFeature;
      for (const zone of zones) {
        try {
          if (turf.booleanIntersects(plot, zone)) {
            const piece = turf.intersect(turf.featureCollection([plot, zone]));
            if (piece) sum += turf.area(piece);
          }
        } catch {
          turfErrors++;
        }
      }
      if ((k & 63) === 0) sample();
    }
    sink += sum;
    return (performance.now() - start) * scale;
  });

  if (sink === -1) console.log('');
  return {
    plots: n,
    boundaryZones: plan.boundary.features.length,
    controlZones: plan.control.features.length,
    generateMs,
    oursAreaMs: oursArea.ms,
    turfAreaMs: turfArea.ms,
    areaRatio: turfArea.ms / oursArea.ms,
    oursClassifyMs: oursClassify.ms,
    turfClassifyMs: turfClassify.ms,
    turfClassifySampled: sampled ? indices.length : null,
    turfClassifyScale: scale,
    turfClassifyErrors: turfErrors,
    classifyRatio: turfClassify.ms / oursClassify.ms,
    oursProblems,
    peakRssMB: {
      area: oursArea.peakRssMB,
      classify: oursClassify.peakRssMB,
      turfArea: turfArea.peakRssMB,
      turfClassify: turfClassify.peakRssMB,
    },
    peakHeapMB: {
      area: oursArea.peakHeapMB,
      classify: oursClassify.peakHeapMB,
      turfArea: turfArea.peakHeapMB,
      turfClassify: turfClassify.peakHeapMB,
    },
  };
}

function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function fmtRatio(x: number): string {
  return `×${x >= 100 ? x.toFixed(0) : x.toFixed(1)}`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function main(): void {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    totalMemGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    gc: gc !== undefined,
  };
  console.log(
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}, ` +
      `${machine.totalMemGB} GB RAM, global.gc ${machine.gc ? 'available' : 'NOT available'}`,
  );
  console.log(`Seed ${SEED}; areas best of ${AREA_REPEATS}; single-threaded.`);
  console.log('');

  const rows: Row[] = [];
  for (const size of SIZES) {
    process.stderr.write(`bench: ${size} plots…\n`);
    rows.push(benchSize(size));
  }

  printTable(
    [
      'plots',
      'zones b+c',
      'generate',
      'ours area',
      'turf area',
      'area turf/ours',
      'ours classify',
      'turf classify',
      'classify turf/ours',
      'turf errors',
      'turf classify note',
    ],
    rows.map((r) => [
      r.plots.toLocaleString('en-US'),
      `${r.boundaryZones}+${r.controlZones}`,
      fmtMs(r.generateMs),
      fmtMs(r.oursAreaMs),
      fmtMs(r.turfAreaMs),
      fmtRatio(r.areaRatio),
      fmtMs(r.oursClassifyMs),
      `${r.turfClassifySampled !== null ? '~' : ''}${fmtMs(r.turfClassifyMs)}`,
      fmtRatio(r.classifyRatio),
      String(r.turfClassifyErrors),
      r.turfClassifySampled !== null
        ? `sampled ${r.turfClassifySampled} plots, scaled ×${r.turfClassifyScale.toFixed(0)}`
        : 'all plots',
    ]),
  );
  console.log('');
  console.log('Peak memory per step (rss / heapUsed, MB):');
  printTable(
    ['plots', 'ours area', 'ours classify', 'turf area', 'turf classify'],
    rows.map((r) => [
      r.plots.toLocaleString('en-US'),
      `${r.peakRssMB.area.toFixed(0)} / ${r.peakHeapMB.area.toFixed(0)}`,
      `${r.peakRssMB.classify.toFixed(0)} / ${r.peakHeapMB.classify.toFixed(0)}`,
      `${r.peakRssMB.turfArea.toFixed(0)} / ${r.peakHeapMB.turfArea.toFixed(0)}`,
      `${r.peakRssMB.turfClassify.toFixed(0)} / ${r.peakHeapMB.turfClassify.toFixed(0)}`,
    ]),
  );
  console.log('');
  console.log(
    'Generate time is not part of the comparison. Turf classification: for each plot, each zone: ' +
      'booleanIntersects then intersect + area, no index; "~" = sampled and scaled linearly.',
  );
  console.log('');
  const scenario = benchScenarioUpdate();
  console.log(
    `Scenario edit on 100,000 plots: set the action of 1,000 plots and recompute every indicator ` +
      `(overall and per year): median ${scenario.medianMs.toFixed(1)} ms over ${scenario.runs} runs ` +
      `(min ${scenario.minMs.toFixed(1)}, max ${scenario.maxMs.toFixed(1)}; target < 50 ms). ` +
      `First computation, packing the rows once: ${scenario.firstMs.toFixed(0)} ms.`,
  );
  console.log('');
  const analyze = benchAnalyze(ANALYZE_BENCH_DEFAULTS);
  for (const line of analyzeBenchReport(analyze)) console.log(line);
  console.log(
    JSON.stringify({
      bench: 'industrial-land-planner',
      seed: SEED,
      machine,
      rows,
      scenarioEditMs: scenario.medianMs,
      analyzeMs: analyze.analyzeMs,
      analyzeStages: analyze.stages,
      postgisMs: 'best' in analyze.postgis ? analyze.postgis.best.totalMs : null,
    }),
  );
}

main();
