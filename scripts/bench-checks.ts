/**
 * Benchmark of the plausibility checks (src/core/checks) on the sample generator's seeded plots
 * (100,000 by default), stage by stage, beside the classification of the same plots measured in the
 * same run (the ratio is what to compare between machines). A second set repeats the same plots with
 * one in fifty copied (duplicates) and one in fifty moved by a third of its width (overlaps), so that
 * the overlay path is timed too.
 * Run with `npm run bench:checks [-- --plots N --repeats R]` (R: best of, default 3).
 */

import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { classifyPlots } from '../src/core/analysis/classify-plots.ts';
import { cixiCheckReference, prepareCheckReference } from '../src/core/checks/check-reference.ts';
import { detectLayerShift } from '../src/core/checks/layer-shift.ts';
import { placeFeatures } from '../src/core/checks/place-checks.ts';
import { checkPlausibility } from '../src/core/checks/plausibility-checks.ts';
import { findPlotOverlaps } from '../src/core/checks/plot-overlaps.ts';
import { findTownMismatches } from '../src/core/checks/town-mismatch.ts';
import type { Feature, FeatureCollection } from '../src/core/types.ts';
import { generateSamplePlan } from './lib/generate-sample.ts';

const { values } = parseArgs({
  options: { plots: { type: 'string' }, repeats: { type: 'string' }, seed: { type: 'string' } },
});
const plotCount = Number(values.plots ?? 100_000);
const repeats = Number(values.repeats ?? 3);
const seed = Number(values.seed ?? 20220225);

/**
 * The best of `repeats` runs, in CPU time of this process (user + system: on a busy machine far
 * steadier than the wall clock, which is printed beside it).
 */
function bestOf<T>(run: () => T): { ms: number; wallMs: number; result: T } {
  let best = Infinity;
  let bestWall = Infinity;
  let result: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(cpu);
    best = Math.min(best, (used.user + used.system) / 1000);
    bestWall = Math.min(bestWall, performance.now() - start);
  }
  return { ms: best, wallMs: bestWall, result: result as T };
}

/** The plots with one in fifty copied and one in fifty moved by a third of its width onto itself. */
function withOverlaps(plots: FeatureCollection): FeatureCollection {
  const extra: Feature[] = [];
  plots.features.forEach((feature, i) => {
    const geometry = feature.geometry;
    if (geometry?.type !== 'Polygon') return;
    if (i % 50 === 0) extra.push({ ...feature, properties: { ...feature.properties, id: `copy-${i}` } });
    if (i % 50 === 25) {
      const ring = geometry.coordinates[0] ?? [];
      const xs = ring.map((p) => p[0] as number);
      const dx = (Math.max(...xs) - Math.min(...xs)) / 3;
      extra.push({
        ...feature,
        properties: { ...feature.properties, id: `moved-${i}` },
        geometry: {
          type: 'Polygon',
          coordinates: [ring.map((p) => [(p[0] as number) + dx, p[1] as number])],
        },
      });
    }
  });
  return { ...plots, features: [...plots.features, ...extra] };
}

const root = new URL('../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as FeatureCollection;
process.stderr.write(`bench-checks: generating ${plotCount.toLocaleString('en-US')} plots (seed ${seed})…\n`);
const plan = generateSamplePlan({ seed, plots: plotCount });
const plots = plan.plots as unknown as FeatureCollection;
const boundary = plan.boundary as unknown as FeatureCollection;
const control = plan.control as unknown as FeatureCollection;
const reference = cixiCheckReference(
  read('data/basemap/counties.geojson'),
  read('data/basemap/land.geojson'),
);

const lines: string[] = [];
const line = (label: string, time: { ms: number; wallMs: number }, note = '') =>
  lines.push(
    `${label.padEnd(46)}${time.ms.toFixed(0).padStart(7)} ms CPU${time.wallMs.toFixed(0).padStart(7)} ms wall${note ? `  ${note}` : ''}`,
  );

const classify = bestOf(() => classifyPlots(plots, boundary, control));
line('baseline: classifyPlots (the analysis)', classify);
const prepared = bestOf(() => prepareCheckReference(cixiCheckReference(reference.county, reference.land)));
line('reference prepared (once per run / worker)', prepared);
const placement = bestOf(() => placeFeatures(plots, prepared.result));
line('outside the county, on water', placement);
let misplaced = 0;
for (let i = 0; i < plots.features.length; i++)
  if (placement.result.outsideCounty[i] || placement.result.onWater[i]) misplaced++;
line(
  'layer shift',
  bestOf(() => detectLayerShift(placement.result.centres, misplaced, prepared.result)),
);
const towns = bestOf(() => findTownMismatches(plots, boundary, placement.result.areasM2));
line('town mismatch', towns, `${towns.result.length} found`);
const overlaps = bestOf(() => findPlotOverlaps(plots, placement.result.areasM2));
line('overlaps and duplicates', overlaps, `${overlaps.result.pairCount} pairs`);
// The reference prepared once already (as in the worker and the CLI): what checks cost per layer.
const all = bestOf(() => checkPlausibility(plots, 'plots', { reference, boundary }));
line('checkPlausibility, all checks', all, `${(all.ms / classify.ms).toFixed(2)} × classifyPlots`);
const stressed = withOverlaps(plots);
const stressedAll = bestOf(() => checkPlausibility(stressed, 'plots', { reference, boundary }));
line(
  `  with 4 % copied or moved plots (${stressed.features.length.toLocaleString('en-US')})`,
  stressedAll,
  `${stressedAll.result.overlappingPairs} pairs, ${stressedAll.result.duplicateGeometries} duplicates`,
);
console.log(
  `plausibility checks, ${plotCount.toLocaleString('en-US')} seeded plots, best of ${repeats} (load average ${os.loadavg()[0]?.toFixed(1)}):`,
);
for (const text of lines) console.log(text);
