/** The seeded sample generator (npm run make:sample), run as the command line runs it, and the bundled sample. */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './build-app.ts';

/**
 * Writes the generator's set of `plots` plots (boundary, control lines, plots) to the folder `out`.
 * Throws when the generator fails.
 * @param quiet keep the generator's output (else it goes to this process's terminal)
 */
export function makeSampleSet(plots: number, out: string, { quiet = false } = {}): void {
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'scripts/make-sample.ts'), '--plots', String(plots), '--out', out],
    { cwd: projectRoot, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`make-sample failed (status ${made.status}): ${made.stderr ?? ''}`);
}

/** The number of plots in the bundled sample plan (data/sample/plots.geojson). */
export function samplePlotCount(): number {
  const plots = JSON.parse(readFileSync(join(projectRoot, 'data', 'sample', 'plots.geojson'), 'utf8')) as {
    features: unknown[];
  };
  return plots.features.length;
}
