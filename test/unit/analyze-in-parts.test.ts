import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const sample = join(root, 'data/sample');

/** `npm run analyze` on the sample's boundary and control lines, with the plots read on `threads` threads. */
function analyze(plotsPath: string, threads: number, out: string) {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/analyze.ts'),
      '--plots',
      plotsPath,
      '--boundary',
      join(sample, 'boundary.geojson'),
      '--control',
      join(sample, 'control.geojson'),
      '--out',
      `${out}.csv`,
      '--summary',
      `${out}.json`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ANALYZE_THREADS: String(threads) } },
  );
  return { code: run.status, stderr: run.stderr };
}

/** The lines of stderr other than the note on how the plots were read. */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => !line.includes('ANALYZE_THREADS') && !line.includes('已分析'));
}

/** What the tests change in a sample plot. */
interface SamplePlot {
  properties: { id: string };
  geometry: { coordinates: number[][][] };
}

/** The sample's plots, changed by `edit`, written one feature per line as GIS software writes them. */
function samplePlots(dir: string, edit: (features: SamplePlot[]) => void): string {
  const plots = JSON.parse(readFileSync(join(sample, 'plots.geojson'), 'utf8'));
  edit(plots.features);
  const path = join(dir, 'plots.geojson');
  const features = plots.features.map((feature: unknown) => JSON.stringify(feature)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","name":"plots","features":[\n${features}\n]}\n`);
  return path;
}

describe('npm run analyze with the plots read in parts on several threads', () => {
  it('writes the same CSV and summary, byte for byte, as on one thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-parts-'));
    const one = analyze(join(sample, 'plots.geojson'), 1, join(dir, 'one'));
    const three = analyze(join(sample, 'plots.geojson'), 3, join(dir, 'three'));
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.stderr).toContain('plots.geojson read in 3 parts');
    expect(messages(three.stderr)).toEqual(messages(one.stderr));
    expect(readFileSync(join(dir, 'three.csv'))).toEqual(readFileSync(join(dir, 'one.csv')));
    expect(readFileSync(join(dir, 'three.json'))).toEqual(readFileSync(join(dir, 'one.json')));
  });

  it('reads the file whole when an id is in two parts: the same duplicate-id error, and nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-parts-'));
    const plotsPath = samplePlots(dir, (features) => {
      const [first] = features;
      const last = features[features.length - 1];
      if (first && last) last.properties.id = first.properties.id;
    });
    const one = analyze(plotsPath, 1, join(dir, 'one'));
    const two = analyze(plotsPath, 2, join(dir, 'two'));
    expect(two.stderr).toContain('read whole (an id in two parts)');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('[duplicate-id]');
    expect(messages(two.stderr)).toEqual(messages(one.stderr));
    expect(existsSync(join(dir, 'two.csv'))).toBe(false);
  });

  it('reads the file whole when a part finds a problem: the same warning and the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-parts-'));
    const plotsPath = samplePlots(dir, (features) => {
      // An open ring in the last plot: a warning, repaired by closing it.
      features[features.length - 1]?.geometry.coordinates[0]?.pop();
    });
    const one = analyze(plotsPath, 1, join(dir, 'one'));
    const two = analyze(plotsPath, 2, join(dir, 'two'));
    expect(two.stderr).toContain('read whole (problems found)');
    expect(two.code).toBe(0);
    expect(two.stderr).toContain('[unclosed-ring]');
    expect(messages(two.stderr)).toEqual(messages(one.stderr));
    expect(readFileSync(join(dir, 'two.csv'))).toEqual(readFileSync(join(dir, 'one.csv')));
    expect(readFileSync(join(dir, 'two.json'))).toEqual(readFileSync(join(dir, 'one.json')));
  });
});
