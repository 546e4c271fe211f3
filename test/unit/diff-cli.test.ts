import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../src/core/analysis/analyze-plan.ts';
import { FIGURE_CATALOGUE } from '../../src/core/catalogue/figure-catalogue.ts';
import { geometryAreaM2 } from '../../src/core/geometry/ellipsoidal-area.ts';
import { parsePlanFile } from '../../src/core/plan/parse-plan-file.ts';
import { scenarioIndicators } from '../../src/core/scenario/indicators/scenario-indicators.ts';
import { measureZones, prepareZoneContext } from '../../src/core/scenario/zone-measures.ts';

const root = new URL('../../', import.meta.url).pathname;
const SMALL = join(root, 'test/fixtures/plans/small-v2.plan.json');

function diff(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/diff.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: run.status, stderr: run.stderr };
}

/** The small plan with its first scenario changed as a planner would: one plot, one zone, quota, an assumption. */
function editedPlan(dir: string): string {
  const data = JSON.parse(readFileSync(SMALL, 'utf8'));
  const scenario = data.scenarios[0];
  scenario.actions['GHW-001'] = { action: 'vacate', year: 2023 };
  delete scenario.actions['GHW-003'];
  const ring = scenario.zones[0].geometry.coordinates[0] as number[][];
  const west = Math.min(...ring.map((p) => p[0] as number));
  scenario.zones[0].geometry.coordinates[0] = ring.map((p) => [west + 1.5 * ((p[0] as number) - west), p[1]]);
  scenario.transfers[0].mu += 10;
  scenario.directQuota = [];
  scenario.assumptions.zoneTaxPerMu = 25;
  const path = join(dir, 'b.plan.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('npm run diff', () => {
  it('writes an empty diff for a plan against itself, every figure listed unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    const out = join(dir, 'diff.json');
    const { code, stderr } = diff([SMALL, SMALL, '--out', out]);
    expect(code, stderr).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.format).toBe('industrial-land-plan-diff');
    expect(written.summary).toEqual({
      plots: 0,
      zonesAdded: 0,
      zonesRemoved: 0,
      zonesChanged: 0,
      transfers: 0,
      directQuota: 0,
      assumptions: 0,
      settings: 0,
      layerPlots: 0,
      indicatorsChanged: 0,
    });
    expect(written.indicators.map((i: { key: string }) => i.key)).toEqual(FIGURE_CATALOGUE.map((r) => r.key));
  });

  it('lists the plot, zone, quota and assumption changes and the figures before and after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    const after = editedPlan(dir);
    const out = join(dir, 'diff.json');
    const { code, stderr } = diff([SMALL, after, '--scenario', '示例方案', '--out', out]);
    expect(code, stderr).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const plots = written.scenario.plots;
    expect(plots.map((p: { plotId: string }) => p.plotId)).toEqual(['GHW-001', 'GHW-003']);
    expect(plots[0].changed).toEqual(['action', 'year']);
    expect(plots[1]).toMatchObject({ after: null, changed: ['action', 'year'] });
    const [zone] = written.scenario.zones;
    expect(zone).toMatchObject({ zoneId: 'zone-1', kind: 'changed', changed: ['geometry'] });
    const plan = JSON.parse(readFileSync(after, 'utf8'));
    const before = JSON.parse(readFileSync(SMALL, 'utf8'));
    expect(zone.areaDifferenceM2).toBeCloseTo(
      geometryAreaM2(plan.scenarios[0].zones[0].geometry) -
        geometryAreaM2(before.scenarios[0].zones[0].geometry),
      6,
    );
    expect(written.scenario.transfers[0]).toMatchObject({ kind: 'changed', changed: ['mu'] });
    expect(written.scenario.directQuota[0]).toMatchObject({ kind: 'removed' });
    expect(written.scenario.assumptions).toMatchObject([{ key: 'zoneTaxPerMu', before: 20, after: 25 }]);
    // The figures are those the plan's own evaluation gives.
    const parsed = parsePlanFile(readFileSync(after, 'utf8'), after);
    if (!parsed.ok) throw new Error('the edited plan opens');
    const scenario = parsed.plan.scenarios[0];
    if (!scenario) throw new Error('it has its scenario');
    const measures = measureZones(scenario.zones, prepareZoneContext(parsed.plan.layers, 0.01));
    const overall = scenarioIndicators(analyzePlan(parsed.plan.layers).rows, measures, scenario).overall;
    const figure = (key: string) => written.indicators.find((i: { key: string }) => i.key === key);
    expect(figure('renovatedMu').after).toBe(overall.renovatedMu);
    expect(figure('used').after).toBe(overall.ledger.city.used);
    expect(figure('used').changed).toBe(true);
    expect(figure('renovatedMu').byYear['2023'].after).toBe(
      scenarioIndicators(analyzePlan(parsed.plan.layers).rows, measures, scenario).byYear[2023].renovatedMu,
    );
  });

  it('refuses bad input with a message, exit code 2 and nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    const out = join(dir, 'diff.json');
    const broken = join(dir, 'broken.plan.json');
    writeFileSync(broken, '{"format": "industrial-land-plan", ');
    for (const [args, words] of [
      [[SMALL, join(dir, 'missing.plan.json'), '--out', out], 'Cannot read plan file'],
      [[SMALL, broken, '--out', out], 'nothing was written'],
      [[SMALL, SMALL, '--scenario', '没有的方案', '--out', out], 'has no scenario named "没有的方案"'],
      [[SMALL, '--out', out], 'expected two plan files, got 1'],
      [[SMALL, SMALL], 'missing --out'],
      [[SMALL, SMALL, '--out', SMALL], '--out must not be one of the compared plan files'],
    ] as const) {
      const { code, stderr } = diff([...args]);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(words);
      expect(existsSync(out)).toBe(false);
    }
  });
});
