/**
 * Benchmark of the whole command line: `npm run analyze` on 100,000 seeded plots, its stages'
 * shares, and PostGIS doing the same job in the same run when a server is reachable.
 * Run with `npm run bench:analyze [-- --plots N --repeats R]`; `npm run bench` prints it too.
 */

import { parseArgs } from 'node:util';
import { ANALYZE_BENCH_DEFAULTS, analyzeBenchReport, benchAnalyze } from './lib/bench-analyze.ts';

const { values } = parseArgs({ options: { plots: { type: 'string' }, repeats: { type: 'string' } } });
const result = benchAnalyze({
  ...ANALYZE_BENCH_DEFAULTS,
  ...(values.plots === undefined ? {} : { plots: Number(values.plots) }),
  ...(values.repeats === undefined ? {} : { repeats: Number(values.repeats) }),
});
for (const line of analyzeBenchReport(result)) console.log(line);
