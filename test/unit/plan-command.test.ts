import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanCommand } from '../../scripts/lib/plan-command.ts';
import { geometryAreaM2, m2ToMu } from '../../src/core/geometry/ellipsoidal-area.ts';
import type { AreaGeometry } from '../../src/core/types.ts';

const root = new URL('../../', import.meta.url).pathname;
const plans = join(root, 'test/fixtures/plans');

function run(options: { plan: string; scenario?: string; out: string }) {
  const lines: string[] = [];
  const code = runPlanCommand(options, { error: (line) => lines.push(line) });
  return { code, stderr: lines.join('\n') };
}

function outPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'plan-command-')), 'indicators.json');
}

/** 亩 of each plot of the fixture, from its geometry. */
function plotMu(): Record<string, number> {
  const plan = JSON.parse(readFileSync(join(plans, 'small-v1.plan.json'), 'utf8'));
  return Object.fromEntries(
    plan.layers.plots.features.map((f: { properties: { id: string }; geometry: AreaGeometry }) => [
      f.properties.id,
      m2ToMu(geometryAreaM2(f.geometry)),
    ]),
  );
}

describe('runPlanCommand', () => {
  it('writes every indicator of the named scenario, overall and per year', () => {
    const out = outPath();
    const { code, stderr } = run({ plan: join(plans, 'small-v1.plan.json'), scenario: '示例方案', out });
    expect(code).toBe(0);
    expect(stderr).toContain('方案“示例方案”');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.scenario).toEqual({ id: 'scenario-1', name: '示例方案' });
    expect(Object.keys(report.byYear)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(report.overall).toEqual(report.byYear['2026']);
    for (const key of [
      'controlShare',
      'renovatedMu',
      'renovatedTaxPerMu',
      'newAboveScaleFirms',
      'ledger',
      'violations',
    ])
      expect(report.overall).toHaveProperty(key);

    const mu = plotMu();
    // GHW-003 is vacated in 2023, GHW-002 relocated in 2024, GHW-001 and GHW-004 follow in 2025.
    expect(report.byYear['2022'].renovatedMu).toBe(0);
    expect(report.byYear['2023'].renovatedMu).toBeCloseTo(mu['GHW-003'] as number, 9);
    expect(report.byYear['2024'].renovatedMu).toBeCloseTo(
      (mu['GHW-003'] as number) + (mu['GHW-002'] as number),
      9,
    );
    const all = Object.values(mu).reduce((a, b) => a + b, 0);
    expect(report.overall.renovatedMu).toBeCloseTo(all, 9);

    // The zone overlaps no plot: all of it is new land, inside control and boundary.
    const zoneGeometry = JSON.parse(readFileSync(join(plans, 'small-v1.plan.json'), 'utf8')).scenarios[0]
      .zones[0].geometry as AreaGeometry;
    const zone = report.zones[0];
    expect(zone.newLandM2).toBeCloseTo(geometryAreaM2(zoneGeometry), 3);
    expect(zone).toMatchObject({ id: 'zone-1', town: '观海卫镇', r2: 'ok', overlappedPlots: [] });

    // 掌起镇: direct quota 3 亩 from 2025, 5 亩 transferred in 2026.
    expect(report.byYear['2024'].ledger.byTown['掌起镇'].balance).toBe(0);
    expect(report.byYear['2025'].ledger.byTown['掌起镇'].balance).toBe(3);
    expect(report.byYear['2026'].ledger.byTown['掌起镇'].balance).toBe(8);
    // 观海卫镇 in 2026: released GHW-002 + GHW-003, minus the zone's new land, minus 5 transferred out.
    expect(report.overall.ledger.byTown['观海卫镇'].balance).toBeCloseTo(
      (mu['GHW-002'] as number) + (mu['GHW-003'] as number) - zone.newLandMu - 5,
      9,
    );
    // GHW-003 lies outside the boundary but is vacated, so no warning; nothing is upgraded outside.
    expect(report.overall.violations.warningPlotCount).toBe(0);
    expect(readdirSync(join(out, '..'))).toEqual(['indicators.json']);
  });

  it('takes the active scenario when none is named, and reads a version-0 plan', () => {
    const out = outPath();
    const { code, stderr } = run({ plan: join(plans, 'small-v0.plan.json'), out });
    expect(code).toBe(0);
    expect(stderr).toContain('[migrated]');
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario.name).toBe('示例方案');
  });

  it('lists the scenarios when the name is unknown, and writes nothing', () => {
    const out = outPath();
    const { code, stderr } = run({ plan: join(plans, 'small-v1.plan.json'), scenario: '方案X', out });
    expect(code).toBe(2);
    expect(stderr).toContain('没有名为“方案X”的方案');
    expect(stderr).toContain('“示例方案”、“空方案”');
    expect(stderr).toContain('small-v1.plan.json');
    expect(existsSync(out)).toBe(false);
  });

  it('names an unreadable file', () => {
    const out = outPath();
    const { code, stderr } = run({ plan: join(plans, 'missing.plan.json'), out });
    expect(code).toBe(2);
    expect(stderr).toContain('无法读取方案文件');
    expect(stderr).toContain('missing.plan.json');
    expect(existsSync(out)).toBe(false);
  });

  it('names a damaged plan and its problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-damaged-'));
    const plan = join(dir, 'damaged.plan.json');
    const text = readFileSync(join(plans, 'small-v1.plan.json'), 'utf8');
    writeFileSync(plan, text.slice(0, text.length / 2));
    const out = join(dir, 'indicators.json');
    const { code, stderr } = run({ plan, out });
    expect(code).toBe(2);
    expect(stderr).toContain('damaged.plan.json');
    expect(stderr).toContain('[not-json]');
    expect(stderr).toContain('ends in the middle');
    expect(existsSync(out)).toBe(false);
  });

  it('names a plan with a wrong part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-wrong-'));
    const plan = join(dir, 'wrong.plan.json');
    const data = JSON.parse(readFileSync(join(plans, 'small-v1.plan.json'), 'utf8'));
    data.version = 7;
    writeFileSync(plan, JSON.stringify(data));
    const { code, stderr } = run({ plan, out: join(dir, 'x.json') });
    expect(code).toBe(2);
    expect(stderr).toContain('[newer-version]');
    expect(readdirSync(dir)).toEqual(['wrong.plan.json']);
  });

  it('reports an output it cannot write', () => {
    const { code, stderr } = run({
      plan: join(plans, 'small-v1.plan.json'),
      out: join(tmpdir(), 'no-such-dir-for-plan-command', 'indicators.json'),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot write');
  });
});
