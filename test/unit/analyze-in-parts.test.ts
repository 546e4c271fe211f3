import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const sample = join(root, 'data/sample');

/** `npm run analyze` on the sample's boundary and control lines, with the plots read the way `env` says. */
function analyze(plotsPath: string, env: Record<string, string>, out: string) {
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
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  return { code: run.status, stderr: run.stderr };
}

/** The lines of stderr other than the note on how the plots were read. */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => !line.includes('ANALYZE_THREADS') && !line.includes('已分析'));
}

/** What the tests change in a sample plot. */
interface SamplePlot {
  properties: { id: string; town: string };
  geometry: { type: string; coordinates: number[][][] | number[][][][] };
}

/**
 * The sample's first 400 plots (enough for several parts, quick on a busy machine), changed by
 * `edit`, written one feature per line as GIS software writes them.
 */
function samplePlots(dir: string, edit: (features: SamplePlot[]) => void): string {
  const plots = JSON.parse(readFileSync(join(sample, 'plots.geojson'), 'utf8'));
  plots.features = plots.features.slice(0, 400);
  edit(plots.features);
  const path = join(dir, 'plots.geojson');
  const features = plots.features.map((feature: unknown) => JSON.stringify(feature)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","name":"plots","features":[\n${features}\n]}\n`);
  return path;
}

/** The sample's plots changed by `edit`, read whole and the way `env` says; the files in `dir`. */
function onOneAndMore(edit: (features: SamplePlot[]) => void, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-parts-'));
  const plotsPath = samplePlots(dir, edit);
  const one = analyze(plotsPath, { ANALYZE_THREADS: '1', ANALYZE_PIECE_BYTES: '0' }, join(dir, 'one'));
  const more = analyze(plotsPath, env, join(dir, 'more'));
  // Whichever way the plots were read, the messages are the same.
  expect(messages(more.stderr)).toEqual(messages(one.stderr));
  expect(more.code).toBe(one.code);
  return { dir, one, more };
}

/** Both runs wrote the same CSV and summary, byte for byte. */
function expectSameFiles(dir: string): void {
  expect(readFileSync(join(dir, 'more.csv'))).toEqual(readFileSync(join(dir, 'one.csv')));
  expect(readFileSync(join(dir, 'more.json'))).toEqual(readFileSync(join(dir, 'one.json')));
}

/** The ways of reading the plots other than whole: in parts on several threads, in pieces on one. */
const WAYS: { way: string; env: Record<string, string>; said: string }[] = [
  {
    way: 'in 3 parts on several threads',
    env: { ANALYZE_THREADS: '3' },
    said: 'plots.geojson read in 3 parts',
  },
  // About 14 pieces of the 400 plots.
  {
    way: 'in pieces on one thread',
    env: { ANALYZE_THREADS: '1', ANALYZE_PIECE_BYTES: '16384' },
    said: 'plots.geojson read in pieces on one thread',
  },
];

describe.each(WAYS)('npm run analyze with the plots read $way', ({ env, said }) => {
  it('writes the same CSV and summary, byte for byte, as read whole', () => {
    const { dir, more } = onOneAndMore(() => {}, env);
    expect(more.code).toBe(0);
    expect(more.stderr).toContain(said);
    expectSameFiles(dir);
  });

  it('finds the same plausibility checks across parts: overlaps, duplicates, towns, place', () => {
    const { dir, more } = onOneAndMore((features) => {
      const at = (i: number) => features[i] as SamplePlot;
      const shell = (i: number) => (at(i).geometry.coordinates as number[][][])[0] as number[][];
      const moved = (ring: number[][], dx: number, dy: number) =>
        ring.map(([x, y]) => [(x as number) + dx, (y as number) + dy]);
      // The last plot repeats the first one's land (vertices in another order): a duplicate across parts.
      at(399).geometry = { type: 'Polygon', coordinates: [[...shell(0).slice(1), shell(0)[1] as number[]]] };
      // Plot 250 a little beside plot 10: a convex overlap across parts.
      at(250).geometry = { type: 'Polygon', coordinates: [moved(shell(10), 0.0002, 0.0001)] };
      // Plot 300 a non-convex MultiPolygon with a hole over plot 20: the full overlay, across parts.
      const [x0, y0] = shell(20)[0] as [number, number];
      const l = [
        [x0, y0],
        [x0 + 0.002, y0],
        [x0 + 0.002, y0 + 0.0005],
        [x0 + 0.0005, y0 + 0.0005],
        [x0 + 0.0005, y0 + 0.002],
        [x0, y0 + 0.002],
        [x0, y0],
      ];
      const hole = [
        [x0 + 0.0001, y0 + 0.0001],
        [x0 + 0.0001, y0 + 0.0002],
        [x0 + 0.0002, y0 + 0.0002],
        [x0 + 0.0002, y0 + 0.0001],
        [x0 + 0.0001, y0 + 0.0001],
      ];
      at(300).geometry = { type: 'MultiPolygon', coordinates: [[l, hole], [moved(shell(300), 0, 0)]] };
      // Plot 150 out at sea, plot 160 with the town of another boundary.
      at(150).geometry = { type: 'Polygon', coordinates: [moved(shell(150), 0.3, 0.25)] };
      at(160).properties.town = at(160).properties.town === '周巷镇' ? '新浦镇' : '周巷镇';
    }, env);
    expect(more.stderr).toContain(said);
    expectSameFiles(dir);
    const checks = JSON.parse(readFileSync(join(dir, 'more.json'), 'utf8')).checks;
    expect(checks.overlappingPairs).toBeGreaterThanOrEqual(3);
    expect(checks.duplicateGeometries).toBe(1);
    expect(checks.townMismatch).toBeGreaterThanOrEqual(1);
    expect(checks.outsideCounty + checks.onWater).toBeGreaterThanOrEqual(1);
  });

  it('reads the file whole when an id is in two parts: the same duplicate-id error, and nothing written', () => {
    const { dir, more } = onOneAndMore((features) => {
      const [first] = features;
      const last = features[features.length - 1];
      if (first && last) last.properties.id = first.properties.id;
    }, env);
    expect(more.stderr).toContain('read whole (an id in two parts)');
    expect(more.code).toBe(2);
    expect(more.stderr).toContain('[duplicate-id]');
    expect(existsSync(join(dir, 'more.csv'))).toBe(false);
  });

  it('reads the file whole when a part finds a problem: the same warning and the same files', () => {
    const { dir, more } = onOneAndMore((features) => {
      // An open ring in the last plot: a warning, repaired by closing it.
      features[features.length - 1]?.geometry.coordinates[0]?.pop();
    }, env);
    expect(more.stderr).toContain('read whole (problems found)');
    expect(more.code).toBe(0);
    expect(more.stderr).toContain('[unclosed-ring]');
    expectSameFiles(dir);
  });
});

describe('npm run analyze with the plots read in pieces on one thread', () => {
  it('reads the file whole when the whole layer maps its columns otherwise than the first piece', () => {
    // The first pieces have no village column: their mapping leaves 村 out, the whole layer's has it.
    const { dir, more } = onOneAndMore(
      (features) => {
        for (const feature of features.slice(0, 200))
          delete (feature.properties as { village?: string }).village;
      },
      { ANALYZE_THREADS: '1', ANALYZE_PIECE_BYTES: '16384' },
    );
    expect(more.stderr).toContain('read whole (the whole layer maps its columns otherwise)');
    expect(more.code).toBe(0);
    expectSameFiles(dir);
  });
});
