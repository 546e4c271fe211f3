import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import { serializePlan } from '../../src/core/plan/plan-file.ts';
import { townChainCity } from '../support/town-chain-plan.ts';

const root = new URL('../../', import.meta.url).pathname;

function run(script: 'split' | 'merge', args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, `scripts/${script}.ts`), ...args],
    {
      encoding: 'utf8',
      cwd: root,
    },
  );
  return { code: result.status, stderr: result.stderr };
}

/** The three-town city plan written to a new folder, and its parts made by `npm run split`. */
function splitCity() {
  const dir = mkdtempSync(join(tmpdir(), 'town-chain-cli-'));
  const city = join(dir, 'city.plan.json');
  writeFileSync(city, serializePlan(townChainCity()));
  const towns = join(dir, 'towns');
  const { code, stderr } = run('split', ['--plan', city, '--out-dir', towns]);
  expect(code, stderr).toBe(0);
  return { dir, city, towns, part: (town: string) => join(towns, `${town}.plan.json`) };
}

interface PartData {
  scenarios: { actions: Record<string, unknown> }[];
  layers: { plots: { features: unknown[] } };
}

function editPart(path: string, edit: (data: PartData) => void): void {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data));
}

describe('npm run split and npm run merge', () => {
  it('splits the city plan into one file per town and merges them back into the same plan', () => {
    const { dir, city, towns, part } = splitCity();
    expect(readdirSync(towns).sort()).toEqual(['丙镇.plan.json', '乙镇.plan.json', '甲镇.plan.json']);
    const read = parsePlanFile(readFileSync(part('甲镇'), 'utf8'), '甲镇.plan.json');
    expect(read.ok && read.plan.derivedFrom?.town).toBe('甲镇');
    const out = join(dir, 'merged.plan.json');
    const report = join(dir, 'merge.json');
    const args = ['--city', city, '--out', out, '--report', report];
    const { code, stderr } = run('merge', [
      ...args,
      ...['甲镇', '乙镇', '丙镇'].flatMap((t) => ['--town', part(t)]),
    ]);
    expect(code, stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(city, 'utf8'));
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.format).toBe('industrial-land-plan-merge');
    expect(written.summary).toMatchObject({ towns: 3, applied: 3, changes: 0, conflicts: 0, unresolved: 0 });
  });

  it('stops with exit code 3 and the conflicts in the report when any are unresolved; --prefer settles them', () => {
    const { dir, city, part } = splitCity();
    editPart(part('甲镇'), (data) => {
      const [first] = data.scenarios;
      if (!first) throw new Error('no scenario');
      first.actions['A-3'] = { action: 'vacate', year: 2026 };
      // The town surveyed a plot the city plan counts under 乙镇 and gave it an action.
      data.layers.plots.features.push(townChainCity().layers.plots.features[5]);
      first.actions['B-3'] = { action: 'vacate', year: 2026 };
    });
    const out = join(dir, 'merged.plan.json');
    const report = join(dir, 'merge.json');
    const stopped = run('merge', ['--city', city, '--town', part('甲镇'), '--out', out, '--report', report]);
    expect(stopped.code, stopped.stderr).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(stopped.stderr).toContain('outside-town');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.out).toBeNull();
    expect(written.towns[0].conflicts.map((c: { kind: string; id: string }) => [c.kind, c.id])).toEqual([
      ['outside-town', 'B-3'],
    ]);
    expect(written.towns[0].changes.map((c: { id: string }) => c.id)).toEqual(['A-3', 'B-3']);

    for (const [prefer, b3] of [
      ['town', { action: 'vacate', year: 2026 }],
      ['city', undefined],
    ] as const) {
      const settled = run('merge', [
        '--city',
        city,
        '--town',
        part('甲镇'),
        '--out',
        out,
        '--prefer',
        prefer,
      ]);
      expect(settled.code, settled.stderr).toBe(0);
      const merged = parsePlanFile(readFileSync(out, 'utf8'), 'merged.plan.json');
      if (!merged.ok) throw new Error('the merged plan does not read');
      expect(merged.plan.scenarios[0]?.actions['A-3']).toEqual({ action: 'vacate', year: 2026 });
      expect(merged.plan.scenarios[0]?.actions['B-3']).toEqual(b3);
    }
  });

  it('refuses bad input with exit code 2, a message naming the file, and nothing written', () => {
    const { dir, city, part } = splitCity();
    const out = join(dir, 'merged.plan.json');
    const notPart = run('merge', ['--city', city, '--town', city, '--out', out]);
    expect(notPart.code).toBe(2);
    expect(notPart.stderr).toContain('city.plan.json');
    const twice = run('merge', [
      '--city',
      city,
      '--town',
      part('甲镇'),
      '--town',
      part('甲镇'),
      '--out',
      out,
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('甲镇');
    const damaged = join(dir, 'damaged.plan.json');
    writeFileSync(damaged, '{"format": "industrial-land-plan", "version": 3, "name": ');
    expect(run('merge', ['--city', damaged, '--town', part('甲镇'), '--out', out]).code).toBe(2);
    expect(
      run('merge', ['--city', city, '--town', part('甲镇'), '--out', out, '--prefer', 'both']).code,
    ).toBe(2);
    expect(run('merge', ['--city', city, '--town', part('甲镇'), '--out', city]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const splitPart = run('split', ['--plan', part('甲镇'), '--out-dir', join(dir, 'again')]);
    expect(splitPart.code).toBe(2);
    expect(splitPart.stderr).toContain('split the city plan');
    expect(existsSync(join(dir, 'again'))).toBe(false);
  });
});
