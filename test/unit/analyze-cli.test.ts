import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');

function analyze(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/analyze.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stderr: run.stderr };
}

describe('npm run analyze', () => {
  it('writes the result CSV with a BOM and the six leading columns, and a summary matching it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const out = join(dir, 'result.csv');
    const summaryPath = join(dir, 'summary.json');
    const { code, stderr } = analyze([
      '--plots',
      join(fixtures, 'classify/plots.geojson'),
      '--boundary',
      join(fixtures, 'classify/boundary.geojson'),
      '--control',
      join(fixtures, 'classify/control.geojson'),
      '--out',
      out,
      '--summary',
      summaryPath,
    ]);
    expect(stderr).toContain('已分析 11 个地块');
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]?.startsWith('id,area_m2,area_mu,in_boundary_m2,in_control_m2,status,')).toBe(true);
    const rows = lines.slice(1).map((line) => line.split(','));
    const row = rows.find((r) => r[0] === 'hole-over-edge');
    expect(row?.[5]).toBe('crossing');
    expect(Number(row?.[3]) / Number(row?.[1])).toBeCloseTo(0.5, 8);
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const totalM2 = rows.reduce((sum, r) => sum + Number(r[1]), 0);
    const controlM2 = rows.reduce((sum, r) => sum + Number(r[4]), 0);
    expect(summary.plots).toBe(11);
    expect(summary.industrialMu).toBeCloseTo((totalM2 * 15) / 10000, 4);
    expect(summary.controlShare).toBeCloseTo(controlM2 / totalM2, 9);
    expect(summary.byTown['测试镇'].plots).toBe(11);
    expect(summary).toHaveProperty('outsideBoundaryMu');
  });

  it.each([
    ['not-json.geojson', 'invalid-json'],
    ['self-intersecting.geojson', 'self-intersection'],
    ['duplicate-ids.geojson', 'duplicate-id'],
    ['out-of-range.geojson', '无法确定坐标系'],
    ['wrong-type-points.geojson', 'wrong-geometry-type'],
  ])('rejects %s with a message naming the file, exit code 2 and no output', (file, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-bad-'));
    const out = join(dir, 'result.csv');
    const { code, stderr } = analyze([
      '--plots',
      join(fixtures, 'bad-input', file),
      '--boundary',
      join(fixtures, 'classify/boundary.geojson'),
      '--control',
      join(fixtures, 'classify/control.geojson'),
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('explains missing arguments', () => {
    const { code, stderr } = analyze(['--plots', 'x.geojson']);
    expect(code).toBe(2);
    expect(stderr).toContain('--boundary');
  });
});
