import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const sample = join(root, 'data/sample');
const manifestPath = join(root, '.cache/cli/analyze.json');
const bundlePath = join(root, '.cache/cli/analyze.mjs');

function run(command: string[], args: string[]) {
  const result = spawnSync(process.execPath, [...command, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

function sampleArgs(dir: string): string[] {
  return [
    '--plots',
    join(sample, 'plots.geojson'),
    '--boundary',
    join(sample, 'boundary.geojson'),
    '--control',
    join(sample, 'control.geojson'),
    '--out',
    join(dir, 'result.csv'),
    '--summary',
    join(dir, 'summary.json'),
  ];
}

describe('npm run analyze through scripts/run-bundled.mjs', () => {
  it('writes byte for byte the CSV and summary that the script run through tsx writes', () => {
    const bundled = mkdtempSync(join(tmpdir(), 'bundled-'));
    const direct = mkdtempSync(join(tmpdir(), 'direct-'));
    expect(run(['scripts/run-bundled.mjs', 'analyze'], sampleArgs(bundled)).code).toBe(0);
    expect(run(['--import', 'tsx', 'scripts/analyze.ts'], sampleArgs(direct)).code).toBe(0);
    for (const file of ['result.csv', 'summary.json']) {
      expect(readFileSync(join(bundled, file)).equals(readFileSync(join(direct, file)))).toBe(true);
    }
    const lines = readFileSync(join(bundled, 'result.csv'), 'utf8').split('\r\n');
    expect(lines.length).toBe(3002);
  }, 120_000);

  it('builds the bundle again when one of its sources has changed since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundled-'));
    expect(run(['scripts/run-bundled.mjs', 'analyze'], sampleArgs(dir)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: Record<string, string> };
    const source = 'src/core/analysis/classify-plots.ts';
    const stamp = manifest.inputs[source];
    expect(stamp).toMatch(/^\d+:/);
    // As if the file had been edited after the build.
    manifest.inputs[source] = '0:0';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const builtBefore = statSync(bundlePath).mtimeMs;
    expect(run(['scripts/run-bundled.mjs', 'analyze'], sampleArgs(dir)).code).toBe(0);
    expect(statSync(bundlePath).mtimeMs).toBeGreaterThan(builtBefore);
    expect(JSON.parse(readFileSync(manifestPath, 'utf8')).inputs[source]).toBe(stamp);
  }, 120_000);

  it('refuses an unknown script name with exit code 2', () => {
    const result = run(['scripts/run-bundled.mjs', '../etc/passwd'], []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage');
  });
});
